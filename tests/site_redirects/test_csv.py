"""CSV import and export from the command line: a round trip, and a file with a bad row."""

import csv
import os
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from redirects.models import Redirect

from site_redirects.store import save_redirect
from tests.serving import PROJECT, database_url

FIELDS = ["old_path", "new_path", "match", "type_status_code", "priority", "site", "notes"]


def rules():
    return sorted(
        (r.old_path, r.new_path, r.match, r.type_status_code, r.priority, r.site_id, r.notes)
        for r in Redirect.objects.all()
    )


def test_export_then_import_gives_back_the_same_rules(tmp_path, site, capsys):
    save_redirect("/old/", "/contact/", notes='with "quotes", commas\nand a new line')
    save_redirect("/legacy/", "/services/", match="prefix", status_code=308, site=site)
    save_redirect(r"^/p/(\d+)/$", "/blog/?p=$1", match="regex", priority=3)
    save_redirect("/gone/", "")
    before = rules()
    exported = tmp_path / "redirects.csv"
    call_command("export_redirects", str(exported))
    Redirect.objects.all().delete()

    call_command("import_redirects", str(exported))
    assert rules() == before
    assert "4 created, 0 unchanged, 0 refused." in capsys.readouterr().out

    call_command("import_redirects", str(exported))  # again: idempotent
    assert rules() == before
    assert "0 created, 4 unchanged, 0 refused." in capsys.readouterr().out


def test_export_to_standard_output_has_every_field(capsys):
    save_redirect("/old/", "/contact/", notes="n")
    call_command("export_redirects")
    rows = list(csv.DictReader(capsys.readouterr().out.splitlines()))
    assert rows[0]["old_path"] == "/old/" and rows[0]["type_status_code"] == "301"
    assert set(rows[0]) == {*FIELDS, "counter", "created_at", "updated_at"}


def test_a_bad_row_is_reported_by_line_the_good_rows_are_saved_and_the_exit_is_1(tmp_path, capsys):
    source = tmp_path / "in.csv"
    source.write_text(
        "old_path,new_path,match,type_status_code,site\n"
        "/one/,/contact/,exact,301,\n"
        "/two/,https://evil.example@x/,exact,301,\n"
        "/three/,/services/,exact,404,\n"
        "/four/,/blog/,exact,302,nowhere.example\n"
        "/five/,/blog/,prefix,302,localhost\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match="3 rows refused"):
        call_command("import_redirects", str(source))
    out = capsys.readouterr().out
    assert "2 created, 0 unchanged, 3 refused." in out
    assert "Line 3: The target contains credentials" in out
    assert "Line 4: Status 404 is not a redirect" in out
    assert "Line 5: there is no site “nowhere.example”" in out
    assert sorted(Redirect.objects.values_list("old_path", flat=True)) == ["/five/", "/one/"]


def test_the_exit_status_is_1_when_a_row_is_refused(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text("old_path,new_path\n/x/,//evil\n", encoding="utf-8")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "site_project.settings.test",
        "DATABASE_URL": database_url(connection.settings_dict),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "import_redirects", str(source)],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1, result.stderr
    assert "Line 2: The target starts with “//”" in result.stdout


def test_a_file_without_the_required_columns_is_refused(tmp_path, capsys):
    source = tmp_path / "in.csv"
    source.write_text("from,to\n/a/,/b/\n", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("import_redirects", str(source))
    assert "Line 1: the header lacks new_path, old_path" in capsys.readouterr().out
