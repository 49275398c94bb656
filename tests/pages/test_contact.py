"""The contact form: stored, emailed, honeypot-protected, and kind about mistakes."""

import pytest
from django.core import mail
from wagtail.contrib.forms.models import FormSubmission

from pages.models import ContactPage, SiteSettings
from pages.models.contact import HONEYPOT_FIELD

GOOD_POST = {
    "your_name": "Ada Lovelace",
    "email_address": "ada@example.org",
    "company": "Analytical Engines",
    "how_can_we_help": "We need help planning our next release.",
}


@pytest.fixture
def contact(db):
    return ContactPage.objects.get()


def test_the_form_shows_the_editor_defined_fields(client, contact):
    html = client.get(contact.url).content.decode()
    for name in GOOD_POST:
        assert f'name="{name}"' in html
    assert f'name="{HONEYPOT_FIELD}"' in html and 'aria-hidden="true"' in html


def test_a_good_post_is_stored_emailed_and_thanked(client, contact):
    response = client.post(contact.url, GOOD_POST)

    assert response.status_code == 200
    assert contact.thank_you_text in response.content.decode()
    # Filtered: a browser test's submission may already be in the database.
    submission = FormSubmission.objects.get(page=contact, form_data__your_name="Ada Lovelace")
    assert submission.form_data["email_address"] == "ada@example.org"
    assert HONEYPOT_FIELD not in submission.form_data
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    # No "to address" on the page: the site settings' contact email receives it.
    assert message.to == [SiteSettings.objects.get().contact_email]
    assert "Ada Lovelace" in message.body and HONEYPOT_FIELD not in message.body


def test_the_page_address_wins_over_site_settings(client, contact):
    contact.to_address = "sales@example.org"
    contact.save()
    client.post(contact.url, GOOD_POST)
    assert mail.outbox[0].to == ["sales@example.org"]


def test_a_bot_filling_the_honeypot_is_thanked_but_nothing_is_kept(client, contact):
    response = client.post(contact.url, {**GOOD_POST, HONEYPOT_FIELD: "http://spam.example"})
    assert response.status_code == 200
    assert contact.thank_you_text in response.content.decode()
    assert not FormSubmission.objects.filter(form_data__your_name="Ada Lovelace").exists()
    assert mail.outbox == []


def test_invalid_input_re_renders_with_messages_and_keeps_what_was_typed(client, contact):
    response = client.post(
        contact.url, {**GOOD_POST, "email_address": "not-an-email", "how_can_we_help": ""}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Please correct the highlighted fields" in html
    assert "Enter a valid email address." in html
    assert "This field is required." in html
    assert 'value="Ada Lovelace"' in html
    assert not FormSubmission.objects.filter(form_data__your_name="Ada Lovelace").exists()
    assert mail.outbox == []


def test_submissions_are_listed_and_exportable_in_the_admin(client, contact, django_user_model):
    client.post(contact.url, GOOD_POST)
    admin = django_user_model.objects.create_superuser("root", "r@example.org", "pw")
    client.force_login(admin)
    listing = client.get(f"/admin/forms/submissions/{contact.pk}/")
    assert listing.status_code == 200 and "ada@example.org" in listing.content.decode()
    export = client.get(f"/admin/forms/submissions/{contact.pk}/?export=csv")
    assert export.status_code == 200
    assert "ada@example.org" in b"".join(export.streaming_content).decode()


def test_the_email_answers_to_the_visitor_and_names_the_form(client, contact):
    client.post(contact.url, GOOD_POST)
    message = mail.outbox[0]
    assert message.reply_to == ["ada@example.org"]
    assert message.extra_headers.get("Reply-To") is None  # Django writes it from reply_to
    assert message.message()["Reply-To"] == "ada@example.org"
    assert message.subject == f"{contact.title} form: {contact.subject}"
    assert contact.title in message.subject


@pytest.mark.parametrize(
    "address",
    [
        "ada@example.org\r\nBcc: victim@example.org",
        "ada@example.org\nBcc: victim@example.org",
        "ada@example.org, victim@example.org",
        "Ada <ada@example.org>",
    ],
)
def test_a_header_injection_attempt_is_a_form_error_and_sends_nothing(client, contact, address):
    response = client.post(contact.url, {**GOOD_POST, "email_address": address})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Enter a valid email address." in html
    assert mail.outbox == []


def test_reply_to_refuses_an_address_that_slipped_past_the_form(contact):
    """Defence in depth: even a cleaned value with a line break never becomes a header."""
    form = contact.get_form({**GOOD_POST}, page=contact, user=None)
    assert form.is_valid()
    form.cleaned_data["email_address"] = "ada@example.org\r\nBcc: victim@example.org"
    assert contact.reply_to(form) is None
    form.cleaned_data["email_address"] = "ada@example.org"
    assert contact.reply_to(form) == "ada@example.org"


def test_without_an_email_field_there_is_no_reply_to(client, contact):
    contact.form_fields.filter(field_type="email").delete()
    client.post(contact.url, {key: v for key, v in GOOD_POST.items() if key != "email_address"})
    assert mail.outbox[0].reply_to == []


def test_the_thank_you_text_is_the_editors_and_in_our_voice(client, contact):
    assert "We " in contact.thank_you_text and " I " not in f" {contact.thank_you_text} "
    contact.thank_you_text = "Got it. We will call you back tomorrow."
    contact.save()
    response = client.post(contact.url, GOOD_POST)
    assert "Got it. We will call you back tomorrow." in response.content.decode()


def test_contact_details_from_site_settings_sit_beside_the_form(client, contact):
    settings = SiteSettings.objects.get()
    html = client.get(contact.url).content.decode()
    aside = html[html.index('<aside class="contact-details"') : html.index("</aside>")]
    assert f'href="tel:{settings.phone.replace(" ", "")}"' in aside
    for line in settings.postal_address.splitlines():
        assert line in aside
    assert f'href="{settings.booking_url}"' in aside
    assert f'href="mailto:{settings.contact_email}"' in aside


def test_contact_details_are_optional(client, contact):
    SiteSettings.objects.update(phone="", postal_address="", booking_url="", contact_email="")
    html = client.get(contact.url).content.decode()
    assert "contact-details" not in html
    assert "<form" in html


def test_a_changed_phone_number_shows_at_once(client, contact):
    """The details come from the versioned settings: saving them bumps the content version
    (front_cache.purge), so the cached copy is never served again."""
    client.get(contact.url)  # the settings are now in Django's cache
    settings = SiteSettings.objects.get()
    settings.phone = "+44 113 496 0999"
    settings.save()
    assert 'href="tel:+441134960999"' in client.get(contact.url).content.decode()
