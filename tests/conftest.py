"""Shared fixtures. The demo site is the one site tree every test starts from.

It is loaded once per test session into the test database; each test runs in a transaction
that is rolled back, so tests may add or change pages freely.
"""

import io
import os
import subprocess
import sys

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.images import ImageFile
from django.test import Client, override_settings
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from demo.loader import load_demo_site
from pages.models import HomePage
from tests.process_state import forget_process_state
from tests.serving import PROJECT


def pytest_collection_modifyitems(items):
    """Every test may use the database, inside a rolled-back transaction.

    (Browser tests too: the mark is what makes pytest-django create the test database.)
    """
    for item in items:
        if not item.get_closest_marker("django_db"):
            item.add_marker(pytest.mark.django_db)


@pytest.fixture(scope="session", autouse=True)
def media_root(tmp_path_factory):
    """Uploads and renditions of this session only, removed with pytest's temporary files."""
    with override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("media"))):
        yield


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """A static tree collected as production collects it (hashed names and a manifest)."""
    root = tmp_path_factory.mktemp("staticfiles")
    # As the README's production start runs it (collectstatic touches no database).
    production = {
        "DJANGO_SETTINGS_MODULE": "site_project.settings.production",
        "SECRET_KEY": "collectstatic-only",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": "postgres://nobody@%2Fnowhere/none",
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=PROJECT,
        env={**os.environ, **production, "STATIC_ROOT": str(root)},
        check=True,
    )
    return root


@pytest.fixture(scope="session")
def django_db_setup(media_root, django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load_demo_site()
        # Render every page once so image renditions exist for all tests (and are committed).
        client = Client()
        for page in Page.objects.live().specific():
            if page.url:  # Wagtail's root page has none
                client.get(page.url)


@pytest.fixture(autouse=True)
def fresh_process_state():
    """A rolled-back test must not leave caches that outlive its data."""
    forget_process_state()
    yield
    forget_process_state()


@pytest.fixture
def home(db):
    return HomePage.objects.get()


@pytest.fixture
def site(db):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def editor(db):
    user = User.objects.create_user("edith", password="pw-editor-123")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def site_admin(db):
    user = User.objects.create_user("adam", password="pw-admin-123")
    user.groups.add(Group.objects.get(name="Site admins"))
    return user


@pytest.fixture
def make_image(db):
    """A real image file, drawn with Pillow and stored in the Wagtail image library."""

    def make(title="Test image", size=(1000, 600), color="#12355b", fmt="JPEG"):
        buffer = io.BytesIO()
        PILImage.new("RGB", size, color).save(buffer, format=fmt)
        extension = "png" if fmt == "PNG" else "jpg"
        return get_image_model().objects.create(
            title=title, file=ImageFile(buffer, name=f"test.{extension}")
        )

    return make


@pytest.fixture
def add_page(db):
    """Add a published child page: add_page(parent, PageClass, title=..., **fields)."""

    def add(parent, page_class, **fields):
        fields.setdefault("slug", fields["title"].lower().replace(" ", "-"))
        page = page_class(**fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        return Page.objects.get(pk=page.pk).specific

    return add
