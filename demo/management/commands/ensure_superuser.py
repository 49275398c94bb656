"""Create a superuser from DJANGO_SUPERUSER_* when given, else say how to create one."""

import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create a superuser from DJANGO_SUPERUSER_USERNAME / _PASSWORD / _EMAIL if set."

    def add_arguments(self, parser):
        parser.add_argument(
            "--manage",
            default=".venv/bin/python manage.py",
            help="How the hint runs manage.py against this database (the stack has its own).",
        )

    def handle(self, *args, **options):
        username = os.environ.get("DJANGO_SUPERUSER_USERNAME")
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD")
        user_model = get_user_model()
        if not (username and password):
            if not user_model.objects.filter(is_superuser=True).exists():
                self.stdout.write(
                    "No admin user yet. Create one with:\n"
                    f"  {options['manage']} createsuperuser\n"
                    "or run with DJANGO_SUPERUSER_USERNAME, DJANGO_SUPERUSER_PASSWORD "
                    "(and DJANGO_SUPERUSER_EMAIL) set."
                )
            return
        if user_model.objects.filter(username=username).exists():
            self.stdout.write(f"Superuser {username!r} already exists.")
            return
        user_model.objects.create_superuser(
            username=username, email=os.environ.get("DJANGO_SUPERUSER_EMAIL", ""), password=password
        )
        self.stdout.write(self.style.SUCCESS(f"Created superuser {username!r}."))
