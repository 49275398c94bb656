"""A page whose URL changes leaves permanent redirects behind, for itself and its descendants."""

import pytest
from redirects.models import Redirect
from wagtail.models import Page

from site_redirects.store import save_redirect

OLD = "/services/fractional-cto/"
EXPLAINER = "what-is-a-fractional-cto/"


@pytest.fixture
def cto(db):
    return Page.objects.get(url_path__endswith="/services/fractional-cto/").specific


def rename(page, slug, capture):
    page.slug = slug
    with capture(execute=True):
        page.save_revision().publish()


def targets(client, *paths):
    return [client.get(path).headers.get("Location") for path in paths]


def test_a_slug_change_redirects_the_page_and_its_descendants(
    client, cto, django_capture_on_commit_callbacks
):
    rename(cto, "cto", django_capture_on_commit_callbacks)
    assert targets(client, OLD, OLD + EXPLAINER, "/Services/Fractional-CTO?utm_source=x") == [
        "/services/cto/",
        "/services/cto/" + EXPLAINER,
        "/services/cto/?utm_source=x",
    ]
    assert client.get("/services/cto/" + EXPLAINER).status_code == 200
    rule = Redirect.objects.get(old_path=OLD)
    assert rule.type_status_code == 301 and rule.site.domain == "localhost"


def test_rules_pointing_at_the_old_url_follow_the_page(
    client, site, cto, django_capture_on_commit_callbacks
):
    for_all_sites = save_redirect("/cto/", OLD).redirect
    for_this_site = save_redirect("/hire-a-cto/", OLD + "?from=ad", site=site).redirect
    rename(cto, "cto", django_capture_on_commit_callbacks)
    for_all_sites.refresh_from_db()
    for_this_site.refresh_from_db()
    assert for_all_sites.new_path == "/services/cto/"
    assert for_this_site.new_path == "/services/cto/?from=ad"


def test_a_move_redirects_the_page_and_its_descendants(client, cto, home):
    cto.move(home, pos="last-child")
    assert targets(client, OLD, OLD + EXPLAINER) == [
        "/fractional-cto/",
        "/fractional-cto/" + EXPLAINER,
    ]


def test_renaming_back_leaves_no_loop(client, cto, django_capture_on_commit_callbacks):
    rename(cto, "cto", django_capture_on_commit_callbacks)
    cto.refresh_from_db()
    rename(cto, "fractional-cto", django_capture_on_commit_callbacks)
    assert client.get(OLD).status_code == 200
    assert targets(client, "/services/cto/") == [OLD]
    assert not Redirect.objects.filter(old_path=OLD).exists()


def test_a_draft_slug_change_leaves_no_redirect(cto, django_capture_on_commit_callbacks):
    cto.slug = "draft-slug"
    with django_capture_on_commit_callbacks(execute=True):
        cto.save_revision()
    assert not Redirect.objects.exists()
