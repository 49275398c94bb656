"""The blog's queries: post cards (newest first, with what a card shows), related posts,
the home page's latest posts, an author with their photo. The models import this module, so
it imports the models where it uses them."""

from django.db import models
from django.db.models import prefetch_related_objects
from django.db.models.functions import Coalesce

from blog.snippets import Author
from pages.restrictions import public

LATEST_POSTS_ON_HOME = 3


# The date visitors see (display_date): a post without a publication date of its own sorts
# by its first publish, not before every dated post (PostgreSQL puts NULLs first).
newest_first = Coalesce("published_on", "first_published_at").desc(nulls_last=True)


def post_cards(renditions=True):
    """Live posts, newest first, with what a post card shows (author, categories, picture;
    without the picture's renditions when the caller fetches them with others')."""
    from blog.models import BlogPage

    lookups = ["categories", "hero_image__renditions"] if renditions else ["categories"]
    return (
        public(BlogPage.objects.live())
        .select_related("author", "hero_image")
        .prefetch_related(*lookups)
        .order_by(newest_first)
    )


def with_renditions(posts, *images):
    """``posts`` (a list), their cards' pictures and ``images`` given their renditions in one
    query: prefetching each relation apart costs one query per relation."""
    pictures = [post.hero_image for post in posts if post.hero_image]
    prefetch_related_objects([image for image in (*images, *pictures) if image], "renditions")
    return posts


def author_with_photo(slug):
    """The author with this slug, their photo and its renditions (the author page's header)."""
    author = Author.objects.select_related("photo").filter(slug=slug).first()
    if author is not None and author.photo is not None:
        prefetch_related_objects([author.photo], "renditions")
    return author


def latest_posts(home):
    """The newest live posts under ``home`` (the home page lists them)."""
    return post_cards().descendant_of(home)[:LATEST_POSTS_ON_HOME]


RELATED_POSTS = 3


def related_posts(post):
    """Up to three other live posts of the same blog sharing a category or a tag, newest
    first: one query for the posts (the shared ones found by a subquery) and one per
    prefetch, however many posts there are."""
    from blog.models import BlogPage

    categories = [category.pk for category in post.categories.all()]
    tags = [tag.pk for tag in post.tags.all()]
    if not (categories or tags) or not post.path:
        return []
    sharing = BlogPage.objects.filter(
        models.Q(categories__in=categories) | models.Q(tagged_items__tag_id__in=tags)
    ).values("pk")
    siblings = post_cards(renditions=False).filter(
        path__startswith=post.path[: -post.steplen], depth=post.depth
    )
    return list(siblings.filter(pk__in=sharing).exclude(pk=post.pk)[:RELATED_POSTS])
