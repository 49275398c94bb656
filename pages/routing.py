"""Which page a URL path leads to, and that page as served, kept under the content version.

A visitor's request that Django renders (a front cache miss) would otherwise look up the
page by its path and load it with what its template shows (author, categories, related
posts, renditions) on every render, though none of it changes until content does. Publish,
unpublish, move, delete and every snippet, image or settings save bump the content version
(front_cache.purge), which makes every key here new. A signed-in user's request is always
answered from the database (no cached view for an editor), and a preview never routes.
"""

import hashlib
import threading
from collections import OrderedDict

from wagtail.models import Page

from front_cache import version

# Paths that name no page (404s, routed sub-paths) answered lately, per process: bounded, so
# a flood of made-up paths costs a lookup each and memory no more than this many entries.
UNNAMED_PATHS_KEPT = 2000
_unnamed = OrderedDict()
_lock = threading.Lock()
_MISSING = object()


def may_cache(request):
    """Only an anonymous visitor's request reads the routing cache."""
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def _deepest(root, prefixes):
    """(pk, model, URL path) of the deepest page below ``root`` whose URL path is one of
    ``prefixes``."""
    deepest = (
        Page.objects.descendant_of(root)
        .filter(url_path__in=prefixes)
        .only("depth", "content_type", "url_path")
        .order_by("-depth")
        .first()
    )
    return None if deepest is None else (deepest.pk, deepest.specific_class, deepest.url_path)


def served(model, pk):
    """The page as its type serves it (``serving_page``), for anonymous visitors."""
    return version.cached("served-page", lambda: model.serving_page(pk), pk)


def deepest_page(root, prefixes, cached):
    """The deepest page on the path (its prefixes, shortest first), loaded for serving."""
    if not cached:
        found = _deepest(root, prefixes)
        return None if found is None else found[1].serving_page(found[0])
    # The longest prefix names the whole list; hashed, as paths may hold any character.
    path = prefixes[-1]
    digest = hashlib.sha256(path.encode()).hexdigest()[:40]
    memo_key = (version.current(), root.pk, digest)
    with _lock:
        found = _unnamed.get(memo_key, _MISSING)
    if found is _MISSING:
        found = version.cached(
            "route",
            lambda: _deepest(root, prefixes),
            root.pk,
            digest,
            # Only a page's own path goes to the shared cache: made-up paths must not each
            # leave an entry there. A 404 or a routed sub-path (a blog's category page) is
            # kept in this process's bounded memo instead.
            keep=lambda found: found is not None and found[2] == path,
        )
        if found is None or found[2] != path:
            _remember(memo_key, found)
    return None if found is None else served(found[1], found[0])


def _remember(key, found):
    with _lock:
        _unnamed[key] = found
        while len(_unnamed) > UNNAMED_PATHS_KEPT:
            _unnamed.popitem(last=False)  # the oldest first; an old version's keys go too


def forget():
    """Empty this process's memo (tests: a rolled-back transaction can bring a content version
    back with other pages under it)."""
    with _lock:
        _unnamed.clear()
