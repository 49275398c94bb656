"""The Markdown editor with every outside request blocked: the toolbar's icons are drawn from
our static files, the preview is our renderer's (``{.class}`` becomes a class), and figure
widths are checkboxes."""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.admin import committed_superuser, sign_in

pytestmark = pytest.mark.browser
SCRATCH_TITLE = "Offline editor scratch"  # the scratch_post fixture's (conftest)


@pytest.fixture(scope="module")
def offline_admin(django_db_setup, django_db_blocker):
    with committed_superuser(django_db_blocker, "offline-admin") as user:
        yield user


@pytest.fixture
def offline(browser, live_site):
    """(page, blocked): a context where any request to a host but the test server's is
    aborted, and listed."""
    context = browser.new_context(base_url=live_site, viewport={"width": 1280, "height": 900})
    blocked = []

    def only_this_host(route):
        host = urlsplit(route.request.url).hostname
        if route.request.url.startswith(("http:", "https:")) and host != "127.0.0.1":
            blocked.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", only_this_host)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page, blocked
    context.close()


def log_in_and_edit(page, user, post):
    sign_in(page, user)
    page.goto(f"/admin/pages/{post.pk}/edit/")
    page.wait_for_load_state("networkidle")


def test_toolbar_icons_and_our_preview_with_outside_requests_blocked(
    offline, offline_admin, scratch_post
):
    page, blocked = offline
    log_in_and_edit(page, offline_admin, scratch_post)
    container = page.locator(".EasyMDEContainer").first
    bold = container.locator(".editor-toolbar button.bold i.fa-bold")
    expect(bold).to_be_visible()
    # The icon is a glyph of our Font Awesome file, loaded from this site.
    glyph = bold.evaluate("icon => getComputedStyle(icon, '::before').content")
    assert glyph == '"\uf032"'
    loaded = page.evaluate(
        """async () => { await document.fonts.ready;
        return [...document.fonts].filter(f => f.family.replace(/"/g, '') === 'FontAwesome')
            .map(f => f.status); }"""
    )
    assert loaded == ["loaded"]
    width = bold.evaluate("icon => icon.getBoundingClientRect().width")
    assert width > 8  # a drawn glyph, not an empty box

    container.locator(".CodeMirror").click()
    page.keyboard.press("Control+A")
    page.keyboard.type("## A wide heading{.heading-wide}\n\nLarger words.{.larger}")
    container.get_by_role("button", name="Toggle Preview", exact=True).click()
    preview = container.locator(".editor-preview-active")
    expect(preview.locator("h2.heading-wide")).to_have_text("A wide heading")
    expect(preview.locator("p.larger")).to_have_text("Larger words.")
    expect(preview).not_to_contain_text("{.")
    assert blocked == []


def test_figure_widths_are_checkboxes(offline, offline_admin, scratch_post):
    page, blocked = offline
    log_in_and_edit(page, offline_admin, scratch_post)
    page.get_by_role("button", name="Insert a block").last.click()
    page.get_by_role("option", name=re.compile("Figure")).click()
    widths = page.locator("input[type=checkbox][name$='-widths']")
    expect(widths).to_have_count(5)
    expect(page.get_by_role("checkbox", name="1200 px").last).not_to_be_checked()
    expect(page.get_by_role("checkbox", name="800 px").last).to_be_checked()
    assert page.locator("select[multiple][name$='-widths']").count() == 0
    assert blocked == []


def test_the_preview_says_why_it_refuses_a_text_past_the_limits(
    offline, offline_admin, scratch_post
):
    page, blocked = offline
    log_in_and_edit(page, offline_admin, scratch_post)
    container = page.locator(".EasyMDEContainer").first
    container.locator(".CodeMirror").click()
    page.keyboard.press("Control+A")
    page.keyboard.type("> " * 7 + "Too deep")
    container.get_by_role("button", name="Toggle Preview", exact=True).click()
    error = container.locator(".editor-preview-active .markdown-preview-error")
    expect(error).to_contain_text("nested more than 6 deep")
    assert blocked == []
