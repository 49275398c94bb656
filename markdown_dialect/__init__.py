"""Editors' Markdown -> sanitised HTML, in the dialect the 11ty site rendered with markdown-it.

The 11ty site rendered Markdown with markdown-it (``markdownIt({html: true})``, indented code
off) plus markdown-it-attrs for ``{.class #id}``, and slugged heading anchors with 11ty's
``slugify``. Here the same engine does it: markdown-it-py, the Python port of markdown-it,
configured the same way (``render``), with a port of markdown-it-attrs (``attrs``); heading
ids are given on the tokens (``headings``) and nh3 sanitises the result (``sanitise``).

tests/markdown_dialect/ compares the output with what the JS markdown-it + markdown-it-attrs
render for a corpus (recorded in tests/markdown_dialect/reference/outputs.json).
"""

from .attrs import parse_curly
from .headings import Heading
from .render import (
    RenderedBody,
    body_reading_time,
    extract_headings,
    reading_time_minutes,
    render_body,
    render_markdown,
    strip_markdown,
)
from .sanitise import ALLOWED_CLASSES

__all__ = [
    "ALLOWED_CLASSES",
    "Heading",
    "RenderedBody",
    "body_reading_time",
    "extract_headings",
    "parse_curly",
    "reading_time_minutes",
    "render_body",
    "render_markdown",
    "strip_markdown",
]
