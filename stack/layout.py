"""Where each part of the stack lives: its folder, its ports, and the environment the site's
processes get. Ports follow the front's: PORT, then the instances on PORT+1..., the others at
fixed offsets, so two stacks on different PORTs never meet."""

import json
import secrets
import socket
from dataclasses import dataclass
from pathlib import Path

from site_project import localdb

PROJECT = Path(__file__).resolve().parent.parent
BUCKET = "media"
# The S3 user the site writes with (the stack's own, local to this machine).
ACCESS_KEY = "site"
# Offsets from the front's port.
INSTANCE_OFFSET = 1
PGBOUNCER_OFFSET = 10
REDIS_OFFSET = 11
S3_OFFSET = 20  # and the next 7 ports for SeaweedFS's master, volume and filer (HTTP + gRPC)


@dataclass(frozen=True)
class Layout:
    run_dir: Path
    port: int = 8000
    instances: int = 2
    # How often the scheduler runs publish_scheduled (a minute, as a cron line would).
    schedule_seconds: float = 60

    @classmethod
    def free(cls, run_dir, **options):
        """A layout whose every port is free now (tests)."""
        for _ in range(200):
            port = secrets.randbelow(20000) + 20000
            layout = cls(Path(run_dir), port, **options)
            if all(_is_free(p) for p in layout.all_ports()):
                return layout
        raise RuntimeError("no free range of ports for a stack")

    def all_ports(self):
        return [
            self.port,
            *self.instance_ports(),
            self.pgbouncer_port,
            self.redis_port,
            *range(self.s3_port, self.s3_port + 8),
        ]

    def instance_ports(self):
        return [self.port + INSTANCE_OFFSET + n for n in range(self.instances)]

    @property
    def pgbouncer_port(self):
        return self.port + PGBOUNCER_OFFSET

    @property
    def redis_port(self):
        return self.port + REDIS_OFFSET

    @property
    def s3_port(self):
        return self.port + S3_OFFSET

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    @property
    def s3_url(self):
        return f"http://127.0.0.1:{self.s3_port}"

    @property
    def database_dir(self):
        return (self.run_dir / "pg").resolve()

    def path(self, name):
        return (self.run_dir / name).resolve()

    def secrets(self):
        """The stack's secret key and S3 secret: made once, kept in its folder."""
        file = self.path("secrets.json")
        if not file.exists():
            self.run_dir.mkdir(parents=True, exist_ok=True)
            values = {"SECRET_KEY": secrets.token_urlsafe(50), "S3_SECRET": secrets.token_hex(20)}
            file.write_text(json.dumps(values))
            file.chmod(0o600)
        return json.loads(file.read_text())

    def site_environment(self, through_pooler=True):
        """What every process of the site gets: the same for every instance."""
        values = self.secrets()
        direct = localdb.url_for(self.database_dir)
        pooled = f"postgres://{localdb.DB_USER}@127.0.0.1:{self.pgbouncer_port}/{localdb.DB_NAME}"
        return {
            "DJANGO_SETTINGS_MODULE": "site_project.settings.dev",
            "DJANGO_DEBUG": "false",
            "SECRET_KEY": values["SECRET_KEY"],
            "DATABASE_URL": pooled if through_pooler else direct,
            "DATABASE_POOL_MODE": "transaction" if through_pooler else "",
            "REDIS_URL": f"redis://127.0.0.1:{self.redis_port}/0",
            "MEDIA_S3_BUCKET": BUCKET,
            "MEDIA_S3_ENDPOINT_URL": self.s3_url,
            "MEDIA_S3_ACCESS_KEY_ID": ACCESS_KEY,
            "MEDIA_S3_SECRET_ACCESS_KEY": values["S3_SECRET"],
            "MEDIA_URL": "/media/",
            "FRONT_CACHE_URLS": self.url,
            "WAGTAILADMIN_BASE_URL": self.url,
            "STATIC_ROOT": str(self.path("static")),
        }


def _is_free(port):
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True
