"""The Markdown editor's preview endpoint and what the admin loads for the editor."""

import pytest
from django.test import Client
from django.urls import reverse

from markdown_dialect.limits import MAX_CHARS, MAX_DEPTH
from markdown_editor.views import MAX_BODY_BYTES

TEXT = "## Plans{.heading-wide}\n\nRead [the offer](/contact/){.single-meta-forward}\n"


@pytest.fixture
def url():
    return reverse("markdown_preview")


@pytest.fixture
def editor_client(editor):
    """An editor (not an admin) with Django's CSRF check on, as a browser meets it."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    client.get("/admin/")  # sets the CSRF cookie
    return client


def post(client, url, text, **extra):
    token = client.cookies["csrftoken"].value
    return client.post(url, {"markdown": text}, HTTP_X_CSRFTOKEN=token, **extra)


def test_the_preview_is_our_dialect_with_its_classes(editor_client, url):
    response = post(editor_client, url, TEXT)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<h2 class="heading-wide" id="plans">Plans</h2>' in html
    assert 'class="single-meta-forward"' in html
    assert "{." not in html
    assert "no-store" in response["Cache-Control"]


def test_the_preview_is_sanitised(editor_client, url):
    html = post(editor_client, url, '<script>alert(1)</script>\n\nText{.evil onclick="x"}').content
    assert b"<script" not in html and b"onclick" not in html and b"evil" not in html


def test_signed_out_visitors_are_sent_to_sign_in(client, url):
    response = client.post(url, {"markdown": TEXT})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_a_post_without_the_csrf_token_is_refused(editor_client, url):
    assert editor_client.post(url, {"markdown": TEXT}).status_code == 403


def test_only_posts(editor_client, url):
    assert editor_client.get(url).status_code == 405


def test_a_text_past_the_limits_is_a_clear_4xx(editor_client, url):
    too_long = post(editor_client, url, "a" * (MAX_CHARS + 1))
    assert too_long.status_code == 400
    assert f"at most {MAX_CHARS:,}" in too_long.content.decode()
    too_deep = post(editor_client, url, "> " * (MAX_DEPTH + 1) + "deep")
    assert too_deep.status_code == 400 and "nested" in too_deep.content.decode()
    huge = post(editor_client, url, "a" * MAX_BODY_BYTES)
    assert huge.status_code == 413


def test_the_admin_loads_the_editor_options_icons_and_preview_url(editor_client, url):
    html = editor_client.get("/admin/").content.decode()
    assert f'src="/static/markdown_editor/editor.js" data-preview-url="{url}"' in html
    assert 'href="/static/markdown_editor/font-awesome/font-awesome-toolbar.css"' in html
