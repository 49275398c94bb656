"""Redirect rules as CSV, for the dashboard and ``import_redirects`` / ``export_redirects``.

Columns (a header row names them; only old_path and new_path are required on import):
old_path, new_path, match (exact|prefix|regex), type_status_code (301|302|303|307|308),
priority, site (a domain; empty for all sites), notes, counter, created_at, updated_at.
Import ignores counter and the dates; each row is validated and saved on its own.
"""

import csv
from dataclasses import dataclass, field

from django.contrib.sites.models import Site as DjangoSite
from redirects.models import Redirect

from site_redirects.store import RedirectRefused, save_redirect

COLUMNS = [
    "old_path",
    "new_path",
    "match",
    "type_status_code",
    "priority",
    "site",
    "notes",
    "counter",
    "created_at",
    "updated_at",
]


@dataclass
class ImportReport:
    created: int = 0
    unchanged: int = 0
    refused: list[tuple[int, str]] = field(default_factory=list)  # (line, reason)
    messages: list[str] = field(default_factory=list)

    def lines(self):
        yield f"{self.created} created, {self.unchanged} unchanged, {len(self.refused)} refused."
        yield from self.messages
        for line, reason in self.refused:
            yield f"Line {line}: {reason}"


def write_csv(stream, redirects=None):
    writer = csv.writer(stream)
    writer.writerow(COLUMNS)
    rows = redirects if redirects is not None else Redirect.objects.all()
    for redirect in rows.select_related("site").order_by("old_path", "pk"):
        writer.writerow(
            [
                redirect.old_path,
                redirect.new_path,
                redirect.match,
                redirect.type_status_code,
                redirect.priority,
                redirect.site.domain if redirect.site else "",
                redirect.notes,
                redirect.counter,
                redirect.created_at.isoformat() if redirect.created_at else "",
                redirect.updated_at.isoformat() if redirect.updated_at else "",
            ]
        )


def import_csv(lines):
    """Save each row of ``lines`` (text lines of CSV); bad rows are reported by line."""
    report = ImportReport()
    reader = csv.DictReader(lines)
    missing = {"old_path", "new_path"} - set(reader.fieldnames or ())
    if missing:
        report.refused.append((1, f"the header lacks {', '.join(sorted(missing))}"))
        return report
    sites = {site.domain.lower(): site for site in DjangoSite.objects.all()}
    for row in reader:
        line = reader.line_num
        try:
            saved = save_redirect(
                row["old_path"] or "",
                row["new_path"] or "",
                site=_site(sites, row.get("site")),
                match=(row.get("match") or "exact").strip().lower(),
                status_code=(row.get("type_status_code") or "301").strip(),
                priority=(row.get("priority") or "0").strip(),
                notes=row.get("notes") or "",
            )
        except RedirectRefused as refused:
            report.refused.append((line, refused.reason))
            continue
        if saved.created:
            report.created += 1
        else:
            report.unchanged += 1
        report.messages += [
            f"Line {line}: {message}" for message in saved.messages if saved.created
        ]
    return report


def _site(sites, domain):
    domain = (domain or "").strip().lower()
    if not domain:
        return None
    if domain not in sites:
        raise RedirectRefused(f"there is no site “{domain}”")
    return sites[domain]
