"""Who hears of errors: ADMINS by email (Django's own handler), Sentry when SENTRY_DSN is set.

A database outage fails every request with the same error; one email per interval says it,
a thousand would bury everything else (and the mail server).
"""

import logging
import time

from django.db import InterfaceError, OperationalError

DATABASE_ERRORS = (OperationalError, InterfaceError)


class OneOutageEmail(logging.Filter):
    """Let through one "database unreachable" error per ``seconds``, every other error."""

    def __init__(self, seconds=600):
        super().__init__()
        self.seconds = seconds
        self.last_sent = None

    def filter(self, record):
        error = record.exc_info[1] if record.exc_info else None
        if not isinstance(error, DATABASE_ERRORS):
            return True
        now = time.monotonic()
        if self.last_sent is not None and now - self.last_sent < self.seconds:
            return False
        self.last_sent = now
        return True


class OncePerInterval(logging.Filter):
    """Let through one record per ``seconds``: a Redis outage fails every cache call of every
    request with the same error, and one log line a minute says it."""

    def __init__(self, seconds=60):
        super().__init__()
        self.seconds = seconds
        self.last_passed = None

    def filter(self, record):
        now = time.monotonic()
        if self.last_passed is not None and now - self.last_passed < self.seconds:
            return False
        self.last_passed = now
        return True


def start_sentry(dsn, environment, traces_sample_rate):
    """Send errors (not visitors' personal data) to Sentry."""
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        traces_sample_rate=traces_sample_rate,
    )
