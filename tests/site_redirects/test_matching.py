"""How the middleware matches rules: every matching rule of the issue, through the test client."""

import logging
import time

import pytest
from django.contrib.sites.models import Site as DjangoSite
from django.http import HttpResponse
from django.test import RequestFactory
from redirects.models import Redirect

from site_redirects import live_table
from site_redirects.middleware import RedirectMiddleware
from site_redirects.store import save_redirect


def answer(client, url, **extra):
    response = client.get(url, **extra)
    return response.status_code, response.headers.get("Location")


@pytest.mark.parametrize(
    "url",
    ["/old-page/", "/old-page", "/OLD-Page/", "/Old-page", "/old-page/?utm_source=x"],
)
def test_exact_ignores_case_query_and_trailing_slash(client, url):
    save_redirect("/old-page/", "/services/")
    status, target = answer(client, url)
    assert status == 301
    assert target == ("/services/?utm_source=x" if "?" in url else "/services/")


def test_exact_carries_the_query_onto_a_target_with_its_own(client):
    save_redirect("/offer", "/contact/?topic=offer", status_code=302)
    assert answer(client, "/offer?utm_source=mail&utm_medium=x") == (
        302,
        "/contact/?topic=offer&utm_source=mail&utm_medium=x",
    )


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/old/", "/new/"),
        ("/old", "/new/"),
        ("/old/a/b?x=1", "/new/a/b?x=1"),
        ("/OLD/a/b/", "/new/a/b/"),
    ],
)
def test_prefix_keeps_the_rest_of_the_path(client, url, expected):
    save_redirect("/old/", "/new/", match="prefix")
    assert answer(client, url) == (301, expected)


def test_prefix_respects_segment_boundaries(client):
    save_redirect("/legacy", "/new/", match="prefix")
    assert answer(client, "/legacy/x/")[1] == "/new/x/"
    assert answer(client, "/legacy-anything/")[0] == 404


def test_regex_substitutes_groups(client):
    save_redirect(r"^/posts/(\d{4})/([\w-]+)/?$", "/blog/$2/?year=$1", match="regex")
    assert answer(client, "/posts/2021/hello-world/") == (301, "/blog/hello-world/?year=2021")


def test_regex_target_may_be_an_explicit_absolute_url(client):
    save_redirect(r"^/docs/(.*)$", "https://docs.example.com/$1", match="regex", status_code=308)
    assert answer(client, "/docs/a/b") == (308, "https://docs.example.com/a/b")


def test_empty_target_is_410_gone(client):
    save_redirect("/withdrawn-offer/", "")
    assert client.get("/withdrawn-offer/").status_code == 410


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_each_status_code(client, status):
    save_redirect("/moved/", "/contact/", status_code=status)
    assert answer(client, "/moved/") == (status, "/contact/")


def test_priority_beats_kind(client):
    save_redirect("/promo/", "/exact/")
    save_redirect(r"^/promo", "/regex/", match="regex", priority=5)
    assert answer(client, "/promo/")[1] == "/regex/"


def test_exact_before_prefix_before_regex_at_equal_priority(client):
    save_redirect(r"^/shop/.*", "/by-regex/", match="regex")
    save_redirect("/shop/", "/by-prefix/", match="prefix")
    save_redirect("/shop/item/", "/by-exact/")
    assert answer(client, "/shop/item/")[1] == "/by-exact/"
    assert answer(client, "/shop/other/")[1] == "/by-prefix/other/"
    Redirect.objects.filter(match="prefix").delete()
    assert answer(client, "/shop/other/")[1] == "/by-regex/"


def test_the_longer_prefix_wins(client):
    save_redirect("/a/", "/short/", match="prefix")
    save_redirect("/a/b/", "/long/", match="prefix")
    assert answer(client, "/a/b/c/")[1] == "/long/c/"
    assert answer(client, "/a/c/")[1] == "/short/c/"


def test_site_specific_rules_before_rules_for_all_sites(client, site):
    save_redirect("/campaign/", "/for-all-sites/")
    save_redirect("/campaign/", "/for-this-site/", site=site)
    other = DjangoSite.objects.create(domain="other.example", name="Other")
    save_redirect("/elsewhere/", "/other-site-only/", site=other)
    assert answer(client, "/campaign/")[1] == "/for-this-site/"
    assert answer(client, "/elsewhere/")[0] == 404


def test_a_rule_never_shadows_a_live_page_even_if_the_page_came_later(client, home, add_page):
    from pages.models import StandardPage

    save_redirect("/later/", "/contact/")
    assert answer(client, "/later/")[1] == "/contact/"
    add_page(home, StandardPage, title="Later")
    assert client.get("/later/").status_code == 200


@pytest.mark.parametrize(
    "path", ["/go//evil.example", "/go/%2F%2Fevil.example", "/go/%5Cevil.example", "/go/\\evil"]
)
def test_a_regex_result_cannot_leave_the_site(client, path, caplog):
    Redirect.objects.create(match="regex", old_path=r"^/go/(.*)$", new_path="/$1")
    with caplog.at_level(logging.WARNING, logger="site_redirects"):
        status, target = answer(client, path)
    assert status == 404 and target is None
    assert "unsafe target" in caplog.text


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/out//evil.example", (301, "/evil.example")),
        ("/out/%2F%2Fevil.example", (301, "/evil.example")),
        ("/out/\\evil.example", (404, None)),  # a backslash in a target: skipped
    ],
)
def test_a_prefix_rest_cannot_make_the_target_leave_the_site(client, path, expected):
    save_redirect("/out/", "/", match="prefix")
    assert answer(client, path) == expected


def test_an_absolute_regex_target_cannot_change_host(client):
    Redirect.objects.create(
        match="regex", old_path=r"^/ext(.*)$", new_path="https://docs.example$1"
    )
    # Saving refuses it (see test_validation); stored anyway, it is skipped at run time.
    assert client.get("/ext/page/").status_code == 404
    assert client.get("/ext@evil.example/").status_code == 404


def test_a_row_saved_elsewhere_with_a_query_or_escapes_still_matches(client):
    Redirect.objects.create(old_path="/Old%20Offer/?ref=mail", new_path="/contact/")
    assert answer(client, "/old offer/") == (301, "/contact/")


def test_a_stored_rule_with_a_bad_group_reference_is_skipped_not_a_500(client, caplog):
    # As django-redirects' own admin could have saved it.
    Redirect.objects.create(match="regex", old_path=r"^/about-us/(.*)$", new_path="/team/$3")
    Redirect.objects.create(match="regex", old_path=r"^/bad[/", new_path="/x/")
    with caplog.at_level(logging.WARNING, logger="site_redirects"):
        assert client.get("/about-us/anything/").status_code == 404
    assert "refers to group 3" in caplog.text and "not a valid regular expression" in caplog.text


def test_a_rule_that_fails_at_run_time_is_skipped(client, caplog):
    save_redirect("/fails/", "/contact/", priority=1)
    save_redirect(r"^/fail", "/services/", match="regex")  # the whole path is replaced
    table = live_table.current.get()
    broken = next(rule for rule in table.rules if rule.match == "exact")

    def bug(path):
        raise RuntimeError("a bug in a rule")

    broken.raw_location = bug
    with caplog.at_level(logging.ERROR, logger="site_redirects"):
        assert answer(client, "/fails/")[1] == "/services/"
    assert "failed on '/fails/'" in caplog.text


def test_an_unmatched_request_costs_no_query(db, settings, django_assert_num_queries):
    settings.REDIRECTS_CHECK_SECONDS = 60
    save_redirect("/somewhere/", "/contact/")
    save_redirect(r"^/x(\d+)$", "/y/$1", match="regex")
    middleware = RedirectMiddleware(lambda request: HttpResponse("page"))
    factory = RequestFactory()
    middleware(factory.get("/warm-up/"))  # the first request loads the table
    with django_assert_num_queries(0):
        for path in ["/nothing/", "/services/", "/x/12", "/a/b/c/d/"]:
            assert middleware(factory.get(path)).content == b"page"


def test_a_hit_adds_one_to_the_counter_and_changes_nothing_else(client):
    rule = save_redirect("/counted/", "/contact/", notes="keep me").redirect
    client.get("/counted/")
    client.get("/COUNTED?x=1")
    after = Redirect.objects.get(pk=rule.pk)
    assert after.counter == 2
    assert (after.notes, after.updated_at, after.new_path) == (
        "keep me",
        rule.updated_at,
        "/contact/",
    )


def test_a_rule_another_worker_just_made_answers_instead_of_a_404(client, settings):
    """Workers check the rules' version every 2 s; a 404 checks it at once, because the front
    keeps a 404 for a minute (a moved page's old address answered 404 in that window)."""
    settings.REDIRECTS_CHECK_SECONDS = 60
    assert client.get("/just-moved/").status_code == 404  # this worker's table is loaded
    stale = (live_table.current.table, live_table.current.version)
    save_redirect("/just-moved/", "/contact/")  # as another process would: then ...
    live_table.current.table, live_table.current.version = stale  # ... this worker knows not
    live_table.current.checked_at = time.monotonic() - 0.5  # and checked half a second ago
    response = client.get("/just-moved/")
    assert response.status_code == 301 and response["Location"] == "/contact/"
