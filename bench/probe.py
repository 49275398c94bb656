"""What the benchmark asks the site itself, in a Django process on the benchmark's database.

    python -m bench.probe pages            the pages to measure, one of each kind (JSON)
    python -m bench.probe queries PATH SIBLING ...
                                           queries of a page's first render ("first": what
                                           it shares with a page of its kind built by that
                                           sibling), with Django's cache empty ("cold") and
                                           of the render after it ("warm")
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


def _first(queryset, number=0):
    pages = list(queryset.live().public().order_by("path")[: number + 1])
    return pages[number].url if len(pages) > number else None


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

    home = _first(HomePage.objects)
    paths = {
        "home": home,
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
    # A page of the same kind (else its parent), rendered before a page's first render, as
    # tests/pages/test_query_budget.py does: what the kind shares is built once per change.
    siblings = {
        "home": paths["contact"],
        "service": _first(ServicePage.objects, 1) or paths["service"],
        "explainer": paths["service"],
        "blog": paths["contact"],  # another child of home
        "post": _first(BlogPage.objects, 1) or paths["blog"],
        "category": paths["blog"],
        "contact": home,
        "404": "/bench-another-missing-page/",
        "sitemap": home,
    }
    backends = {c["BACKEND"] for c in settings.CACHES.values()}
    process_local = {
        "django.core.cache.backends.locmem.LocMemCache",
        "django.core.cache.backends.dummy.DummyCache",
    }
    return {
        "pages": [
            {"key": key, "label": label, "path": paths[key], "sibling": siblings[key] or home}
            for key, label in KINDS
            if paths.get(key)
        ],
        "live_pages": Page.objects.live().filter(depth__gt=1).count(),
        "shared_cache": not backends <= process_local,
    }


def queries(arguments):
    """{path: {status, first, cold, warm}} (the process itself is warmed by one render of
    every path). "first" is the query budget's case (tests/pages/test_query_budget.py): the
    page was not rendered since content last changed, while what it shares with its kind
    (site, settings, menu, its parent's trail) was, by its sibling; "cold" counts those too,
    built once per change for the whole site."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    siblings = dict(zip(arguments[::2], arguments[1::2], strict=True))
    paths = list(siblings)
    for path in paths:  # first renders in a process also fill per-process state (content types)
        client.get(path)
    results = {}
    for path in paths:
        clear()
        client.get(siblings[path])
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

    from pages import routing

    for cache in caches.all():
        cache.clear()
    routing.forget()  # this process's memo of paths that name no page
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
