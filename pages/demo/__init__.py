"""Builds the demo site: home, services with an explainer, a blog, about and contact pages."""

from datetime import datetime, time

from django.apps import apps
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Site

from pages.demo import content
from pages.demo.images import demo_image
from pages.models import ContactFormField, ContactPage, HomePage, SiteSettings, StandardPage


def has_site_content():
    return HomePage.objects.exists()


def _markdown(text):
    return {"type": "markdown", "value": text}


def _cta(label, url, style="forward"):
    return {
        "type": "call_to_action",
        "value": {"label": label, "link": {"link_url": url}, "style": style},
    }


def _figure(image, alt, caption="", style="rounded"):
    value = {
        "image": image.pk,
        "alt_text": alt,
        "decorative": False,
        "caption": caption,
        "style": style,
        "widths": ["200", "350", "500", "800"],
    }
    return {"type": "figure", "value": value}


def _jumbotron(text, buttons=()):
    value = {
        "text": text,
        "buttons": [
            {"label": label, "link": {"anchor": anchor}, "style": style}
            for label, anchor, style in buttons
        ],
    }
    return [{"type": "jumbotron", "value": value}]


def _date(iso):
    return timezone.make_aware(datetime.combine(datetime.fromisoformat(iso).date(), time(9)))


def _add(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@transaction.atomic
def load_demo_site():
    """Replace Wagtail's placeholder root with the demo home page and its tree."""
    service_index_page = apps.get_model("services", "ServiceIndexPage")
    service_page = apps.get_model("services", "ServicePage")

    root = Page.get_first_root_node()
    # Wagtail's "Welcome" placeholder (a plain Page) and its Site make way for the demo.
    for placeholder in root.get_children().exact_type(Page):
        placeholder.delete()
    hero = demo_image("Abstract shapes in brand colours", seed=1)
    team = demo_image("Workshop around a table (illustration)", seed=2)

    home = HomePage(
        title="Senior leadership for growing businesses, a few days a week",
        slug="home",
        navigation_label="Home",
        search_description="Fractional CTOs and delivery leaders for founders and CEOs of "
        "growing companies.",
        jumbotron=_jumbotron(
            content.HOME_JUMBOTRON,
            [
                ("Explore our services", "services-heading", "primary"),
                ("Read the blog", "posts-heading", "secondary"),
            ],
        ),
        body=[
            _markdown(content.HOME_INTRO),
            _figure(hero, "Overlapping circles in navy and amber", style="wide"),
            _cta("Book a free introductory call", "/contact/"),
        ],
    )
    _add(root, home)
    _point_default_site_at(home)

    services = _add(
        home,
        service_index_page(
            title="Services",
            slug="services",
            show_in_menus=True,
            search_description="Fractional technology and delivery leadership services.",
            body=[_markdown(content.SERVICES_INTRO)],
        ),
    )
    cto = _add(
        services,
        service_page(
            title="Fractional CTO for scaling software companies",
            slug="fractional-cto",
            navigation_label="Fractional CTO",
            show_in_menus=True,
            promoted=True,
            summary="Senior technology leadership one to three days a week.",
            search_description="A part-time CTO for founders: strategy, architecture, team health.",
            jumbotron=_jumbotron(
                content.CTO_JUMBOTRON,
                [
                    ("How an engagement works", "how-a-fractional-cto-engagement-works", "primary"),
                ],
            ),
            body=[
                _markdown(content.CTO_BODY),
                _figure(
                    team, "Illustration of people gathered around a table", "A working session"
                ),
                _cta("Talk to us about a fractional CTO", "/contact/"),
            ],
            show_page_meta=True,
            show_toc=True,
            published_on=_date("2026-01-12"),
            updated_on=_date("2026-08-30"),
        ),
    )
    _add(
        cto,
        StandardPage(
            title="What is a fractional CTO?",
            slug="what-is-a-fractional-cto",
            navigation_label="What is a fractional CTO?",
            show_in_menus=True,
            search_description="What a fractional Chief Technology Officer does, and who it suits.",
            jumbotron=_jumbotron("A plain explanation for founders and CEOs.{.smaller}"),
            body=[_markdown(content.CTO_EXPLAINER), _cta("Talk to us", "/contact/")],
            show_page_meta=True,
            show_reading_time=True,
            show_toc=True,
            published_on=_date("2026-02-02"),
        ),
    )
    _add(
        services,
        service_page(
            title="Fractional Chief Delivery Officer",
            slug="fractional-cdo",
            navigation_label="Fractional CDO",
            show_in_menus=True,
            promoted=True,
            summary="A delivery leader who makes client work predictable again.",
            search_description="A part-time delivery leader for agencies and service firms.",
            jumbotron=_jumbotron(
                content.CDO_JUMBOTRON,
                [
                    ("What changes", "what-changes-with-a-delivery-leader", "primary"),
                    ("Working together", "working-together", "forward"),
                ],
            ),
            body=[_markdown(content.CDO_BODY), _cta("Discuss delivery leadership", "/contact/")],
            show_page_meta=True,
            published_on=_date("2026-01-20"),
        ),
    )
    _add(
        services,
        service_page(
            title="Leadership coaching",
            slug="leadership-coaching",
            show_in_menus=True,
            summary="Six months of coaching for newly promoted technical leaders.",
            search_description="Coaching for new heads of engineering and delivery.",
            body=[_markdown(content.COACHING_BODY), _cta("Ask about coaching", "/contact/")],
        ),
    )
    _add(
        home,
        StandardPage(
            title="About Northway",
            slug="about",
            navigation_label="About",
            show_in_menus=True,
            search_description="Who we are and how we work.",
            body=[_markdown(content.ABOUT_BODY)],
        ),
    )
    _load_blog(home)
    contact = _add(
        home,
        ContactPage(
            title="Contact",
            slug="contact",
            show_in_menus=True,
            intro=content.CONTACT_INTRO,
            search_description="Get in touch about fractional leadership.",
            subject="New enquiry from the website",
        ),
    )
    for order, (label, field_type, required) in enumerate(
        [
            ("Your name", "singleline", True),
            ("Email address", "email", True),
            ("Company", "singleline", False),
            ("How can we help?", "multiline", True),
        ]
    ):
        ContactFormField.objects.create(
            page=contact, sort_order=order, label=label, field_type=field_type, required=required
        )
    return home


def _point_default_site_at(home):
    site = Site.objects.create(
        hostname="localhost",
        port=80,
        root_page=home,
        is_default_site=True,
        site_name="Northway Leadership",
    )
    SiteSettings.objects.update_or_create(
        site=site,
        defaults={
            "organisation_name": "Northway Leadership",
            "tagline": "Fractional technology and delivery leadership",
            "contact_email": "hello@northway.example",
            "social_links": [
                {
                    "type": "link",
                    "value": {"label": "LinkedIn", "url": "https://www.linkedin.com/"},
                },
            ],
        },
    )


def _load_blog(home):
    author_model = apps.get_model("blog", "Author")
    category_model = apps.get_model("blog", "BlogCategory")
    blog_index_page = apps.get_model("blog", "BlogIndexPage")
    blog_page = apps.get_model("blog", "BlogPage")

    blog = _add(
        home,
        blog_index_page(
            title="Blog",
            slug="blog",
            show_in_menus=True,
            search_description=content.BLOG_INTRO,
            body=[_markdown(content.BLOG_INTRO)],
        ),
    )
    authors = {}
    for seed, data in enumerate(content.AUTHORS, start=10):
        photo = demo_image(f"Portrait of {data['name']}", seed, size=(400, 400), portrait=True)
        authors[data["name"]], _ = author_model.objects.get_or_create(
            name=data["name"], defaults={**data, "photo": photo}
        )
    categories = {
        data["slug"]: category_model.objects.get_or_create(slug=data["slug"], defaults=data)[0]
        for data in content.CATEGORIES
    }
    for seed, post in enumerate(content.POSTS, start=20):
        page = blog_page(
            title=post["title"],
            slug=post["slug"],
            intro=post["intro"],
            search_description=post["intro"],
            author=authors[post["author"]],
            published_on=_date(post["date"]),
            show_page_meta=True,
            show_reading_time=True,
            hero_image=demo_image(f"Illustration for {post['title']}", seed),
            body=[_markdown(post["body"]), _cta("Talk to us about this", "/contact/")],
        )
        page.categories = [categories[post["category"]]]
        _add(blog, page)
    return blog
