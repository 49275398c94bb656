"""A post's hero (the figures' responsive <picture>), its "updated" date, its tags and its
related posts (same category or tag, newest first, at a fixed query cost)."""

import re
from datetime import UTC, datetime, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.text import slugify

from blog.models import BlogIndexPage, BlogPage
from blog.snippets import BlogCategory
from tests.process_state import forget_process_state


def related_titles(html):
    section = re.search(r'<section class="related-posts.*?</section>', html, re.S)
    if section is None:
        return []
    return re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', section.group(0))


def test_the_hero_is_a_responsive_picture_like_a_figures(client):
    post = BlogPage.objects.get(slug="outgrown-first-architecture")
    html = client.get(post.url).content.decode()
    hero = re.search(r'<figure class="figure figure--wide">\s*<picture>.*?</picture>', html, re.S)
    assert hero, "no <picture> hero"
    hero = hero.group(0)
    for kind in ("image/avif", "image/webp"):
        sizes = 'sizes="(max-width: 40rem) 100vw, 40rem"'  # the prose column it is shown in
        srcset = re.search(rf'<source type="{kind}" srcset="([^"]+)" {re.escape(sizes)}>', hero)
        assert srcset and [w for w in re.findall(r" (\d+)w", srcset.group(1))] == [
            "480",
            "800",
            "1200",
        ]
    img = re.search(r"<img [^>]+>", hero).group(0)
    assert re.search(r'srcset="[^"]+\.jpg 480w, [^"]+\.jpg 800w, [^"]+\.jpg 1200w"', img)
    assert 'width="1200"' in img and re.search(r'height="\d+"', img)
    assert 'loading="lazy"' not in img  # the first thing seen: not deferred
    assert 'alt=""' in img  # decorative: the title says what the post is


def test_the_updated_date_shows_when_set(client, add_page):
    blog = BlogIndexPage.objects.get()
    published = datetime(2025, 3, 4, 9, tzinfo=UTC)
    plain = add_page(blog, BlogPage, title="Never updated", published_on=published)
    assert "Updated" not in client.get(plain.url).content.decode()
    updated = add_page(
        blog,
        BlogPage,
        title="Updated since",
        published_on=published,
        updated_on=published + timedelta(days=40),
    )
    html = client.get(updated.url).content.decode()
    assert 'Updated <time datetime="2025-04-13T' in html and "13 April 2025" in html


def test_tags_are_shown(client):
    post = BlogPage.objects.get(slug="outgrown-first-architecture")
    post.tags.add("architecture", "scaling")
    post.save_revision().publish()
    html = client.get(post.url).content.decode()
    tags = re.search(r'<ul class="tags" aria-label="Tags">(.*?)</ul>', html, re.S).group(1)
    assert re.findall(r"<li>([^<]+)</li>", tags) == ["architecture", "scaling"]


def test_related_posts_share_a_category_or_a_tag_newest_first(client, add_page):
    blog = BlogIndexPage.objects.get()
    BlogCategory.objects.create(name="Hiring", slug="hiring")
    start = datetime(2021, 1, 1, tzinfo=UTC)

    def post(title, days, categories=(), tags=()):
        when = start + timedelta(days=days)
        page = add_page(blog, BlogPage, title=title, slug=slugify(title), published_on=when)
        page.categories.set(BlogCategory.objects.filter(slug__in=categories))
        page.tags.set(list(tags))
        page.save_revision().publish()
        return page

    subject = post("Subject", 0, categories=["hiring"], tags=["interviews"])
    post("Shares the category, oldest", 1, categories=["hiring"])
    post("Shares both", 2, categories=["hiring"], tags=["interviews"])
    post("Shares a tag", 3, tags=["interviews"])
    post("Shares the category, newest", 4, categories=["hiring"])
    post("Shares nothing", 9, categories=["delivery"], tags=["other"])
    html = client.get(subject.url).content.decode()
    assert related_titles(html) == ["Shares the category, newest", "Shares a tag", "Shares both"]
    BlogPage.objects.get(slug="shares-a-tag").unpublish()
    html = client.get(subject.url).content.decode()
    assert related_titles(html) == [
        "Shares the category, newest",
        "Shares both",
        "Shares the category, oldest",
    ]
    loner = post("Shares nothing at all", 5)
    assert related_titles(client.get(loner.url).content.decode()) == []


def render_queries(client, url):
    forget_process_state()
    client.get("/blog/")  # what every page shares (site, settings, menu) is warm
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def add_posts(blog, category, count, offset):
    picture = BlogPage.objects.filter(hero_image__isnull=False).first().hero_image
    for number in range(offset, offset + count):
        page = BlogPage(
            title=f"Filler {number}",
            slug=f"filler-{number}",
            live=True,
            hero_image=picture,
            published_on=datetime(2020, 1, 1, tzinfo=UTC) + timedelta(days=number),
        )
        blog.add_child(instance=page)
        page.categories.add(category)
        page.save()


def test_related_posts_cost_the_same_queries_at_5_and_200_posts(client):
    blog = BlogIndexPage.objects.get()
    category = BlogCategory.objects.get(slug="delivery")
    post = BlogPage.objects.get(slug="why-delivery-estimates-go-wrong")
    add_posts(blog, category, 5, 0)
    few = render_queries(client, post.url)
    add_posts(blog, category, 195, 5)
    many = render_queries(client, post.url)
    assert len(related_titles(client.get(post.url).content.decode())) == 3
    assert few == many


def test_an_editor_ticks_a_posts_categories(client, site_admin):
    """Categories are checkboxes in the editor, not a multi-select that needs Ctrl-click."""
    post = BlogPage.objects.get(slug="outgrown-first-architecture")
    client.force_login(site_admin)
    html = client.get(f"/admin/pages/{post.pk}/edit/").content.decode()
    boxes = re.findall(r'<input type="checkbox" name="categories"[^>]*>', html)
    assert len(boxes) == BlogCategory.objects.count()
    assert sum("checked" in box for box in boxes) == post.categories.count()
    assert '<select name="categories"' not in html
