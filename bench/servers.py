"""The servers the benchmark starts on 127.0.0.1, each stopped by the PID it started.

- ``Gunicorn``: the site or the hello floor under the project's gunicorn.conf.py;
- ``StaticNginx``: plain nginx serving saved HTML from disk (the physical limit);
- ``FrontCache``: the project's own front cache (front_cache.nginx), as ``make run`` starts it.
"""

import os
import pwd
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from front_cache import nginx

PROJECT = Path(__file__).resolve().parent.parent

STATIC_CONFIG = """\
@USER@
worker_processes auto;
daemon on;
pid @RUN_DIR@/nginx.pid;
error_log @RUN_DIR@/error.log warn;
events {
    worker_connections 4096;
}
http {
    default_type text/html;
    access_log off;
    server_tokens off;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 15s;
    client_body_temp_path @RUN_DIR@/client_body;
    proxy_temp_path @RUN_DIR@/proxy;
    fastcgi_temp_path @RUN_DIR@/fastcgi;
    uwsgi_temp_path @RUN_DIR@/uwsgi;
    scgi_temp_path @RUN_DIR@/scgi;
    server {
        listen 127.0.0.1:@PORT@;
        root @ROOT@;
    }
}
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url, headers=None, timeout=30):
    """(status, headers, body bytes) of a GET, error statuses included."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def wait_until_up(url, alive=lambda: True, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not alive():
            raise RuntimeError(f"the server for {url} exited early")
        try:
            fetch(url, timeout=5)
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"nothing answered at {url} within {timeout}s")


class Gunicorn:
    """gunicorn serving ``app`` (a WSGI path) with gunicorn.conf.py and ``env``."""

    def __init__(self, app, env, *, port=None, ready_path="/", log=None):
        self.app, self.env, self.ready_path = app, env, ready_path
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        self.process = None

    def start(self):
        environment = {
            **self.env,
            "PORT": str(self.port),
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "GUNICORN_ACCESS_LOG": "/dev/null",
        }
        output = open(self.log, "ab") if self.log else subprocess.DEVNULL  # noqa: SIM115
        command = [sys.executable, "-m", "gunicorn", self.app, "-c", "gunicorn.conf.py"]
        self.process = subprocess.Popen(
            command, cwd=PROJECT, env=environment, stdout=output, stderr=output
        )
        if self.log:
            output.close()
        wait_until_up(self.url + self.ready_path, lambda: self.process.poll() is None)
        return self

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        # gunicorn's quick shutdown, by our PID: nothing is in flight between cells, and a
        # graceful one would wait for the front's idle keep-alive connections.
        self.process.send_signal(signal.SIGQUIT)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def restart(self):
        """A fresh master and workers: every process-local cache starts empty."""
        self.stop()
        return self.start()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def _worker_dirs(run_dir):
    """nginx's temporary folders; as root its workers run as www-data, which must own them."""
    run_dir.mkdir(parents=True, exist_ok=True)
    for name in nginx.TEMP_DIRS:
        folder = run_dir / name
        folder.mkdir(exist_ok=True)
        if os.geteuid() == 0:
            owner = pwd.getpwnam(nginx.WORKER_USER)
            os.chown(folder, owner.pw_uid, owner.pw_gid)


class StaticNginx:
    """nginx serving the files of ``root`` as they are: the same bytes, from disk."""

    def __init__(self, run_dir, root, *, port=None):
        self.run_dir, self.root = Path(run_dir).resolve(), Path(root).resolve()
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"

    def _pid(self):
        try:
            pid = int((self.run_dir / "nginx.pid").read_text().strip())
            os.kill(pid, 0)
            return pid
        except (OSError, ValueError):
            return None

    def __enter__(self):
        _worker_dirs(self.run_dir)
        values = {
            "USER": f"user {nginx.WORKER_USER};" if os.geteuid() == 0 else "",
            "RUN_DIR": str(self.run_dir),
            "PORT": str(self.port),
            "ROOT": str(self.root),
        }
        text = STATIC_CONFIG
        for name, value in values.items():
            text = text.replace(f"@{name}@", value)
        config = self.run_dir / "nginx.conf"
        config.write_text(text, encoding="utf-8")
        binary = nginx.nginx_binary()
        command = [
            binary,
            "-c",
            str(config),
            "-p",
            str(self.run_dir),
            "-e",
            str(self.run_dir / "error.log"),
        ]
        subprocess.run([*command, "-t", "-q"], check=True)
        subprocess.run(command, check=True)
        wait_until_up(self.url + "/")
        return self

    def __exit__(self, *exc):
        pid = self._pid()
        if pid is None:
            return
        os.kill(pid, signal.SIGQUIT)
        deadline = time.monotonic() + 10
        while self._pid() is not None and time.monotonic() < deadline:
            time.sleep(0.05)
        if self._pid() is not None:
            os.kill(pid, signal.SIGTERM)


class FrontCache:
    """The project's front cache (nginx proxy cache) in front of ``upstream``."""

    def __init__(self, run_dir, upstream, *, static_root, media_root, port=None):
        self.run_dir = Path(run_dir).resolve()
        self.upstream, self.static_root, self.media_root = upstream, static_root, media_root
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        if not nginx.available():
            raise RuntimeError(
                "nginx with the cache-purge module is missing "
                "(Debian: apt-get install nginx libnginx-mod-http-cache-purge)"
            )
        nginx.start(
            self.run_dir,
            port=self.port,
            upstreams=[self.upstream],
            static_root=Path(self.static_root).resolve(),
            media_root=Path(self.media_root).resolve(),
        )
        return self

    def __exit__(self, *exc):
        nginx.stop(self.run_dir)
