"""A starter-blog-like 11ty site: the data cascade, permalinks, dated names, drafts, titles."""

import datetime as dt

from wagtail.models import Page

from importer.models import ImportedPage
from tests.importer.conftest import draw
from tests.importer.helpers import SITES, result_of, run_import
from tests.importer.test_import_command import counts

STARTER = SITES / "starter"

# Every content file: the URL 11ty publishes it at (None: none) and where its page is now.
PUBLISHED = {
    "studio.md": ("/studio/", "/studio/"),
    "contact-us.md": ("/contact-us/", "/contact-us/"),
    "colophon.md": ("/colophon/", "/colophon/"),
    "handbook/handbook.md": ("/handbook/", "/handbook/"),
    "handbook/2023-05-02-onboarding.md": (
        "/handbook/2023-05-02-onboarding/",
        "/handbook/onboarding/",
    ),
    "docs/install.md": ("/guide/install/", "/docs/install/"),
    "docs/faq.md": ("/docs/faq.html", "/docs/faq/"),
    "docs/templating.md": ("/guide/templating/", "/docs/templating/"),
    "notes/shared.md": ("/shared-note/", "/notes/shared-note/"),  # the permalink's slug
    # The posts' folder is the import's own blog index (/posts/), beside the site's /blog/.
    "posts/2024-01-09-first-steps.md": (
        "/blog/first-steps-with-a-new-client/",
        "/posts/first-steps-with-a-new-client/",
    ),
    "posts/2024-02-14-second-look.md": ("/blog/2024/02/second-look/", "/posts/second-look/"),
    "posts/odd-permalink.md": ("/posts/odd-permalink/", "/posts/odd-permalink/"),
}
# Files 11ty did not publish (or only outside its collections): drafts here.
DRAFTS = {
    "notes/scratch.md": "/notes/scratch/",
    "posts/unfinished.md": "/blog/not-ready-yet/",
    "posts/hidden.md": "/blog/kept-out-of-lists/",
}


def page_from(path):
    return ImportedPage.objects.get(source_path=path).page.specific


def test_every_markdown_file_of_the_fixture_is_checked_here():
    files = {str(path.relative_to(STARTER)) for path in STARTER.rglob("*.md")}
    assert files == set(PUBLISHED) | set(DRAFTS)


def test_every_url_11ty_published_answers_with_its_page(client):
    code, output = run_import(STARTER)

    assert code == 0, output
    for path, (old, new) in PUBLISHED.items():
        page = page_from(path)
        assert page.live and page.url == new, (path, page.url)
        response = client.get(old)
        if old == new:
            assert response.status_code == 200, (path, old)
        else:
            assert (response.status_code, response.headers["Location"]) == (301, new), path
            assert client.get(new).status_code == 200, (path, new)


def test_nothing_11ty_did_not_publish_is_live(client):
    run_import(STARTER)

    for path, url in DRAFTS.items():
        page = page_from(path)
        assert not page.live and page.has_unpublished_changes, path
        assert client.get(url).status_code == 404, (path, url)
    live_titles = set(Page.objects.live().values_list("title", flat=True))
    assert not {"Scratch notes", "Not ready yet", "Kept out of lists"} & live_titles


def test_drafts_get_no_redirects_until_published_and_a_later_import_adds_them(client):
    run_import(STARTER)
    hidden = page_from("posts/hidden.md")
    assert client.get("/posts/hidden/").status_code == 404

    assert client.get("/blog/kept-out-of-lists/").status_code == 404

    hidden.get_latest_revision().publish()
    code, output = run_import(STARTER)

    assert code == 0, output
    response = client.get("/blog/kept-out-of-lists/")
    assert (response.status_code, response.headers["Location"]) == (
        301,
        "/posts/kept-out-of-lists/",
    )


def test_the_report_names_what_the_cascade_could_not_apply():
    code, output = run_import(STARTER, "--dry-run")

    assert code == 0, output
    assert "  skip       feed.njk: a Nunjucks template: only Markdown content is imported" in output
    assert "  skip       404.html: an HTML template" in output
    assert (
        "  _data/metadata.js: a JavaScript data file cannot be evaluated: its data is not applied"
        in output
    )
    assert "  posts/posts.json: applied" in output
    assert (
        "    ! posts/posts.11tydata.js: a JavaScript data file cannot be evaluated: its data is "
        "not applied" in output
    )
    assert (
        "    ! line 4: permalink '/blog/{% if featured %}featured/{% endif %}odd/': template tags "
        "({% … %}) cannot be evaluated; /posts/odd-permalink/ is used" in output
    )
    assert (
        "    ! permalink: false (11ty wrote no page for it): imported as a draft, not live; its "
        "old URLs are redirected by the first import after an editor publishes it (from "
        "notes/notes.11tydata.json)" in output
    )
    assert "create     /posts/not-ready-yet/" in output and "(blog post, draft)" in output


def test_dates_come_from_the_file_name_and_titles_from_fallbacks():
    run_import(STARTER)

    onboarding = page_from("handbook/2023-05-02-onboarding.md")
    assert onboarding.published_on == dt.datetime(2023, 5, 2, tzinfo=dt.UTC)
    first = page_from("posts/2024-01-09-first-steps.md")
    assert first.published_on == dt.datetime(2024, 1, 9, tzinfo=dt.UTC)
    assert page_from("colophon.md").title == "Colophon"
    contact = page_from("contact-us.md")
    assert contact.title == "Get in touch"
    assert "Get in touch" not in str(contact.body.raw_data)
    studio = page_from("studio.md")
    assert (studio.title, studio.navigation_label) == ("About this studio", "Studio")


def test_tags_add_up_through_the_cascade_and_category_names_the_category():
    run_import(STARTER)

    post = page_from("posts/2024-01-09-first-steps.md")
    # posts.json's "posts" is 11ty's collection tag: dropped by the default map.
    assert sorted(post.tags.names()) == ["js", "listening"]
    assert [c.name for c in post.categories.all()] == ["Client work"]


def test_a_map_file_renames_tags_and_turns_tags_into_categories(tmp_path):
    names = tmp_path / "map.yaml"
    names.write_text("tags:\n  listening: discovery\n  posts: posts\ncategories:\n  js: Code\n")

    code, output = run_import(STARTER, "--map", names)

    assert code == 0, output
    post = page_from("posts/2024-01-09-first-steps.md")
    assert sorted(post.tags.names()) == ["discovery", "posts"]
    assert sorted(c.name for c in post.categories.all()) == ["Client work", "Code"]
    names.write_text("tags:\n  listening: [a, b]\n")
    assert run_import(STARTER, "--map", names)[0] == 2


def starter_media(folder):
    draw(folder / "desk.jpg")
    draw(folder / "images" / "diagram.png", fmt="PNG")
    return folder


def test_a_dry_run_writes_nothing(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "uploads"
    media = starter_media(tmp_path / "media")
    before = counts()

    code, output = run_import(STARTER, "--media", media, "--dry-run")

    assert code == 0, output
    assert "create     /posts/not-ready-yet/" in output  # drafts, images and all are planned
    assert "import           desk.jpg  (docs/templating.md)" in output
    assert counts() == before
    assert not settings.MEDIA_ROOT.exists()


def test_a_second_run_changes_nothing(tmp_path):
    media = starter_media(tmp_path / "media")
    run_import(STARTER, "--media", media)
    before = counts()
    code, output = run_import(STARTER, "--media", media)

    assert code == 0
    assert result_of(output, "studio.md") == "unchanged"
    assert result_of(output, "posts/unfinished.md") == "unchanged"  # a draft stays one draft
    summary = output.splitlines()[-1]
    assert summary.startswith("0 created, 0 updated, ") and "0 failed" in summary, summary
    assert summary.endswith("; 0 images imported"), summary
    assert counts() == before


def test_template_code_never_shows_on_the_live_page_and_images_become_figures(client, tmp_path):
    media = tmp_path / "media"
    draw(media / "desk.jpg")
    draw(media / "images" / "diagram.png", fmt="PNG")

    code, output = run_import(STARTER, "--media", media)

    assert code == 0, output
    html = client.get("/docs/templating/").content.decode()
    assert "{%" not in html and "&#123;" not in html and "\\{" not in html
    # {% raw %} shows its content as 11ty did, braces and all.
    assert "<p>Write {{ title }} to print the title.</p>" in html
    assert "Read the feed of Starter notes." in html
    # Inside HTML blocks too: no backslashes, and what the sanitiser allows kept.
    assert '<ul class="gallery">' in html
    assert "<li>{{ page.url }} prints the address, *as it is*.</li>" in html
    assert '<a href="/docs/install/" title="Install" rel="noopener noreferrer">' in html
    assert '<th colspan="2">{{ plan.name }}</th>' in html
    page = page_from("docs/templating.md")
    figures = [block.value for block in page.body if block.block_type == "figure"]
    assert [(f["alt_text"], f["image"].title) for f in figures] == [
        ("A tidy desk", "A tidy desk"),
        ("How the parts fit", "How the parts fit"),
    ]
    draft = page.get_latest_revision_as_object()
    notes = " ".join(b.value for b in draft.body if b.block_type == "markdown")
    assert '** ` {% include "partials/cta.njk" %} `' in notes
    assert "` {% set note %} A captured note. {% endset %} `" in notes
    lines = output.splitlines()
    assert (
        '    ! line 11: template code {% include "partials/cta.njk" %} cannot be evaluated: '
        "left out of the live page, shown to editors in a draft" in lines
    )
    assert (
        "    ! line 17: link to {{ site.url }}/feed.xml left out: its address is template code "
        "(its text is kept)" in lines
    )


def test_links_to_markdown_files_point_at_the_imported_pages(client):
    code, output = run_import(STARTER)

    assert code == 0, output
    html = client.get("/studio/").content.decode()
    rel = 'rel="noopener noreferrer"'
    assert f'<a href="/handbook/" {rel}>the handbook</a>' in html
    assert f'<a href="/docs/install/#steps" {rel}>installing</a>' in html
    assert f'<a href="plans/old.md" {rel}>old plan</a>' in html
    assert "<code>[x](studio.md)</code>" in html
    assert (
        "    ! link to plans/old.md: that file is not imported; the link is left as it is"
        in output.splitlines()
    )


def test_fences_footnotes_marks_and_emoji_render_as_11tys_markdown_it_plugins(client):
    code, output = run_import(STARTER)

    assert code == 0, output
    html = client.get("/docs/install/").content.decode()
    # The fence keeps its language and is highlighted on the server (no script on the page).
    assert '<pre><code class="language-js"><span class="hl-kd">const</span>' in html
    assert '<span class="hl-s2">"./site.json"</span>' in html
    assert '<sup class="footnote-ref"><a href="#fn1" id="fnref1"' in html
    assert '<li id="fn1" class="footnote-item"><p>Once per machine.' in html
    assert "It is <mark>quick</mark> 🚀.</p>" in html
