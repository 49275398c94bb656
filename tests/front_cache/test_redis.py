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
from django_redis.cache import RedisCache

from front_cache.content_cache import ContentCache
from tests.serving import PROJECT, database_url, free_port

PROBE = (
    "from django.core.cache import caches\n"
    "from front_cache import version\n"
    "{before}"
    "print(type(caches['content']).__name__, version.cached('probe', lambda: {built!r}))"
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
    assert first == "ContentCache by the first"
    second = run_django(redis_url, PROBE.format(before="", built="by the second"))
    assert second == "ContentCache by the first"  # read from Redis, not built again
    bumped = run_django(redis_url, PROBE.format(before="version.bump()\n", built="after the bump"))
    assert bumped == "ContentCache after the bump"


# The content cache: shared in Redis, and what a process has read is kept in its memory.
RENDER_PROBE = (
    "from django.test import Client\n"
    "import redis\n"
    "client = Client(HTTP_HOST='127.0.0.1')\n"
    "for _ in range(2): client.get({path!r})\n"
    "stats = redis.Redis.from_url({url!r})\n"
    "def calls():\n"
    "    info = stats.info('commandstats')\n"
    "    return sum(v['calls'] for k, v in info.items() if k != 'cmdstat_info')\n"
    "before = calls()\n"
    "status = client.get({path!r}).status_code\n"
    "print(status, calls() - before)"
)


def content_cache(redis_url, **params):
    options = {"IGNORE_EXCEPTIONS": True, "SOCKET_TIMEOUT": 0.5}
    return ContentCache(redis_url, {"KEY_PREFIX": "site", "OPTIONS": options, **params})


def test_a_warm_render_asks_redis_nothing(redis_url):
    assert run_django(redis_url, RENDER_PROBE.format(path="/", url=redis_url)) == "200 0"
    # A blog page reads Wagtail's site roots from the "default" alias, once.
    assert run_django(redis_url, RENDER_PROBE.format(path="/blog/", url=redis_url)) == "200 1"


def test_what_one_process_wrote_another_reads_once_then_keeps(redis_url):
    other_process = RedisCache(redis_url, {"KEY_PREFIX": "site"})
    other_process.set("content:7:menu", ["Services", "Blog"])
    cache = content_cache(redis_url)
    assert cache.get("content:7:menu") == ["Services", "Blog"]
    redis.Redis.from_url(redis_url).flushall()
    assert cache.get("content:7:menu") == ["Services", "Blog"]  # from this process's memory
    cache.memo.forget()
    assert cache.get("content:7:menu") is None  # Redis is empty: the memo had answered


def test_each_read_gets_its_own_copy(redis_url):
    cache = content_cache(redis_url)
    cache.set("content:7:crumbs", ["Home"])
    cache.get("content:7:crumbs").append("changed by one request")
    assert cache.get("content:7:crumbs") == ["Home"]


def test_the_memo_keeps_the_recently_read_within_its_bytes(redis_url):
    cache = content_cache(redis_url, MEMO_BYTES=20_000)
    for number in range(50):
        cache.set(f"content:7:fragment:{number}", "x" * 1_000)
        cache.get("content:7:fragment:0")  # read again and again: kept
    assert cache.memo.size <= 20_000
    redis.Redis.from_url(redis_url).flushall()
    assert cache.get("content:7:fragment:0") == "x" * 1_000
    assert cache.get("content:7:fragment:49") == "x" * 1_000
    assert cache.get("content:7:fragment:1") is None  # left the memo first


def test_delete_and_clear_reach_the_memo_and_redis(redis_url):
    cache = content_cache(redis_url)
    cache.set("content:7:a", 1)
    cache.set("content:7:b", 2)
    cache.delete("content:7:a")
    assert cache.get("content:7:a") is None
    cache.clear()
    assert cache.get("content:7:b") is None
    assert redis.Redis.from_url(redis_url).dbsize() == 0
