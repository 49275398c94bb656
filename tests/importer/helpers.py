"""Running the import command in tests, reading its summary, writing source files."""

import io
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import CommandError

SITES = Path(__file__).resolve().parent / "sites"
CONSULTANCY = SITES / "consultancy"


def run_import(*args):
    """(exit code, stdout) of import_markdown with ``args``."""
    out = io.StringIO()
    try:
        call_command("import_markdown", *map(str, args), stdout=out, stderr=io.StringIO())
    except CommandError as error:
        return error.returncode, out.getvalue()
    return 0, out.getvalue()


def result_of(output, label):
    """The result column of ``label``'s row in the summary table."""
    for line in output.splitlines():
        if line.split()[:1] == [label]:
            return line.split()[1]
    raise AssertionError(f"{label} is not in the summary:\n{output}")


def write(folder, path, text):
    """Write ``text`` to ``folder / path``, making its folders; returns ``folder``."""
    file = folder / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text)
    return folder
