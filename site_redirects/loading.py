"""Build a ``RuleTable`` from the database: rules, sites and the paths of live pages."""

import logging

from django.contrib.sites.models import Site as DjangoSite
from redirects.models import Redirect
from wagtail.models import Page, Site

from site_redirects.paths import path_key
from site_redirects.patterns import reference_problem, runnable_problem
from site_redirects.routes import reserved_routes
from site_redirects.rules import REGEX, Rule, RuleTable, SiteScope

logger = logging.getLogger(__name__)

RULE_FIELDS = ("pk", "site_id", "match", "old_path", "new_path", "type_status_code", "priority")


def rule_from_row(pk, site_id, match, old_path, new_path, status, priority):
    return Rule(pk, site_id, match, old_path, new_path, status, priority or 0)


def load_rules(exclude_pk=None):
    """Every stored rule that can run; a broken one (e.g. saved before validation) is logged.

    A pattern validation refuses only for other engines' sake (a nested repeat) still runs:
    RE2 matches it in linear time."""
    rules = []
    for row in Redirect.objects.exclude(pk=exclude_pk).values_list(*RULE_FIELDS).iterator():
        pk, _, match, old_path, new_path = row[:5]
        problem = (
            runnable_problem(old_path) or reference_problem(old_path, new_path)
            if match == REGEX
            else None
        )
        if problem or match not in ("exact", "prefix", REGEX):
            logger.warning("Redirect %s (%s) is not used: %s", pk, old_path, problem or match)
            continue
        rules.append(rule_from_row(*row))
    return rules


def load_sites():
    """Each Wagtail site as a ``SiteScope``: its django.contrib.sites id and live page paths."""
    domains = dict(DjangoSite.objects.values_list("domain", "pk"))
    sites = list(
        Site.objects.values_list("hostname", "port", "is_default_site", "root_page__url_path")
    )
    live_urls = list(Page.objects.live().values_list("url_path", flat=True))
    scopes = []
    for hostname, port, is_default, root_path in sites:
        start = len(root_path) - 1  # a root's url_path ends in "/": keep it as the leading "/"
        live = frozenset(path_key(url[start:]) for url in live_urls if url.startswith(root_path))
        scopes.append(SiteScope(domains.get(hostname), hostname, port, is_default, live))
    return scopes


def build_table(exclude_pk=None):
    return RuleTable(load_rules(exclude_pk), load_sites(), reserved_routes())
