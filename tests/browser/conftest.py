"""A real Chromium (Debian's) driving the site served by gunicorn from the test database."""

import os
import shutil

import pytest
from django.conf import settings
from django.db import connection, connections
from django.utils.text import slugify
from playwright.sync_api import sync_playwright

from blog.models import BlogPage
from tests.serving import database_url, gunicorn

# Playwright's sync API runs an event loop in this thread; Django refuses ORM calls while one
# runs. Our ORM calls (fixtures) do not overlap with Playwright's, so allow them.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="session")
def live_site(django_db_setup):
    """The demo site over real HTTP; pages are the ones committed at session start."""
    env = {
        "DJANGO_SETTINGS_MODULE": "site_project.settings.test",
        "DATABASE_URL": database_url(connection.settings_dict),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }
    with gunicorn(env) as base_url:
        yield base_url


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM) and not shutil.which("chromium"):
        # `make test` installs it; in CI a missing browser must fail, never skip.
        pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()
        # Inside Playwright's context Django opened connections of its own (they are kept per
        # context); left open, they keep the test database from being dropped at the end.
        connections.close_all()


@pytest.fixture
def page(browser, live_site):
    context = browser.new_context(base_url=live_site, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def phone(browser, live_site):
    context = browser.new_context(
        base_url=live_site, viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture(scope="module")
def scratch_post(request, django_db_setup, django_db_blocker):
    """A live post of the module's own to type into, a copy of the first demo post titled by
    the module's SCRATCH_TITLE: Wagtail's editor autosaves a draft as one types, which must
    not land on the demo's pages (a re-import would then see a change)."""
    title = request.module.SCRATCH_TITLE
    with django_db_blocker.unblock():
        source = BlogPage.objects.live().order_by("pk").first()
        post = source.copy(update_attrs={"title": title, "slug": slugify(title)}, keep_live=True)
    yield post
    with django_db_blocker.unblock():
        post.delete()
