"""Page meta: dates, reading time, table of contents."""

import re
from datetime import UTC, datetime

from markdown_dialect.render import WORDS_PER_MINUTE
from pages.models import StandardPage


def md(text):
    """A body of one Markdown block."""
    return [{"type": "markdown", "value": text}]


def test_reading_time_is_computed_from_the_body(client, home, add_page):
    text = " ".join(["word"] * (WORDS_PER_MINUTE * 3))
    page = add_page(home, StandardPage, title="Long read", show_reading_time=True, body=md(text))
    assert page.reading_time == 3
    assert "3 min read" in client.get(page.url).content.decode()


def test_reading_time_counts_200_words_a_minute_rounded_up_like_11ty(home, add_page):
    # A ~670-word post: "4 min read" on the 11ty original.
    text = " ".join(["word"] * 670)
    page = add_page(home, StandardPage, title="Post", show_reading_time=True, body=md(text))
    assert page.reading_time == 4


def test_reading_time_is_hidden_unless_asked_for(client, home, add_page):
    page = add_page(home, StandardPage, title="Short", body=md("Hi"))
    assert "min read" not in client.get(page.url).content.decode()


def test_dates_show_when_page_meta_is_on(client, home, add_page):
    page = add_page(
        home,
        StandardPage,
        title="Dated",
        show_page_meta=True,
        published_on=datetime(2025, 3, 5, 12, tzinfo=UTC),
        updated_on=datetime(2025, 6, 24, 12, tzinfo=UTC),
    )
    html = client.get(page.url).content.decode()
    assert 'Published <time datetime="2025-03-05T12:00:00+00:00">5 March 2025</time>' in html
    assert "Updated <time" in html and "24 June 2025" in html


def test_table_of_contents_links_to_the_body_headings(client, home, add_page):
    body = (
        "## First part\n\nText.\n\n### A detail\n\nMore.\n\n## Second part{.heading-wide}\n\nEnd."
    )
    page = add_page(home, StandardPage, title="With TOC", show_toc=True, body=md(body))
    html = client.get(page.url).content.decode()
    assert '<a href="#first-part">First part</a>' in html
    assert '<li class="toc__level-3"><a href="#a-detail">A detail</a></li>' in html
    assert '<a href="#second-part">Second part</a>' in html
    assert '<h2 class="heading-wide" id="second-part">' in html or (
        'id="second-part" class="heading-wide"' in html
    )


def test_no_table_of_contents_when_switched_off(client, home, add_page):
    page = add_page(home, StandardPage, title="No TOC", body=md("## A heading"))
    assert "On this page" not in client.get(page.url).content.decode()


def test_heading_ids_are_unique_across_blocks_and_match_the_toc(client, home, add_page):
    body = [
        {"type": "markdown", "value": "## Pricing\n\nFirst."},
        {"type": "call_to_action", "value": {"label": "Go", "link": {"link_url": "/contact/"}}},
        {"type": "markdown", "value": "## Pricing\n\nAgain.\n\n## Next{#pricing-2}"},
    ]
    page = add_page(home, StandardPage, title="Repeats", show_toc=True, body=body)
    html = client.get(page.url).content.decode()
    ids = re.findall(r'<h2[^>]* id="([^"]+)"', html)
    assert len(ids) == len(set(ids)), ids
    toc = re.search(r'<nav class="toc".*?</nav>', html, re.S).group(0)
    assert re.findall(r'href="#([^"]+)"', toc) == [i for i in ids if i != "toc-heading"]
