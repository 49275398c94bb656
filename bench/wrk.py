"""Run wrk against one URL and read its figures (requests per second, p50 and p99 latency)."""

import re
import shutil
import subprocess
from dataclasses import dataclass

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}
LATENCY = re.compile(r"^\s*(50|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s|m|h)\s*$", re.M)
RATE = re.compile(r"^Requests/sec:\s+([\d.]+)", re.M)
TOTAL = re.compile(r"^\s*(\d+) requests in ([\d.]+)(us|ms|s|m|h)", re.M)
NON_2XX = re.compile(r"Non-2xx or 3xx responses:\s+(\d+)")
SOCKET_ERRORS = re.compile(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")


class WrkError(RuntimeError):
    pass


@dataclass
class Cell:
    """One measurement: a server and a page for a few seconds."""

    rps: float
    p50_ms: float
    p99_ms: float
    requests: int
    non_2xx: int = 0
    errors: int = 0

    def as_dict(self):
        return {
            "rps": self.rps,
            "p50_ms": self.p50_ms,
            "p99_ms": self.p99_ms,
            "requests": self.requests,
            "non_2xx": self.non_2xx,
            "errors": self.errors,
        }


def binary():
    return shutil.which("wrk") or shutil.which("wrk", path="/usr/bin:/usr/local/bin")


def parse(text):
    """A Cell from wrk's output with ``--latency``; WrkError when figures are missing."""
    latencies = {
        int(percent): float(value) * UNITS[unit] for percent, value, unit in LATENCY.findall(text)
    }
    rate, total = RATE.search(text), TOTAL.search(text)
    if not rate or not total or set(latencies) != {50, 99}:
        raise WrkError(f"unexpected wrk output:\n{text}")
    non_2xx = NON_2XX.search(text)
    errors = SOCKET_ERRORS.search(text)
    return Cell(
        rps=float(rate.group(1)),
        p50_ms=latencies[50],
        p99_ms=latencies[99],
        requests=int(total.group(1)),
        non_2xx=int(non_2xx.group(1)) if non_2xx else 0,
        errors=sum(int(n) for n in errors.groups()) if errors else 0,
    )


def run(url, *, duration=3, threads=2, connections=16, timeout="5s", headers=None):
    """Measure ``url`` (127.0.0.1 only) for ``duration`` whole seconds; return a Cell."""
    if not url.startswith("http://127.0.0.1:"):
        raise ValueError(f"the benchmark only talks to 127.0.0.1, not {url}")
    command = [
        binary() or "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{int(duration)}s",
        f"--timeout={timeout}",
        "--latency",
        *(f"-H{name}: {value}" for name, value in (headers or {}).items()),
        url,
    ]
    try:
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=duration + 30, check=False
        )
    except FileNotFoundError as error:
        raise WrkError("wrk is not installed (Debian: apt-get install wrk)") from error
    if result.returncode != 0:
        raise WrkError(f"wrk failed on {url}: {result.stderr or result.stdout}")
    return parse(result.stdout)
