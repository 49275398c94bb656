"""A services section (e.g. "Services") and its service pages."""

from django.db import models
from wagtail.admin.panels import FieldPanel

from pages.models import BasePage
from pages.restrictions import public


class ServiceIndexPage(BasePage):
    """A top-level section that lists its services."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["services.ServicePage", "pages.StandardPage"]
    template = "services/service_index_page.html"

    class Meta:
        verbose_name = "service index page"


class ServicePage(BasePage):
    summary = models.TextField(
        blank=True, max_length=300, help_text="One or two sentences for service listings."
    )
    area_served = models.CharField(
        max_length=100,
        blank=True,
        help_text="Where the service is offered, for search engines, e.g. United Kingdom.",
    )
    promoted = models.BooleanField(
        default=False, help_text="List this service among the promoted services on the home page."
    )

    parent_page_types = ["services.ServiceIndexPage"]
    subpage_types = ["pages.StandardPage"]
    template = "services/service_page.html"

    content_panels = [
        *BasePage.content_panels[:1],
        FieldPanel("summary"),
        FieldPanel("area_served"),
        *BasePage.content_panels[1:],
    ]
    promote_panels = [*BasePage.promote_panels, FieldPanel("promoted")]

    class Meta:
        verbose_name = "service page"


def promoted_services(home):
    """The live services marked "promoted" under ``home``, in tree order (the home page lists
    them)."""
    return (
        public(ServicePage.objects.live())
        .descendant_of(home)
        .filter(promoted=True)
        .order_by("path")
    )
