"""Every rendition a page shows is made when it is published, not in a visitor's request.

(A figure in AVIF took 0.4 s of the first visitor's time.) Page types list what they show
in ``renditions_shown``; Wagtail's ``get_renditions`` makes the missing ones in one go.
"""

from wagtail.signals import page_published

from pages.models import BasePage, SiteSettings


def make_renditions(page):
    page = page.specific
    if not isinstance(page, BasePage):
        return
    site = page.get_site()
    settings = SiteSettings.for_site(site) if site else None
    for image, specs in page.renditions_shown(settings):
        image.get_renditions(*specs)


def _published(instance, **kwargs):
    make_renditions(instance)


def connect():
    page_published.connect(_published, dispatch_uid="pages_make_renditions")
