"""What every answer says about caching (front_cache.middleware), through Django's test client."""

import gzip

from django.contrib.auth.models import User
from django.http import HttpResponse
from redirects.models import Redirect

from blog.models import BlogIndexPage
from front_cache.middleware import CachePolicyMiddleware
from front_cache.purge import site_urls

SHARED = "public, max-age=0, s-maxage=3600, stale-while-revalidate=60"


def cache_control(response):
    return ", ".join(sorted(part.strip() for part in response["Cache-Control"].split(",")))


def same(expected):
    return ", ".join(sorted(part.strip() for part in expected.split(",")))


def is_private_no_store(response):
    """The admin's own never_cache adds no-cache etc.; private and no-store are what count."""
    return {"private", "no-store"} <= set(cache_control(response).split(", "))


def test_anonymous_pages_may_be_kept_by_shared_caches(client):
    for url in ("/", "/services/fractional-cto/", "/blog/", "/blog/feed/rss/", "/sitemap.xml"):
        assert cache_control(client.get(url)) == same(SHARED), url


def test_not_found_is_kept_briefly(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert cache_control(response) == same(
        "public, max-age=0, s-maxage=60, stale-while-revalidate=60"
    )


def test_a_logged_in_editor_gets_private_answers(client):
    client.force_login(User.objects.create_superuser("cache-editor", password="pw-12345-x"))
    for url in ("/", "/admin/", "/blog/"):
        assert is_private_no_store(client.get(url)), url


def test_an_answer_that_sets_a_cookie_is_private(rf):
    def sets_a_cookie(request):
        response = HttpResponse("a form")
        response.set_cookie("csrftoken", "one visitor's token")
        return response

    response = CachePolicyMiddleware(sets_a_cookie)(rf.get("/a-page-with-a-form/"))
    assert cache_control(response) == same("private, no-store")


def test_the_contact_page_sets_no_cookie_and_is_shared(client):
    response = client.get("/contact/")
    assert not response.cookies
    assert cache_control(response) == same(
        "public, max-age=0, s-maxage=3600, stale-while-revalidate=60"
    )


def test_posts_and_admin_are_private(client):
    assert cache_control(client.post("/contact/", {})) == same("private, no-store")
    assert is_private_no_store(client.get("/admin/login/"))


def test_search_results_are_never_shared(client):
    assert cache_control(client.get("/search/?q=delivery")) == same("private, max-age=0")


def test_redirect_answers_are_for_browsers_only(client):
    Redirect.objects.create(old_path="/old-cached/", new_path="/contact/", match="exact")
    response = client.get("/old-cached/?utm_source=mail")
    assert response.status_code == 301
    assert cache_control(response) == same("private, max-age=3600")


def test_conditional_get_answers_304(client):
    etag = client.get("/services/fractional-cto/")["ETag"]
    assert client.get("/services/fractional-cto/", HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_html_is_compressed_without_the_front(client):
    response = client.get("/", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    assert b"<!DOCTYPE html>" in gzip.decompress(response.content)


def test_the_client_address_comes_from_a_trusted_front_only(rf):
    from front_cache.middleware import ClientAddressMiddleware

    seen = []
    middleware = ClientAddressMiddleware(lambda request: seen.append(request.META["REMOTE_ADDR"]))
    middleware(rf.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="203.0.113.9"))
    middleware(rf.get("/", REMOTE_ADDR="198.51.100.7", HTTP_X_REAL_IP="203.0.113.9"))
    assert seen == ["203.0.113.9", "198.51.100.7"]


def test_a_site_purge_reaches_every_page_and_every_listing_page(add_page):
    blog = BlogIndexPage.objects.get()
    urls = site_urls()
    assert "http://localhost/" in urls and "http://localhost/sitemap.xml" in urls
    assert "http://localhost/services/fractional-cto/what-is-a-fractional-cto/" in urls
    for path in ("", "?page=1", "feed/rss/", "feed/atom/", "category/delivery/"):
        assert blog.full_url + path in urls, path
    from blog.models import BlogPage

    for number in range(11):  # a second page of posts
        add_page(blog, BlogPage, title=f"Purge listing {number}")
    assert blog.full_url + "?page=2" in site_urls()
