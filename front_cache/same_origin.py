"""Pages that take a POST (the contact form) without a CSRF token, so the front can store
them: a token in shared HTML would belong to whoever filled the cache, and its cookie would
make every copy private.

Cross-site forgery is refused by the headers every browser sends instead, as Go's
``http.CrossOriginProtection`` does: ``Sec-Fetch-Site`` when present (same-origin or a
typed-in address only), else ``Origin`` (this site's, or one in CSRF_TRUSTED_ORIGINS). A
request with neither did not come from a browser page, so no visitor's browser can be made
to send it. The admin and Wagtail's password form keep Django's token check.
"""

from functools import wraps

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.views.decorators.csrf import csrf_exempt

SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}
ALLOWED_FETCH_SITES = {"same-origin", "none"}


def cross_site(request):
    """Why ``request`` is a cross-site write, or None when it is not one."""
    if request.method in SAFE_METHODS:
        return None
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return None if fetch_site in ALLOWED_FETCH_SITES else f"Sec-Fetch-Site: {fetch_site}"
    origin = request.headers.get("Origin")
    if origin is None:
        return None
    own = f"{request.scheme}://{request.get_host()}"
    if origin == own or origin in settings.CSRF_TRUSTED_ORIGINS:
        return None
    return f"Origin: {origin}"


def same_origin_posts(view):
    """``view`` without Django's token check, refusing cross-site writes (403) instead."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        if reason := cross_site(request):
            raise PermissionDenied(f"A cross-site form post ({reason[:100]})")
        return view(request, *args, **kwargs)

    return csrf_exempt(checked)
