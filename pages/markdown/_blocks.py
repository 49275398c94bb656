"""Line-level bridge from CommonMark (markdown-it) block rules to Python-Markdown's.

Python-Markdown follows Markdown.pl: a list or a table must follow a blank line, nested list
items need four spaces, and a fence's info string is a bare language. markdown-it follows
CommonMark: lists and tables may interrupt a paragraph, an item's children line up with its
text (two spaces after ``- ``) and an info string may carry ``{.attrs}``. This preprocessor
rewrites the source so Python-Markdown sees the structure markdown-it would have seen.
Fenced code is left untouched, except for its opening line.
"""

import re

from markdown.preprocessors import Preprocessor

FENCE_RE = re.compile(r"^( {0,3})(`{3,}|~{3,})\s*([^`\s{]*)\s*(\{[^}]*\})?[^`]*$")
ITEM_RE = re.compile(r"^( *)([-*+]|\d{1,9}[.)])( {1,4}|$)(.*)$")
TABLE_DELIMITER_RE = re.compile(r"^ {0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
HR_RE = re.compile(r"^ {0,3}([-*_])(\s*\1){2,}\s*$")
SETEXT_RE = re.compile(r"^ {0,3}(=+|-+)\s*$")
BLOCK_START_RE = re.compile(r"^ {0,3}(#{1,6}(\s|$)|>|```|~~~)")
NOT_PARAGRAPH_RE = re.compile(r"^ {0,3}(#{1,6}(\s|$)|>|\|)")


def _can_interrupt(item: re.Match) -> bool:
    """CommonMark: only a non-empty bullet, or an ordered list starting at 1, ends a paragraph."""
    marker, text = item.group(2), item.group(4)
    return bool(text.strip()) and (marker in "-*+" or marker[:-1] == "1")


def _fence_open(fence: re.Match) -> str:
    """``` python {.cls} -> ``` {.python .cls}, the form Python-Markdown's fenced_code reads."""
    _indent, marks, lang, attrs = fence.groups()
    inner = (attrs or "{}")[1:-1].strip()
    if lang:
        inner = f".{lang} {inner}".strip()
    return f"{marks} {{{inner}}}" if inner else marks


def normalise_blocks(lines: list[str]) -> list[str]:
    out: list[str] = []
    fence = ""  # the closing fence we are waiting for, while inside fenced code
    paragraph = False  # the previous line was paragraph text outside any list
    blank = True  # the previous line was blank
    columns: list[int] = []  # text column of each open list item, outermost first
    continued = False  # in a list, the lines since the last blank line began with a non-item
    start = 0  # index in ``out`` of the first line of the current paragraph
    for index, line in enumerate(lines):
        if fence:
            out.append(line)
            if line.strip().startswith(fence) and not line.strip(fence[0]).strip():
                fence = ""
            continue
        if not line.strip():
            out.append(line)
            paragraph, blank = False, True
            continue
        indent = len(line) - len(line.lstrip(" "))
        rule = HR_RE.match(line)
        item = None if rule else ITEM_RE.match(line)
        if columns and indent < columns[0] and not item:
            if blank:
                columns = []  # an unindented line after a blank line ends the list
            elif rule or BLOCK_START_RE.match(line):
                columns = []  # so does a heading, quote, fence or rule (it is not lazy text)
                out.append("")
        if item and paragraph and not _can_interrupt(item):
            item = None  # "2. x" inside a paragraph is just text
        fence_match = FENCE_RE.match(line) if not columns else None
        if fence_match:
            fence = fence_match.group(2)
            out.append(_fence_open(fence_match))
            paragraph, blank = False, False
            continue
        if item and (not columns or indent < columns[-1] + 4):
            if paragraph or (columns and continued and not blank):
                # markdown-it lets a list interrupt a paragraph, and an item end an item's
                # second paragraph (Python-Markdown would read both as one indented block)
                out.append("")
            continued = False
            while columns and indent < columns[-1]:
                columns.pop()
            marker = item.group(2).replace(")", ".")
            width = len(item.group(3)) if item.group(4) else 1
            out.append(" " * 4 * len(columns) + marker + " " + item.group(4))
            columns.append(indent + len(item.group(2)) + width)
            paragraph, blank = False, False
            continue
        if columns and indent >= columns[0]:
            depth = sum(1 for column in columns if column <= indent)
            if blank:
                del columns[depth:]
            extra = indent - columns[depth - 1]
            continued = continued or blank
            out.append(" " * (4 * depth + extra) + line.lstrip(" "))
            blank = False
            continue
        if columns:  # lazy continuation of the last item's paragraph
            out.append(line)
            blank = False
            continue
        if paragraph and SETEXT_RE.match(line) and len(out) - start > 1:
            # a setext heading may span lines; Python-Markdown's takes only the last one
            out[start:] = [" ".join(text.strip() for text in out[start:])]
        if paragraph and SETEXT_RE.match(line):
            out.append(line.strip())
            paragraph, blank = False, False
            continue
        next_line = lines[index + 1] if index + 1 < len(lines) else ""
        if paragraph and "|" in line and "|" in next_line and TABLE_DELIMITER_RE.match(next_line):
            out.append("")  # markdown-it lets a table interrupt a paragraph
        out.append(line)
        was_paragraph = paragraph
        paragraph = not (NOT_PARAGRAPH_RE.match(line) or HR_RE.match(line))
        paragraph = paragraph and not (blank and indent >= 4)  # indented code
        if paragraph and not was_paragraph:
            start = len(out) - 1  # where this paragraph began in ``out``
        blank = False
    if fence:  # markdown-it closes an unclosed fence at the end of the document
        while out and not out[-1].strip():
            out.pop()
        out += [fence, ""]
    return out


class CommonMarkBlocks(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        return normalise_blocks(lines)
