"""The field values a file gives its page, compared with and applied to the page as it is.

``Resolver`` turns images, authors and categories into database ids: the plan's resolver
only looks (and answers a placeholder for what does not exist yet), the writer's creates.
"""

import json

from blog.snippets import BlogCategory
from importer.body import FigureSpec
from importer.md_links import rewrite_md_links
from importer.page_kinds import map_names
from pages.models import ContactFormField

COMMON_FIELDS = [
    "title",
    "seo_title",
    "search_description",
    "navigation_label",
    "published_on",
    "updated_on",
    "show_toc",
    "show_page_meta",
    "show_reading_time",
]


def _plain(value):
    """Stream data without ids, list items unwrapped: editors' saves and ours compare equal."""
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        if value.get("type") == "item" and "value" in value:
            return _plain(value["value"])
        return {key: _plain(item) for key, item in value.items() if key != "id"}
    return value


def stream_signature(raw_items):
    return json.dumps(
        [(item["type"], _plain(item["value"])) for item in raw_items], sort_keys=True, default=str
    )


class Resolver:
    """Ids for the images, authors and categories one file's page refers to."""

    def __init__(self, plan, entry):
        self.plan, self.entry = plan, entry

    def find_image(self, src, alt):
        """(FoundImage, problem) for an image named in this file."""
        return self.plan.media.find(src, self.entry.source.path, alt)

    def markdown(self, text):
        """``text`` with its links to other Markdown files rewritten (importer.md_links)."""
        return rewrite_md_links(text, self.entry.source.path, self.plan.url_of, self.link_problem)

    def link_problem(self, message):
        """A link that cannot be rewritten; the plan reports it (once), the writer does not."""


def _figure_value(figure, image_id):
    return {
        "image": image_id,
        "alt_text": figure.alt,
        "decorative": not figure.alt,
        "caption": figure.caption,
        "style": figure.style,
        "widths": figure.widths,
    }


def stream(blocks, resolver):
    """Raw StreamField data for converted blocks; a figure whose image is missing is left out."""
    raw = []
    for block_type, value in blocks:
        if isinstance(value, FigureSpec):
            image_id = resolver.image(value.src, value.alt, value.line)
            if image_id is None:
                continue
            value = _figure_value(value, image_id)
        elif block_type == "markdown":
            value = resolver.markdown(value)
        raw.append({"type": block_type, "value": value})
    return raw


def page_values(node, resolver, is_import_root=False, with_notices=False):
    """{field: value} for ``node``'s page type (``node.kind``).

    A body with template code that could not be evaluated has two versions: the published one
    without it, and a draft with notices for editors (``with_notices``; None when the page has
    no such draft). A page that is a draft anyway only has the one with notices.
    """
    entry = node.entry
    notes = entry is not None and entry.draft_body is not None
    if with_notices and (not notes or node.draft):
        return None
    if entry is None:  # a generated section: only its name and menu flag
        return {"title": node.title, "show_in_menus": node.show_in_menus}
    fields = entry.fields
    values = {name: getattr(fields, name, None) for name in COMMON_FIELDS}
    values["navigation_label"] = node.nav_label
    if not is_import_root:
        values["show_in_menus"] = node.show_in_menus
    values["jumbotron"] = stream(entry.jumbotron, resolver)
    body = entry.draft_body if notes and (with_notices or node.draft) else entry.body
    values["body"] = stream(body, resolver)
    if node.kind == "service":
        values["promoted"] = fields.promoted
        values["summary"] = fields.summary or fields.description
    elif node.kind == "blog_post":
        values["intro"] = fields.intro or fields.description
        values["author_id"] = resolver.author(fields.author) if fields.author else None
        tags, categories = map_names(fields.tags, fields.categories, resolver.plan.kind_map)
        # Placeholders for new categories are text: sort everything as text.
        values["categories"] = sorted({resolver.category(v) for v in categories}, key=str)
        values["tags"] = tags
        hero = fields.image_src and resolver.image(fields.image_src, fields.image_alt, "image.src")
        values["hero_image_id"] = hero or None
    elif node.kind == "contact":
        values["intro"] = fields.intro
        if fields.form:
            values.update({key: fields.form[key] for key in ("subject", "to_address")})
            if fields.form["thank_you_text"]:
                values["thank_you_text"] = fields.form["thank_you_text"]
            values["form_fields"] = fields.form["fields"]
    model = type(node.page) if node.page is not None else None
    if model is not None:  # an existing page of another type (the page imported under)
        values = {name: value for name, value in values.items() if _has_field(model, name)}
    return values


def _has_field(model, name):
    if name in ("tags", "form_fields"):  # a tag manager and a child relation
        return hasattr(model, name)
    return any(name in (f.name, getattr(f, "attname", None)) for f in model._meta.get_fields())


def current_value(page, name):
    if name in ("jumbotron", "body"):
        return stream_signature(getattr(page, name).raw_data)
    if name == "categories":
        return sorted((category.pk for category in page.categories.all()), key=str)
    if name == "tags":
        return sorted(tag.name for tag in page.tags.all())
    if name == "form_fields":
        keys = ("label", "field_type", "required", "choices", "help_text")
        return [{key: getattr(f, key) for key in keys} for f in page.form_fields.all()]
    return getattr(page, name)


def changed_fields(page, values):
    """The names of ``values`` that differ from ``page``'s (its latest revision's) values."""
    changed = []
    for name, value in values.items():
        wanted = stream_signature(value) if name in ("jumbotron", "body") else value
        if current_value(page, name) != wanted:
            changed.append(name)
    return changed


def apply_values(page, values):
    """Set ``values`` on ``page`` (unsaved); relations are set the modelcluster way."""
    for name, value in values.items():
        if name == "categories":
            page.categories = list(BlogCategory.objects.filter(pk__in=value))
        elif name == "tags":
            page.tags.set(value, clear=True)
        elif name == "form_fields":
            page.form_fields = [
                ContactFormField(sort_order=number, **data) for number, data in enumerate(value)
            ]
        else:
            setattr(page, name, value)
