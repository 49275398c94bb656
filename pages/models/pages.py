"""The home page and the standard page (generic pages and "what is X?" explainers)."""

from django.apps import apps

from pages.models.base import BasePage


class HomePage(BasePage):
    """The root of the site: jumbotron, intro, promoted services and the latest posts."""

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "pages.StandardPage",
        "pages.ContactPage",
        "services.ServiceIndexPage",
        "blog.BlogIndexPage",
    ]
    template = "pages/home_page.html"
    latest_posts_count = 3

    class Meta:
        verbose_name = "home page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # By model name: services and blog depend on pages, not the other way round.
        service_page = apps.get_model("services", "ServicePage")
        blog_page = apps.get_model("blog", "BlogPage")
        context["promoted_services"] = (
            service_page.objects.live()
            .public()
            .descendant_of(self)
            .filter(promoted=True)
            .order_by("path")
        )
        context["latest_posts"] = (
            blog_page.objects.live()
            .public()
            .descendant_of(self)
            .select_related("author", "hero_image")
            .prefetch_related("categories")
            .order_by("-published_on", "-first_published_at")[: self.latest_posts_count]
        )
        return context


class StandardPage(BasePage):
    """A generic page, or a "what is X?" explainer beneath a service."""

    parent_page_types = [
        "pages.HomePage",
        "pages.StandardPage",
        "services.ServiceIndexPage",
        "services.ServicePage",
    ]
    subpage_types = ["pages.StandardPage"]
    template = "pages/standard_page.html"

    class Meta:
        verbose_name = "standard page"
