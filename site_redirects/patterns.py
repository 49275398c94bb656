"""Checks for regex rules: a pattern RE2 can run within the limits, without nested repeats,
and a target whose group references exist. Used when a rule is saved and when rules are
loaded.

Nested repeats (``(a+)+``) cost nothing on RE2, but the rows are django-redirects' model,
whose own code matches them with Python's backtracking ``re``, where they can take
exponential time: a rule saved here stays safe wherever it is read.
"""

import re

from site_redirects.regex_engine import compile_rule, engine_problem
from site_redirects.rules import GROUP_REFERENCE

NESTED_REPEAT = (
    "nests one repeat inside another (like (a+)+), which backtracking engines such as "
    "django-redirects' own (Python's re) can take exponential time to match on some paths"
)

# One token of RE2 syntax. Repeats: *, +, ? and {n}, {n,}, {n,m} (any other "{" is literal),
# each maybe followed by "?" (lazy). Classes and escapes are single atoms.
_TOKEN = re.compile(
    r"""(?P<repeat>[*+?]|\{(?P<least>\d+)(?P<comma>,(?P<most>\d*))?\})\??
      | (?P<flags>\(\?[imsU-]+\))
      | (?P<open>\((?:\?(?:P?<\w+>|[imsU-]*:))?)
      | (?P<close>\))
      | (?P<bar>\|)
      | \[\^?\]?(?:\[:\^?\w+:\]|\\.|[^\]])*\]
      | \\(?:[pP]\{\w+\}|x\{[0-9a-fA-F]+\}|Q.*?(?:\\E|$)|.)
      | .""",
    re.VERBOSE | re.DOTALL,
)


def regex_problem(pattern):
    """Why ``pattern`` cannot be saved as a rule's source, or None."""
    return engine_problem(pattern) or (NESTED_REPEAT if nested_repeat(pattern) else None)


def runnable_problem(pattern):
    """Why a stored ``pattern`` cannot be used at all (RE2 cannot run it), or None."""
    return engine_problem(pattern)


def _repeats(token):
    """Whether a repeat token can match its atom more than once."""
    if token["least"] is None:
        return token["repeat"][0] != "?"
    if token["comma"] is None:
        return int(token["least"]) > 1
    return not token["most"] or int(token["most"]) > 1


def nested_repeat(pattern):
    """Whether a repeat (more than once) applies to a group that itself holds one.

    Reads a pattern RE2 has compiled: it only needs to find groups and repeats.
    """
    inner = [False]  # per open group: does it hold a repeat so far
    last = None  # what a repeat would apply to: a group holding a repeat (True), other atoms
    for token in _TOKEN.finditer(pattern):
        if token["repeat"] is not None and last is not None:
            if _repeats(token):
                if last:
                    return True
                inner[-1] = True
            last = None
        elif token["open"] is not None:
            inner.append(False)
            last = None
        elif token["close"] is not None and len(inner) > 1:
            held = inner.pop()
            inner[-1] = inner[-1] or held
            last = held
        else:
            last = None if token["flags"] or token["bar"] else False
    return False


def reference_problem(pattern, target):
    """Why the group references of ``target`` do not fit ``pattern``, or None."""
    compiled = compile_rule(pattern)
    for found in GROUP_REFERENCE.finditer(target):
        number = found.group(1) or found.group(2)
        name = found.group(3)
        if name is not None and name.isdigit():
            number, name = name, None
        if number is not None and not 0 < int(number) <= compiled.groups:
            return (
                f"refers to group {number}, but the pattern has {compiled.groups} group"
                f"{'' if compiled.groups == 1 else 's'}"
            )
        if name is not None and name not in compiled.groupindex:
            return f"refers to the group “{name}”, which the pattern does not define"
    return None
