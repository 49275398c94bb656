"""The sitemap: every live page, one file while small, an index of parts once it is large."""

import re

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from pages.models import StandardPage


def locations(client, url):
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/xml"
    return re.findall(r"<loc>([^<]+)</loc>", response.content.decode())


def live_urls():
    return {page.full_url for page in Page.objects.live().specific() if page.url}


def test_a_small_site_has_one_sitemap_of_every_live_page(client):
    assert set(locations(client, "/sitemap.xml")) == live_urls()


@override_settings(SITEMAP_PAGE_SIZE=5)
def test_past_the_page_size_the_sitemap_is_an_index_of_parts(client):
    index = client.get("/sitemap.xml").content.decode()
    assert "<sitemapindex" in index
    parts = locations(client, "/sitemap.xml")
    assert parts == [f"http://testserver/sitemap.xml?p={n}" for n in range(1, len(parts) + 1)]
    listed = [url for part in parts for url in locations(client, part.split("testserver")[1])]
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
