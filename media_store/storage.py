"""The S3-compatible media bucket, with URLs under MEDIA_URL.

The bucket is read through the front's /media/ (or a CDN at MEDIA_URL), never by signed URLs:
a page's image URLs are the same on every instance and stay valid while the store is down.
"""

import logging

from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.core.files.storage import default_storage
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage
from storages.utils import clean_name

logger = logging.getLogger(__name__)


class MediaStorage(S3Storage):
    def url(self, name, parameters=None, expire=None, http_method=None):
        return settings.MEDIA_URL + filepath_to_uri(self._normalize_name(clean_name(name)))

    def reachable(self):
        try:
            self.connection.meta.client.head_bucket(Bucket=self.bucket_name)
        except (BotoCoreError, ClientError) as error:
            logger.error("Media store %s unreachable: %s", self.endpoint_url, error)
            return False
        return True


def media_store_reachable():
    """Whether an upload can be stored now (a local disk always can)."""
    check = getattr(default_storage, "reachable", None)
    return check() if check else True
