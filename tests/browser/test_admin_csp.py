"""The Wagtail admin under its Content-Security-Policy (Chromium, gunicorn): every screen an
editor uses works, reports no violation and asks no other host for anything."""

import io
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from PIL import Image as PILImage
from playwright.sync_api import expect

from blog.models import Author
from pages.models import ContactPage, HomePage
from tests.browser.admin import committed_superuser, sign_in

pytestmark = pytest.mark.browser
SCRATCH_TITLE = "CSP scratch post"  # the scratch_post fixture's (conftest)

# Every frame reports its violations to the test (exposed on the context, so the preview
# iframe and a preview's new tab report too).
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
    window.reportViolation(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"}`
        + ` at ${event.sourceFile}:${event.lineNumber} ${event.sample}`);
});
"""


@dataclass
class Watch:
    """What a browser context did wrong: CSP violations, console errors, other hosts asked."""

    host: str
    violations: list = field(default_factory=list)
    console: list = field(default_factory=list)
    foreign: list = field(default_factory=list)

    def on_request(self, request):
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https") and parts.netloc != self.host:
            self.foreign.append(request.url)

    def on_console(self, message):
        if message.type in ("error", "warning"):
            self.console.append(f"{message.type}: {message.text}")

    def assert_clean(self):
        assert (self.violations, self.console, self.foreign) == ([], [], [])


@pytest.fixture
def watched(browser, live_site):
    """(page, watch): a fresh context whose every page and frame is watched."""
    context = browser.new_context(base_url=live_site, viewport={"width": 1280, "height": 900})
    watch = Watch(host=urlsplit(live_site).netloc)
    context.expose_binding("reportViolation", lambda source, text: watch.violations.append(text))
    context.add_init_script(REPORT_VIOLATIONS)
    context.on("request", watch.on_request)
    context.on("console", watch.on_console)
    context.on("weberror", lambda error: watch.console.append(f"error: {error.error}"))
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page, watch
    context.close()


@pytest.fixture(scope="module")
def csp_admin(django_db_setup, django_db_blocker):
    with committed_superuser(django_db_blocker, "csp-admin") as user:
        yield user


@pytest.fixture
def ids(django_db_blocker, scratch_post):
    with django_db_blocker.unblock():
        return {
            "home": HomePage.objects.get().pk,
            "post": scratch_post.pk,
            "contact": ContactPage.objects.get().pk,
            "author": Author.objects.order_by("pk").first().pk,
        }


def settle(page):
    page.wait_for_load_state("networkidle")


def change_choice(page, field_id, action, dialog_title):
    """Open the chooser of a field that has a choice (from its actions menu), pick the first."""
    chooser = page.locator(f"#{field_id}-chooser")
    chooser.get_by_role("button", name="Actions").click()
    chooser.get_by_role("button", name=action).click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text(dialog_title)
    settle(page)
    dialog.locator("[data-chooser-modal-choice]").first.click()
    expect(dialog).to_be_hidden()


def png_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (640, 400), "#f4a259").save(buffer, format="PNG")
    return buffer.getvalue()


def test_the_page_editor_its_choosers_markdown_and_previews(watched, csp_admin, ids):
    page, watch = watched
    sign_in(page, csp_admin)
    page.goto(f"/admin/pages/{ids['post']}/edit/")
    settle(page)
    # wagtail-markdown's EasyMDE editor is drawn (CodeMirror), and typing reaches the field.
    editor = page.locator(".EasyMDEContainer .CodeMirror").first
    expect(editor).to_be_visible()
    editor.click()
    page.keyboard.type(" Edited under the admin policy.")
    page.get_by_role("button", name="Toggle Preview", exact=True).first.click()
    expect(page.locator(".editor-preview-active").first).to_contain_text("Edited under")

    # The image chooser (the hero image), then the snippet chooser (the author).
    change_choice(page, "id_hero_image", "Change image", "Choose an image")
    change_choice(page, "id_author", "Choose another author", "Choose")

    # The preview panel frames the page as the public site renders it.
    page.get_by_role("button", name="Toggle preview", exact=True).click()
    # (Wagtail loads each refresh in a second, hidden iframe, then swaps it in.)
    preview = page.frame_locator("iframe[title='Preview'][src]:not(.w-preview__proxy)")
    expect(preview.locator("h1")).to_be_visible()
    settle(page)
    # ... and in a new tab.
    with page.context.expect_page() as new_tab:
        page.get_by_role("link", name="Preview in new tab").click()
    expect(new_tab.value.locator("h1")).to_be_visible()
    new_tab.value.wait_for_load_state("networkidle")
    watch.assert_clean()


def test_the_page_chooser_in_a_call_to_action(watched, csp_admin, ids):
    page, watch = watched
    sign_in(page, csp_admin)
    page.goto(f"/admin/pages/{ids['post']}/edit/")
    settle(page)
    page.get_by_role("button", name="Insert a block").last.click()
    page.get_by_role("option", name=re.compile("Call to action")).click()
    page.get_by_role("button", name="Choose a page").last.click()
    expect(page.get_by_role("dialog")).to_contain_text("Choose a page")
    settle(page)
    watch.assert_clean()


def test_image_upload_and_focal_point(watched, csp_admin, tmp_path):
    page, watch = watched
    sign_in(page, csp_admin)
    picture = tmp_path / "csp-upload.png"
    picture.write_bytes(png_bytes())
    page.goto("/admin/images/multiple/add/")
    page.locator("input[type=file]").set_input_files(picture)
    expect(page.locator(".status-msg.success")).to_contain_text("Upload successful")
    settle(page)
    page.goto("/admin/images/")
    page.get_by_role("link", name="csp-upload").first.click()
    expect(page.locator(".focal-point-chooser")).to_be_visible()
    settle(page)
    watch.assert_clean()


@pytest.mark.parametrize(
    "path",
    [
        "/admin/",
        "/admin/pages/{home}/",
        "/admin/pages/{contact}/edit/",
        "/admin/snippets/blog/author/edit/{author}/",
        "/admin/documents/",
        "/admin/documents/multiple/add/",
        "/admin/redirects/",
        "/admin/redirects/add/",
        "/admin/settings/pages/sitesettings/",
        "/admin/users/",
        "/admin/reports/site-history/",
    ],
)
def test_admin_screens(watched, csp_admin, ids, path):
    page, watch = watched
    sign_in(page, csp_admin)
    response = page.goto(path.format(**ids))
    assert response.status == 200
    assert "script-src 'self' 'unsafe-inline'" in response.headers["content-security-policy"]
    settle(page)
    watch.assert_clean()
