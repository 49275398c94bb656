"""What the benchmark asks the site itself, in a Django process on the benchmark's database.

    python -m bench.probe pages            the pages to measure, one of each kind (JSON)
    python -m bench.probe queries PATH...  queries of a page's first render ("first": the
                                           parts every page shares built by another page),
                                           with Django's cache empty ("cold") and of the
                                           render after it ("warm")
    python -m bench.probe clear            clear Django's cache (when it is shared)

Run with the same environment as the site's gunicorn (DJANGO_SETTINGS_MODULE, DATABASE_URL).
"""

import json
import sys

NOT_FOUND_PATH = "/bench-no-such-page/"
# The kinds, in the report's order: (key, label).
KINDS = [
    ("home", "Home"),
    ("service", "A service"),
    ("explainer", "An explainer (a \u201cwhat is\u201d page under a service)"),
    ("blog", "The blog index"),
    ("post", "A post"),
    ("category", "A category page"),
    ("contact", "Contact"),
    ("404", "A 404"),
    ("sitemap", "/sitemap.xml"),
]


def _first(queryset):
    page = queryset.live().public().order_by("path").first()
    return page.url if page else None


def _explainer(service_model, page_model):
    """A standard page directly under a service: the "what is X?" explainers."""
    for service in service_model.objects.live().order_by("path"):
        if path := _first(page_model.objects.child_of(service)):
            return path
    return None


def pages():
    """{"pages": [{key, label, path}], "live_pages": N, "shared_cache": bool}."""
    from django.conf import settings
    from wagtail.models import Page

    from blog.models import BlogIndexPage, BlogPage
    from blog.snippets import BlogCategory
    from pages.models import ContactPage, HomePage, StandardPage
    from services.models import ServicePage

    paths = {
        "home": _first(HomePage.objects),
        "service": _first(ServicePage.objects),
        "explainer": _explainer(ServicePage, StandardPage),
        "blog": _first(BlogIndexPage.objects),
        "post": _first(BlogPage.objects),
        "contact": _first(ContactPage.objects),
        "404": NOT_FOUND_PATH,
        "sitemap": "/sitemap.xml",
    }
    blog_index = BlogIndexPage.objects.live().first()
    category = BlogCategory.objects.filter(posts__live=True).order_by("slug").first()
    if blog_index and category:
        paths["category"] = blog_index.url + blog_index.reverse_subpage(
            "category", args=[category.slug]
        )
    backends = {c["BACKEND"] for c in settings.CACHES.values()}
    process_local = {
        "django.core.cache.backends.locmem.LocMemCache",
        "django.core.cache.backends.dummy.DummyCache",
    }
    return {
        "pages": [
            {"key": key, "label": label, "path": paths[key]}
            for key, label in KINDS
            if paths.get(key)
        ],
        "live_pages": Page.objects.live().filter(depth__gt=1).count(),
        "shared_cache": not backends <= process_local,
    }


def queries(paths):
    """{path: {status, first, cold, warm}} (the process itself is warmed by one render of
    every path). "first" is the query budget's case (tests/pages/test_query_budget.py): the
    page was not rendered since content last changed, while the site, settings and menu were
    (by any other page: here the 404); "cold" counts those too, once per change for a site."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    for path in paths:  # first renders in a process also fill per-process state (content types)
        client.get(path)
    results = {}
    for path in paths:
        clear()
        client.get(NOT_FOUND_PATH if path != NOT_FOUND_PATH else "/bench-another-missing-page/")
        with CaptureQueriesContext(connection) as first:
            client.get(path)
        clear()
        with CaptureQueriesContext(connection) as cold:
            response = client.get(path)
        with CaptureQueriesContext(connection) as warm:
            client.get(path)
        results[path] = {
            "status": response.status_code,
            "first": len(first.captured_queries),
            "cold": len(cold.captured_queries),
            "warm": len(warm.captured_queries),
        }
    return results


def clear():
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    return {"cleared": True}


def main(argv):
    import django

    django.setup()
    command, arguments = argv[0], argv[1:]
    if command == "pages":
        result = pages()
    elif command == "queries":
        result = queries(arguments)
    elif command == "clear":
        result = clear()
    else:
        raise SystemExit(f"unknown command {command!r}: use pages, queries or clear")
    sys.stdout.write("BENCH-JSON " + json.dumps(result) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
