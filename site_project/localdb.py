"""A project-local PostgreSQL cluster for when DATABASE_URL is unset.

The run and test commands (and any ``manage.py`` command) get a real PostgreSQL without
setting anything up: they call ``ensure_running``, while the settings only name the cluster,
so a web worker never starts or stops a database. The cluster lives in a git-ignored folder,
listens on a Unix socket only, and is started from the installed server binaries. PostgreSQL
refuses to run as root, so as root the server runs as the ``postgres`` user.
"""

import fcntl
import glob
import os
import pwd
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

DB_NAME = "site"
DB_USER = "postgres"


def _bin(name):
    found = shutil.which(name) or sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise RuntimeError(
            f"PostgreSQL's {name} was not found: install the PostgreSQL server "
            "(Debian: apt-get install postgresql) or set DATABASE_URL."
        )
    return found if isinstance(found, str) else found[-1]


def _as_server_user(args):
    """Run a server binary, as the postgres user when we are root."""
    if os.geteuid() == 0:
        args = ["runuser", "-u", "postgres", "--", *args]
    return subprocess.run(args, check=True, capture_output=True, text=True)


def _chown_for_server(path):
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        os.chown(path, user.pw_uid, user.pw_gid)


def default_cluster():
    """The cluster of this checkout: ``LOCAL_DB_DIR``, else ``.local/pg``."""
    default = Path(__file__).resolve().parent.parent / ".local" / "pg"
    return Path(os.environ.get("LOCAL_DB_DIR", default)).resolve()


def url_for(cluster_dir):
    path = str(Path(cluster_dir).resolve())
    return f"postgres://{DB_USER}@{quote(path, safe='')}/{DB_NAME}"


def is_running(cluster_dir):
    # pg_isready works for any user (pg_ctl status refuses root).
    return (
        subprocess.run(
            [_bin("pg_isready"), "-q", "-U", DB_USER, "-h", str(Path(cluster_dir).resolve())],
            capture_output=True,
        ).returncode
        == 0
    )


def ensure_running(cluster_dir):
    """Create (once) and start the cluster in ``cluster_dir``; return its database URL."""
    cluster_dir = Path(cluster_dir).resolve()
    data = cluster_dir / "data"
    cluster_dir.mkdir(parents=True, exist_ok=True)
    _chown_for_server(cluster_dir)
    # A lock, because several processes (gunicorn workers, a test run) may start at once.
    with open(cluster_dir / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (data / "PG_VERSION").exists():
            _as_server_user(
                [_bin("initdb"), "-D", str(data), "-U", DB_USER, "--auth=trust", "-E", "UTF8"]
            )
        if not is_running(cluster_dir):
            options = f"-c listen_addresses='' -c unix_socket_directories='{cluster_dir}'"
            try:
                _as_server_user(
                    [
                        _bin("pg_ctl"),
                        "start",
                        "-w",
                        "-D",
                        str(data),
                        "-o",
                        options,
                        "-l",
                        str(cluster_dir / "server.log"),
                    ]
                )
            except subprocess.CalledProcessError as error:
                log = (cluster_dir / "server.log").read_text(errors="replace")[-2000:]
                raise RuntimeError(f"PostgreSQL did not start: {error.stderr}\n{log}") from error
        _create_database(cluster_dir)
    return url_for(cluster_dir)


def _create_database(cluster_dir):
    exists = subprocess.run(
        [
            _bin("psql"),
            "-h",
            str(cluster_dir),
            "-U",
            DB_USER,
            "-d",
            "postgres",
            "-tAc",
            f"SELECT 1 FROM pg_database WHERE datname = '{DB_NAME}'",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not exists:
        subprocess.run(
            [_bin("createdb"), "-h", str(cluster_dir), "-U", DB_USER, DB_NAME], check=True
        )


def stop(cluster_dir):
    data = Path(cluster_dir) / "data"
    if is_running(cluster_dir):
        _as_server_user([_bin("pg_ctl"), "stop", "-m", "fast", "-D", str(data)])
        return True
    return False


def destroy(cluster_dir):
    stop(cluster_dir)
    shutil.rmtree(cluster_dir, ignore_errors=True)


if __name__ == "__main__":
    # python -m site_project.localdb start|stop|destroy DIR
    command, directory = sys.argv[1], sys.argv[2]
    if command == "start":
        print(ensure_running(directory))
    elif command == "stop":
        print("PostgreSQL stopped" if stop(directory) else "PostgreSQL was not running")
    elif command == "destroy":
        destroy(directory)
    else:
        sys.exit(f"unknown command {command!r}: use start, stop or destroy")
