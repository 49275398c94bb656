"""Importing again: pages are matched by their source, updated in place, never duplicated."""

from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex

from blog.models import BlogIndexPage, BlogPage
from importer.models import ImportedPage
from pages.models import StandardPage
from tests.importer.conftest import draw
from tests.importer.helpers import result_of, run_import, write


def guides_site(folder, first_title="First guide"):
    write(
        folder, "guides/index.md", "---\ntitle: Guides\neleventyNavigation:\n  key: Guides\n---\n"
    )
    write(
        folder,
        "guides/first.md",
        f"---\ntitle: {first_title}\nredirect_from: /old-first/\neleventyNavigation:\n"
        "  key: First\n  parent: Guides\n---\n\nStep one.\n",
    )
    return folder


def page_from(path):
    return ImportedPage.objects.get(source_path=path).page.specific


def test_a_page_an_editor_moved_stays_where_the_editor_put_it(client, tmp_path):
    site = guides_site(tmp_path / "site")
    run_import(site)
    first = page_from("guides/first.md")
    about = StandardPage.objects.get(slug="about")
    first.move(about, pos="last-child")

    code, output = run_import(site)

    assert code == 0 and result_of(output, "guides/first.md") == "unchanged"
    first = page_from("guides/first.md")
    assert first.get_parent().specific == about
    assert StandardPage.objects.filter(title="First guide").count() == 1
    response = client.get("/old-first/", follow=True)
    assert response.redirect_chain[0][1] == 301
    assert response.request["PATH_INFO"] == "/about/first/"


def test_a_changed_file_updates_its_page_as_a_new_published_revision(client, tmp_path):
    site = guides_site(tmp_path / "site")
    run_import(site)
    first = page_from("guides/first.md")
    revisions = first.revisions.count()

    guides_site(site, first_title="The first guide")
    code, output = run_import(site)

    assert code == 0 and result_of(output, "guides/first.md") == "updated"
    first = page_from("guides/first.md")
    assert first.title == "The first guide" and first.live
    assert first.revisions.count() == revisions + 1
    assert "<h1>The first guide</h1>" in client.get(first.url).content.decode()


def test_a_page_taken_offline_gets_a_draft_revision_only(tmp_path):
    site = guides_site(tmp_path / "site")
    run_import(site)
    page_from("guides/first.md").unpublish()

    guides_site(site, first_title="A draft title")
    run_import(site)

    first = page_from("guides/first.md")
    assert not first.live and first.has_unpublished_changes
    assert first.get_latest_revision_as_object().title == "A draft title"


def test_a_section_made_for_a_missing_parent_becomes_that_parents_page(tmp_path):
    site = guides_site(tmp_path / "site")
    (site / "guides" / "index.md").unlink()
    run_import(site)
    section = page_from("nav:Guides")

    guides_site(site)
    code, output = run_import(site)

    assert code == 0 and result_of(output, "guides/index.md") == "unchanged"
    assert page_from("guides/index.md").pk == section.pk
    assert not ImportedPage.objects.filter(source_path="nav:Guides").exists()
    assert Page.objects.filter(title="Guides").count() == 1


def test_images_are_deduplicated_by_content_across_runs_and_folders(tmp_path):
    figure = "{%% ImgFigure '' %%}![A square](%s){%% endImgFigure %%}"
    one, two = tmp_path / "one", tmp_path / "two"
    write(one, "a.md", "---\ntitle: A\n---\n\n" + figure % "/pics/square.jpg")
    write(two, "b.md", "---\ntitle: B\n---\n\n" + figure % "/other/copy.jpg")
    draw(tmp_path / "media" / "pics" / "square.jpg", color="#223344")
    draw(tmp_path / "media" / "other" / "copy.jpg", color="#223344")  # the same bytes
    before = get_image_model().objects.count()

    run_import(one, "--media", tmp_path / "media")
    run_import(one, "--media", tmp_path / "media")
    code, output = run_import(two, "--media", tmp_path / "media")

    assert code == 0 and output.splitlines()[-1].endswith("; 0 images imported")
    assert get_image_model().objects.count() == before + 1
    image_of = {path: page_from(path).body[0].value["image"].pk for path in ("a.md", "b.md")}
    assert image_of["a.md"] == image_of["b.md"]


def test_a_map_file_chooses_page_types_by_folder(client, tmp_path):
    site = tmp_path / "site"
    write(site, "news/launch.md", "---\ntitle: We launched\ndate: 2025-01-02\n---\n\nNews.\n")
    kind_map = tmp_path / "map.yaml"
    kind_map.write_text("folder:\n  news: blog_post\n")

    run_import(site, "--map", kind_map, "--blog", "/blog/")

    post = page_from("news/launch.md")
    assert isinstance(post, BlogPage) and post.url == "/blog/launch/"
    # No page was needed for the news/ folder: the post went to the blog --blog chose.
    assert not ImportedPage.objects.filter(source_path="folder:news").exists()
    response = client.get("/news/launch/")
    assert (response.status_code, response.headers["Location"]) == (301, "/blog/launch/")


def test_posts_go_to_a_blog_index_of_their_own_unless_blog_chooses_one(client, tmp_path):
    site = tmp_path / "site"
    write(site, "2024/01/launch.md", "---\ntitle: We launched\nlayout: post\n---\n\nNews.\n")

    code, output = run_import(site)

    assert code == 0, output
    post = page_from("2024/01/launch.md")
    blog = post.get_parent().specific
    # Never merged into the site's /blog/, nor nested under the dated folders.
    assert isinstance(blog, BlogIndexPage) and blog.url == "/blog-2/"  # /blog/ is taken
    assert blog.title == "Blog" and blog.get_parent().specific.url == "/"
    assert (
        BlogPage.objects.child_of(BlogIndexPage.objects.get(slug="blog"))
        .filter(title="We launched")
        .count()
        == 0
    )
    assert run_import(site, "--blog", "/about/")[0] == 2  # not a blog index


def test_without_a_map_a_folder_becomes_a_hidden_section(tmp_path):
    site = tmp_path / "site"
    write(site, "news/launch.md", "---\ntitle: We launched\n---\n\nNews.\n")

    code, output = run_import(site)

    page = page_from("news/launch.md")
    assert isinstance(page, StandardPage) and page.url == "/news/launch/"
    section = page.get_parent().specific
    assert (section.title, section.show_in_menus) == ("News", False)
    assert (
        "    ! no file defines the folder news/: a generated section stands in for it"
        in output.splitlines()
    )


def test_imported_pages_are_in_the_search_and_reference_indexes_as_published(client, tmp_path):
    """The import indexes each page once, after its last save, instead of on every save."""
    site = guides_site(tmp_path / "site")
    figure = "{% ImgFigure '' %}![A square](/pics/square.jpg){% endImgFigure %}"
    write(site, "guides/second.md", f"---\ntitle: Second\n---\n\nQuokkaword.\n\n{figure}\n")
    draw(tmp_path / "media" / "pics" / "square.jpg", color="#334455")
    run_import(site, "--media", tmp_path / "media")
    second = page_from("guides/second.md")
    image = second.body[1].value["image"]

    assert second.url in client.get("/search/?q=quokkaword").content.decode()
    assert ReferenceIndex.get_references_to(image).filter(object_id=str(second.pk)).exists()
    assert image in get_image_model().objects.search("square")

    write(site, "guides/second.md", "---\ntitle: Second\n---\n\nWombatword.\n")
    run_import(site, "--media", tmp_path / "media")

    assert second.url in client.get("/search/?q=wombatword").content.decode()
    assert second.url not in client.get("/search/?q=quokkaword").content.decode()
    assert not ReferenceIndex.get_references_to(image).filter(object_id=str(second.pk)).exists()
    # Pages saved after an import are indexed as usual.
    first = page_from("guides/first.md")
    first.title = "Numbatword"
    first.save_revision().publish()
    assert first.url in client.get("/search/?q=numbatword").content.decode()
