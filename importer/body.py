"""A file's Markdown body and jumbotron -> the blocks of our StreamFields.

``{% ImgFigure %}`` shortcodes become figures and paragraphs that are a single styled link
become calls to action; the Markdown around them stays as it was (same dialect, rendered by
markdown_dialect). Any other Nunjucks/Liquid tag is reported with its line and kept as text.
"""

import re
from dataclasses import dataclass, field

from importer.code_ranges import fence_states
from importer.figures import FigureFinder, FigureSpec, classes_of, figure_style, figure_widths
from importer.templates import resolve_templates
from markdown_dialect.limits import MAX_CHARS
from markdown_dialect.validate import check
from pages.blocks import ANCHOR_RE, SITE_PATH_RE

__all__ = ["BodyConverter", "FigureSpec", "figure_style", "figure_widths"]

LINK = r'\[(?P<label>[^\]]+)\]\((?P<url>[^)\s]+)(?:\s+"[^"]*")?\)(?P<curly>\{[^}]*\})'
LINK_RE = re.compile(LINK)
URL_RE = re.compile(r"^(https?://|mailto:|tel:)\S+$")


@dataclass
class Converted:
    blocks: list = field(default_factory=list)  # ("markdown", text) / ("figure", FigureSpec) / ...
    # The same with notices where template code could not be evaluated; None without any.
    draft_blocks: list | None = None
    warnings: list = field(default_factory=list)  # (line, message)
    past_limits: list = field(default_factory=list)  # (line, message): the form would refuse


def _paragraph_starts(text):
    """(offset, line index) of each line after a blank line, outside fences, that starts at
    the margin (not a list item's or a quote's continuation): where a text may be cut."""
    offset, blank = 0, False
    for number, line, opens, inside in fence_states(text.split("\n")):
        # ``blank`` is False after any line in a fence, so a closing line never yields.
        if blank and (opens or (line.strip() and not line[0].isspace())):
            yield offset, number
        blank = not inside and not line.strip()
        offset += len(line) + 1


def split_long(text, limit=MAX_CHARS):
    """[(line offset, piece)]: ``text`` in pieces of at most ``limit`` characters, cut between
    paragraphs outside code fences; a paragraph longer than that stays whole (and is refused)."""
    if len(text) <= limit:
        return [(0, text)]
    pieces, start, start_line, last = [], 0, 0, None
    for offset, number in _paragraph_starts(text):
        if offset - start > limit and last is not None and last[0] > start:
            pieces.append((start_line, text[start : last[0]].strip("\n")))
            start, start_line = last
        last = (offset, number)
    if len(text) - start > limit and last is not None and last[0] > start:
        pieces.append((start_line, text[start : last[0]].strip("\n")))
        start, start_line = last
    pieces.append((start_line, text[start:].strip("\n")))
    return pieces


def link_value(url):
    """A LinkBlock value for ``url``, or None when it is neither a site path, a URL nor #anchor."""
    if url.startswith("#") and ANCHOR_RE.match(url):
        return {"page": None, "link_url": "", "anchor": url[1:]}
    if SITE_PATH_RE.match(url) or URL_RE.match(url):
        return {"page": None, "link_url": url, "anchor": ""}
    return None


def button_style(classes):
    """forward / primary / secondary from 11ty link classes; None for a link that is no button."""
    if any("secondary" in name for name in classes) and "single-meta-button" in classes:
        return "secondary"
    if "single-meta-button" in classes:
        return "primary"
    if "single-meta-forward" in classes:
        return "forward"
    return None


class BodyConverter:
    """Converts one file's texts; ``meta`` resolves front-matter references like image.classes,
    ``variables`` the ``{{ expressions }}`` 11ty would have printed."""

    def __init__(self, meta, variables=None):
        self.meta = meta
        self.variables = variables if variables is not None else {"page": {}, **meta}

    def _markdown(self, text, first_line, out):
        """``text`` with its template code resolved, as blocks (and as draft blocks)."""
        templated = resolve_templates(text, first_line, self.variables)
        out.warnings += templated.warnings
        published = self._markdown_with_ctas(templated.published, first_line, out)
        if templated.draft is not None and out.draft_blocks is None:
            out.draft_blocks = list(out.blocks)
        if out.draft_blocks is not None:
            draft = templated.draft if templated.draft is not None else templated.published
            out.draft_blocks += self._markdown_with_ctas(draft, first_line, None)
        out.blocks += published

    def _markdown_with_ctas(self, text, first_line, out):
        """Blocks of ``text``, split around paragraphs that are a single styled link (outside
        code). ``out`` collects the limits it passes (None: not checked)."""
        blocks = []
        pending, pending_line = [], first_line
        lines = text.split("\n")
        for number, raw, _opens, inside in fence_states(lines):
            alone = (
                not inside
                and (number == 0 or not lines[number - 1].strip())
                and (number + 1 == len(lines) or not lines[number + 1].strip())
            )
            buttons = self._buttons(raw) if alone else None
            if buttons is None or len(buttons) > 1:
                pending.append(raw)
                continue
            self._add_markdown("\n".join(pending), pending_line, out, blocks)
            pending, pending_line = [], first_line + number + 1
            blocks.append(("call_to_action", buttons[0]))
        self._add_markdown("\n".join(pending), pending_line, out, blocks)
        return blocks

    @staticmethod
    def _buttons(line):
        """The buttons of a line made only of styled links; None for any other line."""
        if line.startswith((" ", "\t")) or not line.strip():
            return None
        buttons, position = [], 0
        for match in LINK_RE.finditer(line):
            style, link = button_style(classes_of(match["curly"])), link_value(match["url"])
            if line[position : match.start()].strip() or style is None or link is None:
                return None
            buttons.append({"label": match["label"].strip(), "link": link, "style": style})
            position = match.end()
        return buttons if buttons and not line[position:].strip() else None

    @staticmethod
    def _add_markdown(text, line, out, blocks):
        """A Markdown block of ``text`` (on the file's ``line`` on), checked against the limits
        the editor's form applies, unless it is blank."""
        line += len(text) - len(text.lstrip("\n"))
        text = text.strip("\n")
        if not text.strip():
            return
        for offset, piece in split_long(text):
            piece_line = line + offset
            if out is not None and (problem := check(piece)):
                out.past_limits.append((piece_line + problem.line - 1, problem.message))
            blocks.append(("markdown", piece))

    def body(self, text, first_line):
        """The body's blocks and warnings; ``first_line`` is the file's line of ``text[0]``."""
        out = Converted()
        position, line = 0, first_line
        for start, end, figure in FigureFinder(self.meta, out.warnings).find(text, first_line):
            self._markdown(text[position:start], line, out)
            line += text.count("\n", position, end)
            out.blocks.append(("figure", figure))
            if out.draft_blocks is not None:
                out.draft_blocks.append(("figure", figure))
            position = end
        self._markdown(text[position:], line, out)
        return out

    def jumbotron(self, text, line):
        """The jumbotron's Markdown and its buttons: paragraphs made only of button links."""
        out = Converted()
        kept, buttons = [], []
        templated = resolve_templates(text, line, self.variables)
        text, out.warnings = templated.published, templated.warnings
        for paragraph in re.split(r"\n[ \t]*\n", text.strip()):
            found = [self._buttons(row.strip()) for row in paragraph.strip().split("\n")]
            links = [button for row in found if row for button in row]
            if all(found) and len(buttons) + len(links) <= 3:
                buttons += links
                continue
            if all(found):
                out.warnings.append((line, "a jumbotron has at most 3 buttons: links kept"))
            if paragraph.strip():
                kept.append(paragraph.strip("\n"))
        text = "\n\n".join(kept)
        if problem := check(text):  # its buttons are taken out: the jumbotron's line
            out.past_limits.append((line, f"the jumbotron: {problem.message}"))
        out.blocks.append(("jumbotron", {"text": text, "buttons": buttons}))
        return out
