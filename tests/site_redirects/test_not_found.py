"""The not-found log: 404s counted by path, written in bounded batches."""

import time

import pytest
from django.db import connection
from django.http import HttpResponseNotFound
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from site_redirects import middleware as middleware_module
from site_redirects import not_found
from site_redirects.middleware import RedirectMiddleware
from site_redirects.models import NotFoundPath


@pytest.fixture(autouse=True)
def empty_log(settings):
    settings.REDIRECTS_NOT_FOUND_FLUSH_SECONDS = 3600  # the tests flush by hand
    # Other tests (and the session's warm-up requests) may have committed 404s.
    NotFoundPath.objects.all().delete()


def test_404s_are_counted_by_normalised_path_with_the_last_referrer(client, site):
    client.get("/No-Such-Page/?utm_source=x", HTTP_REFERER="https://a.example/")
    client.get("/no-such-page/", HTTP_REFERER="https://b.example/post")
    client.get("/no//such-page/")
    client.get("/services/")  # a page: not logged
    assert not NotFoundPath.objects.exists()  # nothing written before the flush
    not_found.buffer.flush()
    entries = {e.path: e for e in NotFoundPath.objects.all()}
    assert set(entries) == {"/no-such-page/", "/no/such-page/"}
    entry = entries["/no-such-page/"]
    assert entry.hits == 2 and entry.last_referrer == "https://b.example/post"
    assert entry.site.domain == site.hostname


def test_counts_add_up_across_flushes(client):
    client.get("/missing/")
    not_found.buffer.flush()
    client.get("/missing/")
    client.get("/missing/")
    not_found.buffer.flush()
    assert NotFoundPath.objects.get(path="/missing/").hits == 3


@pytest.mark.parametrize(
    "path",
    ["/wp-login.php", "/.env", "/.git/config", "/cgi-bin/x", "/" + "a" * 400, "/static/x.css"],
)
def test_probes_and_overlong_paths_are_ignored(client, path):
    client.get(path)
    not_found.buffer.flush()
    assert not NotFoundPath.objects.exists()


def test_a_flood_of_distinct_404s_costs_one_write_and_stays_bounded(monkeypatch):
    monkeypatch.setattr(not_found, "MAX_ROWS", 50)
    middleware = RedirectMiddleware(lambda request: HttpResponseNotFound("no"))
    factory = RequestFactory()
    middleware(factory.get("/warm-up/"))
    started = time.monotonic()
    with CaptureQueriesContext(connection) as queries:
        for i in range(2000):
            middleware(factory.get(f"/flood/{i}/"))
    elapsed = time.monotonic() - started
    # Counted in memory; the only reads are the rules' version, at most one per interval.
    assert all("site_redirects_rulesversion" in q["sql"] for q in queries.captured_queries)
    assert len(queries) <= 1 + elapsed / middleware_module.NOT_FOUND_CHECK_SECONDS
    assert len(not_found.buffer.pending) == not_found.MAX_PENDING
    with CaptureQueriesContext(connection) as queries:
        not_found.buffer.flush()
    assert len(queries) <= 3  # one upsert, then trimming
    assert NotFoundPath.objects.count() == 50


def test_the_log_keeps_the_most_recently_seen_paths(client, monkeypatch):
    monkeypatch.setattr(not_found, "MAX_ROWS", 2)
    for path in ["/first/", "/second/", "/third/"]:
        client.get(path)
        not_found.buffer.flush()
    assert set(NotFoundPath.objects.values_list("path", flat=True)) == {"/second/", "/third/"}
