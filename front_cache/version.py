"""The content version, and Django-cache entries that carry it in their key.

What every page shows (the site for a host name, its settings, the menu, breadcrumbs) is
built once per version and kept in Django's ``content`` cache, shared by every thread of a
process (and by every process when the cache is Redis, each keeping what it has read:
``content_cache``). ``bump`` is called by ``purge``'s receivers, the only ones, in the
transaction that changes content; a new version makes every key new, so nothing has to be
deleted and no process can keep serving an old menu. Each request reads the version once
(one query), so a change committed by another process shows at once.
"""

import secrets
import threading

from django.core.cache import caches
from django.core.signals import request_started
from django.db import connection

from front_cache.models import ContentVersion

# How long an entry may outlive its version before the cache drops it.
ENTRY_SECONDS = 24 * 3600
_MISSING = object()
_request = threading.local()


def current():
    """This request's content version (read from the database once per request)."""
    value = getattr(_request, "version", None)
    if value is None:
        _request.version = value = _read() or 0
    return value


def _read():
    # Every render on a warm cache runs this and nothing else: plain SQL, without the ORM's
    # query building (a third of the query's cost in this process).
    table = connection.ops.quote_name(ContentVersion._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT value FROM {table} WHERE id = 1")
        row = cursor.fetchone()
    return row[0] if row else None


def bump():
    value = secrets.randbits(62)
    if not ContentVersion.objects.filter(pk=1).update(value=value):
        ContentVersion.objects.update_or_create(pk=1, defaults={"value": value})
    _request.version = value


def forget(**kwargs):
    """Read the version again on next use (each request starts so)."""
    _request.version = None


def cached(name, build, *parts, keep=None):
    """``build()``'s value for ``name`` and ``parts`` under the current version (stored only
    when ``keep(value)`` says so, if given)."""
    key = ":".join(["content", str(current()), name, *map(str, parts)])
    cache = caches["content"]
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = build()
        if keep is None or keep(value):
            cache.set(key, value, ENTRY_SECONDS)
    return value


request_started.connect(forget, dispatch_uid="content_version_forget")
