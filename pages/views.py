"""Views outside the page tree: liveness, search, robots.txt, the 500 and 503 pages."""

import logging
import sys

from django.conf import settings
from django.core.paginator import Paginator
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse
from django.template import loader
from django.template.response import TemplateResponse
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET
from wagtail.models import Page

from pages.restrictions import public
from pages.site_url import absolute_url

logger = logging.getLogger(__name__)


@never_cache
@require_GET
def healthz(request):
    """200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        logger.exception("Health check: the database did not answer")
        response = HttpResponse("database unavailable\n", status=503, content_type="text/plain")
        response["Retry-After"] = str(settings.DATABASE_RETRY_AFTER_SECONDS)
        return response
    return HttpResponse("ok\n", content_type="text/plain")


# Results depend on ?q=, which the front cache's key leaves out: never a shared copy.
@cache_control(private=True, max_age=0)
@require_GET
def search(request):
    query = request.GET.get("q", "").strip()[:200]
    results = public(Page.objects.live()).specific().search(query) if query else Page.objects.none()
    page = Paginator(results, 10).get_page(request.GET.get("page"))
    return TemplateResponse(request, "search.html", {"query": query, "results": page})


@require_GET
def robots_txt(request):
    sitemap = absolute_url("/sitemap.xml", request)
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /search/", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain")


# When even the template cannot render: the same heading, bare.
FALLBACK = "<!DOCTYPE html><title>{0}</title><h1>{0}</h1>"


def server_error(request):
    """The 500 page, or the 503 page when the database cannot be reached.

    Django calls this inside its exception handler, so the error is at hand: an outage is
    not a bug in the site, and clients and the front are told when to come back. Both render
    without a request context, so they need no database; if even that fails (say, static
    files were never collected), a bare page still answers.
    """
    unavailable = isinstance(sys.exception(), OperationalError | InterfaceError)
    status, heading = (503, "Back in a moment") if unavailable else (500, "Something went wrong")
    try:
        content = loader.get_template(f"{status}.html").render()
    except Exception:
        logger.exception("The %s page could not be rendered", status)
        content = FALLBACK.format(heading)
    response = HttpResponse(content, status=status)
    if unavailable:
        response["Retry-After"] = str(settings.DATABASE_RETRY_AFTER_SECONDS)
    return response
