"""Fields for pictures from Wagtail's image library."""

from django.db import models


def optional_image(help_text):
    """An optional image; deleting the image from the library leaves the field empty."""
    return models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=help_text,
    )
