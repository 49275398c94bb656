"""JSON-LD for every page type, built from page data in this one module.

Each page gets one ``<script type="application/ld+json">`` holding an ``@graph``:

- home: ``Organization`` (site settings: name, logo, ``sameAs`` social links, email,
  telephone, address, a ``ContactPoint``) and ``WebSite`` with a ``SearchAction``;
- every page below home: ``BreadcrumbList`` (the same trail as the visible breadcrumbs);
- service pages: ``Service`` (provider, area served, description);
- posts: ``BlogPosting`` (headline, dates, author as a ``Person`` with their page, image,
  publisher);
- author pages: ``ProfilePage`` whose main entity is the ``Person``; category pages:
  ``CollectionPage``.

No page type holds question/answer content, so there is no ``FAQPage``. The properties are
those schema.org defines and Google's structured-data documentation lists as required or
recommended for each type (tests/seo/test_structured_data.py checks them).
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe

from blog.models import BlogPage
from front_cache import version
from pages.site_url import absolute_url
from seo.images import LOGO_SPEC, PHOTO_SPEC, image_info
from services.models import ServicePage


def compact(data):
    """``data`` without empty values (schema.org properties are optional: leave them out)."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def script(graph):
    """The ``<script type="application/ld+json">`` for ``graph``: JSON with <, > and &
    escaped, as Django's json_script does, so no text can close the element."""
    data = {"@context": "https://schema.org", "@graph": graph}
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return mark_safe(  # noqa: S308 - every <, > and & is escaped above
        f'<script type="application/ld+json">{text.translate(_json_script_escapes)}</script>'
    )


def _image_object(image, spec, request):
    info = image_info(image, spec)
    if info is None:
        return None
    url = absolute_url(info["url"], request)
    return {"@type": "ImageObject", "url": url, "width": info["width"], "height": info["height"]}


def organization(site_settings, root, request):
    """The organisation from the site settings (built once per content version)."""

    def build():
        contact = compact(
            {
                "@type": "ContactPoint",
                "contactType": "customer service",
                "email": site_settings.contact_email,
                "telephone": site_settings.phone,
                "url": site_settings.booking_url,
            }
        )
        lines = [line.strip() for line in site_settings.postal_address.splitlines()]
        address = ", ".join(line for line in lines if line)
        return compact(
            {
                "@type": "Organization",
                "@id": f"{root}/#organization",
                "name": site_settings.organisation_name,
                "url": f"{root}/",
                "description": site_settings.tagline,
                "logo": _image_object(site_settings.logo, LOGO_SPEC, request),
                "sameAs": [link.value["url"] for link in site_settings.social_links],
                "email": site_settings.contact_email,
                "telephone": site_settings.phone,
                "address": {"@type": "PostalAddress", "streetAddress": address}
                if address
                else None,
                "contactPoint": [contact] if len(contact) > 2 else [],
            }
        )

    return version.cached("organization", build, root)


def organization_reference(org):
    """The organisation as a publisher or provider: its id, name, URL and logo."""
    return compact({key: org.get(key) for key in ("@type", "@id", "name", "url", "logo")})


def website(org, root):
    search = f"{root}{reverse('search')}?q={{search_term_string}}"
    return {
        "@type": "WebSite",
        "@id": f"{root}/#website",
        "url": f"{root}/",
        "name": org["name"],
        "publisher": {"@id": org["@id"]},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": search},
            "query-input": "required name=search_term_string",
        },
    }


def breadcrumb_list(trail, request):
    items = [
        {
            "@type": "ListItem",
            "position": position,
            "name": crumb.nav_label,
            "item": absolute_url(crumb.url, request),
        }
        for position, crumb in enumerate(trail, start=1)
    ]
    return {"@type": "BreadcrumbList", "itemListElement": items}


def service(page, head, org):
    return compact(
        {
            "@type": "Service",
            "@id": f"{head.canonical}#service",
            "name": page.title,
            "serviceType": page.nav_label,
            "description": page.summary or page.search_description,
            "url": head.canonical,
            "provider": organization_reference(org),
            "areaServed": page.area_served,
        }
    )


def person(author, url, org, request):
    return compact(
        {
            "@type": "Person",
            "@id": f"{url}#person" if url else None,
            "name": author.name,
            "url": url,
            "jobTitle": author.role,
            "description": author.bio,
            "image": _image_object(author.photo, PHOTO_SPEC, request) if author.photo else None,
            "worksFor": {"@id": org["@id"]},
        }
    )


def blog_posting(page, head, org, request):
    author_url = absolute_url(page.author_url, request) if page.author_url else None
    category = page.main_category
    return compact(
        {
            "@type": "BlogPosting",
            "@id": f"{head.canonical}#article",
            "headline": page.title[:110],
            "description": page.intro or page.search_description,
            "url": head.canonical,
            "mainEntityOfPage": {"@type": "WebPage", "@id": head.canonical},
            "datePublished": page.display_date,
            "dateModified": page.last_modified,
            "author": person(page.author, author_url, org, request) if page.author else None,
            "image": [head.image["url"]] if head.image else [],
            "publisher": organization_reference(org),
            "articleSection": category.name if category else None,
            "keywords": ", ".join(tag.name for tag in page.tags.all()),
        }
    )


def profile_page(author, head, org, request):
    return {
        "@type": "ProfilePage",
        "url": head.canonical,
        "mainEntity": person(author, head.canonical, org, request),
    }


def collection_page(subpage, head):
    return compact(
        {
            "@type": "CollectionPage",
            "name": subpage.title,
            "description": subpage.description,
            "url": head.canonical,
        }
    )


def page_graph(head, trail, site_settings, root, request):
    """The JSON-LD nodes of the page ``head`` describes (see seo.head)."""
    page, subpage = head.page, head.subpage
    org = organization(site_settings, root, request)
    if not trail:  # home
        return [org, website(org, root)]
    graph = [breadcrumb_list(trail, request)]
    if subpage is not None and subpage.kind == "author":
        graph.append(profile_page(subpage.subject, head, org, request))
    elif subpage is not None:
        graph.append(collection_page(subpage, head))
    elif isinstance(page, ServicePage):
        graph.append(service(page, head, org))
    elif isinstance(page, BlogPage):
        graph.append(blog_posting(page, head, org, request))
    return graph
