"""Which Markdown file a page was imported from, so a re-import updates it instead of adding one.

Kept beside the page rather than on it: a copied page must not claim its original's source,
and sections the importer generates (for a navigation parent no file defines) are recorded too.
"""

from django.db import models
from wagtail.models import Page


class ImportedPage(models.Model):
    page = models.OneToOneField(Page, on_delete=models.CASCADE, related_name="import_source")
    # The page the import was placed under (--under): the same file imported under two
    # different pages is two different pages.
    import_root = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    # The file's path relative to the imported folder ("blog/post.md"), or "nav:<key>" /
    # "folder:<path>" for a generated section.
    source_path = models.CharField(max_length=500)

    class Meta:
        db_table = "pages_importedpage"  # created by the pages app before the importer had one
        constraints = [
            models.UniqueConstraint(
                fields=["import_root", "source_path"], name="unique_import_source"
            )
        ]

    def __str__(self):
        return self.source_path
