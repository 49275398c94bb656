"""A page of post cards whose query is built only when a card is read.

The cards of a listing page are a template fragment kept per content version, and the count
that names the page asked for is kept too (``paginate``): on a warm render nothing reads the
posts, so building their queryset (a third of a millisecond of ORM work) is left until
something does.
"""

from functools import cached_property

from django.core.paginator import Paginator

from front_cache import version


class DeferredPosts:
    """``build()``'s queryset, built on first use; slicing stays deferred (the paginator)."""

    ordered = True  # what Paginator checks; the querysets given here are ordered

    def __init__(self, build):
        self._build = build

    @cached_property
    def queryset(self):
        return self._build()

    def __getitem__(self, key):
        if isinstance(key, slice):
            return DeferredPosts(lambda: self.queryset[key])
        return self.queryset[key]

    def __iter__(self):
        return iter(self.queryset)

    def __len__(self):
        return len(self.queryset)

    def count(self):
        return self.queryset.count()


def paginate(request, build, per_page, *listing):
    """This page of the posts ``build()`` gives. Their count is kept per ``listing`` (which
    names the blog and the category or author) and content version, except in a preview."""
    posts = DeferredPosts(build)
    paginator = Paginator(posts, per_page)
    if not getattr(request, "is_preview", False):
        paginator.count = version.cached("listing-count", posts.count, *listing)
    return paginator.get_page(request.GET.get("page"))
