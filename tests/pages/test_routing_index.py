"""Finding the page for a path no cache has seen (a made-up path, a 404) is an index lookup,
not a read of every page: Wagtail leaves ``url_path`` unindexed; pages' migration 0008 adds
one."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from pages import routing

FILLER_PAGES = 5000


def add_filler_pages(home, count):
    """``count`` rows beside home's children, in one statement (Wagtail would take minutes)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT column_name FROM information_schema.columns"
            " WHERE table_name = 'wagtailcore_page' AND column_name <> 'id'"
        )
        columns = [row[0] for row in cursor.fetchall()]
        made = {
            "path": "p.path || 'Z' || lpad(n::text, 4, '0')",  # no real child's path
            "depth": "p.depth + 1",
            "numchild": "0",
            "url_path": "p.url_path || 'filler-' || n || '/'",
            "slug": "'filler-' || n",
            "translation_key": "gen_random_uuid()",
        }
        values = [made.get(column, f"p.{column}") for column in columns]
        cursor.execute(
            f"INSERT INTO wagtailcore_page ({', '.join(columns)})"
            f" SELECT {', '.join(values)} FROM wagtailcore_page p,"
            " generate_series(1, %s) n WHERE p.id = %s",
            [count, home.pk],
        )
        cursor.execute("ANALYZE wagtailcore_page")


def test_a_path_no_page_owns_is_looked_up_through_an_index(home):
    add_filler_pages(home, FILLER_PAGES)
    prefixes = ["/home/", "/home/no-such/", "/home/no-such/page/"]
    with CaptureQueriesContext(connection) as queries:
        assert routing._deepest(home.get_parent(), prefixes)[0] == home.pk
    (lookup,) = [query for query in queries.captured_queries if '"url_path" IN' in query["sql"]]
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + lookup["sql"])
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "pages_page_url_path_hash" in plan, plan
