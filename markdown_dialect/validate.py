"""``check``: does a Markdown text keep the limits (``limits``)? If not, which and on what line.

Only the block structure is parsed (linear, no inline rules), with the renderer's own parser,
so what is counted is what would be rendered.
"""

from dataclasses import dataclass

from markdown_it.rules_core import StateCore, block, normalize

from .limits import MAX_CHARS, MAX_DEPTH
from .render import MARKDOWN

CONTAINERS = {"bullet_list_open", "ordered_list_open", "blockquote_open"}
CONTAINERS_CLOSED = {"bullet_list_close", "ordered_list_close", "blockquote_close"}


@dataclass(frozen=True)
class LimitExceeded:
    message: str
    line: int  # of the text, from 1

    def __str__(self):
        return f"line {self.line}: {self.message}"


def _block_tokens(text: str) -> list:
    state = StateCore(text, MARKDOWN, {})
    normalize(state)
    block(state)
    return state.tokens


def check(text: str) -> LimitExceeded | None:
    """The first limit ``text`` exceeds, with the line where it does; None within all."""
    text = text or ""
    if len(text) > MAX_CHARS:
        return LimitExceeded(
            f"this text has {len(text):,} characters; a Markdown block holds at most "
            f"{MAX_CHARS:,}: split it into several blocks",
            text.count("\n", 0, MAX_CHARS) + 1,
        )
    depth = 0
    for token in _block_tokens(text):
        if token.type in CONTAINERS:
            depth += 1
            if depth > MAX_DEPTH:
                return LimitExceeded(
                    f"lists and quotes are nested more than {MAX_DEPTH} deep: "
                    f"nest them at most {MAX_DEPTH} deep",
                    token.map[0] + 1,
                )
        elif token.type in CONTAINERS_CLOSED:
            depth -= 1
    return None
