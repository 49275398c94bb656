"""The blog: posts with their furniture, newest-first pages, categories and feeds."""

import re
from datetime import UTC, datetime, timedelta

from blog.models import BlogIndexPage, BlogPage
from blog.snippets import Author, BlogCategory


def post_titles(html):
    return re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', html)


def test_a_post_shows_its_furniture(client):
    html = client.get("/blog/writing-architecture-decisions-down/").content.decode()
    assert '<a class="skip-link" href="#main-content">Skip to content</a>' in html
    assert '<main id="main-content"' in html
    assert '<a href="/blog/category/technology-leadership/">Technology leadership</a>' in html
    assert "<h1>Writing architecture decisions down</h1>" in html
    assert "Priya Raman" in html
    assert re.search(r"\d+ min read", html)
    assert '<a href="/blog/">← Back to Blog</a>' in html
    assert "A format that works" in html
    assert "19 May 2026" in html


def test_the_index_lists_posts_newest_first(client):
    assert post_titles(client.get("/blog/").content.decode()) == [
        "The first ninety days as a fractional delivery leader",
        "Why delivery estimates go wrong, and what to do instead",
        "Writing architecture decisions down",
        "Five signs your startup has outgrown its first architecture",
    ]


def test_the_index_paginates(client, add_page):
    blog = BlogIndexPage.objects.get()
    start = datetime(2020, 1, 1, tzinfo=UTC)
    for number in range(12):
        add_page(
            blog, BlogPage, title=f"Old post {number}", published_on=start + timedelta(days=number)
        )
    first = post_titles(client.get("/blog/").content.decode())
    second = post_titles(client.get("/blog/?page=2").content.decode())
    assert len(first) == 10 and len(second) == 6
    assert second[-1] == "Old post 0"
    assert client.get("/blog/?page=99").status_code == 200  # the last page, not an error


def test_category_pages_filter_posts(client):
    html = client.get("/blog/category/delivery/").content.decode()
    assert post_titles(html) == [
        "The first ninety days as a fractional delivery leader",
        "Why delivery estimates go wrong, and what to do instead",
    ]
    assert '<a href="/blog/category/delivery/" aria-current="page">Delivery</a>' in html
    assert '<link rel="canonical" href="http://localhost/blog/category/delivery/">' in html


def test_an_unknown_category_is_404(client):
    assert client.get("/blog/category/no-such-thing/").status_code == 404


def test_draft_posts_stay_hidden(client, add_page):
    blog = BlogIndexPage.objects.get()
    draft = BlogPage(title="Unfinished thoughts", slug="unfinished", live=False)
    blog.add_child(instance=draft)
    assert "Unfinished thoughts" not in client.get("/blog/").content.decode()
    assert client.get("/blog/unfinished/").status_code == 404


def test_rss_and_atom_feeds(client):
    rss = client.get("/blog/feed/rss/")
    assert rss["Content-Type"].startswith("application/rss+xml")
    body = rss.content.decode()
    assert body.count("<item>") == 4
    assert "<link>http://localhost/blog/writing-architecture-decisions-down/</link>" in body
    atom = client.get("/blog/feed/atom/")
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert atom.content.decode().count("<entry>") == 4


def test_snippets_exist_for_authors_and_categories():
    assert Author.objects.count() == 2
    assert set(BlogCategory.objects.values_list("slug", flat=True)) == {
        "delivery",
        "technology-leadership",
    }


def test_a_post_shows_dates_and_reading_time_only_when_asked(client, add_page):
    blog = BlogIndexPage.objects.get()
    body = [{"type": "markdown", "value": "Some words to read."}]
    published = datetime(2025, 3, 4, 9, tzinfo=UTC)
    quiet = add_page(blog, BlogPage, title="Quiet post", body=body, published_on=published)
    html = client.get(quiet.url).content.decode()
    assert "min read" not in html and "4 March 2025" not in html

    chatty = add_page(
        blog,
        BlogPage,
        title="Chatty post",
        body=body,
        published_on=published,
        show_page_meta=True,
        show_reading_time=True,
    )
    html = client.get(chatty.url).content.decode()
    assert "1 min read" in html and "4 March 2025" in html
