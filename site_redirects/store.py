"""The one way redirect rules are written: the dashboard, CSV import, the management
commands, automatic redirects on page moves and the Markdown importer all save through here.

Contract of ``save_redirect(old_path, new_path, *, site=None, status_code=301, match="exact",
notes="", priority=0) -> SavedRedirect``:

- ``site`` is None for all sites, or a django.contrib.sites ``Site`` or a Wagtail ``Site``
  (paired by host name). ``new_path`` empty means 410 Gone.
- The rule is normalised and validated by ``validation.check_rule`` (the same code the
  dashboard form uses); a rule that cannot be saved raises ``RedirectRefused`` whose
  ``reason`` says why, e.g. "It loops back to /a/ through /b/." or "It would shadow the live
  page /x/." Refused: invalid or catastrophic regexes, bad group references, unsafe targets,
  loops, a source taken by another rule of the same site, a source a live page or the site
  itself answers.
- Idempotent: when a rule with the same site, match, source, target and status exists, it is
  returned with ``created=False`` and nothing is written.
- Chains are collapsed: a target that another rule redirects is replaced by the final target,
  and rules that pointed at this rule's source are updated to the final target; each such
  change is described in ``messages``.
- It runs in a transaction (a savepoint inside the caller's) that holds the rules' version
  lock, so concurrent saves cannot build a loop together; refused means nothing written.
"""

from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone
from redirects.models import Redirect

from site_redirects.models import RulesVersion
from site_redirects.sites import as_django_site
from site_redirects.validation import RedirectRefused, check_rule

__all__ = [
    "RedirectRefused",
    "SavedRedirect",
    "apply_checked",
    "check_for",
    "save_redirect",
    "save_rule",
]


@dataclass
class SavedRedirect:
    redirect: Redirect
    created: bool
    messages: list[str] = field(default_factory=list)


def save_redirect(
    old_path, new_path, *, site=None, status_code=301, match="exact", notes="", priority=0
):
    """Create a redirect rule (see the module docstring for the contract)."""
    return save_rule(
        Redirect(),
        old_path=old_path,
        new_path=new_path,
        site=site,
        status_code=status_code,
        match=match,
        notes=notes,
        priority=priority,
    )


def check_for(redirect, *, old_path, new_path, site, status_code, match, notes, priority):
    """``check_rule`` for ``redirect`` (a new or an existing rule): what saving would write."""
    checked = check_rule(
        old_path,
        new_path,
        site=as_django_site(site),
        match=match,
        status_code=status_code,
        priority=priority,
        notes=notes,
        instance_pk=redirect.pk,
    )
    if checked.identical_pk and redirect.pk is not None:
        raise RedirectRefused("Another rule already does exactly this.", "old_path")
    return checked


def apply_checked(redirect, checked):
    """Set ``redirect``'s fields to the checked rule's values (nothing is written)."""
    redirect.site = checked.site
    redirect.match = checked.match
    redirect.old_path = checked.old_path
    redirect.new_path = checked.new_path
    redirect.type_status_code = checked.status_code
    redirect.priority = checked.priority
    redirect.notes = checked.notes
    return redirect


def save_rule(redirect, **values):
    """Validate and save ``redirect`` (a new or an existing rule) with these values (the
    keywords of ``check_for``)."""
    with transaction.atomic():
        RulesVersion.lock()
        checked = check_for(redirect, **values)
        if checked.identical_pk:
            existing = Redirect.objects.get(pk=checked.identical_pk)
            return SavedRedirect(existing, False, ["The same redirect already exists."])
        created = redirect.pk is None
        apply_checked(redirect, checked)
        try:
            with transaction.atomic():
                redirect.save()
        except IntegrityError as error:
            raise RedirectRefused(
                f"{checked.old_path} already has a rule for this site.", "old_path"
            ) from error
        for pk, target in checked.rewrites:
            Redirect.objects.filter(pk=pk).update(new_path=target, updated_at=timezone.now())
        RulesVersion.bump()
    return SavedRedirect(redirect, created, checked.messages)
