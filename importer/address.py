"""What 11ty published a file as: its title, date, URL and whether it was published at all.

Titles fall back (each fallback reported) to ``eleventyNavigation.key``, the ``--title-key``
front-matter key, the body's first ``# H1`` (taken out of the body so it is not shown twice)
and the file name. A permalink is literal, ``false`` or templated (importer.permalinks); one
that cannot be evaluated is reported and the path-derived URL used. ``draft: true``,
``eleventyExcludeFromCollections`` and ``permalink: false`` make the page a draft.
"""

import datetime as dt
import re

from importer.code_ranges import fence_states
from importer.permalinks import (
    PermalinkError,
    date_in_path,
    default_url,
    file_path_stem,
    file_slug,
    link_to_url,
    render,
)

H1_RE = re.compile(r"^ {0,3}# +(?P<text>.*?)(?:\s+#+)?\s*$")
TRAILING_ATTRS_RE = re.compile(r"\s*\{[^{}]*\}\s*$")
# 11ty's special date values: the file system's dates, which an import cannot know.
FILE_DATES = {"last modified", "created", "git last modified", "git created"}


def first_h1(body):
    """(line index, text) of the body's first ``# Heading`` outside code fences, or None."""
    for number, line, _opens, inside in fence_states(body.split("\n")):
        # A closing fence line is outside but never a heading.
        if not inside and (found := H1_RE.match(line)):
            text = TRAILING_ATTRS_RE.sub("", found["text"]).strip()
            if text:
                return number, text
    return None


def fallback_title(source, title_key):
    """A title for a file without ``title``, and the warning saying where it came from."""
    meta = source.meta
    nav = meta.get("eleventyNavigation")
    if isinstance(nav, dict) and isinstance(nav.get("key"), str) and nav["key"].strip():
        return nav["key"].strip(), "eleventyNavigation.key"
    if title_key and isinstance(meta.get(title_key), str | int) and str(meta[title_key]).strip():
        return str(meta[title_key]).strip(), f"'{title_key}'"
    if found := first_h1(source.body):
        number, text = found
        lines = source.body.split("\n")
        lines[number] = ""  # the heading becomes the title; line numbers stay as they were
        source.body = "\n".join(lines)
        return text, f"the first heading (line {source.body_line + number}), taken out of the body"
    slug = file_slug(source.path) or "home"
    return slug.replace("-", " ").replace("_", " ").strip().capitalize(), "the file name"


def page_date(source, value):
    """The front matter's date if it is one, else the file name's (11ty's own order)."""
    if isinstance(value, str) and value.strip().lower() in FILE_DATES:
        source.warn(f"'date: {value}' is the file's own date, unknown here: not used", "date")
        value = None
    return value, date_in_path(source.path)


def unpublished(meta):
    """(why, key) when ``draft``, ``eleventyExcludeFromCollections`` or ``permalink`` make the
    page a draft, else ("", "")."""
    if _permalink_value(meta) is False:
        return "permalink: false (11ty wrote no page for it)", "permalink"
    if meta.get("draft") is True or str(meta.get("draft")).lower() == "true":
        return "draft: true", "draft"
    if meta.get("eleventyExcludeFromCollections") is True:
        return "eleventyExcludeFromCollections", "eleventyExcludeFromCollections"
    return "", ""


def _permalink_value(meta):
    computed = meta.get("eleventyComputed")
    value = meta.get("permalink")
    if isinstance(computed, dict) and "permalink" in computed:
        value = computed["permalink"]
    if isinstance(value, dict):  # permalink: {build: …}
        return value.get("build", False)
    return value


def page_url(source, variables):
    """The URL 11ty published the file at (None: none), reporting what cannot be evaluated."""
    value = _permalink_value(source.meta)
    if value is False:
        return None
    if value is None or value == "":
        return default_url(source.path)
    if not isinstance(value, str):
        source.warn("'permalink' should be a text or false; the path is used", "permalink")
        return default_url(source.path)
    try:
        return link_to_url(render(value, variables))
    except PermalinkError as error:
        fallback = default_url(source.path)
        source.warn(f"permalink '{value}': {error}; {fallback} is used", "permalink")
        return fallback


def page_variables(source, global_data, title, date):
    """The variables a permalink may use: global data, the page's data, ``page.*``."""
    when = date if isinstance(date, dt.datetime) else None
    page = {
        "fileSlug": file_slug(source.path),
        "filePathStem": file_path_stem(source.path),
        "inputPath": f"./{source.path}",
        "date": when,
    }
    return {**global_data, **source.meta, "title": title, "page": page}
