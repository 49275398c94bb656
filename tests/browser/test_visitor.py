"""What a visitor sees and clicks, in Chromium, against gunicorn."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_a_visitor_browses_to_the_contact_form_and_sends_it(page):
    page.goto("/")
    expect(page.locator("h1")).to_have_count(1)
    page.get_by_role("link", name="Fractional CTO").filter(visible=True).first.click()
    expect(page).to_have_url(re.compile(r"/services/fractional-cto/$"))

    page.get_by_role("link", name="What is a fractional CTO?").filter(visible=True).last.click()
    expect(page).to_have_url(re.compile(r"/what-is-a-fractional-cto/$"))
    expect(page.get_by_role("navigation", name="Breadcrumb")).to_contain_text("Fractional CTO")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Blog").click()
    expect(page).to_have_url(re.compile(r"/blog/$"))
    page.get_by_role("link", name="Writing architecture decisions down").click()
    expect(page.locator("h1")).to_have_text("Writing architecture decisions down")
    expect(page.get_by_text("min read")).to_be_visible()

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Contact").click()
    page.get_by_label("Your name").fill("Sam Visitor")
    page.get_by_label("Email address").fill("sam@example.org")
    page.get_by_label("How can we help?").fill("We would like to talk about delivery.")
    page.get_by_role("button", name="Send message").click()
    expect(page.get_by_role("status")).to_contain_text("Thank you")


def test_a_bad_contact_post_shows_the_errors(page):
    page.goto("/contact/")
    page.get_by_label("Email address").fill("nope")
    page.get_by_role("button", name="Send message").click()
    expect(page.get_by_role("alert")).to_contain_text("Please correct the highlighted fields")
    expect(page.get_by_label("Email address")).to_have_value("nope")


def test_the_skip_link_moves_focus_to_the_main_content(page):
    page.goto("/blog/writing-architecture-decisions-down/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"


def test_the_phone_menu_opens_and_navigates(phone):
    phone.goto("/")
    menu = phone.get_by_role("navigation", name="Main")
    expect(menu).to_be_hidden()
    phone.get_by_role("link", name="Menu").click()
    expect(menu).to_be_visible()
    menu.get_by_role("link", name="Fractional CDO").click()
    expect(phone).to_have_url(re.compile(r"/services/fractional-cdo/$"))
    expect(phone.locator("h1")).to_have_text("Fractional Chief Delivery Officer")


def test_the_layout_fits_a_320px_phone(browser, live_site):
    context = browser.new_context(base_url=live_site, viewport={"width": 320, "height": 640})
    page = context.new_page()
    for path in ("/", "/services/fractional-cto/", "/blog/", "/contact/"):
        page.goto(path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 320px"
    context.close()
