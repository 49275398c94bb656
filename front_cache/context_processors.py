"""``content_version`` in every template, for ``{% cache %}`` fragments that change only when
content does (Django's cache tag keys a fragment by the values it varies on)."""

from front_cache import version


def content_version(request):
    # The function itself: a template calls it only if it uses it (one query per request).
    return {"content_version": version.current}
