from django.core.management.base import BaseCommand, CommandError

from pages.demo import has_site_content, load_demo_site


class Command(BaseCommand):
    help = "Load the demo site (home, services, explainer, blog, contact, images)."

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
        home = load_demo_site()
        self.stdout.write(self.style.SUCCESS(f"Demo content loaded under {home.title!r}."))
