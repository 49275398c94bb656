from django.apps import AppConfig


class SeoConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "seo"
    verbose_name = "Search and sharing"

    def ready(self):
        from seo import images

        images.connect()
