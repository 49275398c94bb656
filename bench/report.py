"""docs/performance.md from a benchmark's results (bench.run), targets as PASS/FAIL lines."""

import os
import platform
import subprocess
from datetime import UTC, datetime

from bench.servers import PROJECT

SERVER_LABELS = {
    "static": "nginx, the same bytes from disk (the limit)",
    "hello": "bare Django \u201chello\u201d, same gunicorn (the floor)",
    "front": "our site through the front cache",
    "uncached": "our site uncached (gunicorn, caches cleared)",
}
FRONT_TARGET = 0.50  # of nginx static's req/s
UNCACHED_TARGET = 0.15  # of the hello floor's req/s
QUERY_BUDGET = 8
SITEMAP_GROWTH = 1.5  # sitemap p50 at the largest size over the first
WHOLE_PAGE_CACHED = " (\u26a0 no query when repeated: the uncached cell may hit a Django cache)"


def ratio(numerator, denominator):
    return numerator / denominator if denominator else 0.0


def ratios(page):
    s = page["servers"]
    return {
        "front_of_static": ratio(s["front"]["rps"], s["static"]["rps"]),
        "uncached_of_floor": ratio(s["uncached"]["rps"], s["hello"]["rps"]),
    }


def pct(value):
    return f"{value * 100:.1f} %"


def num(value):
    return f"{value:,.0f}" if value >= 100 else f"{value:,.1f}"


def ms(value):
    return f"{value:.2f}" if value < 10 else f"{value:.1f}"


def _verdict(ok):
    return "PASS" if ok else "FAIL"


def targets(results):
    """The PASS/FAIL lines, each with the measured figures it was decided on."""
    lines = []
    # (ratio, target, what it compares, the two servers: measured / reference)
    throughput = [
        (
            "front_of_static",
            FRONT_TARGET,
            "front cache \u2265 50 % of nginx static",
            "front",
            "static",
        ),
        (
            "uncached_of_floor",
            UNCACHED_TARGET,
            "uncached \u2265 15 % of the bare Django floor",
            "uncached",
            "hello",
        ),
    ]
    for key, target, claim, measured, reference in throughput:
        for page in results["pages"]:
            r, s = ratios(page), page["servers"]
            lines.append(
                f"{_verdict(r[key] >= target)} {claim} req/s, {page['label']} (`{page['path']}`): "
                f"{pct(r[key])} ({num(s[measured]['rps'])} / {num(s[reference]['rps'])})"
            )
    # The budget's page types (the sitemap has its own target: growth, below).
    for page in (p for p in results["pages"] if p["key"] != "sitemap"):
        counts = [point["queries"][page["key"]]["first"] for point in results["growth"]]
        sizes = ", ".join(
            f"{c} at {p['live_pages']} pages"
            for c, p in zip(counts, results["growth"], strict=True)
        )
        lines.append(
            f"{_verdict(max(counts) <= QUERY_BUDGET)} \u2264 {QUERY_BUDGET} queries on a first "
            f"render, {page['label']} (`{page['path']}`): {sizes}"
        )
    growth = results["growth"]
    if len(growth) > 1 and "sitemap" in growth[0]["uncached"]:
        first, last = growth[0], growth[-1]
        grown = ratio(last["uncached"]["sitemap"]["p50_ms"], first["uncached"]["sitemap"]["p50_ms"])
        lines.append(
            f"{_verdict(grown <= SITEMAP_GROWTH)} sitemap p50 at {last['live_pages']} pages "
            f"\u2264 1.5\u00d7 its p50 at {first['live_pages']}: \u00d7{grown:.2f} (the issue "
            "asks this at 10,000 pages: `make bench SIZES=10,1000,10000`)"
        )
    return lines


def machine():
    model = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            names = [line for line in cpuinfo if line.startswith("model name")]
        model = names[0].split(":", 1)[1].strip() if names else ""
    except OSError:
        pass
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return f"{os.cpu_count()} cores ({model or platform.processor()}), load {load} at the end"


def commit():
    def git(*args):
        out = subprocess.run(["git", *args], cwd=PROJECT, capture_output=True, text=True)
        return out.stdout.strip()

    head = git("rev-parse", "--short", "HEAD")
    return f"{head}{' (with uncommitted changes)' if git('status', '--porcelain') else ''}"


def page_section(page):
    r, lines = ratios(page), []
    lines += [f"### {page['label']}: `{page['path']}`", ""]
    lines += ["| server | req/s | p50 ms | p99 ms |", "|---|---:|---:|---:|"]
    for server, label in SERVER_LABELS.items():
        cell = page["servers"][server]
        note = " \u26a0 socket errors" if cell["errors"] else ""
        lines.append(
            f"| {label}{note} | {num(cell['rps'])} | {ms(cell['p50_ms'])} | {ms(cell['p99_ms'])} |"
        )
    q = page["queries"]
    lines += [
        "",
        f"Front / nginx static: **{pct(r['front_of_static'])}**; uncached / floor: "
        f"**{pct(r['uncached_of_floor'])}**. Queries: {q['first']} on a first render, "
        f"{q['cold']} with Django's cache empty, {q['warm']} "
        f"repeated{WHOLE_PAGE_CACHED if q['warm'] == 0 else ''}. Status {page['status']}; "
        f"{page['bytes']:,} bytes, "
        f"{page['compressed_bytes']:,} compressed ({page['encoding']}); front cache "
        f"`{page['front_cache']}` after one request.",
        "",
    ]
    return lines


def summary(results):
    lines = [
        "| page | nginx static req/s | front req/s | front / static | floor req/s | "
        "uncached req/s | uncached / floor | queries first / cold | bytes | compressed |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for page in results["pages"]:
        s, r = page["servers"], ratios(page)
        lines.append(
            f"| {page['key']} `{page['path']}` | {num(s['static']['rps'])} | "
            f"{num(s['front']['rps'])} | {pct(r['front_of_static'])} | "
            f"{num(s['hello']['rps'])} | {num(s['uncached']['rps'])} | "
            f"{pct(r['uncached_of_floor'])} | {page['queries']['first']} / "
            f"{page['queries']['cold']} | {page['bytes']:,} | "
            f"{page['compressed_bytes']:,} |"
        )
    return lines


def growth_table(results):
    growth = results["growth"]
    first = growth[0]
    head = "| page |"
    rule = "|---|"
    for point in growth:
        head += f" queries @{point['live_pages']} | p50 ms @{point['live_pages']} |"
        rule += "---:|---:|"
        if point is not first:
            head += f" p50 \u00d7 @{point['live_pages']} |"
            rule += "---:|"
    lines = [head, rule]
    for page in results["pages"]:
        key = page["key"]
        row = f"| {key} `{page['path']}` |"
        for point in growth:
            p50 = point["uncached"][key]["p50_ms"]
            row += f" {point['queries'][key]['first']} | {ms(p50)} |"
            if point is not first:
                row += f" \u00d7{ratio(p50, first['uncached'][key]['p50_ms']):.2f} |"
        lines.append(row)
    sizes = ", ".join(
        f"{p['size']} \u2192 {p['live_pages']} live pages"
        + (f" (grown in {p['grow_seconds']:.0f} s)" if p["grow_seconds"] else "")
        for p in growth
    )
    return lines + ["", f"Sizes asked and reached: {sizes}."]


def render(results, command):
    o, g = results["options"], results.get("gunicorn", {})
    when = datetime.fromtimestamp(results["started"], UTC).strftime("%Y-%m-%d %H:%M UTC")
    verdicts = targets(results)
    passed = sum(line.startswith("PASS") for line in verdicts)
    wrk = f"wrk -t{o['threads']} -c{o['connections']} -d{o['duration']:g}s --latency"
    lines = [
        "# Performance",
        "",
        "Written by `make bench` (the `bench/` package); run it again rather than editing this",
        "file. Anonymous pages, measured side by side in one run on this machine.",
        "",
        "## Targets",
        "",
        f"{passed} of {len(verdicts)} pass.",
        "",
        *(f"- {line}" for line in verdicts),
        "",
        "## This run",
        "",
        f"- Date: {when}; {results['seconds']} s in all; commit {commit()}.",
        f"- Machine: {machine()}; Python {platform.python_version()}.",
        f"- Command: `{command}`"
        + (" (quick mode: figures for tests, not for decisions)" if o["quick"] else ""),
        f"- Each cell: `{wrk} URL`, {o['rounds']} round(s), the median of the rounds; "
        "interleaved page by page (the four servers back to back for each page).",
        f"- gunicorn (site and floor alike): gunicorn.conf.py, {g.get('workers', '?')} workers "
        f"\u00d7 {g.get('threads', '?')} threads, access log off, no worker recycling "
        "(GUNICORN_MAX_REQUESTS=0); settings "
        f"`{o['settings']}` with DJANGO_DEBUG=false.",
        "",
        "## Summary",
        "",
        *summary(results),
        "",
        "## Page by page",
        "",
    ]
    for page in results["pages"]:
        lines += page_section(page)
    lines += ["## Growth", "", *growth_table(results), "", *METHOD]
    return "\n".join(lines) + "\n"


METHOD = """## How it is measured

- **nginx static**: each page's bytes, fetched once from the site, saved to a folder and
  served by a plain nginx `server` block (`root` only, no cache, no compression): what
  the machine can do for these bytes. The 404 page is served there with status 200.
- **Floor**: `bench/hello.py`, a Django view returning `hello` with no middleware and no
  database, served by the same gunicorn.conf.py with the same environment.
- **Front cache**: the project's nginx (front_cache/nginx.conf.template, as `make run` starts
  it) in front of the site's gunicorn; one request fills the cache before the cell.
- **Uncached**: the site's gunicorn directly, the front bypassed. Each round starts with
  gunicorn restarted (process-local caches empty) and a shared cache (Redis) cleared; before
  each uncached cell a shared cache is cleared again and the page gets a discarded warm-up
  (workers booting, templates compiling), so the cell measures renders of a page the front
  does not hold, with whatever Django caches a render fills itself. A page whose repeated
  render makes no query is marked: its cell may be measuring a Django cache, not a render.
- **Queries**: `bench/probe.py` renders each page with Django's test client in one process on
  the same database. "First render" is the budget's case (tests/pages/test_query_budget.py):
  the page was not rendered since content last changed, while what it shares with pages of
  its kind (site, settings, menu, its parent's trail) was built by a sibling of that kind
  rendered just before, as on a running site; "with Django's cache empty" adds those shared
  parts, built once per content change for the whole site; "repeated" is the render right
  after.
- **Bytes**: the body gunicorn sends without compression; **compressed**: the body the front
  sends for `Accept-Encoding: gzip`.
- **Growth**: the throwaway site is grown with copies of the demo's pages (Wagtail's copy,
  published: 70 % posts under the blog index, the rest standard pages in sections of 250),
  then queries and uncached cells are measured again for the same pages.
- The demo site is the smallest size (its own page count, shown as reached); a page the
  front does not store (`MISS` or `BYPASS` above) is measured through the front all the same,
  as visitors would meet it.
- Everything listens on 127.0.0.1 and runs in a throwaway database (`.local/pg-bench`,
  removed afterwards); each server is stopped by the PID it was started with. wrk shares the
  machine's cores with the servers, and other work on the machine adds noise: compare ratios
  within one run rather than figures between runs.

```sh
make bench                          # sizes 10 and 1,000 pages: 6 to 10 minutes on 2 cores
make bench SIZES=10,1000,10000      # adds 10,000 pages: growing takes ~10x the 1,000 growth
make bench BENCH_ARGS="--rounds 3"  # more rounds (the median is reported); see --help
.venv/bin/python -m bench --help    # durations, connections, pages, output, --quick
```
""".splitlines()
