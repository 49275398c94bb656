"""From a tree of nodes to a valid Wagtail tree: matched pages, page types, slugs and URLs.

Pages already imported from the same file (ImportedPage) are matched and stay where they are,
even if an editor moved them. New pages get the type the map gives them; where Wagtail's
tree rules forbid that type under their parent they become standard pages (or move up), and
blog posts go to the blog index. Every change of plan is a warning on the file.
"""

from collections import Counter

from wagtail.models import Page

from importer.models import ImportedPage
from importer.page_kinds import KIND_LABELS, allowed_under, kind_of, mapped_kind, model_for
from importer.source import Problem
from importer.tree import Node, top_down
from pages.models import HomePage


def site_path(page):
    """The page's URL path on its site ("/services/x/"), or its tree path when unroutable."""
    parts = page.get_url_parts()
    return parts[2] if parts else page.url_path


BLOG_SECTION = "blog:"  # the ImportedPage source of a blog index generated for an import


class Placement:
    def __init__(self, builder, under, kind_map, blog=None):
        self.builder = builder
        self.under = under
        self.kind_map = kind_map
        self.chosen_blog = blog  # --blog: the existing blog index posts go to
        self.root = builder.root or Node(ident="", title=under.title)
        self.root.page, self.root.kind, self.root.url = under, kind_of(under), site_path(under)
        self.nodes = builder.top_down()
        self._singletons = {}
        self._slugs = {}  # parent node -> slugs taken among its children
        self._existing = {}  # parent node -> the slugs its existing children had
        self._blog = None

    def run(self):
        self._match()
        for node in self.nodes:
            self._decide_kind(node)
        for node in self.nodes:
            if node.page is None:
                self._fit(node)
        self._drop_empty_sections()
        self.nodes = [n for n in self._top_down() if n is not self.root]
        for node in self.nodes:
            self._address(node)
        return self.nodes

    def parent(self, node):
        return node.parent or self.root

    def _top_down(self):
        # Posts moved to an existing blog index hang below a node outside the plan.
        return top_down(n for n in self.nodes if n.parent is None or n.parent not in self.nodes)

    def _match(self):
        rows = list(
            ImportedPage.objects.filter(import_root=self.under).values_list("source_path", "page")
        )
        # One query per page type, not one per page (a re-run of 1,000 files).
        found = Page.objects.filter(pk__in=[pk for _, pk in rows]).specific()
        pages = {page.pk: page for page in found}
        records = {path: pages[pk] for path, pk in rows if pk in pages}
        self._records = records
        used = {self.under.pk}
        for node in self.nodes:
            nav = node.entry.fields.navigation if node.entry else None
            # A section generated for a key that a file now defines becomes that file's page.
            page = records.get(node.ident) or (nav and records.get(f"nav:{nav.key}"))
            if page is not None and page.pk not in used:
                node.page = page
                used.add(page.pk)

    def _parent_model(self, node):
        parent = self.parent(node)
        if parent.page is not None:
            return parent.page.specific_class
        return model_for(parent.kind)

    def _decide_kind(self, node):
        wanted = self._wanted_kind(node)
        if node.page is None:
            node.kind = wanted
            return
        node.kind = kind_of(node.page)
        if node.entry is not None and node.kind != wanted:
            node.warnings.append(
                Problem(
                    f"maps to a {KIND_LABELS[wanted]} but its page is a "
                    f"{KIND_LABELS.get(node.kind, 'page')}: updated as it is"
                )
            )

    def _wanted_kind(self, node):
        parent_kind = self.parent(node).kind
        if node.entry is not None:
            fields = node.entry.fields
            mapped = mapped_kind(fields, node.ident, self.kind_map)
            if mapped:
                return mapped
            if parent_kind == "service_index" or fields.promoted:
                return "service"
            if parent_kind == "blog_index":
                return "blog_post"
        children = [c for c in node.children if c.entry is not None]
        if (
            node.generated
            and self.chosen_blog is None
            and any(
                mapped_kind(c.entry.fields, c.ident, self.kind_map) == "blog_post" for c in children
            )
        ):
            return "blog_index"
        # A top-level page whose children include a promoted service is a services section.
        if node.parent is None and any(c.entry.fields.promoted for c in children):
            return "service_index"
        return "standard"

    def _taken(self, kind, node):
        """Whether a one-per-site type (blog index, contact page) is already used."""
        model = model_for(kind)
        if not model.max_count:
            return False
        planned = self._singletons.setdefault(kind, [])
        if model.objects.count() + len(planned) >= model.max_count:
            return True
        planned.append(node)
        return False

    def _fit(self, node):
        while True:
            parent_model = self._parent_model(node)
            in_blog = parent_model is model_for("blog_index")
            if node.kind == "blog_post" and (not in_blog or self.chosen_blog is not None):
                blog = self._blog_index()
                if self.parent(node) is not blog:
                    self._move(node, blog)
                    continue
            if allowed_under(node.kind, parent_model) and not self._taken(node.kind, node):
                return
            label = KIND_LABELS[node.kind]
            if node.kind != "standard" and allowed_under("standard", parent_model):
                node.warnings.append(
                    Problem(f"cannot be a {label} here: imported as a standard page")
                )
                node.kind = "standard"
                return
            if node.parent is None:
                node.error = Problem(f"a {label} has no place under {self.root.url}")
                return
            node.warnings.append(
                Problem(f"a {label} cannot live under '{node.parent.title}': placed above it")
            )
            self._move(node, node.parent.parent)

    def _blog_index(self):
        """Where posts go: the import's own blog index, the one --blog chose, else a blog
        index generated for the import beside its tree (never an existing one by chance)."""
        if self.chosen_blog is None:
            for node in self.nodes:
                if node.kind == "blog_index":
                    return node
        if self._blog is None and self.chosen_blog is not None:
            page = self.chosen_blog
            self._blog = Node(ident=f"page:{page.pk}", title=page.title, page=page)
            self._blog.kind = "blog_index"
        elif self._blog is None:
            self._blog = self._generated_blog()
        return self._blog

    def _generated_blog(self):
        posts = [n for n in self.nodes if n.kind == "blog_post" and n.entry is not None]
        prefixes = Counter(
            n.old_url.strip("/").split("/")[0] for n in posts if n.old_url and n.old_url != "/"
        )
        slug = prefixes.most_common(1)[0][0] if prefixes else "blog"
        slug = "blog" if slug.isdigit() else slug  # /2024/01/post/: a dated folder
        blog = Node(ident=BLOG_SECTION, title="Blog", show_in_menus=True, slug=slug or "blog")
        blog.kind = "blog_index"
        blog.warnings.append(Problem("a blog index generated for the import's posts"))
        blog.page = self._records.get(BLOG_SECTION)
        if not isinstance(self.under, HomePage):  # a blog index lives under the home page
            home = self.under.get_site().root_page.specific
            blog.parent = Node(ident=f"page:{home.pk}", title=home.title, page=home)
            blog.parent.kind, blog.parent.url = "home", site_path(home)
        self.nodes.append(blog)
        return blog

    @staticmethod
    def _move(node, parent):
        if node.parent is not None:
            node.parent.children.remove(node)
        node.parent = parent
        if parent is not None:
            parent.children.append(node)
            if parent.page is not None and not parent.url:
                parent.url = site_path(parent.page)

    def _drop_empty_sections(self):
        """Generated sections no new page needs go: their posts went to the blog index, or
        every page below them already exists (wherever editors keep it)."""
        for node in reversed(list(self.nodes)):
            if node.generated and node.page is None and all(c.page for c in node.children):
                self._move(node, None)
                self.nodes.remove(node)

    def _address(self, node):
        """Slug (unique among the siblings) and URL; an existing page keeps both."""
        if node.page is not None:
            node.url, node.slug = site_path(node.page), node.page.slug
            return
        parent = self.parent(node)
        if parent not in self._slugs:
            children = (
                parent.page.get_children() if parent.page is not None else Page.objects.none()
            )
            self._slugs[parent] = set(children.values_list("slug", flat=True))
            self._existing[parent] = frozenset(self._slugs[parent])
        taken = self._slugs[parent]
        if node.slug in self._existing[parent]:
            node.clash = f"{parent.url}{node.slug}/"
        slug, number = node.slug, 2
        while slug in taken:
            slug, number = f"{node.slug}-{number}", number + 1
        if slug != node.slug:
            node.warnings.append(
                Problem(f"{parent.url}{node.slug}/ is taken: the page is {parent.url}{slug}/")
            )
        node.slug = slug
        taken.add(slug)
        node.url = f"{parent.url}{slug}/"


def under_page(path, site):
    """The page at ``path`` on ``site``, or None."""
    root = site.root_page
    wanted = root.url_path + path.strip("/") + "/" if path.strip("/") else root.url_path
    return Page.objects.filter(url_path=wanted).first()
