"""Heading ids: 11ty's ``slugify`` of the heading's text, unique across a page.

``HeadingIds`` is the one registry of the ids a page has used; ``markdown_dialect.render`` gives
one to every text of a page in turn (see ``render_body``). Headings are read and changed on
the token stream, after markdown-it-attrs and before rendering, so a ``{#id}`` written by the
editor is seen and ``# x`` is demoted to ``<h2>`` (the page title is the page's only ``<h1>``).
"""

import re
import unicodedata
from dataclasses import dataclass, field

from anyascii import anyascii
from markdown_it.token import Token

from .sanitise import ID_RE

# @sindresorhus/slugify's transliteration for the characters where anyascii differs.
SLUG_REPLACEMENTS = str.maketrans(
    {"&": " and ", "♥": " love ", "ß": "ss", "ẞ": "Ss", "ä": "ae", "Ä": "Ae", "ö": "oe"}
    | {"Ö": "Oe", "ü": "ue", "Ü": "Ue", "€": "E", "¥": "Y", "¢": "c", "\u2019": "'"}
)
# Inline tokens whose content is part of a heading's text (inline HTML tags are not).
TEXT_TOKENS = ("text", "text_special", "code_inline")
BREAK_TOKENS = ("softbreak", "hardbreak")


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    id: str


def slugify(text: str) -> str:
    """11ty's ``slugify`` filter (@sindresorhus/slugify, ``decamelize: false``), in Python.

    "How I work as a fractional CDO" -> "how-i-work-as-a-fractional-cdo",
    "Conway's law & you" -> "conways-law-and-you".
    """
    text = unicodedata.normalize("NFC", text).translate(SLUG_REPLACEMENTS)
    # Letters and digits are transliterated (é -> e, Ł -> L); other symbols (emoji) dropped.
    text = "".join(
        c if c.isascii() else anyascii(c) if unicodedata.category(c)[0] in "LN" else " "
        for c in text
    ).lower()
    text = re.sub(r"([a-z\d])'([ts])(?![a-z\d])", r"\1\2", text)  # contractions: don't -> dont
    return re.sub(r"[^a-z\d]+", "-", text).strip("-")


def plain_text(inline: Token) -> str:
    """The text of an inline token's children: markup and inline HTML tags left out."""
    parts = []
    for child in inline.children or []:
        if child.type in TEXT_TOKENS:
            parts.append(child.content)
        elif child.type in BREAK_TOKENS:
            parts.append(" ")
    return " ".join("".join(parts).split())


def _own_id(heading: Token) -> str:
    """The heading's ``{#id}``, if it is one the sanitiser keeps."""
    own = str(heading.attrs.get("id", ""))
    return own if ID_RE.match(own) else ""


@dataclass
class HeadingIds:
    """The heading ids used so far on one page; ``assign`` gives the next text's headings theirs.

    A heading keeps its own ``{#id}``, else takes its text's slug (or "section" when that is
    empty). A slug never takes an id used earlier on the page, nor one written as a ``{#id}``
    in the same text; repeats get -2, -3, ...
    """

    taken: set[str] = field(default_factory=set)
    counters: dict[str, int] = field(default_factory=dict)  # next suffix to try per base

    def claim(self, own: str, text: str, written: set[str]) -> str:
        base = slug = own or slugify(text) or "section"
        counter = self.counters.get(base, 2)
        while slug in self.taken or (not own and slug in written):
            slug, counter = f"{base}-{counter}", counter + 1
        self.counters[base] = counter
        self.taken.add(slug)
        return slug

    def assign(self, tokens: list[Token]) -> list[Heading]:
        """Demote h1 to h2, set every heading's id; the headings (h2-h6) in document order."""
        openings = [i for i, token in enumerate(tokens) if token.type == "heading_open"]
        written = {own for i in openings if (own := _own_id(tokens[i]))}
        headings = []
        for i in openings:
            opening, closing = tokens[i], tokens[i + 2]  # heading_open, inline, heading_close
            if opening.tag == "h1":
                opening.tag = closing.tag = "h2"
            text = plain_text(tokens[i + 1])
            slug = self.claim(_own_id(opening), text, written)
            opening.attrSet("id", slug)
            headings.append(Heading(int(opening.tag[1]), text, slug))
        return headings
