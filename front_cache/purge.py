"""What happens when content changes: the receivers here are the only ones.

Each change bumps the content version (``version``: Django-cache entries for the menu,
breadcrumbs, settings and site lookup start afresh) in the changing transaction, and purges
the front cache.

Every page shows the menu, the footer and its breadcrumbs, and listings show pages' titles,
dates and summaries (home, sections, the blog, its categories and feeds, the sitemap), so a
change to any page, the site settings or a snippet purges every page of the site: first the
URLs that changed (so the next visitor sees the change at once), then all the rest, after
the transaction commits (a purge before the commit could be refilled with the old content).

Purges go through wagtail.contrib.frontend_cache (``purge_urls_from_cache``) to the backends
of WAGTAILFRONTENDCACHE; with none configured nothing is sent.
"""

import threading

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from redirects.models import Redirect
from wagtail.contrib.frontend_cache.utils import PurgeBatch, purge_urls_from_cache
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from front_cache import version
from pages.sitemap import sitemap_paths

_pending = threading.local()


def page_urls(page):
    """The cached URLs of one page: its URL and the extra paths it serves (get_cached_paths)."""
    batch = PurgeBatch()
    batch.add_page(page)
    return batch.urls


def site_urls():
    """Every URL the front may hold for the live site (all live pages and the sitemap's)."""
    batch = PurgeBatch()
    pages = Page.objects.live().defer_streamfields().specific()
    batch.add_pages(pages)
    for site in Site.objects.all():
        batch.add_urls(site.root_url + path for path in sitemap_paths(len(pages)))
    return batch.urls


def _flush(changed):
    purge_urls_from_cache(changed)
    purge_urls_from_cache(site_urls() - changed)


def content_changed(changed_urls=()):
    """Bump the content version; purge ``changed_urls`` and then the whole site, once per
    transaction, after it commits (at once outside a transaction)."""
    version.bump()
    if not settings.WAGTAILFRONTENDCACHE:
        return
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        _flush(set(changed_urls))
        return
    # One flush per transaction: Django replaces its on-commit list when a transaction ends,
    # so a list that is no longer current means ours was run (or rolled back) already.
    waiting = getattr(_pending, "waiting", None)
    if waiting is not None and waiting[0] is connection.run_on_commit:
        waiting[1].update(changed_urls)
        return
    urls = set(changed_urls)
    transaction.on_commit(lambda: _flush(urls))
    _pending.waiting = (connection.run_on_commit, urls)


def _page_changed(instance, **kwargs):
    content_changed(page_urls(instance))


def _page_moved(instance, url_path_before, url_path_after, **kwargs):
    """A moved or renamed page and its descendants also leave their old URLs."""
    if url_path_before == url_path_after or not instance.live:
        version.bump()  # the tree changed, though no visitor saw the page
        return
    site = instance.get_site()
    root_path = site.root_page.url_path if site else None
    if root_path is None or not url_path_before.startswith(root_path):
        content_changed(page_urls(instance))
        return
    old_prefix = site.root_url + "/" + url_path_before[len(root_path) :]
    moved = Page.objects.live().descendant_of(instance, inclusive=True).only("url_path")
    old_urls = {old_prefix + page.url_path[len(url_path_after) :] for page in moved}
    content_changed(page_urls(instance) | old_urls)


def _page_deleted(instance, **kwargs):
    if instance.live:
        content_changed(page_urls(instance))
    else:
        version.bump()


def _content_changed(**kwargs):
    content_changed()


def _redirect_changed(instance, **kwargs):
    """A rule's old address may be held by the front as a 404 (for a minute): purge it, so a
    new rule is followed at once. Rule answers themselves are never stored."""
    if not settings.WAGTAILFRONTENDCACHE or not instance.old_path.startswith("/"):
        return
    urls = {site.root_url + instance.old_path for site in Site.objects.all()}
    transaction.on_commit(lambda: purge_urls_from_cache(urls))


def connect():
    page_published.connect(_page_changed, dispatch_uid="front_cache_published")
    page_unpublished.connect(_page_changed, dispatch_uid="front_cache_unpublished")
    post_page_move.connect(_page_moved, dispatch_uid="front_cache_moved")
    pre_delete.connect(_page_deleted, sender=Page, dispatch_uid="front_cache_deleted")
    for signal in (post_save, post_delete):
        signal.connect(_redirect_changed, sender=Redirect, dispatch_uid="front_cache_redirect")
    for label in settings.FRONT_CACHE_CONTENT_MODELS:
        for signal in (post_save, post_delete):
            signal.connect(_content_changed, sender=label, dispatch_uid=f"front_cache_{label}")
