"""The benchmark (bench/): wrk's figures are read right, the tree grows, and a quick run on
two pages of the test database writes a report whose ratios come from its own measurements.
No timing is asserted: the figures belong in docs/performance.md, not in tests."""

import json
import os
import re
import shutil
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection
from wagtail.models import Page

from bench import report, wrk
from bench.grow import grow
from blog.models import BlogIndexPage, BlogPage
from tests.serving import PROJECT, database_url

WRK_OUTPUT = """\
Running 3s test @ http://127.0.0.1:8000/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.52ms    2.10ms  41.00ms   93.00%
    Req/Sec     6.01k   512.00     7.00k    70.00%
  Latency Distribution
     50%  850.00us
     75%    1.20ms
     90%    2.50ms
     99%    1.02s
  35880 requests in 3.00s, 290.12MB read
  Socket errors: connect 0, read 2, write 0, timeout 3
  Non-2xx or 3xx responses: 12
Requests/sec:  11960.12
Transfer/sec:     96.70MB
"""
SERVER_LABELS = list(report.SERVER_LABELS.values())


def test_wrk_output_is_read_with_its_units():
    cell = wrk.parse(WRK_OUTPUT)
    assert cell.rps == 11960.12
    assert cell.p50_ms == pytest.approx(0.85)
    assert cell.p99_ms == pytest.approx(1020.0)
    assert (cell.requests, cell.non_2xx, cell.errors) == (35880, 12, 5)


def test_wrk_output_without_a_latency_distribution_is_refused():
    with pytest.raises(wrk.WrkError):
        wrk.parse(WRK_OUTPUT.replace("     99%    1.02s\n", ""))


def test_wrk_is_only_pointed_at_this_machine():
    with pytest.raises(ValueError):
        wrk.run("http://example.com/", duration=1)


def test_growth_adds_live_posts_and_pages_out_of_the_menus():
    live = Page.objects.live().filter(depth__gt=1)
    before, posts = live.count(), BlogPage.objects.live().count()
    result = grow(before + 12)
    assert result["live_pages"] == live.count() == before + 12
    assert BlogPage.objects.live().child_of(BlogIndexPage.objects.get()).count() > posts
    library = Page.objects.get(slug="bench-library")
    assert not library.show_in_menus
    assert library.get_descendants().live().exists()


def _number(text):
    return float(text.replace(",", "").replace("%", "").strip())


@pytest.fixture(scope="module")
def quick_run(django_db_setup, tmp_path_factory):
    """A quick run on home and the 404 against the test database (committed demo site)."""
    if not wrk.binary():
        pytest.fail("wrk is not installed (Debian: apt-get install wrk); `make test` installs it")
    out = tmp_path_factory.mktemp("bench")
    work_dir = PROJECT / ".local" / f"bench-test-{os.getpid()}"  # nginx's workers read it
    command = [
        sys.executable,
        "-m",
        "bench",
        "--quick",
        "--pages",
        "home,404",
        "--database-url",
        database_url(connection.settings_dict),
        "--settings",
        "site_project.settings.test",
        "--static-root",
        str(PROJECT / "static"),
        "--work-dir",
        str(work_dir),
        "--output",
        str(out / "performance.md"),
        "--json",
        str(out / "results.json"),
    ]
    env = {**os.environ, "MEDIA_ROOT": str(settings.MEDIA_ROOT), "WEB_CONCURRENCY": "2"}
    try:
        result = subprocess.run(
            command, cwd=PROJECT, env=env, capture_output=True, text=True, timeout=120
        )
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)
    assert result.returncode == 0, result.stderr[-3000:]
    return (
        (out / "performance.md").read_text(encoding="utf-8"),
        json.loads((out / "results.json").read_text(encoding="utf-8")),
        result.stdout,
    )


def test_every_page_is_measured_on_all_four_servers(quick_run):
    _, results, _ = quick_run
    assert [page["key"] for page in results["pages"]] == ["home", "404"]
    for page in results["pages"]:
        servers = page["servers"]
        assert set(servers) == {"static", "hello", "front", "uncached"}
        for name in ("static", "hello", "front"):
            assert servers[name]["rps"] > 0 and servers[name]["rounds"][0]["requests"] > 0
        assert servers["static"]["non_2xx"] == servers["hello"]["non_2xx"] == 0
        assert page["front_cache"] == "HIT"
        assert page["bytes"] > page["compressed_bytes"] > 0
        queries = page["queries"]
        assert queries["cold"] >= queries["first"] >= queries["warm"] >= 0
    statuses = {page["key"]: page["status"] for page in results["pages"]}
    assert statuses == {"home": 200, "404": 404}


def test_the_report_shows_each_page_with_ratios_from_its_figures(quick_run):
    text, results, _ = quick_run
    for heading in ("## Targets", "## This run", "## Summary", "## Page by page", "## Growth"):
        assert heading in text
    assert f"{os.cpu_count()} cores" in text
    assert "python -m bench --quick --pages home,404" in text
    for page in results["pages"]:
        servers = page["servers"]
        section = text.split(f"`{page['path']}`\n\n| server |", 1)[1].split("###", 1)[0]
        rows = re.findall(r"^\| (.+?) \| ([\d,.]+) \| ([\d.]+) \| ([\d.]+) \|$", section, re.M)
        assert [label.removesuffix(" \u26a0 socket errors") for label, *_ in rows] == SERVER_LABELS
        for (_, rps, _, _), name in zip(rows, servers, strict=True):
            assert _number(rps) == pytest.approx(servers[name]["rps"], rel=0.01, abs=0.1)
        front = servers["front"]["rps"] / servers["static"]["rps"]
        floor = servers["uncached"]["rps"] / servers["hello"]["rps"]
        assert f"Front / nginx static: **{front * 100:.1f} %**" in section
        assert f"uncached / floor: **{floor * 100:.1f} %**" in section


def test_targets_are_pass_or_fail_lines_decided_on_the_figures(quick_run):
    text, results, stdout = quick_run
    lines = [line[2:] for line in text.splitlines() if re.match(r"- (PASS|FAIL) ", line)]
    assert len(lines) == 3 * len(results["pages"])  # front, floor and queries for each page
    assert lines == report.targets(results)
    assert stdout.splitlines()[: len(lines)] == lines
    for page in results["pages"]:
        queries = page["queries"]["first"]
        verdict = "PASS" if queries <= report.QUERY_BUDGET else "FAIL"
        assert any(
            line.startswith(f"{verdict} \u2264 8 queries") and f"`{page['path']}`" in line
            for line in lines
        )
