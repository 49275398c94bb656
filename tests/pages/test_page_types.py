"""The tree is locked: each page type states where it may live, and editors can create each."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from blog.models import BlogIndexPage, BlogPage
from pages.models import ContactPage, HomePage, StandardPage
from services.models import ServiceIndexPage, ServicePage


def page_form(title, **extra):
    return nested_form_data(
        {
            "title": title,
            "slug": title.lower().replace(" ", "-"),
            "jumbotron": streamfield([]),
            "body": streamfield([("markdown", "Some **text**.{.larger}")]),
            **extra,
        }
    )


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_sits_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage, {StandardPage, ContactPage, ServiceIndexPage, BlogIndexPage}
        )

    def test_standard_pages_live_under_home_sections_services_and_each_other(self):
        self.assertAllowedParentPageTypes(
            StandardPage, {HomePage, StandardPage, ServiceIndexPage, ServicePage}
        )
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_services_live_in_a_service_index(self):
        self.assertAllowedParentPageTypes(ServiceIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ServiceIndexPage, {ServicePage, StandardPage})
        self.assertAllowedParentPageTypes(ServicePage, {ServiceIndexPage})
        self.assertAllowedSubpageTypes(ServicePage, {StandardPage})

    def test_blog_posts_live_in_the_blog_index(self):
        self.assertAllowedParentPageTypes(BlogIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(BlogIndexPage, {BlogPage})
        self.assertAllowedParentPageTypes(BlogPage, {BlogIndexPage})
        self.assertAllowedSubpageTypes(BlogPage, set())

    def test_contact_page_lives_under_home_and_has_no_children(self):
        self.assertAllowedParentPageTypes(ContactPage, {HomePage})
        self.assertAllowedSubpageTypes(ContactPage, set())

    def test_a_blog_post_cannot_be_placed_under_home(self):
        self.assertCanNotCreateAt(HomePage, BlogPage)
        self.assertCanNotCreateAt(ServicePage, ServicePage)


class AdminCreationTests(WagtailPageTestCase):
    """Every page type can be created through the admin's own form."""

    def setUp(self):
        # force_login: django-axes refuses a sign-in that does not come with its request.
        self.client.force_login(self.create_superuser("page-type-tester"))
        self.home = HomePage.objects.get()

    def test_create_standard_page(self):
        self.assertCanCreate(self.home, StandardPage, page_form("Our approach"))

    def test_create_service_index_and_service_and_explainer(self):
        services = ServiceIndexPage.objects.get()
        self.assertCanCreate(self.home, ServiceIndexPage, page_form("Programmes"))
        self.assertCanCreate(
            services, ServicePage, page_form("Fractional COO", summary="Ops", promoted="on")
        )
        service = ServicePage.objects.get(slug="fractional-coo")
        self.assertTrue(service.promoted)
        self.assertCanCreate(service, StandardPage, page_form("What is a fractional COO"))

    def test_create_blog_post(self):
        blog = BlogIndexPage.objects.get()
        self.assertCanCreate(
            blog, BlogPage, page_form("A new post", intro="Short", tags="leadership, growth")
        )
        post = BlogPage.objects.get(slug="a-new-post")
        self.assertEqual(sorted(t.name for t in post.tags.all()), ["growth", "leadership"])

    def test_create_home_index_and_contact_pages(self):
        # Home, the blog index and the contact page are one-per-site: delete, then recreate.
        HomePage.objects.get().get_children().type(BlogIndexPage).delete()
        self.assertCanCreate(self.home, BlogIndexPage, page_form("Journal"))
        ContactPage.objects.all().delete()
        self.assertCanCreate(
            self.home,
            ContactPage,
            page_form(
                "Get in touch",
                intro="Say hello",
                thank_you_text="Thanks!",
                form_fields=inline_formset(
                    [{"label": "Email", "field_type": "email", "required": "on"}]
                ),
            ),
        )
        # One home per site: a new home can be created once the old one is gone.
        HomePage.objects.get().delete()
        self.assertCanCreate(Page.get_first_root_node(), HomePage, page_form("Another home"))
