"""axe-core finds no violations on any page type, on desktop and phone widths."""

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


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_no_axe_violations(page, axe, path):
    page.goto(path)
    results = axe.run(page)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/blog/why-delivery-estimates-go-wrong/",
        "/blog/category/delivery/",
        "/blog/author/priya-raman/",
    ],
)
def test_no_axe_violations_on_a_phone(phone, axe, path):
    phone.goto(path)
    results = axe.run(phone)
    assert results.violations_count == 0, results.generate_report()
