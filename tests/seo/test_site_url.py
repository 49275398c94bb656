"""One source for absolute URLs: the Wagtail Site's root URL, whatever host a request uses.

Canonical, og:url, og:image, the JSON-LD, the sitemap, the feeds and robots.txt's Sitemap line
agree with each other and with `manage.py set_site_url`, which `make run` calls.
"""

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Site

from pages.models import SiteSettings
from tests.seo.helpers import canonical, meta

PAGES = ["/", "/services/fractional-cto/", "/blog/outgrown-first-architecture/", "/about/"]
URL_IN_JSON = re.compile(r'"(https?://[^"]+)"')


def absolute_urls(client, host):
    """Every absolute URL of our own that pages, sitemap, feeds and robots.txt print."""
    found = {}
    for path in PAGES:
        html = client.get(path, HTTP_HOST=host).content.decode()
        found[f"{path} canonical"] = [canonical(html)]
        found[f"{path} og"] = [meta(html, "og:url"), meta(html, "og:image")]
        block = re.search(r'"@graph".*?</script>', html, re.S).group(0)
        found[f"{path} JSON-LD"] = [u for u in URL_IN_JSON.findall(block) if "schema.org" not in u]
    sitemap = client.get("/sitemap.xml", HTTP_HOST=host).content.decode()
    found["sitemap"] = re.findall(r"<(?:loc|image:loc)>([^<]+)<", sitemap)
    for feed in ("rss", "atom"):
        text = client.get(f"/blog/feed/{feed}/", HTTP_HOST=host).content.decode()
        found[feed] = re.findall(r'(?:<link>|<id>|href=")(https?://[^<"]+)', text)
    robots = client.get("/robots.txt", HTTP_HOST=host).content.decode()
    found["robots"] = re.findall(r"^Sitemap: (\S+)$", robots, re.M)
    return found


def other_sites():
    """The addresses of other sites an editor gave in the site settings (sameAs, booking)."""
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    return {site_settings.booking_url} | {link.value["url"] for link in site_settings.social_links}


def outside(found, root):
    elsewhere = other_sites()
    return {
        where: urls
        for where, urls in found.items()
        if not urls or any(not url.startswith(f"{root}/") for url in urls if url not in elsewhere)
    }


@pytest.mark.parametrize("host", ["testserver", "127.0.0.1:8000", "localhost"])
def test_every_absolute_url_is_on_the_sites_root_url_whatever_the_host(client, host):
    assert outside(absolute_urls(client, host), "http://localhost") == {}


def test_set_site_url_moves_every_absolute_url_at_once(client, site):
    out = StringIO()
    call_command("set_site_url", "https://www.example.com", stdout=out)
    assert out.getvalue().strip() == "The site's root URL is https://www.example.com"
    site.refresh_from_db()
    assert (site.hostname, site.port) == ("www.example.com", 443)
    # The cached sitemap and settings were built under the old root: the save bumped the
    # content version, so nothing old is served.
    assert outside(absolute_urls(client, "testserver"), "https://www.example.com") == {}


def test_set_site_url_reads_site_url_from_the_environment(site, monkeypatch):
    monkeypatch.setenv("SITE_URL", "http://127.0.0.1:8000")
    call_command("set_site_url", stdout=StringIO())
    assert Site.objects.get(pk=site.pk).root_url == "http://127.0.0.1:8000"


@pytest.mark.parametrize(
    "url",
    [
        "www.example.com",  # no scheme
        "ftp://www.example.com",
        "https://www.example.com:8443",  # Wagtail serves https on 443 only
        "http://www.example.com:443",
        "https://www.example.com/blog/",  # not at the root
        "https://www.example.com/?x=1",
        "http://[::1",  # not a URL
        "http://www.example.com:99999",
    ],
)
def test_set_site_url_refuses_what_a_site_cannot_be(site, url):
    with pytest.raises(CommandError):
        call_command("set_site_url", url, stdout=StringIO())
    assert Site.objects.get(pk=site.pk).root_url == "http://localhost"


def test_set_site_url_needs_a_url(site, monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    with pytest.raises(CommandError, match="SITE_URL"):
        call_command("set_site_url", stdout=StringIO())
