"""The benchmark behind `make bench` and docs/performance.md.

For each kind of page, in one run and interleaved: nginx serving the page's bytes from disk
(the limit), a bare Django view under the same gunicorn settings (the floor), the site through
its front cache, and the site uncached; plus queries, bytes and growth with the tree's size.
``python -m bench --help`` lists the options; bench.run says how a run goes.
"""
