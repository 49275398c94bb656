"""Upload forms (WAGTAILIMAGES_IMAGE_FORM_BASE, WAGTAILDOCS_DOCUMENT_FORM_BASE) that refuse an
upload, with a form error, while the media store does not answer: nothing is saved, and the
editor reads why instead of a server error."""

from django.core.exceptions import ValidationError
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from media_store.storage import media_store_reachable

UNREACHABLE = (
    "The media store is not answering just now, so the file was not saved. "
    "Nothing was lost: try again in a minute."
)


class StoreCheckMixin:
    def clean(self):
        cleaned = super().clean()
        if "file" in self.changed_data and not media_store_reachable():
            raise ValidationError(UNREACHABLE, code="media_store_unreachable")
        return cleaned


class ImageForm(StoreCheckMixin, BaseImageForm):
    pass


class DocumentForm(StoreCheckMixin, BaseDocumentForm):
    pass
