"""Import an Eleventy (11ty) Markdown site into the page tree; see docs/importing.md.

``plan_import`` reads and places everything without writing; ``run_import`` writes the plan.
"""

from pathlib import Path

from wagtail.models import Site

from blog.models import BlogIndexPage
from importer.page_kinds import DEFAULT_MAP, KindMapError, load_kind_map
from importer.placement import under_page
from importer.plan import Plan
from importer.writer import Writer


class ImportArgumentError(ValueError):
    """A bad folder, --under page or --map file: nothing was read."""


def plan_import(source_dir, *, media_dir=None, under=None, map_file=None, title_key="", blog=None):
    """The Plan for importing ``source_dir``; ``under`` is a URL path on the default site."""
    source = Path(source_dir)
    if not source.is_dir():
        raise ImportArgumentError(f"{source_dir} is not a folder")
    if media_dir is not None and not Path(media_dir).is_dir():
        raise ImportArgumentError(f"--media {media_dir} is not a folder")
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise ImportArgumentError("the site has no home page yet: create one first")
    root = under_page(under or "/", site)
    if root is None:
        raise ImportArgumentError(f"--under {under}: no page has that address")
    blog_page = None
    if blog is not None:
        found = under_page(blog, site)
        blog_page = found.specific if found is not None else None
        if not isinstance(blog_page, BlogIndexPage):
            raise ImportArgumentError(f"--blog {blog}: no blog index has that address")
    try:
        kind_map = load_kind_map(map_file) if map_file else DEFAULT_MAP
    except KindMapError as error:
        raise ImportArgumentError(str(error)) from error
    return Plan(
        source,
        under=root.specific,
        media_dir=media_dir,
        kind_map=kind_map,
        title_key=title_key,
        blog=blog_page,
    )


def run_import(plan, progress=None):
    """Write ``plan``; the Results, data files first, then files and sections by name."""
    results = Writer(plan, progress).run()
    return sorted(results, key=lambda r: (not r.label.startswith("_data/"), r.label))
