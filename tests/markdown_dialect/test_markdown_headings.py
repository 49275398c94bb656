"""Heading ids (slugged like 11ty's slugify filter), extract_headings, plain text, reading time."""

import re

import pytest

from markdown_dialect import (
    Heading,
    extract_headings,
    reading_time_minutes,
    render_markdown,
    strip_markdown,
)


def rendered_ids(text):
    return re.findall(r'<h[2-6][^>]* id="([^"]*)"', str(render_markdown(text)))


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        (
            "Working with me as your fractional Chief Delivery Officer",
            "working-with-me-as-your-fractional-chief-delivery-officer",
        ),
        ("How I work as a fractional CDO", "how-i-work-as-a-fractional-cdo"),
        ("What does a part-time lead (PTL) do?", "what-does-a-part-time-lead-ptl-do"),
        ("Scope, access & candour", "scope-access-and-candour"),
        ("Conway's law – don't fight it", "conways-law-dont-fight-it"),
        ("It’s the team’s call", "its-the-teams-call"),
        ("You’re in charge", "you-re-in-charge"),
        ("1:1 time, every week", "1-1-time-every-week"),
        ("Über straße — café", "ueber-strasse-cafe"),
        ("The €2M–€20M range", "the-e2m-e20m-range"),
        ("Launch 🚀 day", "launch-day"),
        ("C++ & C# / .NET: 100% (beta)", "c-and-c-net-100-beta"),
        ("SaaS APIs", "saas-apis"),
        ("  Spaced   out  ", "spaced-out"),
    ],
)
def test_ids_are_slugged_like_eleventy(title, slug):
    """Expected values are what @sindresorhus/slugify with decamelize: false gives."""
    assert rendered_ids(f"## {title}") == [slug]


def test_attrs_and_markup_are_not_part_of_the_id():
    source = "## Working with me as your lead{.heading-wide .content-canvas-item-wide-left-more}"
    assert rendered_ids(source) == ["working-with-me-as-your-lead"]
    assert rendered_ids("### Using `make` with [the docs](/docs/) {.larger}") == [
        "using-make-with-the-docs"
    ]
    assert rendered_ids("## Really *quite* **bold**") == ["really-quite-bold"]


def test_duplicates_get_numbered_suffixes():
    source = "## Next steps\n\nA.\n\n## Next steps\n\nB.\n\n### Next steps\n\n## Other"
    assert rendered_ids(source) == ["next-steps", "next-steps-2", "next-steps-3", "other"]


def test_explicit_id_wins_and_slugs_steer_clear_of_it():
    source = "## Start here\n\n## Where to begin {#start-here}\n\n## Intro{#intro .heading-wide}"
    assert rendered_ids(source) == ["start-here-2", "start-here", "intro"]
    assert '<h2 id="intro" class="heading-wide">Intro</h2>' in str(render_markdown(source))


def test_a_repeated_explicit_id_is_made_unique():
    assert rendered_ids("## A{#same}\n\n## B{#same}") == ["same", "same-2"]


def test_an_unusable_explicit_id_falls_back_to_the_slug():
    assert rendered_ids("## Hello there{#has.dot}") == ["hello-there"]


def test_empty_slug_gets_a_fallback():
    assert rendered_ids("## ***\n\n## !!!") == ["section", "section-2"]


def test_h1_is_rendered_as_h2():
    """The page title is the page's only <h1>, so a Markdown h1 becomes an h2."""
    html = str(render_markdown("# Big title\n\nText.\n\nBig title\n========="))
    assert "<h1" not in html
    assert html.count("<h2") == 2
    assert rendered_ids("# Big title\n\n## Big title") == ["big-title", "big-title-2"]


def test_extract_headings_h2_to_h4_in_order_with_rendered_ids():
    source = (
        "Intro text.\n\n# Top\n\n## First part{.heading-wide}\n\n### A detail\n\n"
        "#### Finer point\n\n##### Too deep\n\n## First part\n\n## Custom{#my-anchor}"
    )
    headings = extract_headings(source)
    assert headings == [
        Heading(2, "Top", "top"),
        Heading(2, "First part", "first-part"),
        Heading(3, "A detail", "a-detail"),
        Heading(4, "Finer point", "finer-point"),
        Heading(2, "First part", "first-part-2"),
        Heading(2, "Custom", "my-anchor"),
    ]
    ids = rendered_ids(source)
    assert [h.id for h in headings] == [i for i in ids if i != "too-deep"]


def test_extract_headings_text_is_plain():
    headings = extract_headings("## Using `make` & [docs](/docs/) *now*\n\n## Fish &amp; chips")
    assert [h.text for h in headings] == ["Using make & docs now", "Fish & chips"]
    assert [h.id for h in headings] == ["using-make-and-docs-now", "fish-and-chips"]


def test_extract_headings_of_text_without_headings():
    assert extract_headings("Just a paragraph.") == []
    assert extract_headings("") == []


def test_headings_inside_code_are_not_headings():
    assert extract_headings("```\n## not a heading\n```\n\n    ## nor this") == []


def test_heading_is_a_small_frozen_dataclass():
    heading = Heading(level=2, text="A", id="a")
    assert (heading.level, heading.text, heading.id) == (2, "A", "a")
    with pytest.raises(AttributeError):
        heading.id = "b"


def test_strip_markdown_gives_plain_text():
    source = (
        "## A heading{.heading-wide}\n\nSome *emphasis*{.larger} and a [link](/x/){.small}.\n\n"
        "- one\n- two\n\n| a | b |\n|---|---|\n| c | d |\n\n<script>alert(1)</script>"
    )
    assert strip_markdown(source) == "A heading Some emphasis and a link. one two a b c d"


def test_reading_time_rounds_up_and_is_at_least_one():
    assert reading_time_minutes("") == 0
    assert reading_time_minutes("  \n\n ") == 0
    assert reading_time_minutes("Hello.") == 1
    # 200 words a minute, rounded up, as 11ty sites count: ~670 words is "4 min read".
    assert reading_time_minutes(" ".join(["word"] * 200)) == 1
    assert reading_time_minutes(" ".join(["word"] * 201)) == 2
    assert reading_time_minutes(" ".join(["word"] * 670)) == 4
    assert reading_time_minutes(" ".join(["word"] * 100), words_per_minute=50) == 2


def test_reading_time_counts_words_not_markup():
    link = "[two words](/a/very/long/address/with/many/parts/){.single-meta-forward .small}\n\n"
    assert len(strip_markdown(link * 100).split()) == 200
    assert reading_time_minutes(link * 100) == 1
    assert reading_time_minutes(link * 101) == 2
