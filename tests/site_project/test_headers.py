"""The headers the MDN HTTP Observatory scores (docs/security-headers.md), on every kind of
answer: public pages, the admin, a preview, static files, 404s; through Django and, for the
files nginx serves itself and the pages it caches, through the real front."""

import json
import os
import secrets
import subprocess
import sys

import pytest
from django.db import connection
from django.test import RequestFactory

from blog.models import BlogPage
from tests.front_cache.conftest import front  # noqa: F401 (the real nginx, a fixture)
from tests.serving import PROJECT, database_url

PUBLIC_POLICY = {
    "default-src": {"'self'"},
    "object-src": {"'none'"},
    "base-uri": {"'none'"},
    "form-action": {"'self'"},
    "frame-ancestors": {"'none'"},
}
# Answers that never pass Django (nginx's /static/ and /media/): nothing runs, nothing frames.
FILE_POLICY = {"default-src": {"'none'"}, "frame-ancestors": {"'none'"}, "sandbox": set()}
DENIED_FEATURES = {"camera", "microphone", "geolocation", "payment", "usb"}


def policy(headers):
    """The Content-Security-Policy as {directive: {sources}}."""
    directives = [part.split() for part in headers["Content-Security-Policy"].split(";")]
    return {name: set(sources) for name, *sources in directives}


def denied_features(headers):
    return {
        feature.split("=")[0].strip()
        for feature in headers["Permissions-Policy"].split(",")
        if feature.split("=")[1] == "()"
    }


def assert_page_headers(headers, csp=PUBLIC_POLICY):
    assert policy(headers) == csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert headers["Cross-Origin-Resource-Policy"] == "same-origin"
    assert denied_features(headers) >= DENIED_FEATURES


@pytest.mark.parametrize("path", ["/", "/blog/", "/contact/", "/search/?q=cto", "/robots.txt"])
def test_public_answers_carry_every_header_and_the_strict_policy(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert_page_headers(response)


def test_a_post_and_the_not_found_page_too(client):
    post = BlogPage.objects.live().first()
    assert_page_headers(client.get(post.url))
    missing = client.get("/no-such-page/")
    assert missing.status_code == 404
    assert_page_headers(missing)


def test_the_public_policy_has_no_nonce_and_nothing_unsafe(client):
    # A nonce in a page the front cache stores would be the same for every visitor.
    header = client.get("/")["Content-Security-Policy"]
    assert "nonce-" not in header and "unsafe" not in header


def test_the_admin_has_its_own_policy(client, site_admin):
    assert_page_headers(client.get("/admin/login/"), csp=admin_policy())
    client.force_login(site_admin)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert_page_headers(response, csp=admin_policy())


def admin_policy():
    return PUBLIC_POLICY | {
        "script-src": {"'self'", "'unsafe-inline'"},
        "img-src": {"'self'", "blob:"},
    }


def test_a_preview_is_the_public_page_the_admin_may_frame(site_admin):
    """Wagtail runs a preview through the middleware again, with the page's own path."""
    post = BlogPage.objects.live().first()
    request = RequestFactory().get(f"/admin/pages/{post.pk}/edit/preview/")
    request.user = site_admin
    response = post.make_preview_request(request)
    assert response.status_code == 200
    assert policy(response) == PUBLIC_POLICY | {"frame-ancestors": {"'self'"}}


def test_a_view_that_allows_same_origin_framing_gets_frame_ancestors_self(client, site_admin):
    # Wagtail's preview views say SAMEORIGIN; without saved form data this one answers its
    # error page, under the admin policy.
    client.force_login(site_admin)
    post = BlogPage.objects.live().first()
    response = client.get(f"/admin/pages/{post.pk}/edit/preview/")
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert policy(response) == admin_policy() | {"frame-ancestors": {"'self'"}}


def test_static_files_served_by_django_carry_the_headers(client):
    response = client.get("/static/css/site.css")
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


def assert_file_headers(headers):
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Cross-Origin-Resource-Policy"] == "same-origin"
    assert policy(headers) == FILE_POLICY


def test_the_front_serves_static_and_media_files_with_the_headers(front):  # noqa: F811
    status, headers, _ = front.get("/static/css/site.css")
    assert status == 200 and headers["Cache-Control"].endswith("immutable")
    assert_file_headers(headers)
    assert_file_headers(front.get("/static/no-such-file.css")[1])
    # Not the status: as root, nginx's workers (www-data) may not enter pytest's media folder
    # and answer 403; the headers are on every answer of the location.
    image = BlogPage.objects.live().exclude(hero_image=None).first().hero_image
    assert_file_headers(front.get(image.file.url)[1])


def test_pages_cached_by_the_front_keep_djangos_headers(front):  # noqa: F811
    for _ in range(3):
        status, headers, _ = front.get("/blog/")
        if headers["X-Cache-Status"] == "HIT":
            break
    assert (status, headers["X-Cache-Status"]) == (200, "HIT")
    assert_page_headers(headers)
    status, headers, _ = front.get("/no-such-page/")
    assert status == 404
    assert_page_headers(headers)


def production(code="", **env):
    """Run ``manage.py`` under the production settings with a complete environment."""
    # Not the browser tests' DJANGO_ALLOW_ASYNC_UNSAFE (Playwright needs it in this process;
    # a deployment must not have it, and check --deploy says so).
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "site_project.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "www.example.com",
        "DATABASE_URL": database_url(connection.settings_dict),
        **env,
    }
    command = ["shell", "--no-imports", "-c", code] if code else ["check", "--deploy"]
    return subprocess.run(
        [sys.executable, "manage.py", *command],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


HSTS = """
import json
from django.test import Client
response = Client().get("/robots.txt", secure=True, headers={"host": "www.example.com"})
print(json.dumps(response["Strict-Transport-Security"]))
"""


def test_production_hsts_is_a_year_with_subdomains_and_preload_is_chosen():
    result = production(HSTS)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == "max-age=31536000; includeSubDomains"
    result = production(HSTS, SECURE_HSTS_PRELOAD="true")
    assert json.loads(result.stdout) == "max-age=31536000; includeSubDomains; preload"


def test_check_deploy_is_clean_in_production():
    result = production(SECURE_HSTS_PRELOAD="true")
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout, result.stderr
    # Without preload (the default until the domain is submitted), that is the one warning.
    result = production()
    warnings = [line for line in result.stderr.splitlines() if line.startswith("?: (")]
    assert [line.split()[1] for line in warnings] == ["(security.W021)"]
