"""Production: refuses to start without its environment; whitenoise serves static files."""

import os

from django.core.exceptions import ImproperlyConfigured

# Checked before base is imported, so production never starts a local database.
for name in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"):
    if not os.environ.get(name):
        raise ImproperlyConfigured(f"{name} must be set in the environment for production.")

from .base import *  # noqa: E402, F403

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
# Load balancers and the outage test probe /healthz over plain HTTP: answer, don't redirect.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# HSTS for a year on this host and its subdomains; preload (the browsers' built-in list, hard
# to leave) only once SECURE_HSTS_PRELOAD=true is chosen (docs/security-headers.md).
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = (
    os.environ.get("SECURE_HSTS_INCLUDE_SUBDOMAINS", "true").lower() == "true"
)
SECURE_HSTS_PRELOAD = os.environ.get("SECURE_HSTS_PRELOAD", "false").lower() == "true"
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
# Absolute URLs (canonical, og:image, sitemap, feeds, robots, JSON-LD) come from the default
# Wagtail Site, not from settings: run `manage.py set_site_url` (it reads SITE_URL, e.g.
# https://www.example.com) after `migrate` on each deploy (docs/seo.md).
# Optional: REDIS_URL, MEDIA_S3_*, DATABASE_POOL_MODE, FRONT_CACHE_URLS and CDN purges for a
# shared deployment of N instances (settings/deployment.py, docs/deployment.md).
