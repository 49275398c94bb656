"""At most 8 queries for a first render of any page type, the same at 10 and at 1,000 pages.

"First render": the page itself was never rendered since the content last changed; what it
shares with a page of its kind (site, settings, menu, the breadcrumb trail of its parent)
was built by one earlier request to that other page, as on a running site. Everything of
its own (the page, its posts, categories, tags, images and their renditions) is fetched now.
"""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from blog.models import Author, BlogCategory, BlogIndexPage, BlogPage
from pages.models import StandardPage
from site_redirects import live_table
from tests.process_state import forget_process_state

BUDGET = 8
# page type: (its URL, a page of the same kind rendered before it)
PAGES = {
    "home": ("/", "/contact/"),
    "service index": ("/services/", "/about/"),
    "service": ("/services/fractional-cto/", "/services/fractional-cdo/"),
    # After its service, as a visitor (and the bench) goes: the trail down to the service is
    # built from the service's own, one level more, not again from home.
    "explainer": (
        "/services/fractional-cto/what-is-a-fractional-cto/",
        "/services/fractional-cto/",
    ),
    "standard page": ("/about/", "/contact/"),
    "blog index": ("/blog/", "/about/"),
    # Not after /blog/: with fewer than two pages of posts, page 2 is page 1 (the last page).
    "blog index, page 2": ("/blog/?page=2", "/about/"),
    "post": ("/blog/outgrown-first-architecture/", "/blog/why-delivery-estimates-go-wrong/"),
    "category": ("/blog/category/{category}/", "/blog/"),
    "author": ("/blog/author/{author}/", "/blog/"),
    "contact": ("/contact/", "/about/"),
    "search": ("/search/?q=delivery", "/search/?q=leadership"),
    "not found": ("/no/such/page/", "/no/such/other/page/"),
}


def first_render_queries(client, url, sibling):
    forget_process_state()
    client.get(sibling)
    # The redirect rules' version is checked once per 2 s per worker, not per page: just
    # checked, it cannot fall inside the measured render on a slow machine.
    live_table.current.get()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code in (200, 404), url
    return len(queries)


def grow_site(home, count):
    """``count`` more pages: half of them posts (with a picture, in one category), half
    standard pages."""
    blog = BlogIndexPage.objects.get()
    category = BlogCategory.objects.first()
    picture = BlogPage.objects.filter(hero_image__isnull=False).first().hero_image
    section = StandardPage(title="Archive", slug="archive")
    home.add_child(instance=section)
    for number in range(count // 2):
        post = BlogPage(title=f"Archived post {number}", slug=f"archived-{number}", live=True)
        post.hero_image = picture
        blog.add_child(instance=post)
        post.categories.add(category)
        section.add_child(
            instance=StandardPage(title=f"Archived page {number}", slug=f"p-{number}", live=True)
        )


@pytest.fixture
def urls():
    names = {"category": BlogCategory.objects.first().slug, "author": Author.objects.first().slug}
    return {name: (url.format(**names), sibling) for name, (url, sibling) in PAGES.items()}


def test_every_page_type_renders_within_the_budget_at_any_size(client, home, urls):
    small = {name: first_render_queries(client, *pair) for name, pair in urls.items()}
    grow_site(home, 1_000)
    large = {name: first_render_queries(client, *pair) for name, pair in urls.items()}
    assert {name: count for name, count in large.items() if count > BUDGET} == {}
    assert large == small


@pytest.mark.parametrize("url", ["/", "/services/fractional-cto/", "/about/"])
def test_a_repeat_render_fetches_none_of_the_bodys_images_or_linked_pages(client, url):
    """The body is rendered once per content version; reading time and the table of contents
    come from the stored Markdown, not from blocks fetched again."""
    client.get(url)
    live_table.current.get()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    sql = [query["sql"] for query in queries]
    assert not [q for q in sql if '"wagtailimages_image"' in q], sql
    assert len(sql) <= 5, sql


def test_a_preview_shows_the_draft_body_not_the_cached_live_one(client, site_admin):
    page = StandardPage.objects.get(slug="about")
    assert client.get("/about/").status_code == 200  # the live body, now cached
    page.body = [("markdown", "A sentence only the draft has.")]
    request = RequestFactory().get(f"/admin/pages/{page.pk}/edit/preview/")
    request.user = site_admin
    response = page.make_preview_request(request)
    assert b"A sentence only the draft has." in response.render().content
    assert b"A sentence only the draft has." not in client.get("/about/").content
