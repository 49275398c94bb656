"""Old URLs of an import that existing live pages answer: listed as clashes, --strict fails."""

from wagtail.models import Page

from tests.importer.helpers import result_of, run_import, write


def clashing_site(folder):
    write(
        folder,
        "who-we-are.md",
        "---\ntitle: About the old site\npermalink: /about/\n---\n\nOld words.\n",
    )
    write(
        folder,
        "journal.md",
        "---\ntitle: Journal\nredirect_from: [/blog/, /old-journal/]\n---\n\nEntries.\n",
    )
    return folder


def test_clashes_are_listed_with_what_was_kept_and_do_not_fail_the_import(client, tmp_path):
    site = clashing_site(tmp_path / "site")

    code, output = run_import(site)

    assert code == 0, output
    lines = output.splitlines()
    start = lines.index("Clashes (2): old URLs that existing live pages answer")
    assert lines[start + 1 : start + 3] == [
        "  /about/  who-we-are.md: kept the live page /about/ (About Northway); imported at "
        "/about-2/",
        "  /blog/  journal.md: kept the live page /blog/ (Blog); no redirect to /journal/ "
        "(redirect_from)",
    ]
    assert result_of(output, "who-we-are.md") == "created"
    assert "<h1>About Northway</h1>" in client.get("/about/").content.decode()
    assert client.get("/blog/").status_code == 200
    assert client.get("/old-journal/").headers["Location"] == "/journal/"


def test_strict_exits_non_zero_on_a_clash_and_a_dry_run_lists_them_too(tmp_path):
    site = clashing_site(tmp_path / "site")
    before = Page.objects.count()

    code, output = run_import(site, "--dry-run", "--strict")

    assert code == 1 and Page.objects.count() == before
    assert "Clashes (2): old URLs that existing live pages answer" in output
    write(site, "who-we-are.md", "---\ntitle: About\npermalink: /about-us/\n---\n")
    write(site, "journal.md", "---\ntitle: Journal\n---\n")
    assert run_import(site, "--strict")[0] == 0
