from django.apps import AppConfig


class RedirectsConfig(AppConfig):
    name = "site_redirects"
    label = "site_redirects"
    verbose_name = "Redirects"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.contrib import admin
        from redirects.models import Redirect

        from site_redirects import signals  # noqa: F401  (connects the receivers)

        # django-redirects registers its model in the Django admin; rules are managed (and
        # validated) only in the Wagtail dashboard.
        if admin.site.is_registered(Redirect):
            admin.site.unregister(Redirect)
