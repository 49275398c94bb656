"""The ``content`` cache with Redis: shared by every instance, and remembered by each process.

Every entry of the ``content`` cache carries the content version in its key (``version.cached``
and the templates' ``{% cache … content_version using="content" %}``): a change makes a new
version and so new keys, and the value under a key never changes. A process may therefore keep
what it has read from Redis and skip the round trip next time; without it a warm render makes
10 to 15 of them (a render took twice to three times as long with Redis as with a local cache).
The memo is bounded in bytes; the least recently read entries leave first.
"""

import pickle
import threading
from collections import OrderedDict

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django_redis.cache import RedisCache

MEMO_BYTES = 32 * 1024 * 1024
_MISSING = object()
# One memo per process and cache location, shared by threads (Django makes a backend per thread).
_memos = {}
_memos_lock = threading.Lock()


class Memo:
    """Pickled values, least recently read first, within ``limit`` bytes."""

    def __init__(self, limit):
        self.limit = limit
        self.size = 0
        self._entries = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            data = self._entries.get(key)
            if data is None:
                return _MISSING
            self._entries.move_to_end(key)
        return pickle.loads(data)

    def keep(self, key, value):
        data = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        if len(data) > self.limit:
            return
        with self._lock:
            self._drop(key)
            self._entries[key] = data
            self.size += len(data)
            while self.size > self.limit:
                self.size -= len(self._entries.popitem(last=False)[1])

    def forget(self, key=None):
        with self._lock:
            if key is None:
                self._entries.clear()
                self.size = 0
            else:
                self._drop(key)

    def _drop(self, key):
        data = self._entries.pop(key, None)
        if data is not None:
            self.size -= len(data)


class ContentCache(RedisCache):
    """django-redis with this process's memo in front (``MEMO_BYTES`` in the cache's settings)."""

    def __init__(self, server, params):
        params = dict(params)
        limit = int(params.pop("MEMO_BYTES", MEMO_BYTES))
        super().__init__(server, params)
        with _memos_lock:
            self.memo = _memos.setdefault((server, self.key_prefix), Memo(limit))

    def get(self, key, default=None, version=None, client=None):
        value = self.memo.get((key, version))
        if value is _MISSING:
            value = super().get(key, _MISSING, version, client)
            if value is _MISSING:
                return default  # not in Redis, or Redis is not answering
            self.memo.keep((key, version), value)
        return value

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None, **kwargs):
        stored = super().set(key, value, timeout, version, **kwargs)
        self.memo.keep((key, version), value)
        return stored

    def delete(self, key, version=None, **kwargs):
        self.memo.forget((key, version))
        return super().delete(key, version=version, **kwargs)

    def clear(self):
        self.memo.forget()
        return super().clear()
