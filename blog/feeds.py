"""RSS and Atom feeds of a blog index's latest posts."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from pages.site_url import absolute_url


class RssFeed(Feed):
    limit = 20

    def __init__(self, blog_index):
        super().__init__()
        self.blog_index = blog_index

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return self.blog_index.title

    def link(self):
        return self.blog_index.get_full_url(self.request)

    def feed_url(self):
        """The feed's own address (Atom's rel="self") on the site's root URL, as every other
        absolute URL (pages.site_url), not the request's host."""
        return absolute_url(self.request.path, self.request)

    def description(self):
        return self.blog_index.search_description

    def items(self):
        return self.blog_index.posts()[: self.limit]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro or item.search_description

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.display_date

    def item_updateddate(self, item):
        return item.updated_on or item.last_published_at

    def item_author_name(self, item):
        return item.author.name if item.author else None


class AtomFeed(RssFeed):
    feed_type = Atom1Feed
    subtitle = RssFeed.description
