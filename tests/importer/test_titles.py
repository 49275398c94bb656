"""Files 11ty accepts without `title`, without front matter, or with ---js front matter."""

from importer.fields import read_fields
from importer.js_front_matter import parse_js_front_matter
from importer.source import parse_source
from tests.importer.helpers import result_of, run_import, write


def read(text, path="guide/page-name.md", title_key=""):
    source = parse_source(text, path)
    return source, read_fields(source, title_key=title_key)


def messages(source):
    return [str(problem) for problem in source.warnings]


def test_titles_fall_back_in_order_and_say_so():
    nav = "eleventyNavigation:\n  key: Menu label\n"
    source, fields = read(f"---\n{nav}heading: Big words\n---\n# The H1\n")
    assert fields.title == "Menu label"
    assert "no title: eleventyNavigation.key used ('Menu label')" in messages(source)

    source, fields = read("---\nheading: Big words\n---\n# The H1\n", title_key="heading")
    assert fields.title == "Big words"

    source, fields = read("---\nlayout: page\n---\nIntro.\n\n# The H1 {.big}\n\nText.\n")
    assert fields.title == "The H1"
    # Taken out; the later lines keep their numbers.
    assert source.body.strip("\n") == "Intro.\n\n\n\nText."
    assert "no title: the first heading (line 6), taken out of the body used ('The H1')" in (
        messages(source)
    )

    source, fields = read("---\nlayout: page\n---\n```\n# not a heading\n```\n")
    assert fields.title == "Page name"


def test_js_front_matter_reads_plain_literals_and_reports_the_rest():
    data, lines, problems = parse_js_front_matter(
        '{\n  title: "Hello",\n  tags: [\'a\', "b",],\n  order: 2.5,\n'
        "  when: new Date(),\n  nested: { ok: true, none: null },\n}",
        2,
    )
    assert data == {
        "title": "Hello",
        "tags": ["a", "b"],
        "order": 2.5,
        "nested": {"ok": True, "none": None},
    }
    assert lines["order"] == 5
    assert problems == [
        (6, "'when' is not a plain value: left out (line 6: new is not a plain value)")
    ]
    data, _, problems = parse_js_front_matter(
        "const title = `Declared`;\nfunction helper() { return 1; }\nlet n = 3;", 2
    )
    assert data == {"title": "Declared", "n": 3}
    assert problems == [(3, "'function…' is code, not data: left out")]


def test_js_and_missing_front_matter_import(tmp_path):
    site = tmp_path / "site"
    write(site, "js-page.md", '---js\n{ title: "From JS", when: Date.now() }\n---\n\nBody.\n')
    write(site, "plain.md", "Just some text, no front matter.\n")
    write(site, "broken-js.md", "---js\nmodule.exports = 1 +\n")

    code, output = run_import(site)

    assert result_of(output, "js-page.md") == "created"
    assert result_of(output, "plain.md") == "created"
    assert "    ! line 2: 'when' is not a plain value: left out" in output
    assert result_of(output, "broken-js.md") == "failed"
    assert "    ! line 1: the ---js front matter is not closed by a --- line" in output
    assert code == 1
