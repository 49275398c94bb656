"""The sanitiser every rendered text goes through: nh3 with our prose allow-list.

Raw HTML is accepted in Markdown, as 11ty did, but only the prose tags, attributes, URL schemes
and classes listed here survive.
"""

import re

import nh3

from .highlight import LANGUAGE_CLASSES, TOKEN_CLASSES

# The classes editors may put on elements with {.class}. The CSS in static/css styles each of
# them (tests/markdown_dialect/test_markdown_sanitise.py checks); the sanitiser removes any other
# class. Keep this the one list of them. (The old site's figure placements,
# content-canvas-item-wide-left-sm and content-canvas-item-left--span-3, are not here: the
# importer reads them as a figure's style, and on text they would mean nothing.)
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
        "margin-block-lg",
        # a list of pictures in a grid, as 11ty starters write it: <ul class="gallery">
        "gallery",
    }
)

# h1 is the page title, so a Markdown "# x" is rendered as h2 (see headings).
# "s" is markdown-it's tag for ~~strikethrough~~; "del" is kept for hand-written HTML.
ALLOWED_TAGS = frozenset(
    {"p", "h2", "h3", "h4", "h5", "h6", "a", "em", "strong", "ul", "ol", "li", "blockquote"}
    | {"code", "pre", "hr", "br", "table", "thead", "tbody", "tr", "th", "td", "img"}
    | {"figure", "figcaption", "del", "s", "sup", "sub", "span", "mark", "section"}
)
# Classes the renderer itself writes, per tag: fence languages and their highlighting
# (highlight), and markdown-it-footnote's. static/css/site.css styles them.
RENDERER_CLASSES = {
    "code": LANGUAGE_CLASSES,
    "span": TOKEN_CLASSES,
    "hr": {"footnotes-sep"},
    "section": {"footnotes"},
    "ol": {"footnotes-list"},
    "li": {"footnote-item"},
    "sup": {"footnote-ref"},
    "a": {"footnote-backref"},
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    **{f"h{level}": {"id"} for level in range(2, 7)},
    "li": {"id"},  # footnotes: <li id="fn1">, <a id="fnref1">
    # a cell spanning columns or rows is part of what a hand-written table says
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
}
ALLOWED_ATTRIBUTES["a"] = ALLOWED_ATTRIBUTES["a"] | {"id"}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Dropped with everything inside them, rather than unwrapped to their text.
DROPPED_WITH_CONTENT = frozenset(
    {"script", "style", "iframe", "object", "embed", "noscript", "template", "textarea"}
    | {"select", "svg", "math", "title", "noembed", "noframes", "xmp", "frameset"}
)
# An id that survives: what a slug or a hand-written {#id} anchor looks like.
ID_RE = re.compile(r"^[A-Za-z0-9][\w-]*$", re.ASCII)
FOOTNOTE_ID_RE = re.compile(r"^fn(ref)?\d+(:\d+)?$")
EMPTY_CLASS_RE = re.compile(r'(<[a-z][a-z0-9]*\b[^<>]*?) class=""')


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "id":
        return value if ID_RE.match(value) or FOOTNOTE_ID_RE.match(value) else None
    if attribute in ("width", "height", "colspan", "rowspan"):
        return value if value.isdigit() else None
    return value


def sanitise(html_text: str) -> str:
    """Only ALLOWED_TAGS/ATTRIBUTES/URL_SCHEMES/CLASSES survive; emptied class="" is dropped."""
    clean = nh3.clean(
        html_text,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_attribute_filter,
        allowed_classes={
            tag: set(ALLOWED_CLASSES) | set(RENDERER_CLASSES.get(tag, ())) for tag in ALLOWED_TAGS
        },
        url_schemes=set(URL_SCHEMES),
        strip_comments=True,
        link_rel="noopener noreferrer",
    )
    return EMPTY_CLASS_RE.sub(r"\1", clean)
