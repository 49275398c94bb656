"""Redirects served by gunicorn workers: exact hit counts under concurrency, changes reaching
every worker within 5 s, and a database outage."""

import http.client
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.db import connection

from tests.serving import database_url, gunicorn
from tests.site_redirects.committed import SwitchableProxy, add_rule, bump, committed_rules


def server_env(db_url):
    return {
        "DJANGO_SETTINGS_MODULE": "site_project.settings.test",
        "DATABASE_URL": db_url,
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }


class Client:
    """One keep-alive HTTP connection per thread; redirects are not followed."""

    def __init__(self, base_url):
        self.address = urlsplit(base_url).netloc
        self.local = threading.local()

    def get(self, path, fresh=False):
        """GET ``path``; ``fresh`` opens a new connection, which any worker may accept."""
        if fresh:
            self.local.conn = None
        for attempt in range(2):
            conn = getattr(self.local, "conn", None) or http.client.HTTPConnection(
                self.address, timeout=20
            )
            self.local.conn = conn
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                return response.status, response.getheader("Location")
            except (http.client.HTTPException, OSError):
                conn.close()
                self.local.conn = None  # the worker closed a kept-alive connection: retry
                if attempt:
                    raise
        return None


def until_every_worker_redirects(client, path, within=5):
    """Wait (at most ``within`` s) for 20 redirects in a row, each on a new connection (so
    whichever worker accepts it); return how many redirects were counted meanwhile."""
    deadline, hits, in_a_row = time.monotonic() + within, 0, 0
    while in_a_row < 20:
        assert time.monotonic() < deadline, f"{path} did not redirect everywhere in {within}s"
        status, _ = client.get(path, fresh=True)
        hits += status == 301
        in_a_row = in_a_row + 1 if status == 301 else 0
    return hits


@pytest.fixture(scope="module")
def two_workers(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        env = server_env(database_url(connection.settings_dict))
    with gunicorn(env, workers=2) as base_url:
        yield Client(base_url)


def test_1000_concurrent_hits_add_exactly_1000_and_keep_an_admins_edit(two_workers):
    with committed_rules(("/hot/", "/contact/")) as (conn, ids):
        rule = ids["/hot/"]
        conn.execute("UPDATE redirects_redirect SET notes = 'before' WHERE id = %s", [rule])
        warm_hits = until_every_worker_redirects(two_workers, "/hot/")
        edited = threading.Event()

        def hit(i):
            if i == 300:  # an admin edits the rule while it is being counted
                conn.execute("UPDATE redirects_redirect SET notes = 'edited' WHERE id = %s", [rule])
                edited.set()
            return two_workers.get(f"/hot/?n={i}")

        with ThreadPoolExecutor(max_workers=24) as pool:
            answers = list(pool.map(hit, range(1000)))
        assert edited.is_set()
        assert {status for status, _ in answers} == {301}
        # A hit is counted once its response is sent: allow the last ones a moment.
        deadline = time.monotonic() + 5
        while True:
            counter, notes = conn.execute(
                "SELECT counter, notes FROM redirects_redirect WHERE id = %s", [rule]
            ).fetchone()
            if counter >= warm_hits + 1000 or time.monotonic() > deadline:
                break
            time.sleep(0.1)
        assert (counter, notes) == (warm_hits + 1000, "edited")


def test_a_change_reaches_every_worker_within_5_seconds(two_workers):
    with committed_rules() as (conn, ids):
        # Both workers hold a loaded table that does not know the rule yet.
        assert {two_workers.get("/fresh-rule/", fresh=True)[0] for _ in range(20)} == {404}
        ids["/fresh-rule/"] = add_rule(conn, "/fresh-rule/", "/contact/")
        changed_at = time.monotonic()
        time.sleep(max(0, 5 - (time.monotonic() - changed_at)))
        answers = {two_workers.get("/fresh-rule/", fresh=True) for _ in range(40)}
        assert answers == {(301, "/contact/")}
        conn.execute("DELETE FROM redirects_redirect WHERE id = %s", [ids.pop("/fresh-rule/")])
        bump(conn)
        time.sleep(5)
        assert {two_workers.get("/fresh-rule/", fresh=True)[0] for _ in range(40)} == {404}


def test_during_a_database_outage_rules_keep_answering_and_other_pages_work(
    django_db_blocker,
):
    with django_db_blocker.unblock():
        proxy = SwitchableProxy()
        env = server_env(proxy.url())
    with committed_rules(("/kept/", "/contact/")), gunicorn(env, workers=1) as base_url:
        client = Client(base_url)
        # A new rule answers within the 5-second freshness bound (here: at once, or on the
        # worker's next version check).
        deadline = time.monotonic() + 5
        while client.get("/kept/") != (301, "/contact/") and time.monotonic() < deadline:
            time.sleep(0.25)
        assert client.get("/kept/") == (301, "/contact/")
        assert client.get("/static/icons/favicon.svg")[0] == 200
        proxy.cut()
        time.sleep(2.5)  # past the version check interval: the next request tries to reload
        assert client.get("/healthz")[0] == 503  # the database is really gone
        # What needs no database still works (robots.txt names the Wagtail Site's root URL
        # since the seo work, so it answers the branded 503 like every page).
        assert client.get("/static/icons/favicon.svg")[0] == 200
        assert client.get("/kept/") == (301, "/contact/")  # the last good rules answer
        assert client.get("/nothing-here/")[0] != 200
