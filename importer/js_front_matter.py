"""``---js`` front matter, read for its plain literals only; nothing is run.

11ty accepts an object literal (``{ title: "x", tags: ["a"] }``) or, since v3, top-level
``const title = "x";`` statements. Strings, numbers, true / false / null, arrays and objects
of them are read; any other value (a function, ``new Date()``, a template literal with
``${…}``, a computed expression) is reported with its line and its key left out.
"""

import json
import re

TOKEN_RE = re.compile(
    r"""(?P<space>\s+|//[^\n]*|/\*.*?\*/)"""
    r"""|(?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\$]|\\.|\$(?!\{))*`)"""
    r"""|(?P<number>-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)"""
    r"""|(?P<name>[A-Za-z_$][\w$]*)"""
    r"""|(?P<punct>[{}\[\]:,;=()])"""
    r"""|(?P<other>.)""",
    re.S,
)
CONSTANTS = {"true": True, "false": False, "null": None, "undefined": None}
DECLARATIONS = {"const", "let", "var"}


class NotALiteral(ValueError):
    pass


def _tokens(text, first_line):
    tokens = []
    for match in TOKEN_RE.finditer(text):
        kind = match.lastgroup
        if kind != "space":
            line = first_line + text.count("\n", 0, match.start())
            tokens.append((kind, match.group(kind), line))
    return tokens


def _string(token):
    quote, inner = token[0], token[1:-1]
    if quote == '"':
        return json.loads(token)
    inner = inner.replace('\\"', '"') if quote == "'" else inner
    inner = inner.replace("\\'", "'").replace("\\`", "`")
    return json.loads('"' + inner.replace('"', '\\"').replace("\n", "\\n") + '"')


class _Reader:
    def __init__(self, tokens):
        self.tokens, self.position = tokens, 0

    def peek(self):
        return self.tokens[self.position] if self.position < len(self.tokens) else (None, "", 0)

    def take(self):
        token = self.peek()
        self.position += 1
        return token

    def value(self):
        kind, text, line = self.take()
        if kind == "string":
            return _string(text)
        if kind == "number":
            return int(text) if re.fullmatch(r"-?\d+", text) else float(text)
        if kind == "name" and text in CONSTANTS:
            return CONSTANTS[text]
        if (kind, text) == ("punct", "["):
            items = []
            while self.peek()[1] != "]":
                items.append(self.value())
                if self.peek()[1] == ",":
                    self.take()
                elif self.peek()[1] != "]":
                    raise NotALiteral(f"line {line}: an array that is not plain values")
            self.take()
            return items
        if (kind, text) == ("punct", "{"):
            return self.object(line, strict=True)[0]
        raise NotALiteral(f"line {line}: {text or 'the end'} is not a plain value")

    def skip_value(self, statement=False):
        """Skip a value that is no literal, up to the next , ; or } at its own depth (a
        statement also ends with the block that closes it: ``function f() {…}``)."""
        depth = 0
        while (token := self.peek())[0] is not None:
            if token[1] in "{[(" and token[0] == "punct":
                depth += 1
            elif token[1] in "}])" and token[0] == "punct":
                if depth == 0:
                    return
                depth -= 1
                if statement and depth == 0 and token[1] == "}":
                    self.take()
                    return
            elif token[1] in ",;" and depth == 0:
                return
            self.take()

    def object(self, line, strict=False, problems=None):
        """The object after its ``{``; non-literal values skipped and reported (or raised)."""
        found, lines = {}, {}
        while self.peek()[1] != "}":
            kind, key, key_line = self.take()
            if kind not in ("name", "string", "number") or self.take()[1] != ":":
                raise NotALiteral(f"line {key_line}: '{key}' is not a `key: value` pair")
            key = _string(key) if kind == "string" else key
            start = self.position
            try:
                found[key], lines[key] = self.value(), key_line
            except NotALiteral as error:
                if strict or problems is None:
                    raise
                self.position = start
                self.skip_value()
                problems.append((key_line, f"'{key}' is not a plain value: left out ({error})"))
            if self.peek()[1] == ",":
                self.take()
            elif self.peek()[1] != "}":
                raise NotALiteral(f"line {self.peek()[2]}: a ',' or '}}' is missing")
        self.take()
        return found, lines


def parse_js_front_matter(text, first_line):
    """(data, {key: line}, [(line, problem)]) for the JavaScript between ``---js`` and ``---``.

    Raises NotALiteral when the text is neither an object literal nor declarations.
    """
    reader = _Reader(_tokens(text, first_line))
    problems = []
    if reader.peek()[1] == "{":
        reader.take()
        data, lines = reader.object(first_line, problems=problems)
        if reader.peek()[0] is not None and reader.peek()[1] != ";":
            raise NotALiteral(f"line {reader.peek()[2]}: code after the object")
        return data, lines, problems
    data, lines = {}, {}
    while (token := reader.take())[0] is not None:
        kind, text_, line = token
        if (kind, text_) == ("punct", ";"):
            continue
        if kind != "name" or text_ not in DECLARATIONS:
            problems.append((line, f"'{text_}…' is code, not data: left out"))
            reader.skip_value(statement=True)
            continue
        name = reader.take()
        if name[0] != "name" or reader.peek()[1] != "=":
            problems.append((line, "a declaration without a value: left out"))
            reader.skip_value()
            continue
        reader.take()
        start = reader.position
        try:
            data[name[1]], lines[name[1]] = reader.value(), line
        except NotALiteral as error:
            reader.position = start
            reader.skip_value()
            problems.append((line, f"'{name[1]}' is not a plain value: left out ({error})"))
    return data, lines, problems
