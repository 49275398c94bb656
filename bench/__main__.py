"""python -m bench: measure the site side by side with its limits and write docs/performance.md."""

import argparse
import json
import signal
import sys
from pathlib import Path

from bench import report, run, wrk
from bench.probe import KINDS


def sizes(text):
    values = [int(part) for part in text.split(",") if part.strip()]
    if not values or values != sorted(values) or values[0] < 1:
        raise argparse.ArgumentTypeError("sizes are increasing page counts, e.g. 10,1000")
    return values


def page_keys(text):
    keys = [part.strip() for part in text.split(",") if part.strip()]
    known = {key for key, _ in KINDS}
    if unknown := set(keys) - known:
        raise argparse.ArgumentTypeError(
            f"unknown pages {', '.join(sorted(unknown))}: use {', '.join(k for k, _ in KINDS)}"
        )
    return keys


def parser():
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    p.add_argument("--quick", action="store_true", help="1 s cells, 4 connections, one size")
    p.add_argument("--sizes", type=sizes, default=None, help="page counts (default 10,1000)")
    p.add_argument("--pages", type=page_keys, default=None, help="e.g. home,post (default all)")
    p.add_argument("--duration", type=int, default=None, help="seconds per cell (default 3)")
    p.add_argument("--warmup", type=int, default=None, help="discarded s before uncached (1)")
    p.add_argument("--rounds", type=int, default=1, help="rounds of cells (median; default 1)")
    p.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    p.add_argument("--connections", type=int, default=None, help="wrk connections (16)")
    p.add_argument("--output", default="docs/performance.md", help="the report to write")
    p.add_argument("--json", default=None, help="also write the raw results here")
    p.add_argument("--cluster", default=str(run.DEFAULT_CLUSTER), help="throwaway cluster")
    p.add_argument("--keep-database", action="store_true", help="keep the cluster afterwards")
    p.add_argument(
        "--database-url", default=None, help="measure this database as it is (no growth)"
    )
    p.add_argument("--settings", default="site_project.settings.dev", help="settings module")
    p.add_argument("--work-dir", default=str(run.WORK_DIR), help="run folder (under .local/)")
    p.add_argument("--static-root", default=None, help="collected static files to serve")
    p.add_argument("--grow-timeout", type=int, default=7200, help="seconds for one growth")
    return p


def options_from(argv):
    p = parser()
    options = p.parse_args(argv)
    if options.quick:
        options.duration = options.duration or 1
        options.connections = options.connections or 4
        options.sizes = options.sizes or [10]
    options.duration = options.duration or 3
    options.connections = options.connections or 16
    options.warmup = options.warmup or 1
    options.sizes = options.sizes or [10, 1000]
    if options.database_url and len(options.sizes) > 1:
        p.error("growth needs the throwaway cluster: drop --database-url or give one size")
    if not options.database_url and not Path(options.cluster).name.startswith("pg-bench"):
        p.error("the cluster is destroyed before and after: its folder must be named pg-bench*")
    if not 1 <= options.rounds <= 10 or not 1 <= options.duration <= 60:
        p.error("rounds are 1 to 10 and a cell lasts 1 to 60 s (wrk counts whole seconds)")
    return options


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    options = options_from(argv)
    if not wrk.binary():
        sys.exit("make bench needs wrk (Debian: apt-get install wrk)")
    # A TERM (make interrupted, a timeout) unwinds like Ctrl-C: every server is stopped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    results = run.run(options)
    command = " ".join(["python -m bench", *argv])
    output = Path(options.output)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(report.render(results, command), encoding="utf-8")
    if options.json:
        Path(options.json).write_text(json.dumps(results, indent=1), encoding="utf-8")
    for line in report.targets(results):
        print(line)
    print(f"Written to {output} in {results['seconds']} s.")


if __name__ == "__main__":
    main()
