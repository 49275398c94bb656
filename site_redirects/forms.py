"""Dashboard forms. The rule form validates through ``validation.check_rule`` and saves
through ``store.save_rule``: the same code as CSV import, the commands and the importer."""

from django import forms
from redirects.models import Redirect
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Site as WagtailSite

from site_redirects.sites import rule_sites
from site_redirects.store import RedirectRefused, apply_checked, check_for, save_rule
from site_redirects.validation import check_rule

FIELDS = ["old_path", "new_path", "match", "type_status_code", "priority", "site", "notes"]


class RedirectForm(WagtailAdminModelForm):
    saved = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = rule_sites()
        self.fields["site"].empty_label = "All sites"
        self.fields["new_path"].required = False
        self.fields["old_path"].help_text = (
            "A path such as /old-page/ (matched whatever its case, trailing slash or query "
            "string), or a regular expression when “Match” is regex."
        )
        self.fields["new_path"].help_text = (
            "A path on this site, or a full http(s) URL. With regex, $1, $2… insert the "
            "pattern's groups. Empty: the old path answers 410 Gone."
        )

    def values(self):
        data = self.cleaned_data
        return {
            "old_path": data["old_path"],
            "new_path": data.get("new_path") or "",
            "site": data.get("site"),
            "match": data["match"],
            "status_code": data["type_status_code"],
            "priority": data.get("priority") or 0,
            "notes": data.get("notes") or "",
        }

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        try:
            check_rule(**self.values(), instance_pk=self.instance.pk)
        except RedirectRefused as refused:
            self.add_error(refused.field if refused.field in self.fields else None, refused.reason)
        return data

    def save(self, commit=True):
        """Save through the store; ``commit=False``: the rule as saving would store it,
        checked again and with nothing written (chain rewrites of other rules happen only
        when it is saved, through this form or ``store.save_rule``)."""
        if not commit:
            checked = check_for(self.instance, **self.values())
            self.save_m2m = self._save_m2m  # Django's contract for commit=False
            if checked.identical_pk:
                return Redirect.objects.get(pk=checked.identical_pk)
            return apply_checked(self.instance, checked)
        self.saved = save_rule(self.instance, **self.values())
        self.instance = self.saved.redirect
        return self.instance


class TestPathForm(forms.Form):
    path = forms.CharField(
        max_length=2048, help_text="A path or full URL, e.g. /old-page/?utm_source=x"
    )
    site = forms.ModelChoiceField(
        queryset=WagtailSite.objects.order_by("hostname"), required=False, empty_label=None
    )


class ImportForm(forms.Form):
    file = forms.FileField(help_text="A CSV file with a header row (columns: see the README).")
