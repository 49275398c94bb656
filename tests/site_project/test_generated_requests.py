"""Generated bad requests (site_project.request_fuzz) through Django: 4xx at worst, never 5xx.

The test client takes raw WSGI environ values, so the path, query string, headers and body
reach the site byte for byte as gunicorn would hand them over. Each request runs in a
savepoint: one that broke the database transaction must not fail the ones after it.
"""

import time
import traceback
from collections import Counter
from http.cookies import SimpleCookie
from urllib.parse import unquote_to_bytes

import pytest
from django.db import transaction
from django.test import Client
from django.test.client import FakePayload

from site_project.request_fuzz import CSRF, PATHS, Probe, generate

REQUESTS = 2400
SPECIAL = {"content-type": "CONTENT_TYPE", "content-length": "CONTENT_LENGTH"}


def environ(probe):
    """The WSGI environ gunicorn would build for ``probe`` (WSGI strings are latin-1)."""
    path, _, query = probe.target.partition("?")
    env = {
        "REQUEST_METHOD": probe.method,
        "PATH_INFO": unquote_to_bytes(path.encode("latin-1")).decode("latin-1"),
        "QUERY_STRING": query,
        "CONTENT_LENGTH": str(len(probe.body)),
        "wsgi.input": FakePayload(probe.body),
    }
    for name, value in probe.headers:
        key = SPECIAL.get(name.lower(), "HTTP_" + name.upper().replace("-", "_"))
        env[key] = value
    return env


def answer(client, probe):
    """The status code, or the exception the request let escape."""
    client.cookies = SimpleCookie()  # only the probe's own cookies
    try:
        with transaction.atomic():
            return client.request(**environ(probe)).status_code
    except Exception as error:
        return error


def why(result):
    """A status, or an exception with the frames nearest to it."""
    if isinstance(result, int):
        return str(result)
    return "".join(traceback.format_exception(result, limit=-4))


@pytest.fixture
def client():
    # CSRF as in production (the test client skips it by default); exceptions re-raised.
    return Client(enforce_csrf_checks=True, raise_request_exception=True)


def test_the_surface_probed_is_the_site(client):
    """The paths mutated are real: a clean GET of each answers, but for the few that name
    what the demo site lacks (a document, an old address)."""
    absent = {"/documents/1/report.pdf", "/documents/authenticate_with_password/1/1/"}
    absent |= {"/old-page/"}
    statuses = {path: answer(client, Probe("GET", path)) for path in PATHS}
    assert {p for p, s in statuses.items() if s not in (200, 301, 302)} == absent, statuses


FORM = "application/x-www-form-urlencoded"
TOKEN = [("Cookie", f"csrftoken={CSRF}")]
# Requests generated runs found to be a 5xx once, each with the answer it gets now.
FOUND = [
    # Django's 400 view checked the CSRF token, which parsed the body again: a 500.
    pytest.param("/search/", f"{FORM}; charset=utf-16", TOKEN, 400, id="utf-16 form"),
    pytest.param("/admin/login/", f"{FORM}; charset=latin-1", [], 400, id="latin-1 form"),
    pytest.param("/search/%00", f"{FORM}; charset=utf-16", TOKEN, 400, id="NUL, utf-16 form"),
    # UTF-8 by another name is read as UTF-8 (then the view refuses the method).
    pytest.param("/search/", f"{FORM}; charset=UTF8", TOKEN, 405, id="utf8 form"),
]


@pytest.mark.parametrize(("path", "content_type", "cookie", "status"), FOUND)
def test_forms_once_a_5xx(client, path, content_type, cookie, status):
    probe = Probe(
        "POST",
        path,
        [("Content-Type", content_type), *cookie],
        f"csrfmiddlewaretoken={CSRF}".encode(),
    )
    assert answer(client, probe) == status


@pytest.mark.parametrize(
    "real_ip", ["garbage", "1.2.3.4, 5.6.7.8", "::1%eth0", "999.999.999.999", "\x01"]
)
def test_an_x_real_ip_that_is_no_address_is_a_400(client, real_ip):
    # From a trusted front it became the address django-ratelimit counts by: a ValueError.
    probe = Probe("POST", "/contact/", [("X-Real-IP", real_ip), *TOKEN], b"your_name=x")
    assert answer(client, probe) == 400


def test_an_x_real_ip_that_is_an_address_still_counts(client):
    probe = Probe("GET", "/contact/", [("X-Real-IP", " 2001:db8::1 ")])
    assert answer(client, probe) == 200


@pytest.mark.parametrize("name", ["a" * 256, "é" * 128, "a" * 5000])
def test_a_media_name_longer_than_a_file_name_is_a_404(client, name):
    # Django's static serve asked the file system: OSError (ENAMETOOLONG), a 500.
    assert answer(client, Probe("GET", f"/media/original_images/{name}/x.jpg")) == 404
    assert answer(client, Probe("GET", f"/media/{name}")) == 404


@pytest.mark.parametrize(
    ("path", "headers", "status"),
    [
        ("/contact/", [("Host", "evil.example")], 400),
        ("/search/%00", [], 400),
        ("/media/" + "a" * 300, [], 404),
        ("/contact/", [("X-Real-IP", "garbage")], 400),
    ],
)
@pytest.mark.parametrize("body", ["&f=1" * 1001, "&f=" + "x" * 2_700_000], ids=["fields", "size"])
def test_a_refused_post_is_not_read_again_by_the_error_page(client, path, headers, status, body):
    # The 400 and 404 views check the CSRF token: reading this body raised again, a 500.
    probe = Probe("POST", path, [*headers, ("Content-Type", FORM), *TOKEN])
    probe.body = f"csrfmiddlewaretoken={CSRF}{body}".encode()
    assert answer(client, probe) == status


@pytest.mark.parametrize("seed", [1, 2])
def test_generated_bad_requests_are_never_a_5xx(client, seed):
    started = time.monotonic()
    results = [(probe, answer(client, probe)) for probe in generate(seed, REQUESTS // 2)]
    took = time.monotonic() - started
    failed = [(p, r) for p, r in results if not isinstance(r, int) or r >= 500]
    report = "\n".join(f"{why(result)}: {probe}" for probe, result in failed[:40])
    assert not failed, f"{len(failed)} of {len(results)} requests failed:\n{report}"
    counts = Counter(result for _, result in results)
    print(f"seed {seed}: {len(results)} requests in {took:.1f} s: {sorted(counts.items())}")
