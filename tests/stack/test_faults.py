"""Real faults in the stack, each under a bounded load through the front (two threads, at most
3,000 requests and 60 s, 127.0.0.1 only). The load sends a session cookie, so nginx passes
every request to an instance instead of answering from its cache."""

import re
import time
from collections import Counter

import redis
import requests

from stack.layout import BUCKET
from tests.serving import Load
from tests.stack.conftest import csrf_token
from tests.stack.test_stack import png_bytes

PATHS = ["/", "/services/fractional-cto/", "/blog/", "/contact/", "/no-such-page/"]
EXPECTED = {"/no-such-page/": 404}
UNCACHED = {"Cookie": "sessionid=not-a-session"}


def statuses(answers):
    return Counter(status for _, _, status, _, _ in answers)


def wrong_answers(answers):
    return [(p, status) for _, p, status, _, _ in answers if status != EXPECTED.get(p, 200)]


def test_killing_an_instance_under_load_fails_no_request_and_it_rejoins(stack):
    first, second = stack.instances[1], stack.instances[2]
    with Load(stack.url, PATHS, UNCACHED) as load:
        time.sleep(1.5)
        killed = time.monotonic()
        assert first.kill(), "instance 1 was not running"
        time.sleep(3)
        first.start()  # waits until it answers /healthz
        time.sleep(2)
    during = load.between(killed, time.monotonic())
    assert len(during) > 50, statuses(during)
    assert not wrong_answers(load.answers), statuses(load.answers)

    # It rejoined: with the other instance gone, the front is served by it alone. (The front
    # rests an instance 5 s after failures; the wait lets that pass.)
    time.sleep(5)
    second.kill()
    try:
        with Load(stack.url, PATHS, UNCACHED) as load:
            time.sleep(3)
        assert load.answers and not wrong_answers(load.answers), statuses(load.answers)
    finally:
        second.start()


def test_with_redis_stopped_pages_render_and_caching_resumes_when_it_is_back(stack):
    client = redis.Redis(host="127.0.0.1", port=stack.layout.redis_port)
    assert stack.cache.stop()
    try:
        with Load(stack.url, PATHS, UNCACHED) as load:
            time.sleep(3)
        assert len(load.answers) > 10 and not wrong_answers(load.answers), statuses(load.answers)
        # The contact form's rate limit cannot count without Redis: it lets the message in.
        message = {
            "your_name": "Ada",
            "email_address": "ada@example.com",
            "how_can_we_help": "Sent while the cache was down.",
        }
        answer = requests.post(
            stack.url + "/contact/",
            data=message,
            headers={"Sec-Fetch-Site": "same-origin"},
            timeout=10,
        )
        assert answer.status_code == 200 and "not sent yet" not in answer.text
    finally:
        stack.cache.start()
    assert client.dbsize() == 0  # a fresh, empty Redis
    for path in PATHS:
        requests.get(stack.url + path, headers=UNCACHED, timeout=10)
    assert client.dbsize() > 0, "the instances did not cache in Redis again"


def test_with_the_object_store_stopped_pages_render_and_an_upload_is_refused_cleanly(stack):
    page = "/services/fractional-cto/"
    before = requests.get(stack.url + page, headers=UNCACHED, timeout=10).text
    images = sorted(re.findall(r'/media/[^" ,]+', before))
    title = "Uploaded while the store was down"
    session = stack.admin_session(2)
    add = stack.instance_url(2) + "/admin/images/add/"
    token = csrf_token(session, add)
    assert requests.get(stack.url + images[0], timeout=10).status_code == 200  # now seen
    assert stack.store.stop()
    try:
        with Load(stack.url, PATHS, UNCACHED) as load:
            time.sleep(2)
        assert len(load.answers) > 10 and not wrong_answers(load.answers), statuses(load.answers)
        during = requests.get(stack.url + page, headers=UNCACHED, timeout=10).text
        assert sorted(re.findall(r'/media/[^" ,]+', during)) == images  # stable addresses
        # Images already seen are still served: the front keeps what it read from the store.
        assert requests.get(stack.url + images[0], timeout=10).status_code == 200

        answer = session.post(
            add,
            data={"csrfmiddlewaretoken": token, "title": title},
            files={"file": ("while-down.png", png_bytes("#aa3300"), "image/png")},
            allow_redirects=False,
            timeout=30,
        )
        assert answer.status_code == 200, answer.status_code  # the form again, with why
        assert "The media store is not answering just now" in answer.text
    finally:
        stack.store.start()
    count = stack.django(
        "from wagtail.images.models import Image\n"
        f"print(Image.objects.filter(title={title!r}).count())"
    )
    assert count == "0"
    listing = stack.store.client().list_objects_v2(Bucket=BUCKET, Prefix="original_images/while")
    assert listing.get("KeyCount", 0) == 0


def test_restarting_postgresql_behind_pgbouncer_is_a_503_then_service_resumes(stack):
    with Load(stack.url, PATHS, UNCACHED) as load:
        time.sleep(1.5)
        stopped = time.monotonic()
        assert stack.database.stop()
        # Long enough for answers during the gap even if each waits pgbouncer's 2 s for a
        # server before its error (query_wait_timeout).
        time.sleep(6)
        restarted = time.monotonic()
        stack.database.start()
        back = time.monotonic()
        time.sleep(6)

    assert not wrong_answers(load.between(0, stopped)), statuses(load.between(0, stopped))
    during = load.between(stopped + 0.5, restarted)
    assert len(during) >= 4, statuses(during)
    assert statuses(during) == {503: len(during)}, statuses(during)
    for _, path, _, retry_after, body in during:
        assert retry_after == "30", path
        assert b"Back in a moment" in body, path
    recovered = [answer for answer in load.answers if answer[0] > back + 3]
    assert recovered and not wrong_answers(recovered), statuses(recovered)
    assert not [a for a in load.answers if a[2] in (0, 500, 502)], statuses(load.answers)
