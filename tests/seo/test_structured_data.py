"""JSON-LD on every page type, checked against the properties schema.org defines and Google's
structured-data documentation lists as required or recommended for each type."""

import re
from datetime import datetime

import pytest

from blog.models import BlogIndexPage, BlogPage
from blog.snippets import Author
from pages.models import SiteSettings
from services.models import ServicePage
from tests.seo.helpers import PAGE_KINDS, canonical, json_ld, one

ROOT = "http://localhost"  # the demo site's root URL


def page_html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def is_iso_datetime(value):
    return isinstance(value, str) and datetime.fromisoformat(value.replace("Z", "+00:00"))


def visible_breadcrumbs(html):
    nav = re.search(r'<nav class="breadcrumbs".*?</nav>', html, re.S).group(0)
    return re.findall(r"<(?:a href=\"[^\"]*\"|span aria-current=\"page\")>([^<]+)<", nav)


@pytest.mark.parametrize("kind", [kind for kind in PAGE_KINDS if kind != "home"])
def test_every_page_below_home_has_a_breadcrumb_list_matching_its_breadcrumbs(client, kind):
    html = page_html(client, PAGE_KINDS[kind])
    items = one(json_ld(html), "BreadcrumbList")["itemListElement"]
    assert [item["position"] for item in items] == list(range(1, len(items) + 1))
    assert [item["name"] for item in items] == visible_breadcrumbs(html)
    assert all(item["@type"] == "ListItem" and item["item"].startswith(ROOT) for item in items)
    assert items[0]["item"] == f"{ROOT}/" and items[-1]["item"] == canonical(html)


def test_home_has_the_organization_and_the_website_with_its_search(client, site, make_image):
    settings = SiteSettings.for_site(site)
    settings.logo = make_image("Logo", size=(800, 400), fmt="PNG")
    settings.phone = "+44 20 7946 0000"
    settings.postal_address = "1 Example Street\nLondon\nEC1A 1AA"
    settings.booking_url = "https://book.example.com/northway"
    settings.save()
    nodes = json_ld(page_html(client, "/"))
    assert "BreadcrumbList" not in nodes
    org = one(nodes, "Organization")
    assert org["name"] == "Northway Leadership" and org["url"] == f"{ROOT}/"
    assert org["logo"]["url"].startswith(f"{ROOT}/media/images/")
    assert org["logo"]["width"] == 600 and org["logo"]["height"] == 300  # max-600x600
    assert org["sameAs"] == ["https://www.linkedin.com/"]
    assert org["email"] == "hello@northway.example" and org["telephone"] == "+44 20 7946 0000"
    assert org["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "1 Example Street, London, EC1A 1AA",
    }
    assert org["contactPoint"] == [
        {
            "@type": "ContactPoint",
            "contactType": "customer service",
            "email": "hello@northway.example",
            "telephone": "+44 20 7946 0000",
            "url": "https://book.example.com/northway",
        }
    ]
    website = one(nodes, "WebSite")
    assert website["url"] == f"{ROOT}/" and website["name"] == "Northway Leadership"
    action = website["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == f"{ROOT}/search/?q={{search_term_string}}"
    assert action["query-input"] == "required name=search_term_string"


def test_a_service_page_describes_the_service_and_its_provider(client):
    service = ServicePage.objects.get(slug="fractional-cto")
    node = one(json_ld(page_html(client, service.url)), "Service")
    assert node["name"] == service.title and node["url"] == service.full_url
    assert node["description"] == service.summary
    assert node["areaServed"] == "United Kingdom"  # the demo's
    assert node["provider"]["@type"] == "Organization"
    assert node["provider"]["name"] == "Northway Leadership"


def test_a_post_is_a_blog_posting_with_its_author_dates_image_and_publisher(client):
    post = BlogPage.objects.get(slug="outgrown-first-architecture")
    post.tags.add("architecture", "scaling")
    post.save_revision().publish()
    node = one(json_ld(page_html(client, post.url)), "BlogPosting")
    assert node["headline"] == post.title and node["url"] == post.full_url
    assert node["mainEntityOfPage"]["@id"] == post.full_url
    assert node["description"] == post.intro
    assert is_iso_datetime(node["datePublished"]) and is_iso_datetime(node["dateModified"])
    assert node["datePublished"] <= node["dateModified"]
    author = node["author"]
    assert author["@type"] == "Person" and author["name"] == "Priya Raman"
    assert author["url"] == f"{ROOT}/blog/author/priya-raman/"
    assert node["image"] == [f"{ROOT}{post.hero_image.get_rendition('fill-1200x630').url}"]
    assert node["publisher"]["@type"] == "Organization" and node["publisher"]["name"]
    assert node["articleSection"] == "Technology leadership"
    assert node["keywords"] == "architecture, scaling"


def test_an_updated_date_later_than_the_publish_is_the_date_modified(client, add_page):
    post = add_page(
        BlogIndexPage.objects.get(),
        BlogPage,
        title="Revisited",
        published_on=datetime.fromisoformat("2024-01-02T09:00:00+00:00"),
        updated_on=datetime.fromisoformat("2099-05-06T10:00:00+00:00"),
    )
    node = one(json_ld(page_html(client, post.url)), "BlogPosting")
    assert node["datePublished"] == "2024-01-02T09:00:00Z"
    assert node["dateModified"] == "2099-05-06T10:00:00Z"
    assert "author" not in node  # none set: left out, not empty


def test_an_author_page_is_a_profile_page_of_a_person(client):
    author = Author.objects.get(slug="priya-raman")
    nodes = json_ld(page_html(client, "/blog/author/priya-raman/"))
    person = one(nodes, "ProfilePage")["mainEntity"]
    assert person["@type"] == "Person" and person["name"] == author.name
    assert person["url"] == f"{ROOT}/blog/author/priya-raman/"
    assert person["jobTitle"] == author.role and person["description"] == author.bio
    assert person["image"]["url"].startswith(f"{ROOT}/media/images/")


def test_a_category_page_is_a_collection_page(client):
    node = one(json_ld(page_html(client, "/blog/category/delivery/")), "CollectionPage")
    assert node["name"] == "Delivery"
    assert node["description"] == "Planning, estimating and keeping client work on track."
    assert node["url"] == f"{ROOT}/blog/category/delivery/"


@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_no_page_claims_questions_and_answers(client, kind):
    assert "FAQPage" not in json_ld(page_html(client, PAGE_KINDS[kind]))


def test_a_title_with_a_closing_script_tag_cannot_break_out(client, add_page):
    title = 'Closing </script><script>alert("x")</script> tags & <!-- more'
    post = add_page(BlogIndexPage.objects.get(), BlogPage, title=title, slug="closing-tags")
    html = page_html(client, post.url)
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in block and ">" not in block and "&" not in block.replace("\\u0026", "")
    assert one(json_ld(html), "BlogPosting")["headline"] == title  # the JSON reads back whole
    assert html.count("<script") == 1  # the title never became markup
