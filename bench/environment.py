"""The Django side of a run: the children's environment, the throwaway database, commands."""

import json
import os
import subprocess
import sys
import time

from bench.servers import PROJECT
from site_project import localdb

BEGAN = time.monotonic()


def log(message):
    print(f"[{time.monotonic() - BEGAN:5.0f}s] {message}", file=sys.stderr, flush=True)


def django(env, module, *args, timeout=1800):
    """Run ``python -m module args`` in the site's environment; return its JSON answer."""
    result = subprocess.run(
        [sys.executable, "-m", module, *map(str, args)],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode != 0:
        raise RuntimeError(f"{module} {' '.join(map(str, args))} failed:\n{result.stderr}")
    for line in reversed(result.stdout.splitlines()):
        if line.startswith("BENCH-JSON "):
            return json.loads(line.removeprefix("BENCH-JSON "))
    raise RuntimeError(f"{module} gave no answer:\n{result.stdout}\n{result.stderr}")


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=PROJECT, env=env, check=True)


def site_env(database_url, settings_module, static_root):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings_module,
        "DJANGO_DEBUG": "false",
        "DATABASE_URL": database_url,
        "STATIC_ROOT": str(static_root),
        # Purges go nowhere: no front outside this run may be touched.
        "FRONT_CACHE_URLS": "",
        # No recycling mid-cell: a worker rebooting (~2 s, its caches empty) while the other
        # takes all 16 connections is a once-per-2,000-requests event, not a render's cost.
        "GUNICORN_MAX_REQUESTS": "0",
    }
    env.pop("LOCAL_DB_DIR", None)
    return env


def prepare_database(cluster, env_for):
    """A new cluster with the demo site: migrated, static files collected, content loaded."""
    log(f"Creating the throwaway database in {cluster} ...")
    localdb.destroy(cluster)
    env = env_for(localdb.ensure_running(cluster))
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    manage(env, "load_demo_content")
    return env


def gunicorn_settings(env):
    """Workers and threads that gunicorn.conf.py gives in this environment."""
    code = (
        "import runpy, json; c = runpy.run_path('gunicorn.conf.py');"
        "print(json.dumps({'workers': c['workers'], 'threads': c['threads']}))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT, env=env, capture_output=True, text=True
    )
    return json.loads(out.stdout) if out.returncode == 0 else {}
