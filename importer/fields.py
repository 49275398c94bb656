"""Front matter -> the values a page gets (the mapping table in docs/importing.md).

Only reads and checks values; which of them a page type keeps is decided when it is written.
"""

import datetime as dt
from dataclasses import dataclass, field

from importer.address import fallback_title, page_date, page_url, page_variables, unpublished

PROMOTED_TAG = "#servicePromoted"

# Every key the importer understands; anything else is reported as unknown (and ignored).
KNOWN_KEYS = {
    "title",
    "description",
    "date",
    "updated",
    "layout",
    "type",
    "permalink",
    "permalink.build",
    "draft",
    "eleventyExcludeFromCollections",
    "eleventyComputed",
    "eleventyComputed.permalink",
    "tags",
    "jumbotron",
    "showTOC",
    "redirect_from",
    "redirectFrom",
    "eleventyNavigation",
    "eleventyNavigation.key",
    "eleventyNavigation.parent",
    "eleventyNavigation.order",
    "eleventyNavigation.root",
    "meta",
    "meta.title",
    "meta.description",
    "pagemeta",
    "pagemeta.show",
    "pagemeta.readingTime",
    "image",
    "image.classes",
    "image.src",
    "image.alt",
    # Our additions for what 11ty kept in templates and data files:
    "summary",
    "intro",
    "author",
    "categories",
    "category",
    "form",
    "form.subject",
    "form.to",
    "form.thank_you",
    "form.fields",
    "form.fields.label",
    "form.fields.type",
    "form.fields.required",
    "form.fields.choices",
    "form.fields.help_text",
}

FORM_FIELD_TYPES = {
    "singleline",
    "multiline",
    "email",
    "number",
    "url",
    "checkbox",
    "checkboxes",
    "dropdown",
    "multiselect",
    "radio",
    "date",
    "datetime",
    "hidden",
}


@dataclass
class Navigation:
    key: str
    parent: str = ""
    root: str = ""
    order: float = 0  # eleventy-navigation sorts a missing order as 0


@dataclass
class PageFields:
    title: str = ""
    seo_title: str = ""
    search_description: str = ""
    description: str = ""
    published_on: dt.datetime | None = None
    updated_on: dt.datetime | None = None
    show_toc: bool = False
    show_page_meta: bool = False
    show_reading_time: bool = False
    promoted: bool = False
    tags: list[str] = field(default_factory=list)
    navigation: Navigation | None = None
    layout: str = ""
    type: str = ""
    url: str | None = None  # what 11ty published the file at; None: nothing
    draft: str = ""  # why the page is a draft (11ty did not publish it); "" when live
    redirect_from: list[str] = field(default_factory=list)
    image_src: str = ""
    image_alt: str = ""
    summary: str = ""
    intro: str = ""
    author: str = ""
    categories: list[str] = field(default_factory=list)
    form: dict | None = None
    jumbotron: str = ""


def _text(source, key, value):
    if value is None:
        return ""
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return str(value).strip()
    source.warn(f"'{key}' should be text; ignored", key)
    return ""


def _flag(source, key, value):
    if value is None or isinstance(value, bool):
        return bool(value)
    source.warn(f"'{key}' should be true or false; ignored", key)
    return False


def _date(source, key, value):
    """A YAML timestamp or date; 11ty reads dates without a time zone as UTC."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            source.warn(f"'{key}: {value}' is not a date this importer understands; ignored", key)
            return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time())
    if not isinstance(value, dt.datetime):
        source.warn(f"'{key}' should be a date; ignored", key)
        return None
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _strings(source, key, value):
    """A string or a list of strings, as 11ty accepts for tags and redirect_from."""
    if value is None:
        return []
    values = value if isinstance(value, list) else [value]
    if not all(isinstance(v, str | int | float) and not isinstance(v, bool) for v in values):
        source.warn(f"'{key}' should be a text or a list of texts; ignored", key)
        return []
    return [str(v).strip() for v in values if str(v).strip()]


def _section(source, key, value):
    if value is None:
        return {}
    if isinstance(value, dict):
        return value
    source.warn(f"'{key}' should be a group of keys; ignored", key)
    return {}


def _navigation(source, meta):
    nav = _section(source, "eleventyNavigation", meta.get("eleventyNavigation"))
    if not nav:
        return None
    key = _text(source, "eleventyNavigation.key", nav.get("key"))
    if not key:
        source.warn("eleventyNavigation has no key: placed by its folder", "eleventyNavigation")
        return None
    order = nav.get("order", 0)
    if isinstance(order, bool) or not isinstance(order, int | float):
        source.warn("'eleventyNavigation.order' should be a number; 0 used", "eleventyNavigation")
        order = 0
    return Navigation(
        key=key,
        parent=_text(source, "eleventyNavigation.parent", nav.get("parent")),
        root=_text(source, "eleventyNavigation.root", nav.get("root")),
        order=order,
    )


def _form(source, meta):
    form = _section(source, "form", meta.get("form"))
    if not form:
        return None
    fields = []
    for number, item in enumerate(form.get("fields") or [], start=1):
        if not isinstance(item, dict) or not _text(source, "form.fields", item.get("label")):
            source.warn(f"form field {number} has no label; left out", "form.fields")
            continue
        field_type = str(item.get("type") or "singleline")
        if field_type not in FORM_FIELD_TYPES:
            label = item["label"]
            source.warn(
                f"form field '{label}': unknown type '{field_type}', a line of text used",
                "form.fields",
            )
            field_type = "singleline"
        choices = item.get("choices") or []
        fields.append(
            {
                "label": str(item["label"]).strip(),
                "field_type": field_type,
                "required": bool(item.get("required", False)),
                "choices": "\n".join(map(str, choices if isinstance(choices, list) else [choices])),
                "help_text": str(item.get("help_text") or ""),
            }
        )
    return {
        "subject": _text(source, "form.subject", form.get("subject")),
        "to_address": _text(source, "form.to", form.get("to")),
        "thank_you_text": _text(source, "form.thank_you", form.get("thank_you")),
        "fields": fields,
    }


# Keys whose value is a group of known keys (list items count under their list: form.fields).
SECTIONS = {
    "eleventyNavigation",
    "meta",
    "pagemeta",
    "image",
    "form",
    "form.fields",
    "permalink",
    "eleventyComputed",
}


def report_unknown_keys(source):
    for key, line in source.key_lines.items():
        parent = key.rpartition(".")[0]
        if key not in KNOWN_KEYS and (not parent or parent in SECTIONS):
            source.warn(f"unknown key '{key}' ignored", line=line)


def read_fields(source, global_data=None, title_key=""):
    """The PageFields of a parsed SourceFile; problems go to ``source.warnings``/``error``.

    ``source.meta`` is the file's data (the cascade and its front matter); ``global_data``
    the variables of ``_data/`` that permalinks may use.
    """
    meta = source.meta
    report_unknown_keys(source)
    title = _text(source, "title", meta.get("title"))
    if not title:
        title, origin = fallback_title(source, title_key)
        source.warn(f"no title: {origin} used ('{title}')", "title")
    date_value, date_from_name = page_date(source, meta.get("date"))
    published_on = _date(source, "date", date_value) or date_from_name
    url = page_url(source, page_variables(source, global_data or {}, title, published_on))
    draft, draft_key = unpublished(meta)
    if draft:
        source.warn(
            f"{draft}: imported as a draft, not live; its old URLs are redirected by the first "
            "import after an editor publishes it",
            draft_key,
        )
    meta_section = _section(source, "meta", meta.get("meta"))
    pagemeta = _section(source, "pagemeta", meta.get("pagemeta"))
    image = _section(source, "image", meta.get("image"))
    tags = _strings(source, "tags", meta.get("tags"))
    description = _text(source, "description", meta.get("description"))
    fields = PageFields(
        title=title,
        seo_title=_text(source, "meta.title", meta_section.get("title")),
        search_description=_text(source, "meta.description", meta_section.get("description"))
        or description,
        description=description,
        published_on=published_on,
        updated_on=_date(source, "updated", meta.get("updated")),
        show_toc=_flag(source, "showTOC", meta.get("showTOC")),
        show_page_meta=_flag(source, "pagemeta.show", pagemeta.get("show")),
        show_reading_time=_flag(source, "pagemeta.readingTime", pagemeta.get("readingTime")),
        promoted=PROMOTED_TAG in tags,
        tags=[tag for tag in tags if tag != PROMOTED_TAG],
        navigation=_navigation(source, meta),
        layout=_text(source, "layout", meta.get("layout")),
        type=_text(source, "type", meta.get("type")),
        url=url,
        draft=draft,
        redirect_from=_strings(source, "redirect_from", meta.get("redirect_from"))
        + _strings(source, "redirectFrom", meta.get("redirectFrom")),
        image_src=_text(source, "image.src", image.get("src")),
        image_alt=_text(source, "image.alt", image.get("alt")),
        summary=_text(source, "summary", meta.get("summary")),
        intro=_text(source, "intro", meta.get("intro")),
        author=_text(source, "author", meta.get("author")),
        categories=_strings(source, "category", meta.get("category"))
        + _strings(source, "categories", meta.get("categories")),
        form=_form(source, meta),
        jumbotron=_text(source, "jumbotron", meta.get("jumbotron")),
    )
    return fields
