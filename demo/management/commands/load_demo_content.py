from django.core.management.base import BaseCommand, CommandError

from demo.loader import DemoContentError, has_site_content, load_demo_site
from importer.report import format_summary


class Command(BaseCommand):
    help = "Load the demo site (demo/site/, Markdown) through the Markdown importer."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing when the site already has content."
        )

    def handle(self, *args, **options):
        if has_site_content():
            if options["if_empty"]:
                self.stdout.write("The site already has content: demo content not loaded.")
                return
            raise CommandError(
                "The site already has a home page: demo content is for an empty site."
            )
        try:
            results = load_demo_site()
        except DemoContentError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(format_summary(results))
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
