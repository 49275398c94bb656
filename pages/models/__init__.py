from pages.models.base import BasePage
from pages.models.contact import ContactFormField, ContactPage
from pages.models.pages import HomePage, StandardPage
from pages.models.site_settings import SiteSettings

__all__ = [
    "BasePage",
    "ContactFormField",
    "ContactPage",
    "HomePage",
    "SiteSettings",
    "StandardPage",
]
