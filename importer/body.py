"""A file's Markdown body and jumbotron -> the blocks of our StreamFields.

``{% ImgFigure %}`` shortcodes become figures and paragraphs that are a single styled link
become calls to action; the Markdown around them stays as it was (same dialect, rendered by
markdown_dialect). Any other Nunjucks/Liquid tag is reported with its line and kept as text.
"""

import re
from dataclasses import dataclass, field

from markdown_dialect import parse_curly
from markdown_dialect.validate import check
from pages.blocks import ANCHOR_RE, DEFAULT_FIGURE_WIDTHS, FIGURE_WIDTHS, SITE_PATH_RE

FIGURE_RE = re.compile(
    r"\{%-?\s*ImgFigure\b(?P<args>.*?)-?%\}(?P<inner>.*?)\{%-?\s*endImgFigure\s*-?%\}", re.S
)
# Nunjucks/Liquid tags, output expressions and comments.
TEMPLATE_RE = re.compile(r"\{%.*?%\}|\{\{.*?\}\}|\{#.*?#\}", re.S)
FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})", re.M)
IMAGE_RE = re.compile(
    r'!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)(?:\s+"[^"]*")?\)(?P<curly>\{[^}]*\})?'
)
LINK = r'\[(?P<label>[^\]]+)\]\((?P<url>[^)\s]+)(?:\s+"[^"]*")?\)(?P<curly>\{[^}]*\})'
LINK_RE = re.compile(LINK)
ARG_RE = re.compile(r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|\[[^\]]*\]|[A-Za-z_][\w.]*""")
URL_RE = re.compile(r"^(https?://|mailto:|tel:)\S+$")

ALLOWED_WIDTHS = [int(value) for value, _ in FIGURE_WIDTHS]
# 11ty figure classes -> our figure styles; layout first, then the look (docs/importing.md).
PORTRAIT_CLASSES = {
    "content-canvas-item-wide-left-sm",
    "content-canvas-item-left--span-3",
    "image-portrait",
    "portrait",
}
WIDE_CLASSES = {"image-wide", "content-canvas-item-wide", "content-canvas-item-full", "wide"}
ROUNDED_CLASSES = {"image-rounded", "rounded"}


@dataclass
class FigureSpec:
    src: str
    alt: str
    caption: str
    style: str
    widths: list[str]
    line: int


@dataclass
class Converted:
    blocks: list = field(default_factory=list)  # ("markdown", text) / ("figure", FigureSpec) / ...
    warnings: list = field(default_factory=list)  # (line, message)
    past_limits: list = field(default_factory=list)  # (line, message): the form would refuse


def _classes(curly):
    return [
        name for key, value in parse_curly(curly, 0) if key == "class" for name in value.split()
    ]


def _attr(curly, wanted):
    return next((value for key, value in parse_curly(curly, 0) if key == wanted), None)


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


def figure_style(classes):
    """The figure style for 11ty classes, and the classes whose look that style loses."""
    rounded = [name for name in classes if name in ROUNDED_CLASSES]
    greyscale = [name for name in classes if name.startswith(("image-greyscale", "greyscale"))]
    for layout_classes, layout in ((PORTRAIT_CLASSES, "portrait"), (WIDE_CLASSES, "wide")):
        if layout_classes.intersection(classes):
            return layout, rounded + greyscale
    if rounded and greyscale:
        return "rounded-greyscale", []
    return ("rounded" if rounded else "greyscale" if greyscale else ""), []


def figure_widths(text):
    """eleventy:widths="200,350,500" -> our widths, each the nearest one we serve."""
    wanted = [int(w) for w in re.findall(r"\d+", text or "")]
    if not wanted:
        return list(DEFAULT_FIGURE_WIDTHS)
    nearest = {
        min(ALLOWED_WIDTHS, key=lambda allowed, w=w: (abs(allowed - w), allowed)) for w in wanted
    }
    return [str(width) for width in sorted(nearest)]


def _unquote(token):
    return token[1:-1].replace("\\'", "'").replace('\\"', '"')


def _lookup(meta, reference):
    value = meta
    for part in reference.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


class BodyConverter:
    """Converts one file's texts; ``meta`` resolves front-matter references like image.classes."""

    def __init__(self, meta):
        self.meta = meta

    def _argument(self, token, line, out):
        """A shortcode argument: 'text', ["a", "b"] or a front-matter reference."""
        if token[0] in "'\"":
            return _unquote(token)
        if token[0] == "[":
            return [_unquote(item) for item in ARG_RE.findall(token[1:-1]) if item[0] in "'\""]
        value = _lookup(self.meta, token)
        if value is None:
            out.warnings.append((line, f"ImgFigure argument '{token}' is not in the front matter"))
        return value

    def _figure(self, match, line, out):
        tokens = ARG_RE.findall(match["args"])
        args = [self._argument(token, line, out) for token in tokens]
        image = IMAGE_RE.search(match["inner"])
        if not image:
            out.warnings.append((line, "ImgFigure without a Markdown image: kept as text"))
            return None
        caption = args[0] if args and isinstance(args[0], str) else ""
        classes = []
        for arg in args[1:]:
            classes += arg.split() if isinstance(arg, str) else [str(c) for c in arg or []]
        curly = image["curly"] or "{}"
        classes += _classes(curly)
        style, lost = figure_style(classes)
        if lost:
            out.warnings.append(
                (line, f"figure style '{style}' cannot also show {', '.join(lost)}: left out")
            )
        widths = figure_widths(_attr(curly, "eleventy:widths"))
        return FigureSpec(image["src"], image["alt"].strip(), caption.strip(), style, widths, line)

    @staticmethod
    def _template_tags(text, first_line, out):
        """Report each template tag; escape its "{" so the page shows it instead of reading
        it as {.attributes} (not inside code, which shows it as it is)."""
        kept, position = [], 0
        for tag in TEMPLATE_RE.finditer(text):
            line = first_line + text.count("\n", 0, tag.start())
            snippet = " ".join(tag.group(0).split())
            out.warnings.append((line, f"unsupported template tag {snippet[:60]}: kept as text"))
            line_start = text.rfind("\n", 0, tag.start()) + 1
            in_code_span = text.count("`", line_start, tag.start()) % 2
            if not (_inside_fence(text, tag.start()) or in_code_span):
                kept += [text[position : tag.start()], "\\"]
                position = tag.start()
        return "".join(kept) + text[position:]

    def _markdown_with_ctas(self, text, first_line, out):
        """Split ``text`` around paragraphs that are a single styled link (outside code)."""
        text = self._template_tags(text, first_line, out)
        pending, pending_line, fence = [], first_line, None
        lines = text.split("\n")
        for number, raw in enumerate(lines):
            if fence_match := FENCE_RE.match(raw):
                marker = fence_match.group(1)
                if fence is None:
                    fence = marker
                elif marker[0] == fence[0] and len(marker) >= len(fence):
                    fence = None
            alone = (
                fence is None
                and (number == 0 or not lines[number - 1].strip())
                and (number + 1 == len(lines) or not lines[number + 1].strip())
            )
            buttons = self._buttons(raw) if alone else None
            if buttons is None or len(buttons) > 1:
                pending.append(raw)
                continue
            self._add_markdown("\n".join(pending), pending_line, out)
            pending, pending_line = [], first_line + number + 1
            out.blocks.append(("call_to_action", buttons[0]))
        self._add_markdown("\n".join(pending), pending_line, out)

    @staticmethod
    def _buttons(line):
        """The buttons of a line made only of styled links; None for any other line."""
        if line.startswith((" ", "\t")) or not line.strip():
            return None
        buttons, position = [], 0
        for match in LINK_RE.finditer(line):
            style, link = button_style(_classes(match["curly"])), link_value(match["url"])
            if line[position : match.start()].strip() or style is None or link is None:
                return None
            buttons.append({"label": match["label"].strip(), "link": link, "style": style})
            position = match.end()
        return buttons if buttons and not line[position:].strip() else None

    @staticmethod
    def _add_markdown(text, line, out):
        """A Markdown block of ``text`` (on the file's ``line`` on), checked against the limits
        the editor's form applies, unless it is blank."""
        line += len(text) - len(text.lstrip("\n"))
        text = text.strip("\n")
        if not text.strip():
            return
        if problem := check(text):
            out.past_limits.append((line + problem.line - 1, problem.message))
        out.blocks.append(("markdown", text))

    def body(self, text, first_line):
        """The body's blocks and warnings; ``first_line`` is the file's line of ``text[0]``."""
        out = Converted()
        position = 0
        for match in FIGURE_RE.finditer(text):
            if _inside_fence(text, match.start()):
                continue
            line = first_line + text.count("\n", 0, match.start())
            figure = self._figure(match, line, out)
            if figure is None:
                continue
            before_line = first_line + text.count("\n", 0, position)
            self._markdown_with_ctas(text[position : match.start()], before_line, out)
            out.blocks.append(("figure", figure))
            position = match.end()
        self._markdown_with_ctas(text[position:], first_line + text.count("\n", 0, position), out)
        return out

    def jumbotron(self, text, line):
        """The jumbotron's Markdown and its buttons: paragraphs made only of button links."""
        out = Converted()
        kept, buttons = [], []
        text = self._template_tags(text, line, out)
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


def _inside_fence(text, offset):
    inside, fence = False, None
    for match in FENCE_RE.finditer(text, 0, offset):
        marker = match.group(1)
        if fence is None:
            fence, inside = marker, True
        elif marker[0] == fence[0] and len(marker) >= len(fence):
            fence, inside = None, False
    return inside
