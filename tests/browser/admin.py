"""A signed-in editor in the browser: a superuser the served site can see, and the sign-in."""

import contextlib

from django.contrib.auth.models import User
from playwright.sync_api import expect

PASSWORD = "browser-admin-pw-123"


@contextlib.contextmanager
def committed_superuser(django_db_blocker, username):
    """Created outside the tests' transactions (gunicorn cannot see into them), then removed.
    With an email address, which Wagtail would otherwise send to Gravatar for an avatar."""
    with django_db_blocker.unblock():
        user = User.objects.create_superuser(username, f"{username}@example.org", PASSWORD)
    try:
        yield user
    finally:
        with django_db_blocker.unblock():
            user.delete()


def sign_in(page, user):
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
