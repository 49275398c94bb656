"""Redirects over django-redirects' ``Redirect`` model: a fast, safe matching middleware,
validation shared by every way of saving a rule (``store``), the Wagtail dashboard, automatic
redirects when pages move, and a bounded log of paths that ended in a 404."""
