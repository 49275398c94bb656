"""`make stack`: a small real deployment on one machine (docs/deployment.md).

    python -m stack start [--dir .local/stack] [--port 8000] [--instances 2]
    python -m stack stop [--dir .local/stack]
    python -m stack status [--dir .local/stack]

The front (nginx, the front cache) on PORT balances over gunicorn instances of the site, which
share one PostgreSQL (a cluster of the stack's own, reached through pgbouncer in transaction
mode), one Redis (Django's cache) and one SeaweedFS (media in its S3 bucket, read through the
front); a scheduler runs Wagtail's publish_scheduled every minute. Every process writes its
PID under the stack's folder, and ``stop`` ends exactly those.
"""
