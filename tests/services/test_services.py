"""Service pages and the home page's promoted services and latest posts."""

import re

from services.models import ServiceIndexPage, ServicePage


def home_section(html, heading_id):
    return re.search(rf'aria-labelledby="{heading_id}".*?</section>', html, re.S).group(0)


def test_home_lists_promoted_services_in_tree_order(client, add_page):
    services = ServiceIndexPage.objects.get()
    add_page(services, ServicePage, title="Fractional COO", promoted=True)
    add_page(services, ServicePage, title="Quiet service", promoted=False)

    section = home_section(client.get("/").content.decode(), "services-heading")
    assert re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', section) == [
        "Fractional CTO",
        "Fractional CDO",
        "Fractional COO",
    ]


def test_unpublishing_a_promoted_service_removes_it_from_home(client):
    ServicePage.objects.get(slug="fractional-cdo").unpublish()
    section = home_section(client.get("/").content.decode(), "services-heading")
    assert "Fractional CDO" not in section


def test_home_shows_the_latest_three_posts(client):
    section = home_section(client.get("/").content.decode(), "posts-heading")
    titles = re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', section)
    assert titles == [
        "The first ninety days as a fractional delivery leader",
        "Why delivery estimates go wrong, and what to do instead",
        "Writing architecture decisions down",
    ]


def test_a_service_page_lists_its_explainers(client):
    html = client.get("/services/fractional-cto/").content.decode()
    assert 'href="/services/fractional-cto/what-is-a-fractional-cto/"' in html
    assert '<h2 id="children-heading">Explainers</h2>' in html


def test_home_sections_are_built_once_per_content_version(
    client, add_page, django_assert_max_num_queries
):
    client.get("/")  # builds the sections' fragment under this content version
    with django_assert_max_num_queries(2):  # the page and the content version
        section = home_section(client.get("/").content.decode(), "services-heading")
    assert "Fractional CDO" in section
    services = ServiceIndexPage.objects.get()
    add_page(services, ServicePage, title="Fractional COO", promoted=True)  # a new version
    assert "Fractional COO" in home_section(client.get("/").content.decode(), "services-heading")
