"""/sitemap.xml: every live page, built once per content version and split past a page size.

Up to ``SITEMAP_PAGE_SIZE`` pages it is one sitemap; past that, /sitemap.xml is a sitemap
index of /sitemap.xml?p=1, ?p=2, … (Django's sitemap pagination), so no answer grows with the
site. Each answer is kept in Django's cache under the content version (front_cache.version):
a publish shows in it at once, and serving it costs a cache read.
"""

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from wagtail.contrib.sitemaps import Sitemap

from front_cache import version
from pages.restrictions import public

KEPT_HEADERS = ("Content-Type", "Last-Modified")


class PageSitemap(Sitemap):
    @property
    def limit(self):
        return settings.SITEMAP_PAGE_SIZE

    def items(self):
        pages = self.get_wagtail_site().root_page.get_descendants(inclusive=True).live()
        return public(pages).order_by("path").defer_streamfields().specific()


def _index(request, parts):
    base = request.build_absolute_uri(request.path)
    entries = [{"location": f"{base}?p={number}"} for number in range(1, parts + 1)]
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": entries}, content_type="application/xml"
    )


def _render(request, part):
    pages = PageSitemap(request)
    if part is None and pages.paginator.num_pages > 1:
        response = _index(request, pages.paginator.num_pages)
    else:
        response = sitemap_views.sitemap(request, {"pages": pages})
    response.render()
    headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
    return response.content, headers


def sitemap(request):
    part = request.GET.get("p")
    if part is not None and not (part.isascii() and part.isdigit() and 0 < int(part) < 10**6):
        raise Http404("No such sitemap page")  # and no cache entry per spelling of a number
    part = None if part is None else int(part)
    content, headers = version.cached(
        "sitemap", lambda: _render(request, part), request.get_host(), part
    )
    return HttpResponse(content, headers=headers)


def sitemap_paths(live_pages):
    """The addresses the sitemap answers at for ``live_pages`` pages (for purges)."""
    parts = -(-live_pages // settings.SITEMAP_PAGE_SIZE)
    return ["/sitemap.xml", *(f"/sitemap.xml?p={number}" for number in range(1, parts + 1))]
