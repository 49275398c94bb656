"""markdown-it-attrs 4.3.1 (the ``{.class #id key=val}`` plugin 11ty sites use), ported.

A markdown-it-py core rule that runs where the JS plugin runs (before ``linkify``) and applies
the same patterns, in the same order, to the token stream (``patterns.js`` of that package):
each token is tested against every pattern in turn; the two inline patterns are retried until
they no longer match. ``utils.js`` gives ``parse_curly`` (``getAttrs``), ``has_curly``
(``hasDelimiters``) and ``_matching_opening`` (``getMatchingOpeningToken``).

Two differences, both invisible after sanitising:

* the JS plugin pushes a repeated key as a second attribute (``href="/a" href="/b"``), which
  HTML parsers ignore; markdown-it-py keeps one value per key, so the first one is kept here;
* the ``{colspan=2}`` / ``{rowspan=2}`` table patterns are not ported: the sanitiser drops
  both attributes, so the cells they would hide stay visible instead of being lost.

The attributes themselves are not filtered here (the plugin's default): the sanitiser decides
what survives (classes from the allow-list, ids on headings).
"""

import functools
import re

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

__all__ = ["curly_attributes_plugin", "has_curly", "parse_curly"]

HR_RE = re.compile(r"^ {0,3}[-*_]{3,} ?\{[^}]")
CURLY_END_RE = re.compile(r"[ \n]?\{[^{}]+\}$")
KEY_SKIPPED = "\t\n\f />\"'="
LIST_OPENS = ("bullet_list_open", "ordered_list_open")


def parse_curly(text: str, start: int) -> list[tuple[str, str]]:
    """``getAttrs``: the ``(key, value)`` pairs of the curly that opens at ``text[start]``."""
    attrs: list[tuple[str, str]] = []
    key, value, in_key, quoted = "", "", True, False
    i = start + 1
    while i < len(text):
        char = text[i]
        i += 1
        if char == "}":
            return [*attrs, (key, value)] if key else attrs
        if char == "=" and in_key:
            in_key = False
        elif char in ".#" and not key:
            key, in_key = ("id" if char == "#" else "class"), False
            if char == "." and text[i : i + 1] == ".":
                key, i = "css-module", i + 1
        elif char == '"' and (quoted or not value):
            quoted = not quoted
        elif char == " " and not quoted:
            if key:
                attrs.append((key, value))
            key, value, in_key = "", "", True
        elif not in_key:
            value += char
        elif char not in KEY_SKIPPED:
            key += char
    return attrs  # no closing "}": the last pair is dropped, as in getAttrs


def has_curly(where: str, text) -> bool:
    """``hasDelimiters``: a well-formed curly at the 'start', the 'end' or as the 'only' text."""
    if not isinstance(text, str) or len(text) < 3:
        return False
    if where == "start":
        start = 0 if text[0] == "{" else -1
        end = text.find("}", 2) if start == 0 else -1
        if text[end + 1 : end + 2] == "}":
            end = -1
    elif where == "end":
        start = text.rfind("{")
        end = text.find("}", start + 2) if start != -1 else -1
        end = end if end == len(text) - 1 else -1
    else:
        start = 0 if text[0] == "{" else -1
        end = len(text) - 1 if text[-1] == "}" else -1
    if start == -1 or end == -1:
        return False
    curly = text[start : end + 1]
    return len(curly) >= (4 if curly[1] in ".#" else 3)


def _add(attrs: list[tuple[str, str]], token: Token | None) -> None:
    """``addAttrs``: classes are joined, any other key is set once (the first value wins)."""
    if token is None:
        return
    for key, value in attrs:
        if key in ("class", "css-module"):
            token.attrJoin(key, value)
        elif key not in token.attrs:
            token.attrSet(key, value)


def _get(tokens: list[Token], index: int) -> Token | None:
    """``tokens[index]`` as JS reads it: negative counts from the end, out of range is None."""
    return tokens[index] if -len(tokens) <= index < len(tokens) else None


class Passed:
    """The last token of each (type, level) and the last list a walk passed: opening tokens are
    found without scanning back to the stream's start (quadratic for many closers)."""

    def __init__(self) -> None:
        self.count = 0
        self.last: dict[tuple[str, int], Token] = {}
        self.last_list: Token | None = None

    def add(self, token: Token) -> None:
        self.count += 1
        self.last[token.type, token.level] = token
        if token.type in LIST_OPENS:
            self.last_list = token


def _matching_opening(tokens: list[Token], i: int, passed: Passed) -> Token | None:
    """``getMatchingOpeningToken``: the nearest token up to ``tokens[i]`` of its opening type
    and level; ``tokens[:passed.count]`` are the ones ``passed`` was given."""
    token = _get(tokens, i)
    if token is None or token.type == "softbreak":
        return None
    if token.nesting == 0:
        return token
    kind = token.type.replace("_close", "_open")
    for j in range(i, passed.count - 1, -1):
        if tokens[j].type == kind and tokens[j].level == token.level:
            return tokens[j]
    return passed.last.get((kind, token.level))


def _is(token: Token | None, *types: str) -> bool:
    return token is not None and token.type in types


def _cut_end_curly(token: Token) -> list[tuple[str, str]]:
    """The attrs of the curly ending ``token.content``, cut off with one space before it."""
    content = token.content
    left = content.rfind("{")
    kept = content[:left]
    token.content = kept[:-1] if kept.endswith(" ") else kept
    return parse_curly(content, left)


def _ends_in_softbreak_curly(children: list[Token]) -> bool:
    last = _get(children, -1)
    return (
        _is(_get(children, -2), "softbreak")
        and _is(last, "text")
        and has_curly("only", last.content)
    )


# --- the patterns, in patterns.js order; each applies itself where it matches ---------------
# ``passed`` holds the tokens before ``tokens[i]``; patterns only change tokens from ``i`` on.


def _fenced_code(tokens: list[Token], i: int, passed: Passed) -> None:
    """```` ```python {.cls} ````"""
    token = tokens[i]
    if token.block and has_curly("end", token.info):
        _add(parse_curly(token.info, token.info.rfind("{")), token)
        if m := CURLY_END_RE.search(token.info):
            token.info = token.info[: m.start()]


def _inline_after(tokens: list[Token], i: int, passed: Passed, closers: bool) -> None:
    """'inline nesting 0' (```code`{.a}``, ``![i](x){.a}``) and 'inline attributes'
    (``*em*{.a}``, ``[a](x){.a}``): a text starting with a curly after such a child. The plugin
    retries from the first child after each match; a match changes no earlier child, so
    resuming at it is the same, without the rescans (quadratic for many ``*a*{.b}``)."""
    if tokens[i].type != "inline" or not tokens[i].children:
        return
    children, before_j = tokens[i].children, Passed()
    j = 1
    while j < len(children):
        before, text = children[j - 1], children[j]
        fits = before.nesting == -1 if closers else _is(before, "image", "code_inline")
        if not (fits and text.type == "text" and has_curly("start", text.content)):
            j += 1
            continue
        while before_j.count < j - 1:  # caught up only when needed, as most never match
            before_j.add(children[before_j.count])
        target = _matching_opening(children, j - 1, before_j) if closers else before
        if target is None:
            return  # the plugin stops at the first match, whatever it finds
        _add(parse_curly(text.content, 0), target)
        rest = text.content[text.content.index("}") + 1 :]
        if rest or closers:
            text.content = rest
        else:
            del children[j]


def _curly_paragraph_after(
    tokens: list[Token], i: int, passed: Passed, closers: tuple[str, ...]
) -> None:
    """'tables' and 'list double softbreak': a paragraph holding only a curly after a table
    or a list goes onto it (a list's paragraph must be that one curly and nothing else)."""
    paragraph, inline = _get(tokens, i + 1), _get(tokens, i + 2)
    if not (_is(tokens[i], *closers) and _is(paragraph, "paragraph_open")):
        return
    if not (_is(inline, "inline") and has_curly("only", inline.content)):
        return
    alone = len(inline.children or []) == 1 and _is(_get(tokens, i + 3), "paragraph_close")
    if closers[0] != "table_close" and not alone:
        return
    _add(parse_curly(inline.content, 0), _matching_opening(tokens, i, passed))
    del tokens[i + 1 : i + 4]


def _in_item(tokens: list[Token], i: int) -> bool:
    return tokens[i].type == "inline" and i >= 2 and tokens[i - 2].type == "list_item_open"


def _list_softbreak(tokens: list[Token], i: int, passed: Passed) -> None:
    """``- item`` + a line holding only a curly: the list opened last before the item."""
    if not (_in_item(tokens, i) and _ends_in_softbreak_curly(tokens[i].children or [])):
        return
    # The item's own list_item_open and paragraph_open are not lists: the last list passed.
    _add(parse_curly(tokens[i].children[-1].content, 0), passed.last_list)
    tokens[i].children = tokens[i].children[:-2]


def _list_item_end(tokens: list[Token], i: int, passed: Passed) -> None:
    """``- item{.a}``: the ``<li>``."""
    last = _get(tokens[i].children or [], -1) if _in_item(tokens, i) else None
    if _is(last, "text") and has_curly("end", last.content):
        _add(_cut_end_curly(last), tokens[i - 2])


def _softbreak_then_curly(tokens: list[Token], i: int, passed: Passed) -> None:
    """``text`` + a line holding only a curly: the outermost element that closes there."""
    if tokens[i].type != "inline" or not _ends_in_softbreak_curly(tokens[i].children or []):
        return
    attrs = parse_curly(tokens[i].children[-1].content, 0)
    k = i + 1
    while k + 1 < len(tokens) and tokens[k + 1].nesting == -1:
        k += 1
    _add(attrs, _matching_opening(tokens, k, passed))
    tokens[i].children = tokens[i].children[:-2]


def _horizontal_rule(tokens: list[Token], i: int, passed: Passed) -> None:
    """``--- {.a}`` (a paragraph, since the curly stops it being a rule): an ``<hr>``."""
    inline = _get(tokens, i + 1)
    if not (_is(tokens[i], "paragraph_open") and _is(_get(tokens, i + 2), "paragraph_close")):
        return
    if not (_is(inline, "inline") and len(inline.children) == 1 and HR_RE.match(inline.content)):
        return
    token, content = tokens[i], inline.content
    token.type, token.tag, token.nesting, token.markup = "hr", "hr", 0, content
    _add(parse_curly(content, content.rfind("{")), token)
    del tokens[i + 1 : i + 3]


def _end_of_block(tokens: list[Token], i: int, passed: Passed) -> None:
    """``text{.a}`` ending a paragraph, heading, cell: the block (the next closing token)."""
    last = _get(tokens[i].children or [], -1) if tokens[i].type == "inline" else None
    if last is None or last.type in ("code_inline", "math_inline"):
        return
    if not has_curly("end", last.content):
        return
    k = i + 1
    while k < len(tokens) and tokens[k].nesting != -1:
        k += 1
    _add(_cut_end_curly(last), _matching_opening(tokens, k, passed))


_tables = functools.partial(_curly_paragraph_after, closers=("table_close",))
_list_double_softbreak = functools.partial(
    _curly_paragraph_after, closers=("bullet_list_close", "ordered_list_close")
)
# After _fenced_code (any block token), the patterns of patterns.js that can match a token of
# each type, in their order there: calling all ten on every token was a third of a render.
PATTERNS_BY_TYPE = {
    "inline": (
        functools.partial(_inline_after, closers=False),  # 'inline nesting 0'
        functools.partial(_inline_after, closers=True),  # 'inline attributes'
        _list_softbreak,
        _list_item_end,
        _softbreak_then_curly,
        _end_of_block,
    ),
    "table_close": (_tables,),
    "bullet_list_close": (_list_double_softbreak,),
    "ordered_list_close": (_list_double_softbreak,),
    "paragraph_open": (_horizontal_rule,),
}


def curly_attributes(state: StateCore) -> None:
    """The core rule: every pattern against every token, in order."""
    tokens, passed = state.tokens, Passed()
    i = 0
    while i < len(tokens):
        _fenced_code(tokens, i, passed)
        for pattern in PATTERNS_BY_TYPE.get(tokens[i].type, ()):
            pattern(tokens, i, passed)
        passed.add(tokens[i])
        i += 1


def curly_attributes_plugin(md) -> None:
    """``md.use(curly_attributes_plugin)``, like ``md.use(markdownItAttrs)``."""
    md.core.ruler.before("linkify", "curly_attributes", curly_attributes)
