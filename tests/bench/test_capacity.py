"""The capacity benchmark (bench/capacity.py): a report of medians and ratios from the cells it
was given, with failed answers counted (the figures belong in docs/capacity.md)."""

from bench import capacity
from bench.wrk import Cell


def cell(rps, p50=2.0, non_2xx=0):
    return Cell(rps=rps, p50_ms=p50, p99_ms=9.0, requests=int(rps * 3), non_2xx=non_2xx)


def test_the_report_gives_medians_side_by_side_and_the_ratio():
    options = capacity.parser().parse_args(["--rounds", "3"])
    cells = {}
    for page in capacity.PAGES:
        for mode, _ in capacity.MODES:
            cells[page, mode, 1] = [cell(100), cell(90), cell(400)]
            cells[page, mode, 2] = [cell(150), cell(160), cell(140, non_2xx=2)]
    text = capacity.render(options, cells, 99)
    assert "| `/` | front cache | 100 · 2.0 · 9.0 | 150 · 2.0 · 9.0 | ×1.50 |" in text
    assert "| `/blog/` | past the cache | 100 · 2.0 · 9.0 | 150 · 2.0 · 9.0 | ×1.50 |" in text
    assert "Non-2xx answers and socket errors in all cells: 16." in text
    assert "median of 3 interleaved rounds; 99 s in all" in text
