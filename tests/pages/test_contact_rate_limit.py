"""The contact form takes 5 posts from one address (CONTACT_FORM_RATE, per 10 minutes by
default); the one past that is shown again with its text and a message (429), and nothing is
kept or sent."""

import pytest
from django.core import mail
from wagtail.contrib.forms.models import FormSubmission

from pages.models import ContactPage

UNTRUSTED = "203.0.113.7"  # not a front of ours (FRONT_CACHE_TRUSTED_IPS)


def post(client, contact, name, **headers):
    data = {
        "your_name": name,
        "email_address": "ada@example.org",
        "how_can_we_help": f"A message from {name}.",
    }
    return client.post(contact.url, data, **headers)


def kept(prefix):
    return FormSubmission.objects.filter(form_data__your_name__startswith=prefix).count()


@pytest.fixture(autouse=True)
def day_window(settings):
    # The default's count over a day: a 10-minute window may turn over in the middle of a test.
    settings.CONTACT_FORM_RATE = "5/d"


@pytest.fixture
def contact(db):
    return ContactPage.objects.get()


def test_a_burst_is_stopped_after_five_posts_and_the_sixth_keeps_its_text(client, contact):
    for n in range(5):
        response = post(client, contact, f"Burst {n}")
        assert response.status_code == 200 and contact.thank_you_text in response.content.decode()
    assert kept("Burst") == 5 and len(mail.outbox) == 5

    refused = post(client, contact, "Burst 5")
    html = refused.content.decode()
    assert refused.status_code == 429
    assert "You have sent several messages in a short time" in html
    # Nothing to correct: the heading says the message is not sent yet.
    assert "<h2>Your message was not sent yet</h2>" in html
    assert "Please correct the highlighted fields" not in html
    assert 'value="Burst 5"' in html and "A message from Burst 5." in html
    assert kept("Burst") == 5 and len(mail.outbox) == 5


def test_a_flood_of_visits_is_not_counted(client, contact):
    for _ in range(30):
        assert client.get(contact.url).status_code == 200
    for n in range(5):
        assert post(client, contact, f"After visits {n}").status_code == 200
    assert post(client, contact, "After visits 5").status_code == 429
    assert kept("After visits") == 5


def test_forged_address_headers_from_an_untrusted_client_do_not_dodge_the_limit(client, contact):
    for n in range(5):
        forged = {"HTTP_X_REAL_IP": f"192.0.2.{n}", "HTTP_X_FORWARDED_FOR": f"192.0.2.{n}"}
        post(client, contact, f"Forger {n}", REMOTE_ADDR=UNTRUSTED, **forged)
    assert post(client, contact, "Forger 5", REMOTE_ADDR=UNTRUSTED).status_code == 429
    assert kept("Forger") == 5


def test_visitors_behind_the_front_are_counted_apart(client, contact):
    for n in range(6):
        post(client, contact, f"First {n}", HTTP_X_REAL_IP="198.51.100.1")
    assert post(client, contact, "Second", HTTP_X_REAL_IP="198.51.100.2").status_code == 200
    assert kept("First") == 5 and kept("Second") == 1
