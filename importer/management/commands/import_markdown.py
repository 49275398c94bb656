"""import_markdown DIR [--media DIR] [--under URL_PATH] [--map FILE] [--blog URL_PATH]
                   [--title-key KEY] [--strict] [--dry-run]

Exit code 0 when every file imported, 1 when any failed (or, with --strict, when an old URL
clashes with an existing page), 2 for bad arguments.
"""

from django.core.management.base import BaseCommand, CommandError

from importer.report import ProgressBar, format_clashes, format_plan, format_summary
from importer.run import ImportArgumentError, plan_import, run_import


class Command(BaseCommand):
    help = "Import an Eleventy (11ty) folder of Markdown files into the page tree."

    def add_arguments(self, parser):
        parser.add_argument("source", metavar="DIR", help="The folder of .md files to import.")
        parser.add_argument(
            "--media",
            metavar="DIR",
            help="Where image paths such as /public/images/x.jpeg are looked up (default: DIR).",
        )
        parser.add_argument(
            "--under",
            metavar="URL_PATH",
            default="/",
            help="Place root-level pages under the page at this address (default: home).",
        )
        parser.add_argument(
            "--map",
            metavar="FILE",
            help="A YAML file mapping layouts, types and folders to page types.",
        )
        parser.add_argument(
            "--blog",
            metavar="URL_PATH",
            help="The blog index that blog posts go under (default: a blog index created for "
            "the import beside the imported pages, unless the import has its own).",
        )
        parser.add_argument(
            "--strict",
            action="store_true",
            help="Exit with 1 when an old URL clashes with an existing page.",
        )
        parser.add_argument(
            "--title-key",
            metavar="KEY",
            default="",
            help="A front-matter key that titles pages without `title` (after "
            "eleventyNavigation.key, before the first # heading and the file name).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Print the plan and write nothing."
        )

    def handle(self, *args, **options):
        try:
            plan = plan_import(
                options["source"],
                media_dir=options["media"],
                under=options["under"],
                map_file=options["map"],
                title_key=options["title_key"],
                blog=options["blog"],
            )
        except ImportArgumentError as error:
            raise CommandError(str(error), returncode=2) from error
        if options["dry_run"]:
            self.stdout.write(format_plan(plan))
            self.stdout.write(format_clashes(plan), ending="")
            self.stdout.write("Dry run: nothing was written.")
            failed = [step for step in plan.all_steps() if step.action == "fail"]
            failed += [entry for entry in plan.entries if entry.source.error is not None]
        else:
            results = run_import(plan, ProgressBar())
            self.stdout.write(format_clashes(plan), ending="")
            self.stdout.write(format_summary(results, plan.media.imported_count()))
            failed = [result for result in results if result.status == "failed"]
        if failed:
            raise CommandError(f"{len(failed)} of the files could not be imported", returncode=1)
        if plan.clashes and options["strict"]:
            raise CommandError(
                f"{len(plan.clashes)} old URLs clash with existing pages (--strict)", returncode=1
            )
