"""Dashboard views beside the rule listing: test a path, CSV import and export, 404s."""

import io

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import FormView, ListView
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from site_redirects.csv_io import import_csv, write_csv
from site_redirects.forms import ImportForm, TestPathForm
from site_redirects.loading import build_table
from site_redirects.models import NotFoundPath
from site_redirects.paths import source_path, split_url, with_query

NAMESPACE = "wagtailsnippets_redirects_redirect"  # the snippet viewset's URL namespace


class RedirectAdminView(WagtailAdminTemplateMixin):
    """A dashboard page of the Redirects area, open to users with ``permission``."""

    permission = "redirects.view_redirect"
    header_icon = "redirect"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse(f"{NAMESPACE}:list"), "label": "Redirects"},
            {"url": "", "label": self.get_page_title()},
        ]


class TestPathView(RedirectAdminView, FormView):
    page_title = "Test a path"
    template_name = "site_redirects/test_path.html"
    form_class = TestPathForm

    def get_form_kwargs(self):
        # A GET form: the answer can be linked to and reloaded.
        return {"data": self.request.GET if "path" in self.request.GET else None}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = context["form"]
        if form.is_bound and form.is_valid():
            context["answer"] = self.answer(form.cleaned_data["path"], form.cleaned_data["site"])
        return context

    def answer(self, raw, wagtail_site):
        table = build_table()
        path = source_path(raw)
        query = split_url(raw.strip())[1]
        scope = next(
            (s for s in table.sites if wagtail_site and s.hostname == wagtail_site.hostname),
            None,
        )
        if table.is_protected(scope, path):
            return {"path": path, "protected": True}
        found = table.find(scope, path)
        if found is None:
            return {"path": path}
        rule, location = found
        return {
            "path": path,
            "rule_pk": rule.pk,
            "rule": f"{rule.match} {rule.source}",
            "status": rule.status if location else 410,
            "location": with_query(location, query) if location else "",
        }


class ImportView(RedirectAdminView, FormView):
    permission = "redirects.add_redirect"
    page_title = "Import redirects from CSV"
    template_name = "site_redirects/import.html"
    form_class = ImportForm

    def form_valid(self, form):
        try:
            text = form.cleaned_data["file"].read().decode("utf-8-sig")
        except UnicodeDecodeError:
            form.add_error("file", "The file is not UTF-8 text.")
            return self.form_invalid(form)
        report = import_csv(io.StringIO(text, newline=None))
        return self.render_to_response(self.get_context_data(form=ImportForm(), report=report))


def export_csv(request):
    if not request.user.has_perm("redirects.view_redirect"):
        return permission_denied(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="redirects-{stamp}.csv"'
    write_csv(response)
    return response


class NotFoundView(RedirectAdminView, ListView):
    permission = "site_redirects.view_notfoundpath"
    page_title = "Not-found paths"
    template_name = "site_redirects/not_found.html"
    paginate_by = 50

    def get_queryset(self):
        return NotFoundPath.objects.select_related("site").order_by("-hits", "-last_seen")


def clear_not_found(request):
    if request.method != "POST" or not request.user.has_perm("site_redirects.delete_notfoundpath"):
        return permission_denied(request)
    NotFoundPath.objects.all().delete()
    messages.success(request, "The not-found log is empty.")
    return redirect(f"{NAMESPACE}:not_found")
