"""``make bench-import``: how fast import_markdown is, written to docs/import-speed.md.

In a throwaway cluster (``.local/pg-bench-import``, removed afterwards) with the demo site
loaded, it imports a generated 11ty site of 1,000 ordinary files (folders, directory data with
a templated permalink, dated post names, headings, lists, links, a fence, template code) and
then one 3 MB file, timing the plan and the writes; then the 1,000 files again (nothing to
change). Targets: >= 20 files/s for the site, < 5 s for the 3 MB file.

    python -m importer.bench [--files 1000] [--megabytes 3] [--keep] [--no-write]
"""

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
CLUSTER = PROJECT / ".local" / "pg-bench-import"
REPORT = PROJECT / "docs" / "import-speed.md"
TARGET_FILES_PER_SECOND = 20
TARGET_BIG_FILE_SECONDS = 5

PARAGRAPH = (
    "Delivery leaders meet a team where it is, *listen* first and change one habit at a "
    "time; the [guide](/guide/) and the [notes](other-{n}.md) say how, with **care**."
)


def page_text(number, folder):
    words = " ".join([PARAGRAPH.replace("{n}", str(number))] * 4)
    nav = f"eleventyNavigation:\n  key: Page {number}\n  parent: {folder.title()}\n"
    front = f"---\ntitle: Page {number} of {folder}\ntags: [notes, {folder}]\n"
    front += nav if number % 3 == 0 else ""
    front += "---\n\n"
    body = [
        f"## Why {number} matters\n\n{words}\n",
        "- one point\n- another point with `code`\n  - a nested point\n",
        f"### In practice\n\n{words}\n",
        '```python\ndef plan(week):\n    return {"focus": week}\n```\n',
        "{% include 'cta.njk' %}\n" if number % 10 == 0 else "",
        f"> A quote about step {number}.{{.larger}}\n",
    ]
    return front + "\n".join(body)


def generate_site(root, files):
    """``files`` Markdown files in ten folders, a posts/ folder with dated names."""
    folders = [f"section-{n}" for n in range(9)] + ["posts"]
    for folder in folders:
        (root / folder).mkdir(parents=True)
        index = f"---\ntitle: {folder.title()}\neleventyNavigation:\n  key: {folder.title()}\n---\n"
        (root / folder / "index.md").write_text(index + "\nThe section.\n")
    (root / "posts" / "posts.json").write_text(
        json.dumps(
            {"layout": "post.njk", "tags": "posts", "permalink": "/blog/{{ title | slugify }}/"}
        )
    )
    for number in range(files - len(folders)):
        folder = folders[number % len(folders)]
        name = (
            f"2024-01-{number % 28 + 1:02d}-post-{number}"
            if folder == "posts"
            else f"page-{number}"
        )
        (root / folder / f"{name}.md").write_text(page_text(number, folder))


PROSE = (
    "A long guide reads like a book: sentences that explain one idea after another, a term "
    "in *italics* now and then, and a link to [the glossary](/glossary/) where a word needs "
    "it. Most of its lines are plain words, which is what makes it long rather than dense. "
)


def big_file(path, megabytes):
    """One file of ``megabytes`` MB: chapters of prose, lists, quotes and fences."""
    parts, size, number = ["---\ntitle: A very long guide\n---\n\n"], 0, 0
    while size < megabytes * 1_000_000:
        text = (
            f"## Chapter {number}\n\n{PROSE * 3}\n\n{PROSE * 2}\n\n"
            "- a point to remember\n- another, with `code`\n\n"
            f"> {PROSE}\n\n"
            + ("```python\ndef step(n):\n    return n + 1\n```\n\n" if number % 4 == 0 else "")
            + f"### Summary {number}\n\n{PROSE}\n"
        )
        parts.append(text)
        size += len(text) + 1
        number += 1
    path.write_text("\n".join(parts))
    return path.stat().st_size


def timed_import(folder):
    """(seconds for plan + writes, results) of importing ``folder`` under the home page."""
    from importer.run import plan_import, run_import

    began, cpu = time.perf_counter(), time.process_time()
    results = run_import(plan_import(folder))
    return time.perf_counter() - began, time.process_time() - cpu, results


def measure(files, megabytes):
    """Runs inside the benchmark's database (the child process)."""
    import django

    django.setup()
    out = {}
    with tempfile.TemporaryDirectory() as temporary:
        site = Path(temporary) / "site"
        generate_site(site, files)
        load = os.getloadavg()[0]
        seconds, cpu, results = timed_import(site)
        failed = [r.label for r in results if r.status == "failed"]
        pages = sum(r.status == "created" for r in results)
        out["site"] = {"files": files, "seconds": seconds, "cpu": cpu, "created": pages}
        out["site"] |= {"failed": failed, "load": [load, os.getloadavg()[0]]}
        seconds, _, results = timed_import(site)
        unchanged = sum(r.status == "unchanged" for r in results)
        out["rerun"] = {"seconds": seconds, "unchanged": unchanged}
        big = Path(temporary) / "big"
        big.mkdir()
        size = big_file(big / "long-guide.md", megabytes)
        seconds, _, results = timed_import(big)
        out["big"] = {
            "bytes": size,
            "seconds": seconds,
            "status": [r.status for r in results],
        }
    print("BENCH-JSON " + json.dumps(out))


def report(result, files):
    site, rerun, big = result["site"], result["rerun"], result["big"]
    rate = site["files"] / site["seconds"]
    rerun_rate = site["files"] / rerun["seconds"]
    ok_rate = rate >= TARGET_FILES_PER_SECOND
    ok_big = big["seconds"] < TARGET_BIG_FILE_SECONDS and big["status"] == ["created"]
    cpu = platform.processor() or platform.machine()
    lines = [
        "# Import speed",
        "",
        "Written by `make bench-import` (`importer/bench.py`) on this machine "
        f"({os.cpu_count()} cores, {cpu}, Python {platform.python_version()}), "
        f"{time.strftime('%Y-%m-%d')}.",
        "",
        "| what | result | target | |",
        "|---|---|---|---|",
        f"| {files:,} generated files, first import (plan + writes) | "
        f"{site['seconds']:.1f} s, **{rate:.1f} files/s** ({site['created']:,} pages created) | "
        f">= {TARGET_FILES_PER_SECOND} files/s | {'pass' if ok_rate else 'FAIL'} |",
        f"| the same files: CPU time of the importer's process (not PostgreSQL's) | "
        f"{site['cpu']:.1f} s, {site['files'] / site['cpu']:.1f} files per CPU second | | |",
        f"| the same files again (nothing changes) | {rerun['seconds']:.1f} s, "
        f"{rerun_rate:.1f} files/s ({rerun['unchanged']:,} unchanged) | | |",
        f"| one file of {big['bytes'] / 1e6:.1f} MB | **{big['seconds']:.2f} s** "
        f"({', '.join(big['status'])}) | < {TARGET_BIG_FILE_SECONDS} s | "
        f"{'pass' if ok_big else 'FAIL'} |",
        "",
        "The generated files are ~3 KB each: front matter (a third with eleventyNavigation), "
        "headings, paragraphs with links (one to another `.md` file), a nested list, a Python "
        "fence (highlighted at save), a quote with `{.class}`, and every tenth an `{% include %}` "
        "(a draft revision with a notice). One folder of ten is `posts/` with dated names and a "
        "directory data file giving a templated permalink. The big file is "
        "chapters of prose (a link and an italic term per paragraph), lists, quotes and a fence "
        "every fourth chapter; it becomes ~300 Markdown blocks of at most 10,000 characters.",
        "",
        f"The machine is shared: its load average was {site['load'][0]:.1f} when the import "
        f"began and {site['load'][1]:.1f} when it ended (2 cores; above 2, the import waited "
        "for a core).",
        "",
        "Each page is its own transaction (page, revision, publication, redirects, the "
        "ImportedPage row); the time grows linearly with the number and size of the files.",
        "",
    ]
    return "\n".join(lines), ok_rate and ok_big and not site["failed"]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--megabytes", type=float, default=3)
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--keep", action="store_true", help="Keep the throwaway cluster.")
    parser.add_argument("--no-write", action="store_true", help="Print, do not write the doc.")
    args = parser.parse_args(argv)
    if args.measure:
        return measure(args.files, args.megabytes)

    from site_project import localdb

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "site_project.settings.dev",
        "FRONT_CACHE_URLS": "",
    }
    env.pop("DATABASE_URL", None)
    env["LOCAL_DB_DIR"] = str(CLUSTER)
    localdb.destroy(CLUSTER)
    try:
        env["DATABASE_URL"] = localdb.ensure_running(CLUSTER)
        media = tempfile.mkdtemp(prefix="bench-import-media-")
        env["MEDIA_ROOT"] = media
        manage = [sys.executable, "manage.py"]
        for command in (["migrate", "--noinput", "--verbosity", "0"], ["load_demo_content"]):
            subprocess.run(manage + command, cwd=PROJECT, env=env, check=True, capture_output=True)
        child = subprocess.run(
            [sys.executable, "-m", "importer.bench", "--measure", "--files", str(args.files)]
            + ["--megabytes", str(args.megabytes)],
            cwd=PROJECT,
            env=env,
            capture_output=True,
            text=True,
        )
        answer = [line for line in child.stdout.splitlines() if line.startswith("BENCH-JSON ")]
        if child.returncode != 0 or not answer:
            print(child.stdout, child.stderr, file=sys.stderr)
            return 1
        result = json.loads(answer[-1].removeprefix("BENCH-JSON "))
    finally:
        if not args.keep:
            localdb.destroy(CLUSTER)
            shutil.rmtree(env.get("MEDIA_ROOT", ""), ignore_errors=True)
    text, passed = report(result, args.files)
    print(text)
    if not args.no_write:
        REPORT.write_text(text)
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
