"""Settings shared by every environment; safe for production by default.

dev, test and production override what they must. Secrets and hosts come from the
environment; the database from DATABASE_URL (see ``database_url``).
"""

import os
from email.utils import parseaddr
from pathlib import Path

import dj_database_url

from site_project import localdb

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "pages",
    "services",
    "blog",
    "importer",
    "demo",
    "front_cache",
    "seo",
    "throttling",
    "media_store",
    "markdown_editor",
    "wagtailmarkdown",
    "wagtail.contrib.forms",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.sites",
    "redirects",  # django-redirects: its Redirect model (its middleware and admin are not used)
    "site_redirects",
    "axes",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "site_project.security_headers.SecurityHeadersMiddleware",
    "site_project.bad_requests.BadRequestMiddleware",
    # Compression when Django is reached without the front; then ETags and 304s.
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "front_cache.middleware.ClientAddressMiddleware",
    "pages.middleware.CachedSiteMiddleware",
    # Above sessions and CSRF: it must see the cookies they set.
    "front_cache.middleware.CachePolicyMiddleware",
    # Redirect rules answer before sessions and the page tree; they never shadow a live page.
    "site_redirects.middleware.RedirectMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a lockout into its answer.
    "axes.middleware.AxesMiddleware",
]

# django-redirects' rules name a django.contrib.sites Site; requests map to one by host (see
# site_redirects.sites). SITE_ID is only the fallback for Django's sitemap view.
SITE_ID = 1

ROOT_URLCONF = "site_project.urls"
WSGI_APPLICATION = "site_project.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "front_cache.context_processors.content_version",
            ],
        },
    },
]


def database_url():
    """DATABASE_URL when set, else the project-local cluster of ``LOCAL_DB_DIR``.

    Only the URL: the settings never start a database (a gunicorn worker recycled during an
    outage would race the operator's restart). manage.py and the make targets start it.
    """
    return os.environ.get("DATABASE_URL") or localdb.url_for(localdb.default_cluster())


DATABASES = {
    "default": dj_database_url.parse(database_url(), conn_max_age=60, conn_health_checks=True)
}
# A database that does not answer fails the request fast (the 503 page), not after minutes.
DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = int(
    os.environ.get("DATABASE_CONNECT_TIMEOUT", "3")
)
# While the database is unreachable every page is the 503 page with this Retry-After.
DATABASE_RETRY_AFTER_SECONDS = int(os.environ.get("DATABASE_RETRY_AFTER_SECONDS", "30"))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
SERVE_MEDIA = os.environ.get("SERVE_MEDIA", "false").lower() == "true"
STORAGES = {  # media in S3-compatible storage when MEDIA_S3_BUCKET is set: deployment.py
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "website@localhost")
# Who hears of errors: ADMINS ("Name <address>" or bare addresses, comma separated) get
# Django's error emails from SERVER_EMAIL; with SENTRY_DSN set, errors go to Sentry too.
ADMINS = [parseaddr(a) for a in os.environ.get("ADMINS", "").split(",") if a.strip()]
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

WAGTAIL_SITE_NAME = "Fractional leadership"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_FORMAT_CONVERSIONS = {}
# Upload limits, which Wagtail's forms show as errors: an 81-megapixel picture would make
# listings and renditions slow (Wagtail's default allows 128); documents have no default.
MEGABYTE = 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = int(os.environ.get("IMAGE_MAX_UPLOAD_MB", "10")) * MEGABYTE
WAGTAILIMAGES_MAX_IMAGE_PIXELS = int(os.environ.get("IMAGE_MAX_MEGAPIXELS", "40")) * 1_000_000
WAGTAILDOCS_MAX_UPLOAD_SIZE = int(os.environ.get("DOCUMENT_MAX_UPLOAD_MB", "20")) * MEGABYTE
# Uploads are refused with a form error while the media store does not answer (media_store).
WAGTAILIMAGES_IMAGE_FORM_BASE = "media_store.forms.ImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "media_store.forms.DocumentForm"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {"WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea"}
}

# Pages per sitemap file; past it /sitemap.xml is an index of ?p=1, ?p=2, … (pages.sitemap).
SITEMAP_PAGE_SIZE = int(os.environ.get("SITEMAP_PAGE_SIZE", "1000"))
# The front cache (front_cache/, docs/front-cache.md): how long shared caches keep pages, and
# which front may name the client's address. Where purges go: settings/deployment.py.
FRONT_CACHE_SECONDS = int(os.environ.get("FRONT_CACHE_SECONDS", "3600"))
FRONT_CACHE_NOT_FOUND_SECONDS = int(os.environ.get("FRONT_CACHE_NOT_FOUND_SECONDS", "60"))
FRONT_CACHE_STALE_SECONDS = int(os.environ.get("FRONT_CACHE_STALE_SECONDS", "60"))
FRONT_CACHE_TRUSTED_IPS = ["127.0.0.1", "::1"] + [
    ip for ip in os.environ.get("FRONT_CACHE_TRUSTED_IPS", "").split(",") if ip
]
# Saving one of these purges the whole site (they show on many pages) and bumps the content
# version (front_cache.version).
FRONT_CACHE_CONTENT_MODELS = [
    "pages.SiteSettings",
    "blog.Author",
    "blog.BlogCategory",
    "wagtailcore.Site",
    "wagtailcore.PageViewRestriction",
    # A replaced file or a new focal point changes the picture pages and share cards show
    # (their renditions are remade; the old files go).
    "wagtailimages.Image",
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
        "one_outage_email": {"()": "site_project.error_reporting.OneOutageEmail"},
        "once_a_minute": {"()": "site_project.error_reporting.OncePerInterval"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "mail_admins": {
            "level": "ERROR",
            "filters": ["require_debug_false", "one_outage_email"],
            "class": "django.utils.log.AdminEmailHandler",
        },
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        "django": {"handlers": ["mail_admins"], "level": "INFO"},
        # The shared cache's errors (settings/deployment.py): pages render without it.
        "site_project.cache": {"filters": ["once_a_minute"]},
        **{
            app: {"level": os.environ.get("APP_LOG_LEVEL", "INFO")}
            for app in (
                "pages",
                "services",
                "blog",
                "site_redirects",
                "importer",
                "demo",
                "front_cache",
                "seo",
            )
        },
    },
}
if os.environ.get("SENTRY_DSN"):
    from site_project.error_reporting import start_sentry

    start_sentry(
        os.environ["SENTRY_DSN"],
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0")),
    )

# What N instances share (the cache, media storage, the database pooler, purge targets);
# security headers and the content policy; login lockouts and rate limits.
from .deployment import *  # noqa: E402, F403
from .headers import *  # noqa: E402, F403
from .throttling import *  # noqa: E402, F403
