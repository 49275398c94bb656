"""The production path: gunicorn with the production settings, as the README starts it, over a
static tree collected with hashed names and a manifest, renders every page type."""

import re
import urllib.error
import urllib.request

import pytest
from django.db import connection
from wagtail.models import Page, get_page_models

from blog.models import BlogCategory
from tests.serving import database_url, gunicorn

SECRET = "production-test-" + "k" * 50


def get(base_url, path):
    """(status, body) as the TLS-terminating proxy of the README would pass the request on."""
    request = urllib.request.Request(base_url + path, headers={"X-Forwarded-Proto": "https"})
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.fixture(scope="module")
def production(django_db_setup, django_db_blocker, collected_static):
    with django_db_blocker.unblock():
        env = {
            "DJANGO_SETTINGS_MODULE": "site_project.settings.production",
            "SECRET_KEY": SECRET,
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": database_url(connection.settings_dict),
            "STATIC_ROOT": str(collected_static),
            "WAGTAILADMIN_BASE_URL": "https://127.0.0.1",
        }
    with gunicorn(env, workers=1) as base_url:
        yield base_url


def one_url_per_page_type():
    urls = {}
    for page in Page.objects.live().specific().exclude(depth=1):
        urls.setdefault(type(page).__name__, page.url)
    category = BlogCategory.objects.first()
    urls["blog category"] = f"{urls['BlogIndexPage']}category/{category.slug}/"
    return urls


def test_every_page_type_renders_with_hashed_static_files(production):
    urls = one_url_per_page_type()
    assert {model.__name__ for model in get_page_models() if model is not Page} <= set(urls)
    urls |= {"search": "/search/?q=leadership", "sitemap": "/sitemap.xml"}
    urls |= {"robots": "/robots.txt", "admin login": "/admin/login/"}
    for kind, url in urls.items():
        status, body = get(production, url)
        assert status == 200, f"{kind} {url} answered {status}"
    status, home = get(production, "/")
    stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', home)
    assert stylesheet, "the stylesheet is not the manifest's hashed name"
    assert get(production, stylesheet.group(1))[0] == 200


def test_a_missing_page_is_the_styled_404_not_a_500(production):
    status, body = get(production, "/no-such-page/")
    assert status == 404 and "Page not found" in body
