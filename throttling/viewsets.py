"""Settings → Login lockouts: django-axes' failed sign-ins, for site admins. Deleting a row is
the unlock (it is what axes' own `axes_reset` does); rows cannot be added or edited."""

from axes.models import AccessAttempt
from django.conf import settings
from django.urls import path
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet


def is_locked(attempt):
    return attempt.failures_since_start >= settings.AXES_FAILURE_LIMIT


class LockoutViewSet(ModelViewSet):
    model = AccessAttempt
    icon = "lock"
    menu_label = "Login lockouts"
    name = "login_lockouts"
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    search_backend_name = None  # the ORM's icontains over search_fields
    search_fields = ["username", "ip_address"]
    ordering = "-attempt_time"
    list_display = [
        "username",  # the title column: it carries the row's Inspect and Delete buttons
        Column("ip_address", label="Address", sort_key="ip_address"),
        Column("failures_since_start", label="Failures", sort_key="failures_since_start"),
        BooleanColumn("locked", label="Locked out", accessor=is_locked),
        DateColumn("attempt_time", label="Last failure", sort_key="attempt_time"),
    ]
    inspect_view_fields = [
        "username",
        "ip_address",
        "user_agent",
        "path_info",
        "failures_since_start",
        "attempt_time",
    ]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(page_title=self.menu_label, **kwargs)

    def get_common_view_kwargs(self, **kwargs):
        # Only the views below exist: no links to adding, editing, history or usage.
        gone = {f"{view}_url_name": None for view in ("add", "edit", "history", "usage")}
        return super().get_common_view_kwargs(**gone, **kwargs)

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("delete/<int:pk>/", self.delete_view, name="delete"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
        ]
