"""The headers Django has no setting for, and which Content-Security-Policy an answer gets.

Place it right below django-csp's CSPMiddleware: it sees each answer first, on the way out,
and tells CSPMiddleware the policy in the attributes django-csp's own view decorators use.

* /admin/ answers get ADMIN_CONTENT_SECURITY_POLICY (Wagtail's screens need a little more);
* a preview renders the page as the public site would, with the public policy, through the
  whole middleware stack again (Wagtail's dummy request has the page's path). Only its
  frame-ancestors differ: the editor's preview panel frames it;
* an answer its view allows framing by this site (X-Frame-Options: SAMEORIGIN, as Wagtail's
  preview views say) gets frame-ancestors 'self' to match.
"""

from csp.constants import SELF
from django.conf import settings
from django.urls import reverse


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        response.setdefault("Cross-Origin-Resource-Policy", settings.CROSS_ORIGIN_RESOURCE_POLICY)
        if request.path.startswith(reverse("wagtailadmin_home")):
            response._csp_config = settings.ADMIN_CONTENT_SECURITY_POLICY
        if getattr(request, "is_preview", False) or response.get("X-Frame-Options") == "SAMEORIGIN":
            response._csp_replace = {"frame-ancestors": [SELF]}
        return response
