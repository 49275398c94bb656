"""Our Markdown against the JS renderer 11ty uses, on every case of corpus.py. No xfails.

Where the expected outputs come from: ``reference/outputs.json``, recorded by
``reference/record.mjs`` (node 20) with markdown-it 14.1.0 + markdown-it-attrs 4.3.1, set up as
Eleventy 2/3 sets them up: ``markdownIt({html: true}).disable("code").use(markdownItAttrs)``
(markdown-it's "default" preset: breaks, linkify and typographer off; Eleventy >= 2.0 disables
indented code). The file names the versions it was recorded with; after changing the corpus,
re-record it (see corpus.py). CI needs no node: the outputs are committed.

Two checks per case:

* the parser alone (``MARKDOWN``: markdown-it-py + our markdown-it-attrs port) renders the
  reference HTML byte for byte; the one allowed difference is a key repeated in one curly,
  which the JS plugin writes twice and we write once (the first, which is what browsers read);
* ``render_markdown`` gives exactly the reference HTML passed through our sanitiser, with
  ``<h1>`` demoted to ``<h2>`` (the page title is the page's h1) and heading ids added where
  the reference has none (their values are tested in test_markdown_headings.py).
"""

import json
import re
from pathlib import Path

import pytest

from markdown_dialect import ALLOWED_CLASSES, render_markdown
from markdown_dialect.render import MARKDOWN
from markdown_dialect.sanitise import sanitise
from tests.markdown_dialect.corpus import CORPUS

RECORDED = json.loads((Path(__file__).parent / "reference" / "outputs.json").read_text())
CASES = RECORDED["cases"]

TAG_WITH_ATTRIBUTES_RE = re.compile(r'<([a-z][a-z0-9]*)((?: [^\s=>]+="[^"]*")+)>')
ATTRIBUTE_RE = re.compile(r' ([^\s=>]+)="([^"]*)"')
HEADING_TAG_RE = re.compile(r"<h[1-6]\b[^>]*>")
ID_RE = re.compile(r' id="[^"]*"')


def first_of_each_attribute(html):
    """``<a href="/a" href="/b">`` -> ``<a href="/a">``, as an HTML parser reads it."""

    def once(match):
        attributes = {}
        for name, value in ATTRIBUTE_RE.findall(match.group(2)):
            attributes.setdefault(name, value)
        pairs = "".join(f' {name}="{value}"' for name, value in attributes.items())
        return f"<{match.group(1)}{pairs}>"

    return TAG_WITH_ATTRIBUTES_RE.sub(once, html)


def expected_rendering(reference_html):
    """The reference as render_markdown gives it: sanitised, h1 demoted."""
    return sanitise(re.sub(r"<(/?)h1\b", r"<\1h2", reference_html))


def without_added_ids(ours, expected):
    """Drop the ids we add to headings that have none in ``expected`` (heading by heading)."""
    expected_tags = iter(HEADING_TAG_RE.findall(expected))

    def drop(match):
        if ' id="' in next(expected_tags, ""):
            return match.group(0)
        return ID_RE.sub("", match.group(0))

    return HEADING_TAG_RE.sub(drop, ours)


@pytest.mark.parametrize("name", CORPUS)
def test_parser_renders_what_markdown_it_renders(name):
    assert MARKDOWN.render(CORPUS[name]) == first_of_each_attribute(CASES[name]["html"])


@pytest.mark.parametrize("name", CORPUS)
def test_render_markdown_is_the_reference_sanitised(name):
    expected = expected_rendering(CASES[name]["html"])
    ours = str(render_markdown(CORPUS[name]))
    assert without_added_ids(ours, expected) == expected
    assert all(' id="' in tag for tag in HEADING_TAG_RE.findall(ours)), "a heading has no id"


def test_the_recording_is_of_this_corpus_and_names_its_versions():
    assert {name: case["source"] for name, case in CASES.items()} == CORPUS, (
        "corpus.py changed: re-record reference/outputs.json (see corpus.py)"
    )
    assert RECORDED["recorded_with"]["markdown-it"] == "14.1.0"
    assert RECORDED["recorded_with"]["markdown-it-attrs"] == "4.3.1"


def test_parser_is_configured_as_eleventy_configures_markdown_it():
    assert MARKDOWN.options["html"] is True
    assert not any(MARKDOWN.options[name] for name in ("breaks", "linkify", "typographer"))
    assert "code_block" not in {t.type for t in MARKDOWN.parse("Text.\n\n    indented\n")}
    assert {"table", "fence"} <= set(MARKDOWN.block.ruler.get_active_rules())
    assert "strikethrough" in MARKDOWN.inline.ruler.get_active_rules()


def test_corpus_is_large_enough_and_uses_known_classes():
    assert len(CORPUS) >= 80
    used = set(re.findall(r"\{[^}]*\}", " ".join(CORPUS.values())))
    classes = {c for curly in used for c in re.findall(r"(?<![.\w])\.([\w-]+)", curly)}
    assert classes - ALLOWED_CLASSES == {"made-up-class"}


def test_the_helpers_only_remove_what_they_say():
    assert first_of_each_attribute('<a href="/a" class="x" href="/b">') == '<a href="/a" class="x">'
    assert first_of_each_attribute('<p class="x">t</p>') == '<p class="x">t</p>'
    ours, expected = '<h2 id="a">A</h2><h2 id="b">B</h2>', '<h2>A</h2><h2 id="b">B</h2>'
    assert without_added_ids(ours, expected) == expected
