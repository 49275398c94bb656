"""The abstract page every page type inherits: navigation label, jumbotron, body, page meta."""

from functools import cached_property

from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from markdown_dialect import body_reading_time
from markdown_dialect import stored as stored_markdown
from pages.blocks import JumbotronBlock, PageStreamBlock, figure_renditions
from pages.restrictions import site_has_restrictions


class BasePage(Page):
    navigation_label = models.CharField(
        max_length=80,
        blank=True,
        help_text="The page's name in menus and breadcrumbs. Leave empty to use the title.",
    )
    jumbotron = StreamField(
        [("jumbotron", JumbotronBlock())],
        blank=True,
        max_num=1,
        help_text="Optional hero at the top of the page.",
    )
    body = StreamField(PageStreamBlock(), blank=True, help_text="The page's main content.")
    # The body's Markdown rendered at save (markdown_dialect.stored); not for editors.
    rendered_body = models.JSONField(default=dict, blank=True, editable=False)
    published_on = models.DateTimeField(
        null=True,
        blank=True,
        help_text="The publication date shown to visitors. Empty: the first publish date.",
    )
    updated_on = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When the content last changed meaningfully; shown as “Updated …”.",
    )
    show_toc = models.BooleanField(
        "show table of contents",
        default=False,
        help_text="List the body's headings at the top of the page, linking to each.",
    )
    show_page_meta = models.BooleanField(
        "show dates", default=False, help_text="Show the published and updated dates."
    )
    show_reading_time = models.BooleanField(
        default=False, help_text="Show “N min read”, computed from the body."
    )

    content_panels = [*Page.content_panels, FieldPanel("jumbotron"), FieldPanel("body")]
    promote_panels = [
        MultiFieldPanel(
            [FieldPanel("slug"), FieldPanel("seo_title"), FieldPanel("search_description")],
            heading="For search engines",
        ),
        MultiFieldPanel(
            [FieldPanel("show_in_menus"), FieldPanel("navigation_label")],
            heading="For site menus",
        ),
    ]
    settings_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("published_on"), FieldPanel("updated_on")]),
                FieldPanel("show_page_meta"),
                FieldPanel("show_reading_time"),
                FieldPanel("show_toc"),
            ],
            heading="Page meta",
        ),
        *Page.settings_panels,
    ]
    search_fields = [*Page.search_fields, index.SearchField("body")]

    class Meta:
        abstract = True

    @classmethod
    def serving_queryset(cls):
        """Pages of this type as served to a visitor; types add what their template shows."""
        return cls.objects.all()

    @classmethod
    def serving_page(cls, pk):
        """The page with ``pk`` as served to a visitor: kept per page and content version for
        anonymous visitors (pages.routing), so types may attach what their template shows."""
        page = cls.serving_queryset().get(pk=pk)
        _ = page.reading_time  # worked out once, kept with the page
        return page

    def get_view_restrictions(self):
        """Wagtail's check before serving, without its two queries while no page is private."""
        if site_has_restrictions():
            return super().get_view_restrictions()
        return PageViewRestriction.objects.none()

    # The share image as base.html asks for it.
    SHARE_IMAGE_SPEC = "fill-1200x630"

    def renditions_shown(self, site_settings=None):
        """(image, filter specs) of every picture this page shows, so that publishing makes
        them (pages.renditions) and no visitor waits for one. Types add theirs."""
        shown = [
            each
            for block in self.body
            if block.block_type == "figure"
            for each in figure_renditions(block.value)
        ]
        share = self.share_image or (site_settings and site_settings.default_share_image)
        if share:
            shown.append((share, [self.SHARE_IMAGE_SPEC]))
        return shown

    def load_pictures(self):
        """Fetch the renditions of the pictures this page shows, in as few queries as its type
        can, before the first of them is drawn (the head's social card comes first). Called
        only where a fragment showing them is built; types with pictures of their own add it."""

    @property
    def last_modified(self):
        """The last publish, or the "updated" date when an editor set a later one (sitemap
        lastmod, dateModified)."""
        dates = [each for each in (self.last_published_at, self.updated_on) if each]
        return max(dates) if dates else self.latest_revision_created_at

    def get_sitemap_urls(self, request=None):
        return [
            {**entry, "lastmod": self.last_modified} for entry in super().get_sitemap_urls(request)
        ]

    def sitemap_image_ids(self):
        """Ids of the pictures the page shows, for the image sitemap, read from the body's raw
        data (no image is loaded)."""
        ids = [
            block["value"].get("image")
            for block in self.body.raw_data
            if block.get("type") == "figure" and isinstance(block.get("value"), dict)
        ]
        return [pk for pk in ids if pk]

    @property
    def nav_label(self):
        return self.navigation_label or self.title

    @property
    def display_date(self):
        return self.published_on or self.first_published_at

    @property
    def shows_updated_date(self):
        """Whether the header says "Updated …" (pages: with their dates; posts: always)."""
        return bool(self.show_page_meta and self.updated_on)

    @property
    def share_image(self):
        """The image shown when the page is shared: its first figure's (page types with a
        picture of their own override it); None falls back to the settings' default."""
        for block in self.body:
            if block.block_type == "figure" and block.value["image"] is not None:
                return block.value["image"]
        return None

    @cached_property
    def reading_time(self):
        """Minutes to read the body's Markdown, from its stored render."""
        return body_reading_time(self.rendered_markdown)

    def _markdown_texts(self):
        # From the raw stream: iterating the blocks would fetch every figure's image and every
        # link's page from the database just to read the Markdown beside them.
        return [block["value"] for block in self.body.raw_data if block["type"] == "markdown"]

    def save(self, *args, update_fields=None, **kwargs):
        """The body's Markdown is rendered here, once, not in each view."""
        if update_fields is None or "body" in update_fields:
            self.rendered_body = stored_markdown.store(self._markdown_texts(), self.rendered_body)
            if update_fields is not None:
                update_fields = [*update_fields, "rendered_body"]
        self.__dict__.pop("rendered_markdown", None)
        self.__dict__.pop("reading_time", None)
        return super().save(*args, update_fields=update_fields, **kwargs)

    @cached_property
    def rendered_markdown(self):
        """The body's Markdown blocks rendered together, so heading ids are unique page-wide;
        the blocks' HTML (``body_blocks``) and the table of contents both come from here.
        Stored at save (``rendered_body``); rendered now only for a body not saved so."""
        return stored_markdown.load(self.rendered_body, self._markdown_texts())

    @property
    def body_blocks(self):
        """``(block, html)`` for the body template: a Markdown block's HTML, else None."""
        html = iter(self.rendered_markdown.html)
        return [
            (block, next(html) if block.block_type == "markdown" else None) for block in self.body
        ]

    @property
    def table_of_contents(self):
        """h2-h4 of the body's Markdown blocks, with the ids the rendered blocks have."""
        return self.rendered_markdown.table_of_contents
