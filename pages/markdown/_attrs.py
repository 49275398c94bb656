"""markdown-it-attrs's curly-attribute rules, ported to Python-Markdown's element tree.

markdown-it-attrs (v4/v5, the plugin the 11ty site used) reads ``{.class #id key=val}`` and
decides where it goes from the token stream; ``patterns.js`` in that package is the spec.
Python-Markdown's own ``attr_list`` has different placement rules (a block's attributes must
stand on a line of their own, a header needs a space before ``{``, nothing lands on ``<li>``
or on the enclosing list), so this module re-implements the markdown-it-attrs rules instead:

* inline: ``*em*{.a}``, ``[a](/x){.a}``, ``![i](/x){.a}``, ```code`{.a}`` -> that element;
* ``- item{.a}`` at the end of an item's first paragraph -> the ``<li>``;
* ``- item`` + a next line holding only ``{.a}`` -> the nearest list opened before the item;
* ``text`` + a next line holding only ``{.a}`` -> the outermost element that closes there;
* ``text{.a}`` at the end of a paragraph, heading or table cell -> that element;
* a paragraph holding only ``{.a}`` right after a table or a list -> that table or list;
* ``--- {.a}`` -> a ``<hr>``.

Only ``class`` and ``id`` are kept; every other attribute (``eleventy:widths=...``,
``onclick=...``) is parsed and dropped, so it never reaches the output.
"""

import re
import xml.etree.ElementTree as etree

INLINE_CONTAINERS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "th", "td", "li"}
LISTS = ("ul", "ol")
HR_CURLY_RE = re.compile(r"^ {0,3}[-*_]{3,} ?\{[^}]")


def _is_quote(text: str, i: int) -> bool:
    """An unescaped double quote at ``i``."""
    if text[i] != '"':
        return False
    start = i
    while start and text[start - 1] == "\\":
        start -= 1
    return (i - start) % 2 == 0


def _find_right(text: str, start: int) -> int:
    quoted = False
    for i in range(start, len(text)):
        if _is_quote(text, i):
            quoted = not quoted
        elif not quoted and text[i] == "}":
            return i
    return -1


def _find_left(text: str) -> int:
    found, quoted = -1, False
    for i, char in enumerate(text):
        if _is_quote(text, i):
            quoted = not quoted
        elif not quoted and char == "{":
            found = i
    return found


def has_curly(where: str, text: str) -> bool:
    """markdown-it-attrs ``hasDelimiters``: a curly at the 'start', 'end' or as the 'only' text."""
    if len(text) < 3:
        return False
    if where == "start":
        start, end = (0, _find_right(text, 2)) if text[0] == "{" else (-1, -1)
        if text[end + 1 : end + 2] == "}":
            end = -1
    elif where == "end":
        start = _find_left(text)
        end = _find_right(text, start + 2) if start != -1 else -1
        end = end if end == len(text) - 1 else -1
    else:
        start, end = (0, len(text) - 1) if text[0] == "{" and text[-1] == "}" else (-1, -1)
    if start == -1 or end == -1:
        return False
    curly = text[start : end + 1]
    return len(curly) >= (4 if curly[1] in ".#" else 3)


def parse_curly(text: str, start: int) -> list[tuple[str, str]]:
    """markdown-it-attrs ``getAttrs``: the ``(key, value)`` pairs of the curly at ``start``."""
    attrs: list[tuple[str, str]] = []
    key, value, in_key, quoted = "", "", True, False
    i = start + 1
    while i < len(text):
        char = text[i]
        if char == "}" and not quoted:
            if key:
                attrs.append((key, value))
            break
        if char == "=" and in_key:
            in_key = False
        elif char in ".#" and not key:
            key, in_key = ("id" if char == "#" else "class"), False
            if text[i : i + 2] == "..":
                key, i = "css-module", i + 1
        elif _is_quote(text, i) and (quoted or not value):
            quoted = not quoted
        elif char == " " and not quoted:
            if key:
                attrs.append((key, value))
            key, value, in_key = "", "", True
        elif in_key:
            key += char if char not in "\t\n\f />\"'=" else ""
        else:
            value += char
        i += 1
    return attrs


def _apply(element: etree.Element | None, attrs: list[tuple[str, str]]) -> None:
    """Keep only classes (joined, like ``attrJoin``) and the id; drop everything else."""
    for key, value in attrs:
        if element is None or not value.strip():
            continue
        if key == "class":
            element.set("class", f"{element.get('class', '')} {value}".strip())
        elif key == "id":
            element.set("id", value)


def _softbreak_curly(text: str) -> tuple[str, str] | None:
    """``(text before, curly)`` when the last line holds only a curly, after a soft break."""
    head, newline, line = text.rpartition("\n")
    if newline and has_curly("only", line.strip()):
        return head.rstrip(" "), line.strip()
    return None


def _end_curly(text: str, target: etree.Element | None) -> str:
    """Move a curly ending the last line onto ``target``; cut it and one space before it."""
    head, newline, line = text.rpartition("\n")
    if not has_curly("end", line):
        return text
    left = _find_left(line)
    _apply(target, parse_curly(line, left))
    kept = line[:left]
    return head + newline + (kept[:-1] if kept.endswith(" ") else kept)


class CurlyAttributes:
    """Applies the rules above to one document tree (the body of a Markdown conversion)."""

    def __init__(self, root: etree.Element, is_block_level):
        self.root = root
        self.is_block = is_block_level
        self.parents = {child: parent for parent in root.iter() for child in parent}
        self.absorbed: set[etree.Element] = set()  # a table or list takes one {.a} paragraph

    def run(self) -> None:
        for element in list(self.root.iter()):
            if self.is_block(element.tag) or element.tag == "br":
                continue
            while element.tail and has_curly("start", element.tail):
                _apply(element, parse_curly(element.tail, 0))
                element.tail = element.tail[_find_right(element.tail, 2) + 1 :]
        for element in list(self.root.iter()):
            if element.tag in INLINE_CONTAINERS and element in self.parents:
                self._block(element)

    def _inline_children(self, element: etree.Element) -> list[etree.Element]:
        children = []
        for child in element:
            if self.is_block(child.tag):
                break
            children.append(child)
        return children

    def _block(self, box: etree.Element) -> None:
        parent = self.parents[box]
        kids = self._inline_children(box)
        if box.tag == "li" and not kids and not (box.text or "").strip():
            return  # a loose item: its paragraphs are the containers
        if box.tag == "p" and not kids and self._sibling_rules(box, parent):
            return
        owner = kids[-1] if kids else None
        text = ((owner.tail if owner is not None else box.text) or "").rstrip()
        first_in_item = box.tag == "li" or (
            parent.tag == "li" and parent[0] is box and not (parent.text or "").strip()
        )
        item = box if box.tag == "li" else parent
        if first_in_item and (found := _softbreak_curly(text)):  # "list softbreak"
            text, curly = found
            _apply(self._list_before(item), parse_curly(curly, 0))
        if first_in_item:  # "list item end"
            text = _end_curly(text, item)
        if found := _softbreak_curly(text):  # "softbreak then curly"
            text, curly = found
            _apply(self._outermost(box), parse_curly(curly, 0))
        # "end of block"; the paragraph of a tight item is hidden, so its attributes are lost
        text = _end_curly(text, None if box.tag == "li" else box)
        if owner is not None:
            owner.tail = text
        else:
            box.text = text

    def _sibling_rules(self, box: etree.Element, parent: etree.Element) -> bool:
        """``{.a}`` alone after a table or list, and ``--- {.a}``: True when ``box`` is used up."""
        text = (box.text or "").strip()
        index = list(parent).index(box)
        before = parent[index - 1] if index else None
        after_block = before is not None and before.tag in ("table", *LISTS)
        after_block = after_block and before not in self.absorbed
        if after_block and has_curly("only", text) and ("\n" not in text or before.tag == "table"):
            _apply(before, parse_curly(text, 0))
            parent.remove(box)
            self.absorbed.add(before)
            return True
        if HR_CURLY_RE.match(box.text or "") and "\n" not in text:
            attrs = parse_curly(text, _find_left(text))
            box.tag, box.text = "hr", None
            _apply(box, attrs)
            return True
        return False

    def _list_before(self, item: etree.Element) -> etree.Element | None:
        """The list opened last before ``item``: markdown-it-attrs walks back the token stream."""
        found = None
        for element in self.root.iter():
            if element is item:
                return found
            if element.tag in LISTS:
                found = element
        return found

    def _outermost(self, element: etree.Element) -> etree.Element:
        """The outermost element whose end tag directly follows ``element``'s."""
        while (parent := self.parents.get(element)) is not None and parent is not self.root:
            if parent[-1] is not element:
                break
            element = parent
        return element
