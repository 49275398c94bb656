"""What a process keeps between requests, forgotten between tests (a rolled-back transaction
can bring a content version back with other pages under it)."""

from django.core.cache import caches

from pages import routing
from site_redirects import live_table, not_found


def forget_process_state():
    for cache in caches.all():  # the content cache, and Wagtail's site roots in "default"
        cache.clear()
    live_table.current.reset()  # this process's redirect rules
    routing.forget()  # this process's paths that name no page
    not_found.buffer.pending.clear()  # 404s not yet written
