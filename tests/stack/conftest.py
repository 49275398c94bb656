"""One real stack for this folder's tests (stack/: pgbouncer, Redis, SeaweedFS, two gunicorn
instances, the scheduler and the nginx front), on free 127.0.0.1 ports, with its own
PostgreSQL cluster and bucket holding the demo content, removed afterwards."""

import os
import re
import shutil
import subprocess
import sys

import pytest
import requests

from front_cache import nginx
from stack import __main__ as stack_command
from stack import services
from stack.layout import PROJECT, Layout

ADMIN = {"username": "stack-admin", "password": "a long stack test password"}


class Stack:
    def __init__(self, layout):
        self.layout = layout
        self.url = layout.url
        self.instances = {n: services.Instance(layout, n) for n in (1, 2)}
        self.cache = services.Cache(layout)
        self.store = services.ObjectStore(layout)
        self.database = services.Database(layout)

    def instance_url(self, number):
        return f"http://127.0.0.1:{self.instances[number].port}"

    def django(self, code):
        """Run ``code`` in a process with the instances' environment; return its output."""
        result = subprocess.run(
            [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
            cwd=PROJECT,
            env={**os.environ, **self.layout.site_environment()},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout.strip()

    def admin_session(self, number):
        """A signed-in admin session with instance ``number``."""
        session = requests.Session()
        login = self.instance_url(number) + "/admin/login/"
        page = session.get(login, timeout=10)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        answer = session.post(
            login,
            data={**ADMIN, "csrfmiddlewaretoken": token, "next": "/admin/"},
            headers={"Referer": login},
            allow_redirects=False,
            timeout=10,
        )
        assert answer.status_code == 302, answer.text[-2000:]
        return session


def csrf_token(session, url):
    page = session.get(url, timeout=10)
    assert page.status_code == 200, url
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)


@pytest.fixture(scope="session")
def stack():
    for program in ("pgbouncer", "redis-server"):
        if not (shutil.which(program) or os.path.exists(f"/usr/sbin/{program}")):
            pytest.fail(f"{program} is missing: `make test` installs it (Debian)")
    if not nginx.available():
        pytest.fail("nginx with the cache-purge module is missing: `make test` installs it")
    # Under the project: as root, PostgreSQL and pgbouncer run as postgres, nginx as www-data.
    run_dir = PROJECT / ".local" / f"stack-test-{os.getpid()}"
    shutil.rmtree(run_dir, ignore_errors=True)
    layout = Layout.free(run_dir, schedule_seconds=2)
    os.environ.update(
        DJANGO_SUPERUSER_USERNAME=ADMIN["username"], DJANGO_SUPERUSER_PASSWORD=ADMIN["password"]
    )
    try:
        stack_command.start(layout)
        yield Stack(layout)
    finally:
        for name in ("DJANGO_SUPERUSER_USERNAME", "DJANGO_SUPERUSER_PASSWORD"):
            os.environ.pop(name, None)
        stack_command.stop(layout)
        shutil.rmtree(run_dir, ignore_errors=True)
