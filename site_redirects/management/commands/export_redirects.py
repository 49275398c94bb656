from django.core.management.base import BaseCommand

from site_redirects.csv_io import write_csv


class Command(BaseCommand):
    help = "Export every redirect rule as CSV, to FILE or standard output."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="where to write (default: standard output)")

    def handle(self, *args, file=None, **options):
        if file is None:
            write_csv(self.stdout)
            return
        with open(file, "w", encoding="utf-8", newline="") as stream:
            write_csv(stream)
        self.stderr.write(f"Redirects written to {file}")
