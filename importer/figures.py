"""Images in a body that become Figure blocks.

- ``{% ImgFigure 'caption', classes %}![alt](src){.cls eleventy:widths="…"}{% endImgFigure %}``
  (the seeds' shortcode), with its caption, style and widths;
- eleventy-img's ``{% image "src", "alt" %}`` shortcode (``img`` too);
- a Markdown image ``![alt](src)`` or an HTML ``<img src alt>`` alone on its line, with a local
  source (a remote one stays as it is: nothing is downloaded).

Code (fences, code spans) and ``{% raw %}`` are left alone.
"""

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from importer.code_ranges import CodeRanges
from markdown_dialect import parse_curly
from pages.blocks import DEFAULT_FIGURE_WIDTHS, FIGURE_WIDTHS

IMG_FIGURE_RE = r"\{%-?\s*ImgFigure\b(?P<args>.*?)-?%\}(?P<inner>.*?)\{%-?\s*endImgFigure\s*-?%\}"
SHORTCODE_RE = r"\{%-?\s*(?:image|img)\s+(?P<shortcode>(?:[^%]|%(?!\}))*?)-?%\}"
LINE_IMAGE_RE = (
    r'^[ \t]*(?P<markdown>!\[(?P<alt>[^\]\n]*)\]\((?P<src>[^)\s]+)(?:\s+"(?P<title>[^"\n]*)")?\)'
    r"(?P<curly>\{[^}\n]*\})?)[ \t]*$"
)
LINE_HTML_IMAGE_RE = r"^[ \t]*(?:<p>\s*)?(?P<html><img\b[^>\n]*>)(?:\s*</p>)?[ \t]*$"
RAW_RE = r"\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}"
FIGURES_RE = re.compile(
    f"(?P<raw>{RAW_RE})|(?P<figure>{IMG_FIGURE_RE})|{SHORTCODE_RE}"
    f"|{LINE_IMAGE_RE}|{LINE_HTML_IMAGE_RE}",
    re.S | re.M,
)
IMAGE_RE = re.compile(
    r'!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)(?:\s+"[^"]*")?\)(?P<curly>\{[^}]*\})?'
)
ARG_RE = re.compile(r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|\[[^\]]*\]|[A-Za-z_][\w.]*""")
REMOTE = ("http://", "https://", "//", "data:")

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


def classes_of(curly):
    return [
        name for key, value in parse_curly(curly, 0) if key == "class" for name in value.split()
    ]


def _attr(curly, wanted):
    return next((value for key, value in parse_curly(curly, 0) if key == wanted), None)


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


class _ImgAttributes(HTMLParser):
    def __init__(self, html):
        super().__init__()
        self.attrs = {}
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.attrs = {name: value or "" for name, value in attrs}


class FigureFinder:
    """The figures of one text: ``find(text, first_line)`` yields (start, end, FigureSpec)."""

    def __init__(self, meta, warnings):
        self.meta, self.warnings = meta, warnings

    def find(self, text, first_line):
        ranges = CodeRanges(text)
        line, counted = first_line, 0
        for match in FIGURES_RE.finditer(text):
            if match["raw"] is not None or ranges.in_fence(match.start()):
                continue
            line += text.count("\n", counted, match.start())
            counted = match.start()
            figure = self._figure(match, line)
            if figure is not None:
                yield match.start(), match.end(), figure

    def _figure(self, match, line):
        if match["figure"] is not None:
            return self._img_figure(match, line)
        if match["shortcode"] is not None:
            args = [_unquote(t) for t in ARG_RE.findall(match["shortcode"]) if t[0] in "'\""]
            if not args:
                return None  # reported as template code that cannot be evaluated
            alt = args[1] if len(args) > 1 else ""
            return FigureSpec(args[0], alt.strip(), "", "", list(DEFAULT_FIGURE_WIDTHS), line)
        if match["markdown"] is not None:
            src, curly = match["src"], match["curly"] or "{}"
            if src.lower().startswith(REMOTE):
                return None
            style, _ = figure_style(classes_of(curly))
            widths = figure_widths(_attr(curly, "eleventy:widths"))
            caption = (match["title"] or "").strip()
            return FigureSpec(src, match["alt"].strip(), caption, style, widths, line)
        attrs = _ImgAttributes(match["html"]).attrs
        src = attrs.get("src", "")
        if not src or src.lower().startswith(REMOTE):
            return None
        style, _ = figure_style(attrs.get("class", "").split())
        widths = list(DEFAULT_FIGURE_WIDTHS)
        return FigureSpec(src, attrs.get("alt", "").strip(), "", style, widths, line)

    def _argument(self, token, line):
        """A shortcode argument: 'text', ["a", "b"] or a front-matter reference."""
        if token[0] in "'\"":
            return _unquote(token)
        if token[0] == "[":
            return [_unquote(item) for item in ARG_RE.findall(token[1:-1]) if item[0] in "'\""]
        value = _lookup(self.meta, token)
        if value is None:
            self.warnings.append((line, f"ImgFigure argument '{token}' is not in the front matter"))
        return value

    def _img_figure(self, match, line):
        args = [self._argument(token, line) for token in ARG_RE.findall(match["args"])]
        image = IMAGE_RE.search(match["inner"])
        if not image:
            self.warnings.append((line, "ImgFigure without a Markdown image: not a figure"))
            return None
        caption = args[0] if args and isinstance(args[0], str) else ""
        classes = []
        for arg in args[1:]:
            classes += arg.split() if isinstance(arg, str) else [str(c) for c in arg or []]
        curly = image["curly"] or "{}"
        classes += classes_of(curly)
        style, lost = figure_style(classes)
        if lost:
            self.warnings.append(
                (line, f"figure style '{style}' cannot also show {', '.join(lost)}: left out")
            )
        widths = figure_widths(_attr(curly, "eleventy:widths"))
        return FigureSpec(image["src"], image["alt"].strip(), caption.strip(), style, widths, line)
