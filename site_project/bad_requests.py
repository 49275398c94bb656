"""Requests no page can mean are a 400 (templates/400.html), never a 5xx further down.

A NUL byte in the path or a query parameter reaches PostgreSQL, which refuses it (a 500 from
/search/?q=%00 before). Form fields are covered by Django's own validator on every CharField.
"""

from django.core.exceptions import BadRequest


class RejectNullBytesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or "\x00" in value for key, value in request.GET.items()
        ):
            raise BadRequest("A NUL byte in the address")
        return self.get_response(request)
