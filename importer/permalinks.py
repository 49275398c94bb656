"""The URL 11ty publishes a file at: its file-slug rules and templated permalinks.

Permalinks such as ``/blog/{{ title | slugify }}/`` are Nunjucks/Liquid *expressions*; this
module evaluates the common ones (a variable or a quoted text, then filters) without running
any template engine: anything else is refused with a reason, and the caller falls back to the
path-derived URL. Variables are looked up in the page's data (front matter over the data
cascade), ``page.*`` and the global ``_data``; nothing is called or imported.
"""

import datetime as dt
import re
from pathlib import PurePosixPath

from markdown_dialect.headings import slugify

DATE_IN_NAME_RE = re.compile(r"\d{4}-\d{2}-\d{2}-(.*)")  # 11ty's TemplateFileSlug
DATE_IN_PATH_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
EXPRESSION_RE = re.compile(r"\{\{-?(.*?)-?\}\}", re.S)
TOKEN_RE = re.compile(
    r"""\s*(?:(?P<string>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|(?P<number>\d+(?:\.\d+)?)"""
    r"""|(?P<name>[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)|(?P<punct>[|:,()]))"""
)
# Luxon's format tokens (11ty's usual `date` filters) -> how to write them, longest first.
LUXON_TOKENS = {
    "yyyy": "%Y",
    "yy": "%y",
    "LLLL": "%B",
    "MMMM": "%B",
    "LLL": "%b",
    "MMM": "%b",
    "LL": "%m",
    "MM": "%m",
    "dd": "%d",
    "HH": "%H",
    "mm": "%M",
    "ss": "%S",
    "L": "month",
    "M": "month",
    "d": "day",
}
LUXON_RE = re.compile("|".join(sorted(map(re.escape, LUXON_TOKENS), key=len, reverse=True)))


class PermalinkError(ValueError):
    """A permalink this evaluator cannot compute; the message says why."""


def file_slug(path):
    """``page.fileSlug``: the file name without extension and date; index.md: its folder."""
    pure = PurePosixPath(path)
    name = strip_date(pure.name.split(".", 1)[0] if pure.name.endswith(".11ty.js") else pure.stem)
    if name == "index":
        return strip_date(pure.parent.name) if pure.parent.name else ""
    return name


def file_path_stem(path):
    """``page.filePathStem``: /folder/name, without extension, the date dropped from the name."""
    pure = PurePosixPath(path)
    return "/" + (pure.parent / strip_date(pure.stem)).as_posix()


def strip_date(name):
    """2024-01-09-my-post -> my-post, as 11ty's TemplateFileSlug does."""
    match = DATE_IN_NAME_RE.search(name)
    return match.group(1) if match else name


def date_in_path(path):
    """The YYYY-MM-DD in a file's path, which 11ty uses as its date (UTC), else None."""
    for match in DATE_IN_PATH_RE.finditer(path):
        try:
            return dt.datetime(*map(int, match.groups()), tzinfo=dt.UTC)
        except ValueError:
            continue
    return None


def default_url(path):
    """11ty's default output URL: a/b.md -> /a/b/, a/index.md and a/a.md -> /a/."""
    pure = PurePosixPath(path)
    stem = pure.name.split(".", 1)[0] if pure.name.endswith(".11ty.js") else pure.stem
    folders = list(pure.parent.parts) if str(pure.parent) != "." else []
    if stem != "index" and not (folders and folders[-1] == stem):
        folders.append(stem)
    return "/" + "".join(f"{part}/" for part in folders)


def link_to_url(link):
    """A rendered permalink as the URL 11ty gives it (TemplatePermalink.toHref)."""
    url = re.sub(r"/{2,}", "/", "/" + link.strip())  # path.join's normalising
    for needle in ("/index.html", "/index/", "/index"):
        if url.endswith(needle):
            return url[: -len(needle)] + "/"
    return url


def render(template, variables):
    """``template`` with each ``{{ expression }}`` evaluated; PermalinkError if it cannot be."""
    if "{%" in template or "{#" in template:
        raise PermalinkError("template tags ({% … %}) cannot be evaluated")

    def expression(match):
        return _text(_evaluate(match.group(1), variables))

    return EXPRESSION_RE.sub(expression, template)


def evaluate(expression, variables):
    """The text of one ``{{ expression }}``'s inside; PermalinkError if it cannot be computed."""
    return _text(_evaluate(expression, variables))


def _tokens(source):
    tokens, position = [], 0
    source = source.strip()
    while position < len(source):
        match = TOKEN_RE.match(source, position)
        if not match or match.end() == position:
            raise PermalinkError(f"'{source}' is not an expression this importer evaluates")
        kind = match.lastgroup
        tokens.append((kind, match.group(kind)))
        position = match.end()
        while position < len(source) and source[position].isspace():
            position += 1
    return tokens


def _evaluate(source, variables):
    tokens = _tokens(source)
    if not tokens:
        raise PermalinkError("an empty {{ }}")
    value, position = _operand(tokens, 0, variables, source)
    while position < len(tokens):
        if tokens[position] != ("punct", "|") or position + 1 >= len(tokens):
            raise PermalinkError(f"'{source.strip()}' is not an expression this importer evaluates")
        kind, name = tokens[position + 1]
        if kind != "name":
            raise PermalinkError(f"'{source.strip()}': a filter name is missing")
        position += 2
        args = []
        if position < len(tokens) and tokens[position] in (("punct", ":"), ("punct", "(")):
            closing = tokens[position] == ("punct", "(")
            position += 1
            while position < len(tokens) and tokens[position] not in (
                ("punct", "|"),
                ("punct", ")"),
            ):
                arg, position = _operand(tokens, position, variables, source)
                args.append(arg)
                if position < len(tokens) and tokens[position] == ("punct", ","):
                    position += 1
            if closing:
                if position >= len(tokens) or tokens[position] != ("punct", ")"):
                    raise PermalinkError(f"'{source.strip()}': a ')' is missing")
                position += 1
        value = _filter(name, value, args)
    return value


def _operand(tokens, position, variables, source):
    kind, text = tokens[position]
    if kind == "string":
        return text[1:-1].replace('\\"', '"').replace("\\'", "'"), position + 1
    if kind == "number":
        return text, position + 1
    if kind == "name":
        return _lookup(variables, text), position + 1
    raise PermalinkError(f"'{source.strip()}' is not an expression this importer evaluates")


def _lookup(variables, dotted):
    value = variables
    for part in dotted.split("."):
        if not isinstance(value, dict) or part not in value:
            raise PermalinkError(f"'{dotted}' is not in the page's data")
        value = value[part]
    return value


def _text(value):
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if value is None or isinstance(value, dict | list):
        raise PermalinkError("a value that is not text")
    return str(value)


def _filter(name, value, args):
    if name in ("slugify", "slug"):
        return slugify(_text(value))
    if name in ("lower", "downcase"):
        return _text(value).lower()
    if name in ("upper", "upcase"):
        return _text(value).upper()
    if name in ("url", "safe", "trim", "strip"):
        return _text(value).strip()
    if name == "date":
        return _format_date(value, args[0] if args else "%Y-%m-%d")
    raise PermalinkError(f"the filter '{name}' cannot be evaluated")


def _format_date(value, pattern):
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time(), tzinfo=dt.UTC)
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError as error:
            raise PermalinkError(f"'{value}' is not a date") from error
    if not isinstance(value, dt.datetime):
        raise PermalinkError("the date filter needs a date")
    if "%" not in pattern:  # Luxon tokens (yyyy/LL/dd); 'quoted' parts are literal
        pattern = "".join(
            part[1:-1] if part.startswith("'") else LUXON_RE.sub(_luxon(value), part)
            for part in re.split(r"('[^']*')", pattern)
        )
    return value.strftime(pattern.replace("%-m", str(value.month)).replace("%-d", str(value.day)))


def _luxon(value):
    def replace(match):
        token = LUXON_TOKENS[match.group(0)]
        return str(value.month if token == "month" else value.day) if "%" not in token else token

    return replace
