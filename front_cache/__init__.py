"""The front cache: nginx in front of gunicorn, what it may keep, and purges on change.

See docs/front-cache.md. ``nginx`` runs it, ``middleware`` labels every answer,
``purge`` says what leaves the cache when content changes, ``backends`` sends the purges.
"""
