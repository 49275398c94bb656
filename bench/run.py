"""The benchmark's run: a throwaway database, the four servers, the interleaved cells, growth.

Each cell is one wrk run against one server for one page. In a round, every page gets its
four cells back to back (nginx static, hello floor, front cache, uncached), then the next page:
noise from the machine lands on all four alike. Each round (and each size) starts with the
site's gunicorn restarted, so process-local caches are empty, and a shared Django cache
cleared; an uncached cell follows a discarded warm-up of its page (boot, template compilation).
"""

import shutil
import statistics
import time
from contextlib import ExitStack
from pathlib import Path

from bench import wrk
from bench.environment import django, gunicorn_settings, log, prepare_database, site_env
from bench.servers import PROJECT, FrontCache, Gunicorn, StaticNginx, fetch
from site_project import localdb

SERVERS = ("static", "hello", "front", "uncached")
# Never the clusters of make run (.local/pg), make test (.local/pg-test) or anyone else's.
DEFAULT_CLUSTER = PROJECT / ".local" / "pg-bench"
WORK_DIR = PROJECT / ".local" / "bench"


class Bench:
    def __init__(self, options, env, pages, work_dir):
        self.options, self.env, self.pages, self.work_dir = options, env, pages, work_dir
        self.shared_cache = False
        self.live_pages = 0
        self.site = None

    def cell(self, url):
        o = self.options
        return wrk.run(url, duration=o.duration, threads=o.threads, connections=o.connections)

    def warm(self, url, seconds):
        """Requests whose figures are discarded (workers booting, templates compiling)."""
        o = self.options
        wrk.run(url, duration=seconds, threads=o.threads, connections=o.connections)

    def fresh_site(self):
        """A restarted gunicorn (every process-local cache empty) with its workers booted."""
        if self.shared_cache:
            django(self.env, "bench.probe", "clear")
        self.site.restart()
        self.warm(self.site.url + "/healthz", 1 if self.options.quick else 3)

    def uncached(self, path):
        """A cell against gunicorn directly, after a discarded warm-up of the same page."""
        if self.shared_cache:
            django(self.env, "bench.probe", "clear")
        self.warm(self.site.url + path, self.options.warmup)
        return self.cell(self.site.url + path)

    def save_pages(self, html_dir):
        """Each page's bytes as the site sends them, saved for the static nginx."""
        html_dir.mkdir(parents=True, exist_ok=True)
        facts = {}
        for page in self.pages:
            status, _, body = fetch(self.site.url + page["path"])
            (html_dir / f"{page['key']}.html").write_bytes(body)
            facts[page["key"]] = {"status": status, "bytes": len(body)}
        return facts

    def front_facts(self, front):
        """Compressed size as the front sends it, and whether it serves the page from cache."""
        facts = {}
        for page in self.pages:
            fetch(front.url + page["path"])  # the miss that fills the cache
            _, headers, body = fetch(front.url + page["path"], {"Accept-Encoding": "gzip"})
            facts[page["key"]] = {
                "compressed_bytes": len(body),
                "encoding": headers.get("Content-Encoding", "identity"),
                "front_cache": headers.get("X-Cache-Status", "?"),
            }
        return facts

    def interleaved(self, urls):
        """{key: {server: [Cell per round]}}, round-robin: page by page, four servers each."""
        cells = {page["key"]: {server: [] for server in SERVERS} for page in self.pages}
        for number in range(1, self.options.rounds + 1):
            self.fresh_site()
            for page in self.pages:
                log(f"round {number}/{self.options.rounds}: {page['path']}")
                for server in SERVERS:
                    if server == "uncached":
                        cell = self.uncached(page["path"])
                    else:
                        cell = self.cell(urls[server](page))
                    cells[page["key"]][server].append(cell)
        return cells

    def growth_point(self, size):
        """Queries and uncached latency per page with the tree grown to ``size`` pages."""
        if size > self.live_pages:
            log(f"Growing the tree to {size} pages ...")
            grown = django(self.env, "bench.grow", size, timeout=self.options.grow_timeout)
            log(f"  added {grown['added']} pages in {grown['seconds']}s")
        else:
            grown = {"added": 0, "seconds": 0.0}
        facts = django(self.env, "bench.probe", "pages")
        self.live_pages = facts["live_pages"]
        queries = django(self.env, "bench.probe", "queries", *pairs(self.pages))
        self.fresh_site()
        cells = {}
        for page in self.pages:
            log(f"size {size}: {page['path']}")
            cells[page["key"]] = [self.uncached(page["path"]) for _ in range(self.options.rounds)]
        return {
            "size": size,
            "live_pages": facts["live_pages"],
            "grow_seconds": grown["seconds"],
            "queries": {p["key"]: queries[p["path"]] for p in self.pages},
            "uncached": {key: summarise(runs) for key, runs in cells.items()},
        }


def pairs(pages):
    """Each page's path and the sibling rendered before its first render (bench.probe)."""
    return [part for page in pages for part in (page["path"], page["sibling"])]


def summarise(cells):
    """The median of each figure over the rounds (with the rounds' raw values)."""
    return {
        "rps": statistics.median(c.rps for c in cells),
        "p50_ms": statistics.median(c.p50_ms for c in cells),
        "p99_ms": statistics.median(c.p99_ms for c in cells),
        "non_2xx": sum(c.non_2xx for c in cells),
        "errors": sum(c.errors for c in cells),
        "rounds": [c.as_dict() for c in cells],
    }


def run(options):
    """Everything ``make bench`` measures, as a dict (bench.report writes it down)."""
    started = time.time()
    work_dir = Path(options.work_dir).resolve()
    shutil.rmtree(work_dir, ignore_errors=True)
    work_dir.mkdir(parents=True)
    static_root = Path(options.static_root or work_dir / "staticfiles").resolve()

    def env_for(url):
        return site_env(url, options.settings, static_root)

    cluster = None if options.database_url else Path(options.cluster).resolve()
    try:
        if cluster is None:
            env = env_for(options.database_url)
        else:
            env = prepare_database(cluster, env_for)
        return _measure(options, env, work_dir, static_root, started)
    finally:
        if cluster is not None and not options.keep_database:
            localdb.destroy(cluster)
            log(f"Removed the throwaway database {cluster}.")


def _measure(options, env, work_dir, static_root, started):
    facts = django(env, "bench.probe", "pages")
    if options.sizes[0] > facts["live_pages"]:
        log(f"Growing the tree to {options.sizes[0]} pages for the first size ...")
        django(env, "bench.grow", options.sizes[0], timeout=options.grow_timeout)
        facts = django(env, "bench.probe", "pages")
    pages = [p for p in facts["pages"] if not options.pages or p["key"] in options.pages]
    if not pages:
        raise RuntimeError("no page to measure: is the demo content loaded?")
    bench = Bench(options, env, pages, work_dir)
    bench.shared_cache, bench.live_pages = facts["shared_cache"], facts["live_pages"]
    media_root = env.get("MEDIA_ROOT") or PROJECT / "media"
    with ExitStack() as stack:
        log("Starting gunicorn (site, hello floor) and nginx (front cache, static) ...")
        site = bench.site = stack.enter_context(
            Gunicorn(
                "site_project.wsgi:application",
                env,
                ready_path="/healthz",
                log=work_dir / "site-gunicorn.log",
            )
        )
        log("  site gunicorn is up")
        hello_env = {k: v for k, v in env.items() if k != "DJANGO_SETTINGS_MODULE"}
        hello = stack.enter_context(
            Gunicorn("bench.hello:application", hello_env, log=work_dir / "hello-gunicorn.log")
        )
        front = stack.enter_context(
            FrontCache(
                work_dir / "nginx-front",
                f"127.0.0.1:{site.port}",
                static_root=static_root,
                media_root=media_root,
            )
        )
        log("Saving the pages' bytes, filling the front cache, counting queries ...")
        saved = bench.save_pages(work_dir / "html")
        static = stack.enter_context(StaticNginx(work_dir / "nginx-static", work_dir / "html"))
        compressed = bench.front_facts(front)
        queries = django(env, "bench.probe", "queries", *pairs(pages))
        log("Measuring ...")
        urls = {
            "static": lambda page: f"{static.url}/{page['key']}.html",
            "hello": lambda page: hello.url + page["path"],
            "front": lambda page: front.url + page["path"],
        }
        cells = bench.interleaved(urls)
        base = {
            "size": options.sizes[0],
            "live_pages": facts["live_pages"],
            "grow_seconds": 0.0,
            "queries": {p["key"]: queries[p["path"]] for p in pages},
            "uncached": {key: summarise(c["uncached"]) for key, c in cells.items()},
        }
        growth = [base] + [bench.growth_point(size) for size in options.sizes[1:]]
    return {
        "started": started,
        "seconds": round(time.time() - started),
        "options": {
            "duration": options.duration,
            "threads": options.threads,
            "connections": options.connections,
            "rounds": options.rounds,
            "warmup": options.warmup,
            "sizes": options.sizes,
            "settings": options.settings,
            "quick": options.quick,
        },
        "gunicorn": gunicorn_settings(env),
        "pages": [
            {
                **page,
                **saved[page["key"]],
                **compressed[page["key"]],
                "queries": queries[page["path"]],
                "servers": {s: summarise(cells[page["key"]][s]) for s in SERVERS},
            }
            for page in pages
        ],
        "growth": growth,
    }
