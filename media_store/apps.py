from django.apps import AppConfig


class MediaStoreConfig(AppConfig):
    name = "media_store"
    verbose_name = "Media storage"
