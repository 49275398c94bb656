"""A file whose Markdown the editor's form would refuse fails with its path and line; the rest
of the site still imports."""

import time

import pytest

from importer.bench import big_file
from importer.models import ImportedPage
from markdown_dialect.limits import MAX_CHARS
from tests.importer.helpers import result_of, run_import, write

FRONT = "---\ntitle: {title}\neleventyNavigation:\n  key: {title}\n---\n"


def site(folder, **bodies):
    for name, body in {"fine": "Fine words.\n", **bodies}.items():
        write(folder, f"{name}.md", FRONT.format(title=name.title()) + body)
    return folder


def test_a_list_nested_too_deep_fails_its_file_at_its_line(tmp_path):
    deep = "".join("  " * level + "- x\n" for level in range(40))
    folder = site(tmp_path, deep=f"Intro.\n\n[Talk](/contact/){{.single-meta-forward}}\n\n{deep}")

    code, output = run_import(folder)

    assert code == 1
    assert result_of(output, "fine.md") == "created"
    assert result_of(output, "deep.md") == "failed"
    # The front matter is lines 1-5, the body starts on 6; the 7th list level is on line 16.
    assert "! line 16: lists and quotes are nested more than 6 deep" in output


def test_a_block_too_long_fails_its_file_and_the_plan_says_so(tmp_path):
    folder = site(tmp_path, long="a\n" * MAX_CHARS)

    code, output = run_import(folder, "--dry-run")

    assert code == 1
    expected = f"line {MAX_CHARS // 2 + 6}: this text has {2 * MAX_CHARS - 1:,} characters"
    assert f"fail       long.md: {expected}" in output
    assert "create     /fine/" in output


def test_a_long_body_is_split_into_blocks_between_paragraphs_outside_code(tmp_path):
    paragraphs = [f"Paragraph {n}. " + "word " * 60 for n in range(100)]
    fence = "```\n" + "line\n\nline\n" * 500 + "```"  # ~5,000 characters, blank lines inside
    body = "\n\n".join(paragraphs[:50] + [fence] + paragraphs[50:])
    folder = site(tmp_path, long=body)

    code, output = run_import(folder)

    assert code == 0, output
    page = ImportedPage.objects.get(source_path="long.md").page.specific
    texts = [block.value for block in page.body]
    assert len(texts) > 2 and all(len(text) <= MAX_CHARS for text in texts)
    assert "\n\n".join(texts) == body
    assert any(text.count("```") == 2 for text in texts)  # the fence is never cut


def _import_seconds(folder, name, megabytes, *args):
    folder.mkdir()
    big_file(folder / f"{name}.md", megabytes)
    began = time.process_time()  # this process's CPU: steadier than the clock on a busy machine
    code, output = run_import(folder, *args)
    assert code == 0, output
    assert f"/{name}/" in output  # planned or created, not failed
    return time.process_time() - began


@pytest.mark.parametrize("args", [["--dry-run"], []], ids=["dry run", "import"])
def test_the_time_grows_linearly_with_the_size_of_a_file(tmp_path, args):
    """The issue's 2.75 MB file took over 120 s in a dry run (quadratic): four times the text
    may take about four times as long, not sixteen (8: room for a busy machine)."""
    small = _import_seconds(tmp_path / "small", "short-guide", 0.4, *args)
    large = _import_seconds(tmp_path / "large", "long-guide", 1.6, *args)
    assert large < 8 * small, (small, large)
