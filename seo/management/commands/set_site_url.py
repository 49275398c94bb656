"""Set the default Wagtail Site's root URL: the one source of every absolute URL.

    manage.py set_site_url https://www.example.com
    SITE_URL=https://www.example.com manage.py set_site_url

Canonical links, og:url and og:image, the sitemap, the feeds, robots.txt's Sitemap line and
the JSON-LD are all built on it (pages.site_url). Wagtail derives the scheme from the port
(443: https, anything else: http), so https is accepted on port 443 only.
"""

import os
from urllib.parse import urlsplit

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

DEFAULT_PORTS = {"http": 80, "https": 443}


def parse_site_url(url):
    """(hostname, port) of a root URL such as ``https://www.example.com``."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as error:
        raise CommandError(f"{url!r} is not a URL: {error}") from None
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise CommandError(f"{url!r}: give a root URL such as https://www.example.com")
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise CommandError(f"{url!r}: the site must be served at the root (no path or query)")
    port = port or DEFAULT_PORTS[parts.scheme]
    if parts.scheme == "https" and port != 443:
        raise CommandError(f"{url!r}: Wagtail's sites serve https on port 443 only")
    if parts.scheme == "http" and port == 443:
        raise CommandError(f"{url!r}: port 443 means https to Wagtail")
    return parts.hostname, port


class Command(BaseCommand):
    help = "Set the default site's root URL (scheme, host name, port); default $SITE_URL."

    def add_arguments(self, parser):
        parser.add_argument("url", nargs="?", help="e.g. https://www.example.com")

    def handle(self, *args, url=None, **options):
        url = url or os.environ.get("SITE_URL")
        if not url:
            raise CommandError("Give the site's URL, or set SITE_URL.")
        hostname, port = parse_site_url(url)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("There is no default site yet (load content first).")
        if (site.hostname, site.port) != (hostname, port):
            site.hostname, site.port = hostname, port
            site.save()  # bumps the content version and purges (front_cache.purge)
        self.stdout.write(f"The site's root URL is {site.root_url}")
