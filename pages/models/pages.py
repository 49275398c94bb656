"""The home page and the standard page (generic pages and "what is X?" explainers)."""

from wagtail.models import Page, get_page_models

from pages.home_sections import home_sections
from pages.models.base import BasePage


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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["home_sections"] = home_sections(self)
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
