"""The admin's password reset form, limited per client address (django-ratelimit).

Wagtail builds the form from WAGTAILADMIN_USER_PASSWORD_RESET_FORM; its save() is the one
place that sends the email and sees the request. Past the limit nothing is sent and the
request is flagged the way django-axes' own backend flags a lockout, so AxesMiddleware
answers it with the same lockout page (throttling.lockout)."""

from django.conf import settings
from django_ratelimit.core import is_ratelimited
from wagtail.admin.forms.auth import PasswordResetForm as WagtailPasswordResetForm


class PasswordResetForm(WagtailPasswordResetForm):
    def save(self, *args, request=None, **kwargs):
        if is_ratelimited(
            request,
            group="admin-password-reset",
            key="ip",
            rate=settings.PASSWORD_RESET_RATE,
            increment=True,
        ):
            request.axes_locked_out = True
            return
        super().save(*args, request=request, **kwargs)
