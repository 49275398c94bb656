"""The production settings of a shared deployment come from the environment alone
(settings/deployment.py, docs/deployment.md): read in a fresh process, as an instance would."""

import json
import os
import subprocess
import sys

from tests.serving import PROJECT

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "site_project.settings.production",
    "SECRET_KEY": "deployment-settings-test",
    "ALLOWED_HOSTS": "www.example.com",
    "DATABASE_URL": "postgres://site@pgbouncer.internal:6432/site",
}
READ = """
import json
import django
from django.conf import settings
django.setup()
from django.core.files.storage import storages
media = storages['default']
print(json.dumps({
    "cache": settings.CACHES["default"],
    "content_cache": settings.CACHES["content"],
    "storage": type(media).__name__,
    "bucket": getattr(media, "bucket_name", None),
    "endpoint": getattr(media, "endpoint_url", None),
    "media_url": settings.MEDIA_URL,
    "url": media.url("original_images/a b.png"),
    "cursors": settings.DATABASES["default"].get("DISABLE_SERVER_SIDE_CURSORS", False),
    "purges": {k: v["BACKEND"] for k, v in settings.WAGTAILFRONTENDCACHE.items()},
    "docs": settings.WAGTAILDOCS_SERVE_METHOD if hasattr(settings, "WAGTAILDOCS_SERVE_METHOD")
            else None,
}))
"""


def read_settings(**env):
    clean = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    result = subprocess.run(
        [sys.executable, "-c", READ],
        cwd=PROJECT,
        env={**clean, **PRODUCTION, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_one_instance_needs_none_of_the_shared_parts():
    values = read_settings()
    assert values["cache"]["BACKEND"].endswith("LocMemCache")
    assert values["content_cache"]["BACKEND"].endswith("LocMemCache")
    assert values["storage"] == "FileSystemStorage"
    assert values["cursors"] is False
    assert values["purges"] == {}


def test_n_instances_share_redis_a_bucket_a_pooler_and_every_front():
    values = read_settings(
        REDIS_URL="redis://cache.internal:6379/0",
        MEDIA_S3_BUCKET="site-media",
        MEDIA_S3_ENDPOINT_URL="http://s3.internal:8333",
        MEDIA_S3_ACCESS_KEY_ID="key",
        MEDIA_S3_SECRET_ACCESS_KEY="secret",
        MEDIA_URL="https://media.example.com/",
        DATABASE_POOL_MODE="transaction",
        FRONT_CACHE_URLS="http://10.0.0.1:8000,http://10.0.0.2:8000",
        CLOUDFLARE_ZONE_ID="zone",
        CLOUDFLARE_API_TOKEN="token",
    )
    cache = values["cache"]
    assert cache["BACKEND"] == "django_redis.cache.RedisCache"
    assert cache["LOCATION"] == "redis://cache.internal:6379/0"
    # A Redis outage is logged, not shown, and costs a request a bounded time.
    assert cache["OPTIONS"]["IGNORE_EXCEPTIONS"] is True
    assert cache["OPTIONS"]["SOCKET_TIMEOUT"] <= 1
    # Entries under the content version: the same Redis, each process keeping what it read.
    content = values["content_cache"]
    assert content["BACKEND"] == "front_cache.content_cache.ContentCache"
    assert content["LOCATION"] == cache["LOCATION"]
    assert content["OPTIONS"] == cache["OPTIONS"]
    assert content["MEMO_BYTES"] == 32 * 1024 * 1024
    assert values["storage"] == "MediaStorage"
    assert values["bucket"] == "site-media"
    assert values["endpoint"] == "http://s3.internal:8333"
    # Stable, unsigned public URLs under MEDIA_URL (the front or a CDN), the same everywhere.
    assert values["url"] == "https://media.example.com/original_images/a%20b.png"
    assert values["docs"] == "serve_view"  # documents keep their privacy check
    assert values["cursors"] is True  # pgbouncer in transaction mode
    assert values["purges"] == {
        "front-1": "front_cache.backends.NginxPurgeBackend",
        "front-2": "front_cache.backends.NginxPurgeBackend",
        "cloudflare": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
    }
