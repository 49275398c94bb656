"""The StreamField blocks every page type shares: Markdown, jumbotron, figure, call to action.

`services` and `blog` import from here; one template per block in templates/components/blocks/.
"""

import re

from django import forms
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtailmarkdown.blocks import MarkdownBlock as WagtailMarkdownBlock

from markdown_dialect import render_markdown
from markdown_dialect.validate import check

BUTTON_STYLES = [
    ("primary", "Primary button"),
    ("secondary", "Secondary button"),
    ("forward", "Forward link (text with an arrow)"),
]

FIGURE_STYLES = [
    ("", "Plain"),
    ("rounded", "Rounded corners"),
    ("greyscale", "Greyscale"),
    ("rounded-greyscale", "Rounded and greyscale"),
    ("portrait", "Portrait (narrow, beside the text)"),
    ("wide", "Wide (full content width)"),
]

FIGURE_WIDTHS = [(str(w), f"{w} px") for w in (200, 350, 500, 800, 1200)]
DEFAULT_FIGURE_WIDTHS = ["200", "350", "500", "800"]

# A site path (/contact/), optionally with a query or fragment; no scheme, no "//host".
SITE_PATH_RE = re.compile(r"^/(?!/)[^\s\\]*$")
ANCHOR_RE = re.compile(r"^#?[A-Za-z][\w\-:.]*$")


class MarkdownBlock(WagtailMarkdownBlock):
    """Markdown in the markdown-it-attrs dialect, rendered and sanitised by markdown_dialect.

    In a page body, the page renders all its Markdown blocks together (BasePage.body_blocks:
    heading ids unique across the blocks, as in the table of contents) and passes each block
    its HTML as ``markdown_html``; anywhere else the block renders its text on its own.
    """

    def clean(self, value):
        """Refuses a text past markdown_dialect's limits (size, nesting), saying where."""
        value = super().clean(value)
        if problem := check(value):
            raise ValidationError(f"Line {problem.line}: {problem.message}.")
        return value

    def render_basic(self, value, context=None):
        return render_markdown(value)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        html = (parent_context or {}).get("markdown_html")
        context["html"] = render_markdown(value) if html is None else html
        return context

    class Meta:
        icon = "doc-full"
        template = "components/blocks/markdown.html"
        description = "Text in Markdown: headings, lists, links, emphasis, {.class} styles"
        preview_value = "## A heading\n\nSome text with a [link](/contact/).{.larger}"


class LinkStructValue(blocks.StructValue):
    """Resolves whichever of page / URL / anchor was given, so templates say ``value.url``."""

    @property
    def url(self):
        if page := self.get("page"):
            return page.url
        if url := self.get("link_url"):
            return url
        if anchor := self.get("anchor"):
            return "#" + anchor.lstrip("#")
        return ""


class LinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(required=False, help_text="Link to a page of this site.")
    # Not named "url": templates look up dict keys before properties, and value.url must
    # reach LinkStructValue.url.
    link_url = blocks.CharBlock(
        required=False,
        label="URL",
        help_text="Or a site path (/contact/) or a full web address (https://…).",
    )
    anchor = blocks.CharBlock(
        required=False,
        help_text="Or a heading on the same page, e.g. how-i-work (with or without #).",
    )

    def clean(self, value):
        value = super().clean(value)
        chosen = [name for name in ("page", "link_url", "anchor") if value.get(name)]
        errors = {}
        if len(chosen) > 1:
            message = "Choose only one of a page, a URL or an anchor."
            errors = {name: ErrorList([message]) for name in chosen}
        elif not chosen:
            errors = {"page": ErrorList(["Choose a page, a URL or an anchor."])}
        elif url := value.get("link_url"):
            if not (SITE_PATH_RE.match(url) or re.match(r"^(https?://|mailto:|tel:)\S+$", url)):
                errors = {
                    "link_url": ErrorList(["Enter a site path starting with / or a full URL."])
                }
        elif (anchor := value.get("anchor")) and not ANCHOR_RE.match(anchor):
            errors = {"anchor": ErrorList(["An anchor is a heading id, e.g. how-i-work."])}
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value

    class Meta:
        value_class = LinkStructValue
        icon = "link"
        form_classname = "link-block"


class ButtonBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=80, help_text="What the button says.")
    link = LinkBlock()
    style = blocks.ChoiceBlock(choices=BUTTON_STYLES, default="primary")

    class Meta:
        icon = "link-external"
        template = "components/blocks/button.html"


class CallToActionBlock(ButtonBlock):
    class Meta:
        icon = "pick"
        template = "components/blocks/cta.html"
        description = "A single prominent link, e.g. “Contact me to discuss …”"
        preview_value = {
            "label": "Book a call",
            "link": {"link_url": "/contact/"},
            "style": "forward",
        }


class JumbotronBlock(blocks.StructBlock):
    text = MarkdownBlock(
        help_text="The hero text. Markdown; end a paragraph with {.bold}, {.smaller} or "
        "{.emphasis} to style it."
    )
    buttons = blocks.ListBlock(ButtonBlock(), max_num=3, min_num=0, default=[])

    class Meta:
        icon = "title"
        template = "components/blocks/jumbotron.html"
        description = "The hero at the top of the page: a short pitch and up to three buttons"
        preview_value = {
            "text": "Leadership for growing businesses, a few days a week.{.bold}",
            "buttons": [],
        }


class FigureBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        required=False,
        max_length=250,
        help_text="Describe the image for people who cannot see it. Required unless the "
        "image is decorative.",
    )
    decorative = blocks.BooleanBlock(
        required=False, help_text="Tick if the image adds nothing to the text (empty alt)."
    )
    caption = blocks.CharBlock(required=False, max_length=250)
    style = blocks.ChoiceBlock(choices=FIGURE_STYLES, required=False, default="")
    widths = blocks.MultipleChoiceBlock(
        choices=FIGURE_WIDTHS,
        default=DEFAULT_FIGURE_WIDTHS,
        widget=forms.CheckboxSelectMultiple,
        help_text="The image widths to serve; browsers pick the best fit for the screen.",
    )

    def clean(self, value):
        value = super().clean(value)
        if not value.get("decorative") and not value.get("alt_text"):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "alt_text": ErrorList(["Add alt text, or mark the image decorative."])
                }
            )
        if not value.get("widths"):
            raise blocks.StructBlockValidationError(
                block_errors={"widths": ErrorList(["Choose at least one width."])}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["picture"] = responsive_picture(value["image"], value["widths"])
        return context

    class Meta:
        icon = "image"
        template = "components/blocks/figure.html"
        description = "An image with a caption, served at several sizes and formats"


PICTURE_SECONDS = 24 * 3600


def _picture_specs(image, widths):
    widths = sorted({min(int(w), image.width) for w in widths})
    fallback_format = "png" if image.file.name.lower().endswith(".png") else "jpeg"
    formats = ["avif", "webp", fallback_format]
    return widths, formats, {(fmt, w): f"width-{w}|format-{fmt}" for fmt in formats for w in widths}


def picture_renditions(image, widths):
    """(image, filter specs) of a <picture> of ``image`` at ``widths``, as
    ``responsive_picture`` uses them."""
    if image is None:
        return []
    return [(image, list(_picture_specs(image, widths)[2].values()))]


def figure_renditions(value):
    """(image, filter specs) of a figure block's value."""
    return picture_renditions(value["image"], value["widths"])


def responsive_picture(image, widths, sizes=None):
    """Renditions for a <picture>: AVIF and WebP sources plus a fallback in the original format.
    ``sizes``: the layout width, when it is not the largest rendition's (a post's hero).

    Kept in Django's cache as plain URLs and sizes, per image file, focal point and widths:
    building them reads a dozen rendition entries, which Wagtail also writes back each time.
    """
    if image is None:
        return None
    widths, formats, specs = _picture_specs(image, widths)
    focal_point = (image.focal_point_x, image.focal_point_y, image.focal_point_width)
    parts = ("picture", image.pk, image.file.name, image.file_hash, *focal_point)
    key = ":".join(map(str, (*parts, image.focal_point_height, *widths)))
    picture = cache.get(key)
    if picture is None:
        picture = _build_picture(image, widths, formats, specs)
        cache.set(key, picture, PICTURE_SECONDS)
    return {**picture, "sizes": sizes} if sizes else picture


def _build_picture(image, widths, formats, specs):
    fallback_format = formats[-1]
    renditions = image.get_renditions(*specs.values())
    sources = {
        fmt: ", ".join(f"{renditions[specs[fmt, w]].url} {w}w" for w in widths) for fmt in formats
    }
    largest = renditions[specs[fallback_format, widths[-1]]]
    return {
        "sources": [("image/avif", sources["avif"]), ("image/webp", sources["webp"])],
        "fallback_srcset": sources[fallback_format],
        "fallback": {"url": largest.url, "width": largest.width, "height": largest.height},
        "sizes": f"(max-width: {widths[-1]}px) 100vw, {widths[-1]}px",
    }


class PageStreamBlock(blocks.StreamBlock):
    """The body of every page type."""

    markdown = MarkdownBlock()
    figure = FigureBlock()
    call_to_action = CallToActionBlock()
