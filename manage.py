#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_project.settings.dev")
    production = os.environ["DJANGO_SETTINGS_MODULE"].endswith(".production")
    if not os.environ.get("DATABASE_URL") and not production:
        # The project's commands start the local cluster; the settings themselves never do.
        from site_project import localdb

        localdb.ensure_running(localdb.default_cluster())
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
