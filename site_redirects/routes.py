"""Paths the project's own URLs answer (admin, static files, health check, …).

No redirect may take them over: validation refuses such a source and the rule table never
answers them.
"""

import re

from django.conf import settings
from django.urls import URLResolver, get_resolver
from django.urls.resolvers import RegexPattern

from site_redirects.paths import path_key

_REGEX_SPECIAL = re.compile(r"[\\.^$*+?{}\[\]|()]")


def reserved_routes():
    """(path prefixes, exact path keys) answered by views outside the page tree."""
    prefixes = {settings.STATIC_URL.lower(), settings.MEDIA_URL.lower()}
    exact = set()
    for entry in get_resolver().url_patterns:
        route = str(entry.pattern)
        if isinstance(entry.pattern, RegexPattern):
            literal = _REGEX_SPECIAL.split(route.removeprefix("^"), maxsplit=1)[0]
            whole = literal == route.removeprefix("^").removesuffix("$")
        else:
            literal = route.split("<", 1)[0]
            whole = literal == route
        if not literal:
            continue  # Wagtail's catch-all: the page tree, checked page by page
        if isinstance(entry, URLResolver) or not whole:
            prefixes.add("/" + literal.lower())
        else:
            exact.add(path_key("/" + literal))
    return tuple(sorted(prefixes)), frozenset(exact)
