"""Every refusal of the issue, through save_redirect (the dashboard form and CSV share it)."""

import pytest
from django.contrib.sites.models import Site as DjangoSite
from redirects.models import Redirect

from site_redirects.store import RedirectRefused, save_redirect


def refused(*args, **kwargs):
    with pytest.raises(RedirectRefused) as error:
        save_redirect(*args, **kwargs)
    return error.value


@pytest.mark.parametrize(
    ("pattern", "target", "reason"),
    [
        (r"^/old/(\d+", "/new/", "not a valid regular expression"),
        (r"^/old/(\d+)$", "/new/$2", "refers to group 2, but the pattern has 1 group"),
        (r"^/old/(\d+)$", r"/new/\g<slug>", "refers to the group “slug”"),
        (r"^/old/(a+)+$", "/new/", "exponential time"),
        (r"^/old/(?:\w*-?)*$", "/new/", "exponential time"),
        (r"^/(x|(ab)*)*$", "/new/", "exponential time"),
        (r"^/old/(.*)$", "https://ex$1.example/", "may only follow the host name"),
    ],
)
def test_bad_regex_rules_are_refused(pattern, target, reason):
    assert reason in refused(pattern, target, match="regex").reason


@pytest.mark.parametrize(
    "target",
    [
        "//evil.example",
        "/\\evil.example",
        "/%2F%2Fevil.example",
        "/%2fevil.example",
        "/%5Cevil.example",
        "/%252F%252Fevil.example",
        "https:evil.example",
        "https:/evil.example",
        "javascript:alert(1)",
        "ftp://files.example/",
        "evil.example",
        "https://good.example@evil.example/",
        "https://docs.example/#anchor",
        "/new page/",
        "/new\x07/",
    ],
)
def test_targets_that_could_leave_the_site_or_are_not_urls_are_refused(target):
    assert refused("/old/", target).field == "new_path"
    assert not Redirect.objects.exists()


@pytest.mark.parametrize("target", ["/new/", "/new/?a=1", "https://docs.example/a?b=c", ""])
def test_paths_absolute_urls_and_empty_targets_are_accepted(target):
    assert save_redirect("/old/", target).created


@pytest.mark.parametrize(
    ("rules", "source", "target", "reason"),
    [
        ([], "/loop/", "/loop/", "leads straight back to /loop/"),
        ([], "/Loop/", "/loop", "leads straight back"),
        ([], "/loop", "/LOOP/?x=1", "leads straight back"),
        ([("/b/", "/c/")], "/c/", "/b/", "loops back to /c/ through /b/"),
        ([("/a/", "/b/"), ("/b/", "/c/")], "/c/", "/a/", "loops back to /c/ through /a/"),
        ([("/x/", "/y/z/")], "/y/", "/x/", "loops back to /y/ through /x/"),
    ],
)
def test_loops_are_refused(rules, source, target, reason):
    for old, new in rules:
        save_redirect(old, new)
    match = "prefix" if source == "/y/" else "exact"
    assert reason in refused(source, target, match=match).reason
    assert Redirect.objects.count() == len(rules)


def test_a_regex_whose_target_it_matches_again_is_a_loop():
    assert (
        "leads straight back" in refused(r"^/articles/(.*)$", "/articles/$1", match="regex").reason
    )


def test_an_exact_source_may_not_duplicate_another_rule_of_the_same_site(site):
    save_redirect("/dup/", "/contact/")
    assert "already has an exact rule for all sites" in refused("/DUP", "/services/").reason
    save_redirect("/dup/", "/services/", site=site)  # another site (scope): allowed
    assert "for this site" in refused("/dup", "/blog/", site=site).reason
    other = DjangoSite.objects.create(domain="other.example", name="Other")
    assert save_redirect("/dup/", "/blog/", site=other).created


def test_the_site_itself_and_live_pages_cannot_be_taken_over():
    assert "take over /admin/" in refused("/admin/pages/", "/x/").reason
    assert "take over /healthz" in refused("/healthz", "/x/").reason
    assert "take over /admin/" in refused(r"^/adm.*", "/x/", match="regex").reason
    assert "shadow the live page /contact/" in refused("/Contact", "/x/").reason
    assert "shadow the live page /services/" in refused("/services", "/x/", match="prefix").reason
    assert "catch every page" in refused("/", "/x/", match="prefix").reason


@pytest.mark.parametrize(
    ("field", "values", "reason"),
    [
        ("type_status_code", {"status_code": 404}, "Status 404 is not a redirect"),
        ("match", {"match": "glob"}, "Unknown match kind"),
        ("priority", {"priority": -1}, "between 0 and 32767"),
        ("old_path", {}, "The old path is required"),
    ],
)
def test_field_errors_name_their_field(field, values, reason):
    error = refused("" if field == "old_path" else "/old/", "/new/", **values)
    assert error.field == field and reason in error.reason


def test_a_refusal_after_chain_rewrites_were_planned_writes_nothing():
    first = save_redirect("/a/", "/b/").redirect
    # /b/ -> /a/ would rewrite /a/'s rule, but it loops: nothing may change.
    refused("/b/", "/a/")
    first.refresh_from_db()
    assert first.new_path == "/b/" and Redirect.objects.count() == 1
