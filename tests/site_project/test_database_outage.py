"""A real PostgreSQL stopped and started under a bounded load against gunicorn.

The site runs the way `make run` runs it (dev settings, the local cluster named by
LOCAL_DB_DIR, no DATABASE_URL) on a copy of the test database in a cluster of its own, so
stopping it touches nothing else. While it is down every page is the branded 503 with
Retry-After (never the 500 page), no worker starts the database again (not even one recycled
during the outage), and pages answer again within 2 s of its return.
"""

import os
import signal
import time
from collections import Counter

import pytest
from django.db import connection

from site_project import localdb
from tests.serving import Load, database_copy, gunicorn

PATHS = ["/", "/services/", "/blog/", "/contact/", "/healthz"]


@pytest.fixture
def cluster(django_db_setup):
    with database_copy(connection.settings_dict, "outage") as copy:
        yield copy


def test_an_outage_is_a_503_with_retry_after_and_service_resumes_on_its_own(
    cluster, collected_static, tmp_path
):
    pid_file = tmp_path / "gunicorn.pid"
    env = {
        "DJANGO_SETTINGS_MODULE": "site_project.settings.dev",
        "DJANGO_DEBUG": "false",
        "LOCAL_DB_DIR": str(cluster),
        "DATABASE_URL": "",
        "STATIC_ROOT": str(collected_static),
        "GUNICORN_CMD_ARGS": f"--pid {pid_file}",
    }
    with gunicorn(env, workers=2) as base_url, Load(base_url, PATHS) as load:
        time.sleep(1.5)
        stopped = time.monotonic()
        localdb.stop(cluster)
        time.sleep(1)
        # Workers recycled during the outage must not bring the database back themselves.
        os.kill(int(pid_file.read_text()), signal.SIGHUP)
        time.sleep(3)
        assert not localdb.is_running(cluster), "a worker started the database"
        restarted = time.monotonic()
        localdb.ensure_running(cluster)
        back = time.monotonic()
        time.sleep(3)

    before = load.between(0, stopped)
    assert before and all(status == 200 for _, _, status, _, _ in before)

    during = load.between(stopped + 0.5, restarted)
    assert len(during) > 20, "the load went on during the outage"
    statuses = Counter(status for _, _, status, _, _ in during)
    assert statuses == {503: len(during)}, statuses
    for _, path, _, retry_after, body in during:
        assert retry_after == "30", path
        if path != "/healthz":
            assert b"Back in a moment" in body and b"/static/css/site" in body, path

    answered = sorted(load.between(back, back + 10))
    first_ok = next(t for t, _, status, _, _ in answered if status == 200)
    assert first_ok - back < 2, f"service resumed {first_ok - back:.1f}s after the database"
    after = [status for t, _, status, _, _ in answered if t > first_ok + 0.5]
    assert after and set(after) == {200}, Counter(after)
    assert all(status != 500 for _, _, status, _, _ in load.answers)
