"""Start and stop the project's own nginx: the front cache of `make run`, `make stack`, tests.

    python -m front_cache.nginx start RUN_DIR --port 8000 --upstream 127.0.0.1:8001 [...]
    python -m front_cache.nginx stop RUN_DIR

The configuration is nginx.conf.template rendered into RUN_DIR with the port, the upstream
gunicorn instances and the static and media folders. Debian's nginx and its cache-purge module
are required; ``available()`` says whether they are installed. As root the workers run as
``www-data``, which then owns the cache folders.
"""

import argparse
import os
import pwd
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parent / "nginx.conf.template"
MODULES = Path("/usr/lib/nginx/modules")
PURGE_MODULE = MODULES / "ngx_http_cache_purge_module.so"
BROTLI_MODULE = MODULES / "ngx_http_brotli_filter_module.so"
TEMP_DIRS = ("cache", "media-cache", "client_body", "proxy", "fastcgi", "uwsgi", "scgi")
WORKER_USER = "www-data"
BROTLI = """    brotli on;
    brotli_comp_level 5;
    brotli_min_length 512;
    brotli_types text/css text/plain text/xml application/javascript application/json
                 application/xml application/rss+xml application/atom+xml image/svg+xml;"""
# Media from an object store's bucket (its public, anonymous read URL), read-only, and kept.
MEDIA_FROM_STORE = """            limit_except GET {{ deny all; }}
            proxy_pass {url};
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Cookie "";
            proxy_set_header Authorization "";
            proxy_hide_header Set-Cookie;
            proxy_ignore_headers Set-Cookie Cache-Control Expires;
            proxy_cache media;
            proxy_cache_valid 200 30d;
            proxy_cache_valid 403 404 10s;
            proxy_cache_use_stale error timeout http_500 http_502 http_503 http_504;
            proxy_cache_lock on;"""


def nginx_binary():
    return shutil.which("nginx") or (
        "/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None
    )


def available():
    """nginx and the purge module are installed (Debian: nginx libnginx-mod-http-cache-purge)."""
    return nginx_binary() is not None and PURGE_MODULE.exists()


def render(
    run_dir, *, port, upstreams, static_root, media_root=None, media_url=None, purge_from=()
):
    """The configuration text for these settings. Media come from the folder ``media_root``
    or, with ``media_url`` (a bucket's base URL ending in /), from an object store."""
    modules = [f"load_module {PURGE_MODULE};"]
    if BROTLI_MODULE.exists():
        modules.append(f"load_module {BROTLI_MODULE};")
    as_root = os.geteuid() == 0
    values = {
        "MODULES": "\n".join(modules),
        "USER": f"user {WORKER_USER};" if as_root else "",
        "RUN_DIR": str(run_dir),
        "PORT": str(port),
        # A failed instance is left alone for 5 s after 3 failures (passive health check).
        "UPSTREAMS": "\n".join(
            f"        server {address} max_fails=3 fail_timeout=5s;" for address in upstreams
        ),
        "STATIC_ROOT": str(static_root),
        "MEDIA_SOURCE": (
            MEDIA_FROM_STORE.format(url=media_url)
            if media_url
            else f"            alias {media_root}/;"
        ),
        "BROTLI": BROTLI if BROTLI_MODULE.exists() else "",
        "PURGE_FROM": "\n".join(f"            allow {address};" for address in purge_from),
    }
    text = TEMPLATE.read_text(encoding="utf-8")
    for name, value in values.items():
        text = text.replace(f"@{name}@", value)
    return text


def _prepare(run_dir):
    run_dir.mkdir(parents=True, exist_ok=True)
    owner = pwd.getpwnam(WORKER_USER) if os.geteuid() == 0 else None
    for name in TEMP_DIRS:
        folder = run_dir / name
        folder.mkdir(exist_ok=True)
        if owner:
            os.chown(folder, owner.pw_uid, owner.pw_gid)


def _pid(run_dir):
    try:
        pid = int((Path(run_dir) / "nginx.pid").read_text().strip())
        os.kill(pid, 0)
        return pid
    except (OSError, ValueError):
        return None


def running(run_dir):
    return _pid(run_dir) is not None


def start(run_dir, **settings):
    """(Re)start nginx for ``run_dir`` with ``settings`` (see ``render``); waits until it runs."""
    run_dir = Path(run_dir).resolve()
    stop(run_dir)
    _prepare(run_dir)
    config = run_dir / "nginx.conf"
    config.write_text(render(run_dir, **settings), encoding="utf-8")
    command = [
        nginx_binary(),
        "-c",
        str(config),
        "-p",
        str(run_dir),
        "-e",
        str(run_dir / "error.log"),
    ]
    subprocess.run([*command, "-t", "-q"], check=True)
    subprocess.run(command, check=True)
    deadline = time.monotonic() + 5
    while _pid(run_dir) is None:
        if time.monotonic() > deadline:
            raise RuntimeError(f"nginx did not start: see {run_dir / 'error.log'}")
        time.sleep(0.05)


def stop(run_dir):
    """Stop the nginx of ``run_dir`` if it runs (by the PID it wrote); True if one was stopped."""
    pid = _pid(run_dir)
    if pid is None:
        return False
    os.kill(pid, signal.SIGQUIT)  # graceful: finish the requests in flight
    deadline = time.monotonic() + 10
    while _pid(run_dir) is not None and time.monotonic() < deadline:
        time.sleep(0.05)
    if _pid(run_dir) is not None:
        os.kill(pid, signal.SIGTERM)
    return True


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m front_cache.nginx")
    parser.add_argument("action", choices=["start", "stop", "available"])
    parser.add_argument("run_dir", nargs="?", default=".local/nginx")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--upstream", action="append", default=[], help="host:port, repeatable")
    parser.add_argument("--static-root", default="staticfiles")
    parser.add_argument("--media-root", default="media")
    parser.add_argument("--media-url", help="read /media/ from this bucket URL instead")
    parser.add_argument("--purge-from", action="append", default=[], help="address or CIDR")
    args = parser.parse_args(argv)
    if args.action == "available":
        return 0 if available() else 1
    if args.action == "stop":
        print("nginx stopped" if stop(args.run_dir) else "nginx was not running")
        return 0
    start(
        args.run_dir,
        port=args.port,
        upstreams=args.upstream or ["127.0.0.1:8001"],
        static_root=Path(args.static_root).resolve(),
        media_root=Path(args.media_root).resolve(),
        media_url=args.media_url,
        purge_from=args.purge_from,
    )
    print(f"nginx serves http://127.0.0.1:{args.port}/ in front of {', '.join(args.upstream)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
