"""save_redirect: the one store every writer uses (dashboard, CSV, importer, page moves)."""

import pytest
from redirects.models import Redirect

from site_redirects.store import RedirectRefused, save_redirect


def test_a_new_rule_is_normalised_and_saved(site):
    saved = save_redirect(" https://old.example/Old-Page/?utm=1 ", "/services/", site=site)
    assert saved.created and saved.messages == []
    assert saved.redirect.old_path == "/Old-Page/"
    assert saved.redirect.site.domain == site.hostname
    assert saved.redirect.type_status_code == 301


def test_saving_the_same_rule_twice_is_idempotent():
    first = save_redirect("/old/", "/services/")
    again = save_redirect("/OLD", "/services/")
    assert again.created is False and again.redirect.pk == first.redirect.pk
    assert Redirect.objects.filter(old_path__iexact="/old/").count() == 1


def test_a_different_rule_for_the_same_source_and_site_is_refused():
    save_redirect("/old/", "/services/")
    with pytest.raises(RedirectRefused, match="/old/ already has an exact rule for all sites"):
        save_redirect("/old", "/blog/")


def test_a_target_that_is_another_rules_source_is_collapsed():
    save_redirect("/b/", "/blog/")
    saved = save_redirect("/a/", "/b/")
    assert saved.redirect.new_path == "/blog/"
    assert saved.messages == [
        "/b/ already redirects to /blog/, so /a/ now goes straight to /blog/."
    ]


def test_rules_pointing_at_a_new_rules_source_are_updated():
    first = save_redirect("/a/", "/b/")
    saved = save_redirect("/b/", "/blog/")
    first.redirect.refresh_from_db()
    assert first.redirect.new_path == "/blog/"
    assert "/a/ now goes straight to /blog/ (it went to /b/)." in saved.messages


@pytest.mark.parametrize(
    ("old", "new", "reason"),
    [
        ("/Team", "/team", "leads straight back to /Team"),
        ("/our-team", "/Our-Team/", "leads straight back to /our-team"),
    ],
)
def test_a_rule_to_itself_is_refused(old, new, reason):
    with pytest.raises(RedirectRefused, match=reason):
        save_redirect(old, new)


def test_a_loop_through_other_rules_is_refused():
    save_redirect("/a/", "/b/")
    save_redirect("/b/", "/c/", priority=1)
    with pytest.raises(RedirectRefused) as refused:
        save_redirect("/c/", "/a/")
    # /c/ -> /a/ would collapse to /c/ itself: straight back to its source.
    assert "back to /c/" in refused.value.reason
    assert not Redirect.objects.filter(old_path="/c/").exists()


def test_a_live_page_url_cannot_be_a_source(site):
    with pytest.raises(RedirectRefused, match=r"would shadow the live page /services/"):
        save_redirect("/services/", "/blog/", site=site)
    with pytest.raises(RedirectRefused, match=r"would shadow the live page /blog/"):
        save_redirect(r"^/b.og/?$", "/x/", match="regex")
