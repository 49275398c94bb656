"""Site-wide settings editors see under Settings: organisation, footer, social links."""

from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from front_cache import version
from pages.images import optional_image


class SocialLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=40, help_text="e.g. LinkedIn")
    url = blocks.URLBlock(label="URL")

    class Meta:
        icon = "link-external"


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    organisation_name = models.CharField(
        max_length=100, default="Northway Leadership", help_text="Shown in the header and footer."
    )
    tagline = models.CharField(
        max_length=160, blank=True, help_text="A short line under the name in the footer."
    )
    contact_email = models.EmailField(
        blank=True, help_text="Shown in the footer; contact form submissions go here."
    )
    phone = models.CharField(
        max_length=40, blank=True, help_text="Shown beside the contact form, e.g. +44 20 7946 0000."
    )
    postal_address = models.TextField(
        blank=True, help_text="Shown beside the contact form; one line per line of the address."
    )
    booking_url = models.URLField(
        blank=True, help_text="A page where visitors book a call (e.g. a scheduling tool)."
    )
    logo = optional_image("The organisation's logo, for search engines' structured data.")
    social_links = StreamField(
        [("link", SocialLinkBlock())], blank=True, help_text="Links shown in the footer."
    )
    default_share_image = optional_image("Used when a shared page has no image of its own.")

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("tagline"),
                FieldPanel("logo"),
            ],
            heading="Organisation",
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("phone"),
                FieldPanel("postal_address"),
                FieldPanel("booking_url"),
            ],
            heading="Contact details",
        ),
        FieldPanel("social_links"),
        FieldPanel("default_share_image"),
    ]

    class Meta:
        verbose_name = "site settings"

    @classmethod
    def for_site(cls, site):
        """Every page's footer reads these: kept under the content version, which a save
        bumps."""
        if site is None:
            return super().for_site(site)
        return version.cached(
            "site-settings", lambda: super(SiteSettings, cls).for_site(site), site.pk
        )
