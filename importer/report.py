"""What the import tells people: the plan (dry run), a progress bar, and the summary table."""

import sys

from importer.page_kinds import KIND_LABELS


def _problems(problems, indent="    ! "):
    return [f"{indent}{problem}" for problem in problems]


def format_plan(plan):
    """The full plan: pages to create / update, redirects, images, warnings. Writes nothing."""
    lines = [f"Plan for {plan.source_dir} under {plan.placement.root.url}", "", "Pages"]
    for entry in plan.entries:
        if entry.source.error is not None:
            lines.append(f"  fail       {entry.source.path}: {entry.source.error}")
    for path, why in plan.skipped:
        lines.append(f"  skip       {path}: {why}")
    for step in plan.all_steps():
        node = step.node
        kind = KIND_LABELS.get(node.kind, "page")
        if step.action == "fail":
            lines.append(f"  fail       {step.label}: {node.error}")
            continue
        changed = f": {', '.join(step.changed)}" if step.changed else ""
        draft = ", draft" if not plan.will_be_live(node) else ""
        lines.append(f"  {step.action:<10} {node.url:<40} {step.label} ({kind}{draft}){changed}")
    redirects = [(old, step) for step in plan.all_steps() for old in step.redirects]
    lines += ["", f"Redirects ({len(redirects)}, 301; the redirect store may still refuse some)"]
    lines += [
        f"  {old} -> {step.node.url}  ({step.label}: {why})" for (old, why), step in redirects
    ]
    lines += ["", f"Images ({len(plan.images)})"]
    for found, used_by in plan.images.values():
        reuse = f"reuse image #{found.existing_id}" if found.existing_id else "import"
        lines.append(f"  {reuse:<16} {found.path.name}  ({used_by})")
    data_files = plan.snippets.data_files()
    known = {data.path for data in data_files}
    cascade = [data for data in plan.cascade.data_files() if data.path not in known]
    if data_files or cascade:
        lines += ["", "Data files"]
        for data in data_files:
            state = f"fail: {data.error}" if data.error else f"{len(data.rows)} entries"
            lines.append(f"  {data.path}: {state}")
        for data in cascade:
            global_data = data.path.startswith("_data/")
            state = data.problem or ("variables" if global_data else "applied")
            lines.append(f"  {data.path}: {state}")
    lines += ["", "Warnings"]
    sources = [(e.source.path, e.source.warnings) for e in plan.entries]
    sources += [(step.label, step.node.warnings) for step in plan.all_steps()]
    sources += [(data.path, data.warnings) for data in data_files]
    for label, problems in sources:
        if problems:
            lines += [f"  {label}", *_problems(problems)]
    return "\n".join(lines) + "\n"


def format_clashes(plan):
    """The old URLs that existing live pages kept (empty when there are none)."""
    if not plan.clashes:
        return ""
    lines = [f"Clashes ({len(plan.clashes)}): old URLs that existing live pages answer"]
    for clash in plan.clashes:
        lines.append(f"  {clash.url}  {clash.label}: kept {clash.kept}; {clash.instead}")
    return "\n".join(lines) + "\n"


def format_summary(results, images_imported=None):
    """Per file: what happened, its address and its warnings; then the totals."""
    width = max([len(r.label) for r in results] + [4]) + 2
    lines = [f"{'file':<{width}}{'result':<11}address"]
    for result in results:
        lines.append(f"{result.label:<{width}}{result.status:<11}{result.url}".rstrip())
        lines += _problems(result.problems)
    counts = {
        status: sum(r.status == status for r in results)
        for status in ("created", "updated", "unchanged", "failed", "skipped")
    }
    totals = ", ".join(
        f"{count} {status}" for status, count in counts.items() if count or status != "skipped"
    )
    images = "" if images_imported is None else f"; {images_imported} images imported"
    lines.append(totals + images)
    return "\n".join(lines) + "\n"


class ProgressBar:
    """A one-line bar on stderr, drawn only when stderr is a terminal."""

    def __init__(self, stream=None, width=30):
        self.stream = stream or sys.stderr
        self.width = width
        self.active = self.stream.isatty()

    def __call__(self, done, total, label):
        if not self.active:
            return
        filled = self.width * done // max(total, 1)
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(f"\r[{bar}] {done}/{total} {label[:40]:<40}")
        if done == total:
            self.stream.write("\n")
        self.stream.flush()
