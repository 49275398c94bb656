"""The sitemap: every live page (and the blog's category and author listings), one file while
small, an index of parts once it is large; lastmod and pictures per entry."""

import re
from datetime import timedelta
from xml.etree import ElementTree

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from blog.models import BlogPage
from blog.snippets import Author, BlogCategory
from pages.models import StandardPage

NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "image": "http://www.google.com/schemas/sitemap-image/1.1",
}


def locations(client, url):
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/xml"
    return re.findall(r"<loc>([^<]+)</loc>", response.content.decode())


def live_urls():
    pages = {page.full_url for page in Page.objects.live().specific() if page.url}
    listings = {f"http://localhost/blog/category/{c.slug}/" for c in BlogCategory.objects.all()}
    listings |= {f"http://localhost/blog/author/{a.slug}/" for a in Author.objects.all()}
    return pages | listings


def entries(client):
    """{loc: (lastmod, [image locs])} of the one-file sitemap."""
    root = ElementTree.fromstring(client.get("/sitemap.xml").content)
    return {
        url.findtext("s:loc", namespaces=NS): (
            url.findtext("s:lastmod", namespaces=NS),
            [image.text for image in url.findall("image:image/image:loc", NS)],
        )
        for url in root.findall("s:url", NS)
    }


def test_a_small_site_has_one_sitemap_of_every_live_page(client):
    assert set(locations(client, "/sitemap.xml")) == live_urls()


@override_settings(SITEMAP_PAGE_SIZE=5)
def test_past_the_page_size_the_sitemap_is_an_index_of_parts(client):
    index = client.get("/sitemap.xml").content.decode()
    assert "<sitemapindex" in index
    parts = locations(client, "/sitemap.xml")
    # On the Wagtail site's root URL (the demo's localhost), not the request's host.
    assert parts == [f"http://localhost/sitemap.xml?p={n}" for n in range(1, len(parts) + 1)]
    listed = [url for part in parts for url in locations(client, part.split("localhost")[1])]
    assert len(listed) == len(set(listed)) and set(listed) == live_urls()
    assert all(len(locations(client, f"/sitemap.xml?p={n}")) <= 5 for n in (1, len(parts)))


def test_a_sitemap_part_that_does_not_exist_is_a_404(client):
    for part in ("99", "0", "x", "01x", "٣"):
        assert client.get(f"/sitemap.xml?p={part}").status_code == 404


def test_the_sitemap_is_built_once_and_a_publish_shows_in_it_at_once(client, home, add_page):
    locations(client, "/sitemap.xml")
    with CaptureQueriesContext(connection) as queries:
        locations(client, "/sitemap.xml")
    assert len(queries) == 1  # the content version; the answer comes from the cache
    page = add_page(home, StandardPage, title="Fresh in the map")
    assert page.full_url in locations(client, "/sitemap.xml")


def test_lastmod_is_the_last_publish_or_a_later_updated_date(client, home, add_page):
    page = add_page(home, StandardPage, title="Dated")
    assert entries(client)[page.full_url][0] == page.last_published_at.isoformat(timespec="seconds")
    later = page.last_published_at + timedelta(days=3)
    page.updated_on = later
    page.save_revision().publish()
    page.refresh_from_db()
    assert entries(client)[page.full_url][0] == later.isoformat(timespec="seconds")
    page.updated_on = page.last_published_at - timedelta(days=30)  # earlier: the publish wins
    page.save_revision().publish()
    page.refresh_from_db()
    assert entries(client)[page.full_url][0] == page.last_published_at.isoformat(timespec="seconds")


def test_pages_with_figures_or_a_hero_list_their_pictures(client, home):
    listed = entries(client)
    with_figure = home.full_url  # the demo's home page has a figure
    assert listed[with_figure][1] and all(
        url.startswith("http://localhost/media/original_images/") for url in listed[with_figure][1]
    )
    post = BlogPage.objects.live().filter(hero_image__isnull=False).first()
    assert listed[post.full_url][1] == [f"http://localhost{post.hero_image.file.url}"]
    about = StandardPage.objects.get(slug="about")
    assert listed[about.full_url][1] == []


def test_category_and_author_listings_are_listed_with_their_newest_post(client):
    listed = entries(client)
    category = BlogCategory.objects.get(slug="delivery")
    newest = BlogPage.objects.live().filter(categories=category).order_by("-last_published_at")[0]
    lastmod = newest.last_published_at.isoformat(timespec="seconds")
    assert listed["http://localhost/blog/category/delivery/"] == (lastmod, [])
    author = Author.objects.filter(posts__live=True).first()
    assert f"http://localhost/blog/author/{author.slug}/" in listed


def test_the_sitemaps_pictures_cost_one_query_however_many_there_are(client):
    """Their files, widths and heights in one query (an image file read without its
    dimensions fetches them, one query each)."""
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/sitemap.xml").content.decode()
    assert html.count("<image:loc>") >= 3
    image_queries = [q["sql"] for q in queries if 'FROM "wagtailimages_image"' in q["sql"]]
    assert len(image_queries) == 1, image_queries
