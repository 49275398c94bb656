"""The blog: an index (paginated, with category and author pages and feeds) and its posts
(hero, tags, related posts)."""

from dataclasses import dataclass
from functools import cached_property

from django import forms
from django.db import models
from django.http import Http404
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index

from blog.feeds import AtomFeed, RssFeed
from blog.listing import paginate
from blog.queries import author_with_photo, post_cards, related_posts, with_renditions
from blog.snippets import Author, BlogCategory
from front_cache import version
from pages.blocks import picture_renditions, responsive_picture
from pages.images import optional_image
from pages.models import BasePage
from pages.subpages import SubPage


class BlogIndexPage(RoutablePageMixin, BasePage):
    posts_per_page = 10

    # No max_count: an imported 11ty site brings its own blog beside ours (import_markdown
    # --blog chooses an existing one instead); each index has its own categories and feeds.
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["blog.BlogPage"]
    template = "blog/blog_index_page.html"

    class Meta:
        verbose_name = "blog index page"

    def posts(self):
        return post_cards().child_of(self)

    def get_cached_paths(self):
        """Every address this page answers, so a front cache purge reaches them all: the
        listing and each of its pages, every category and author listing and its pages, the
        feeds."""
        paths = self._listing_paths("/", self.posts().count())
        for prefix, model in (("category", BlogCategory), ("author", Author)):
            for each in self._listed(model):
                paths += self._listing_paths(f"/{prefix}/{each.slug}/", each.live_posts)
        return [*paths, "/feed/rss/", "/feed/atom/"]

    def _listed(self, model):
        """Authors or categories with their live posts here: count and newest publish."""
        live = models.Q(posts__live=True, posts__path__startswith=self.path)
        return model.objects.annotate(
            live_posts=models.Count("posts", filter=live),
            newest=models.Max("posts__last_published_at", filter=live),
        )

    def get_sitemap_urls(self, request=None):
        """The index, then each category and author listing that has posts."""
        entries = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        for prefix, model in (("category", BlogCategory), ("author", Author)):
            entries += [
                {"location": f"{base}{prefix}/{each.slug}/", "lastmod": each.newest}
                for each in self._listed(model)
                if each.live_posts
            ]
        return entries

    def _listing_paths(self, path, count):
        pages = max(1, -(-count // self.posts_per_page))
        return [path, *(f"{path}?page={number}" for number in range(1, pages + 1))]

    def paginated(self, request, build, *listing):
        return paginate(request, build, self.posts_per_page, self.pk, *listing)

    @path("")
    def index(self, request):
        return self.render(
            request,
            context_overrides={
                "posts": self.paginated(request, self.posts, "all"),
                "categories": BlogCategory.objects.all(),
            },
        )

    @path("category/<slug:slug>/", name="category")
    def category(self, request, slug):
        # The filter lists them all anyway.
        categories = version.cached("blog-categories", lambda: list(BlogCategory.objects.all()))
        category = next((each for each in categories if each.slug == slug), None)
        if category is None:
            raise Http404("No such category")
        subpage = SubPage(
            title=category.name,
            url=self.url + self.reverse_subpage("category", args=[slug]),
            description=category.description,
            kind="category",
            subject=category,
        )
        return self.render(
            request,
            context_overrides={
                "posts": self.paginated(
                    request, lambda: self.posts().filter(categories=category), "category", slug
                ),
                "categories": categories,
                "category": category,
                "subpage": subpage,
            },
        )

    @path("author/<slug:slug>/", name="author")
    def author(self, request, slug):
        author = version.cached("author", lambda: author_with_photo(slug), slug)
        if author is None:
            raise Http404("No such author")
        posts = self.paginated(request, lambda: self.posts().filter(author=author), "author", slug)
        subpage = SubPage(
            title=author.name,
            url=self.url + self.reverse_subpage("author", args=[slug]),
            description=author.bio,
            kind="author",
            subject=author,
        )
        return self.render(
            request,
            template="blog/author_page.html",
            context_overrides={
                "posts": posts,
                "author": author,
                "subpage": subpage,
            },
        )

    @path("feed/rss/", name="rss")
    def rss(self, request):
        return RssFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom(self, request):
        return AtomFeed(self)(request)


class BlogPageTag(TaggedItemBase):
    content_object = ParentalKey("BlogPage", related_name="tagged_items", on_delete=models.CASCADE)


class BlogPage(BasePage):
    intro = models.TextField(
        blank=True,
        max_length=400,
        help_text="A summary for listings, feeds and the top of the post.",
    )
    author = models.ForeignKey(
        Author, null=True, blank=True, on_delete=models.SET_NULL, related_name="posts"
    )
    categories = ParentalManyToManyField(
        BlogCategory, blank=True, related_name="posts", help_text="The first is shown on the post."
    )
    tags = ClusterTaggableManager(through=BlogPageTag, blank=True)
    hero_image = optional_image("Shown in listings and when the post is shared.")

    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types = []
    template = "blog/blog_page.html"

    content_panels = [
        *BasePage.content_panels[:1],
        MultiFieldPanel(
            [
                FieldPanel("author"),
                FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
                FieldPanel("tags"),
            ],
            heading="About this post",
        ),
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        *BasePage.content_panels[1:],
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = "blog post"

    # The hero's <picture> (the same picture as a figure's, pages.blocks): its widths, and
    # the width it is shown at (the prose column, about 40rem, or the whole screen).
    HERO_WIDTHS = ["480", "800", "1200"]
    HERO_SIZES = "(max-width: 40rem) 100vw, 40rem"

    @classmethod
    def serving_queryset(cls):
        """With its author, photo, hero, categories and tags (what a warm render shows
        outside its kept fragments); the pictures' renditions come with the related posts'
        (``related_cards``), read only when a fragment is built."""
        return cls.objects.select_related("author__photo", "hero_image").prefetch_related(
            "categories", "tags"
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        parent_path = self.path[: -self.steplen]
        # Every post of the blog shows the same index (back link, category links).
        blog_index = version.cached(
            "blog-index-link", lambda: _index_link(parent_path), parent_path
        )
        context["blog_index"] = blog_index
        if category := self.main_category:
            context["main_category_url"] = f"{blog_index.url}category/{category.slug}/"
        return context

    @cached_property
    def related_cards(self):
        """Related posts; their pictures' renditions come in one query with the hero's and
        the author's photo's. Read only where a fragment showing a picture is built (the
        hero, the author card, the related posts), never by a warm render."""
        related = related_posts(self)
        with_renditions(related, self.hero_image, self.author and self.author.photo)
        return related

    def load_pictures(self):
        """The renditions of every picture the post shows, in one query (pages.models.base)."""
        _ = self.related_cards

    @property
    def hero_picture(self):
        self.load_pictures()
        return responsive_picture(self.hero_image, self.HERO_WIDTHS, self.HERO_SIZES)

    @property
    def share_image(self):
        return self.hero_image

    @property
    def shows_updated_date(self):
        return self.updated_on is not None

    @cached_property
    def blog_url(self):
        """The blog index's address (a post is its child), without a query (a card asks
        for it several times: worked out once)."""
        url = self.url
        return url.removesuffix(f"{self.slug}/") if url else None

    @cached_property
    def author_url(self):
        """The author's page on this post's blog: /blog/author/<slug>/."""
        if self.author and self.author.slug and self.blog_url:
            return f"{self.blog_url}author/{self.author.slug}/"
        return None

    def sitemap_image_ids(self):
        return [*([self.hero_image_id] if self.hero_image_id else []), *super().sitemap_image_ids()]

    def renditions_shown(self, site_settings=None):
        """Also the hero (blog_page.html), its card (components/post_card.html) and the
        author's photo."""
        shown = super().renditions_shown(site_settings)
        shown += picture_renditions(self.hero_image, self.HERO_WIDTHS)
        if self.hero_image:
            shown.append((self.hero_image, ["fill-480x270"]))
        if self.author and self.author.photo:
            shown.append((self.author.photo, ["fill-96x96"]))
        return shown

    @property
    def main_category(self):
        categories = list(self.categories.all())
        return categories[0] if categories else None


@dataclass
class IndexLink:
    """What a post shows of its blog index (the back link): kept, not the whole page."""

    url: str
    nav_label: str


def _index_link(path):
    index = BlogIndexPage.objects.get(path=path)
    return IndexLink(index.url, index.nav_label)
