"""The admin's password reset: at most 5 requests an hour from one address (django-ratelimit),
so it cannot flood a mailbox or probe for accounts; past that, no email and a clear page."""

import pytest
from django.core import mail

RESET = "/admin/password_reset/"
UNTRUSTED = "203.0.113.7"  # not a front of ours (FRONT_CACHE_TRUSTED_IPS)


@pytest.fixture(autouse=True)
def day_window(settings):
    # The default's count over a day: an hour's window may turn over in the middle of a test.
    settings.PASSWORD_RESET_RATE = "5/d"


def request_reset(client, **headers):
    return client.post(RESET, {"email": "adam@example.org"}, **headers)


def test_the_sixth_request_from_an_address_sends_nothing(client, site_admin):
    site_admin.email = "adam@example.org"
    site_admin.save()
    for _ in range(5):
        assert request_reset(client).status_code == 302  # "check your email"
    assert len(mail.outbox) == 5

    refused = request_reset(client)
    html = refused.content.decode()
    assert refused.status_code == 429
    assert "Too many password reset requests came from your address" in html
    assert "wagtailadmin/css/core.css" in html  # the admin's look, not a bare text
    assert len(mail.outbox) == 5


def test_unknown_addresses_count_too(client):
    for _ in range(5):
        request_reset(client)
    assert request_reset(client).status_code == 429
    assert mail.outbox == []


def test_forged_address_headers_from_an_untrusted_client_do_not_dodge_the_limit(client):
    for n in range(5):
        forged = {"HTTP_X_REAL_IP": f"192.0.2.{n}", "HTTP_X_FORWARDED_FOR": f"192.0.2.{n}"}
        request_reset(client, REMOTE_ADDR=UNTRUSTED, **forged)
    assert request_reset(client, REMOTE_ADDR=UNTRUSTED).status_code == 429
    # Another visitor, behind our front, is not held back by the first one.
    assert request_reset(client, HTTP_X_REAL_IP="198.51.100.2").status_code == 302


def test_showing_the_form_is_not_counted(client):
    for _ in range(20):
        assert client.get(RESET).status_code == 200
    for _ in range(5):
        assert request_reset(client).status_code == 302
    assert request_reset(client).status_code == 429
