"""What django-axes and django-ratelimit ask of the site: the client's address (both count by
it) and the answer to a locked-out client (the admin's sign-in look, AXES_HTTP_RESPONSE_CODE)."""

from django.conf import settings
from django.shortcuts import render

PASSWORD_RESET_URL_NAME = "wagtailadmin_password_reset"


def client_address(request):
    """REMOTE_ADDR, which front_cache's ClientAddressMiddleware has already replaced with the
    visitor's address when (and only when) the request came through a trusted front; the
    headers themselves are never read here, so a visitor cannot choose their address."""
    return request.META.get("REMOTE_ADDR")


def lockout_response(request, original_response=None, credentials=None):
    match = request.resolver_match
    context = {
        "password_reset": bool(match and match.url_name == PASSWORD_RESET_URL_NAME),
        "cooloff_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
        "failure_limit": settings.AXES_FAILURE_LIMIT,
    }
    # Rendered now: AxesMiddleware answers after the view, too late for a TemplateResponse.
    status = settings.AXES_HTTP_RESPONSE_CODE
    return render(request, "throttling/locked_out.html", context, status=status)
