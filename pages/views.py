"""Views outside the page tree: liveness, search, robots.txt, the 500 page."""

import logging

from django.core.paginator import Paginator
from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.template import loader
from django.template.response import TemplateResponse
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET
from wagtail.models import Page

from pages.restrictions import public

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
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
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
    sitemap = request.build_absolute_uri("/sitemap.xml")
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /search/", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain")


FALLBACK_500 = "<!DOCTYPE html><title>Something went wrong</title><h1>Something went wrong</h1>"


def server_error(request):
    """The 500 page, rendered without a request context so it needs no database.

    If even that fails (say, static files were never collected), a bare page still answers.
    """
    try:
        content = loader.get_template("500.html").render()
    except Exception:
        logger.exception("The 500 page could not be rendered")
        content = FALLBACK_500
    return HttpResponse(content, status=500)
