"""With REDIS_URL, Django's cache is a real Redis (django-redis), shared by every process: what
one process builds under the content version, another reads; a bump anywhere makes it new."""

import os
import shutil
import subprocess
import sys
import time

import pytest
import redis
from django.db import connection

from tests.serving import PROJECT, database_url, free_port

PROBE = (
    "from django.core.cache import caches\n"
    "from front_cache import version\n"
    "{before}"
    "print(type(caches['default']).__name__, version.cached('probe', lambda: {built!r}))"
)


@pytest.fixture
def redis_url(tmp_path):
    server = shutil.which("redis-server")
    if not server:
        pytest.fail("redis-server is missing (Debian: redis-server): `make test` installs it")
    port = free_port()
    process = subprocess.Popen(
        [server, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--dir", tmp_path],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    client = redis.Redis(host="127.0.0.1", port=port)
    try:
        for _ in range(100):
            try:
                client.ping()
                break
            except redis.ConnectionError:
                time.sleep(0.1)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)


def run_django(redis_url, code):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "site_project.settings.test",
        "DATABASE_URL": database_url(connection.settings_dict),
        "REDIS_URL": redis_url,
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_what_one_process_builds_another_reads_until_a_bump(redis_url):
    first = run_django(redis_url, PROBE.format(before="", built="by the first"))
    assert first == "RedisCache by the first"
    second = run_django(redis_url, PROBE.format(before="", built="by the second"))
    assert second == "RedisCache by the first"  # read from Redis, not built again
    bumped = run_django(redis_url, PROBE.format(before="version.bump()\n", built="after the bump"))
    assert bumped == "RedisCache after the bump"
