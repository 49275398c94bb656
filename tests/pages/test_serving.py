"""Liveness, errors and production settings, through real HTTP where it is about serving."""

import os
import subprocess
import sys
import urllib.error
import urllib.request

from tests.serving import PROJECT, gunicorn


def test_healthz_answers_200_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.content == b"ok\n"


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_without_a_database_healthz_is_503_and_pages_get_the_500_page(tmp_path):
    unreachable = f"postgres://nobody@{str(tmp_path).replace('/', '%2F')}/nothing"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "site_project.settings.production",
        "SECRET_KEY": "serving-test-secret",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": unreachable,
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(tmp_path / "static"),
    }
    # As in a deployment: hashed, compressed static files collected before serving.
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=PROJECT,
        env=env,
        check=True,
    )
    with gunicorn(env, workers=1) as base_url:
        status, body = fetch(base_url + "/healthz")
        assert status == 503 and "database unavailable" in body
        status, body = fetch(base_url + "/")
        assert status == 500
        assert "Something went wrong" in body and "Traceback" not in body


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
    assert "Disallow: /admin/" in robots and "Sitemap: http://testserver/sitemap.xml" in robots
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://localhost/services/fractional-cto/</loc>" in sitemap


def test_a_nul_byte_in_the_address_is_a_styled_400(client):
    for url in ("/search/?q=%00", "/search/?q=a&page=%00", "/about%00/", "/blog/?x%00=1"):
        response = client.get(url)
        assert response.status_code == 400, url
        assert "Bad request" in response.content.decode()
