"""Each worker's in-memory copy of the rule table, refreshed when the rules' version moves.

Between checks (at most one every ``REDIRECTS_CHECK_SECONDS``, default 2 s) a request costs
no database query; a change made anywhere reaches every worker within that interval plus one
reload. When a reload fails (say the database is down) the last good copy keeps answering.
"""

import logging
import threading
import time

from django.conf import settings

from site_redirects.loading import build_table
from site_redirects.models import RulesVersion

logger = logging.getLogger(__name__)


class LiveTable:
    def __init__(self):
        self.table = None
        self.version = None
        self.checked_at = float("-inf")
        self._lock = threading.Lock()

    @property
    def interval(self):
        return getattr(settings, "REDIRECTS_CHECK_SECONDS", 2.0)

    def get(self, within=None):
        """The current table, or None if it could never be loaded; ``within`` seconds narrows
        how old the last version check may be (default ``REDIRECTS_CHECK_SECONDS``)."""
        interval = self.interval if within is None else within
        if time.monotonic() - self.checked_at < interval:
            return self.table
        # One thread reloads; the others keep using the copy they have (if any).
        if not self._lock.acquire(blocking=self.table is None):
            return self.table
        try:
            if time.monotonic() - self.checked_at >= interval:
                self._refresh()
        finally:
            self._lock.release()
        return self.table

    def _refresh(self):
        self.checked_at = time.monotonic()
        try:
            version = RulesVersion.current()  # read before loading: a later change reloads
            if version != self.version or self.table is None:
                self.table, self.version = build_table(), version
        except Exception:
            logger.exception("Redirect rules could not be reloaded; the last good copy answers")

    def reset(self):
        """Forget the version too, so the next request reloads whatever the number is (tests:
        a rolled-back transaction can bring the version back to a number already seen)."""
        self.version = None
        self.expire()

    def expire(self):
        """Check the version on the next request (tests, and after saving in this process)."""
        self.checked_at = float("-inf")


current = LiveTable()
