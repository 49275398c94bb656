"""The benchmark command runs, measures both middlewares and leaves no rule behind (its
figures are in docs/redirects.md; no timing is asserted here)."""

import re

from django.core.management import call_command
from redirects.models import Redirect


def test_the_benchmark_reports_both_middlewares_and_rolls_back(capsys):
    call_command("benchmark_redirects", iterations=40, reference_iterations=5)
    out = capsys.readouterr().out
    assert "Rules: 1000 (800 exact, 100 prefix, 100 regex)" in out
    rows = re.findall(
        r"^\| (.+?) \| (\w+) \| [\d.]+ \| [\d.]+ \| [\d.]+ \| ([\d.]+) \|$", out, re.M
    )
    queries = {(name, case): float(q) for name, case, q in rows}
    assert len(queries) == 12
    assert queries[("ours: lookup", "unmatched")] == 0
    assert queries[("ours: middleware", "unmatched")] == 0
    assert queries[("ours: middleware", "exact")] == 1  # the hit counter, after the response
    assert queries[("django-redirects", "unmatched")] >= 1
    assert not Redirect.objects.exists()
