"""A real nginx front cache in front of a real gunicorn, both serving the test database.

Changes the tests make must be committed for gunicorn to see them, so they are made by
``front.django(code)``: Python run by ``manage.py shell`` in a child process on the same
database, whose purges go to this nginx as the site's would.
"""

import os
import shutil
import subprocess
import sys
import urllib.request
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.db import connection

from front_cache import nginx
from tests.serving import PROJECT, database_url, free_port, gunicorn


@dataclass
class Front:
    url: str
    app_url: str
    env: dict
    restart: object  # () -> None: nginx stopped and started again on the same folder

    def django(self, code, purge=True):
        """Run ``code`` in a Django shell on the test database; its purges reach this front
        (with ``purge=False`` none are sent, as from a command run while the front is down)."""
        env = {**os.environ, **self.env, **({} if purge else {"FRONT_CACHE_URLS": ""})}
        result = subprocess.run(
            [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
            cwd=PROJECT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    def get(self, path, headers=None):
        """(status, headers, body) of a GET through the front."""
        request = urllib.request.Request(self.url + path, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, response.headers, _text(response)
        except urllib.error.HTTPError as error:
            return error.code, error.headers, _text(error)


def _text(response):
    body = response.read()
    return body.decode() if not response.headers.get("Content-Encoding") else body


@pytest.fixture(scope="module")
def front(django_db_setup):
    if not nginx.available():
        pytest.fail("nginx with the cache-purge module is missing: `make test` installs it")
    front_port, app_port = free_port(), free_port()
    env = {
        "DJANGO_SETTINGS_MODULE": "site_project.settings.test",
        "DATABASE_URL": database_url(connection.settings_dict),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "FRONT_CACHE_URLS": f"http://127.0.0.1:{front_port}",
    }
    # Under the project, not pytest's temporary folder: as root, nginx's workers run as
    # www-data, which may not enter /tmp/pytest-of-root.
    run_dir = PROJECT / ".local" / f"nginx-test-{front_port}"

    def start():
        nginx.start(
            run_dir,
            port=front_port,
            upstreams=[f"127.0.0.1:{app_port}"],
            static_root=PROJECT / "static",
            media_root=settings.MEDIA_ROOT,
        )

    start()
    try:
        with gunicorn(env, port=app_port) as app_url:
            yield Front(
                url=f"http://127.0.0.1:{front_port}", app_url=app_url, env=env, restart=start
            )
    finally:
        nginx.stop(run_dir)
        shutil.rmtree(run_dir, ignore_errors=True)
