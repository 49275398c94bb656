"""The finished look in a real browser: self-hosted fonts within the first view's weight,
the header's search with no JavaScript, print styles for posts and explainers."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

POST = "/blog/why-delivery-estimates-go-wrong/"
EXPLAINER = "/services/fractional-cto/what-is-a-fractional-cto/"
FIRST_VIEW_LIMIT = 100_000  # bytes of HTML, CSS and fonts, as sent (docs/look.md)

FIRST_VIEW_BYTES = """() => {
    const entries = [...performance.getEntriesByType("navigation"),
                     ...performance.getEntriesByType("resource")];
    return entries
        .filter(e => e.entryType === "navigation" || e.initiatorType === "css"
                     || e.initiatorType === "link")
        .map(e => [e.name, e.initiatorType || e.entryType, e.encodedBodySize]);
}"""


@pytest.mark.parametrize("path", ["/", POST])
def test_fonts_load_from_this_site_and_the_first_view_stays_under_100_kb(page, live_site, path):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(path)
    page.wait_for_load_state("networkidle")
    faces = page.evaluate(
        """async () => { await document.fonts.ready;
        return [...document.fonts].map(f => [f.family.replace(/"/g, ''), f.weight, f.status,
                                             f.display]); }"""
    )
    loaded = {(family, weight) for family, weight, status, _ in faces if status == "loaded"}
    assert ("Fraunces", "700") in loaded and ("Source Sans 3", "400") in loaded
    assert {display for *_, display in faces} == {"swap"}
    assert page.locator("h1").evaluate("h => getComputedStyle(h).fontFamily").startswith("Fraunces")
    entries = page.evaluate(FIRST_VIEW_BYTES)
    fonts = [name for name, _, _ in entries if name.endswith(".woff2")]
    assert fonts and all("/static/fonts/" in name for name in fonts)
    total = sum(size for _, _, size in entries)
    print(f"first view of {path}: {total:,} bytes in {len(entries)} responses")
    assert total < FIRST_VIEW_LIMIT, entries
    assert [url for url in requested if not url.startswith(live_site + "/")] == []


def test_the_header_search_works_without_javascript(browser, live_site):
    context = browser.new_context(base_url=live_site, java_script_enabled=False)
    page = context.new_page()
    page.goto("/about/")
    search = page.get_by_role("search", name="Site search")
    search.get_by_label("Search the site").fill("delivery")
    search.get_by_label("Search the site").press("Enter")
    expect(page).to_have_url("/search/?q=delivery")
    expect(page.locator(".search-results mark").first).to_have_text("Delivery", ignore_case=True)
    context.close()


def test_the_header_search_has_its_own_row_on_a_phone(phone):
    phone.goto("/")
    form = phone.get_by_role("search", name="Site search")
    expect(form).to_be_visible()
    box = form.bounding_box()
    brand = phone.locator(".site-header__brand").bounding_box()
    assert box["y"] > brand["y"] + brand["height"] - 1  # below the name and the Menu link
    assert box["width"] > 300


@pytest.mark.parametrize("path", [POST, EXPLAINER])
def test_print_shows_the_article_only_in_black_on_white(page, path):
    page.goto(path)
    page.emulate_media(media="print", color_scheme="dark")
    for hidden in (".site-header", ".site-footer", ".breadcrumbs", ".site-search"):
        assert page.locator(hidden).evaluate("e => getComputedStyle(e).display") == "none"
    assert page.locator("h1").evaluate("h => getComputedStyle(h).color") == "rgb(0, 0, 0)"
    body = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert body == "rgb(255, 255, 255)"
    expect(page.locator("h1")).to_be_visible()
    assert len(page.pdf(format="A4")) > 1000  # Chromium prints it
