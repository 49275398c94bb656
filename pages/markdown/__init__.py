"""Editors' Markdown -> sanitised HTML, in the dialect the 11ty site rendered with markdown-it.

The 11ty site used markdown-it's "default" preset (``html: true``, ``linkify: false``,
``typographer: false``; so GFM tables and ``~~strikethrough~~``) with markdown-it-attrs for
``{.class #id}`` and heading anchors slugged by 11ty's ``slugify``. Here the rendering goes
through Python-Markdown (what wagtail-markdown uses) plus ``DialectExtension``, which bridges
the differences, and nh3 sanitises the result: raw HTML is accepted, as 11ty did, but only the
prose tags, attributes, URL schemes and classes listed below survive.

tests/pages/test_markdown_parity.py compares the output with markdown-it-py + a port of
markdown-it-attrs on a corpus; the few differences that are not bridged are listed there.
"""

import functools
import html
import math
import re

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe

from ._extension import ID_RE, DialectExtension, Heading

__all__ = [
    "ALLOWED_CLASSES",
    "Heading",
    "extract_headings",
    "reading_time_minutes",
    "render_markdown",
    "strip_markdown",
]

# The classes editors may put on elements with {.class}. The CSS in static/css styles these;
# the sanitiser removes any other class. Keep this the one list of them.
ALLOWED_CLASSES: frozenset[str] = frozenset(
    {
        # text
        "bold",
        "smaller",
        "emphasis",
        "larger",
        "small",
        "text-color-brand-secondary",
        # links shown as forward buttons
        "single-meta-forward",
        "single-meta-button",
        "single-meta-forward-button",
        # headings and images
        "heading-wide",
        "image-rounded",
        "image-greyscale-50",
        # layout on the content canvas
        "content-canvas-item-wide-left-more",
        "content-canvas-item-main-left-main-end",
        "content-canvas-item-wide-left-sm",
        "content-canvas-item-left--span-3",
        "margin-block-lg",
    }
)

# h1 is the page title, so a Markdown "# x" is rendered as h2 (see _extension).
# "s" is markdown-it's tag for ~~strikethrough~~; "del" is kept for hand-written HTML.
ALLOWED_TAGS = frozenset(
    {"p", "h2", "h3", "h4", "h5", "h6", "a", "em", "strong", "ul", "ol", "li", "blockquote"}
    | {"code", "pre", "hr", "br", "table", "thead", "tbody", "tr", "th", "td", "img"}
    | {"figure", "figcaption", "del", "s", "sup", "sub", "span"}
)
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    **{f"h{level}": {"id"} for level in range(2, 7)},
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Dropped with everything inside them, rather than unwrapped to their text.
DROPPED_WITH_CONTENT = frozenset(
    {"script", "style", "iframe", "object", "embed", "noscript", "template", "textarea"}
    | {"select", "svg", "math", "title", "noembed", "noframes", "xmp", "frameset"}
)


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "id":
        return value if ID_RE.match(value) else None
    if attribute in ("width", "height"):
        return value if value.isdigit() else None
    return value


EMPTY_CLASS_RE = re.compile(r'(<[a-z][a-z0-9]*\b[^<>]*?) class=""')


def sanitise(html_text: str) -> str:
    """Only ALLOWED_TAGS/ATTRIBUTES/URL_SCHEMES/CLASSES survive; emptied class="" is dropped."""
    clean = nh3.clean(
        html_text,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_attribute_filter,
        allowed_classes={tag: set(ALLOWED_CLASSES) for tag in ALLOWED_TAGS},
        url_schemes=set(URL_SCHEMES),
        strip_comments=True,
        link_rel="noopener noreferrer",
    )
    return EMPTY_CLASS_RE.sub(r"\1", clean)


@functools.lru_cache(maxsize=64)
def _convert(text: str, taken_ids: frozenset[str]) -> tuple[str, tuple[Heading, ...]]:
    """Sanitised HTML and all headings (h2-h6) of ``text``; cached, as a page asks for both."""
    md = markdown.Markdown(
        extensions=["tables", "fenced_code", "sane_lists", DialectExtension(taken_ids=taken_ids)],
        output_format="html",
    )
    body = md.convert(text)
    return sanitise(body), tuple(md.headings)


def render_markdown(text: str, taken_ids: frozenset[str] = frozenset()) -> SafeString:
    """Markdown in the markdown-it-attrs dialect -> sanitised HTML, safe to put in a template.

    ``taken_ids``: heading ids already used on the page (by earlier blocks), to stay unique.
    """
    return mark_safe(_convert(text or "", frozenset(taken_ids))[0])


def extract_headings(
    text: str, taken_ids: frozenset[str] = frozenset(), levels=range(2, 5)
) -> list[Heading]:
    """The headings of ``text`` (h2-h4 by default) in document order, with the ids the HTML
    rendered with the same ``taken_ids`` has."""
    return [h for h in _convert(text or "", frozenset(taken_ids))[1] if h.level in levels]


def strip_markdown(text: str) -> str:
    """The plain text of ``text`` (no markup), whitespace collapsed: for descriptions, counts."""
    rendered = _convert(text or "", frozenset())[0]
    rendered = re.sub(r"<(br|hr|/p|/li|/h\d|/td|/th|/blockquote|/pre)\b", r" \g<0>", rendered)
    return " ".join(html.unescape(nh3.clean(rendered, tags=set())).split())


def reading_time_minutes(text: str, words_per_minute: int = 230) -> int:
    """Minutes to read ``text``'s words (rounded up; at least 1 unless there is no text)."""
    if not (text or "").strip():
        return 0
    words = len(strip_markdown(text).split())
    return max(1, math.ceil(words / words_per_minute))
