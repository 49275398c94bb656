"""Authors get a slug (their page's address, /blog/author/<slug>/), filled from their names."""

from django.db import migrations, models
from django.utils.text import slugify


def fill_slugs(apps, schema_editor):
    Author = apps.get_model("blog", "Author")
    taken = set()
    for author in Author.objects.order_by("pk"):
        base = slugify(author.name)[:90] or "author"
        slug, number = base, 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        taken.add(slug)
        Author.objects.filter(pk=author.pk).update(slug=slug)


class Migration(migrations.Migration):
    dependencies = [("blog", "0004_rendered_body")]

    operations = [
        migrations.AddField(
            model_name="author",
            name="slug",
            field=models.SlugField(blank=True, default="", max_length=100, db_index=False),
            preserve_default=False,
        ),
        migrations.RunPython(fill_slugs, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="author",
            name="slug",
            field=models.SlugField(
                blank=True,
                help_text="Used in the author's address: /blog/author/…/. Empty: made from the name.",
                max_length=100,
                unique=True,
            ),
        ),
    ]
