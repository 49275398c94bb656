"""Every page type renders every block: jumbotron, Markdown, figure and call to action."""

import io

import pytest
from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image as PILImage
from wagtail import blocks as wagtail_blocks
from wagtail.images import get_image_model

from blog.models import BlogIndexPage, BlogPage
from pages.blocks import CallToActionBlock, FigureBlock, LinkBlock, responsive_picture
from pages.models import ContactPage, HomePage, StandardPage
from services.models import ServiceIndexPage, ServicePage


def all_blocks(image, target_page):
    jumbotron = [
        {
            "type": "jumbotron",
            "value": {
                "text": "A hero sentence.{.bold}",
                "buttons": [
                    {"label": "Read how", "link": {"anchor": "how-it-works"}, "style": "primary"},
                    {"label": "Our page", "link": {"page": target_page.pk}, "style": "secondary"},
                    {
                        "label": "Elsewhere",
                        "link": {"link_url": "https://example.org/x"},
                        "style": "forward",
                    },
                ],
            },
        }
    ]
    body = [
        {"type": "markdown", "value": "## How it works\n\nPlain words.{.larger}"},
        {
            "type": "figure",
            "value": {
                "image": image.pk,
                "alt_text": "A navy rectangle",
                "decorative": False,
                "caption": "Our colour",
                "style": "rounded",
                "widths": ["200", "500"],
            },
        },
        {"type": "markdown", "value": "More text."},
        {
            "type": "figure",
            "value": {
                "image": image.pk,
                "alt_text": "",
                "decorative": True,
                "caption": "",
                "style": "",
                "widths": ["350"],
            },
        },
        {
            "type": "call_to_action",
            "value": {
                "label": "Talk to us",
                "link": {"link_url": "/contact/"},
                "style": "forward",
            },
        },
    ]
    return {"jumbotron": jumbotron, "body": body}


def parent_for(page_class, home):
    return {
        HomePage: None,
        StandardPage: home,
        ServiceIndexPage: home,
        ServicePage: ServiceIndexPage.objects.get(),
        BlogIndexPage: None,
        BlogPage: BlogIndexPage.objects.get(),
        ContactPage: None,
    }[page_class]


@pytest.mark.parametrize(
    "page_class",
    [HomePage, StandardPage, ServiceIndexPage, ServicePage, BlogIndexPage, BlogPage, ContactPage],
)
def test_every_page_type_renders_every_block(client, home, make_image, add_page, page_class):
    image = make_image(size=(800, 480))
    about = StandardPage.objects.get(slug="about")
    parent = parent_for(page_class, home)
    if parent is None:  # one-per-site types: fill in the existing page
        page = page_class.objects.get()
        for field, value in all_blocks(image, about).items():
            setattr(page, field, value)
        page.save_revision().publish()
    else:
        page = add_page(parent, page_class, title="Every block", **all_blocks(image, about))

    html = client.get(page.url).content.decode()

    assert html.count("<h1") == 1
    # Jumbotron: Markdown with its class, and three buttons resolving page / URL / anchor.
    assert '<p class="bold">A hero sentence.</p>' in html
    assert 'class="button button--primary" href="#how-it-works"' in html
    assert f'class="button button--secondary" href="{about.url}"' in html
    assert 'class="button button--forward" href="https://example.org/x"' in html
    # Markdown with heading id and class.
    assert '<h2 id="how-it-works">How it works</h2>' in html
    assert '<p class="larger">Plain words.</p>' in html
    # Figure: picture with AVIF and WebP sources, fallback with explicit size.
    assert '<figure class="figure figure--rounded">' in html
    assert 'type="image/avif"' in html and 'type="image/webp"' in html
    assert 'alt="A navy rectangle"' in html and "<figcaption>Our colour</figcaption>" in html
    assert 'width="500" height="300"' in html
    assert 'width="350" height="210"' in html and 'alt=""' in html
    # The first body figure is not the first block, so every figure here loads lazily.
    assert html.count('loading="lazy"') >= 2
    # Call to action.
    assert '<a class="button button--forward" href="/contact/">Talk to us</a>' in html


def test_a_figure_as_first_block_loads_eagerly(client, home, make_image, add_page):
    image = make_image()
    page = add_page(
        home,
        StandardPage,
        title="Eager",
        body=[
            {
                "type": "figure",
                "value": {
                    "image": image.pk,
                    "alt_text": "x",
                    "decorative": False,
                    "caption": "",
                    "style": "",
                    "widths": ["200"],
                },
            }
        ],
    )
    html = client.get(page.url).content.decode()
    assert 'alt="x" decoding="async"' in html and 'alt="x" loading="lazy"' not in html


def test_figure_renditions_exist_in_avif_webp_and_jpeg(make_image):
    image = make_image(size=(900, 600))
    value = FigureBlock().to_python(
        {
            "image": image.pk,
            "alt_text": "x",
            "decorative": False,
            "caption": "",
            "style": "",
            "widths": ["200", "800", "1200"],
        }
    )
    context = FigureBlock().get_context(value)
    picture = context["picture"]
    avif, webp = (srcset for _, srcset in picture["sources"])
    assert ".avif 200w" in avif and ".webp 800w" in webp
    # Never upscaled: 1200 is capped to the original 900.
    assert picture["fallback"]["width"] == 900
    assert ".jpg 900w" in picture["fallback_srcset"]


def test_a_figure_is_built_once_and_follows_a_new_file(make_image):
    image = make_image(size=(900, 600))
    first = responsive_picture(image, ["200", "800"])
    with CaptureQueriesContext(connection) as queries:
        assert responsive_picture(image, ["200", "800"]) == first
    assert len(queries) == 0
    replacement = io.BytesIO()
    PILImage.new("RGB", (900, 600), "#aa3311").save(replacement, format="JPEG")
    image.file = ImageFile(replacement, name="replacement.jpg")
    image.save()
    image.renditions.all().delete()  # as the admin's edit view does for a new file
    replaced = responsive_picture(get_image_model().objects.get(pk=image.pk), ["200", "800"])
    assert "replacement" in replaced["fallback"]["url"]
    assert "replacement" not in first["fallback"]["url"]


@pytest.mark.parametrize(
    "link, message",
    [
        ({}, "Choose a page, a URL or an anchor."),
        ({"link_url": "/a/", "anchor": "b"}, "Choose only one"),
        ({"link_url": "javascript:alert(1)"}, "Enter a site path"),
        ({"link_url": "//evil.example/"}, "Enter a site path"),
        ({"anchor": "not an id"}, "An anchor is a heading id"),
    ],
)
def test_link_block_refuses_both_neither_and_unsafe(link, message):
    block = LinkBlock()
    value = block.to_python({"page": None, "link_url": "", "anchor": "", **link})
    with pytest.raises(wagtail_blocks.StructBlockValidationError) as error:
        block.clean(value)
    assert message in str(error.value.block_errors)


@pytest.mark.parametrize(
    "link, url",
    [
        ({"link_url": "/contact/"}, "/contact/"),
        ({"anchor": "#how"}, "#how"),
        ({"anchor": "how"}, "#how"),
        ({"link_url": "mailto:a@b.example"}, "mailto:a@b.example"),
    ],
)
def test_link_block_resolves_to_one_url(link, url):
    block = CallToActionBlock()
    value = block.to_python(
        {
            "label": "Go",
            "style": "primary",
            "link": {"page": None, "link_url": "", "anchor": "", **link},
        }
    )
    block.clean(value)
    assert value["link"].url == url


def test_figure_needs_alt_text_unless_decorative(make_image):
    block = FigureBlock()
    image = make_image()
    value = block.to_python(
        {
            "image": image.pk,
            "alt_text": "",
            "decorative": False,
            "caption": "",
            "style": "",
            "widths": ["200"],
        }
    )
    with pytest.raises(wagtail_blocks.StructBlockValidationError) as error:
        block.clean(value)
    assert "Add alt text" in str(error.value.block_errors)
    value = block.to_python(
        {
            "image": image.pk,
            "alt_text": "",
            "decorative": True,
            "caption": "",
            "style": "",
            "widths": ["200"],
        }
    )
    block.clean(value)


def test_figure_widths_are_checkboxes_and_clean_to_the_ticked_widths():
    widths = FigureBlock().child_blocks["widths"]
    html = widths.field.widget.render("widths", ["200", "800"])
    assert html.count('type="checkbox"') == 5 and "<select" not in html
    assert html.count("checked") == 2
    assert widths.clean(["200", "800"]) == ["200", "800"]
