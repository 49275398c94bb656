"""Start the site under gunicorn on a free 127.0.0.1 port, for tests about real serving."""

import contextlib
import os
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

from site_project import localdb
from stack.services import GUNICORN

PROJECT = Path(__file__).resolve().parent.parent


def database_url(db):
    """A DATABASE_URL for the database of a Django ``settings_dict``, for child processes."""
    host = quote(db["HOST"] or "", safe="")
    port = f":{db['PORT']}" if db.get("PORT") else ""
    password = f":{quote(db['PASSWORD'])}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{host}{port}/{db['NAME']}"


@contextlib.contextmanager
def database_copy(db, name):
    """A cluster of its own holding a copy of the database of ``db`` (a ``settings_dict``),
    for tests that stop it or write to it from other processes; removed afterwards. In the
    project's .local/, which the postgres user can reach (pytest's tmp is private)."""
    cluster = PROJECT / ".local" / f"pg-{name}-{os.getpid()}"
    localdb.destroy(cluster)
    try:
        localdb.ensure_running(cluster)
        dump = subprocess.run(
            [localdb._bin("pg_dump"), "--no-owner", "-h", db["HOST"], "-U", db["USER"], db["NAME"]],
            capture_output=True,
            check=True,
        ).stdout
        subprocess.run(
            [
                localdb._bin("psql"),
                "-q",
                "-h",
                str(cluster),
                "-U",
                localdb.DB_USER,
                localdb.DB_NAME,
            ],
            input=dump,
            capture_output=True,
            check=True,
        )
        yield cluster
    finally:
        localdb.destroy(cluster)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url, process, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited early with code {process.returncode}")
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except urllib.error.HTTPError:
            return  # it answered, even if with an error status
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer at {url} within {timeout}s")


@contextlib.contextmanager
def gunicorn(env, workers=2, port=None):
    """Yield the base URL of a gunicorn serving the project with the given environment."""
    port = port or free_port()
    environment = {
        **os.environ,
        **env,
        "PORT": str(port),
        "WEB_CONCURRENCY": str(workers),
        "GUNICORN_ACCESS_LOG": "/dev/null",
    }
    process = subprocess.Popen(GUNICORN, cwd=PROJECT, env=environment)
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base_url + "/healthz", process)
        yield base_url
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def fetch(base_url, path, headers=None):
    """(status, Retry-After, body) of one GET; a connection that fails is status 0."""
    request = urllib.request.Request(base_url + path, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers.get("Retry-After"), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Retry-After"), error.read()
    except OSError as error:
        return 0, None, str(error).encode()


class Load:
    """Two threads requesting ``paths`` in turn until stopped (at most 3,000 requests, 60 s),
    recording (time, path, status, Retry-After, body) for every answer."""

    def __init__(self, base_url, paths, headers=None):
        self.base_url, self.paths, self.headers = base_url, paths, headers
        self.answers, self.done = [], threading.Event()
        self.threads = [threading.Thread(target=self.run, args=(n,)) for n in range(2)]

    def run(self, offset):
        deadline = time.monotonic() + 60
        for count in range(1500):
            if self.done.is_set() or time.monotonic() > deadline:
                return
            path = self.paths[(count + offset) % len(self.paths)]
            answer = fetch(self.base_url, path, self.headers)
            self.answers.append((time.monotonic(), path, *answer))
            time.sleep(0.01)

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.done.set()
        for thread in self.threads:
            thread.join()

    def between(self, start, end):
        return [answer for answer in self.answers if start <= answer[0] < end]
