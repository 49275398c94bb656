"""The not-found log: paths that ended in a 404, with bounded writes.

Each worker counts 404s in memory and writes them at most once every
``REDIRECTS_NOT_FOUND_FLUSH_SECONDS`` (default 5 s) in one statement; it holds at most
``MAX_PENDING`` distinct paths between writes (others are dropped), ignores obvious probes,
and the table keeps only the ``MAX_ROWS`` most recently seen paths. A bot flood therefore
costs one small write per worker every few seconds and cannot grow the table.
"""

import logging
import re
import threading
import time

from django.conf import settings
from django.db import connection
from django.utils import timezone

from site_redirects.models import NotFoundPath

logger = logging.getLogger(__name__)

MAX_PENDING = 500
MAX_ROWS = 5000
MAX_PATH = 300
JUNK = re.compile(
    r"\.(php\d?|aspx?|jsp|cgi|env|ini|sql|bak|git|ds_store)(/|$)|/(wp-|\.well-known/|\.git/|cgi-bin/|"
    r"xmlrpc|phpmyadmin)|%00|\x00",
    re.IGNORECASE,
)
UPSERT = f"""
    INSERT INTO {NotFoundPath._meta.db_table}
        (site_id, path, hits, first_seen, last_seen, last_referrer)
    VALUES {{rows}}
    ON CONFLICT ON CONSTRAINT one_row_per_site_path DO UPDATE SET
        hits = {NotFoundPath._meta.db_table}.hits + EXCLUDED.hits,
        last_seen = EXCLUDED.last_seen,
        last_referrer = COALESCE(NULLIF(EXCLUDED.last_referrer, ''),
                                 {NotFoundPath._meta.db_table}.last_referrer)
"""


def normalise(path):
    """The logged form of a path: lower case, repeated slashes collapsed; None for junk."""
    if len(path) > MAX_PATH or JUNK.search(path) or not path.startswith("/"):
        return None
    return re.sub(r"/{2,}", "/", path.lower())


class NotFoundBuffer:
    def __init__(self):
        self.pending = {}
        self.flushed_at = time.monotonic()
        self._lock = threading.Lock()

    @property
    def interval(self):
        return getattr(settings, "REDIRECTS_NOT_FOUND_FLUSH_SECONDS", 5.0)

    def record(self, site_id, path, referrer=""):
        path = normalise(path)
        if path is None:
            return
        with self._lock:
            entry = self.pending.get((site_id, path))
            if entry is None:
                if len(self.pending) >= MAX_PENDING:
                    return
                entry = self.pending[(site_id, path)] = [0, None, ""]
            entry[0] += 1
            entry[1] = timezone.now()
            entry[2] = referrer[:512] or entry[2]
            due = time.monotonic() - self.flushed_at >= self.interval
        if due:
            self.flush()

    def flush(self):
        with self._lock:
            batch, self.pending = self.pending, {}
            self.flushed_at = time.monotonic()
        if not batch:
            return
        # One INSERT … ON CONFLICT adds the counts in the database: the ORM's upsert can only
        # overwrite a column, and concurrent workers must add up, not overwrite each other.
        rows, params = [], []
        for (site_id, path), (hits, seen, referrer) in batch.items():
            rows.append("(%s, %s, %s, %s, %s, %s)")
            params += [site_id, path, hits, seen, seen, referrer]
        try:
            with connection.cursor() as cursor:
                cursor.execute(UPSERT.format(rows=", ".join(rows)), params)
            stale = NotFoundPath.objects.order_by("-last_seen", "-hits").values("pk")[MAX_ROWS:]
            NotFoundPath.objects.filter(pk__in=stale).delete()
        except Exception:
            logger.exception("The not-found log could not be written; %d paths dropped", len(batch))


buffer = NotFoundBuffer()
