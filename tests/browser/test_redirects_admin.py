"""An admin creates a redirect in the Wagtail dashboard; a visitor follows it (Chromium,
gunicorn)."""

import re
import time

import pytest
from playwright.sync_api import expect
from redirects.models import Redirect

from tests.browser.admin import committed_superuser, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def redirect_admin(django_db_setup, django_db_blocker):
    with committed_superuser(django_db_blocker, "redirect-admin") as user:
        yield user
    with django_db_blocker.unblock():
        Redirect.objects.filter(old_path="/Spring-Offer").delete()


def test_an_admin_creates_a_redirect_and_a_visitor_follows_it(
    page, browser, live_site, redirect_admin
):
    sign_in(page, redirect_admin)
    expect(page.get_by_role("link", name="Redirects")).to_have_count(1)

    page.goto("/admin/redirects/")
    page.get_by_role("link", name="Add redirect").click()
    page.get_by_role("textbox", name=re.compile("^Old path")).fill("/Spring-Offer")
    page.get_by_role("textbox", name=re.compile("^New path")).fill("/contact/")
    page.get_by_role("combobox", name=re.compile("^Type")).select_option("302")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status").or_(page.locator(".messages"))).to_contain_text("created")
    expect(page.get_by_role("table")).to_contain_text("/Spring-Offer")

    visitor = browser.new_context(base_url=live_site).new_page()
    deadline = time.monotonic() + 5  # every worker sees a change within 5 s
    while True:
        visitor.goto("/spring-offer/?utm_source=newsletter")
        if visitor.url.endswith("/contact/?utm_source=newsletter") or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    expect(visitor).to_have_url(re.compile(r"/contact/\?utm_source=newsletter$"))
    expect(visitor.locator("h1")).to_be_visible()
    visitor.context.close()
