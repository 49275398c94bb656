"""Stopping a program by its PID file stops that program and never another (`make stop` stops
`make run`'s gunicorn by the PID file it wrote; a crash can leave the file naming a reused PID)."""

import subprocess
import sys

from stack import processes

SLEEPER = [sys.executable, "-c", "import time; time.sleep(60)"]


def test_the_program_named_by_its_pid_file_is_stopped(tmp_path):
    pid_file = tmp_path / "gunicorn.pid"
    sleeper = subprocess.Popen(SLEEPER)
    try:
        pid_file.write_text(str(sleeper.pid))
        assert processes.stop(pid_file, program="time.sleep")
        assert sleeper.wait(timeout=5) is not None
        assert not pid_file.exists()
    finally:
        sleeper.kill()


def test_a_pid_file_naming_another_program_stops_nothing(tmp_path):
    pid_file = tmp_path / "gunicorn.pid"
    stranger = subprocess.Popen(SLEEPER)
    try:
        pid_file.write_text(str(stranger.pid))  # as if gunicorn died and its PID was reused
        assert not processes.stop(pid_file, program="gunicorn")
        assert stranger.poll() is None  # still running
        assert not pid_file.exists()  # the stale file is gone
    finally:
        stranger.kill()
        stranger.wait(timeout=5)
