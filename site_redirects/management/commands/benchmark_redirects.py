"""Measure what the redirect layer adds to a request, beside django-redirects' own middleware.

Builds 1,000 rules (800 exact, 100 prefix, 100 regex) in a transaction that is rolled back,
then times both middlewares on the same requests: matched (per kind) and unmatched paths,
with the database queries each makes. Results are per request, in microseconds.
"""

import os
import platform
import statistics
import time

from django.core.management.base import BaseCommand
from django.core.signals import request_finished
from django.db import close_old_connections, connection, transaction
from django.db.models.signals import post_save
from django.http import HttpResponse
from django.test import RequestFactory
from redirects.middleware import RedirectMiddleware as PackageMiddleware
from redirects.models import Redirect

from site_redirects import live_table, signals
from site_redirects.middleware import RedirectMiddleware, lookup
from site_redirects.models import RulesVersion


def make_rules():
    rules = [Redirect(old_path=f"/old/page-{i}/", new_path=f"/new/page-{i}/") for i in range(800)]
    rules += [
        Redirect(old_path=f"/legacy-{i}/", new_path=f"/section-{i}/", match="prefix")
        for i in range(100)
    ]
    rules += [
        Redirect(
            old_path=rf"^/archive-{i}/(\d{{4}})/([\w-]+)/?$", new_path="/blog/$2/", match="regex"
        )
        for i in range(100)
    ]
    return rules


PATHS = {
    "exact": lambda i: f"/old/page-{i % 800}/",
    "prefix": lambda i: f"/legacy-{i % 100}/some/deeper/page/",
    "regex": lambda i: f"/archive-{i % 100}/2021/a-post-title/",
    "unmatched": lambda i: f"/services/some-page-{i}/",
}


def percentiles(samples):
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return cuts[49], cuts[94], cuts[98]


def measure(call, paths, iterations):
    factory = RequestFactory()
    requests = [factory.get(paths(i)) for i in range(iterations)]
    samples, queries = [], []

    def count(execute, *args):
        queries.append(1)
        return execute(*args)

    with connection.execute_wrapper(count):
        for request in requests:
            start = time.perf_counter_ns()
            response = call(request)
            samples.append((time.perf_counter_ns() - start) / 1000)
            if hasattr(response, "close"):
                response.close()  # as the server does once the response is sent
    return (*percentiles(samples), len(queries) / iterations)


def machine():
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as info:
            cpu = next(line.split(":", 1)[1].strip() for line in info if "model name" in line)
    except (OSError, StopIteration):
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"


class Command(BaseCommand):
    help = "Time the redirect middleware with 1,000 rules against django-redirects' own."

    def add_arguments(self, parser):
        parser.add_argument("--iterations", type=int, default=5000, help="requests per case (ours)")
        parser.add_argument(
            "--reference-iterations",
            type=int,
            default=300,
            help="requests per case for django-redirects' middleware (it is much slower)",
        )

    def handle(self, *args, iterations, reference_iterations, **options):
        ours = RedirectMiddleware(lambda request: HttpResponse("page"))
        package = PackageMiddleware(lambda request: HttpResponse("page"))
        rows = []
        # Like Django's test client: closing a response must not close the connection (and
        # with it the transaction that holds the benchmark's rules).
        request_finished.disconnect(close_old_connections)
        try:
            self.run_cases(ours, package, iterations, reference_iterations, rows)
        finally:
            request_finished.connect(close_old_connections)
            live_table.current.reset()
        self.report(rows)

    def run_cases(self, ours, package, iterations, reference_iterations, rows):
        with transaction.atomic():
            Redirect.objects.bulk_create(make_rules())
            RulesVersion.bump()
            live_table.current.reset()
            ours(RequestFactory().get("/warm-up/"))  # loads the table, as a worker's first request
            for case, paths in PATHS.items():
                rows.append(("ours: lookup", case, *measure(lookup, paths, iterations)))
                rows.append(("ours: middleware", case, *measure(ours, paths, iterations)))
                # Its counter save() would also bump our rules' version: not its own cost.
                post_save.disconnect(signals.rules_changed, sender=Redirect)
                try:
                    reference = measure(package.process_request, paths, reference_iterations)
                finally:
                    post_save.connect(signals.rules_changed, sender=Redirect)
                rows.append(("django-redirects", case, *reference))
            transaction.set_rollback(True)

    def report(self, rows):
        self.stdout.write(f"Machine: {machine()}")
        self.stdout.write("Rules: 1000 (800 exact, 100 prefix, 100 regex)")
        self.stdout.write("")
        self.stdout.write("| middleware | path | p50 µs | p95 µs | p99 µs | queries/request |")
        self.stdout.write("|---|---|---:|---:|---:|---:|")
        for name, case, p50, p95, p99, queries in rows:
            self.stdout.write(
                f"| {name} | {case} | {p50:.1f} | {p95:.1f} | {p99:.1f} | {queries:.2f} |"
            )
