"""Category and author pages: their own heading, intro, breadcrumb, description, canonical and
listing; bylines and author cards link to the author's page; purges reach them all."""

import re
from datetime import timedelta

from blog.models import BlogIndexPage, BlogPage
from blog.snippets import Author, BlogCategory
from front_cache.purge import page_urls, site_urls
from tests.seo.helpers import canonical, json_ld, meta, one


def post_titles(html):
    return re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', html)


def breadcrumbs(html):
    nav = re.search(r'<nav class="breadcrumbs".*?</nav>', html, re.S).group(0)
    return re.findall(r'<(?:a href="([^"]*)"|span aria-current="page")>([^<]+)<', nav)


def test_a_category_page_is_a_page_of_its_own(client):
    html = client.get("/blog/category/delivery/").content.decode()
    description = "Planning, estimating and keeping client work on track."
    assert "<h1>Delivery</h1>" in html and "<h1>Blog</h1>" not in html
    assert f'<p class="lead">{description}</p>' in html
    assert html.count('class="lead"') == 1  # the blog's own intro is not repeated
    assert "<title>Delivery · Blog · Northway Leadership</title>" in html
    assert meta(html, "description") == meta(html, "og:description") == description
    assert canonical(html) == meta(html, "og:url") == "http://localhost/blog/category/delivery/"
    assert breadcrumbs(html) == [("/", "Home"), ("/blog/", "Blog"), ("", "Delivery")]
    assert post_titles(html) == [
        "The first ninety days as a fractional delivery leader",
        "Why delivery estimates go wrong, and what to do instead",
    ]


def test_the_blog_index_keeps_its_own_heading_and_breadcrumb(client):
    html = client.get("/blog/").content.decode()
    assert "<h1>Blog</h1>" in html and canonical(html) == "http://localhost/blog/"
    assert breadcrumbs(html) == [("/", "Home"), ("", "Blog")]


def test_an_author_page_lists_their_posts_with_a_person(client):
    author = Author.objects.get(name="Priya Raman")
    assert author.slug == "priya-raman"
    html = client.get("/blog/author/priya-raman/").content.decode()
    assert "<h1>Priya Raman</h1>" in html and author.role in html
    assert f'<p class="lead">{author.bio}</p>' in html
    assert meta(html, "description") == author.bio
    assert canonical(html) == "http://localhost/blog/author/priya-raman/"
    assert breadcrumbs(html) == [("/", "Home"), ("/blog/", "Blog"), ("", "Priya Raman")]
    mine = BlogPage.objects.live().filter(author=author).order_by("-published_on")
    assert post_titles(html) == [post.title for post in mine] and len(mine) >= 2
    assert one(json_ld(html), "ProfilePage")["mainEntity"]["name"] == "Priya Raman"


def test_an_author_page_paginates_and_hides_drafts(client, add_page):
    blog = BlogIndexPage.objects.get()
    author = Author.objects.create(name="Ada Example")
    for number in range(12):
        add_page(blog, BlogPage, title=f"Ada post {number}", author=author)
    draft = BlogPage(title="Ada draft", slug="ada-draft", author=author, live=False)
    blog.add_child(instance=draft)
    first = post_titles(client.get("/blog/author/ada-example/").content.decode())
    second = post_titles(client.get("/blog/author/ada-example/?page=2").content.decode())
    assert len(first) == 10 and len(second) == 2 and "Ada draft" not in first + second


def test_unknown_authors_and_categories_are_404(client):
    assert client.get("/blog/author/nobody/").status_code == 404
    assert client.get("/blog/category/nothing/").status_code == 404


def test_authors_get_a_unique_slug_from_their_name(db):
    first = Author.objects.create(name="Sam Lee")
    second = Author.objects.create(name="Sam Lee")
    chosen = Author.objects.create(name="Sam Lee", slug="samuel")
    assert (first.slug, second.slug, chosen.slug) == ("sam-lee", "sam-lee-2", "samuel")


def test_bylines_and_author_cards_link_to_the_author(client):
    post = client.get("/blog/writing-architecture-decisions-down/").content.decode()
    link = '<a href="/blog/author/priya-raman/"'
    byline = re.search(r'<p class="post__byline">.*?</p>', post, re.S).group(0)
    card = re.search(r'<aside class="author-card".*?</aside>', post, re.S).group(0)
    assert link in byline and link in card
    listing = client.get("/blog/").content.decode()
    assert all(link in meta_line or "Tom Ellery" in meta_line for meta_line in card_meta(listing))


def card_meta(html):
    return re.findall(r'<p class="card__meta">(.*?)</p>', html, re.S)


def test_purges_reach_every_category_and_author_page_and_their_pages(add_page):
    blog = BlogIndexPage.objects.get()
    urls = page_urls(blog)
    for category in BlogCategory.objects.all():
        assert f"{blog.full_url}category/{category.slug}/" in urls
    for author in Author.objects.all():
        assert f"{blog.full_url}author/{author.slug}/?page=1" in urls
    author = Author.objects.get(slug="tom-ellery")
    for number in range(11):
        add_page(blog, BlogPage, title=f"Tom note {number}", author=author)
    # Saving an author or category, or publishing a post, purges the whole site: these too.
    assert f"{blog.full_url}author/tom-ellery/?page=2" in site_urls()


def test_a_post_without_its_own_date_sorts_by_its_first_publish(client, add_page):
    blog = BlogIndexPage.objects.get()
    undated = add_page(blog, BlogPage, title="Undated and old")
    BlogPage.objects.filter(pk=undated.pk).update(
        first_published_at=BlogPage.objects.order_by("published_on")[0].published_on
        - timedelta(days=1)
    )
    assert post_titles(client.get("/blog/").content.decode())[-1] == "Undated and old"


def test_an_editor_adds_an_author_without_a_slug_and_gets_their_page(client, editor):
    client.force_login(editor)
    form = {"name": "Grace Hopper", "slug": "", "role": "", "photo": "", "bio": "Compilers."}
    response = client.post("/admin/snippets/blog/author/add/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Author.objects.get(name="Grace Hopper").slug == "grace-hopper"
    client.logout()
    assert client.get("/blog/author/grace-hopper/").status_code == 200
    client.force_login(editor)
    taken = {**form, "name": "Someone else", "slug": "grace-hopper"}
    response = client.post("/admin/snippets/blog/author/add/", taken)
    assert response.status_code == 200 and "already exists" in response.content.decode()
