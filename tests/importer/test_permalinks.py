"""11ty's file-slug rules and the permalink expression evaluator."""

import datetime as dt

import pytest

from importer.permalinks import (
    PermalinkError,
    date_in_path,
    default_url,
    file_path_stem,
    file_slug,
    link_to_url,
    render,
)

VARIABLES = {
    "title": "Conway's law & you",
    "site": {"section": "guide"},
    "page": {
        "fileSlug": "my-post",
        "filePathStem": "/blog/my-post",
        "date": dt.datetime(2024, 1, 9, tzinfo=dt.UTC),
    },
}


def test_file_slugs_drop_the_date_and_index_names_their_folder():
    assert file_slug("blog/2024-01-09-my-post.md") == "my-post"
    assert file_slug("blog/index.md") == "blog"
    assert file_slug("2024-01-09-launch/index.md") == "launch"
    assert file_slug("index.md") == ""
    assert file_path_stem("blog/2024-01-09-my-post.md") == "/blog/my-post"
    assert date_in_path("blog/2024-01-09-my-post.md") == dt.datetime(2024, 1, 9, tzinfo=dt.UTC)
    assert date_in_path("blog/2024-13-45-nope.md") is None


def test_default_urls_follow_11ty_including_folder_named_files():
    assert default_url("a/b.md") == "/a/b/"
    assert default_url("a/index.md") == "/a/"
    assert default_url("a/a.md") == "/a/"
    assert default_url("index.md") == "/"
    # 11ty keeps the date in the default URL; only fileSlug drops it.
    assert default_url("blog/2024-01-09-my-post.md") == "/blog/2024-01-09-my-post/"


def test_rendered_links_become_urls_as_11ty_writes_them():
    assert link_to_url("people/index.html") == "/people/"
    assert link_to_url("/x/index") == "/x/"
    assert link_to_url("//docs/faq.html") == "/docs/faq.html"
    assert link_to_url("/feed.xml") == "/feed.xml"


@pytest.mark.parametrize(
    ("template", "url"),
    [
        ("/blog/{{ title | slugify }}/", "/blog/conways-law-and-you/"),
        ("/blog/{{ page.fileSlug }}/", "/blog/my-post/"),
        ("{{ page.filePathStem }}.html", "/blog/my-post.html"),
        ("/{{ site.section }}/{{ page.fileSlug | upper }}/", "/guide/MY-POST/"),
        ("/{{ page.date | date: '%Y/%m/%d' }}/{{ page.fileSlug }}/", "/2024/01/09/my-post/"),
        ('/{{ page.date | date("yyyy/LL") }}/{{ page.fileSlug }}/', "/2024/01/my-post/"),
        ("/{{- 'fixed' | slugify -}}/", "/fixed/"),
    ],
)
def test_common_templated_permalinks_are_evaluated(template, url):
    assert link_to_url(render(template, VARIABLES)) == url


@pytest.mark.parametrize(
    ("template", "why"),
    [
        ("/{% if x %}a{% endif %}/", "template tags"),
        ("/{{ missing }}/", "'missing' is not in the page's data"),
        ("/{{ title | truncate(3) }}/", "the filter 'truncate' cannot be evaluated"),
        ("/{{ title + 'x' }}/", "is not an expression"),
        ("/{{ page }}/", "a value that is not text"),
    ],
)
def test_anything_else_is_refused_with_a_reason(template, why):
    with pytest.raises(PermalinkError) as raised:
        render(template, VARIABLES)
    assert why in str(raised.value)
