"""Menus and breadcrumbs from the page tree, built once per content version.

The tree part of each is kept in Django's cache under the content version (see
front_cache.version), as plain labels, URLs and paths; only which item is the current page
is worked out per request.
"""

from dataclasses import dataclass, field

from django import template
from wagtail.models import Page, Site

from front_cache import version
from pages.restrictions import public

register = template.Library()


def _site_root(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


@dataclass
class MenuItem:
    label: str
    url: str
    path: str
    children: list = field(default_factory=list)
    is_current: bool = False
    is_ancestor: bool = False

    def marked(self, current_path):
        """A copy of this item (and its children) that knows where the visitor is."""
        return MenuItem(
            self.label,
            self.url,
            self.path,
            [child.marked(current_path) for child in self.children],
            is_current=self.path == current_path,
            is_ancestor=current_path.startswith(self.path) and self.path != current_path,
        )


def _menu_tree(root):
    """Live "show in menus" children of home in tree order, with one level of children."""
    pages = (
        public(Page.objects.live())
        .in_menu()
        .descendant_of(root)
        .filter(depth__in=[root.depth + 1, root.depth + 2])
        .order_by("path")
        .defer_streamfields()
        .specific()
    )
    items, by_path = [], {}
    for page in pages:
        item = MenuItem(page.nav_label, page.url, page.path)
        if page.depth == root.depth + 1:
            items.append(item)
            by_path[page.path] = item
        elif parent := by_path.get(page.path[: -Page.steplen]):
            parent.children.append(item)
    return items


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    root = _site_root(context)
    if root is None:
        return {"items": []}
    current = context.get("page")
    current_path = current.path if isinstance(current, Page) else ""
    tree = version.cached("menu", lambda: _menu_tree(root), root.pk)
    return {"items": [item.marked(current_path) for item in tree]}


@dataclass
class Crumb:
    url: str
    nav_label: str


def _crumb(path):
    """The crumb of the live page at ``path`` (None if it is not live): two queries, paid
    only by a page whose parent was not served since content last changed (a page being
    served keeps its own crumb: ``_keep_crumb``)."""
    page = Page.objects.filter(path=path).live().first()
    page = page and page.specific_deferred
    return page and Crumb(page.url, page.nav_label)


def _keep_crumb(page):
    """A live page being served gives its own crumb, for its children's trails (the bench's
    and a visitor's way: a service, then one of its explainers)."""
    version.cached("crumb", lambda: Crumb(page.url, page.nav_label), page.path)


def _trail(parent_path, root):
    """Crumbs from home down to the page at ``parent_path``: what every child of that page
    shares, so siblings build it once. Built from the grandparent's trail and the parent's
    crumb, each kept under the content version: one level at a time, never a query per page
    type of the whole ancestry."""
    if len(parent_path) <= len(root.path):
        # A root found without the site cache (the database back mid-request) is a bare Page.
        return [Crumb(root.url, getattr(root, "nav_label", root.title))]
    grandparent_path = parent_path[: -Page.steplen]
    above = version.cached("breadcrumbs", lambda: _trail(grandparent_path, root), grandparent_path)
    crumb = version.cached("crumb", lambda: _crumb(parent_path), parent_path)
    return [*above, crumb] if crumb else above


def breadcrumb_trail(context):
    """Crumbs from home down to where the visitor is (the last one): the page's ancestors,
    then the page, then a sub-page it serves (a blog category: Blog › Category). Empty on
    home and outside the tree. The structured data's BreadcrumbList reads the same trail."""
    page = context.get("page")
    root = _site_root(context)
    if not isinstance(page, Page) or root is None or page.depth < root.depth:
        return []
    subpage = context.get("subpage")
    if page.depth == root.depth and subpage is None:
        return []
    trail = []
    request = context.get("request")
    if page.live and not getattr(request, "is_preview", False):
        _keep_crumb(page)
    if page.depth > root.depth:
        parent_path = page.path[: -Page.steplen]
        trail = version.cached("breadcrumbs", lambda: _trail(parent_path, root), parent_path)
    trail = [*trail, Crumb(page.url, page.nav_label)]
    if subpage is not None:
        trail.append(Crumb(subpage.url, subpage.title))
    return trail


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The current page's ancestors from home down, with their navigation labels."""
    trail = breadcrumb_trail(context)
    return {"ancestors": trail[:-1], "current": trail[-1] if trail else None}


@dataclass
class ChildCard:
    """What a section's listing shows of a child page (kept, not the page itself)."""

    url: str
    nav_label: str
    summary: str

    @classmethod
    def of(cls, page):
        summary = getattr(page, "summary", "") or page.search_description
        return cls(page.url, page.nav_label, summary)


@register.simple_tag(takes_context=True)
def child_pages(context, page):
    """Live children of a section page, for its listing: kept per page and content version,
    except in a preview."""

    def build():
        children = public(page.get_children().live()).order_by("path").defer_streamfields()
        return [ChildCard.of(child) for child in children.specific()]

    request = context.get("request")
    if getattr(request, "is_preview", False) or not page.pk:
        return build()
    return version.cached("child-pages", build, page.pk)
