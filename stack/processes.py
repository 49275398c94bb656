"""Start a program in the background with its PID in a file, and stop exactly that program.

    python -m stack.processes stop PID_FILE [--program NAME]   (`make stop`: `make run`'s gunicorn)

Each program starts in a session of its own, so stopping it ends its children too (gunicorn's
workers) and nothing else; the PID file is checked against the running process's session so a
stale file never names someone else's process.
"""

import argparse
import contextlib
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path


def start(pid_file, command, *, env=None, log=None, cwd=None):
    """Run ``command`` in a new session, its output to ``log``; write and return its PID."""
    pid_file = Path(pid_file)
    pid_file.parent.mkdir(parents=True, exist_ok=True)
    with open(log or os.devnull, "ab") as output:
        process = subprocess.Popen(
            command,
            env={**os.environ, **(env or {})},
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    pid_file.write_text(str(process.pid))
    return process.pid


def running_pid(pid_file, program=None):
    """The PID in ``pid_file`` if that process still runs (a zombie does not) and, given
    ``program``, its command line names it (a stale file may name a reused PID); else None."""
    try:
        pid = int(Path(pid_file).read_text().strip())
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except (OSError, ValueError, IndexError):
        return None
    if state in ("Z", "X") or (program and program not in command):
        return None
    return pid


def stop(pid_file, *, group=True, timeout=15, program=None):
    """Stop the process of ``pid_file`` (and its session's processes when ``group``): TERM,
    then KILL after ``timeout`` seconds. True if something was stopped."""
    pid = running_pid(pid_file, program)
    if pid is None:
        Path(pid_file).unlink(missing_ok=True)
        return False
    _signal(pid, signal.SIGTERM, group)
    deadline = time.monotonic() + timeout
    while running_pid(pid_file, program) is not None and time.monotonic() < deadline:
        _reap(pid)
        time.sleep(0.05)
    if running_pid(pid_file, program) is not None:
        _signal(pid, signal.SIGKILL, group)
        time.sleep(0.2)
        _reap(pid)
    Path(pid_file).unlink(missing_ok=True)
    return True


def kill(pid_file):
    """A crash, for fault tests: SIGKILL to the whole session, no goodbye."""
    pid = running_pid(pid_file)
    if pid is not None:
        _signal(pid, signal.SIGKILL, True)
        time.sleep(0.2)
        _reap(pid)
    return pid


def _signal(pid, sig, group):
    try:
        if group and os.getpgid(pid) == pid:
            os.killpg(pid, sig)
        else:
            os.kill(pid, sig)
    except ProcessLookupError:
        pass


def _reap(pid):
    """Collect a child of ours that has exited (only the caller's own children)."""
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def wait_for_port(port, timeout=30, what="a server"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            sock.settimeout(0.5)
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"{what} did not listen on 127.0.0.1:{port} within {timeout} s")


def wait_for_url(url, timeout=60, what="a server", pid_file=None):
    """Wait until ``url`` answers 200; fail early if the process of ``pid_file`` died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if pid_file and running_pid(pid_file) is None:
            raise RuntimeError(f"{what} exited before answering at {url}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (OSError, urllib.error.HTTPError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{what} did not answer 200 at {url} within {timeout} s")


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m stack.processes")
    parser.add_argument("action", choices=["stop"])
    parser.add_argument("pid_file")
    parser.add_argument("--program", help="stop it only if its command line names this")
    args = parser.parse_args(argv)
    if stop(args.pid_file, program=args.program):
        print(f"stopped {args.program or 'the process'} of {args.pid_file}")


if __name__ == "__main__":
    main()
