"""One 11ty Markdown file: its YAML front matter (with the line of every key) and its body.

python-frontmatter splits the file; the YAML is composed here rather than loaded by its handler
because PyYAML's loaders silently keep the last of two equal keys, and the report must name
duplicates and unknown keys with their lines.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from frontmatter.default_handlers import YAMLHandler

from importer.js_front_matter import NotALiteral, parse_js_front_matter

JS_FRONT_MATTER_RE = re.compile(
    r"---(?:js|javascript)[ \t]*\n(?P<code>.*?)\n---[ \t]*(?:\n|$)", re.S
)


@dataclass
class Problem:
    message: str
    line: int | None = None

    def __str__(self):
        return f"line {self.line}: {self.message}" if self.line else self.message


@dataclass
class SourceFile:
    path: str  # relative to the imported folder, with "/" separators: "blog/post.md"
    meta: dict = field(default_factory=dict)
    body: str = ""
    body_line: int = 1  # the file's line number of the body's first line
    key_lines: dict[str, int] = field(default_factory=dict)  # "eleventyNavigation.key" -> line
    origins: dict[str, str] = field(default_factory=dict)  # key -> the data file that set it
    warnings: list[Problem] = field(default_factory=list)
    error: Problem | None = None  # set when the file cannot be imported at all

    def warn(self, message, key=None, line=None):
        line = line or self.key_lines.get(key)
        origin = self.origins.get((key or "").split(".")[0]) if key and not line else None
        self.warnings.append(Problem(f"{message} (from {origin})" if origin else message, line))

    def body_line_at(self, offset):
        """The file's line number of the character at ``offset`` in the body."""
        return self.body_line + self.body.count("\n", 0, offset)


def _scalar_text(node):
    return node.value if isinstance(node, yaml.ScalarNode) else f"<{node.id}>"


def _walk(node, prefix, source):
    """Record each mapping key's line; report keys given twice (the last value wins)."""
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _walk(item, prefix, source)
    if not isinstance(node, yaml.MappingNode):
        return
    seen = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            continue
        path = f"{prefix}.{key_node.value}" if prefix else key_node.value
        line = key_node.start_mark.line + 1  # the front matter starts on the file's line 2
        if path in seen:
            source.warn(
                f"duplicate key '{path}' (lines {seen[path]} and {line}): the last value "
                f"({_scalar_text(value_node)}) wins",
                line=line,
            )
        seen[path] = line
        source.key_lines[path] = line
        _walk(value_node, path, source)


def _js_front_matter(text, source):
    """``---js`` front matter: its plain literals (importer.js_front_matter)."""
    match = JS_FRONT_MATTER_RE.match(text)
    if match is None:
        source.error = Problem("the ---js front matter is not closed by a --- line", 1)
        return source
    source.body = text[match.end() :]
    source.body_line = text.count("\n", 0, match.end()) + 1
    try:
        meta, lines, problems = parse_js_front_matter(match["code"], 2)
    except (NotALiteral, ValueError) as error:
        source.error = Problem(f"---js front matter that is not plain data: {error}", 2)
        return source
    source.meta, source.key_lines = meta, dict(lines)
    source.warnings += [Problem(message, line) for line, message in problems]
    return source


def parse_source(text, path):
    """A SourceFile for ``text``; on broken front matter, one whose ``error`` says why.

    A file without front matter is all body (11ty publishes it too).
    """
    source = SourceFile(path=path, body=text)
    if text.startswith(("---js", "---javascript")):
        return _js_front_matter(text, source)
    handler = YAMLHandler()
    if not handler.detect(text):
        return source
    try:
        front, body = handler.split(text)
    except ValueError:
        source.error = Problem("the front matter is not closed by a --- line", 1)
        return source
    source.body = body
    source.body_line = text.count("\n", 0, len(text) - len(body)) + 1
    loader = yaml.SafeLoader(front)
    try:
        node = loader.get_single_node()
        if node is not None:
            _walk(node, "", source)
        meta = loader.construct_document(node) if node is not None else {}
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        context = error.context
        if context and error.context_mark and error.context_mark.line != mark.line:
            context += f" (from line {error.context_mark.line + 1})"
        problem = " ".join(filter(None, [context, error.problem]))
        source.error = Problem(f"broken YAML: {problem}", mark.line + 1 if mark else None)
        return source
    except yaml.YAMLError as error:
        source.error = Problem(f"broken YAML: {error}")
        return source
    finally:
        loader.dispose()
    if not isinstance(meta, dict):
        source.error = Problem("the front matter is not a list of `key: value` lines", 2)
        return source
    source.meta = meta
    return source


def read_source(file, root):
    """Read ``file`` (a Path under the folder ``root``) into a SourceFile."""
    path = file.relative_to(root).as_posix()
    try:
        text = file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        return SourceFile(path=path, error=Problem("not UTF-8 text"))
    except OSError as error:
        return SourceFile(path=path, error=Problem(f"cannot be read: {error.strerror}"))
    return parse_source(text, path)


# Content files 11ty renders that this importer does not: listed as skipped, with why.
OTHER_TEMPLATES = {
    ".njk": "a Nunjucks template",
    ".liquid": "a Liquid template",
    ".html": "an HTML template",
    ".11ty.js": "a JavaScript template",
    ".11ty.cjs": "a JavaScript template",
    ".11ty.mjs": "a JavaScript template",
    ".hbs": "a Handlebars template",
    ".mustache": "a Mustache template",
    ".ejs": "an EJS template",
    ".haml": "a Haml template",
    ".pug": "a Pug template",
    ".webc": "a WebC component",
}


def _in_content(file, root):
    return not any(
        part.startswith(("_", ".")) or part == "node_modules"
        for part in file.relative_to(root).parts[:-1]
    )


def content_files(root):
    """(every .md file, [(path, why skipped)] for 11ty's other templates), both sorted.

    11ty's _data/_includes, dot folders and node_modules are not content.
    """
    root = Path(root)
    markdown, skipped = [], []
    for file in sorted(root.rglob("*")):
        if not file.is_file() or not _in_content(file, root):
            continue
        if file.suffix == ".md":
            markdown.append(file)
        elif kind := next((k for s, k in OTHER_TEMPLATES.items() if file.name.endswith(s)), None):
            why = f"{kind}: only Markdown content is imported; rebuild it as a page in the admin"
            skipped.append((file.relative_to(root).as_posix(), why))
    return markdown, skipped


def markdown_files(root):
    """Every .md file under ``root``, sorted, skipping 11ty's _data/_includes and dot folders."""
    return content_files(root)[0]
