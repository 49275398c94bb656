"""Redirect tests start from an empty rule table that the middleware reloads at once."""

import pytest

from pages.redirects import live_table, not_found


def forget():
    # A rolled-back test can leave the version number where the next test's change brings it
    # again: forget the number so the next request reloads.
    live_table.current.version = None
    live_table.current.expire()
    not_found.buffer.pending.clear()


@pytest.fixture(autouse=True)
def fresh_rules():
    forget()
    yield
    forget()


def location(response):
    return response.status_code, response.headers.get("Location")
