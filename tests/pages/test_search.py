"""Search: a form in every page's header, results with the visitor's words marked (escaped
first), pagination that keeps the query, and no shared cache entry."""

import re

import pytest

from pages.models import StandardPage
from pages.templatetags.search_tags import highlight, search_excerpt

EVERY_PAGE_TYPE = [
    "/",
    "/services/",
    "/services/fractional-cto/",
    "/services/fractional-cto/what-is-a-fractional-cto/",
    "/about/",
    "/blog/",
    "/blog/why-delivery-estimates-go-wrong/",
    "/contact/",
    "/search/?q=delivery",
    "/no-such-page/",
]


def header_of(html):
    return re.search(r'<header class="site-header">.*?</header>', html, re.S).group(0)


@pytest.mark.parametrize("path", EVERY_PAGE_TYPE)
def test_every_page_has_a_labelled_search_form_in_its_header(client, path):
    header = header_of(client.get(path).content.decode())
    form = re.search(r"<form[^>]*>.*?</form>", header, re.S).group(0)
    assert 'action="/search/"' in form and 'method="get"' in form and 'role="search"' in form
    assert '<label class="visually-hidden" for="site-search-q">Search the site</label>' in form
    assert '<input class="site-search__input" id="site-search-q" type="search" name="q"' in form
    assert "<script" not in header


def test_results_mark_the_matched_words(client):
    html = client.get("/search/?q=delivery").content.decode()
    results = re.search(r'<ol class="search-results".*?</ol>', html, re.S).group(0)
    assert "<mark>Delivery</mark>" in results or "<mark>delivery</mark>" in results
    assert 'class="search-summary"' in html


def test_the_excerpt_comes_from_the_body_when_the_description_has_no_match(home, add_page):
    body = [("markdown", "Intro words. " * 30 + "The quokka lives on an island. " + "End. " * 30)]
    page = add_page(home, StandardPage, title="Animals", body=body, search_description="Fauna.")
    excerpt = search_excerpt(page, "quokka")
    assert "<mark>quokka</mark> lives on an island" in excerpt
    assert excerpt.startswith("… ") and excerpt.endswith(" …")
    assert str(search_excerpt(page, "fauna")) == "<mark>Fauna</mark>."


def test_marking_escapes_first_so_neither_page_nor_query_can_inject(client, home, add_page):
    add_page(home, StandardPage, title="<b>Quokka</b> & <i>alert(1)</i>", slug="q")
    html = client.get("/search/?q=quokka").content.decode()
    results = re.search(r'<ol class="search-results".*?</ol>', html, re.S).group(0)
    assert "&lt;b&gt;<mark>Quokka</mark>&lt;/b&gt; &amp; &lt;i&gt;alert(1)&lt;/i&gt;" in results
    assert "<b>" not in results and "<i>" not in results
    echoed = client.get('/search/?q="><script>alert(1)</script>').content.decode()
    assert "<script>alert(1)" not in echoed
    assert "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in echoed


def test_highlight_marks_whole_words_from_their_start_case_insensitively():
    assert highlight("Leadership and leaders", "lead") == (
        "<mark>Leadership</mark> and <mark>leaders</mark>"
    )
    assert highlight("misleading", "lead") == "misleading"  # not inside a word
    assert highlight("a < b", "") == "a &lt; b"
    assert highlight("a & amp", "amp") == "a &amp; <mark>amp</mark>"  # not the entity


def test_results_are_paginated_and_pages_keep_the_query(client, home, add_page):
    for number in range(12):
        add_page(home, StandardPage, title=f"Quokka note {number}", slug=f"quokka-{number}")
    first = client.get("/search/?q=quokka").content.decode()
    assert first.count("<li><h2>") == 10
    assert "12 pages match" in first
    assert 'href="?page=2&amp;q=quokka" rel="next">Next</a>' in first
    second = client.get("/search/?q=quokka&page=2").content.decode()
    assert second.count("<li><h2>") == 2
    assert '<ol class="search-results" start="11">' in second
    assert 'href="?page=1&amp;q=quokka" rel="prev">Previous</a>' in second
    # A page past the end or not a number is the last or first page, never an error.
    assert client.get("/search/?q=quokka&page=99").status_code == 200
    assert client.get("/search/?q=quokka&page=x").status_code == 200


def test_search_is_never_a_shared_cache_entry_and_its_header_is_wrapped(client):
    response = client.get("/search/?q=delivery")
    assert response["Cache-Control"] == "private, max-age=0"
    html = response.content.decode()
    assert '<header class="page-header"><div class="page-header__inner"><h1>Search</h1>' in html


def test_the_404_page_header_is_wrapped(client):
    html = client.get("/no-such-page/").content.decode()
    assert '<header class="page-header"><div class="page-header__inner"><h1>' in html
