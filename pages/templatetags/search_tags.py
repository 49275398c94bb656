"""Search results with the visitor's words marked.

Safe by construction: the text is split around the matches first, every piece is escaped,
and only then are the matched pieces wrapped in ``<mark>``; nothing the visitor typed or the
page holds reaches the HTML unescaped.
"""

import html
import re

from django import template
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

register = template.Library()

# Words shorter than this are not marked (they would mark half of every sentence).
MIN_TERM = 2
EXCERPT_WORDS = 30


def query_pattern(query):
    """A pattern for the query's words, each matching from the start of a word to its end
    (so "lead" marks "leadership"), or None when the query has no word to mark."""
    terms = {term.lower() for term in re.findall(r"\w+", query or "") if len(term) >= MIN_TERM}
    if not terms:
        return None
    alternatives = "|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\w*", re.IGNORECASE)


@register.filter
def highlight(text, query):
    """``text`` escaped, with the words of ``query`` in ``<mark>``."""
    text = str(text or "")
    pattern = query_pattern(query)
    if pattern is None:
        return escape(text)
    pieces, last = [], 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[last : match.start()]))
        pieces.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))


def _words_near_match(text, pattern):
    words = text.split()
    if not words:
        return ""
    first = next((i for i, word in enumerate(words) if pattern.search(word)), 0)
    start = max(0, first - EXCERPT_WORDS // 3)
    end = start + EXCERPT_WORDS
    excerpt = " ".join(words[start:end])
    return ("… " if start else "") + excerpt + (" …" if end < len(words) else "")


@register.filter
def search_excerpt(page, query):
    """A few words of the page around the first match: its description when that matches,
    else its body text (the stored Markdown render, no extra query), marked."""
    pattern = query_pattern(query)
    description = getattr(page, "search_description", "") or ""
    if pattern is None or pattern.search(description) or not hasattr(page, "rendered_body"):
        return highlight(description, query)
    body = " ".join(html.unescape(strip_tags(part)) for part in page.rendered_body.get("html", []))
    if not pattern.search(body):
        return highlight(description, query)
    return highlight(_words_near_match(body, pattern), query)
