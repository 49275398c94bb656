"""Snippets the blog uses: authors and categories."""

from django.db import models
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet

from pages.images import optional_image


@register_snippet
class Author(models.Model):
    name = models.CharField(max_length=100, help_text="As shown on posts.")
    slug = models.SlugField(
        max_length=100,
        unique=True,
        blank=True,
        help_text="Used in the author's address: /blog/author/…/. Empty: made from the name.",
    )
    role = models.CharField(max_length=100, blank=True, help_text="e.g. Fractional CTO")
    photo = optional_image("A square head-and-shoulders photo works best.")
    bio = models.TextField(blank=True, max_length=600, help_text="Two or three sentences.")

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("role"),
        FieldPanel("photo"),
        FieldPanel("bio"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Author, self.name or "author", self.pk)
        super().save(*args, **kwargs)


def unique_slug(model, text, own_pk=None):
    """slugify(text), with -2, -3, … when another row has it."""
    base = slugify(text)[:90] or "author"
    taken = set(
        model.objects.filter(slug__startswith=base)
        .exclude(pk=own_pk)
        .values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


@register_snippet
class BlogCategory(models.Model):
    name = models.CharField(max_length=80, unique=True, help_text="e.g. Delivery")
    slug = models.SlugField(
        max_length=80, unique=True, help_text="Used in the category's address: /blog/category/…/"
    )
    description = models.TextField(blank=True, help_text="Shown on the category's listing.")

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        ordering = ["name"]
        verbose_name = "blog category"
        verbose_name_plural = "blog categories"

    def __str__(self):
        return self.name
