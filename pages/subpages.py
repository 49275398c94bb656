"""A view that a routable page serves at an address of its own (a blog category, an author).

It has its own heading, description, breadcrumb (the page, then this) and canonical URL; the
breadcrumbs, the page header and the head tags read them from the ``subpage`` context value.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class SubPage:
    title: str
    url: str  # the site-relative address, like page.url
    description: str = ""
    kind: str = "listing"  # what the head tags and structured data make of it
    subject: object = None  # the object it presents (a category, an author)
