"""The front cache for real: nginx in front of gunicorn, purged by the site as content changes."""

import http.client
import http.cookiejar
import re
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from wagtail.contrib.forms.models import FormSubmission

NEW_PAGE = """
from pages.models import HomePage, StandardPage
home = HomePage.objects.get()
page = StandardPage(title={title!r}, slug={slug!r}, show_in_menus=True)
home.add_child(instance=page)
page.save_revision().publish()
"""
DELETE_PAGES = """
from wagtail.models import Page
for pk in Page.objects.filter(slug__in={slugs!r}).order_by("-depth").values_list("pk", flat=True):
    Page.objects.filter(pk=pk).first() and Page.objects.get(pk=pk).delete()
"""


def cache_status(front, path):
    return front.get(path)[1].get("X-Cache-Status")


def warm(front, path):
    """Fetch ``path`` until the front serves it from its cache."""
    for _ in range(3):
        if cache_status(front, path) == "HIT":
            return
    raise AssertionError(f"{path} never came from the cache")


def menu_labels(html):
    menu = re.search(r'<nav[^>]*class="main-menu.*?</nav>', html, re.S)
    return re.findall(r">([^<>]+)</a>", menu.group(0)) if menu else []


def test_anonymous_visitors_are_served_from_the_cache(front):
    warm(front, "/services/fractional-cto/")
    status, headers, body = front.get("/services/fractional-cto/?utm_source=newsletter")
    assert (status, headers["X-Cache-Status"]) == (200, "HIT")
    assert "Fractional CTO" in body


def test_a_conditional_get_through_the_front_answers_304(front):
    warm(front, "/blog/")
    etag = front.get("/blog/")[1]["ETag"]
    assert front.get("/blog/", {"If-None-Match": etag})[0] == 304


def test_html_is_compressed_by_the_front(front):
    warm(front, "/")
    for encoding in ("gzip", "br"):
        headers = front.get("/", {"Accept-Encoding": encoding})[1]
        assert headers["Content-Encoding"] == encoding


def test_static_files_are_served_by_the_front_for_a_year(front):
    status, headers, _ = front.get("/static/css/site.css")
    assert status == 200 and "immutable" in headers["Cache-Control"]
    assert headers["Server"] == "nginx" and "X-Cache-Status" not in headers


def test_admin_and_posts_are_never_stored(front):
    for _ in range(2):
        assert cache_status(front, "/admin/login/") != "HIT"
    request = urllib.request.Request(front.url + "/search/?q=delivery")
    for _ in range(2):
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.headers["X-Cache-Status"] != "HIT"


def test_publishing_a_page_shows_it_everywhere_at_once(front):
    warm(front, "/")
    warm(front, "/services/fractional-cto/")
    try:
        front.django(NEW_PAGE.format(title="Fresh from the press", slug="fresh-press"))
        # No waiting: the purge happened when the publish committed.
        assert "Fresh from the press" in menu_labels(front.get("/")[2])
        assert "Fresh from the press" in menu_labels(front.get("/services/fractional-cto/")[2])
        assert front.get("/fresh-press/")[0] == 200

        warm(front, "/fresh-press/")
        front.django(
            "from wagtail.models import Page; Page.objects.get(slug='fresh-press').unpublish()"
        )
        assert front.get("/fresh-press/")[0] == 404
        assert "Fresh from the press" not in menu_labels(front.get("/")[2])
    finally:
        front.django(DELETE_PAGES.format(slugs=["fresh-press"]))


def test_a_moved_page_leaves_its_old_address(front):
    try:
        front.django(
            NEW_PAGE.format(title="Moving shelf", slug="moving-shelf")
            + NEW_PAGE.format(title="Moving box", slug="moving-box")
        )
        warm(front, "/moving-box/")
        front.django(
            "from wagtail.models import Page\n"
            "box = Page.objects.get(slug='moving-box')\n"
            "shelf = Page.objects.get(slug='moving-shelf')\n"
            "box.move(shelf, pos='last-child')"
        )
        assert front.get("/moving-shelf/moving-box/")[0] == 200
        # The automatic redirect answers the old address, not a stale copy of the page.
        old = http.client.HTTPConnection(urllib.parse.urlsplit(front.url).netloc, timeout=10)
        old.request("GET", "/moving-box/")
        assert old.getresponse().status == 301
    finally:
        front.django(
            DELETE_PAGES.format(slugs=["moving-shelf", "moving-box"])
            + "from redirects.models import Redirect\n"
            "Redirect.objects.filter(old_path='/moving-box/').delete()"
        )


def test_a_deleted_page_is_gone_from_the_front(front):
    front.django(NEW_PAGE.format(title="Short lived", slug="short-lived"))
    warm(front, "/short-lived/")
    warm(front, "/")
    front.django(DELETE_PAGES.format(slugs=["short-lived"]))
    assert front.get("/short-lived/")[0] == 404
    assert "Short lived" not in menu_labels(front.get("/")[2])


def test_a_scheduled_page_goes_live_and_is_purged_without_anyone_visiting(front):
    warm(front, "/")
    try:
        front.django(
            "import datetime\nfrom django.utils import timezone\n"
            "from pages.models import HomePage, StandardPage\n"
            "page = StandardPage(title='Timed launch', slug='timed-launch', show_in_menus=True,"
            " live=False, go_live_at=timezone.now() + datetime.timedelta(seconds=2))\n"
            "HomePage.objects.get().add_child(instance=page)\n"
            "page.save_revision().publish()\n"
        )
        assert front.get("/timed-launch/")[0] == 404
        time.sleep(2.5)
        front.django(
            "from django.core.management import call_command; call_command('publish_scheduled')"
        )
        assert "Timed launch" in menu_labels(front.get("/")[2])
        assert front.get("/timed-launch/")[0] == 200
    finally:
        front.django(DELETE_PAGES.format(slugs=["timed-launch"]))


def test_saving_site_settings_purges_every_page(front):
    change = (
        "from pages.models import SiteSettings\n"
        "s = SiteSettings.objects.get(); s.tagline = {tagline!r}; s.save()\n"
        "print(s.tagline)"
    )
    warm(front, "/blog/")
    old = front.django(
        "from pages.models import SiteSettings; print(SiteSettings.objects.get().tagline)"
    ).strip()
    try:
        front.django(change.format(tagline="Steady hands for busy teams"))
        assert "Steady hands for busy teams" in front.get("/blog/")[2]
    finally:
        front.django(change.format(tagline=old))


def test_a_fresh_visitor_can_send_the_contact_form_through_the_front(front):
    warm(front, "/contact/")  # an earlier visitor filled the cache: nothing of theirs may leak
    jar = http.cookiejar.CookieJar()
    visitor = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with visitor.open(front.url + "/contact/", timeout=10) as response:
        assert response.headers["X-Cache-Status"] == "HIT"
        assert "csrfmiddlewaretoken" not in response.read().decode()
    assert not list(jar)  # no cookie: the stored copy is the same for everyone
    form = {
        "your_name": "Front Cache Visitor",
        "email_address": "visitor@example.org",
        "how_can_we_help": "Checking that the form works behind the cache.",
    }
    data = urllib.parse.urlencode(form).encode()

    def post(origin):  # as a browser posts: with the page's origin
        request = urllib.request.Request(front.url + "/contact/", data, {"Origin": origin})
        try:
            with visitor.open(request, timeout=10) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, ""

    try:
        assert post("https://evil.example")[0] == 403
        status, html = post(front.url)
        assert status == 200 and "Thank you" in html
        sent = FormSubmission.objects.filter(form_data__your_name="Front Cache Visitor")
        assert sent.count() == 1
    finally:
        front.django(
            "from wagtail.contrib.forms.models import FormSubmission\n"
            "FormSubmission.objects.filter(form_data__your_name='Front Cache Visitor').delete()"
        )


def test_a_logged_in_editor_bypasses_the_cache(front):
    front.django(
        "from django.contrib.auth.models import User\n"
        "User.objects.create_superuser('front-editor', password='front-pw-2468')"
    )
    try:
        warm(front, "/")
        jar = http.cookiejar.CookieJar()
        editor = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        with editor.open(front.url + "/admin/login/", timeout=10) as response:
            token = re.search(
                r'name="csrfmiddlewaretoken" value="([^"]+)"', response.read().decode()
            )
        login = {"csrfmiddlewaretoken": token.group(1), "username": "front-editor"}
        login["password"] = "front-pw-2468"
        editor.open(front.url + "/admin/login/", urllib.parse.urlencode(login).encode(), timeout=10)
        assert any(cookie.name == "sessionid" for cookie in jar)
        with editor.open(front.url + "/", timeout=10) as response:
            assert response.headers["X-Cache-Status"] == "BYPASS"
            assert "private" in response.headers["Cache-Control"]
        assert cache_status(front, "/") == "HIT"  # visitors still get the shared copy
    finally:
        front.django(
            "from django.contrib.auth.models import User\n"
            "User.objects.filter(username='front-editor').delete()"
        )


def _slow_client(address, stop):
    """Sends a request one byte every half second, as a slow or hostile client would."""
    request = b"GET /search/?q=slow HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: " + b"a" * 40
    with socket.create_connection(address, timeout=5) as sock:
        for byte in request:
            if stop.is_set():
                return
            sock.sendall(bytes([byte]))
            stop.wait(0.5)


def test_slow_clients_do_not_hold_up_other_visitors(front):
    """20 connections trickling bytes (gunicorn here has 2 single-threaded workers) while a normal
    visitor's uncacheable requests (search) are all answered."""
    host, port = urllib.parse.urlsplit(front.url).netloc.split(":")
    stop = threading.Event()
    slow = [
        threading.Thread(target=_slow_client, args=((host, int(port)), stop), daemon=True)
        for _ in range(20)
    ]
    for thread in slow:
        thread.start()
    try:
        time.sleep(1)  # every slow connection is open and mid-request
        for number in range(10):
            start = time.monotonic()
            status, headers, _ = front.get(f"/search/?q=normal{number}")
            assert status == 200 and headers["X-Cache-Status"] != "HIT"
            assert time.monotonic() - start < 5
    finally:
        stop.set()
        for thread in slow:
            thread.join(timeout=5)


def test_document_files_are_never_served_as_media(front, client, settings):
    # Django serves documents at /documents/ID/NAME and checks their collection's privacy.
    stored = Path(settings.MEDIA_ROOT) / "documents" / "board-minutes.pdf"
    stored.parent.mkdir(parents=True, exist_ok=True)
    stored.write_bytes(b"%PDF-1.4 private")
    try:
        assert front.get("/media/documents/board-minutes.pdf")[0] == 404
        assert client.get("/media/documents/board-minutes.pdf").status_code == 404
    finally:
        stored.unlink()


# The blog's author and category pages: saving an author or a category, or publishing a post,
# purges them at once.
SET_BIO = """
from blog.snippets import Author
author = Author.objects.get(slug="priya-raman")
print(author.bio)
author.bio = {bio!r}
author.save()
"""
SET_DESCRIPTION = """
from blog.snippets import BlogCategory
category = BlogCategory.objects.get(slug="delivery")
print(category.description)
category.description = {description!r}
category.save()
"""
NEW_POST = """
from blog.models import BlogIndexPage, BlogPage
from blog.snippets import Author, BlogCategory
post = BlogPage(title="Fresh delivery notes", slug="fresh-delivery-notes")
post.author = Author.objects.get(slug="priya-raman")
BlogIndexPage.objects.get().add_child(instance=post)
post.categories.add(BlogCategory.objects.get(slug="delivery"))
post.save_revision().publish()
"""


def test_saving_an_author_purges_their_page(front):
    warm(front, "/blog/author/priya-raman/")
    old = front.django(SET_BIO.format(bio="Writes about steady systems.")).strip()
    try:
        assert "Writes about steady systems." in front.get("/blog/author/priya-raman/")[2]
    finally:
        front.django(SET_BIO.format(bio=old))


def test_saving_a_category_purges_its_page(front):
    warm(front, "/blog/category/delivery/")
    old = front.django(SET_DESCRIPTION.format(description="Shipping on time.")).strip()
    try:
        assert "Shipping on time." in front.get("/blog/category/delivery/")[2]
    finally:
        front.django(SET_DESCRIPTION.format(description=old))


def test_publishing_a_post_purges_its_author_and_category_pages(front):
    for path in ("/blog/author/priya-raman/", "/blog/category/delivery/"):
        warm(front, path)
    try:
        front.django(NEW_POST)
        for path in ("/blog/author/priya-raman/", "/blog/category/delivery/"):
            assert "Fresh delivery notes" in front.get(path)[2], path
    finally:
        front.django(DELETE_PAGES.format(slugs=["fresh-delivery-notes"]))
