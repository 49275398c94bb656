"""Re-render every page's stored body HTML: run after changing the Markdown renderer or its
class allow-list (raise markdown_dialect.stored.RENDERER_VERSION for a renderer change)."""

from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import get_page_models

from front_cache.purge import content_changed
from markdown_dialect import stored as stored_markdown
from pages.models import BasePage


class Command(BaseCommand):
    help = "Render the stored HTML of every page body again (after a renderer change)."

    def handle(self, *args, **options):
        changed = 0
        with transaction.atomic():
            for model in get_page_models():
                if not issubclass(model, BasePage):
                    continue
                for page in model.objects.filter(content_type__model=model._meta.model_name):
                    fresh = stored_markdown.store(page._markdown_texts())
                    if fresh != page.rendered_body:
                        model.objects.filter(pk=page.pk).update(rendered_body=fresh)
                        changed += 1
            if changed:
                content_changed()  # the front and Django's cache show the new HTML
        self.stdout.write(f"{changed} page bodies rendered again.")
