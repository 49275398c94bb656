"""The compiled rule table: which rule answers a path, and where it sends the visitor.

Built from django-redirects' ``Redirect`` rows (see ``loading.py``), held in memory by each
worker and used by the middleware, the "test a path" view and validation alike, so a rule is
checked when saved exactly as it will be applied.

Order of rules: higher priority first; at equal priority exact before prefix before regex;
then site-specific before all-sites; then the longer prefix; then the older rule.
"""

import heapq
import logging
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from site_redirects.paths import (
    is_absolute,
    join_prefix,
    path_key,
    source_path,
    target_problem,
)
from site_redirects.regex_engine import compile_rule, literal_prefix

logger = logging.getLogger(__name__)

EXACT, PREFIX, REGEX = "exact", "prefix", "regex"
KIND_RANK = {EXACT: 0, PREFIX: 1, REGEX: 2}
# A regex is never run on a longer path: with RE2's time linear in the path, this bounds the
# work one request can cause.
MAX_REGEX_SUBJECT = 1024
# $1 (django-redirects' syntax), \1 and \g<name> all name a group in a regex target.
GROUP_REFERENCE = re.compile(r"\$(\d+)|\\(\d+)|\\g<(\w+)>")


def expand(found, target):
    """``target`` with each group reference replaced by what the group matched ("" if none)."""

    def group(reference):
        name = reference.group(1) or reference.group(2) or reference.group(3)
        return found.group(int(name) if name.isdigit() else name) or ""

    return GROUP_REFERENCE.sub(group, target)


def sample_target(target):
    """A regex target with each group reference replaced by a plain segment, for checks."""
    return GROUP_REFERENCE.sub("x", target)


def first_segment(pattern):
    """The first path segment every path the regex matches starts with
    (``^/archive/([0-9]+)``: "archive"), or None. The table tests a regex only on paths that
    start with that segment."""
    text = literal_prefix(pattern)
    if text.startswith("/") and "/" in text[1:]:
        return text[1:].split("/", 1)[0]
    return None


def segment_prefixes(key, longest):
    """The starts of ``key`` that end at a segment boundary, longest first, none longer than
    ``longest``: ``/a/b/c`` gives ``/a/b/c``, ``/a/b``, ``/a``. The work is bounded by
    ``longest``, however long the path."""
    end = len(key) if len(key) <= longest else key.rfind("/", 0, longest + 1)
    while end > 0:
        yield key[:end]
        end = key.rfind("/", 0, end)


def segment_of(path):
    return path[1:].split("/", 1)[0].lower()


@dataclass(frozen=True)
class SiteScope:
    """A site as the rule table sees it: its django.contrib.sites id, hosts, live paths."""

    site_id: int | None
    hostname: str = ""
    port: int = 80
    is_default: bool = False
    live_paths: frozenset = frozenset()


@dataclass(eq=False)
class Rule:
    pk: int | None
    site_id: int | None
    match: str
    source: str
    target: str
    status: int
    priority: int = 0
    key: str = field(init=False)
    order: tuple = field(init=False)
    pattern: object = field(init=False, default=None)  # an RE2 regexp (see regex_engine)
    netloc: str = field(init=False, default="")
    segment: str | None = field(init=False, default=None)  # a regex's literal first segment

    def __post_init__(self):
        # source_path: a row saved by other means may still hold a query string or %-escapes.
        self.key = path_key(source_path(self.source)) if self.match != REGEX else ""
        if self.match == REGEX:
            self.pattern = compile_rule(self.source)
            self.segment = first_segment(self.source)
        if is_absolute(self.target):
            self.netloc = urlsplit(sample_target(self.target)).netloc.lower()
        self.order = (
            -self.priority,
            KIND_RANK[self.match],
            self.site_id is None,
            -len(self.key),
            self.pk if self.pk is not None else float("inf"),
        )

    def __lt__(self, other):
        return self.order < other.order

    def raw_location(self, path):
        """Where this rule sends ``path`` (decoded, no query), or None when it does not match."""
        if self.match == EXACT:
            return self.target if path_key(path) == self.key else None
        if self.match == PREFIX:
            lowered = path.lower()
            if lowered != self.key and not lowered.startswith(self.key + "/"):
                return None
            return join_prefix(self.target, path[len(self.key) :]) if self.target else ""
        if len(path) > MAX_REGEX_SUBJECT:
            return None
        found = self.pattern.match(path)
        if found is None:
            return None
        # The target replaces the whole path (capture the rest with (.*) to keep it).
        return expand(found, self.target) if self.target else ""

    def location(self, path):
        """``raw_location`` made safe: None when the result could leave the site."""
        location = self.raw_location(path)
        if not location:
            return location
        if target_problem(location) is not None or is_absolute(location) != bool(self.netloc):
            # %.300r: a visitor's path may be long, the log line stays short.
            logger.warning(
                "Redirect %s: unsafe target %.300r for %.300r, skipped", self.pk, location, path
            )
            return None
        if self.netloc and urlsplit(location).netloc.lower() != self.netloc:
            logger.warning("Redirect %s: target %.300r changed host, skipped", self.pk, location)
            return None
        return location


class RuleTable:
    """All rules, indexed for lookup: exact and prefix rules in dicts, regexes in order."""

    def __init__(self, rules=(), sites=(), reserved=((), frozenset())):
        self.sites = tuple(sites)
        self.reserved_prefixes, self.reserved_paths = reserved
        self.rules = []
        self._exact, self._prefix, self._regex = {}, {}, {}
        self._longest_prefix = 0  # no longer start of a path can be a prefix rule's key
        for rule in rules:
            self.add(rule)

    def add(self, rule):
        self.rules.append(rule)
        if rule.match == REGEX:
            regexes = self._regex.setdefault((rule.site_id, rule.segment), [])
            regexes.append(rule)
            regexes.sort()
            return
        if rule.match == PREFIX:
            self._longest_prefix = max(self._longest_prefix, len(rule.key))
        index = self._exact if rule.match == EXACT else self._prefix
        current = index.get((rule.site_id, rule.key))
        if current is None or rule < current:
            index[(rule.site_id, rule.key)] = rule

    def site_for(self, hostname, port):
        """The site a request is for, as Wagtail's ``Site.find_for_request`` picks it."""
        named = [s for s in self.sites if s.hostname == hostname]
        for site in named:
            if site.port == port:
                return site
        for site in named:
            if site.is_default:
                return site
        default = next((s for s in self.sites if s.is_default), None)
        if len(named) == 1 or (named and default is None):
            return named[0]
        return default

    def is_protected(self, scope, path):
        """A live page or a route of the project answers ``path``: no rule may."""
        key = path_key(path)
        if key in self.reserved_paths or (key.rstrip("/") + "/").startswith(self.reserved_prefixes):
            return True
        return scope is not None and key in scope.live_paths

    def candidates(self, site_id, path):
        """Rules that may match ``path`` on the site, best first (regexes tested lazily)."""
        scopes = (site_id, None) if site_id is not None else (None,)
        key = path_key(path)
        found = [self._exact.get((s, key)) for s in scopes]
        for prefix in segment_prefixes(key, self._longest_prefix):
            found += [self._prefix.get((s, prefix)) for s in scopes]
        segment = segment_of(path)
        regexes = [self._regex.get((s, g), ()) for s in scopes for g in (segment, None)]
        return heapq.merge(sorted(r for r in found if r is not None), *regexes)

    def find(self, scope, path, skip=None):
        """(rule, location) of the rule that answers ``path`` on ``scope``, or None.

        A rule that fails at run time is logged and skipped, never raised.
        """
        if self.is_protected(scope, path):
            return None
        for rule in self.candidates(scope.site_id if scope else None, path):
            if rule is skip:
                continue
            try:
                location = rule.location(path)
            except Exception:
                logger.exception("Redirect %s failed on %r; skipped", rule.pk, path)
                continue
            if location is not None:
                return rule, location
        return None
