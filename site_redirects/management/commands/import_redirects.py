from django.core.management.base import BaseCommand, CommandError

from site_redirects.csv_io import import_csv


class Command(BaseCommand):
    help = "Import redirect rules from a CSV file (see the README); exit 1 if a row is refused."

    def add_arguments(self, parser):
        parser.add_argument("file", help="a CSV file with a header row")

    def handle(self, *args, file, **options):
        try:
            with open(file, encoding="utf-8-sig", newline="") as stream:
                report = import_csv(stream)
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"{file}: {error}") from error
        for line in report.lines():
            self.stdout.write(line)
        if report.refused:
            raise CommandError(f"{file}: {len(report.refused)} rows refused")
