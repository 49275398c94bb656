"""The one source of absolute URLs: the Wagtail Site's root URL (scheme, host name, port).

Canonical links, og:url and og:image, the sitemap, the feeds, robots.txt's Sitemap line and
the JSON-LD all build absolute URLs here (pages' own ``full_url`` uses the same root URL),
so they agree whatever host or port a request came in on. `manage.py set_site_url` sets it.
"""

from urllib.parse import urlsplit

from wagtail.models import Site


def site_root_url(request=None):
    """The root URL (``https://www.example.com``, no trailing slash) of the request's site,
    or of the default site."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    if site is None:  # no site configured at all: the request's own address
        return request.build_absolute_uri("/").rstrip("/") if request is not None else ""
    return site.root_url


def absolute_url(url, request=None):
    """``url`` made absolute against the site's root URL (already absolute URLs, such as
    media on a CDN, are kept)."""
    if not url or urlsplit(url).scheme:
        return url
    return site_root_url(request) + ("" if url.startswith("/") else "/") + url
