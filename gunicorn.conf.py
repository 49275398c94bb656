"""Gunicorn settings for `make run` and production; each can be overridden by environment."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
# One single-threaded worker per core: a render is CPU work (the database answers in well
# under a millisecond), the front buffers slow clients, and more workers or threads only
# contend for the cores. Measured by `make bench-gunicorn` (docs/gunicorn-sweep.md): on 2
# cores, 2 x 1 served ~20 % more than 5 x 2 with a third of its p99.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count()))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so a slow leak cannot grow forever.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# gunicorn 27 opens a control socket in the home folder by default: two instances would
# clash there, and nothing here uses it.
control_socket_disable = True
