"""The Python-Markdown extension that renders the markdown-it(-attrs) dialect the 11ty site used.

Python-Markdown's built-ins do most of the work (``tables``, ``fenced_code``, ``sane_lists``);
this extension bridges what differs from markdown-it's "default" preset:

* block structure (lists/tables interrupting paragraphs, two-space nesting): ``_blocks``;
* ``~~strike~~`` (markdown-it's default preset has it) -> ``<s>``; ``\\`` + newline -> ``<br>``;
* a list with any loose item is loose throughout, as in CommonMark;
* ``{.class #id}`` curly attributes with markdown-it-attrs's placement: ``_attrs``;
* headings: ``# x`` becomes ``<h2>`` (the page title is the only ``<h1>``), and every heading
  gets an id slugged like 11ty's ``slugify`` filter; an explicit ``{#id}`` wins.
"""

import html
import re
import unicodedata
import xml.etree.ElementTree as etree
from dataclasses import dataclass

from anyascii import anyascii
from markdown.extensions import Extension
from markdown.inlinepatterns import SubstituteTagInlineProcessor
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

from ._attrs import CurlyAttributes
from ._blocks import CommonMarkBlocks

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
ID_RE = re.compile(r"^[A-Za-z0-9][\w-]*$", re.ASCII)
ESCAPED_RE = re.compile("\x02(\\d+)\x03")
# @sindresorhus/slugify's transliteration for the characters where anyascii differs.
SLUG_REPLACEMENTS = str.maketrans(
    {"&": " and ", "♥": " love ", "ß": "ss", "ẞ": "Ss", "ä": "ae", "Ä": "Ae", "ö": "oe"}
    | {"Ö": "Oe", "ü": "ue", "Ü": "Ue", "€": "E", "¥": "Y", "¢": "c", "\u2019": "'"}
)


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


class DialectTreeprocessor(Treeprocessor):
    def __init__(self, md, taken_ids=frozenset()):
        super().__init__(md)
        self.taken_ids = taken_ids

    def run(self, root: etree.Element) -> None:
        for element in list(root.iter()):
            if element.tag in ("ul", "ol"):
                self._loosen(element)
        CurlyAttributes(root, self.md.is_block_level).run()
        self.md.headings = self._headings(root)

    def _loosen(self, list_element: etree.Element) -> None:
        """CommonMark: one blank line between items makes every item of the list a paragraph."""
        items = [item for item in list_element if item.tag == "li"]
        if not any(self._is_loose(item) for item in items):
            return
        for item in items:
            inline = []
            for child in item:
                if self.md.is_block_level(child.tag):
                    break
                inline.append(child)
            if not inline and not (item.text or "").strip():
                continue
            paragraph = etree.Element("p")
            paragraph.text, item.text = (item.text or "").strip("\n"), "\n"
            for child in inline:
                item.remove(child)
                paragraph.append(child)
            item.insert(0, paragraph)

    def _is_loose(self, item: etree.Element) -> bool:
        """Starts with a paragraph, or has text then indented code (only a blank line allows it)."""
        if len(item) and item[0].tag == "p":
            return True
        text = (item.text or "").strip() or (len(item) and not self.md.is_block_level(item[0].tag))
        return bool(text) and any(child.tag == "pre" for child in item)

    def _plain_text(self, element: etree.Element) -> str:
        text = ESCAPED_RE.sub(lambda m: chr(int(m.group(1))), "".join(element.itertext()))
        stash = self.md.htmlStash.rawHtmlBlocks

        def stashed(match: re.Match) -> str:  # keep entities (&amp;), drop inline HTML tags
            raw = str(stash[int(match.group(1))])
            return html.unescape(raw) if raw.startswith("&") else ""

        return " ".join(HTML_PLACEHOLDER_RE.sub(stashed, text).split())

    def _headings(self, root: etree.Element) -> list[Heading]:
        """Demote h1 and give every heading a unique id: its own {#id}, else its text's slug.

        A slug never takes an id written elsewhere in the text, nor one in ``taken_ids`` (used
        by earlier blocks of the same page); repeats get -2, -3, ...
        """
        headings = [element for element in root.iter() if element.tag in HEADINGS]
        written = {h.get("id") for h in headings if ID_RE.match(h.get("id", ""))}
        taken: set[str] = set(self.taken_ids)
        counters: dict[str, int] = {}  # next suffix to try per base, so repeats stay linear
        found = []
        for heading in headings:
            if heading.tag == "h1":
                heading.tag = "h2"
            text = self._plain_text(heading)
            own = heading.get("id", "") if ID_RE.match(heading.get("id", "")) else ""
            base = slug = own or slugify(text) or "section"
            counter = counters.get(base, 2)
            while slug in taken or (not own and slug in written):
                slug, counter = f"{base}-{counter}", counter + 1
            counters[base] = counter
            taken.add(slug)
            heading.set("id", slug)
            found.append(Heading(int(heading.tag[1]), text, slug))
        return found


class FenceAttributes(Postprocessor):
    """Fence attributes (```` ```py {.a} ````) go on ``<code>`` as with markdown-it-attrs."""

    FENCE_RE = re.compile(r'<pre class="([^"]*)"><code(?: class="([^"]*)")?>')

    def run(self, text: str) -> str:
        return self.FENCE_RE.sub(lambda m: f'<pre><code class="{m[1]} {m[2] or ""}">', text)


class DialectExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"taken_ids": [frozenset(), "heading ids already used on the page"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md) -> None:
        md.preprocessors.register(CommonMarkBlocks(md), "commonmark_blocks", 28)
        md.delimiters.add("~", "s", double=True)
        md.inlinePatterns.register(
            SubstituteTagInlineProcessor(r"\\(?=\n)", "br"), "backslash_break", 185
        )
        # After "inline" (20) has built the inline elements, before "prettify" (10).
        md.treeprocessors.register(
            DialectTreeprocessor(md, self.getConfig("taken_ids")), "markdown_it_dialect", 15
        )
        # After "raw_html" (30) has put fenced code back.
        md.postprocessors.register(FenceAttributes(md), "fence_attributes", 20)
        md.headings = []
