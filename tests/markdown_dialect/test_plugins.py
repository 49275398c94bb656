"""Footnotes, ==mark==, emoji shortcodes and highlighted fences, against the JS plugins 11ty
sites use (reference/plugins_outputs.json, recorded by reference/record_plugins.mjs)."""

import json
import re
from pathlib import Path

import pytest

from markdown_dialect import render_markdown
from markdown_dialect.highlight import TOKEN_CLASSES, highlight_code
from markdown_dialect.render import MARKDOWN
from markdown_dialect.sanitise import sanitise
from markdown_dialect.stored import load, store
from tests.markdown_dialect.plugin_corpus import PLUGIN_CORPUS
from tests.markdown_dialect.test_markdown_parity import expected_rendering

RECORDED = json.loads(
    (Path(__file__).parent / "reference" / "plugins_outputs.json").read_text(encoding="utf-8")
)
CSS = (Path(__file__).resolve().parents[2] / "static" / "css" / "site.css").read_text()


def test_the_recording_is_of_this_corpus():
    assert {name: case["source"] for name, case in RECORDED["cases"].items()} == PLUGIN_CORPUS
    assert RECORDED["recorded_with"]["markdown-it-footnote"] == "4.0.0"


@pytest.mark.parametrize("name", PLUGIN_CORPUS)
def test_the_parser_renders_what_the_js_plugins_render(name):
    assert MARKDOWN.render(PLUGIN_CORPUS[name]) == RECORDED["cases"][name]["html"]


@pytest.mark.parametrize("name", PLUGIN_CORPUS)
def test_the_sanitiser_keeps_what_the_plugins_write(name):
    expected = expected_rendering(RECORDED["cases"][name]["html"])
    assert str(render_markdown(PLUGIN_CORPUS[name])) == expected
    # Nothing the plugins write is lost: ids, classes and tags all survive (links only gain
    # the rel every link gets), but a language class for a language Pygments does not know.
    reference = RECORDED["cases"][name]["html"].replace(' class="language-nosuchlang"', "")
    assert expected.replace(' rel="noopener noreferrer"', "") == reference


def test_fences_are_highlighted_when_stored_and_the_sanitiser_allows_the_result():
    texts = ["```python\ndef greet(name):\n    return f'hi {name}'  # <b>\n```"]
    stored = store(texts)
    html = stored["html"][0]
    assert html.startswith('<pre><code class="language-python"><span class="hl-k">def</span>')
    assert '<span class="hl-nf">greet</span>' in html
    assert "&lt;b&gt;" in html and "<b>" not in html  # code stays escaped
    assert sanitise(html) == html
    assert load(stored, texts).html[0] == html
    assert load({}, texts).html[0] == html  # rendered afresh the same way
    plain = "```nosuchlang\n<x>\n```"
    assert highlight_code(str(render_markdown(plain))) == str(render_markdown(plain))


def test_the_css_colours_highlighting_footnotes_and_marks():
    styled = set(re.findall(r"\.(hl-[\w-]+)", CSS))
    for group in ("hl-k", "hl-kd", "hl-s", "hl-s1", "hl-c", "hl-c1", "hl-m", "hl-mi", "hl-nf"):
        assert group in styled, group
    assert styled <= TOKEN_CLASSES
    for selector in ("mark", ".footnotes", ".footnote-ref", ".footnote-backref"):
        assert selector in CSS, selector
