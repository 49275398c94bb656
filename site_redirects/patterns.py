"""Checks for regex rules: a pattern that compiles, runs in bounded time, and a target whose
group references exist. Used when a rule is saved and when rules are loaded."""

import re

from site_redirects.rules import GROUP_REFERENCE

_REPEATS = {re._parser.MAX_REPEAT, re._parser.MIN_REPEAT}  # POSSESSIVE_REPEAT cannot backtrack


def regex_problem(pattern):
    """Why ``pattern`` cannot be a rule's source, or None."""
    try:
        # re._parser is the parser re.compile itself uses: the tree shows nesting directly.
        tree = re._parser.parse(pattern, re.IGNORECASE)
        re.compile(pattern, re.IGNORECASE)
    except re.error as error:
        return f"is not a valid regular expression ({error})"
    if _nested_repeat(tree, inside_repeat=False):
        return (
            "nests one repeat inside another (like (a+)+), which can take exponential time "
            "on some paths"
        )
    return None


def _is_repeat(op, args):
    return op in _REPEATS and args[1] > 1


def _nested_repeat(items, inside_repeat):
    for op, args in items:
        if _is_repeat(op, args):
            if inside_repeat or _nested_repeat(args[2], inside_repeat=True):
                return True
            continue
        for child in _children(op, args):
            if _nested_repeat(child, inside_repeat):
                return True
    return False


def _children(op, args):
    """The sub-patterns of one parsed node (groups, branches, lookarounds, conditionals)."""
    if op is re._parser.SUBPATTERN:
        return [args[3]]
    if op is re._parser.BRANCH:
        return args[1]
    if op in (re._parser.ASSERT, re._parser.ASSERT_NOT):
        return [args[1]]
    if op is re._parser.GROUPREF_EXISTS:
        return [branch for branch in args[1:] if branch is not None]
    if op is re._parser.ATOMIC_GROUP:
        return [args]
    if op in _REPEATS or op is re._parser.POSSESSIVE_REPEAT:
        return [args[2]]
    return []


def reference_problem(pattern, target):
    """Why the group references of ``target`` do not fit ``pattern``, or None."""
    compiled = re.compile(pattern, re.IGNORECASE)
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
