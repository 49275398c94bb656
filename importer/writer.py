"""Executes a plan: snippets, then every page parents first, one transaction per file.

A file that fails is rolled back and reported; the others still import. Redirects go through
the site's redirect store, which refuses loops and sources that shadow live pages.
"""

from dataclasses import dataclass, field

from django.db import transaction
from wagtail.models import Page

from importer.indexing import indexed_once
from importer.models import ImportedPage
from importer.page_kinds import model_for
from importer.placement import site_path
from importer.snippets import AUTHORS_FILE, Snippets, photo_title
from importer.source import Problem
from importer.values import Resolver, apply_values, changed_fields, page_values
from site_redirects.store import RedirectRefused, save_redirect


@dataclass
class Result:
    label: str
    status: str  # created / updated / unchanged / failed
    url: str = ""
    problems: list = field(default_factory=list)


class WriteResolver(Resolver):
    """Ids for images, authors and categories, creating what does not exist yet."""

    def image(self, src, alt, where):
        found, problem = self.find_image(src, alt)
        return None if problem else self.plan.media.save(found).pk

    def author(self, name):
        return Snippets.save_author({"name": name})[0].pk

    def category(self, value):
        row, _ = self.plan.snippets.category_row(value)
        return Snippets.save_category(row)[0].pk


class Writer:
    def __init__(self, plan, progress=None):
        self.plan = plan
        self.progress = progress or (lambda done, total, label: None)
        self.pages = {}  # node -> the page written for it
        self.children = None  # parent node -> its nodes, built on first use
        self.results = []

    def run(self):
        """Write everything; one Result per data file, Markdown file and generated section."""
        for path, why in self.plan.skipped:
            self.results.append(Result(path, "skipped", problems=[Problem(why)]))
        for entry in self.plan.entries:
            if entry.source.error is not None:
                problems = [entry.source.error, *entry.source.warnings]
                self.results.append(Result(entry.source.path, "failed", problems=problems))
        steps = self.plan.all_steps()
        total = len(steps) + len(self.plan.snippets.data_files())
        done = 0
        for data in self.plan.snippets.data_files():
            self.results.append(self._write_data_file(data))
            done += 1
            self.progress(done, total, data.path)
        for step in steps:
            self.results.append(self._write_step(step))
            done += 1
            self.progress(done, total, step.label)
        return self.results

    def _write_data_file(self, data):
        if data.error:
            return Result(data.path, "failed", problems=[data.error, *data.warnings])
        changes = []
        try:
            with transaction.atomic():
                for row in data.rows:
                    if data.path == AUTHORS_FILE:
                        photo = self._photo(row, data)
                        changes.append(Snippets.save_author(row, photo)[1])
                    else:
                        changes.append(Snippets.save_category(row)[1])
        except Exception as error:  # one data file failing must not stop the import
            return Result(data.path, "failed", problems=[_failure(error), *data.warnings])
        # "created" when every entry is new, "updated" when any changed.
        status = "created" if changes and all(c == "created" for c in changes) else "updated"
        return Result(data.path, status if any(changes) else "unchanged", problems=data.warnings)

    def _photo(self, row, data):
        """The author's photo; a missing one was reported by the plan."""
        if not row.get("photo"):
            return None
        found, problem = self.plan.media.find(row["photo"], data.path, photo_title(row))
        return None if problem else self.plan.media.save(found)

    def _write_step(self, step):
        node = step.node
        problems = [*(node.entry.source.warnings if node.entry else []), *node.warnings]
        if node.error is not None:
            return Result(step.label, "failed", problems=[node.error, *problems])
        parent = self._parent_page(node)
        if parent is None and node.page is None:
            failure = Problem(f"its parent '{node.parent.title}' could not be written")
            return Result(step.label, "failed", problems=[failure, *problems])
        try:
            with transaction.atomic():
                written = []
                with indexed_once(written):
                    page, status = self._save_page(step, parent)
                    if status != "unchanged":
                        written.append(page)
                ImportedPage.objects.filter(
                    import_root=self.plan.under, source_path=node.ident
                ).exclude(page=page).delete()
                ImportedPage.objects.update_or_create(
                    page=page,
                    defaults={"import_root": self.plan.under, "source_path": node.ident},
                )
                url = site_path(page)
                if self._save_redirects(step, url, problems) and status == "unchanged":
                    status = "updated"
        except Exception as error:  # one file failing must not stop the import
            return Result(step.label, "failed", problems=[_failure(error), *problems])
        self.pages[node] = page
        return Result(step.label, status, url, problems)

    def _parent_page(self, node):
        """Where a new page goes: the page written for its parent node (None if that failed)."""
        parent = node.parent or self.plan.placement.root
        return parent.page or self.pages.get(parent)

    def _save_page(self, step, parent):
        node = step.node
        resolver = WriteResolver(self.plan, node.entry) if node.entry else None
        is_root = node is self.plan.placement.root
        values = page_values(node, resolver, is_import_root=is_root)
        # Template code left out of the live page is shown to editors in a draft after it.
        notes = page_values(node, resolver, is_import_root=is_root, with_notices=True)
        if node.page is not None:
            latest = node.page.get_latest_revision_as_object()
            if not changed_fields(latest, notes or values):
                return node.page, "unchanged"
            publish = node.page.live and not node.draft
            apply_values(latest, values if publish else notes or values)
            revision = latest.save_revision()
            if publish:
                revision.publish()
                self._save_notes(node.page, notes)
            return node.page, "updated"
        page = model_for(node.kind)(slug=node.slug, live=not node.draft)
        apply_values(page, values)
        if sibling := self._next_sibling(node, parent):
            sibling.add_sibling(pos="left", instance=page)
        else:
            parent.add_child(instance=page)
        revision = page.save_revision(clean=False)  # add_child has just validated it
        if not node.draft:  # a draft stays a draft until an editor publishes it
            revision.publish()
            self._save_notes(page, notes)
        return page, "created"

    @staticmethod
    def _save_notes(page, notes):
        """A draft revision with the notices, after the published one."""
        if notes is None:
            return
        draft = type(page).objects.get(pk=page.pk).get_latest_revision_as_object()
        apply_values(draft, notes)
        draft.save_revision()

    def _next_sibling(self, node, parent):
        """The first page of this import under ``parent`` that sorts after ``node``."""
        siblings = [
            other
            for other in self._children_of(node.parent)
            if other is not node and other.sort_key > node.sort_key
        ]
        pks = [page.pk for other in siblings if (page := other.page or self.pages.get(other))]
        # child_of: a sibling an editor moved elsewhere is no reference point.
        return Page.objects.child_of(parent).filter(pk__in=pks).order_by("path").first()

    def _children_of(self, parent):
        if self.children is None:  # one pass, not one per node (linear in the files)
            self.children = {}
            for each in self.plan.placement.nodes:
                self.children.setdefault(each.parent, []).append(each)
        return self.children.get(parent, [])

    def _save_redirects(self, step, url, problems):
        """Each old URL -> ``url``; a refused one is a warning. Whether any was created."""
        created = False
        for old, why in step.redirects:
            try:
                saved = save_redirect(
                    old, url, site=self.plan.site, notes=f"import_markdown: {step.label} ({why})"
                )
            except RedirectRefused as refused:
                problems.append(Problem(f"redirect {old} -> {url} refused: {refused.reason}"))
                continue
            created = created or saved.created
        return created


def _failure(error):
    return Problem(f"not imported: {type(error).__name__}: {error}")
