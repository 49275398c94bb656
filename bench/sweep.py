"""python -m bench.sweep: gunicorn's workers × threads, measured, for gunicorn.conf.py's default.

The site uncached (gunicorn directly, the page's Django caches warm, as `make bench`'s
uncached cells) under each combination, interleaved round by round so the machine's noise
lands on every combination alike; the median of the rounds. Writes docs/gunicorn-sweep.md.
"""

import argparse
import shutil
import statistics
import sys
import time
from pathlib import Path

from bench import wrk
from bench.environment import gunicorn_settings, log, prepare_database, site_env
from bench.run import DEFAULT_CLUSTER, WORK_DIR
from bench.servers import Gunicorn
from site_project import localdb


def combos(text):
    try:
        pairs = [tuple(int(n) for n in part.split("x")) for part in text.split(",")]
    except ValueError:
        pairs = []
    if not pairs or any(len(p) != 2 or not (1 <= p[0] <= 16 and 1 <= p[1] <= 8) for p in pairs):
        raise argparse.ArgumentTypeError("combinations are WORKERSxTHREADS, e.g. 2x1,5x2")
    return pairs


def parser():
    p = argparse.ArgumentParser(prog="python -m bench.sweep", description=__doc__)
    p.add_argument("--combos", type=combos, default=combos("2x1,2x2,3x1,3x2,4x2,5x1,5x2"))
    p.add_argument("--paths", default="/,/blog/,/services/fractional-cto/", help="pages")
    p.add_argument("--duration", type=int, default=3, help="seconds per cell (1 to 30)")
    p.add_argument("--rounds", type=int, default=3, help="rounds (median; 1 to 7)")
    p.add_argument("--connections", type=int, default=16, help="wrk connections")
    p.add_argument("--output", default="docs/gunicorn-sweep.md")
    p.add_argument("--cluster", default=str(DEFAULT_CLUSTER.with_name("pg-bench-sweep")))
    return p


def measure(options, env):
    paths = [p for p in options.paths.split(",") if p]
    cells = {(w, t): {path: [] for path in paths} for w, t in options.combos}
    for number in range(1, options.rounds + 1):
        for workers, threads in options.combos:
            log(f"round {number}/{options.rounds}: {workers} workers x {threads} threads")
            combo_env = {**env, "WEB_CONCURRENCY": str(workers), "GUNICORN_THREADS": str(threads)}
            with Gunicorn("site_project.wsgi:application", combo_env, ready_path="/healthz") as g:
                for path in paths:
                    # Discarded: every worker's first requests (templates, per-process caches).
                    wrk.run(g.url + path, duration=3, threads=2, connections=options.connections)
                    cell = wrk.run(
                        g.url + path,
                        duration=options.duration,
                        threads=2,
                        connections=options.connections,
                    )
                    cells[workers, threads][path].append(cell)
    return paths, cells


def render(options, paths, cells, default, seconds):
    lines = [
        "# gunicorn workers × threads",
        "",
        "Written by `make bench-gunicorn` (`python -m bench.sweep`); run it again rather than",
        "editing this file. The site uncached (gunicorn directly, Django's caches warm), "
        f"`wrk -t2 -c{options.connections} -d{options.duration}s` per page, "
        f"median of {options.rounds} interleaved rounds; {seconds} s in all, "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.",
        "",
        f"gunicorn.conf.py's default here: **{default['workers']} × {default['threads']}**.",
        "",
        "| workers × threads | " + " | ".join(f"`{p}` req/s · p99 ms" for p in paths) + " | sum |",
        "|---|" + "---:|" * (len(paths) + 1),
    ]
    totals = {}
    for combo, by_path in cells.items():
        row, total = [], 0.0
        for path in paths:
            rps = statistics.median(c.rps for c in by_path[path])
            p99 = statistics.median(c.p99_ms for c in by_path[path])
            row.append(f"{rps:,.0f} · {p99:,.0f}")
            total += rps
        totals[combo] = total
        lines.append(f"| {combo[0]} × {combo[1]} | " + " | ".join(row) + f" | {total:,.0f} |")
    best = max(totals, key=totals.get)
    here = totals.get((default["workers"], default["threads"]))
    lines += ["", f"Fastest in this run: **{best[0]} × {best[1]}** ({totals[best]:,.0f} req/s)."]
    if here:
        lines.append(f"The default gives {here / totals[best]:.0%} of it.")
    return "\n".join(lines) + "\n"


def main(argv=None):
    options = parser().parse_args(sys.argv[1:] if argv is None else argv)
    if not (1 <= options.duration <= 30 and 1 <= options.rounds <= 7):
        sys.exit("a cell lasts 1 to 30 s and there are 1 to 7 rounds")
    if not Path(options.cluster).name.startswith("pg-bench"):
        sys.exit("the cluster is destroyed before and after: its folder must be named pg-bench*")
    if not wrk.binary():
        sys.exit("the sweep needs wrk (Debian: apt-get install wrk)")
    started = time.time()
    work_dir = WORK_DIR.with_name("bench-sweep")
    shutil.rmtree(work_dir, ignore_errors=True)
    work_dir.mkdir(parents=True)
    cluster = Path(options.cluster).resolve()
    try:
        env = prepare_database(
            cluster,
            lambda url: site_env(url, "site_project.settings.dev", work_dir / "staticfiles"),
        )
        paths, cells = measure(options, env)
    finally:
        localdb.destroy(cluster)
    default = gunicorn_settings({k: v for k, v in env.items() if k != "WEB_CONCURRENCY"})
    text = render(options, paths, cells, default, round(time.time() - started))
    Path(options.output).write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
