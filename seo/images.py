"""Pictures as search engines and social cards see them: absolute URLs and sizes, made
before any visitor asks.

``image_info`` keeps a rendition's URL and size in Django's cache per image file, focal point
and filter (as ``pages.blocks.responsive_picture`` does), so a page's head costs no query once
warm. Renditions are made when a page is published (``renditions_shown``) and, for the images
the site settings and authors name (default share image, logo, photos), when those are saved.
"""

from django.core.cache import cache
from django.db.models.signals import post_save

SHARE_CARD_SPEC = "fill-1200x630"  # the size social networks show large cards at
LOGO_SPEC = "max-600x600"
PHOTO_SPEC = "fill-96x96"  # as the author card shows it
ENTRY_SECONDS = 24 * 3600


def image_info(image, spec):
    """{"url", "width", "height"} of ``image``'s rendition ``spec`` (site-relative URL for
    local media), or None without an image."""
    if image is None:
        return None
    focal_point = (image.focal_point_x, image.focal_point_y, image.focal_point_width)
    parts = ("image-info", image.pk, image.file.name, image.file_hash, *focal_point)
    key = ":".join(map(str, (*parts, image.focal_point_height, spec)))
    info = cache.get(key)
    if info is None:
        rendition = image.get_rendition(spec)
        info = {"url": rendition.url, "width": rendition.width, "height": rendition.height}
        cache.set(key, info, ENTRY_SECONDS)
    return info


def _settings_saved(instance, **kwargs):
    if instance.default_share_image:
        instance.default_share_image.get_renditions(SHARE_CARD_SPEC)
    if instance.logo:
        instance.logo.get_renditions(LOGO_SPEC)


def _author_saved(instance, **kwargs):
    if instance.photo:
        instance.photo.get_renditions(PHOTO_SPEC)


def connect():
    post_save.connect(_settings_saved, sender="pages.SiteSettings", dispatch_uid="seo_settings")
    post_save.connect(_author_saved, sender="blog.Author", dispatch_uid="seo_author")
