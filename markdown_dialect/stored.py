"""A page body's rendered Markdown, stored with the page when it is saved.

Views read the stored HTML instead of rendering in every request. What is stored carries a
fingerprint of the renderer (``RENDERER_VERSION`` and the class allow-list) and a digest of
the Markdown it came from: when either no longer matches (a preview, a revision, a renderer
change not yet re-rendered by ``manage.py render_markdown``), the body is rendered afresh.
"""

import hashlib
import json
from collections.abc import Iterable

from django.utils.safestring import mark_safe

from .headings import Heading
from .highlight import highlight_code
from .render import RenderedBody, render_body
from .sanitise import ALLOWED_CLASSES

# Raise when the output of the renderer changes for the same input.
RENDERER_VERSION = 4  # 3: fences highlighted, footnotes, mark, emoji; 4: colspan, gallery
FINGERPRINT = hashlib.sha256(
    json.dumps([RENDERER_VERSION, sorted(ALLOWED_CLASSES)]).encode()
).hexdigest()[:16]


def _digest(texts: tuple[str, ...]) -> str:
    return hashlib.sha256(json.dumps(texts).encode()).hexdigest()


def _is_current(stored: dict, texts: tuple[str, ...]) -> bool:
    return stored.get("fingerprint") == FINGERPRINT and stored.get("source") == _digest(texts)


def render_page_body(texts: tuple[str, ...]) -> RenderedBody:
    """``render_body`` with code fences highlighted (done here, once, when a page is saved)."""
    rendered = render_body(texts)
    html = tuple(mark_safe(highlight_code(part)) for part in rendered.html)
    return RenderedBody(html, rendered.headings)


def store(texts: Iterable[str], stored: dict | None = None) -> dict:
    """What a page keeps of its rendered body (JSON): ``stored`` itself when it is already
    the render of ``texts`` (a page is saved several times as it is created and published)."""
    texts = tuple(text or "" for text in texts)
    if _is_current(stored or {}, texts):
        return stored
    rendered = render_page_body(texts)
    return {
        "fingerprint": FINGERPRINT,
        "source": _digest(texts),
        "html": list(rendered.html),
        "headings": [[each.level, each.text, each.id] for each in rendered.headings],
    }


def load(stored: dict, texts: Iterable[str]) -> RenderedBody:
    """The stored render when it is of ``texts`` by this renderer, else a fresh one."""
    texts = tuple(text or "" for text in texts)
    if not _is_current(stored, texts):
        return render_page_body(texts)
    return RenderedBody(
        tuple(mark_safe(part) for part in stored["html"]),  # sanitised when stored
        tuple(Heading(*heading) for heading in stored["headings"]),
    )
