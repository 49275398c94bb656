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


MANAGE = (
    ".venv/bin/python -m stack manage"  # manage.py against the stack's database, bucket and cache
)


def manage(layout, arguments, check=True):
    """manage.py with the stack's environment. DDL goes to PostgreSQL directly, and nothing is
    purged: the front may not be up yet, and a command's changes purge through the pages'
    own hooks only when run by an instance."""
    env = {**os.environ, **layout.site_environment(through_pooler=False), "FRONT_CACHE_URLS": ""}
    command = [sys.executable, "manage.py", *arguments]
    return subprocess.run(command, env=env, cwd=PROJECT, check=check).returncode


def prepare_site(layout):
    """Schema, static files, demo content (its images into the bucket), the site's root URL,
    an admin if asked."""
    for command in (
        ["migrate", "--noinput"],
        ["collectstatic", "--noinput", "--verbosity", "0"],
        ["load_demo_content", "--if-empty"],
        ["set_site_url", layout.url],
        ["ensure_superuser", "--manage", MANAGE],
    ):
        manage(layout, command)


def start(layout):
    layout.remember()
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
    parser = argparse.ArgumentParser(
        prog="python -m stack", epilog="e.g. python -m stack manage createsuperuser"
    )
    parser.add_argument("action", choices=["start", "stop", "status", "manage"])
    parser.add_argument("--dir", default=".local/stack", type=Path)
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--instances", type=int, default=2)
    args, manage_arguments = parser.parse_known_args(argv)  # manage: the rest is manage.py's
    if manage_arguments and args.action != "manage":
        parser.error(f"unrecognized arguments: {' '.join(manage_arguments)}")
    if args.action == "start":
        layout = Layout(args.dir, args.port, args.instances)
        start(layout)
        print(f"The stack serves {layout.url}/ ({layout.instances} instances); `make stop` ends it")
        return 0
    # Any other action meets the stack on the ports it was started on.
    layout = Layout.of_running(args.dir, port=args.port, instances=args.instances)
    if args.action == "stop":
        stop(layout)
    elif args.action == "manage":
        return manage(layout, manage_arguments, check=False)
    else:
        status(layout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
