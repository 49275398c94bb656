"""python -m stack start|stop|status: see stack/__init__.py and docs/deployment.md."""

import argparse
import dataclasses
import os
import subprocess
import sys
from pathlib import Path

from stack import services
from stack.layout import PROJECT, Layout


def backing_services(layout):
    return [
        services.Database(layout),
        services.Cache(layout),
        services.ObjectStore(layout),
        services.Pooler(layout),
    ]


def site_processes(layout):
    return [
        *(services.Instance(layout, n) for n in range(1, layout.instances + 1)),
        services.Scheduler(layout),
        services.Front(layout),
    ]


def prepare_site(layout):
    """Schema, static files, demo content (its images into the bucket), an admin if asked."""
    # DDL goes to PostgreSQL directly; nothing to purge while the front is not up yet.
    env = {**os.environ, **layout.site_environment(through_pooler=False), "FRONT_CACHE_URLS": ""}
    for command in (
        ["migrate", "--noinput"],
        ["collectstatic", "--noinput", "--verbosity", "0"],
        ["load_demo_content", "--if-empty"],
        ["ensure_superuser"],
    ):
        subprocess.run([sys.executable, "manage.py", *command], env=env, cwd=PROJECT, check=True)


def start(layout):
    try:
        for part in backing_services(layout):
            print(f"starting {part.name}", flush=True)
            part.start()
        prepare_site(layout)
        for part in site_processes(layout):
            print(f"starting {part.name}", flush=True)
            part.start()
    except BaseException:
        stop(layout)
        raise


def stop(layout):
    """Stop every part this folder knows of, whatever the number of instances."""
    instances = len(list(layout.run_dir.glob("app-*")))
    layout = dataclasses.replace(layout, instances=max(instances, layout.instances))
    for part in reversed(backing_services(layout) + site_processes(layout)):
        if part.stop():
            print(f"stopped {part.name}", flush=True)


def status(layout):
    for part in backing_services(layout) + site_processes(layout):
        print(f"{part.name:10} {'running' if part.running() else 'stopped'}")


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m stack")
    parser.add_argument("action", choices=["start", "stop", "status"])
    parser.add_argument("--dir", default=".local/stack", type=Path)
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--instances", type=int, default=2)
    args = parser.parse_args(argv)
    layout = Layout(args.dir, args.port, args.instances)
    if args.action == "start":
        start(layout)
        print(f"The stack serves {layout.url}/ ({layout.instances} instances); `make stop` ends it")
    elif args.action == "stop":
        stop(layout)
    else:
        status(layout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
