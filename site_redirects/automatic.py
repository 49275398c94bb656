"""Permanent redirects when a page's URL changes (slug edited, page moved).

From each old URL of the page and of its live descendants to the new one, on every site the
page is served on, through ``store`` (so validated and chain-free). Rules that pointed at an
old URL are pointed at the new one; exact rules from a new URL go, since a page lives there.
"""

import logging

from django.db.models import Q
from redirects.models import Redirect
from wagtail.models import Site

from site_redirects.paths import is_absolute, path_key, split_url, with_query
from site_redirects.sites import django_site_for
from site_redirects.store import RedirectRefused, save_redirect, save_rule

logger = logging.getLogger(__name__)


def redirect_moved_page(page, old_url_path):
    """``page`` (live, already saved at its new place) used to be at ``old_url_path``."""
    new_url_path = page.url_path
    if old_url_path == new_url_path:
        return
    moved = [page, *page.get_descendants().live().only("id", "title", "url_path")]
    for site in Site.objects.select_related("root_page"):
        root = site.root_page.url_path
        moves = {}
        for each in moved:
            old = old_url_path + each.url_path[len(new_url_path) :]
            if old.startswith(root) and each.url_path.startswith(root):
                moves[old[len(root) - 1 :]] = (each, each.url_path[len(root) - 1 :])
        if moves:
            _redirect_site(django_site_for(site), moves)


def _redirect_site(site, moves):
    new_keys = {path_key(new) for _, new in moves.values()}
    stale = Redirect.objects.filter(site=site, match="exact")
    for rule in stale:
        if path_key(rule.old_path) in new_keys:
            logger.info(
                "Redirect %s from %s removed: a page lives there now", rule.pk, rule.old_path
            )
            rule.delete()
    for old, (page, new) in moves.items():
        try:
            save_redirect(old, new, site=site, notes=f"Automatic: “{page.title}” moved from {old}")
        except RedirectRefused as refused:
            logger.warning("No redirect from %s to %s: %s", old, new, refused.reason)
    _retarget(site, {path_key(old): new for old, (_, new) in moves.items()})


def _retarget(site, new_for_old):
    """Point rules (of this site or all sites) whose target is an old URL at the new one."""
    for rule in Redirect.objects.filter(Q(site=site) | Q(site__isnull=True)).exclude(new_path=""):
        path, query = split_url(rule.new_path)
        new = new_for_old.get(path_key(path))
        if new is None or is_absolute(rule.new_path) or rule.match == "regex":
            continue
        try:
            save_rule(
                rule,
                old_path=rule.old_path,
                new_path=with_query(new, query),
                site=rule.site,
                status_code=rule.type_status_code,
                match=rule.match,
                notes=rule.notes,
                priority=rule.priority,
            )
        except RedirectRefused as refused:
            logger.warning("Redirect %s still points at %s: %s", rule.pk, path, refused.reason)
