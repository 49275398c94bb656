"""How paths and targets are normalised, compared and made safe to send as a Location.

One place for these rules: the rule table (matching), validation (saving) and the
not-found log all use them.
"""

import re
from urllib.parse import unquote, urlsplit, urlunsplit

MAX_LENGTH = 2048  # django-redirects' old_path / new_path max_length
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_ABSOLUTE = re.compile(r"https?://[^/?#@]+(?:[/?]|$)", re.IGNORECASE)


def path_key(path):
    """The form two paths are compared in: lower case, no trailing slash ("/" stays "/")."""
    return path.lower().rstrip("/") or "/"


def split_url(url):
    """(path, query) of a path or URL, ignoring any fragment."""
    parts = urlsplit(url)
    return parts.path, parts.query


def source_path(raw):
    """An exact or prefix source as it is matched: the decoded path, no query or fragment.

    A full http(s) URL gives its path (lists exported from other tools often hold those).
    """
    raw = raw.strip()
    if is_absolute(raw):
        raw = urlsplit(raw).path or "/"
    path = unquote(raw.split("#", 1)[0].split("?", 1)[0])
    if not path.startswith("/"):
        path = "/" + path
    return path


def is_absolute(target):
    return target.lower().startswith(("http://", "https://"))


def target_problem(target):
    """Why ``target`` is not a safe redirect target, or None.

    A safe target is empty (410 Gone), a path on this site, or an absolute http(s) URL
    without a fragment or credentials. Anything a browser could read as another host
    (``//evil``, ``/\\evil``, ``https:evil``, encoded slashes or backslashes) is refused.
    """
    if target == "":
        return None
    if len(target) > MAX_LENGTH:
        return f"is longer than {MAX_LENGTH} characters"
    if _CONTROL.search(target) or " " in target:
        return "contains spaces or control characters"
    decoded = unquote(unquote(target))
    if "\\" in decoded:
        return "contains a backslash, which browsers may read as another host"
    if is_absolute(target):
        if "@" in urlsplit(target).netloc:
            return "contains credentials (user@host), which hide the real host"
        if not _ABSOLUTE.match(target):
            return "is not a complete http(s) URL"
        if "#" in target:
            return "has an #anchor; absolute URLs must be anchor-free"
        return None
    if not target.startswith("/"):
        return "must be a path starting with “/”, an http(s) URL, or empty for 410 Gone"
    if decoded.startswith("//") or decoded.startswith("/\\"):
        return "starts with “//”, which browsers read as another host"
    return None


def with_query(target, query):
    """``target`` with the visitor's query string added (UTM tags survive the redirect)."""
    if not query:
        return target
    parts = urlsplit(target)
    merged = f"{parts.query}&{query}" if parts.query else query
    return urlunsplit(parts._replace(query=merged))


def join_prefix(base, rest):
    """The target of a prefix rule: ``base`` followed by the rest of the matched path.

    The rest never brings its own leading slashes, so ``/`` + ``//evil`` stays on this site.
    """
    rest = rest.lstrip("/")
    if not rest:
        return base
    parts = urlsplit(base)
    path = parts.path.rstrip("/") + "/" + rest
    return urlunsplit(parts._replace(path=path))
