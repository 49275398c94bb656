"""The engine regex rules run on: RE2 (google-re2), whose matching time is linear in the path.

RE2 has no backtracking, so no pattern can make a request slow; in exchange it refuses what
needs backtracking (backreferences, lookarounds, atomic groups, possessive repeats,
conditionals). One module compiles every rule, with the same options and limits, whether it
is being saved, loaded or matched.
"""

import re2

# A redirect pattern longer than this is a mistake, not a rule.
MAX_PATTERN_LENGTH = 500
# RE2 program instructions (``^/posts/(\d{4})/([\w-]+)/?$`` is 33; ``[^/]{1,100}`` is 903).
MAX_PROGRAM_SIZE = 2000
# Memory one compiled rule may use (program and DFA cache; RE2's default is 8 MiB).
MAX_MEMORY = 1 << 20
# How far RE2 is asked to spell out the strings a pattern can match (for ``literal_prefix``).
PREFIX_SCAN = 256

_BACKREFERENCES = (*(f"\\{digit}" for digit in "123456789"), "\\k", "(?P=")
_HINTS = (
    (_BACKREFERENCES, "a backreference"),
    (("(?=", "(?!", "(?<=", "(?<!"), "a lookahead or lookbehind"),
    (("(?>", "++", "*+", "?+", "}+"), "an atomic group or a possessive repeat"),
    (("(?(",), "a conditional group"),
)


def _options(case_sensitive=False):
    options = re2.Options()
    options.case_sensitive = case_sensitive
    options.max_mem = MAX_MEMORY
    options.log_errors = False
    return options


OPTIONS = _options()
_EXACT_CASE = _options(case_sensitive=True)


def compile_rule(pattern):
    """The compiled rule (case-insensitive, as paths are compared); raises ``re2.error``."""
    return re2.compile(pattern, OPTIONS)


def engine_problem(pattern):
    """Why RE2 cannot run ``pattern`` as a rule (within the limits), or None."""
    if len(pattern) > MAX_PATTERN_LENGTH:
        return f"is longer than {MAX_PATTERN_LENGTH} characters"
    try:
        compiled = compile_rule(pattern)
    except re2.error as error:
        return _explain(pattern, _text(error))
    if compiled.programsize > MAX_PROGRAM_SIZE:
        return (
            f"is too big for a redirect rule ({compiled.programsize} RE2 instructions; at most "
            f"{MAX_PROGRAM_SIZE}): use fewer or smaller repeats"
        )
    return None


def _text(error):
    message = error.args[0] if error.args else error
    return message.decode("utf-8", "replace") if isinstance(message, bytes) else str(message)


def _explain(pattern, message):
    """RE2's error, said for people: what is not supported, and why."""
    fragment = message.partition(": ")[2]
    if fragment == "(?P" and "(?P=" in pattern:
        fragment = "(?P="
    for starts, feature in _HINTS:
        if fragment.startswith(starts):
            return (
                f"uses {feature}, “{fragment}”, which redirect rules do not support: they "
                "run on RE2, which matches in linear time because it never backtracks"
            )
    if fragment == "\\Z":
        return "uses \\Z, which RE2 spells \\z (the end of the path)"
    if message == "pattern too large - compile failed":
        return "is too big for a redirect rule: use fewer or smaller repeats"
    return f"is not a valid regular expression (RE2: {message})"


def literal_prefix(pattern):
    """Text every path the pattern matches starts with (lower case), as far as RE2 can tell.

    From RE2's ``PossibleMatchRange``: every string the pattern matches from the start lies
    between ``low`` and ``high``, so every one starts with their common prefix. Computed
    case-sensitively (the rule itself ignores case: compare lower-cased paths with it); ""
    when RE2 cannot tell, which is always safe.
    """
    try:
        low, high = re2.compile(pattern, _EXACT_CASE).possiblematchrange(PREFIX_SCAN)
    except re2.error:
        return ""
    size = 0
    for a, b in zip(low, high, strict=False):
        if a != b:
            break
        size += 1
    # A cut inside a multi-byte character drops that character.
    return low[:size].decode("utf-8", "ignore").lower()
