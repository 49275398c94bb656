"""The import plan: every file read, placed and compared with the site, before anything is written.

A dry run prints this plan; a real run executes it (importer.writer).
"""

from dataclasses import dataclass, field
from pathlib import Path

from wagtail.models import Page

from blog.snippets import Author, BlogCategory
from importer.address import page_variables
from importer.body import BodyConverter
from importer.cascade import DataCascade, deep_merge
from importer.fields import read_fields
from importer.images import MediaLibrary
from importer.placement import Placement
from importer.snippets import Snippets, photo_title
from importer.source import Problem, content_files, read_source
from importer.tree import TreeBuilder
from importer.values import Resolver, changed_fields, page_values


@dataclass
class Entry:
    source: object  # SourceFile
    fields: object = None  # PageFields
    jumbotron: list = field(default_factory=list)
    body: list = field(default_factory=list)
    draft_body: list | None = None  # the body with notices for editors, when it has any


@dataclass
class Clash:
    """An old URL of the import that an existing live page answers: the page was kept."""

    url: str
    label: str  # the file (or section) that wanted it
    kept: str  # the page that kept the address
    instead: str  # what the import did instead


@dataclass
class Step:
    """One page to write: its node, what happens to it, and the redirects to it."""

    node: object
    action: str = "create"  # create / update / unchanged / fail
    changed: list = field(default_factory=list)
    redirects: list = field(default_factory=list)  # (old path, why)

    @property
    def label(self):
        return self.node.ident if not self.node.generated else f"[section] {self.node.title}"


class PlanResolver(Resolver):
    """Ids for images, authors and categories as they are now; placeholders for new ones."""

    def image(self, src, alt, where):
        found, problem = self.find_image(src, alt)
        line = where if isinstance(where, int) else self.entry.source.key_lines.get(where)
        if problem:
            self.entry.source.warnings.append(Problem(problem, line))
            return None
        self.plan.images.setdefault(found.path, (found, self.entry.source.path))
        return found.existing_id or f"new image {found.sha1}"

    def link_problem(self, message):
        reported = self.plan.link_problems.setdefault(self.entry.source.path, set())
        if message not in reported:  # once per target, though the body and its draft link it
            reported.add(message)
            self.entry.source.warnings.append(Problem(message))

    def author(self, name):
        _, new = self.plan.snippets.author_row(name)
        if new:
            self.entry.source.warn(
                f"author '{name}' is in no data file nor the site: created with the name only",
                "author",
            )
        return self.plan.existing_ids(Author, name=name) or f"new author {name}"

    def category(self, value):
        row, new = self.plan.snippets.category_row(value)
        if new:
            self.entry.source.warn(f"category '{value}' is new: created", "categories")
        return self.plan.existing_ids(BlogCategory, slug=row["slug"]) or row["slug"]


class Plan:
    def __init__(self, source_dir, *, under, media_dir=None, kind_map, title_key="", blog=None):
        self.source_dir = Path(source_dir)
        self.under = under
        self.site = under.get_site()  # old URLs were this site's: its redirects
        self.media = MediaLibrary(media_dir or source_dir, source_dir)
        self.snippets = Snippets(self.source_dir)
        self.cascade = DataCascade(self.source_dir)
        self.title_key = title_key
        self.images = {}  # path -> (FoundImage, first file using it)
        self.link_problems = {}  # file -> the .md links already reported
        markdown, self.skipped = content_files(self.source_dir)
        self.entries = [self._read(file) for file in markdown]
        readable = [entry for entry in self.entries if entry.source.error is None]
        builder = TreeBuilder(readable).build()
        self.kind_map = kind_map
        self.placement = Placement(builder, under, kind_map, blog)
        self.steps = [Step(node) for node in self.placement.run()]
        self.root_step = Step(self.placement.root) if builder.root else None
        self._urls = {s.node.ident: s.node.url for s in self.all_steps() if s.node.entry}
        self._plan_pages()
        self._plan_redirects()
        self._plan_clashes()
        self._plan_photos()

    def _read(self, file):
        source = read_source(file, self.source_dir)
        entry = Entry(source=source)
        if source.error is None:
            data, origins, problems = self.cascade.for_file(source.path)
            source.meta = deep_merge(data, source.meta)
            source.origins = {k: p for k, p in origins.items() if k not in source.key_lines}
            for data_file in problems:
                source.warn(f"{data_file.path}: {data_file.problem}")
            entry.fields = read_fields(source, self.cascade.global_data, self.title_key)
        if source.error is None:
            fields = entry.fields
            variables = page_variables(
                source, self.cascade.global_data, fields.title, fields.published_on
            )
            converter = BodyConverter(source.meta, variables)
            converted = [converter.body(source.body, source.body_line)]
            if entry.fields.jumbotron:
                # A block scalar (`jumbotron: |`) starts on the line after its key.
                line = source.key_lines.get("jumbotron", 1)
                line += "\n" in str(source.meta.get("jumbotron"))
                converted.append(converter.jumbotron(entry.fields.jumbotron, line))
                entry.jumbotron = converted[-1].blocks
            entry.body = converted[0].blocks
            entry.draft_body = converted[0].draft_blocks
            for part in converted:
                source.warnings += [Problem(message, line) for line, message in part.warnings]
            # A block the editor's form would refuse fails the file; the others still import.
            past = [
                Problem(message, line) for part in converted for line, message in part.past_limits
            ]
            if past:
                source.error, source.warnings = past[0], [*past[1:], *source.warnings]
        return entry

    def url_of(self, path):
        """The new address of the page imported from the file ``path`` (None: not imported)."""
        return self._urls.get(path)

    @staticmethod
    def will_be_live(node):
        """Whether the node's page is live after the import (a new draft is not)."""
        return node.page.live if node.page is not None else not node.draft

    @staticmethod
    def existing_ids(model, **lookup):
        found = model.objects.filter(**lookup).order_by("pk").first()
        return found.pk if found else None

    def all_steps(self):
        return [self.root_step, *self.steps] if self.root_step else list(self.steps)

    def _plan_pages(self):
        for step in self.all_steps():
            node = step.node
            if node.error is not None:
                step.action = "fail"
                continue
            resolver = PlanResolver(self, node.entry) if node.entry else None
            is_root = node is self.placement.root
            values = page_values(node, resolver, is_import_root=is_root)
            notes = page_values(node, resolver, is_import_root=is_root, with_notices=True)
            if node.page is None:
                continue
            latest = node.page.get_latest_revision_as_object()
            step.changed = changed_fields(latest, notes or values)
            step.action = "update" if step.changed else "unchanged"

    def _plan_redirects(self):
        """Old URLs -> the page; none that would shadow a page of this import."""
        urls = {step.node.url.rstrip("/") or "/": step for step in self.all_steps()}
        for step in self.all_steps():
            node = step.node
            if node.entry is None or step.action == "fail":
                continue
            if not self.will_be_live(node):
                # An old URL that 11ty never served, or a draft: nothing to send there yet.
                continue
            wanted = []
            if node.old_url and node.old_url != node.url:
                wanted.append((node.old_url, "its old address", None))
            line = node.entry.source.key_lines.get("redirect_from")
            froms = node.entry.fields.redirect_from
            wanted += [(self._path(old), "redirect_from", line) for old in froms]
            for old, why, line in wanted:
                key = old.rstrip("/") or "/"
                if key == (node.url.rstrip("/") or "/"):
                    if why == "redirect_from":
                        node.entry.source.warnings.append(
                            Problem(f"redirect_from {old} is the page's own address: skipped", line)
                        )
                    continue
                if key in urls:
                    other = urls[key].label
                    node.entry.source.warnings.append(
                        Problem(f"redirect {old} -> {node.url} would shadow {other}: skipped", line)
                    )
                    continue
                if old not in [known for known, _ in step.redirects]:
                    step.redirects.append((old, why))

    def _live_pages(self, exclude):
        """{site path: title} of the site's live pages, but ``exclude`` (pks)."""
        root = self.site.root_page
        pages = (
            Page.objects.live()
            .descendant_of(root, inclusive=True)
            .exclude(pk__in=exclude)
            .values_list("url_path", "title")
        )
        return {"/" + path[len(root.url_path) :]: title for path, title in pages}

    def _plan_clashes(self):
        """Old URLs and addresses of the import that existing live pages keep."""
        steps = self.all_steps()
        ours = [step.node.page.pk for step in steps if step.node.page is not None]
        live = self._live_pages(ours)
        self.clashes = []
        for step in steps:
            node = step.node
            if node.clash and node.page is None:
                kept = f"the live page {node.clash} ({live.get(node.clash, '?')})"
                self.clashes.append(Clash(node.clash, step.label, kept, f"imported at {node.url}"))
            for old, why in step.redirects:
                key = old if old.endswith("/") else old + "/"
                if key in live and key != node.clash:
                    kept = f"the live page {key} ({live[key]})"
                    instead = f"no redirect to {node.url} ({why})"
                    self.clashes.append(Clash(old, step.label, kept, instead))

    def _plan_photos(self):
        authors = self.snippets.authors_file
        for row in authors.rows if authors else []:
            if row["photo"]:
                found, problem = self.media.find(row["photo"], authors.path, photo_title(row))
                if problem:
                    authors.warnings.append(Problem(f"{row['name']}: {problem}"))
                else:
                    self.images.setdefault(found.path, (found, authors.path))

    @staticmethod
    def _path(old):
        return old if old.startswith(("/", "http://", "https://")) else "/" + old
