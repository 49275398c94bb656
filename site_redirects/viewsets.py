"""The Redirects area of the dashboard (Settings → Redirects): django-redirects' model as a
Wagtail snippet viewset, for users with its permissions only ("Site admins")."""

from django.contrib import messages
from django.urls import path, reverse
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.widgets.button import Button
from wagtail.snippets.views import snippets
from wagtail.snippets.views.snippets import SnippetViewSet

from site_redirects import views
from site_redirects.forms import RedirectForm
from site_redirects.store import RedirectRefused


def status_of(rule):
    """What the rule answers: 410 when it has no target, whatever its stored type."""
    return rule.type_status_code if rule.new_path else 410


def describe(rule):
    """A rule as the dashboard's messages name it (django-redirects' ``str`` reads
    "Redirect 301: /x ---> /y")."""
    if not rule.new_path:
        return f"Rule that answers {rule.old_path} with 410 Gone"
    return f"Redirect from {rule.old_path} to {rule.new_path}"


class SentenceMessages:
    """Success messages that read like sentences: "Redirect from /x to /y created"."""

    verb = ""

    def get_success_message(self, *args):
        return f"{describe(args[0] if args else self.object)} {self.verb}."


class SavesThroughStore:
    """Create/edit: a refusal found only at save time re-renders the form; messages shown."""

    def form_valid(self, form):
        try:
            response = super().form_valid(form)
        except RedirectRefused as refused:
            form.add_error(refused.field if refused.field in form.fields else None, refused.reason)
            return self.form_invalid(form)
        for message in form.saved.messages if form.saved else ():
            messages.info(self.request, message)
        return response


class CreateView(SentenceMessages, SavesThroughStore, snippets.CreateView):
    verb = "created"

    def get_initial(self):
        # "Create redirect" from the not-found log prefills the old path.
        return {**super().get_initial(), "old_path": self.request.GET.get("old_path", "")}


class EditView(SentenceMessages, SavesThroughStore, snippets.EditView):
    verb = "updated"


class DeleteView(SentenceMessages, snippets.DeleteView):
    verb = "deleted"


class IndexView(snippets.IndexView):
    @property
    def header_more_buttons(self):
        names = [
            ("Test a path", "test_path", "search", "redirects.view_redirect"),
            ("Import CSV", "import", "upload", "redirects.add_redirect"),
            ("Export CSV", "export", "download", "redirects.view_redirect"),
            ("Not-found paths", "not_found", "warning", "site_redirects.view_notfoundpath"),
        ]
        return [
            Button(label, url=reverse(f"{views.NAMESPACE}:{name}"), icon_name=icon, priority=i)
            for i, (label, name, icon, permission) in enumerate(names)
            if self.request.user.has_perm(permission)
        ]


class RedirectViewSet(SnippetViewSet):
    icon = "redirect"
    menu_label = "Redirects"
    menu_name = "redirects"
    url_prefix = "redirects"
    add_to_settings_menu = True
    index_view_class = IndexView
    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = DeleteView
    copy_view_enabled = False
    search_backend_name = None  # the ORM's icontains over search_fields
    search_fields = ["old_path", "new_path", "notes"]
    list_filter = ["match", "type_status_code", "site"]
    ordering = "-updated_at"
    list_display = [
        Column("old_path", label="Old path", sort_key="old_path"),
        Column("new_path", label="Target", accessor=lambda r: r.new_path or "410 Gone"),
        Column("match", label="Match", sort_key="match"),
        Column("type_status_code", label="Status", sort_key="type_status_code", accessor=status_of),
        Column("site", label="Site", accessor=lambda r: r.site.domain if r.site else "All"),
        Column("priority", label="Priority", sort_key="priority"),
        Column("counter", label="Hits", sort_key="counter"),
        DateColumn("updated_at", label="Changed", sort_key="updated_at"),
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("old_path"),
            FieldPanel("new_path"),
            FieldRowPanel([FieldPanel("match"), FieldPanel("type_status_code")]),
            FieldRowPanel([FieldPanel("site"), FieldPanel("priority")]),
            FieldPanel("notes"),
        ],
        base_form_class=RedirectForm,
    )

    def get_queryset(self, request):
        return self.model.objects.select_related("site")

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("test/", views.TestPathView.as_view(), name="test_path"),
            path("import/", views.ImportView.as_view(), name="import"),
            path("export/", views.export_csv, name="export"),
            path("not-found/", views.NotFoundView.as_view(), name="not_found"),
            path("not-found/clear/", views.clear_not_found, name="clear_not_found"),
        ]
