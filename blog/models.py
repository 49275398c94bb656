"""The blog: an index (paginated, filterable by category, with feeds) and its posts."""

from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index

from blog.feeds import AtomFeed, RssFeed
from blog.snippets import Author, BlogCategory
from pages.images import optional_image
from pages.models import BasePage
from pages.restrictions import public


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
        listing and each of its pages, every category listing and its pages, the feeds."""
        paths = self._listing_paths("/", self.posts().count())
        counts = BlogCategory.objects.annotate(
            live_posts=models.Count(
                "posts", filter=models.Q(posts__live=True, posts__path__startswith=self.path)
            )
        )
        for category in counts:
            paths += self._listing_paths(f"/category/{category.slug}/", category.live_posts)
        return [*paths, "/feed/rss/", "/feed/atom/"]

    def _listing_paths(self, path, count):
        pages = max(1, -(-count // self.posts_per_page))
        return [path, *(f"{path}?page={number}" for number in range(1, pages + 1))]

    def paginated(self, request, posts):
        return Paginator(posts, self.posts_per_page).get_page(request.GET.get("page"))

    @path("")
    def index(self, request):
        return self.render(
            request,
            context_overrides={
                "posts": self.paginated(request, self.posts()),
                "categories": BlogCategory.objects.all(),
            },
        )

    @path("category/<slug:slug>/")
    def category(self, request, slug):
        categories = list(BlogCategory.objects.all())  # the filter lists them all anyway
        category = next((each for each in categories if each.slug == slug), None)
        if category is None:
            raise Http404("No such category")
        return self.render(
            request,
            context_overrides={
                "posts": self.paginated(request, self.posts().filter(categories=category)),
                "categories": categories,
                "category": category,
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
            [FieldPanel("author"), FieldPanel("categories"), FieldPanel("tags")],
            heading="About this post",
        ),
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        *BasePage.content_panels[1:],
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = "blog post"

    @classmethod
    def serving_queryset(cls):
        return cls.objects.select_related("author__photo", "hero_image").prefetch_related(
            "categories", "tags", "hero_image__renditions", "author__photo__renditions"
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        blog_index = BlogIndexPage.objects.get(path=self.path[: -self.steplen])
        context["blog_index"] = blog_index
        if category := self.main_category:
            context["main_category_url"] = blog_index.url + blog_index.reverse_subpage(
                "category", args=[category.slug]
            )
        return context

    @property
    def share_image(self):
        return self.hero_image

    def renditions_shown(self, site_settings=None):
        """Also the hero (blog_page.html), its card (components/post_card.html) and the
        author's photo."""
        shown = super().renditions_shown(site_settings)
        if self.hero_image:
            shown.append((self.hero_image, ["width-1200", "fill-480x270"]))
        if self.author and self.author.photo:
            shown.append((self.author.photo, ["fill-96x96"]))
        return shown

    @property
    def main_category(self):
        categories = list(self.categories.all())
        return categories[0] if categories else None


LATEST_POSTS_ON_HOME = 3


def post_cards():
    """Live posts, newest first, with what a post card shows (author, categories, picture)."""
    return (
        public(BlogPage.objects.live())
        .select_related("author", "hero_image")
        .prefetch_related("categories", "hero_image__renditions")
        .order_by("-published_on", "-first_published_at")
    )


def latest_posts(home):
    """The newest live posts under ``home`` (the home page lists them)."""
    return post_cards().descendant_of(home)[:LATEST_POSTS_ON_HOME]
