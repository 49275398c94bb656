"""Which page type a file becomes: `layout` / `type` / folder, through a small overridable map.

The default map (docs/importing.md) can be extended or overridden with ``--map FILE``, a YAML
file with up to three sections, each mapping a pattern to a kind, and two renaming blog tags
and categories::

    layout: {"article*": blog_post}
    type: {landing: standard}
    folder: {news: blog_post}
    tags: {posts: null, js: javascript}
    categories: {Tech: technology}

Patterns are shell-style (fnmatch) and matched against the layout without its extension
("post.njk" -> "post"), the type, and each folder of the file's path.
"""

from fnmatch import fnmatchcase
from pathlib import PurePosixPath

import yaml

from blog.models import BlogIndexPage, BlogPage
from pages.models import ContactPage, HomePage, StandardPage
from services.models import ServiceIndexPage, ServicePage

KINDS = {
    "standard": StandardPage,
    "service_index": ServiceIndexPage,
    "service": ServicePage,
    "blog_index": BlogIndexPage,
    "blog_post": BlogPage,
    "contact": ContactPage,
}
KIND_LABELS = {
    "standard": "standard page",
    "service_index": "services section",
    "service": "service page",
    "blog_index": "blog index",
    "blog_post": "blog post",
    "contact": "contact page",
    "home": "home page",
}

# Checked in order: "post*" must win over "blog*" for a "blog-post" layout.
DEFAULT_MAP = {
    "layout": [
        ("post*", "blog_post"),
        ("*-post", "blog_post"),
        ("blog*", "blog_index"),
        ("services*", "service_index"),
        ("service", "service"),
        ("contact*", "contact"),
    ],
    "type": [("post", "blog_post"), ("service", "service")],
    "folder": [("blog", "blog_post"), ("posts", "blog_post")],
    # 11ty tag -> our tag (None: dropped). 11ty's collection tags name lists, not topics.
    "tags": {"all": None, "post": None, "posts": None},
    # 11ty category or tag -> our blog category (slug or name).
    "categories": {},
}
NAME_SECTIONS = ("tags", "categories")


class KindMapError(ValueError):
    pass


def model_for(kind):
    return KINDS[kind]


def kind_of(page):
    """The kind of an existing page (its specific class), "home" for a home page, else None."""
    specific = page.specific_class
    found = next((kind for kind, model in KINDS.items() if model is specific), None)
    return found or ("home" if specific is HomePage else None)


def load_kind_map(path):
    """DEFAULT_MAP with the entries of the YAML file at ``path`` checked first."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = yaml.safe_load(handle) or {}
    except OSError as error:
        raise KindMapError(f"--map {path}: {error.strerror}") from error
    except yaml.YAMLError as error:
        raise KindMapError(f"--map {path}: not valid YAML ({error})") from error
    if not isinstance(data, dict) or set(data) - set(DEFAULT_MAP):
        raise KindMapError(f"--map {path}: expected the sections {', '.join(DEFAULT_MAP)}")
    merged = {}
    for section, defaults in DEFAULT_MAP.items():
        entries = data.get(section) or {}
        if not isinstance(entries, dict):
            raise KindMapError(f"--map {path}: '{section}' should map names to values")
        if section in NAME_SECTIONS:
            if any(not isinstance(v, str | type(None)) for v in entries.values()):
                raise KindMapError(f"--map {path}: '{section}' should map names to names")
            merged[section] = {**defaults, **{str(k): v for k, v in entries.items()}}
            continue
        for kind in entries.values():
            if kind not in KINDS:
                raise KindMapError(
                    f"--map {path}: unknown kind '{kind}' (one of {', '.join(KINDS)})"
                )
        merged[section] = [(str(p), k) for p, k in entries.items()] + defaults
    return merged


def map_names(tags, categories, kind_map):
    """(tags, categories) of a blog post after the map's ``tags`` and ``categories``: a tag
    the ``categories`` section names becomes that category."""
    renamed = kind_map["categories"]
    wanted = [renamed.get(name, name) for name in categories]
    kept = []
    for tag in tags:
        if tag in renamed:
            wanted.append(renamed[tag])
        elif tag in kind_map["tags"]:
            kept += [kind_map["tags"][tag]] if kind_map["tags"][tag] else []
        else:
            kept.append(tag)
    return sorted(set(kept)), list(dict.fromkeys(wanted))


def _match(entries, value):
    return next((kind for pattern, kind in entries if fnmatchcase(value, pattern)), None)


def mapped_kind(fields, path, kind_map):
    """The kind the map gives a file (layout, then type, then folder), or None."""
    layout = PurePosixPath(fields.layout).stem if fields.layout else ""
    if layout and (kind := _match(kind_map["layout"], layout)):
        return kind
    if fields.type and (kind := _match(kind_map["type"], fields.type)):
        return kind
    folders = PurePosixPath(path).parts[:-1]
    for folder in folders:
        if kind := _match(kind_map["folder"], folder):
            # A mapped folder's own index.md is its section: the blog index of blog/.
            if kind == "blog_post" and path == f"{'/'.join(folders)}/index.md":
                return "blog_index" if folder == folders[-1] else kind
            return kind
    return None


def allowed_under(kind, parent_model):
    """Whether Wagtail's tree rules allow a page of ``kind`` below a ``parent_model`` page."""
    model = model_for(kind)
    return model in parent_model.allowed_subpage_models() and (
        parent_model in model.allowed_parent_page_models()
    )
