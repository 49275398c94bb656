"""Indexes for a page the import writes: once, after its last save.

Creating a page and publishing it saves it three times (created, revision, published), and
Wagtail updates the search index and the reference index on every save: per page, two thirds
of that work was thrown away (a fifth of an import's time).
"""

from contextlib import contextmanager

from django.db.models.signals import post_save
from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import Page, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update


def _indexed_page_models():
    return [
        model
        for model in index.get_indexed_models()
        if issubclass(model, Page) and getattr(model, "search_auto_update", True)
    ]


@contextmanager
def indexed_once(pages):
    """Saves in the block update no index; each page appended to ``pages`` is indexed at
    the end (search and references). Images and snippets saved in the block keep theirs."""
    models = _indexed_page_models()
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)
    for page in pages:
        saved = type(page).objects.get(pk=page.pk)  # as published, not as this copy was left
        ReferenceIndex.create_or_update_for_object(saved)
        index.insert_or_update_object(saved)
