from django.conf import settings
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from front_cache.same_origin import same_origin_posts
from pages import views
from pages.sitemap import sitemap

handler500 = "pages.views.server_error"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("search/", views.search, name="search"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.SERVE_MEDIA:
    # Uploads served by Django: for local runs and tests, or a small site without a web server.
    urlpatterns.append(
        # Not documents: Django serves them at /documents/ID/NAME, checking their privacy.
        re_path(
            r"^media/(?!documents/)(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}
        )
    )

urlpatterns += [
    # Pages (the contact form's posts too) without a per-visitor token, so the front can
    # store them; cross-site posts are refused by their headers (front_cache.same_origin).
    re_path(
        wagtail_urls.serve_pattern,
        same_origin_posts(wagtail_views.serve),
        name="wagtail_serve",
    ),
    path("", include(wagtail_urls)),
]
