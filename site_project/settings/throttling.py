"""Login lockouts (django-axes) and per-address rate limits (django-ratelimit); the numbers
and the reasons are in docs/throttling.md."""

import os
from datetime import timedelta

AUTHENTICATION_BACKENDS = [
    # First, as django-axes asks: it refuses a locked-out login before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# One account from one address: a guesser is stopped, yet cannot lock an admin out from
# everywhere (per account alone) or a whole office behind one address (per address alone).
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_RESET_ON_SUCCESS = True
AXES_HTTP_RESPONSE_CODE = 429
AXES_LOCKOUT_CALLABLE = "throttling.lockout.lockout_response"
# Both libraries count by the address front_cache's middleware has vetted, never a header.
AXES_CLIENT_IP_CALLABLE = "throttling.lockout.client_address"
RATELIMIT_IP_META_KEY = "throttling.lockout.client_address"
# The Django admin is not served; lockouts are listed in Wagtail's (throttling.viewsets).
AXES_ENABLE_ADMIN = False

WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "throttling.forms.PasswordResetForm"
PASSWORD_RESET_RATE = os.environ.get("PASSWORD_RESET_RATE", "5/h")
CONTACT_FORM_RATE = os.environ.get("CONTACT_FORM_RATE", "5/10m")
# When the shared cache (Redis) is down the counts cannot be kept: let visitors through (the
# contact form's honeypot and same-origin check still hold) rather than refuse every message.
RATELIMIT_FAIL_OPEN = True
