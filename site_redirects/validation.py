"""The rules a redirect must satisfy before it is saved, in one place.

The dashboard form, CSV import, the management commands and ``store.save_redirect`` all call
``check_rule``. It normalises the rule, refuses what would break the site (``RedirectRefused``
with a reason, and the form field it is about), collapses chains, and plans the updates of
other rules that would otherwise form chains through this one. It writes nothing.
"""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.contrib.sites.models import Site as DjangoSite

from site_redirects.loading import build_table
from site_redirects.paths import (
    MAX_LENGTH,
    is_absolute,
    path_key,
    source_path,
    split_url,
    target_problem,
    with_query,
)
from site_redirects.patterns import reference_problem, regex_problem
from site_redirects.rules import (
    EXACT,
    GROUP_REFERENCE,
    KIND_RANK,
    REGEX,
    Rule,
    SiteScope,
    sample_target,
)

STATUS_CODES = (301, 302, 303, 307, 308)
MAX_PRIORITY = 32767  # django-redirects stores it in a PositiveSmallIntegerField
MAX_HOPS = 20


class RedirectRefused(Exception):
    """A rule that cannot be saved. ``reason`` says why, for people; ``field`` which input."""

    def __init__(self, reason, field=None):
        super().__init__(reason)
        self.reason = reason
        self.field = field


@dataclass
class CheckedRule:
    site: DjangoSite | None
    match: str
    old_path: str
    new_path: str
    status_code: int
    priority: int
    notes: str
    messages: list[str] = field(default_factory=list)
    identical_pk: int | None = None  # an existing rule that already does exactly this
    rewrites: list[tuple[int, str]] = field(default_factory=list)  # (pk, new target)


def shown(key):
    """A path key as people read it (keys drop the trailing slash pages have)."""
    return key if key == "/" else key + "/"


def normalise_source(old_path, match):
    old_path = (old_path or "").strip()
    if not old_path:
        raise RedirectRefused("The old path is required.", "old_path")
    if match == REGEX:
        problem = regex_problem(old_path)
        if problem:
            raise RedirectRefused(f"The pattern {problem}.", "old_path")
    else:
        old_path = source_path(old_path)
        if match != EXACT and path_key(old_path) == "/":
            raise RedirectRefused("A prefix rule for “/” would catch every page.", "old_path")
        if any(ord(c) < 32 or ord(c) == 127 for c in old_path):
            raise RedirectRefused("The old path contains control characters.", "old_path")
    if len(old_path) > MAX_LENGTH:
        raise RedirectRefused(f"The old path is longer than {MAX_LENGTH} characters.", "old_path")
    return old_path


def check_target(old_path, new_path, match):
    new_path = (new_path or "").strip()
    if match == REGEX:
        problem = reference_problem(old_path, new_path)
        if problem:
            raise RedirectRefused(f"The target {problem}.", "new_path")
        before_first_reference = GROUP_REFERENCE.split(new_path, maxsplit=1)[0]
        if (
            is_absolute(new_path)
            and GROUP_REFERENCE.search(new_path)
            and not urlsplit(before_first_reference).path
        ):
            raise RedirectRefused(
                "In an absolute target, group references may only follow the host name "
                "(https://host/…$1), so the host cannot change.",
                "new_path",
            )
        checked = sample_target(new_path)
    else:
        checked = new_path
    problem = target_problem(checked)
    if problem:
        raise RedirectRefused(f"The target {problem}.", "new_path")
    return new_path


def check_rule(
    old_path,
    new_path,
    *,
    site=None,
    match=EXACT,
    status_code=301,
    priority=0,
    notes="",
    instance_pk=None,
):
    """Validate and normalise one rule against the stored rules (minus ``instance_pk``)."""
    if match not in KIND_RANK:
        raise RedirectRefused(f"Unknown match kind “{match}”: use exact, prefix or regex.", "match")
    try:
        status_code, priority = int(status_code), int(priority or 0)
    except (TypeError, ValueError) as error:
        raise RedirectRefused("The status code and priority must be whole numbers.") from error
    if status_code not in STATUS_CODES:
        raise RedirectRefused(
            f"Status {status_code} is not a redirect: use one of "
            f"{', '.join(map(str, STATUS_CODES))} (an empty target answers 410 Gone).",
            "type_status_code",
        )
    if not 0 <= priority <= MAX_PRIORITY:
        raise RedirectRefused(f"The priority must be between 0 and {MAX_PRIORITY}.", "priority")
    old_path = normalise_source(old_path, match)
    new_path = check_target(old_path, new_path, match)

    table = build_table(exclude_pk=instance_pk)
    site_id = site.pk if site else None
    checked = CheckedRule(site, match, old_path, new_path, status_code, priority, notes or "")
    candidate = Rule(instance_pk, site_id, match, old_path, new_path, status_code, priority)
    checked.identical_pk = _same_source(table, candidate)
    if checked.identical_pk:
        return checked

    scopes = _scopes(table, site_id)
    _refuse_shadowing(table, candidate, scopes)
    for scope in scopes:
        _refuse_loop(table, scope, candidate)
    if not (match == REGEX and GROUP_REFERENCE.search(new_path)):
        final, hops = follow(table, _own_scope(table, site_id), new_path)
        if hops:
            checked.messages.append(
                f"{new_path} already redirects to {final}, so {old_path} now goes straight "
                f"to {final}."
            )
            checked.new_path = new_path = final
            candidate = Rule(instance_pk, site_id, match, old_path, final, status_code, priority)
    table.add(candidate)
    checked.rewrites = _rewrites(table, candidate, checked.messages)
    return checked


def _same_source(table, candidate):
    """The pk of an identical rule; refuse a different rule on the same source and site."""
    for rule in table.rules:
        if rule.site_id != candidate.site_id:
            continue
        same_key = (
            rule.match == candidate.match and rule.match != REGEX and rule.key == candidate.key
        )
        if not same_key and rule.source != candidate.source:
            continue
        if (rule.match, rule.target, rule.status) == (
            candidate.match,
            candidate.target,
            candidate.status,
        ):
            return rule.pk
        where = "all sites" if rule.site_id is None else "this site"
        article = "an" if rule.match == EXACT else "a"
        raise RedirectRefused(
            f"{rule.source} already has {article} {rule.match} rule for {where} "
            f"(to {rule.target or '410 Gone'}); edit that one instead.",
            "old_path",
        )
    return None


def _scopes(table, site_id):
    """The sites a rule applies on: one site, or every site (and unknown hosts) when None."""
    if site_id is None:
        return [*table.sites, None]
    return [s for s in table.sites if s.site_id == site_id] or [SiteScope(site_id)]


def _own_scope(table, site_id):
    return None if site_id is None else _scopes(table, site_id)[0]


def _refuse_shadowing(table, candidate, scopes):
    for scope in scopes:
        for key in sorted(scope.live_paths if scope else ()):
            if candidate.raw_location(shown(key)) is not None:
                raise RedirectRefused(f"It would shadow the live page {shown(key)}.", "old_path")
    if candidate.match == REGEX:
        samples = [*table.reserved_prefixes, *map(shown, table.reserved_paths)]
        taken = next((p for p in samples if candidate.raw_location(p) is not None), None)
    else:
        taken = candidate.source if table.is_protected(None, candidate.source) else None
    if taken:
        raise RedirectRefused(
            f"It would take over {taken}, which the site itself answers.", "old_path"
        )


def follow(table, scope, target):
    """(final target, rules passed) when following ``target`` through the table.

    Stops at an absolute URL, a path no rule answers, or a rule that answers 410 Gone.
    """
    hops, seen = [], set()
    current = target
    while current and not is_absolute(current) and len(hops) < MAX_HOPS:
        path, query = split_url(current)
        found = table.find(scope, path)
        if found is None or found[1] == "" or path_key(path) in seen:
            break
        seen.add(path_key(path))
        hops.append(found[0])
        current = with_query(found[1], query)
    return current, hops


def _refuse_loop(table, scope, candidate):
    """Refuse a rule whose target leads back to a path the rule itself answers."""
    current = sample_target(candidate.target) if candidate.match == REGEX else candidate.target
    through, seen = [], set()
    while current and not is_absolute(current) and len(through) < MAX_HOPS:
        path, _ = split_url(current)
        if candidate.raw_location(path) is not None:
            if not through:
                raise RedirectRefused(
                    f"The target {candidate.target} leads straight back to {candidate.source} "
                    "(paths match whatever their case or trailing slash).",
                    "new_path",
                )
            raise RedirectRefused(
                f"It loops back to {candidate.source} through {' → '.join(through)}.",
                "new_path",
            )
        found = table.find(scope, path)
        if found is None or path_key(path) in seen:
            return
        seen.add(path_key(path))
        through.append(path)
        current = found[1]


def _rewrites(table, candidate, messages):
    """Rules whose target this rule now answers are pointed at the final target instead."""
    rewrites = []
    for rule in table.rules:
        if rule is candidate or not rule.target or is_absolute(rule.target):
            continue
        if rule.match == REGEX and GROUP_REFERENCE.search(rule.target):
            continue
        if candidate.site_id is not None and rule.site_id != candidate.site_id:
            continue  # the rule also serves sites where this one does not apply
        scope = _own_scope(table, rule.site_id)
        found = table.find(scope, split_url(rule.target)[0])
        if found is None or found[0] is not candidate:
            continue
        final, _ = follow(table, scope, rule.target)
        if final != rule.target:
            rewrites.append((rule.pk, final))
            messages.append(
                f"{rule.source} now goes straight to {final} (it went to {rule.target})."
            )
    return rewrites
