"""Tests: a throwaway local PostgreSQL (unless DATABASE_URL is set), fast hashing, locmem."""

import os

from site_project import localdb

from .base import *  # noqa: F403

if not os.environ.get("DATABASE_URL"):
    # pytest is a project command: it starts its cluster (children get DATABASE_URL).
    localdb.ensure_running(localdb.default_cluster())

SECRET_KEY = "test-only-secret-key"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
if not os.environ.get("REDIS_URL"):  # tests/front_cache/test_redis.py runs children with it
    CACHES = {
        alias: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": alias}
        for alias in ("default", "content")
    }
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / ".local" / "test-media"))  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
SERVE_MEDIA = True
# Browser tests serve CSS straight from static/ (no collectstatic step).
WHITENOISE_USE_FINDERS = True
