"""What a page's <head> tells search engines and social networks (components/seo_head.html).

The canonical URL, og:url, og:image and the JSON-LD are all absolute URLs on the Wagtail
Site's root URL (pages.site_url), whatever host the request came in on. Every page gets a
social card: the page's own picture (a post's hero, else its first figure), else the site
settings' default share image, as a 1200x630 rendition made at publish time.
"""

from dataclasses import dataclass

from wagtail.models import Page

from blog.models import BlogPage
from front_cache import version
from pages.models import SiteSettings
from pages.site_url import absolute_url, site_root_url
from pages.templatetags.navigation_tags import breadcrumb_trail
from seo import structured_data
from seo.images import SHARE_CARD_SPEC, image_info

OG_TYPES = {"author": "profile"}


@dataclass
class Head:
    page: Page | None
    subpage: object = None
    title: str = ""
    description: str = ""
    canonical: str = ""
    og_type: str = "website"
    site_name: str = ""
    image: dict | None = None
    published: object = None
    modified: object = None
    json_ld: str = ""


def _share_card(page, subpage, site_settings, preview):
    """The page's own picture as a card, else the default one. Both are kept under the content
    version, which publishing and saving an image or the settings bump: a repeat render costs
    no query. A preview shows the draft's own picture, so it is never read from the cache."""
    if page is not None and subpage is None:
        if hasattr(page, "load_pictures"):
            page.load_pictures()  # the card's rendition with the page's others (one query)
        own = (
            _own_card(page)
            if preview
            else version.cached("share-card", lambda: _own_card(page), page.pk)
        )
        if own is not None:
            return own
    return version.cached(
        "default-share-card",
        lambda: image_info(site_settings.default_share_image, SHARE_CARD_SPEC),
        site_settings.pk,
    )


def _own_card(page):
    return image_info(getattr(page, "share_image", None), SHARE_CARD_SPEC)


def head_for(context):
    request = context.get("request")
    page = context.get("page")
    page = page if isinstance(page, Page) else None
    subpage = context.get("subpage")
    site_settings = SiteSettings.for_request(request) if request is not None else None
    if site_settings is None:
        return Head(page=None)
    head = Head(page=page, subpage=subpage, site_name=site_settings.organisation_name)
    preview = getattr(request, "is_preview", False)
    info = _share_card(page, subpage, site_settings, preview)
    if info:
        head.image = {**info, "url": absolute_url(info["url"], request)}
    if page is None:
        return head
    if subpage is not None:
        head.title = subpage.title
        head.description = subpage.description
        head.canonical = absolute_url(subpage.url, request)
        head.og_type = OG_TYPES.get(subpage.kind, "website")
    else:
        head.title = page.seo_title or page.title
        head.description = page.search_description or getattr(page, "intro", "")
        head.canonical = page.get_full_url(request) or ""
        if isinstance(page, BlogPage):
            head.og_type = "article"
            head.published = page.display_date
            head.modified = page.last_modified
    if head.canonical:
        trail = breadcrumb_trail(context)
        graph = structured_data.page_graph(
            head, trail, site_settings, site_root_url(request), request
        )
        head.json_ld = structured_data.script(graph)
    return head
