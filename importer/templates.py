"""Nunjucks/Liquid code in a Markdown body: what 11ty printed, where that can be known.

11ty runs a Markdown file through a template engine before Markdown. Here, outside code:

- ``{% raw %}…{% endraw %}`` is unwrapped (everywhere, code included, as 11ty does); its
  braces outside code are written ``&#123;`` so the attrs rule does not read them;
- ``{{ expression }}`` that importer.permalinks can compute (``title``, ``site.name``) is
  replaced by its value;
- comments (``{# … #}``, ``{% comment %}``) are dropped: they print nothing;
- a Markdown link or image whose address holds ``{{ … }}`` is left out (a link keeps its text);
- every other tag (``{% include %}``, ``{% set %}``, ``{% if %}``, a ``{{ }}`` that cannot be
  computed) is left out of the published text and shown in the *draft* text as a notice for
  editors. Each is reported with its line.

Template code inside code (fences, code spans) is kept as it is, and reported.
"""

import re
from dataclasses import dataclass, field

from importer.code_ranges import CodeRanges
from importer.permalinks import PermalinkError, evaluate

SCAN_RE = re.compile(
    r"(?P<raw>\{%-?\s*raw\s*-?%\}(?P<raw_inner>.*?)\{%-?\s*endraw\s*-?%\})"
    r"|(?P<comment>\{#.*?#\}|\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\})"
    r"|(?P<capture>\{%-?\s*(?P<kind>set|capture)\s+[\w.]+\s*-?%\}.*?\{%-?\s*end(?P=kind)\s*-?%\})"
    r"|(?P<link>(?P<bang>!?)\[(?P<label>[^\]\n]*)\]\((?P<url>[^)\n]*\{\{[^)\n]*)\)(?:\{[^}\n]*\})?)"
    r"|(?P<tag>\{%.*?%\}|\{\{.*?\}\})",
    re.S,
)


@dataclass
class Templated:
    published: str
    draft: str | None = None  # the text with notices; None when it has none
    warnings: list = field(default_factory=list)  # (line, message)


def _short(code):
    return " ".join(code.split())


def notice(code, line):
    """The editor-facing note that stands where template code was (in a draft only)."""
    code = _short(code)
    fence = "``" if "`" in code else "`"
    return f"**⚠ Template code not imported (line {line}):** {fence} {code} {fence}"


def escape_braces(text):
    """``{`` outside code as ``&#123;``: shown as a brace, never read as {.attributes}."""
    ranges = CodeRanges(text)
    return "".join(
        "&#123;" if char == "{" and not ranges.in_code(offset) else char
        for offset, char in enumerate(text)
    )


def resolve_templates(text, first_line, variables):
    """The published and draft texts of ``text`` (its first line is the file's ``first_line``)."""
    if "{" not in text:
        return Templated(text)
    ranges = CodeRanges(text)
    published, draft, warnings = [], [], []
    noted, position = False, 0

    counted = [0, first_line]  # (offset, its line): matches come in order, count onwards

    def line_of(offset):
        counted[1] += text.count("\n", counted[0], offset)
        counted[0] = offset
        return counted[1]

    for match in SCAN_RE.finditer(text):
        start, code = match.start(), match.group(0)
        published.append(text[position:start])
        draft.append(text[position:start])
        position = match.end()
        kept = None  # what both texts show instead of the match
        if match["raw"] is not None:
            inner = match["raw_inner"]
            kept = inner if ranges.in_fence(start) else escape_braces(inner)
        elif ranges.in_code(start):
            kept = code
            warnings.append((line_of(start), f"template code {_short(code)[:60]} in code: kept"))
        elif match["comment"] is not None:
            kept = ""
        elif match["link"] is not None:
            what = "image" if match["bang"] else "link"
            kept = "" if match["bang"] else match["label"]
            warnings.append(
                (
                    line_of(start),
                    f"{what} to {_short(match['url'])[:60]} left out: its address is template "
                    "code" + ("" if match["bang"] else " (its text is kept)"),
                )
            )
        elif match["tag"] is not None and code.startswith("{{"):
            try:
                kept = evaluate(code.strip("{}-"), variables)
            except PermalinkError:
                kept = None
        if kept is None:
            noted = True
            line = line_of(start)
            published.append("")
            draft.append(notice(code, line))
            warnings.append(
                (
                    line,
                    f"template code {_short(code)[:60]} cannot be evaluated: left out of the "
                    "live page, shown to editors in a draft",
                )
            )
        else:
            published.append(kept)
            draft.append(kept)
    published.append(text[position:])
    draft.append(text[position:])
    return Templated("".join(published), "".join(draft) if noted else None, warnings)
