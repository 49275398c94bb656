"""The shipped demo is a folder of Markdown that the importer loads (tests/conftest.py does)."""

from demo.images import draw_demo_images
from demo.loader import DEMO_SITE
from importer.models import ImportedPage
from importer.run import plan_import


def test_every_demo_page_comes_from_a_markdown_file():
    sources = set(ImportedPage.objects.values_list("source_path", flat=True))
    files = {p.relative_to(DEMO_SITE).as_posix() for p in DEMO_SITE.rglob("*.md")}
    assert sources == files and len(files) == 13


def test_importing_the_demo_again_changes_nothing_and_warns_of_nothing(tmp_path):
    draw_demo_images(tmp_path)
    plan = plan_import(DEMO_SITE, media_dir=tmp_path)

    assert {step.label: step.action for step in plan.all_steps()} == {
        path: "unchanged" for path in ImportedPage.objects.values_list("source_path", flat=True)
    }
    assert [(e.source.path, e.source.warnings) for e in plan.entries if e.source.warnings] == []
    assert [data.warnings for data in plan.snippets.data_files()] == [[], []]
    # The images drawn again are the same bytes: the library's copies are reused.
    assert len(plan.images) == 8
    assert all(found.existing_id for found, _ in plan.images.values())
    assert all(step.redirects == [] for step in plan.all_steps())
