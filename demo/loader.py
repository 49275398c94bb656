"""The demo site: Markdown files in site/ (our own writing), loaded through the importer.

Only what front matter cannot carry is done here: the home page and Site the import goes
under, and the site settings from site/_data/site.yaml. Images are drawn into a temporary
folder that the importer reads as its media folder.
"""

import tempfile
from pathlib import Path

import yaml
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from demo.images import draw_demo_images
from importer.run import plan_import, run_import
from pages.models import HomePage, SiteSettings
from services.models import ServicePage

DEMO_SITE = Path(__file__).resolve().parent / "site"


class DemoContentError(RuntimeError):
    pass


def has_site_content():
    return HomePage.objects.exists()


@transaction.atomic
def load_demo_site():
    """Replace Wagtail's placeholder root with the demo home and import the demo tree.

    Returns the import's results; any failure rolls everything back.
    """
    settings = yaml.safe_load((DEMO_SITE / "_data" / "site.yaml").read_text(encoding="utf-8"))
    root = Page.get_first_root_node()
    # Wagtail's "Welcome" placeholder (a plain Page) and its Site make way for the demo.
    for placeholder in root.get_children().exact_type(Page):
        placeholder.delete()
    # The import fills in the home page from index.md.
    home = HomePage(title=settings["site_name"], slug="home")
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.create(
        hostname=settings["hostname"],
        port=80,
        root_page=home,
        is_default_site=True,
        site_name=settings["site_name"],
    )
    SiteSettings.objects.update_or_create(
        site=site,
        defaults={
            "organisation_name": settings["organisation_name"],
            "tagline": settings["tagline"],
            "contact_email": settings["contact_email"],
            "phone": settings.get("phone", ""),
            "postal_address": settings.get("postal_address", ""),
            "booking_url": settings.get("booking_url", ""),
            "social_links": [{"type": "link", "value": link} for link in settings["social_links"]],
        },
    )
    with tempfile.TemporaryDirectory() as media:
        draw_demo_images(media)
        results = run_import(plan_import(DEMO_SITE, media_dir=media))
    failed = [result for result in results if result.status == "failed"]
    if failed:
        details = "; ".join(f"{r.label}: {', '.join(map(str, r.problems))}" for r in failed)
        raise DemoContentError(f"the demo content did not import: {details}")
    _finish_settings(site, settings)
    return results


def _finish_settings(site, settings):
    """What names imported content: the default share image (a picture the pages show) and
    the area the services are offered in."""
    name = settings["default_share_image"].rsplit(".", 1)[0]
    share = get_image_model().objects.filter(file__startswith=f"original_images/{name}").first()
    site_settings = SiteSettings.objects.get(site=site)
    site_settings.default_share_image = share
    site_settings.save()  # makes its share card (seo.images)
    ServicePage.objects.update(area_served=settings["area_served"])
