"""Editors work on content; users, groups and settings are for site admins."""

import pytest

from pages.models import HomePage

AREAS_FOR_EVERY_EDITOR = [
    "/admin/",
    "/admin/pages/",
    "/admin/images/",
    "/admin/documents/",
    "/admin/snippets/blog/author/",
    "/admin/snippets/blog/blogcategory/",
]
ADMIN_ONLY_AREAS = [
    "/admin/users/",
    "/admin/groups/",
    "/admin/settings/pages/sitesettings/",
    "/admin/sites/",
]


@pytest.mark.parametrize("url", AREAS_FOR_EVERY_EDITOR)
def test_editors_reach_content_areas(client, editor, url):
    client.force_login(editor)
    assert client.get(url, follow=True).status_code == 200


@pytest.mark.parametrize("url", ADMIN_ONLY_AREAS)
def test_editors_are_refused_admin_only_areas(client, editor, url):
    client.force_login(editor)
    response = client.get(url, follow=True)
    # Wagtail answers "permission denied" by sending the user back to the dashboard.
    assert response.redirect_chain, f"{url} did not refuse the editor"
    assert response.redirect_chain[-1][0] in ("/admin/", "/admin/login/")
    assert b"Sorry, you do not have permission" in response.content


@pytest.mark.parametrize("url", ADMIN_ONLY_AREAS)
def test_site_admins_reach_admin_only_areas(client, site_admin, url):
    client.force_login(site_admin)
    response = client.get(url, follow=True)
    assert response.status_code == 200
    assert not response.redirect_chain or response.redirect_chain[-1][0] != "/admin/"


def test_editors_can_edit_pages(client, editor):
    client.force_login(editor)
    home = HomePage.objects.get()
    assert client.get(f"/admin/pages/{home.pk}/edit/").status_code == 200


def test_anonymous_visitors_are_sent_to_login(client):
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
