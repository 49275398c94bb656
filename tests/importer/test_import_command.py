"""import_markdown on the consultancy fixture: what it writes, prints, redirects and repeats."""

import subprocess
import sys

from redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from blog.snippets import Author, BlogCategory
from importer.models import ImportedPage
from tests.importer.helpers import CONSULTANCY, result_of, run_import
from tests.serving import PROJECT


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "redirects": Redirect.objects.count(),
        "sources": ImportedPage.objects.count(),
        "authors": Author.objects.count(),
        "categories": BlogCategory.objects.count(),
    }


def test_a_dry_run_prints_the_plan_and_writes_nothing(media, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "uploads"
    before = counts()

    code, output = run_import(CONSULTANCY, "--media", media, "--dry-run")

    assert counts() == before
    assert not settings.MEDIA_ROOT.exists()
    assert code == 1  # broken.md would fail
    assert "create     /practice/fractional-coo/" in output
    assert "practice/fractional-coo.md (service page)" in output
    assert "[section] Advisory (standard page)" in output
    assert "update     /                                        index.md (home page)" in output
    assert "/coo -> /practice/fractional-coo/  (practice/fractional-coo.md: redirect_from)" in (
        output
    )
    # The posts' folder becomes the import's own blog index, beside the site's /blog/.
    assert "create     /posts/                                  [section] Posts (blog index)" in (
        output
    )
    assert "import           operator.jpg  (practice/fractional-coo.md)" in output
    assert "import           sam.jpg  (_data/authors.yaml)" in output
    assert "fail       broken.md: line 6: broken YAML" in output
    assert "Dry run: nothing was written." in output


def test_the_summary_names_each_file_its_result_and_its_warnings(media):
    code, output = run_import(CONSULTANCY, "--media", media)

    assert code == 1
    assert result_of(output, "practice/fractional-coo.md") == "created"
    assert result_of(output, "index.md") == "updated"
    assert result_of(output, "broken.md") == "failed"
    assert result_of(output, "untitled.md") == "created"
    assert result_of(output, "_data/authors.yaml") == "created"
    lines = output.splitlines()
    broken = lines.index(next(line for line in lines if line.startswith("broken.md")))
    assert lines[broken + 1] == (
        "    ! line 6: broken YAML: while parsing a flow sequence (from line 5) expected ',' "
        "or ']', but got '<stream end>'"
    )
    assert "    ! no title: the file name used ('Untitled')" in lines
    assert (
        "    ! line 5: duplicate key 'date' (lines 3 and 5): the last value "
        "(2025-03-05T17:33:00Z) wins" in lines
    )
    assert "    ! line 4: unknown key 'colour' ignored" in lines
    assert (
        "    ! line 45: template code {% youtube 'abc123' %} cannot be evaluated: left out of "
        "the live page, shown to editors in a draft" in lines
    )
    assert (
        "    ! line 7: image /public/images/nowhere.jpg not found under "
        f"{media}: figure left out" in lines
    )
    assert (
        "    ! redirect /about/ -> /conflict/ refused: It would shadow the live page /about/."
        in (lines)
    )
    assert "    ! line 3: redirect_from /conflict/ is the page's own address: skipped" in lines
    assert (
        "    ! no file defines the navigation parent 'Advisory': "
        "a generated section stands in for it" in lines
    )
    assert lines[-1] == "16 created, 1 updated, 0 unchanged, 1 failed; 3 images imported"


def test_every_old_url_answers_with_the_page_or_a_permanent_redirect_to_it(client, media):
    run_import(CONSULTANCY, "--media", media)
    redirected = {
        "/coo": "/practice/fractional-coo/",
        "/what-is-coo/": "/practice/fractional-coo/what-is-a-fractional-coo/",
        "/explainers/coo": "/practice/fractional-coo/what-is-a-fractional-coo/",
        "/people/team.html": "/team/",
        "/advisory-board/": "/advisory/advisory-board/",
    }
    for old, new in redirected.items():
        response = client.get(old)
        assert (response.status_code, response.headers.get("Location")) == (301, new), old
        assert client.get(new).status_code == 200, new
    for same in [
        "/",
        "/practice/",
        "/practice/fractional-coo/",
        "/conflict/",
        "/duplicate/",
        "/posts/first-month/",
    ]:
        assert client.get(same).status_code == 200, same
    # The refused redirect left the live page at /about/ alone.
    assert "<h1>About Northway</h1>" in client.get("/about/").content.decode()


def test_a_second_run_changes_nothing(media):
    run_import(CONSULTANCY, "--media", media)
    after_first = counts()

    code, output = run_import(CONSULTANCY, "--media", media)

    assert code == 1
    assert counts() == after_first
    assert output.splitlines()[-1] == (
        "0 created, 0 updated, 17 unchanged, 1 failed; 0 images imported"
    )


def test_each_file_is_one_transaction(tmp_path, media):
    site = tmp_path / "site"
    site.mkdir()
    (site / "fine.md").write_text("---\ntitle: Fine\n---\n\nText.\n")
    # Too long for a page title: the database refuses it when the page is saved.
    (site / "too-long.md").write_text(
        f"---\ntitle: {'x' * 300}\nredirect_from: /old-long/\n---\n\nText.\n"
    )
    before = counts()

    code, output = run_import(site, "--media", media)

    assert code == 1
    assert result_of(output, "fine.md") == "created"
    assert result_of(output, "too-long.md") == "failed"
    assert counts()["pages"] == before["pages"] + 1
    assert not Redirect.objects.filter(old_path="/old-long/").exists()
    assert not ImportedPage.objects.filter(source_path="too-long.md").exists()


def test_bad_arguments_exit_with_2(tmp_path, media):
    assert run_import(tmp_path / "nowhere")[0] == 2
    assert run_import(CONSULTANCY, "--media", tmp_path / "no-media")[0] == 2
    assert run_import(CONSULTANCY, "--under", "/no/such/page/")[0] == 2
    bad_map = tmp_path / "map.yaml"
    bad_map.write_text("layout:\n  page: not-a-kind\n")
    code, _ = run_import(CONSULTANCY, "--map", bad_map)
    assert code == 2
    # From the shell, argparse's own errors (a missing DIR) exit with 2 as well.
    missing_dir = subprocess.run(
        [sys.executable, "manage.py", "import_markdown"], cwd=PROJECT, capture_output=True
    )
    assert missing_dir.returncode == 2
    assert b"the following arguments are required: DIR" in missing_dir.stderr
