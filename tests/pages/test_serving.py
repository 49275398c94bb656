"""Liveness, errors and production settings, through real HTTP where it is about serving."""

import subprocess
import sys
import urllib.error
import urllib.request

from pages.views import server_error
from tests.serving import PROJECT, gunicorn


def test_healthz_answers_200_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.content == b"ok\n"


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers.get("Retry-After"), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Retry-After"), error.read().decode()


def test_without_a_database_healthz_and_pages_are_503_with_retry_after(tmp_path, collected_static):
    unreachable = f"postgres://nobody@{str(tmp_path).replace('/', '%2F')}/nothing"
    env = {
        "DJANGO_SETTINGS_MODULE": "site_project.settings.production",
        "SECRET_KEY": "serving-test-secret",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": unreachable,
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(collected_static),
    }
    with gunicorn(env, workers=1) as base_url:
        for path in ("/healthz", "/", "/blog/", "/no-such-page/"):
            status, retry_after, body = fetch(base_url + path)
            assert (status, retry_after) == (503, "30"), path
            assert "Traceback" not in body
        assert "database unavailable" in fetch(base_url + "/healthz")[2]
        assert "Back in a moment" in fetch(base_url + "/")[2]


def test_a_bug_is_the_500_page_without_retry_after(rf):
    try:
        raise ValueError("a bug in a view")
    except ValueError:
        response = server_error(rf.get("/"))
    assert response.status_code == 500 and not response.has_header("Retry-After")
    assert "Something went wrong" in response.content.decode()


def test_production_refuses_to_start_without_its_environment():
    result = subprocess.run(
        [sys.executable, "-c", "import site_project.settings.production"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(PROJECT)},
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set in the environment for production" in result.stderr


def test_an_unknown_url_is_a_styled_404(client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html and 'class="site-header"' in html


def test_robots_and_sitemap(client):
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in robots and "Sitemap: http://localhost/sitemap.xml" in robots
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://localhost/services/fractional-cto/</loc>" in sitemap


def test_a_nul_byte_in_the_address_is_a_styled_400(client):
    for url in ("/search/?q=%00", "/search/?q=a&page=%00", "/about%00/", "/blog/?x%00=1"):
        response = client.get(url)
        assert response.status_code == 400, url
        assert "Bad request" in response.content.decode()
