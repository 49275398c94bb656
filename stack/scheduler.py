"""Run Wagtail's ``publish_scheduled`` every ``--interval`` seconds, for ever (the stack's
stand-in for a cron line or a systemd timer: docs/deployment.md). Publishing purges the front
through the usual receivers, so a scheduled page goes live with nobody in the admin."""

import argparse
import logging
import os
import signal
import sys
import time

logger = logging.getLogger("stack.scheduler")


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m stack.scheduler")
    parser.add_argument("--interval", type=float, default=60)
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_project.settings.dev")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connections

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    while True:
        started = time.monotonic()
        try:
            call_command("publish_scheduled")
        except Exception:  # a database outage: log it and try again next time
            logger.exception("publish_scheduled failed")
        finally:
            connections.close_all()
        time.sleep(max(0.0, args.interval - (time.monotonic() - started)))


if __name__ == "__main__":
    main()
