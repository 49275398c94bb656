"""The stress benchmark: pathological Markdown at the limits, through the whole page render.

``python -m markdown_dialect.stress`` renders every shape of ``SHAPES`` at ``MAX_CHARS`` (and
``MAX_DEPTH``) as a page save does (``stored.store``: render, attributes, heading ids,
sanitiser) plus the reading time a view works out, and prints the worst time per shape.
``--json FILE`` records the figures. docs/markdown-limits.md has the results and the target.

Times are the CPU time of this process (the best of ``--repeat`` runs), so other work on the
machine does not inflate them; the wall time of the same run is printed beside it.
"""

import argparse
import json
import sys
import time

from .limits import MAX_CHARS, MAX_DEPTH
from .render import _render_body, body_reading_time
from .stored import load, store
from .validate import check


def fill(unit: str, size: int = MAX_CHARS) -> str:
    """``unit`` repeated to exactly ``size`` characters."""
    return (unit * (size // len(unit) + 1))[:size]


def nested(kinds: str, size: int = MAX_CHARS) -> str:
    """Lines at every depth from 1 to MAX_DEPTH, over and over; level ``d`` is a list ("-") or
    a quote (">") as ``kinds`` cycles."""
    lines, inside = [], ""
    for depth in range(MAX_DEPTH):
        kind = kinds[depth % len(kinds)]
        lines.append(f"{inside}{kind} item *a* [b](c){{.x}}")
        inside += "  " if kind == "-" else "> "
    return fill("\n".join(lines) + "\n\n", size)


def _rows(size: int) -> str:
    return "| a | b | c |\n|---|:-:|--:|\n" + fill("| *x* | [y](z) | `w` |\n", size - 30)


def _ticks(size: int) -> str:
    return "".join("`" * n + "a" for n in range(1, size))[:size]


# name -> variants (each a text of at most MAX_CHARS); the worst variant counts.
SHAPES: dict[str, tuple[str, ...]] = {
    "images ![": (fill("!["), fill("![a")),
    "brackets [": (fill("["), fill("[a"), fill("[ ")),
    "brackets [ far apart": tuple(fill("[" + "*" * k) for k in (20, 100, 555, 2000)),
    "nested [[a]]": ("[" * (MAX_CHARS // 2) + "a" + "]" * (MAX_CHARS // 2 - 1),),
    "closers ]": (fill("]"), fill("[]("), fill("[ (]("), fill("](")),
    "nested images": ("![" * 600 + "a" + "](x)" * 600,),
    "html <a ": (fill("<a "), fill("<a href=x>"), fill("</a>")),
    "html inline tags": (fill("<b>"), fill("<span>"), fill("<em><strong>"), fill("<!--")),
    "html blocks": (fill("<div>\n"), fill("<div>\n\n"), fill("<table><tr><td>\n\n")),
    "emphasis * _": (fill("*"), fill("_"), fill("*a"), fill("_a "), fill("*a **a "), fill("**_")),
    "emphasis with {.a}": (fill("*a*{.b} "), fill("*a*{.b}")),
    "backticks": (fill("`"), fill("`a"), _ticks(MAX_CHARS)),
    "curlies {": (fill("{"), fill("{.a"), fill("a{.b}"), fill("{.a}"), fill("{#a b=c ")),
    "curlies on lines": (fill("a\n{.b}\n"), fill("- a\n{.x}\n"), fill("- a{.b}\n")),
    "reference definitions": (
        fill("[r]: /u\n"),
        "".join(f"[r{i}]: /u{i}\n" for i in range(MAX_CHARS // 12))[: MAX_CHARS // 2]
        + fill("[r1] [r2][] ", MAX_CHARS // 2),
    ),
    "tables": (_rows(MAX_CHARS), "|" + "a|" * 300 + "\n|" + "-|" * 300 + "\n" + fill("|x", 8790)),
    "entities": (fill("&amp;"), fill("&#"), fill("&#x1F600;"), fill("&nosuch;")),
    "lists at max depth": (nested("-"), nested("-", 4000) * 2),
    "quotes at max depth": (nested(">"), fill(">" * MAX_DEPTH + " a\n")),
    "lists and quotes at max depth": (nested("->"), nested(">-")),
    "headings": (fill("# a\n"), fill("## a-2\n## a\n"), fill("# a{#a}\n")),
    "autolinks and <": (fill("<http://a"), fill("<"), fill("<a@b.c>")),
    "escapes": (fill("\\"), fill("\\*")),
    "prose (baseline)": (fill("Plain words in a paragraph, *some* [linked](/x/). "),),
}


def measure(text: str, repeat: int) -> tuple[float, float]:
    """(CPU, wall) seconds of a save's render and a view's reading time: best of ``repeat``."""
    cpu = wall = float("inf")
    for _ in range(repeat):
        _render_body.cache_clear()  # each run renders afresh
        started_cpu, started_wall = time.process_time(), time.perf_counter()
        body_reading_time(load(store([text]), [text]))
        cpu = min(cpu, time.process_time() - started_cpu)
        wall = min(wall, time.perf_counter() - started_wall)
    return cpu, wall


def run(repeat: int = 3) -> dict[str, dict]:
    """Per shape: its worst variant's CPU and wall seconds and length. Every variant must be
    one the editor form accepts: the target is for accepted input."""
    results = {}
    for name, variants in SHAPES.items():
        worst = None
        for text in variants:
            if problem := check(text):
                raise ValueError(f"{name}: a variant is refused ({problem})")
            cpu, wall = measure(text, repeat)
            if worst is None or cpu > worst["cpu"]:
                worst = {"cpu": cpu, "wall": wall, "chars": len(text)}
        results[name] = worst
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per text (best is kept)")
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--target", type=float, default=0.2, help="seconds; exit 1 above it")
    args = parser.parse_args(argv)
    results = run(args.repeat)
    print(f"{'shape':<32}{'chars':>7}{'cpu ms':>9}{'wall ms':>9}")
    for name, worst in results.items():
        print(
            f"{name:<32}{worst['chars']:>7}{worst['cpu'] * 1000:>9.0f}{worst['wall'] * 1000:>9.0f}"
        )
    slowest = max(results, key=lambda name: results[name]["cpu"])
    worst_ms, target_ms = results[slowest]["cpu"] * 1000, args.target * 1000
    print(f"worst: {slowest}, {worst_ms:.0f} ms (target {target_ms:.0f} ms)")
    if args.json:
        with open(args.json, "w") as out:
            json.dump(results, out, indent=2)
    return 0 if results[slowest]["cpu"] < args.target else 1


if __name__ == "__main__":
    sys.exit(main())
