"""A render with Django's caches warm (a front cache miss on a busy site) costs one query,
the content version, for every page type, and still shows every change at once.

What a page shows is kept per page and content version (pages.routing, the fragment caches,
the listings' counts): these tests change content the ways editors do (publish, unpublish,
move, a category or an author saved) and check the very next render shows it.
"""

from urllib.parse import urlsplit

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from blog.models import Author, BlogCategory, BlogPage
from pages import routing
from pages.models import ContactPage, HomePage, SiteSettings, StandardPage
from services.models import ServicePage
from site_redirects import live_table
from tests.pages.test_query_budget import PAGES

# The content version: read once per request, so a change by any process shows at once.
WARM_BUDGET = 1
# Search results are per query and never kept: the version, the search, its count, and the
# results' own rows, one query per page type found (within the first-render budget).
WARM_SEARCH_BUDGET = 7


def warm_render_queries(client, url):
    client.get(url)
    client.get(url)
    # The redirect rules' version is checked once per 2 s per worker, not per page.
    live_table.current.get()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code in (200, 404), url
    return [query["sql"] for query in queries]


@pytest.mark.parametrize("name", list(PAGES))
def test_a_warm_render_of_every_page_type_costs_one_query(client, name):
    names = {"category": BlogCategory.objects.first().slug, "author": Author.objects.first().slug}
    url = PAGES[name][0].format(**names)
    budget = WARM_SEARCH_BUDGET if name == "search" else WARM_BUDGET
    sql = warm_render_queries(client, url)
    assert len(sql) <= budget, sql


def post_html(client, post):
    response = client.get(post.url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def post():
    return BlogPage.objects.live().filter(categories__isnull=False).order_by("path").first()


def test_publishing_shows_at_once_on_the_page_and_where_others_list_it(client, post):
    related = (
        BlogPage.objects.live().exclude(pk=post.pk).filter(categories__in=post.categories.all())
    )
    other = related.order_by("path").first()
    assert other.title in post_html(client, other) and post.title in post_html(client, other)
    post.title = "A title published a moment ago"
    post.save_revision().publish()
    assert "A title published a moment ago" in post_html(client, post)
    # Kept with the other post as served: its related posts.
    assert "A title published a moment ago" in post_html(client, other)
    assert "A title published a moment ago" in client.get("/blog/").content.decode()


def test_unpublishing_answers_404_at_once(client, post):
    assert client.get(post.url).status_code == 200
    url = post.url
    post.unpublish()
    assert client.get(url).status_code == 404
    assert post.title not in client.get("/blog/").content.decode()


def test_a_page_published_at_an_address_that_was_a_404_answers_at_once(client, home, add_page):
    assert client.get("/just-written/").status_code == 404
    add_page(home, StandardPage, title="Just written")
    assert client.get("/just-written/").status_code == 200


def test_moving_a_page_shows_at_once_at_its_new_address_with_its_new_trail(client):
    explainer = StandardPage.objects.get(slug="what-is-a-fractional-cto")
    old_url = explainer.url
    assert client.get(old_url).status_code == 200
    other_service = ServicePage.objects.exclude(pk=explainer.get_parent().pk).first()
    client.get(other_service.url)  # its crumb and trail warm
    explainer.move(other_service, pos="last-child")
    explainer.refresh_from_db()
    html = client.get(explainer.url).content.decode()
    assert explainer.title in html
    assert f'href="{other_service.url}"' in html.split('aria-label="Breadcrumb"')[1]
    assert client.get(old_url).status_code in (301, 404)


def test_a_category_saved_shows_at_once_on_its_posts_and_its_page(client, post):
    category = post.categories.first()
    page = f"/blog/category/{category.slug}/"
    assert category.name in post_html(client, post)
    assert client.get(page).status_code == 200
    category.name = "Renamed category"
    category.save()
    assert "Renamed category" in post_html(client, post)
    assert "Renamed category" in client.get(page).content.decode()


def test_an_author_saved_shows_at_once_on_their_posts_and_their_page(client):
    post = BlogPage.objects.live().filter(author__isnull=False).order_by("path").first()
    author = post.author
    page = f"/blog/author/{author.slug}/"
    assert author.name in post_html(client, post)
    assert client.get(page).status_code == 200
    author.name = "Renamed Author"
    author.save()
    assert "Renamed Author" in post_html(client, post)
    assert "Renamed Author" in client.get(page).content.decode()


def test_a_signed_in_user_is_never_served_from_the_routing_cache(client, site_admin, post):
    """A row changed without a publish (no content version bump) stays as the anonymous
    visitors' cached view had it, while a signed-in user gets the database's."""
    assert post.title in post_html(client, post)
    BlogPage.objects.filter(pk=post.pk).update(intro="An intro only the database has")
    assert "An intro only the database has" not in post_html(client, post)
    client.force_login(site_admin)
    assert "An intro only the database has" in post_html(client, post)


def test_a_form_with_errors_is_built_for_its_post_not_the_kept_empty_form(client):
    contact = ContactPage.objects.get()
    assert "form__errors" not in client.get(contact.url).content.decode()  # the empty form, kept
    html = client.post(contact.url, {"your_name": "Ada"}).content.decode()
    assert "form__errors" in html and 'value="Ada"' in html
    assert "form__errors" not in client.get(contact.url).content.decode()


def test_a_preview_shows_the_drafts_header_jumbotron_and_head_not_the_kept_live_ones(
    client, site_admin
):
    page = StandardPage.objects.get(slug="about")
    # On the host the preview's request has (the site's), so the head's key is the same.
    host = urlsplit(page.full_url).netloc
    assert client.get("/about/", HTTP_HOST=host).status_code == 200  # the live fragments, kept
    page.jumbotron = [("jumbotron", {"text": "A hero only the draft has", "buttons": []})]
    page.search_description = "A description only the draft has"
    page.title = "A title only the draft has"
    request = RequestFactory().get(f"/admin/pages/{page.pk}/edit/preview/")
    request.user = site_admin
    html = page.make_preview_request(request).render().content.decode()
    assert "A hero only the draft has" in html
    assert 'content="A description only the draft has"' in html
    assert "<h1>A title only the draft has</h1>" in html
    live = client.get("/about/", HTTP_HOST=host).content.decode()
    assert "only the draft has" not in live


def test_the_kept_header_and_footer_show_a_settings_save_and_a_new_menu_page_at_once(
    client, home, add_page
):
    assert "A tagline saved a moment ago" not in client.get("/about/").content.decode()
    settings = SiteSettings.objects.get()
    settings.tagline = "A tagline saved a moment ago"
    settings.save()
    add_page(home, StandardPage, title="Pricing", show_in_menus=True)
    html = client.get("/about/").content.decode()
    assert "A tagline saved a moment ago" in html.split('class="site-footer"')[1]
    assert 'href="/pricing/"' in html.split('class="main-menu"')[1].split("</nav>")[0]


def test_paths_that_name_no_page_mint_no_cache_entries(client):
    """Anyone can send endless distinct paths: a 404, or a path below a page that routes its
    own sub-paths, must not leave a cache entry each (only a page's own path is kept)."""

    def route_entries():
        return [key for key in caches["content"]._cache if ":route:" in key]

    client.get("/blog/")  # a page's own path: kept
    kept = route_entries()
    assert kept
    for number in range(50):
        assert client.get(f"/no-such-page-{number}/").status_code == 404
        assert client.get(f"/blog/no-such-post-{number}/").status_code == 404
        assert client.get(f"/about/anything-{number}/").status_code == 404
    assert route_entries() == kept
    # They are kept in this process's memo instead, which stays within its bound.
    assert 0 < len(routing._unnamed) <= routing.UNNAMED_PATHS_KEPT


def test_the_memo_of_paths_that_name_no_page_is_bounded(client, monkeypatch):
    monkeypatch.setattr(routing, "UNNAMED_PATHS_KEPT", 10)
    for number in range(30):
        client.get(f"/no-such-page-{number}/")
    assert len(routing._unnamed) == 10
    # A page published at a remembered path answers at once (a new content version).
    assert client.get("/no-such-page-29/").status_code == 404
    home = HomePage.objects.get()
    page = StandardPage(title="Now here", slug="no-such-page-29")
    home.add_child(instance=page)
    page.save_revision().publish()
    assert client.get("/no-such-page-29/").status_code == 200
