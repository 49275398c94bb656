"""The contact page carries no CSRF token (the front stores it for everyone); cross-site
posts are refused by the headers browsers send (front_cache.same_origin), with Django's own
token check (enforced here as in production) still guarding the admin."""

import pytest
from django.core import mail
from django.test import Client
from wagtail.contrib.forms.models import FormSubmission

from pages.models import ContactPage

POST = {
    "your_name": "Origin Tester",
    "email_address": "origin@example.org",
    "how_can_we_help": "Checking where this form may be sent from.",
}


@pytest.fixture
def browser():
    return Client(enforce_csrf_checks=True)


@pytest.fixture
def contact(db):
    return ContactPage.objects.get()


def kept():
    return FormSubmission.objects.filter(form_data__your_name="Origin Tester").count()


def test_the_contact_page_sets_no_cookie_and_is_stored_by_the_front(browser, contact):
    response = browser.get(contact.url)
    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert not response.cookies
    assert "s-maxage" in response["Cache-Control"] and "private" not in response["Cache-Control"]


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "http://testserver"},
        {"HTTP_ORIGIN": "http://testserver"},  # a browser without Fetch Metadata
        {},  # no browser page sent it (curl, a monitoring script)
    ],
)
def test_a_post_from_the_site_itself_is_taken_without_a_token(browser, contact, headers):
    response = browser.post(contact.url, POST, **headers)
    assert response.status_code == 200 and "Thank you" in response.content.decode()
    assert kept() == 1 and len(mail.outbox) == 1


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_SEC_FETCH_SITE": "same-site", "HTTP_ORIGIN": "http://blog.testserver"},
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},  # a sandboxed frame or a data: page
        {"HTTP_ORIGIN": "https://testserver"},  # another scheme is another origin
    ],
)
def test_a_cross_site_post_is_refused_and_nothing_is_kept(browser, contact, headers):
    response = browser.post(contact.url, POST, **headers)
    assert response.status_code == 403 and "Not allowed" in response.content.decode()
    assert kept() == 0 and not mail.outbox


def test_a_trusted_origin_may_post(browser, contact, settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://www.example.com"]
    response = browser.post(contact.url, POST, HTTP_ORIGIN="https://www.example.com")
    assert response.status_code == 200 and kept() == 1


def test_a_cross_site_visit_is_a_visit(browser, contact):
    response = browser.get(contact.url, HTTP_SEC_FETCH_SITE="cross-site")
    assert response.status_code == 200


def test_the_admin_still_needs_its_token(browser, site_admin):
    response = browser.post(
        "/admin/login/",
        {"username": "adam", "password": "pw-admin-123"},
        HTTP_SEC_FETCH_SITE="same-origin",
    )
    assert response.status_code == 403
