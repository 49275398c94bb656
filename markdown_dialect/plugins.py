"""The markdown-it plugins of 11ty's usual set-up, beyond markdown-it-attrs.

- footnotes (``[^1]``): mdit-py-plugins' port of markdown-it-footnote;
- ``==mark==``: a port of markdown-it-mark 4 (``<mark>``), the strikethrough rule with ``=``;
- ``:emoji:`` shortcodes: markdown-it-emoji 3's "full" names (``emoji_names.json``, its data,
  MIT licence, Vitaly Puzrin), replaced by the emoji itself as the plugin renders them; its
  text shortcuts (``:)``) are not used.

None of these changes how a text without their syntax renders (the parity corpus).
"""

import json
import re
from pathlib import Path

from markdown_it.rules_inline.state_inline import Delimiter
from mdit_py_plugins.footnote import footnote_plugin

EMOJI = json.loads((Path(__file__).parent / "emoji_names.json").read_text(encoding="utf-8"))
EMOJI_RE = re.compile(r"(?=:([\w+-]+):)")  # every candidate, overlapping: ":a:smile:"
EQUALS = 0x3D


def _mark_tokenize(state, silent):
    """Each ``==`` is a text token and a delimiter (markdown-it-mark's tokenize)."""
    if silent or state.src[state.pos] != "=":
        return False
    scanned = state.scanDelims(state.pos, True)
    length = scanned.length
    if length < 2:
        return False
    if length % 2:
        token = state.push("text", "", 0)
        token.content = "="
        length -= 1
    for _ in range(0, length, 2):
        token = state.push("text", "", 0)
        token.content = "=="
        state.delimiters.append(
            Delimiter(EQUALS, 0, len(state.tokens) - 1, -1, scanned.can_open, scanned.can_close)
        )
    state.pos += scanned.length
    return True


def _mark_pairs(state, delimiters):
    lone = []
    for start in delimiters:
        if start.marker != EQUALS or start.end == -1:
            continue
        end = delimiters[start.end]
        for index, (kind, nesting) in (
            (start.token, ("mark_open", 1)),
            (end.token, ("mark_close", -1)),
        ):
            token = state.tokens[index]
            token.type, token.tag, token.nesting = kind, "mark", nesting
            token.markup, token.content = "==", ""
        before = state.tokens[end.token - 1]
        if before.type == "text" and before.content == "=":
            lone.append(end.token - 1)
    # A lone "=" before a closer goes after it (as markdown-it-mark does).
    while lone:
        index = lone.pop()
        after = index + 1
        while after < len(state.tokens) and state.tokens[after].type == "mark_close":
            after += 1
        after -= 1
        if index != after:
            state.tokens[index], state.tokens[after] = state.tokens[after], state.tokens[index]


def _mark_post_process(state):
    _mark_pairs(state, state.delimiters)
    for meta in state.tokens_meta:
        if meta and meta.get("delimiters"):
            _mark_pairs(state, meta["delimiters"])
    return False


def mark_plugin(md):
    md.inline.ruler.before("emphasis", "mark", _mark_tokenize)
    md.inline.ruler2.before("emphasis", "mark", _mark_post_process)


def _replace_emoji(text):
    parts, last = [], 0
    for match in EMOJI_RE.finditer(text):
        name = match.group(1)
        if match.start() >= last and name in EMOJI:
            parts += [text[last : match.start()], EMOJI[name]]
            last = match.start() + len(name) + 2
    return "".join(parts) + text[last:] if parts else text


def _emoji(state):
    """``:name:`` in text (not in code, nor in autolinks) -> the emoji."""
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        autolink = 0
        for token in block.children:
            if token.type in ("link_open", "link_close") and token.info == "auto":
                autolink += token.nesting
            if token.type == "text" and not autolink and ":" in token.content:
                token.content = _replace_emoji(token.content)


def emoji_plugin(md):
    md.core.ruler.after("linkify", "emoji", _emoji)


def usual_plugins(md):
    """11ty's usual markdown-it plugins, in the order sites add them."""
    md.use(footnote_plugin).use(mark_plugin).use(emoji_plugin)
