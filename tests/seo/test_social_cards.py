"""A social card on every page type: og:image (the page's picture, else the default share
image), its size, og:type and the Twitter card."""

import pytest
from django.test import RequestFactory
from wagtail.images import get_image_model

from blog.models import BlogPage
from pages.models import SiteSettings, StandardPage
from tests.seo.helpers import PAGE_KINDS, meta

Rendition = get_image_model().get_rendition_model()
OG_TYPES = {"post": "article", "author": "profile"}


@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_every_page_type_has_a_large_card(client, kind):
    html = client.get(PAGE_KINDS[kind]).content.decode()
    assert meta(html, "og:type") == OG_TYPES.get(kind, "website")
    assert meta(html, "og:image").startswith("http://localhost/media/images/")
    assert meta(html, "og:image").endswith((".fill-1200x630.jpg", ".fill-1200x630.png"))
    assert (meta(html, "og:image:width"), meta(html, "og:image:height")) == ("1200", "630")
    assert meta(html, "twitter:card") == "summary_large_image"
    assert meta(html, "og:title") and meta(html, "og:site_name") == "Northway Leadership"


def test_a_post_shows_its_hero_a_page_its_first_figure_others_the_default(client):
    card = {
        kind: meta(client.get(url).content.decode(), "og:image") for kind, url in PAGE_KINDS.items()
    }
    assert "/outgrown-first-architecture." in card["post"]
    assert "/workshop." in card["service"]  # its first figure
    default = SiteSettings.objects.get().default_share_image.get_rendition("fill-1200x630")
    assert card["standard page"] == f"http://localhost{default.url}"
    assert card["category"] == card["author"] == card["standard page"]


def test_without_any_picture_the_card_is_a_summary(client, home, add_page):
    SiteSettings.objects.update(default_share_image=None)
    page = add_page(home, StandardPage, title="No pictures here")
    html = client.get(page.url).content.decode()
    assert meta(html, "og:image") is None and meta(html, "twitter:card") == "summary"


def test_a_new_default_share_image_has_its_card_made_when_saved(client, site, make_image):
    image = make_image("New default", size=(2000, 1500))
    settings = SiteSettings.for_site(site)
    settings.default_share_image = image
    settings.save()
    assert Rendition.objects.filter(image=image, filter_spec="fill-1200x630").exists()
    before = Rendition.objects.count()
    html = client.get("/about/").content.decode()
    card = Rendition.objects.get(image=image, filter_spec="fill-1200x630")
    assert meta(html, "og:image") == f"http://localhost{card.url}"
    assert Rendition.objects.count() == before  # no visitor waited for it


def test_a_new_focal_point_on_the_default_image_shows_in_the_card_at_once(client):
    before = meta(client.get("/about/").content.decode(), "og:image")
    image = SiteSettings.objects.get().default_share_image
    image.set_focal_point(None)
    image.focal_point_x, image.focal_point_y = 100, 100
    image.focal_point_width = image.focal_point_height = 50
    image.save()  # an image is content: saving it starts a new content version
    after = meta(client.get("/about/").content.decode(), "og:image")
    assert after != before and after.endswith(".fill-1200x630.jpg")


def test_a_new_hero_shows_in_the_card_once_published_and_in_a_preview_before(
    client, make_image, site_admin
):
    """The page's own card is kept per content version, never for a preview (a draft)."""
    post = BlogPage.objects.get(slug="outgrown-first-architecture")
    live = meta(client.get(post.url).content.decode(), "og:image")  # the live card, now kept
    post.hero_image = hero = make_image("New hero", size=(1600, 1000))
    request = RequestFactory().get(f"/admin/pages/{post.pk}/edit/preview/")
    request.user = site_admin
    preview = meta(post.make_preview_request(request).render().content.decode(), "og:image")
    card = f"http://localhost{hero.get_rendition('fill-1200x630').url}"
    assert preview == card != live
    assert meta(client.get(post.url).content.decode(), "og:image") == live  # not yet published
    post.save_revision().publish()
    assert meta(client.get(post.url).content.decode(), "og:image") == card
