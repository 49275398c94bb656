"""Guessing an admin's password: django-axes locks the account at the address after 5
failures, shows why on a styled page, lists the lockout for site admins, who may lift it."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.utils import timezone

LOGIN = "/admin/login/"
LOCKOUTS = "/admin/login_lockouts/"
PASSWORD = "pw-admin-123"  # the site_admin fixture's
UNTRUSTED = "203.0.113.7"  # not a front of ours (FRONT_CACHE_TRUSTED_IPS)


def sign_in(client, password, username="adam", **headers):
    return client.post(LOGIN, {"username": username, "password": password}, **headers)


def signed_in(client):
    return "_auth_user_id" in client.session


def fail(client, times, **headers):
    for _ in range(times):
        assert sign_in(client, "wrong", **headers).status_code == 200  # the form again


def test_the_fifth_failure_locks_and_then_even_the_right_password_is_refused(client, site_admin):
    fail(client, 4)
    fifth = sign_in(client, "wrong")
    sixth = sign_in(client, PASSWORD)

    for response in (fifth, sixth):
        assert response.status_code == 429
        html = response.content.decode()
        assert "Sign-in is locked for this account from your address after 5 failed" in html
        assert "Try again in 15 minutes, or ask a site admin to unlock it" in html
        assert 'class="login"' in html and "wagtailadmin/css/core.css" in html  # admin look
    assert not signed_in(client)


def test_the_lock_is_for_that_account_at_that_address_only(client, site_admin, editor):
    fail(client, 4)
    sign_in(client, "wrong")
    assert sign_in(client, "pw-editor-123", username="edith").status_code == 302
    client.logout()
    # The same account from another visitor behind the front (X-Real-IP from a trusted front).
    assert sign_in(client, PASSWORD, HTTP_X_REAL_IP="198.51.100.2").status_code == 302


def test_a_successful_sign_in_resets_the_count(client, site_admin):
    fail(client, 4)
    assert sign_in(client, PASSWORD).status_code == 302
    client.logout()
    fail(client, 4)
    assert sign_in(client, PASSWORD).status_code == 302


def test_forged_address_headers_from_an_untrusted_client_do_not_dodge_the_lock(client, site_admin):
    for n in range(5):
        forged = {"HTTP_X_REAL_IP": f"192.0.2.{n}", "HTTP_X_FORWARDED_FOR": f"192.0.2.{n}"}
        response = sign_in(client, "wrong", REMOTE_ADDR=UNTRUSTED, **forged)
        assert response.status_code == (429 if n == 4 else 200)
    refused = sign_in(client, PASSWORD, REMOTE_ADDR=UNTRUSTED)
    assert refused.status_code == 429 and b"Sign-in is locked" in refused.content
    assert AccessAttempt.objects.get().ip_address == UNTRUSTED


def test_the_address_counted_behind_the_front_is_the_visitors(client, site_admin):
    fail(client, 4, HTTP_X_REAL_IP="198.51.100.1")
    assert sign_in(client, "wrong", HTTP_X_REAL_IP="198.51.100.1").status_code == 429
    assert AccessAttempt.objects.get().ip_address == "198.51.100.1"


def lock_adam(client):
    fail(client, 4)
    sign_in(client, "wrong")
    return AccessAttempt.objects.get(username="adam")


def test_lockouts_are_listed_for_site_admins(client, site_admin):
    attempt = lock_adam(client)
    client.force_login(site_admin)
    listing = client.get(LOCKOUTS)
    html = listing.content.decode()
    assert listing.status_code == 200
    assert "adam" in html and "127.0.0.1" in html
    assert f'href="{LOCKOUTS}delete/{attempt.pk}/"' in html  # the unlock button
    assert "Login lockouts" in client.get("/admin/").content.decode()  # in the menu


@pytest.mark.parametrize("view", ["", "delete/{pk}/"])
def test_editors_cannot_see_or_lift_lockouts(client, site_admin, editor, view):
    attempt = lock_adam(client)
    client.force_login(editor)
    url = LOCKOUTS + view.format(pk=attempt.pk)
    for response in (client.get(url, follow=True), client.post(url, follow=True)):
        assert b"Sorry, you do not have permission" in response.content
    assert "Login lockouts" not in client.get("/admin/").content.decode()
    assert AccessAttempt.objects.filter(pk=attempt.pk).exists()


def test_a_site_admin_unlocks_by_deleting_the_lockout(client, site_admin, django_user_model):
    attempt = lock_adam(client)
    colleague = django_user_model.objects.create_user("sam", password="pw-sam-123")
    colleague.groups.set(site_admin.groups.all())
    client.force_login(colleague)
    confirm = client.get(f"{LOCKOUTS}delete/{attempt.pk}/")
    assert confirm.status_code == 200
    assert client.post(f"{LOCKOUTS}delete/{attempt.pk}/").status_code == 302
    client.logout()

    assert not AccessAttempt.objects.exists()
    assert sign_in(client, PASSWORD).status_code == 302


def test_the_lock_lifts_by_itself_after_the_cool_off(client, site_admin):
    attempt = lock_adam(client)
    attempt.attempt_time = timezone.now() - timedelta(minutes=15, seconds=1)
    attempt.save()
    assert sign_in(client, PASSWORD).status_code == 302


def test_trying_during_the_lock_starts_the_cool_off_again(client, site_admin):
    attempt = lock_adam(client)
    attempt.attempt_time = timezone.now() - timedelta(minutes=10)
    attempt.save()
    assert sign_in(client, PASSWORD).status_code == 429
    attempt.refresh_from_db()
    assert timezone.now() - attempt.attempt_time < timedelta(minutes=1)
