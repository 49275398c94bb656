"""The floor: a bare Django view answering "hello", served by the site's gunicorn settings.

    gunicorn bench.hello:application -c gunicorn.conf.py

No database, no middleware, no templates: what Django and gunicorn cost on their own.
"""

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path


def hello(request, **path):
    return HttpResponse(b"hello\n", content_type="text/plain")


urlpatterns = [path("", hello), path("<path:anything>", hello)]

if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY="bench-hello-floor-not-a-secret",
        ALLOWED_HOSTS=["127.0.0.1", "localhost"],
        ROOT_URLCONF=__name__,
        INSTALLED_APPS=[],
        MIDDLEWARE=[],
    )

application = get_wsgi_application()
