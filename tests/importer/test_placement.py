"""Where pages go: --under, eleventyNavigation's root, the order of new siblings."""

import io

from importer.models import ImportedPage
from importer.report import ProgressBar
from pages.models import StandardPage
from tests.importer.helpers import result_of, run_import, write


def nav_page(folder, name, order, parent="Topics"):
    front = f"title: {name}\neleventyNavigation:\n  key: {name}\n  parent: {parent}\n"
    return write(folder, f"{name.lower()}.md", f"---\n{front}  order: {order}\n---\n")


def page_from(path):
    return ImportedPage.objects.get(source_path=path).page.specific


def test_under_places_root_level_pages_below_another_page(client, tmp_path):
    site = write(tmp_path / "site", "notes.md", "---\ntitle: Notes\n---\n\nSome notes.\n")

    code, output = run_import(site, "--under", "/about/")

    assert code == 0 and result_of(output, "notes.md") == "created"
    notes = page_from("notes.md")
    assert notes.get_parent().specific == StandardPage.objects.get(slug="about")
    response = client.get("/notes/")
    assert (response.status_code, response.headers["Location"]) == (301, "/about/notes/")


def test_a_page_type_the_parent_cannot_hold_becomes_a_standard_page(tmp_path):
    site = write(
        tmp_path / "site",
        "offer.md",
        "---\ntitle: An offer\ntags: ['#servicePromoted']\n---\n\nText.\n",
    )

    code, output = run_import(site, "--under", "/about/")

    assert isinstance(page_from("offer.md"), StandardPage)
    assert "    ! cannot be a service page here: imported as a standard page" in (
        output.splitlines()
    )


def test_root_names_the_section_of_a_page_without_a_parent(tmp_path):
    site = write(
        tmp_path / "site",
        "guide.md",
        "---\ntitle: A guide\neleventyNavigation:\n  key: Guide\n  root: Learning\n---\n",
    )
    write(
        site,
        "other.md",
        "---\ntitle: Other\neleventyNavigation:\n  key: Other\n  parent: Guide\n"
        "  root: Elsewhere\n---\n",
    )

    code, output = run_import(site)

    assert page_from("guide.md").url == "/learning/guide/"
    assert page_from("other.md").url == "/learning/guide/other/"
    assert (
        "    ! line 6: eleventyNavigation.root 'Elsewhere' is not the section its parent is in "
        "('Learning'): placed under its parent" in output.splitlines()
    )


def test_a_new_page_is_inserted_among_its_imported_siblings_by_order(tmp_path):
    site = write(
        tmp_path / "site",
        "topics.md",
        "---\ntitle: Topics\neleventyNavigation:\n  key: Topics\n---\n",
    )
    nav_page(site, "Alpha", 10)
    nav_page(site, "Gamma", 30)
    run_import(site)

    nav_page(site, "Beta", 20)
    nav_page(site, "Aardvark", 30)  # a tie with Gamma: by title, so before it
    run_import(site)

    topics = page_from("topics.md")
    assert [p.title for p in topics.get_children()] == ["Alpha", "Beta", "Aardvark", "Gamma"]


def test_the_progress_bar_draws_only_on_a_terminal():
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    terminal, pipe = Terminal(), io.StringIO()
    for stream in (terminal, pipe):
        bar = ProgressBar(stream, width=10)
        bar(1, 2, "a.md")
        bar(2, 2, "b.md")
    assert terminal.getvalue().startswith("\r[#####-----] 1/2 a.md")
    assert terminal.getvalue().endswith("\r[##########] 2/2 b.md" + " " * 36 + "\n")
    assert pipe.getvalue() == ""
