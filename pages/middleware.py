"""The Wagtail site of a request, from the content-version cache instead of a query."""

from contextlib import suppress

from django.db import DatabaseError
from django.http.request import split_domain_port
from wagtail.models import Site

from front_cache import version


def _site_for(request):
    site = Site._find_for_request(request)
    if site is not None:
        site.root_page = site.root_page.specific  # served without another query
    return site


class CachedSiteMiddleware:
    """Sets ``request._wagtail_site``, where ``Site.find_for_request`` looks first, its id as
    ``request.site_key`` (templates key kept fragments by it), and ``request.is_preview``
    (False)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Templates ask whether this is a preview (whose fragments are never kept): False
        # unless Wagtail's preview says so after the middleware. Without it every page type
        # served outside Page.serve (sub-pages, forms, 404s) fails the lookup, which Django's
        # template engine answers with a dir() of the request, each time.
        request.is_preview = False
        hostname = split_domain_port(request._get_raw_host())[0]
        # Without a database the views say what they can (/healthz: 503).
        # Which site's fragments a template keeps (never the Host header itself: that may be
        # anything, and get_host() raises on a host not allowed, even on the 400 page).
        request.site_key = ""
        with suppress(DatabaseError):
            request._wagtail_site = site = version.cached(
                "site", lambda: _site_for(request), hostname, request.get_port()
            )
            request.site_key = site.pk if site else ""
        return self.get_response(request)
