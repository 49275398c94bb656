"""Who may keep a copy of an answer: the Cache-Control every response leaves with.

The front cache (nginx, see nginx.conf.template) stores what this says it may and nothing
else, so the rules live here, in one place:

* an answer a view already labelled keeps its label (search is private, /healthz no-cache);
* anything for a visitor with a session (a logged-in editor), the admin, a preview, a request
  that is not GET/HEAD, an answer that sets a cookie (a CSRF token, a new session): private;
* pages (200) and "not found" (404) of anonymous GET/HEAD requests: shared caches may keep
  them (s-maxage) and serve them stale briefly while they refresh; browsers revalidate every
  time (max-age=0), cheaply thanks to the ETag (304);
* redirects: browsers only, for an hour (they carry the visitor's query string onto the
  target, and rule changes are not purged);
* anything else (5xx, 403, …): no-store.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control

SHARED_STATUSES = {200: "FRONT_CACHE_SECONDS", 404: "FRONT_CACHE_NOT_FOUND_SECONDS"}
REDIRECT_STATUSES = {301, 302, 307, 308, 410}


def _private_reason(request, response):
    if request.method not in ("GET", "HEAD"):
        return "method"
    if request.path.startswith("/admin/") or getattr(request, "is_preview", False):
        return "admin"
    # A visitor with a session (an editor) is answered for themselves; without one, the page
    # is the same for everyone even if the template looked for a user (Vary: Cookie).
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
        return "session"
    if response.cookies:  # a CSRF token (a form) or a new session
        return "cookie"
    return None


class CachePolicyMiddleware:
    """Sets Cache-Control as the module docstring says. Place it above the session and CSRF
    middleware, so that it sees the cookies they set."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response
        if _private_reason(request, response):
            patch_cache_control(response, private=True, no_store=True)
        elif response.status_code in SHARED_STATUSES:
            seconds = getattr(settings, SHARED_STATUSES[response.status_code])
            patch_cache_control(
                response,
                public=True,
                max_age=0,
                s_maxage=seconds,
                stale_while_revalidate=settings.FRONT_CACHE_STALE_SECONDS,
            )
        elif response.status_code in REDIRECT_STATUSES:
            patch_cache_control(response, private=True, max_age=3600)
        else:
            patch_cache_control(response, no_store=True)
        return response


class ClientAddressMiddleware:
    """REMOTE_ADDR becomes the visitor's address that the front cache passes in X-Real-IP,
    when (and only when) the request comes from a trusted front (FRONT_CACHE_TRUSTED_IPS)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        real_ip = request.META.get("HTTP_X_REAL_IP", "").strip()
        if real_ip and request.META.get("REMOTE_ADDR") in settings.FRONT_CACHE_TRUSTED_IPS:
            request.META["REMOTE_ADDR"] = real_ip
        return self.get_response(request)
