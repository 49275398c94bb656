"""Reading front matter: values, and every problem named with its line."""

from datetime import UTC, datetime, timedelta, timezone

from importer.fields import read_fields
from importer.source import parse_source
from importer.tree import old_url, slug_for


def read(text):
    source = parse_source(text, "page.md")
    fields = read_fields(source) if source.error is None else None
    return source, fields


def messages(source):
    return [str(problem) for problem in source.warnings]


def test_a_duplicate_key_is_named_with_both_lines_and_the_winning_value():
    source, fields = read("---\ntitle: Twice\ndate: 2025-01-01\nx: 1\ndate: 2025-02-02\n---\nBody")
    assert "line 5: duplicate key 'date' (lines 3 and 5): the last value (2025-02-02) wins" in (
        messages(source)
    )
    assert fields.published_on == datetime(2025, 2, 2, tzinfo=UTC)


def test_a_duplicate_nested_key_is_named_by_its_path():
    source, _ = read("---\ntitle: T\nmeta:\n  title: A\n  title: B\n---\n")
    assert "line 5: duplicate key 'meta.title' (lines 4 and 5): the last value (B) wins" in (
        messages(source)
    )


def test_broken_yaml_is_an_error_with_its_line():
    source, _ = read("---\ntitle: Fine\ndescription: a: b\n---\nBody")
    assert str(source.error) == "line 3: broken YAML: mapping values are not allowed here"


def test_a_file_without_front_matter_is_all_body_and_unclosed_front_matter_an_error():
    source, fields = read("Just text")
    assert source.error is None and source.body == "Just text"
    assert fields.title == "Page"  # the file name: see test_titles.py
    assert str(read("---\ntitle: Open\nBody")[0].error) == (
        "line 1: the front matter is not closed by a --- line"
    )


def test_unknown_keys_are_reported_with_their_lines_and_ignored():
    source, _ = read(
        "---\ntitle: T\nlayout: page.njk\ncolour: red\neleventyNavigation:\n  key: K\n"
        "  icon: star\n---\n"
    )
    assert messages(source) == [
        "line 4: unknown key 'colour' ignored",
        "line 7: unknown key 'eleventyNavigation.icon' ignored",
    ]


def test_values_that_have_the_wrong_shape_are_reported_and_ignored():
    source, fields = read("---\ntitle: T\nshowTOC: maybe\ndate: soon\ntags: {a: 1}\n---\n")
    assert sorted(messages(source)) == [
        "line 3: 'showTOC' should be true or false; ignored",
        "line 4: 'date: soon' is not a date this importer understands; ignored",
        "line 5: 'tags' should be a text or a list of texts; ignored",
    ]
    assert (fields.show_toc, fields.published_on, fields.tags) == (False, None, [])


def test_dates_keep_their_zone_and_are_utc_without_one():
    _, fields = read(
        "---\ntitle: T\ndate: 2025-06-01T09:00:00+01:00\nupdated: 2025-06-02 10:00\n---"
    )
    assert fields.published_on == datetime(2025, 6, 1, 9, tzinfo=timezone(timedelta(hours=1)))
    assert fields.updated_on == datetime(2025, 6, 2, 10, tzinfo=UTC)


def test_meta_description_wins_over_description_and_tags_give_the_promoted_flag():
    _, fields = read(
        "---\ntitle: T\ndescription: Plain\nmeta:\n  description: Meta\n"
        "tags: ['#servicePromoted', growth]\nredirect_from: /old\n---"
    )
    assert (fields.search_description, fields.description) == ("Meta", "Plain")
    assert fields.promoted and fields.tags == ["growth"]
    assert fields.redirect_from == ["/old"]


def test_the_old_url_is_the_permalink_or_the_path():
    assert old_url("a/b.md", None) == "/a/b/"
    assert old_url("a/index.md", None) == "/a/"
    assert old_url("index.md", None) == "/"
    assert old_url("a/b.md", "/elsewhere/") == "/elsewhere/"
    assert old_url("a/b.md", "people/index.html") == "/people/"
    assert old_url("a/b.md", False) is None  # 11ty wrote no page for it
    assert slug_for("/people/team.html", "The team") == "team"
    assert slug_for("/", "Our home") == "our-home"
