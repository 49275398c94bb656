"""Login lockouts (django-axes) and per-address rate limits (django-ratelimit)."""

AUTHENTICATION_BACKENDS = [
    # First, as django-axes asks: it refuses a locked-out login before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
