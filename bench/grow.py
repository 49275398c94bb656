"""Grow the benchmark's throwaway site to a number of live pages, the way editors would.

    python -m bench.grow TOTAL

New pages are copies of the demo's own (Wagtail's copy: a revision each, published, the
publish signals sent): seven in ten are posts under the blog index, the rest standard pages
in sections of at most ``SECTION_SIZE`` under one "library" page that is kept out of menus.
Only for the benchmark's own database: it refuses a database that is not the benchmark's
(see ``bench.run``), and it prints how long it took.
"""

import json
import sys
import time

SECTION_SIZE = 250
POST_SHARE = 0.7
BATCH = 100


def _library(home, template):
    """The hidden parent of the generated standard pages (made once)."""
    from pages.models import StandardPage

    library = StandardPage.objects.child_of(home).filter(slug="bench-library").first()
    if library is None:
        library = template.copy(
            to=home,
            update_attrs={"title": "Library", "slug": "bench-library", "show_in_menus": False},
            copy_revisions=False,
            log_action=None,
        )
    return library


def _section(library, number, template):
    from pages.models import StandardPage

    slug = f"section-{number}"
    section = StandardPage.objects.child_of(library).filter(slug=slug).first()
    if section is None:
        section = template.copy(
            to=library,
            update_attrs={"title": f"Section {number}", "slug": slug, "show_in_menus": False},
            copy_revisions=False,
            log_action=None,
        )
    return section


def grow(total):
    """Add pages until ``total`` live pages exist (the root excluded); return what was done."""
    from django.db import transaction
    from wagtail.models import Page

    from blog.models import BlogIndexPage, BlogPage
    from pages.models import HomePage, StandardPage
    from services.models import ServicePage

    live = Page.objects.live().filter(depth__gt=1)
    start, began = live.count(), time.monotonic()
    missing = total - start
    if missing <= 0:
        return {"added": 0, "live_pages": start, "seconds": 0.0}
    home = HomePage.objects.get()
    blog = BlogIndexPage.objects.live().get()
    post = BlogPage.objects.live().child_of(blog).order_by("path").first()
    service = ServicePage.objects.live().order_by("path").first()
    page = StandardPage.objects.live().child_of(service).first() or StandardPage.objects.first()
    library = _library(home, page)
    posts = int(missing * POST_SHARE)
    made = live.count() - start  # the library itself may be new
    number = Page.objects.count()
    while made < missing:
        with transaction.atomic():
            for _ in range(BATCH):
                number += 1
                if made < posts:
                    template, parent = post, blog
                else:
                    index = (made - posts) // SECTION_SIZE
                    template, parent = page, _section(library, index + 1, page)
                    made = live.count() - start  # a new section is a page too
                    if made >= missing:
                        break
                template.copy(
                    to=parent,
                    update_attrs={
                        "title": f"{template.title} ({number})",
                        "slug": f"{template.slug}-{number}",
                    },
                    copy_revisions=False,
                    log_action=None,
                )
                made = live.count() - start
                if made >= missing:
                    break
        print(f"  {start + made} live pages, {time.monotonic() - began:.0f}s", file=sys.stderr)
    return {
        "added": made,
        "live_pages": live.count(),
        "seconds": round(time.monotonic() - began, 1),
    }


def main(argv):
    import django

    django.setup()
    result = grow(int(argv[0]))
    sys.stdout.write("BENCH-JSON " + json.dumps(result) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
