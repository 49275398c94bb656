"""The stack serves the site from two instances that agree: media in the bucket, sessions,
redirects, publishing and scheduled publishing seen by the front and every instance."""

import io
import re
import time

import requests
from PIL import Image as PILImage

from stack.layout import BUCKET
from tests.stack.conftest import csrf_token

PAGES = ["/", "/services/", "/services/fractional-cto/", "/blog/", "/contact/", "/search/"]


def wait_for(check, seconds):
    """How long ``check()`` took to become true, polling; fails past ``seconds``."""
    started = time.monotonic()
    while not check():
        assert time.monotonic() - started < seconds, f"not within {seconds} s"
        time.sleep(0.05)
    return time.monotonic() - started


def status(url, **headers):
    return requests.get(url, headers=headers, allow_redirects=False, timeout=10).status_code


def png_bytes(colour="#12355b"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (640, 400), colour).save(buffer, "PNG")
    return buffer.getvalue()


def test_the_front_and_each_instance_serve_the_site(stack):
    for path in PAGES:
        assert status(stack.url + path) == 200, path
        for number in (1, 2):
            assert status(stack.instance_url(number) + path) == 200, (number, path)
    assert status(stack.url + "/no-such-page/") == 404


def test_demo_images_are_in_the_bucket_and_served_by_the_front(stack):
    html = requests.get(stack.url + "/services/fractional-cto/", timeout=10).text
    paths = sorted(set(re.findall(r'/media/([^" ,]+)', html)))
    assert len(paths) >= 6, html  # a figure: widths x formats
    bucket = stack.store.client()
    for path in paths:
        bucket.head_object(Bucket=BUCKET, Key=path)  # raises unless stored there
        answer = requests.get(f"{stack.url}/media/{path}", timeout=10)
        assert answer.status_code == 200, path
        assert answer.headers["Content-Type"].startswith("image/"), path
    # The bucket is read-only from outside: the front refuses writes.
    assert requests.put(f"{stack.url}/media/x.txt", data=b"x", timeout=10).status_code == 403


def test_a_session_made_on_one_instance_works_on_the_other(stack):
    session = stack.admin_session(1)
    answer = session.get(stack.instance_url(2) + "/admin/", allow_redirects=False, timeout=10)
    assert answer.status_code == 200
    assert "Dashboard" in answer.text


def test_an_upload_through_either_instance_lands_in_the_bucket_and_is_served(stack):
    for number in (1, 2):
        session = stack.admin_session(number)
        add = stack.instance_url(number) + "/admin/images/add/"
        title = f"Uploaded through instance {number}"
        answer = session.post(
            add,
            data={"csrfmiddlewaretoken": csrf_token(session, add), "title": title},
            files={"file": (f"upload-{number}.png", png_bytes(), "image/png")},
            allow_redirects=False,
            timeout=30,
        )
        assert answer.status_code == 302, answer.text[-2000:]
        name = stack.django(
            "from wagtail.images.models import Image\n"
            f"print(Image.objects.get(title={title!r}).file.name)"
        )
        stack.store.client().head_object(Bucket=BUCKET, Key=name)
        served = requests.get(f"{stack.url}/media/{name}", timeout=10)
        assert served.status_code == 200 and served.content == png_bytes()


def test_a_redirect_made_on_one_instance_is_followed_by_the_other_and_the_front(stack):
    old = "/stack-old-address/"
    assert status(stack.url + old) == 404  # now held by the front as a 404
    session = stack.admin_session(1)
    add = stack.instance_url(1) + "/admin/redirects/add/"
    form = {"old_path": old, "new_path": "/contact/", "match": "exact", "priority": "0"}
    answer = session.post(
        add,
        data={
            **form,
            "type_status_code": "301",
            "site": "",
            "notes": "",
            "csrfmiddlewaretoken": csrf_token(session, add),
        },
        allow_redirects=False,
        timeout=10,
    )
    assert answer.status_code == 302, answer.text[-2000:]
    # Every worker checks the rules' version at most every 2 s (docs/redirects.md).
    wait_for(lambda: status(stack.instance_url(2) + old) == 301, 3)
    wait_for(lambda: status(stack.url + old) == 301, 3)


def test_unpublish_and_publish_through_instance_a_are_fresh_on_b_and_the_front_within_1s(stack):
    path = "/blog/why-delivery-estimates-go-wrong/"
    page_id = stack.django(
        "from wagtail.models import Page\n"
        "print(Page.objects.get(url_path__endswith='/why-delivery-estimates-go-wrong/').pk)"
    )
    for _ in range(2):
        requests.get(stack.url + path, timeout=10)
    held = requests.get(stack.url + path, timeout=10)
    assert held.headers["X-Cache-Status"] == "HIT"
    session = stack.admin_session(1)
    for action, expected in (("unpublish", 404), ("publish", 200)):
        url = f"{stack.instance_url(1)}/admin/bulk/wagtailcore/page/{action}/?id={page_id}"
        token = csrf_token(session, url)
        answer = session.post(
            url, data={"csrfmiddlewaretoken": token}, allow_redirects=False, timeout=30
        )
        assert answer.status_code == 302, answer.text[-2000:]
        assert wait_for(lambda e=expected: status(stack.url + path) == e, 1) < 1, action
        assert status(stack.instance_url(2) + path) == expected, action


def test_a_scheduled_page_goes_live_and_is_purged_with_nobody_in_the_admin(stack):
    path = "/blog/outgrown-first-architecture/"
    stack.django(
        "import datetime\n"
        "from django.utils import timezone\n"
        "from wagtail.models import Page\n"
        "page = Page.objects.get(url_path__endswith='/outgrown-first-architecture/').specific\n"
        "page.unpublish()\n"
        "page.go_live_at = timezone.now() + datetime.timedelta(seconds=3)\n"
        "page.save_revision().publish()\n"
    )
    assert status(stack.url + path) == 404  # scheduled, not live; the front holds the 404
    # The stack's scheduler runs publish_scheduled every 2 s here (every minute in make stack).
    wait_for(lambda: status(stack.url + path) == 200, 10)
    assert status(stack.instance_url(2) + path) == 200
