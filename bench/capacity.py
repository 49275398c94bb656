"""python -m bench.capacity: the stack's capacity with one app instance and with two.

One throwaway stack (stack/: pgbouncer, Redis, SeaweedFS, two gunicorn instances) and two
fronts over it: one balancing over instance 1 only, one over both, measured page by page,
interleaved round by round (the median of the rounds), through the front's cache and past it
(an Authorization header makes nginx pass every request to an instance). Writes the table of
docs/capacity.md, which docs/deployment.md links.
"""

import argparse
import shutil
import statistics
import sys
import time
from pathlib import Path

from bench import wrk
from bench.environment import log
from bench.servers import free_port
from front_cache import nginx
from stack import __main__ as stack_command
from stack.layout import BUCKET, PROJECT, Layout

PAGES = ["/", "/services/fractional-cto/", "/blog/", "/blog/outgrown-first-architecture/"]
PAST_THE_CACHE = {"Authorization": "Bearer capacity-benchmark"}
MODES = (("front cache", None), ("past the cache", PAST_THE_CACHE))
FIELDS = ("rps", "p50_ms", "p99_ms")


def parser():
    p = argparse.ArgumentParser(prog="python -m bench.capacity", description=__doc__)
    p.add_argument("--duration", type=int, default=3, help="seconds per cell (1 to 30)")
    p.add_argument("--rounds", type=int, default=3, help="rounds (median; 1 to 7)")
    p.add_argument("--connections", type=int, default=16, help="wrk connections")
    p.add_argument("--output", default="docs/capacity.md")
    return p


def measure(options, fronts):
    """{(page, mode, instances): [Cell, ...]} over the rounds."""
    cells = {}
    for number in range(1, options.rounds + 1):
        log(f"round {number}/{options.rounds}")
        for page in PAGES:
            for mode, headers in MODES:
                for instances, url in fronts.items():
                    run = dict(threads=2, connections=options.connections, headers=headers)
                    if number == 1:  # discarded: fills the cache and each worker's state
                        wrk.run(url + page, duration=1, **run)
                    cell = wrk.run(url + page, duration=options.duration, **run)
                    cells.setdefault((page, mode, instances), []).append(cell)
    return cells


def render(options, cells, seconds):
    lines = [
        "# Capacity: one app instance and two",
        "",
        "Written by `make bench-stack` (`python -m bench.capacity`); run it again rather than",
        "editing this file. One stack (`make stack`'s parts, gunicorn.conf.py's default workers",
        "per instance) behind two nginx fronts, one over instance 1 alone and one over both; "
        f"`wrk -t2 -c{options.connections} -d{options.duration}s` per cell, median of "
        f"{options.rounds} interleaved rounds; {seconds} s in all, "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.",
        "",
        "| page | served | 1 instance req/s · p50 · p99 ms | 2 instances req/s · p50 · p99 ms "
        "| 2 / 1 |",
        "|---|---|---:|---:|---:|",
    ]
    for page in PAGES:
        for mode, _ in MODES:
            one, two = (
                [statistics.median(getattr(c, f) for c in cells[page, mode, n]) for f in FIELDS]
                for n in (1, 2)
            )
            lines.append(
                f"| `{page}` | {mode} | {one[0]:,.0f} · {one[1]:.1f} · {one[2]:.1f} "
                f"| {two[0]:,.0f} · {two[1]:.1f} · {two[2]:.1f} | ×{two[0] / one[0]:.2f} |"
            )
    failed = sum(c.non_2xx + c.errors for cell_list in cells.values() for c in cell_list)
    lines += ["", f"Non-2xx answers and socket errors in all cells: {failed}."]
    return "\n".join(lines) + "\n"


def main(argv=None):
    options = parser().parse_args(sys.argv[1:] if argv is None else argv)
    if not (1 <= options.duration <= 30 and 1 <= options.rounds <= 7):
        sys.exit("a cell lasts 1 to 30 s and there are 1 to 7 rounds")
    if not wrk.binary():
        sys.exit("the capacity benchmark needs wrk (Debian: apt-get install wrk)")
    started = time.time()
    run_dir = PROJECT / ".local" / "stack-bench"
    shutil.rmtree(run_dir, ignore_errors=True)
    layout = Layout.free(run_dir)
    one = run_dir / "nginx-one-instance"
    one_port = free_port()
    try:
        stack_command.start(layout)
        nginx.start(
            one,
            port=one_port,
            upstreams=[f"127.0.0.1:{layout.instance_ports()[0]}"],
            static_root=layout.path("static"),
            media_url=f"{layout.s3_url}/{BUCKET}/",
        )
        cells = measure(options, {1: f"http://127.0.0.1:{one_port}", 2: layout.url})
    finally:
        nginx.stop(one)
        stack_command.stop(layout)
        shutil.rmtree(run_dir, ignore_errors=True)
    text = render(options, cells, round(time.time() - started))
    Path(options.output).write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
