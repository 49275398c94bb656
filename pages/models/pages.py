"""The home page and the standard page (generic pages and "what is X?" explainers)."""

from functools import partial

from django.db.models import Max
from django.http import Http404
from wagtail.models import Page, get_page_models

from front_cache import version
from pages import routing
from pages.home_sections import home_sections
from pages.models.base import BasePage


def _tree_depth():
    return Page.objects.aggregate(depth=Max("depth"))["depth"] or 0


def page_types_below_root():
    """Every page type but Wagtail's bare Page, which is only the tree's invisible root."""
    return [model for model in get_page_models() if model is not Page]


class HomePage(BasePage):
    """The root of the site: jumbotron, intro, and the sections other apps list on it
    (promoted services, latest posts: see pages.home_sections)."""

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    template = "pages/home_page.html"

    class Meta:
        verbose_name = "home page"

    @classmethod
    def clean_subpage_models(cls):
        """Every page type that names home as a parent (standard and contact pages here, the
        services and blog sections in their own apps): this app need not name them."""
        return page_types_below_root()

    def route(self, request, path_components):
        """The deepest page on the path in one query (Wagtail's walk costs two per level),
        loaded as its type serves it; that page routes the rest (a routable page's
        sub-paths, or a 404). For a visitor who is not signed in, which page a path leads to
        and that page as served are kept under the content version (pages.routing)."""
        if not path_components:
            return super().route(request, path_components)
        # No page lies deeper than the tree does: a path of 25,000 segments costs no more.
        deepest_level = version.cached("tree-depth", _tree_depth) - self.depth
        prefixes, prefix = [], self.url_path
        for part in path_components[:deepest_level]:
            prefix += f"{part}/"
            prefixes.append(prefix)
        page = routing.deepest_page(self, prefixes, cached=routing.may_cache(request))
        if page is None:
            raise Http404
        return page.route(request, path_components[page.depth - self.depth :])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Called by the template only when its cached fragment is missing (home_page.html).
        context["home_sections"] = partial(home_sections, self)
        return context


class StandardPage(BasePage):
    """A generic page, or a "what is X?" explainer beneath a service."""

    subpage_types = ["pages.StandardPage"]
    template = "pages/standard_page.html"

    class Meta:
        verbose_name = "standard page"

    @classmethod
    def clean_parent_page_models(cls):
        """Any page type whose subpage_types take a standard page (home, its own kind, the
        services section's pages), so this app need not name the apps built on it; never the
        tree root, where no site would show it."""
        return page_types_below_root()
