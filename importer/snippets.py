"""Blog authors and categories: from ``_data/authors.yaml`` and ``_data/categories.yaml``.

Posts name them in front matter (``author: Priya Raman``, ``categories: [delivery]``). An
author is matched by name, a category by slug or name; one no data file or snippet defines is
created from the name alone and reported.
"""

from dataclasses import dataclass, field

import yaml
from django.utils.text import slugify

from blog.snippets import Author, BlogCategory
from importer.source import Problem

AUTHORS_FILE = "_data/authors.yaml"
CATEGORIES_FILE = "_data/categories.yaml"
AUTHOR_KEYS = {"name", "role", "bio", "photo"}
CATEGORY_KEYS = {"name", "slug", "description"}


@dataclass
class DataFile:
    """A data file's rows, with the same reporting as a Markdown file."""

    path: str
    rows: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    error: Problem | None = None


def read_data_file(root, path, keys, required):
    data = DataFile(path=path)
    file = root / path
    if not file.is_file():
        return None
    try:
        rows = yaml.safe_load(file.read_text(encoding="utf-8-sig")) or []
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        mark = getattr(error, "problem_mark", None)
        data.error = Problem(f"cannot be read: {error}", mark.line + 1 if mark else None)
        return data
    if not isinstance(rows, list):
        data.error = Problem("expected a list of entries", 1)
        return data
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, dict) or not str(row.get(required) or "").strip():
            data.warnings.append(Problem(f"entry {number} has no {required}: left out"))
            continue
        if unknown := sorted(set(row) - keys):
            data.warnings.append(Problem(f"entry {number}: unknown keys {', '.join(unknown)}"))
        data.rows.append({key: str(row.get(key) or "").strip() for key in keys})
    return data


def photo_title(row):
    return f"Portrait of {row['name']}"


class Snippets:
    """What the import wants authors and categories to be, and who asked for the missing ones."""

    def __init__(self, root):
        self.authors_file = read_data_file(root, AUTHORS_FILE, AUTHOR_KEYS, "name")
        self.categories_file = read_data_file(root, CATEGORIES_FILE, CATEGORY_KEYS, "name")
        self.authors = {row["name"]: row for row in self._rows(self.authors_file)}
        self.categories = {}
        for row in self._rows(self.categories_file):
            row["slug"] = row["slug"] or slugify(row["name"])
            self.categories[row["slug"]] = row

    @staticmethod
    def _rows(data):
        return data.rows if data and not data.error else []

    def data_files(self):
        return [data for data in (self.authors_file, self.categories_file) if data]

    def author_row(self, name):
        """The author row for ``name`` and whether it is new (known to no file nor snippet)."""
        if name in self.authors:
            return self.authors[name], False
        exists = Author.objects.filter(name=name).exists()
        return {"name": name}, not exists

    def category_row(self, value):
        """The category row for a slug or name, and whether it is new."""
        for row in self.categories.values():
            if value in (row["slug"], row["name"]):
                return row, False
        found = (
            BlogCategory.objects.filter(slug=slugify(value)).first()
            or BlogCategory.objects.filter(name=value).first()
        )
        if found:
            return {"name": found.name, "slug": found.slug}, False
        return {"name": value, "slug": slugify(value)}, True

    @staticmethod
    def save_author(row, photo=None):
        """Create or update the author ``row`` describes; (author, "created"/"updated"/None)."""
        # A row from a post's `author:` has only the name: leave the rest as editors made it.
        wanted = {key: row[key] for key in ("role", "bio") if key in row}
        if "photo" in row:
            wanted["photo"] = photo
        return _save(Author, {"name": row["name"]}, wanted)

    @staticmethod
    def save_category(row):
        wanted = {key: row[key] for key in ("name", "description") if key in row}
        return _save(BlogCategory, {"slug": row["slug"]}, wanted)


def _save(model, lookup, wanted):
    """Create the ``model`` object ``lookup`` finds, or give it the ``wanted`` values.

    (object, "created" / "updated" / None when it already had them).
    """
    found = model.objects.filter(**lookup).order_by("pk").first()
    if found is None:
        return model.objects.create(**lookup, **wanted), "created"
    if all(getattr(found, key) == value for key, value in wanted.items()):
        return found, None
    for key, value in wanted.items():
        setattr(found, key, value)
    found.save()
    return found, "updated"
