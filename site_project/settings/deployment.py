"""What every instance of a shared deployment must agree on, all from the environment.

One instance on one machine needs none of it. N instances (docs/deployment.md) share:

- the cache: ``REDIS_URL`` (django-redis). A Redis outage is logged, never shown: every cache
  read misses and every write is dropped, so pages render from the database, slower;
- media: ``MEDIA_S3_BUCKET`` with ``MEDIA_S3_ENDPOINT_URL`` (any S3-compatible store),
  ``MEDIA_S3_ACCESS_KEY_ID`` / ``MEDIA_S3_SECRET_ACCESS_KEY`` and ``MEDIA_URL`` (the public
  address of the bucket: the front's /media/ or a CDN). Renditions are stored there too;
- the database, perhaps through a pooler: ``DATABASE_POOL_MODE=transaction`` for pgbouncer in
  transaction mode (a transaction may land on another server connection, so no server-side
  cursors; Django already binds parameters client-side, so no prepared statements either);
- purge targets: ``FRONT_CACHE_URLS`` (our nginx fronts), plus a CDN by its own variables.
"""

import os

# The cache ---------------------------------------------------------------------------------
# Two aliases: "content" holds only entries keyed by the content version (front_cache.version),
# which never change once written; "default" holds the rest (Wagtail's site roots, rate limits).
if os.environ.get("REDIS_URL"):
    _redis = {
        "LOCATION": os.environ["REDIS_URL"],
        "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "site"),
        "OPTIONS": {
            # A Redis that is down or stalled costs a request at most these seconds.
            "SOCKET_CONNECT_TIMEOUT": float(os.environ.get("REDIS_CONNECT_TIMEOUT", "0.25")),
            "SOCKET_TIMEOUT": float(os.environ.get("REDIS_TIMEOUT", "0.5")),
            "IGNORE_EXCEPTIONS": True,
        },
    }
    CACHES = {
        "default": {"BACKEND": "django_redis.cache.RedisCache", **_redis},
        # Shared in Redis, and what a process has read is kept in its memory (within
        # CONTENT_MEMO_MB) so a warm render makes no round trip to Redis.
        "content": {
            "BACKEND": "front_cache.content_cache.ContentCache",
            "MEMO_BYTES": int(float(os.environ.get("CONTENT_MEMO_MB", "32")) * 1024 * 1024),
            **_redis,
        },
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    DJANGO_REDIS_LOGGER = "site_project.cache"
else:
    # This process's memory. The content version for every page's breadcrumbs must fit.
    CACHES = {
        alias: {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": alias,
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
        for alias in ("default", "content")
    }

# Media -------------------------------------------------------------------------------------
if os.environ.get("MEDIA_S3_BUCKET"):
    from botocore.config import Config

    from .base import MEDIA_URL, STORAGES

    MEDIA_URL = os.environ.get("MEDIA_URL", MEDIA_URL)
    STORAGES["default"] = {
        "BACKEND": "media_store.storage.MediaStorage",
        "OPTIONS": {
            "bucket_name": os.environ["MEDIA_S3_BUCKET"],
            "endpoint_url": os.environ.get("MEDIA_S3_ENDPOINT_URL") or None,
            "access_key": os.environ.get("MEDIA_S3_ACCESS_KEY_ID"),
            "secret_key": os.environ.get("MEDIA_S3_SECRET_ACCESS_KEY"),
            "region_name": os.environ.get("MEDIA_S3_REGION", "us-east-1"),
            # Public, stable URLs: the bucket is read through the front or a CDN.
            "querystring_auth": False,
            "file_overwrite": False,
            # A store that does not answer fails an upload in seconds, with a form error.
            "client_config": Config(
                connect_timeout=2, read_timeout=10, retries={"max_attempts": 2}
            ),
        },
    }
    # Documents are read through Django (which checks their privacy), never from the bucket.
    WAGTAILDOCS_SERVE_METHOD = "serve_view"

# The database pooler -----------------------------------------------------------------------
if os.environ.get("DATABASE_POOL_MODE") == "transaction":
    from .base import DATABASES

    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True

# Purge targets -----------------------------------------------------------------------------
FRONT_CACHE_URLS = [u for u in os.environ.get("FRONT_CACHE_URLS", "").split(",") if u]
WAGTAILFRONTENDCACHE = {
    f"front-{number}": {"BACKEND": "front_cache.backends.NginxPurgeBackend", "LOCATION": url}
    for number, url in enumerate(FRONT_CACHE_URLS, 1)
}
# A CDN in front of the fronts, by configuration alone (wagtail.contrib.frontend_cache).
if os.environ.get("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"],
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_API_TOKEN", ""),
    }
if os.environ.get("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["CLOUDFRONT_DISTRIBUTION_ID"],
    }
