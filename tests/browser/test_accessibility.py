"""axe-core finds no violations on any page type, on desktop and phone widths, in the light
and the dark colour scheme (prefers-color-scheme)."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

PAGES = {
    "home": "/",
    "service index": "/services/",
    "service": "/services/fractional-cto/",
    "explainer (standard page)": "/services/fractional-cto/what-is-a-fractional-cto/",
    "standard page": "/about/",
    "blog index": "/blog/",
    "blog category": "/blog/category/delivery/",
    "blog author": "/blog/author/priya-raman/",
    "blog post": "/blog/why-delivery-estimates-go-wrong/",
    "contact": "/contact/",
    "search": "/search/?q=leadership",
    "not found": "/no-such-page/",
}


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.fixture(params=["light", "dark"])
def scheme(request):
    return request.param


@pytest.fixture
def schemed_page(browser, live_site, scheme):
    context = browser.new_context(
        base_url=live_site, viewport={"width": 1280, "height": 900}, color_scheme=scheme
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def schemed_phone(browser, live_site, scheme):
    context = browser.new_context(
        base_url=live_site,
        viewport={"width": 360, "height": 740},
        is_mobile=True,
        has_touch=True,
        color_scheme=scheme,
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def background_of_body(page):
    return page.evaluate("getComputedStyle(document.body).backgroundColor")


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_no_axe_violations(schemed_page, axe, path, scheme):
    schemed_page.goto(path)
    # The scheme really applies (a dark run on light colours would prove nothing).
    expected = "rgb(255, 255, 255)" if scheme == "light" else "rgb(18, 25, 35)"
    assert background_of_body(schemed_page) == expected
    results = axe.run(schemed_page)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/blog/why-delivery-estimates-go-wrong/",
        "/blog/category/delivery/",
        "/blog/author/priya-raman/",
        "/contact/",
    ],
)
def test_no_axe_violations_on_a_phone(schemed_phone, axe, path):
    schemed_phone.goto(path)
    results = axe.run(schemed_phone)
    assert results.violations_count == 0, results.generate_report()
