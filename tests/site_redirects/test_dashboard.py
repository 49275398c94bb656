"""The Redirects area of the Wagtail dashboard: who sees it, and what it does."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from redirects.models import Redirect

from site_redirects.models import NotFoundPath
from site_redirects.store import save_redirect

AREA = "/admin/redirects/"
URLS = [
    AREA,
    AREA + "add/",
    AREA + "test/?path=/x/",
    AREA + "import/",
    AREA + "export/",
    AREA + "not-found/",
]


@pytest.fixture
def admin_client(client, site_admin):
    client.force_login(site_admin)
    return client


def form_data(**values):
    data = {"old_path": "", "new_path": "", "match": "exact", "type_status_code": "301"}
    return {**data, "priority": "0", "site": "", "notes": "", **values}


@pytest.mark.parametrize("url", URLS)
def test_editors_cannot_see_or_use_redirects(client, editor, url):
    save_redirect("/old/", "/contact/")
    client.force_login(editor)
    response = client.get(url, follow=True)
    assert response.redirect_chain and response.redirect_chain[-1][0] == "/admin/"
    assert b"Sorry, you do not have permission" in response.content
    assert b"/old/" not in response.content


def test_editors_cannot_post_a_rule_or_an_import(client, editor):
    client.force_login(editor)
    client.post(AREA + "add/", form_data(old_path="/sneaky/", new_path="/contact/"))
    upload = SimpleUploadedFile("r.csv", b"old_path,new_path\n/sneaky/,/contact/\n")
    client.post(AREA + "import/", {"file": upload})
    assert not Redirect.objects.exists()


def test_the_menu_item_is_for_site_admins_only(client, editor, site_admin):
    client.force_login(editor)
    assert AREA.encode() not in client.get("/admin/").content
    client.force_login(site_admin)
    assert AREA.encode() in client.get("/admin/").content


@pytest.mark.parametrize("url", URLS)
def test_site_admins_reach_every_redirect_view(admin_client, url):
    response = admin_client.get(url)
    assert response.status_code == 200


def test_django_admin_does_not_expose_redirects_and_wagtails_redirects_are_not_installed(
    client, site_admin
):
    assert not apps.is_installed("wagtail.contrib.redirects")
    assert not admin.site.is_registered(Redirect)
    client.force_login(User.objects.create_superuser("root", password="pw-root-123"))
    assert client.get("/django-admin/").status_code == 404
    assert client.get("/admin/redirects/redirect/").status_code == 404


def test_creating_a_rule_normalises_it_and_reports_collapsed_chains(admin_client):
    save_redirect("/b/", "/contact/")
    response = admin_client.post(
        AREA + "add/",
        form_data(old_path="https://old.example/A/?utm=1", new_path="/b/"),
        follow=True,
    )
    assert response.status_code == 200
    rule = Redirect.objects.get(old_path="/A/")
    assert rule.new_path == "/contact/"
    assert "/b/ already redirects to /contact/" in response.content.decode()


@pytest.mark.parametrize(
    ("values", "error"),
    [
        ({"old_path": "/team", "new_path": "/Team/"}, "leads straight back to /team"),
        ({"old_path": "/x", "new_path": "//evil.example"}, "another host"),
        ({"old_path": "(a+)+", "new_path": "/x/", "match": "regex"}, "exponential time"),
        ({"old_path": "/services/", "new_path": "/x/"}, "would shadow the live page /services/"),
    ],
)
def test_a_refused_rule_shows_the_reason_and_saves_nothing(admin_client, values, error):
    response = admin_client.post(AREA + "add/", form_data(**values))
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not Redirect.objects.exists()


def test_editing_keeps_the_hit_counter(admin_client):
    rule = save_redirect("/promo/", "/contact/").redirect
    Redirect.objects.filter(pk=rule.pk).update(counter=7)
    admin_client.post(
        AREA + f"edit/{rule.pk}/", form_data(old_path="/promo/", new_path="/services/", notes="x")
    )
    rule.refresh_from_db()
    assert (rule.new_path, rule.counter, rule.notes) == ("/services/", 7, "x")


def test_the_listing_searches_filters_and_sorts(admin_client):
    save_redirect("/alpha/", "/contact/")
    save_redirect("/beta/", "/contact/", status_code=302)
    save_redirect("/gamma/", "/services/", match="prefix")
    Redirect.objects.filter(old_path="/gamma/").update(counter=50)
    listing = admin_client.get(AREA + "?q=alph").content.decode()
    assert "/alpha/" in listing and "/beta/" not in listing
    filtered = admin_client.get(AREA + "?type_status_code=302").content.decode()
    assert "/beta/" in filtered and "/alpha/" not in filtered
    by_kind = admin_client.get(AREA + "?match=prefix").content.decode()
    assert "/gamma/" in by_kind and "/beta/" not in by_kind
    by_hits = admin_client.get(AREA + "?ordering=-counter").content.decode()
    assert by_hits.index("/gamma/") < by_hits.index("/alpha/")


def test_bulk_delete(admin_client):
    pks = [save_redirect(f"/old-{i}/", "/contact/").redirect.pk for i in range(3)]
    url = "/admin/bulk/redirects/redirect/delete/?" + "&".join(f"id={pk}" for pk in pks[:2])
    assert admin_client.get(url).status_code == 200
    admin_client.post(url)
    assert list(Redirect.objects.values_list("pk", flat=True)) == pks[2:]


def test_test_a_path_shows_which_rule_answers(admin_client, site):
    save_redirect("/old/", "/new/", match="prefix", status_code=302)
    page = admin_client.get(AREA + f"test/?path=/old/a?x=1&site={site.pk}").content.decode()
    assert "The prefix /old/ rule answers" in page and "/new/a?x=1" in page and "302" in page
    page = admin_client.get(AREA + f"test/?path=/services/&site={site.pk}").content.decode()
    assert "A live page or the site itself answers this path" in page
    page = admin_client.get(AREA + f"test/?path=/nothing/&site={site.pk}").content.decode()
    assert "No rule matches" in page


def test_csv_import_in_the_dashboard_reports_bad_rows(admin_client):
    upload = SimpleUploadedFile(
        "r.csv", b"old_path,new_path,match\n/one/,/contact/,exact\n/two/,//evil,exact\n"
    )
    page = admin_client.post(AREA + "import/", {"file": upload}).content.decode()
    assert "1 created, 0 unchanged, 1 refused." in page
    assert "Line 3: The target starts with “//”" in page
    assert list(Redirect.objects.values_list("old_path", flat=True)) == ["/one/"]


def test_csv_export_downloads_every_rule(admin_client):
    save_redirect("/one/", "/contact/", notes="from the old site")
    response = admin_client.get(AREA + "export/")
    assert response["Content-Type"].startswith("text/csv")
    body = response.content.decode()
    assert body.splitlines()[0].startswith("old_path,new_path,match,type_status_code,priority")
    assert "/one/,/contact/,exact,301,0,,from the old site,0," in body


def test_the_home_panel_summarises_redirects_and_404s(admin_client, client, editor):
    rule = save_redirect("/popular/", "/contact/").redirect
    Redirect.objects.filter(pk=rule.pk).update(counter=12)
    now = timezone.now()
    NotFoundPath.objects.create(path="/missing-page/", hits=9, first_seen=now, last_seen=now)
    home = admin_client.get("/admin/").content.decode()
    assert "Most used" in home and "/popular/" in home and "12 hits" in home
    assert "/missing-page/ (9)" in home
    assert f"{AREA}add/?old_path=/missing-page/" in home
    client.force_login(editor)
    assert "Most used" not in client.get("/admin/").content.decode()


def test_create_redirect_from_a_not_found_path_is_prefilled(admin_client):
    now = timezone.now()
    NotFoundPath.objects.create(path="/gone-away/", hits=3, first_seen=now, last_seen=now)
    listing = admin_client.get(AREA + "not-found/").content.decode()
    assert "/gone-away/" in listing and f"{AREA}add/?old_path=/gone-away/" in listing
    form = admin_client.get(AREA + "add/?old_path=/gone-away/").content.decode()
    assert 'value="/gone-away/"' in form


def listed_messages(response):
    """Each message's sentence (Wagtail appends its buttons' HTML after a blank line)."""
    return [str(message).split("\n")[0] for message in response.context["messages"]]


def test_the_status_column_shows_410_for_a_gone_rule(admin_client):
    save_redirect("/gone-away/", "")
    save_redirect("/moved/", "/contact/", status_code=302)
    html = admin_client.get(AREA).content.decode()
    gone_row = html[html.index("/gone-away/") :].split("</tr>")[0]
    moved_row = html[html.index("/moved/") :].split("</tr>")[0]
    assert ">410<" in gone_row.replace(" ", "").replace("\n", "")
    assert ">301<" not in gone_row.replace(" ", "").replace("\n", "")
    assert ">302<" in moved_row.replace(" ", "").replace("\n", "")


def test_messages_read_like_sentences(admin_client):
    created = admin_client.post(
        AREA + "add/", form_data(old_path="/x/", new_path="/contact/"), follow=True
    )
    assert "Redirect from /x/ to /contact/ created." in listed_messages(created)
    rule = Redirect.objects.get(old_path="/x/")
    updated = admin_client.post(
        f"{AREA}edit/{rule.pk}/", form_data(old_path="/x/", new_path="/about/"), follow=True
    )
    assert "Redirect from /x/ to /about/ updated." in listed_messages(updated)
    deleted = admin_client.post(f"{AREA}delete/{rule.pk}/", follow=True)
    assert "Redirect from /x/ to /about/ deleted." in listed_messages(deleted)
    gone = admin_client.post(AREA + "add/", form_data(old_path="/old-offer/"), follow=True)
    assert "Rule that answers /old-offer/ with 410 Gone created." in listed_messages(gone)
    assert not any("--->" in text for text in listed_messages(gone))
