"""Requests no page can mean are a 4xx (templates/400.html, 404.html), never a 5xx further down.

Each rule below stopped a 500 that generated requests found (docs/bad-requests.md):

* A NUL byte in the path or a query parameter reaches PostgreSQL, which refuses it (a 500
  from /search/?q=%00). Form fields are covered by Django's validator on every CharField.
* X-Real-IP, the visitor's address as the front tells it (front_cache.middleware), must be an
  address: django-ratelimit and django-axes read it as one and failed on anything else (the
  contact form); PostgreSQL's inet, where django-axes stores it, takes no "%zone" either.
* Under /media/, a path segment longer than a file name can be (255 bytes) names nothing: a
  404, before Django's file serving asks the file system (ENAMETOOLONG).
* A form body in a charset other than UTF-8 is refused by Django; spellings of UTF-8 (utf8)
  are read as UTF-8, any other charset is refused here.

Django's 400 and 404 views check the CSRF token, which reads a POST body: a body that cannot
be read (too big, 1,001 fields, the wrong charset) then raised again inside the error view,
a 500. So every refusal here, the unknown host's included (checked here first, before
CommonMiddleware asks), marks the body read and empty; Django does the same for its own.
"""

import codecs
import ipaddress

from django.conf import settings
from django.core.exceptions import BadRequest, SuspiciousOperation
from django.http import Http404

FORM = "application/x-www-form-urlencoded"
LONGEST_NAME = 255


def is_address(text):
    try:
        ipaddress.ip_address(text.strip())
    except ValueError:
        return False
    return "%" not in text


def too_long_for_a_file(path):
    return path.startswith(settings.MEDIA_URL) and any(
        len(part.encode()) > LONGEST_NAME for part in path.split("/")
    )


def check(request):
    """Raise what the request is refused for; a UTF-8 form body by another name is relabelled."""
    request.get_host()  # DisallowedHost
    if "\x00" in request.path or any(
        "\x00" in key or any("\x00" in value for value in values)
        for key, values in request.GET.lists()
    ):
        raise BadRequest("A NUL byte in the address")
    real_ip = request.META.get("HTTP_X_REAL_IP", "")
    if real_ip.strip() and not is_address(real_ip):
        raise BadRequest("X-Real-IP is not an address")
    if too_long_for_a_file(request.path):
        raise Http404("A path segment longer than any file name")
    if request.method == "POST" and request.content_type == FORM and request.encoding:
        if codecs.lookup(request.encoding).name != "utf-8":
            raise BadRequest("A form body not in UTF-8")
        request.encoding = "utf-8"  # as Django spells it


class BadRequestMiddleware:
    """The rules of this module, before anything else reads the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            check(request)
        except (BadRequest, SuspiciousOperation, Http404):
            request._mark_post_parse_error()  # so the error page's CSRF check cannot read it
            raise
        return self.get_response(request)
