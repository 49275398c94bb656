from django.apps import AppConfig


class FrontCacheConfig(AppConfig):
    name = "front_cache"
    verbose_name = "Front cache"

    def ready(self):
        from front_cache import purge

        purge.connect()
