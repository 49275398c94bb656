"""Markdown -> sanitised HTML with heading ids, one text or a whole page body at a time.

``MARKDOWN`` is markdown-it-py configured as Eleventy 2/3 configures markdown-it: the
"default" preset (``js-default``: CommonMark plus GFM tables and ``~~strikethrough~~``;
``breaks``, ``linkify`` and ``typographer`` off) with ``html: true``, indented code blocks
disabled (Eleventy >= 2.0 disables them: ``_no_indented_code``), and the markdown-it-attrs
port and the usual plugins of 11ty sites (``plugins``: footnotes, ``==mark==``, emoji
shortcodes); ``maxNesting`` is ours (``limits``), and so is the walk over link labels
(``link_label``: the same result, faster). Then, on the tokens,
heading ids (``headings``); then rendering; then the sanitiser (``sanitise``).
"""

import functools
import html
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

from .attrs import curly_attributes_plugin
from .headings import Heading, HeadingIds
from .limits import MAX_NESTING
from .link_label import fast_link_labels
from .plugins import usual_plugins
from .sanitise import sanitise


def _no_indented_code(state, start_line, end_line, silent) -> bool:
    """Eleventy's ``disable("code")``, read as markdown-it reads it.

    With the rule disabled, markdown-it still won't start a block (heading, list, quote,
    fence, ...) on a line indented by 4+ spaces: the line is paragraph text. markdown-it-py
    lets such a line start a block once the rule is off, so the rule stays enabled here and
    never matches.
    """
    return False


MARKDOWN = (
    MarkdownIt("js-default", {"html": True, "maxNesting": MAX_NESTING})
    .use(curly_attributes_plugin)
    .use(fast_link_labels)
    .use(usual_plugins)  # footnotes, ==mark==, :emoji: (plugins)
)
MARKDOWN.block.ruler.at("code", _no_indented_code)
# The heading levels a table of contents lists.
TOC_LEVELS = range(2, 5)
BLOCK_END_RE = re.compile(r"<(br|hr|/p|/li|/h\d|/td|/th|/blockquote|/pre)\b")


@dataclass(frozen=True)
class RenderedBody:
    """The Markdown texts of one page, rendered in order with one registry of heading ids."""

    html: tuple[SafeString, ...]  # one per text
    headings: tuple[Heading, ...]  # h2-h6 of all the texts, in order

    @property
    def table_of_contents(self) -> list[Heading]:
        return [heading for heading in self.headings if heading.level in TOC_LEVELS]


def _render(text: str, ids: HeadingIds) -> tuple[SafeString, list[Heading]]:
    env: dict = {}
    tokens = MARKDOWN.parse(text, env)
    headings = ids.assign(tokens)
    rendered = MARKDOWN.renderer.render(tokens, MARKDOWN.options, env)
    return mark_safe(sanitise(rendered)), headings


@functools.lru_cache(maxsize=64)
def _render_body(texts: tuple[str, ...]) -> RenderedBody:
    ids, parts, headings = HeadingIds(), [], []
    for text in texts:
        part, found = _render(text, ids)
        parts.append(part)
        headings += found
    return RenderedBody(tuple(parts), tuple(headings))


def render_body(texts: Iterable[str]) -> RenderedBody:
    """Every Markdown text of a page, in page order: heading ids are unique across all."""
    return _render_body(tuple(text or "" for text in texts))


def render_markdown(text: str) -> SafeString:
    """Markdown in the markdown-it-attrs dialect -> sanitised HTML, safe to put in a template."""
    return render_body([text]).html[0]


def extract_headings(text: str, levels: range = TOC_LEVELS) -> list[Heading]:
    """The headings of ``text`` (h2-h4 by default) in order, with the ids its HTML has."""
    return [heading for heading in render_body([text]).headings if heading.level in levels]


def _plain_text(rendered: str) -> str:
    rendered = BLOCK_END_RE.sub(r" \g<0>", rendered)
    return " ".join(html.unescape(nh3.clean(rendered, tags=set())).split())


def strip_markdown(text: str) -> str:
    """The plain text of ``text`` (no markup), whitespace collapsed: for descriptions, counts."""
    return _plain_text(render_markdown(text))


# Reading speed for "N min read": 200 words a minute, rounded up, as 11ty sites commonly count
# (so an imported post shows what it showed before). The one place to change it.
WORDS_PER_MINUTE = 200


def _minutes(words: int, words_per_minute: int) -> int:
    return max(1, math.ceil(words / words_per_minute))


def reading_time_minutes(text: str, words_per_minute: int = WORDS_PER_MINUTE) -> int:
    """Minutes to read ``text``'s words (rounded up; at least 1 unless there is no text)."""
    if not (text or "").strip():
        return 0
    return _minutes(len(strip_markdown(text).split()), words_per_minute)


def body_reading_time(body: RenderedBody, words_per_minute: int = WORDS_PER_MINUTE) -> int:
    """``reading_time_minutes`` of an already rendered body (no second render): 0 when it
    has no words."""
    words = sum(len(_plain_text(part).split()) for part in body.html)
    return _minutes(words, words_per_minute) if words else 0
