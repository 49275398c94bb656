"""Where a Markdown text has code: fenced blocks and code spans, found in one pass.

Template code and shortcodes inside code are shown as they are, so the body's converters ask
here first; the fences are found once per text, not once per question (large files stay linear).
"""

import bisect
import re

FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})", re.M)
CODE_SPAN_RE = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.S)


def fence_states(lines):
    """(index, line, opens, inside) per line: ``opens`` when the line opens a fence, ``inside``
    when a fence is open after it (its content and its opening line; not its closing line)."""
    fence = None
    for number, line in enumerate(lines):
        opens = False
        if match := FENCE_RE.match(line):
            marker = match.group(1)
            if fence is None:
                fence, opens = marker, True
            elif marker[0] == fence[0] and len(marker) >= len(fence):
                fence = None
        yield number, line, opens, fence is not None


class CodeRanges:
    def __init__(self, text):
        self.text = text
        self.starts, self.ends = [], []
        fence, start = None, 0
        for match in FENCE_RE.finditer(text):
            marker = match.group(1)
            if fence is None:
                fence, start = marker, match.start()
            elif marker[0] == fence[0] and len(marker) >= len(fence):
                line_end = text.find("\n", match.end())
                self.starts.append(start)
                self.ends.append(len(text) if line_end < 0 else line_end)
                fence = None
        if fence is not None:  # an unclosed fence runs to the end, as in CommonMark
            self.starts.append(start)
            self.ends.append(len(text))

    def in_fence(self, offset):
        index = bisect.bisect_right(self.starts, offset) - 1
        return index >= 0 and offset < self.ends[index]

    def in_code(self, offset):
        """Inside a fenced block, or inside a code span on the offset's line."""
        if self.in_fence(offset):
            return True
        line_start = self.text.rfind("\n", 0, offset) + 1
        line_end = self.text.find("\n", offset)
        line = self.text[line_start : len(self.text) if line_end < 0 else line_end]
        column = offset - line_start
        return any(span.start() < column < span.end() for span in CODE_SPAN_RE.finditer(line))
