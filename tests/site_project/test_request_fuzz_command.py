"""The bounded fuzz command (python -m site_project.request_fuzz) against a real gunicorn.

Raw sockets, so gunicorn meets the malformed heads and lying lengths too. The site serves a
copy of the test database in a cluster of its own: the run posts forms and fails sign-ins,
and those rows must not outlive it into other tests.
"""

import re
import subprocess
import sys

import pytest
from django.db import connection

from site_project import localdb
from tests.serving import PROJECT, database_copy, free_port, gunicorn

REQUESTS = 1000


@pytest.fixture
def served(django_db_setup):
    with database_copy(connection.settings_dict, "fuzz") as copy:
        env = {"DJANGO_SETTINGS_MODULE": "site_project.settings.test"}
        with gunicorn({**env, "DATABASE_URL": localdb.url_for(copy)}, workers=2) as url:
            yield url


def fuzz(*args):
    command = [sys.executable, "-m", "site_project.request_fuzz", *args]
    return subprocess.run(command, cwd=PROJECT, capture_output=True, text=True, timeout=300)


def test_a_thousand_generated_requests_against_gunicorn_are_never_a_5xx(served):
    result = fuzz("--url", served, "--requests", str(REQUESTS), "--seed", "7", "--seconds", "240")
    assert result.returncode == 0, result.stdout + result.stderr
    counts = {k: int(n) for k, n in re.findall(r"^  (\w+): (\d+)$", result.stdout, re.M)}
    assert sum(counts.values()) == REQUESTS, result.stdout
    assert not any(k.startswith("5") for k in counts), result.stdout
    # The run reached pages, Django's refusals and gunicorn's own.
    assert {"200", "400", "403", "404", "405", "414"} <= counts.keys(), result.stdout
    assert f"{REQUESTS} requests in" in result.stdout
    assert "5xx: 0, unexplained drops: 0" in result.stdout


def test_a_5xx_or_a_dropped_answer_fails_the_run():
    # Nothing listens on a freshly closed port: every request is a drop, the exit code 1.
    result = fuzz("--url", f"http://127.0.0.1:{free_port()}", "--requests", "20")
    assert result.returncode == 1
    assert "unexplained drops: " in result.stdout and "FAILED (closed)" in result.stdout


def test_it_only_sends_to_this_machine():
    result = fuzz("--url", "http://example.com", "--requests", "1")
    assert result.returncode != 0 and "127.0.0.1" in result.stderr
