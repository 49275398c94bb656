"""Errors reach someone: ADMINS by email (one email per outage, not one per request) and
Sentry when SENTRY_DSN is set."""

import logging
import os
import subprocess
import sys

import pytest
from django.core import mail
from django.db import OperationalError
from django.test import override_settings

from site_project.error_reporting import OneOutageEmail
from tests.serving import PROJECT


def log_error(error):
    try:
        raise error
    except Exception:
        logging.getLogger("django.request").error("Internal Server Error: /", exc_info=True)


@pytest.fixture
def outage_filter():
    handler = next(h for h in logging.getLogger("django").handlers if h.name == "mail_admins")
    found = next(f for f in handler.filters if isinstance(f, OneOutageEmail))
    found.last_sent = None
    yield found
    found.last_sent = None


@override_settings(ADMINS=[("Ops", "ops@example.com")])
def test_a_bug_emails_the_admins_every_time_an_outage_once(outage_filter):
    log_error(ValueError("a bug"))
    log_error(ValueError("another bug"))
    assert len(mail.outbox) == 2 and mail.outbox[0].to == ["ops@example.com"]
    for _ in range(50):
        log_error(OperationalError("connection refused"))
    assert len(mail.outbox) == 3
    assert "OperationalError" in mail.outbox[2].body


def settings_in_child(code, **env):
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=PROJECT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "site_project.settings.dev", **env},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def test_admins_and_server_email_come_from_the_environment():
    code = "from django.conf import settings; print(settings.ADMINS, settings.SERVER_EMAIL)"
    printed = settings_in_child(
        code, ADMINS="Ops Team <ops@example.com>, dev@example.com", SERVER_EMAIL="site@example.com"
    )
    assert printed == "[('Ops Team', 'ops@example.com'), ('', 'dev@example.com')] site@example.com"


def test_sentry_reports_only_when_its_dsn_is_set():
    code = "import sentry_sdk; print(sentry_sdk.get_client().is_active())"
    assert settings_in_child(code, SENTRY_DSN="") == "False"
    assert settings_in_child(code, SENTRY_DSN="http://key@127.0.0.1:9/1") == "True"


def test_the_shared_cache_logs_its_errors_once_a_minute(caplog):
    """A Redis outage fails every cache call; the log says so once a minute, not each time."""
    from django_redis.exceptions import ConnectionInterrupted

    logger = logging.getLogger("site_project.cache")  # settings.DJANGO_REDIS_LOGGER
    with caplog.at_level(logging.ERROR, logger="site_project.cache"):
        for _ in range(50):
            try:
                raise ConnectionInterrupted(connection=None)
            except ConnectionInterrupted:
                logger.exception("Exception ignored")
    assert len(caplog.records) == 1
