"""Every front-matter key of the mapping lands on the right page field, in the right place."""

from datetime import UTC, datetime

import pytest

from blog.models import BlogIndexPage, BlogPage
from importer.models import ImportedPage
from pages.models import HomePage, StandardPage
from services.models import ServiceIndexPage, ServicePage
from tests.importer.helpers import CONSULTANCY, run_import


@pytest.fixture
def imported(media):
    code, output = run_import(CONSULTANCY, "--media", media)
    assert code == 1, output  # broken.md fails; every other file imports
    return output


def page_at(path):
    source = ImportedPage.objects.get(source_path=path)
    return source.page.specific


def test_a_service_page_gets_every_mapped_field(imported):
    coo = page_at("practice/fractional-coo.md")

    assert isinstance(coo, ServicePage)
    assert isinstance(coo.get_parent().specific, ServiceIndexPage)
    assert coo.title == "Fractional Chief Operating Officer"
    assert coo.seo_title == "Fractional COO for growing firms"
    assert coo.search_description == "Operations leadership, part-time, for founders."
    assert coo.published_on == datetime(2025, 2, 3, 10, tzinfo=UTC)
    assert coo.updated_on == datetime(2025, 4, 5, tzinfo=UTC)  # a date alone: midnight UTC
    assert (coo.show_toc, coo.show_page_meta, coo.show_reading_time) == (True, True, True)
    assert coo.promoted and coo.summary == "Operations leadership two days a week."
    assert (coo.navigation_label, coo.show_in_menus) == ("Fractional COO", True)
    assert coo.live and coo.url == "/practice/fractional-coo/"


def test_the_jumbotron_keeps_its_markdown_and_turns_button_links_into_buttons(imported):
    jumbotron = page_at("practice/fractional-coo.md").jumbotron[0].value

    assert jumbotron["text"] == (
        "Operations slowing you down?{.bold}\n\nA seasoned operator for part of the week.{.smaller}"
    )
    buttons = [(b["label"], b["link"].url, b["style"]) for b in jumbotron["buttons"]]
    assert buttons == [
        ("How it works", "#how-it-works", "primary"),
        ("What it costs", "#what-it-costs", "forward"),
    ]


def test_the_body_splits_into_markdown_figure_and_call_to_action(imported):
    body = page_at("practice/fractional-coo.md").body

    assert [block.block_type for block in body] == [
        "markdown",
        "figure",
        "markdown",
        "call_to_action",
    ]
    figure = body[1].value
    assert figure["caption"] == "The operator at work"
    assert figure["alt_text"] == "A person at a whiteboard" and not figure["decorative"]
    # image.classes resolved from the front matter: a narrow layout class -> portrait.
    assert figure["style"] == "portrait"
    assert figure["widths"] == ["200", "350", "800"]  # 180, 400, 1000 -> the nearest we serve
    assert figure["image"].file.name.startswith("original_images/operator")
    middle = body[2].value
    # The unsupported shortcode is not on the live page; a link in code stays code.
    assert "youtube" not in middle
    assert "```\n[Not a button](/contact/){.single-meta-forward}\n```" in middle
    assert middle.startswith("We start with a fortnight") and middle.endswith("agreed up front.")
    cta = body[3].value
    assert (cta["label"], cta["link"].url, cta["style"]) == (
        "Ask about the operations service",
        "/contact/",
        "forward",
    )


def test_an_unsupported_shortcode_is_a_notice_in_a_draft_never_on_the_live_page(client, imported):
    html = client.get("/practice/fractional-coo/").content.decode()
    assert "youtube" not in html and "{%" not in html
    page = page_at("practice/fractional-coo.md")
    assert page.live and page.has_unpublished_changes
    draft = page.get_latest_revision_as_object()
    notes = [block.value for block in draft.body if block.block_type == "markdown"]
    assert any(
        "**⚠ Template code not imported (line 45):** ` {% youtube 'abc123' %} `" in text
        for text in notes
    )


def test_navigation_three_levels_deep_with_order_and_ties_by_title(imported):
    practice = page_at("practice/index.md")
    assert isinstance(practice, ServiceIndexPage)  # a top-level page with a promoted child
    assert practice.url == "/practice/" and practice.show_in_menus
    children = [page.title for page in practice.get_children()]
    # All three have order 10: ties go by title.
    assert children == ["Audits", "Fractional Chief Operating Officer", "Interim help"]
    explainer = page_at("practice/fractional-coo/what-is-a-fractional-coo.md")
    assert isinstance(explainer, StandardPage)
    assert explainer.get_parent().specific == page_at("practice/fractional-coo.md")
    assert explainer.url == "/practice/fractional-coo/what-is-a-fractional-coo/"


def test_a_missing_navigation_parent_becomes_a_section(imported):
    board = page_at("advisory-board.md")
    section = board.get_parent().specific
    assert isinstance(section, StandardPage)
    assert (section.title, section.url, section.show_in_menus) == (
        "Advisory",
        "/advisory/",
        True,
    )
    assert ImportedPage.objects.get(page=section).source_path == "nav:Advisory"


def test_files_without_navigation_are_placed_by_folder_and_hidden_from_menus(imported):
    team = page_at("team.md")
    assert (team.url, team.show_in_menus, team.slug) == ("/team/", False, "team")
    assert team.get_parent().specific == HomePage.objects.get()


def test_the_folders_index_md_is_the_page_imported_under(imported):
    home = HomePage.objects.get()
    assert page_at("index.md") == home
    assert home.title == "Steady operations for growing firms"
    assert home.navigation_label == "Start"
    assert home.slug == "home"  # its place and address are not the file's to change


def test_posts_go_to_the_imports_blog_with_author_categories_tags_and_hero_image(imported):
    post = page_at("posts/first-month.md")

    assert isinstance(post, BlogPage)
    # The posts/ folder is the import's own blog index, never merged into the site's /blog/.
    assert post.get_parent().specific == BlogIndexPage.objects.get(slug="posts")
    assert post.url == "/posts/first-month/"
    assert post.intro == post.search_description == "What happens in the first four weeks."
    assert post.published_on == datetime(2025, 5, 6, tzinfo=UTC)
    assert post.author.name == "Sam Okafor"
    assert post.author.role == "Fractional COO"
    assert post.author.photo.title == "Portrait of Sam Okafor"
    assert sorted(c.slug for c in post.categories.all()) == ["operations", "planning"]
    assert post.categories.get(slug="operations").description == "Running a firm day to day."
    assert sorted(t.name for t in post.tags.all()) == ["onboarding", "operations"]
    assert post.hero_image.title == "A calendar with four weeks marked"


def test_a_missing_image_leaves_the_figure_out_and_the_page_in(imported):
    page = page_at("missing-image.md")
    assert [block.block_type for block in page.body] == ["markdown", "markdown"]
    assert [block.value for block in page.body] == ["Before the picture.", "After the picture."]


def test_a_duplicate_key_keeps_the_last_value(imported):
    page = page_at("duplicate.md")
    assert page.published_on == datetime(2025, 3, 5, 17, 33, tzinfo=UTC)
