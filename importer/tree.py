"""Where each file goes: navigation parents, folders, generated sections, old URLs and slugs.

A node is one page of the plan: a file, or a section no file defines (a navigation parent, or
a folder without an index.md). ``parent`` None means the page the import is placed under.
"""

from dataclasses import dataclass, field
from pathlib import PurePosixPath

from django.utils.text import slugify

from importer.permalinks import default_url, link_to_url, strip_date
from importer.source import Problem


@dataclass(eq=False)
class Node:
    ident: str  # the file's path, or "nav:<key>" / "folder:<path>" for a generated section
    title: str
    entry: object = None  # the file's Entry; None for a generated section
    old_url: str | None = None  # what 11ty published it at
    order: float = 0
    show_in_menus: bool = False
    nav_label: str = ""
    parent: "Node | None" = None
    children: list = field(default_factory=list)
    kind: str | None = None
    page: object = None  # the existing page this node updates
    slug: str = ""
    url: str = ""
    warnings: list = field(default_factory=list)
    error: Problem | None = None  # set when the page cannot be placed or written
    clash: str = ""  # the address an existing page kept, so this page got another slug

    @property
    def generated(self):
        return self.entry is None

    @property
    def draft(self):
        """A file 11ty did not publish, or a generated section with only such pages below."""
        if self.entry is not None:
            return bool(self.entry.fields.draft)
        return bool(self.children) and all(child.draft for child in self.children)

    @property
    def sort_key(self):
        return (self.order, self.title.lower())

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


def old_url(path, permalink):
    """The URL 11ty published a file at: its permalink, else its path (a/index.md -> /a/)."""
    if permalink is False:
        return None
    if isinstance(permalink, str) and permalink:
        return link_to_url(permalink)
    return default_url(path)


def slug_for(url, fallback):
    """The last segment of an old URL (without .html) as a slug, else the fallback's slug."""
    segment = PurePosixPath((url or "").rstrip("/")).name if url else ""
    segment = segment[: -len(".html")] if segment.endswith(".html") else segment
    # 11ty's file-slug rule: a dated name (2024-01-09-my-post) is the post "my-post"
    segment = strip_date(segment)
    return slugify(segment) or slugify(fallback) or "page"


def folder_title(folder):
    return PurePosixPath(folder).name.replace("-", " ").replace("_", " ").capitalize()


class TreeBuilder:
    """Builds the nodes of the parsed entries (files that could be read)."""

    def __init__(self, entries):
        self.entries = entries
        self.root = None  # the node of the folder's own index.md: the page imported under
        self.nodes = []
        self.by_key = {}
        self.by_url = {}
        self.generated = {}

    def build(self):
        for entry in self.entries:
            fields, path = entry.fields, entry.source.path
            url = fields.url
            nav = fields.navigation
            node = Node(
                ident=path,
                title=fields.title,
                entry=entry,
                old_url=url,
                order=nav.order if nav else 0,
                show_in_menus=nav is not None,
                nav_label=nav.key if nav and nav.key != fields.title else "",
            )
            node.slug = slug_for(url, fields.title)
            if url == "/":
                if self.root is not None:
                    entry.source.error = Problem(f"{self.root.ident} is already the page at /")
                    continue
                self.root = node
            else:
                self.nodes.append(node)
            if url and url not in self.by_url:
                self.by_url[url] = node
            if nav and nav.key in self.by_key:
                other = self.by_key[nav.key].ident
                node.warnings.append(Problem(f"navigation key '{nav.key}' is also {other}'s"))
            elif nav:
                self.by_key[nav.key] = node
        for node in self.nodes:
            self._place(node)
        self._break_cycles()
        for node in [*self.nodes, *self.generated.values()]:
            if node.parent is not None:
                node.parent.children.append(node)
        for node in self.nodes:
            self._check_root(node)
        return self

    @staticmethod
    def _check_root(node):
        """11ty's `root` names the top-level section; the parent chain decides the place."""
        nav = node.entry.fields.navigation
        if not (nav and nav.root and nav.parent) or node.parent is None:
            return  # no parent, or the page imported under
        top = [node, *node.ancestors()][-1]
        top_nav = top.entry.fields.navigation if top.entry else None
        top_key = top_nav.key if top_nav else top.title
        if top_key != nav.root:
            node.entry.source.warn(
                f"eleventyNavigation.root '{nav.root}' is not the section its parent is in "
                f"('{top_key}'): placed under its parent",
                "eleventyNavigation.root",
            )

    def _section(self, ident, title, menus, what):
        """A generated section page, shared by every node that needs it."""
        if ident not in self.generated:
            section = Node(
                ident=ident, title=title, show_in_menus=menus, slug=slugify(title) or "section"
            )
            section.warnings.append(
                Problem(f"no file defines the {what}: a generated section stands in for it")
            )
            self.generated[ident] = section
        return self.generated[ident]

    def _by_key(self, key, root=""):
        if key in self.by_key:
            return self.by_key[key]
        section = self._section(f"nav:{key}", key, True, f"navigation parent '{key}'")
        if root and root != key and section.parent is None:
            parent = self._by_key(root)
            section.parent = None if parent is self.root else parent
        return section

    def _place(self, node):
        nav = node.entry.fields.navigation
        if nav and nav.parent and nav.parent != nav.key:
            node.parent = self._by_key(nav.parent, nav.root)
        elif nav and nav.root and nav.root != nav.key:
            node.parent = self._by_key(nav.root)
        elif not nav:
            node.parent = self._by_folder(PurePosixPath(node.ident).parent, node)
        if node.parent is not None and node.parent is self.root:
            node.parent = None  # the folder's index.md is the page imported under

    def _by_folder(self, folder, node):
        """The node published at ``folder``'s URL, or a generated section named after it."""
        if node.old_url == f"/{folder}/" or PurePosixPath(node.ident).stem == "index":
            folder = folder.parent  # a folder's index.md (or a/a.md) is the folder itself
        if str(folder) == ".":
            return None
        url = f"/{folder}/"
        if url in self.by_url and self.by_url[url] is not node:
            found = self.by_url[url]
            return None if found is self.root else found
        ident = f"folder:{folder}"
        section = self.generated.get(ident)
        if section is None:
            section = self._section(ident, folder_title(folder), False, f"folder {folder}/")
            section.old_url, section.slug = url, slugify(folder.name) or "section"
            section.parent = self._by_folder(folder.parent, section)
        return section

    def _break_cycles(self):
        for node in [*self.nodes, *self.generated.values()]:
            seen = {node}
            for ancestor in node.ancestors():
                if ancestor in seen:
                    node.warnings.append(
                        Problem("its navigation parents form a loop: placed at the top level")
                    )
                    node.parent = None
                    break
                seen.add(ancestor)

    def top_down(self):
        """Every node, parents before children, siblings in navigation order."""
        return top_down(n for n in [*self.nodes, *self.generated.values()] if n.parent is None)


def top_down(tops):
    """``tops`` and every node below them, level by level, siblings in navigation order."""
    ordered = []
    level = sorted(tops, key=lambda n: n.sort_key)
    while level:
        ordered += level
        level = [c for n in level for c in sorted(n.children, key=lambda c: c.sort_key)]
    return ordered
