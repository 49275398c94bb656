"""The tree is the navigation: main menu, breadcrumbs, section listings, fixed query cost."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pages.models import SiteSettings, StandardPage
from services.models import ServiceIndexPage, ServicePage


def menu_html(html):
    return re.search(r'<nav id="site-menu".*?</nav>', html, re.S).group(0)


def top_level_labels(html):
    menu = menu_html(html)
    return re.findall(r'<li class="main-menu__item[^"]*">\s*<a href="[^"]*"[^>]*>([^<]+)</a>', menu)


def test_main_menu_lists_live_in_menu_children_of_home_in_tree_order(client, home, add_page):
    add_page(home, StandardPage, title="Hidden from menus", show_in_menus=False)
    draft = StandardPage(title="Draft page", slug="draft-page", show_in_menus=True, live=False)
    home.add_child(instance=draft)

    html = client.get("/").content.decode()

    assert top_level_labels(html) == ["Services", "About", "Blog", "Contact"]
    assert "Hidden from menus" not in menu_html(html)
    assert "Draft page" not in menu_html(html)


def test_menu_uses_navigation_labels_and_one_level_of_children(client):
    menu = menu_html(client.get("/").content.decode())
    submenu = re.search(r'<ul class="main-menu__submenu">.*?</ul>', menu, re.S).group(0)
    # Navigation labels, not titles; explainers two levels down are not in the menu.
    assert re.findall(r">([^<]+)</a>", submenu) == [
        "Fractional CTO",
        "Fractional CDO",
        "Leadership coaching",
    ]
    assert "What is a fractional CTO?" not in menu


def test_moving_a_page_changes_the_menu_order(client, home):
    about = StandardPage.objects.get(slug="about")
    services = ServiceIndexPage.objects.get()
    about.move(services, pos="left")
    assert top_level_labels(client.get("/").content.decode()) == [
        "About",
        "Services",
        "Blog",
        "Contact",
    ]


def test_aria_current_marks_the_page_and_its_section(client):
    html = client.get("/services/fractional-cto/").content.decode()
    menu = menu_html(html)
    assert '<a href="/services/" aria-current="true">Services</a>' in menu
    assert '<a href="/services/fractional-cto/" aria-current="page">Fractional CTO</a>' in menu
    assert menu.count("aria-current") == 2


def test_breadcrumbs_follow_the_ancestors_with_navigation_labels(client):
    html = client.get("/services/fractional-cto/what-is-a-fractional-cto/").content.decode()
    crumbs = re.search(r'<nav class="breadcrumbs".*?</nav>', html, re.S).group(0)
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a>', crumbs) == [
        ("/", "Home"),
        ("/services/", "Services"),
        ("/services/fractional-cto/", "Fractional CTO"),
    ]
    assert '<span aria-current="page">What is a fractional CTO?</span>' in crumbs


def test_home_has_no_breadcrumbs(client):
    assert 'class="breadcrumbs"' not in client.get("/").content.decode()


def test_a_section_page_lists_its_children(client):
    html = client.get("/services/").content.decode()
    listing = re.search(r'<section class="card-list".*?</section>', html, re.S).group(0)
    assert re.findall(r'<h3 class="card__title"><a href="([^"]+)">', listing) == [
        "/services/fractional-cto/",
        "/services/fractional-cdo/",
        "/services/leadership-coaching/",
    ]


def test_footer_comes_from_site_settings(client, site):
    settings = SiteSettings.for_site(site)
    settings.tagline = "Steady hands for growing teams"
    settings.save()
    html = client.get("/about/").content.decode()
    footer = re.search(r'<footer class="site-footer">.*?</footer>', html, re.S).group(0)
    assert "Steady hands for growing teams" in footer
    assert "mailto:hello@northway.example" in footer
    assert 'href="https://www.linkedin.com/"' in footer


def test_every_page_has_title_description_and_canonical(client):
    html = client.get("/services/fractional-cto/").content.decode()
    assert (
        "<title>Fractional CTO for scaling software companies · Northway Leadership</title>" in html
    )
    assert '<meta name="description" content="A part-time CTO for founders' in html
    assert '<link rel="canonical" href="http://localhost/services/fractional-cto/">' in html


def grow_tree(home, first, last):
    """Add pages numbered first..last-1, alternating services and pages in a menu section."""
    services = ServiceIndexPage.objects.get()
    library = StandardPage.objects.filter(slug="library").first()
    if library is None:
        library = StandardPage(title="Library", slug="library", show_in_menus=True)
        home.add_child(instance=library)
    for number in range(first, last):
        parent, page_class = (services, ServicePage) if number % 2 else (library, StandardPage)
        parent.add_child(
            instance=page_class(title=f"Extra {number}", slug=f"extra-{number}", show_in_menus=True)
        )


def queries_for(client, url):
    client.get(url)  # warm caches that are per process, not per request
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/services/",
        "/services/fractional-cto/",
        "/about/",
        "/blog/",
        "/blog/writing-architecture-decisions-down/",
    ],
)
def test_query_count_does_not_grow_with_the_tree(client, home, url):
    grow_tree(home, 0, 5)
    small = queries_for(client, url)
    grow_tree(home, 5, 200)
    large = queries_for(client, url)
    assert large == small, f"{url}: {small} queries with 5 extra pages, {large} with 200"


def test_share_tags_use_the_post_image_or_the_default_share_image(client, site, make_image):
    post_html = client.get("/blog/writing-architecture-decisions-down/").content.decode()
    assert '<meta property="og:type" content="article">' in post_html
    # Absolute on the Wagtail site's root URL (the demo's http://localhost), not the request's.
    assert re.search(
        r'<meta property="og:image" content="http://localhost/media/images/writing-[^"]+">',
        post_html,
    )

    card = r'<meta property="og:image" content="http://localhost/media/images/{}[^"]+">'
    assert re.search(card.format("shapes"), client.get("/about/").content.decode())  # demo's
    settings = SiteSettings.for_site(site)
    settings.default_share_image = make_image(title="Share card")
    settings.save()
    about = client.get("/about/").content.decode()
    assert '<meta property="og:title" content="About Northway">' in about
    assert re.search(card.format("test"), about)
