"""Private pages, without a query per listing while the site has none (the usual case).

Wagtail checks view restrictions with a query on every page served and in every ``public()``
listing; whether any restriction exists at all is kept under the content version, which a
restriction's save or delete bumps (FRONT_CACHE_CONTENT_MODELS).
"""

from wagtail.models import PageViewRestriction

from front_cache import version


def site_has_restrictions():
    return version.cached("view-restrictions", PageViewRestriction.objects.exists)


def public(pages):
    """``pages.public()``, or ``pages`` itself while no page is restricted."""
    return pages.public() if site_has_restrictions() else pages
