"""/sitemap.xml: every live page, built once per content version and split past a page size.

Each entry has its ``lastmod`` (``BasePage.last_modified``: the last publish, or the
"updated" date when later) and the pictures the page shows (image sitemap extension:
``<image:image>`` per figure or hero, at its original file's absolute URL). Page types add
entries of their own (the blog's category and author listings) in ``get_sitemap_urls``.

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
from wagtail.images import get_image_model

from front_cache import version
from pages.restrictions import public
from pages.site_url import absolute_url, site_root_url

KEPT_HEADERS = ("Content-Type", "Last-Modified")


class PageSitemap(Sitemap):
    @property
    def limit(self):
        return settings.SITEMAP_PAGE_SIZE

    def items(self):
        # Bodies are read (raw, not converted) for their figures' image ids.
        pages = self.get_wagtail_site().root_page.get_descendants(inclusive=True).live()
        return public(pages).order_by("path").specific()

    def _urls(self, page, protocol, domain):
        """Wagtail's entries (``get_sitemap_urls``), the page's own first, given the URLs of
        its pictures: one query for the images of this whole part of the sitemap."""
        pages = list(self.paginator.page(page).object_list)
        wanted = {page.pk: list(dict.fromkeys(page.sitemap_image_ids())) for page in pages}
        files = _image_files({pk for ids in wanted.values() for pk in ids})
        urls = []
        for item in pages:
            entries = item.get_sitemap_urls(self.request)
            images = [
                absolute_url(files[pk], self.request) for pk in wanted[item.pk] if pk in files
            ]
            if entries and images:
                entries[0] = {**entries[0], "images": images}
            urls.extend(_with_w3c_lastmod(entry) for entry in entries)
        last_mods = [entry.get("lastmod") for entry in urls]
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


def _with_w3c_lastmod(entry):
    lastmod = entry.get("lastmod")
    if hasattr(lastmod, "isoformat"):  # W3C datetime, to the second: 2025-01-31T09:30:00+00:00
        entry = {**entry, "w3c_lastmod": lastmod.replace(microsecond=0).isoformat()}
    return entry


def _image_files(pks):
    """{image id: its original file's URL}"""
    # With width and height: loading an image file reads them (Django's ImageField fills its
    # dimension fields), one query each when deferred.
    fields = ("pk", "file", "width", "height")
    images = get_image_model().objects.filter(pk__in=pks).only(*fields)
    return {image.pk: image.file.url for image in images}


def _index(request, parts):
    base = site_root_url(request) + request.path
    entries = [{"location": f"{base}?p={number}"} for number in range(1, parts + 1)]
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": entries}, content_type="application/xml"
    )


def _render(request, part):
    pages = PageSitemap(request)
    if part is None and pages.paginator.num_pages > 1:
        response = _index(request, pages.paginator.num_pages)
    else:
        response = sitemap_views.sitemap(
            request, {"pages": pages}, template_name="sitemap_with_images.xml"
        )
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
