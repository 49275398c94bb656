"""Menus and breadcrumbs from the page tree, at a fixed number of queries per request."""

from django import template
from wagtail.models import Page, Site

register = template.Library()


def _site_root(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


class MenuItem:
    def __init__(self, page, current_path):
        self.page = page
        self.label = getattr(page, "nav_label", page.title)
        self.url = page.url
        self.is_current = page.path == current_path
        self.is_ancestor = current_path.startswith(page.path) and not self.is_current
        self.children = []


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    """Live "show in menus" children of home in tree order, with one level of children.

    Two queries for the tree, plus one per page type for the navigation labels.
    """
    root = _site_root(context)
    if root is None:
        return {"items": []}
    current = context.get("page")
    current_path = current.path if isinstance(current, Page) else ""
    pages = (
        Page.objects.live()
        .public()
        .in_menu()
        .descendant_of(root)
        .filter(depth__in=[root.depth + 1, root.depth + 2])
        .order_by("path")
        .defer_streamfields()
        .specific()
    )
    items, by_path = [], {}
    for page in pages:
        item = MenuItem(page, current_path)
        if page.depth == root.depth + 1:
            items.append(item)
            by_path[page.path] = item
        elif parent := by_path.get(page.path[: -Page.steplen]):
            parent.children.append(item)
    return {"items": items}


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The current page's ancestors from home down, with their navigation labels."""
    page = context.get("page")
    root = _site_root(context)
    if not isinstance(page, Page) or root is None or page.depth <= root.depth:
        return {"ancestors": []}
    ancestors = (
        Page.objects.ancestor_of(page)
        .filter(depth__gte=root.depth)
        .live()
        .order_by("depth")
        .defer_streamfields()
        .specific()
    )
    return {"ancestors": list(ancestors), "page": page}


@register.simple_tag
def child_pages(page):
    """Live children of a section page, for its listing."""
    return page.get_children().live().public().order_by("path").defer_streamfields().specific()
