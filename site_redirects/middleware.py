"""Answer requests that a redirect rule matches, before the page tree is asked.

Costs no database query for a request no rule matches (see ``live_table``); a matched one
costs one UPDATE of its hit counter, made after the response is sent. Never shadows a live
page or the site's own URLs (the table knows them), never turns a working request into an
error: a failure here is logged and the request goes on as if no rule matched. 404s are
counted in the not-found log.
"""

import logging

from django.db.models import F
from django.http import HttpResponseGone
from django.http.request import split_domain_port
from redirects.models import Redirect

from site_redirects import live_table, not_found
from site_redirects.paths import with_query

logger = logging.getLogger(__name__)

NOT_FOUND_CHECK_SECONDS = 0.1

GONE = "<!DOCTYPE html><title>Gone</title><h1>This page has been removed</h1>"


class RedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            scope, response = self.answer(request)
        except Exception:
            logger.exception("Redirect lookup failed for %r; serving the request", request.path)
            scope, response = None, None
        if response is not None:
            return response
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        # A rule made by another worker in the last seconds (a page just moved): the front
        # keeps a 404 for a minute, so a 404 checks the rules' version unless it was checked
        # in the last moment (a flood of 404s costs at most one query per NOT_FOUND_CHECK_SECONDS).
        try:
            scope, late = self.answer(request, within=NOT_FOUND_CHECK_SECONDS)
        except Exception:
            logger.exception("Redirect lookup failed for %r; serving the 404", request.path)
            late = None
        if late is not None:
            return late
        table = live_table.current.table
        if not (table and table.is_protected(None, request.path)):  # e.g. /admin/…, /static/…
            not_found.buffer.record(
                scope.site_id if scope else None,
                request.path,
                request.META.get("HTTP_REFERER", ""),
            )
        return response

    def answer(self, request, within=None):
        """(the request's site scope, a response from a rule or None)."""
        scope, found = lookup(request, within)
        if found is None:
            return scope, None
        rule, location = found
        if location == "":
            response = COUNTED[410](GONE)
        else:
            query = request.META.get("QUERY_STRING", "")
            response = COUNTED.get(rule.status, COUNTED[301])(with_query(location, query))
        response.rule_pk = rule.pk
        return scope, response


def lookup(request, within=None):
    """(the request's site scope, (rule, location) or None), from this worker's table."""
    table = live_table.current.get(within)
    if table is None:
        return None, None
    hostname = split_domain_port(request._get_raw_host())[0].lower()
    scope = table.site_for(hostname, int(request.get_port() or 80))
    return scope, table.find(scope, request.path)


def count_hit(pk):
    """+1 in the database itself: exact under concurrency, and no other field is written."""
    try:
        Redirect.objects.filter(pk=pk).update(counter=F("counter") + 1)
    except Exception:
        logger.exception("The hit of redirect %s could not be counted", pk)


def counting(response_class):
    """``response_class`` counting its rule's hit once the server has sent it (in close())."""

    class Counted(response_class):
        def close(self):
            super().close()
            count_hit(self.rule_pk)

    return Counted


COUNTED = {
    410: counting(HttpResponseGone),
    **{status: counting(cls) for status, cls in Redirect.TYPE_RESPONSE_CLASS.items()},
}
