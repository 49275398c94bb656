"""The public site under its strict Content-Security-Policy (Chromium, gunicorn): pages, the
contact form and search report no violation and ask no other host for anything, for a
visitor and for a logged-in editor (Wagtail's userbar)."""

import pytest
from playwright.sync_api import expect
from wagtail.contrib.forms.models import FormSubmission

from tests.browser.admin import sign_in
from tests.browser.test_admin_csp import csp_admin, settle, watched  # noqa: F401

pytestmark = pytest.mark.browser

PAGES = ["/", "/blog/writing-architecture-decisions-down/", "/services/fractional-cto/"]


@pytest.fixture
def forget_submissions(django_db_blocker):
    yield
    with django_db_blocker.unblock():
        FormSubmission.objects.filter(form_data__your_name="CSP Visitor").delete()


@pytest.mark.parametrize("path", PAGES)
def test_pages_report_no_violation(watched, path):  # noqa: F811
    page, watch = watched
    response = page.goto(path)
    assert response.status == 200
    assert "default-src 'self'" in response.headers["content-security-policy"]
    settle(page)
    watch.assert_clean()


def test_an_injected_inline_script_does_not_run(watched):  # noqa: F811
    page, watch = watched
    page.goto(PAGES[1])
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.injected = true";
            document.body.append(script);
        }"""
    )
    expect(page.locator("body")).to_be_visible()
    assert page.evaluate("window.injected") is None
    assert [v.split()[0] for v in watch.violations] == ["script-src-elem"]


def test_the_contact_form_and_search(watched, forget_submissions):  # noqa: F811
    page, watch = watched
    page.goto("/contact/")
    page.get_by_label("Your name").fill("CSP Visitor")
    page.get_by_label("Email address").fill("csp@example.org")
    page.get_by_label("How can we help?").fill("Checking the form under the policy.")
    page.get_by_role("button", name="Send message").click()
    expect(page.get_by_role("status")).to_contain_text("Thank you")
    page.goto("/search/?q=leadership")
    expect(page.locator("h1")).to_be_visible()
    settle(page)
    watch.assert_clean()


def test_an_editor_sees_pages_with_the_userbar_under_the_public_policy(watched, csp_admin):  # noqa: F811
    page, watch = watched
    sign_in(page, csp_admin)
    page.goto(PAGES[1])
    expect(page.locator("wagtail-userbar")).to_be_attached()
    page.locator("wagtail-userbar").get_by_role("button").first.click()
    settle(page)
    watch.assert_clean()
