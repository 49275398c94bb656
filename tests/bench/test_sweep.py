"""The gunicorn sweep (bench/sweep.py): its options, and a report whose verdict comes from the
figures it was given (the figures themselves belong in docs/gunicorn-sweep.md)."""

import argparse

import pytest

from bench import sweep
from bench.wrk import Cell


def test_combinations_are_workers_by_threads_within_bounds():
    assert sweep.combos("2x1,5x2") == [(2, 1), (5, 2)]
    for bad in ("2", "2x", "0x1", "2x9", "axb", "17x1"):
        with pytest.raises(argparse.ArgumentTypeError):
            sweep.combos(bad)


def cell(rps):
    return Cell(rps=rps, p50_ms=10.0, p99_ms=40.0, requests=int(rps * 3))


def test_the_report_names_the_fastest_and_what_the_default_gives():
    options = sweep.parser().parse_args(["--combos", "2x1,5x2", "--rounds", "3"])
    cells = {
        (2, 1): {"/": [cell(100), cell(120), cell(300)], "/blog/": [cell(50)] * 3},
        (5, 2): {"/": [cell(80), cell(90), cell(70)], "/blog/": [cell(40)] * 3},
    }
    text = sweep.render(options, ["/", "/blog/"], cells, {"workers": 5, "threads": 2}, 42)
    assert "| 2 × 1 | 120 · 40 | 50 · 40 | 170 |" in text  # medians, then the sum
    assert "| 5 × 2 | 80 · 40 | 40 · 40 | 120 |" in text
    assert "Fastest in this run: **2 × 1** (170 req/s)." in text
    assert "The default gives 71% of it." in text
