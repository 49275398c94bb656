"""Publishing makes every rendition the page shows: its first visitor waits for none."""

from wagtail.images import get_image_model

from blog.models import BlogIndexPage, BlogPage
from blog.snippets import Author
from pages.models import SiteSettings, StandardPage

Rendition = get_image_model().get_rendition_model()


def figure(image, widths):
    value = {"image": image.pk, "alt_text": "A chart", "decorative": False, "caption": ""}
    return {"type": "figure", "value": {**value, "style": "", "widths": widths}}


def test_a_published_page_has_its_figures_and_share_image_ready(client, home, add_page, make_image):
    chart, share = make_image("Chart", size=(1600, 900)), make_image("Share", fmt="PNG")
    SiteSettings.objects.update(default_share_image=share)
    page = add_page(home, StandardPage, title="Charts", body=[figure(chart, ["400", "800"])])
    plain = add_page(home, StandardPage, title="Words only")
    made = set(Rendition.objects.filter(image=chart).values_list("filter_spec", flat=True))
    widths = {f"width-{w}|format-{f}" for w in (400, 800) for f in ("avif", "webp", "jpeg")}
    assert made == widths | {"fill-1200x630"}  # its first figure is its share card
    assert Rendition.objects.filter(image=share, filter_spec="fill-1200x630").exists()
    before = Rendition.objects.count()
    assert client.get(page.url).status_code == 200
    assert client.get(plain.url).status_code == 200
    assert Rendition.objects.count() == before  # the visits made none


def test_a_published_post_has_its_hero_card_and_author_photo_ready(client, add_page, make_image):
    hero, photo = make_image("Hero", size=(1400, 800)), make_image("Face", size=(300, 300))
    author = Author.objects.create(name="Ada Example", photo=photo)
    post = add_page(
        BlogIndexPage.objects.get(), BlogPage, title="Ready", hero_image=hero, author=author
    )
    specs = set(Rendition.objects.filter(image=hero).values_list("filter_spec", flat=True))
    hero_picture = {
        f"width-{w}|format-{f}" for w in (480, 800, 1200) for f in ("avif", "webp", "jpeg")
    }
    assert specs == hero_picture | {"fill-480x270", "fill-1200x630"}
    assert Rendition.objects.filter(image=photo, filter_spec="fill-96x96").exists()
    before = Rendition.objects.count()
    for url in (post.url, "/blog/", "/", post.author_url):
        assert client.get(url).status_code == 200
    assert Rendition.objects.count() == before
