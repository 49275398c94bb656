"""Editors may manage authors and categories (snippets); site admins everything of the blog.

Once granted by pages/0002, which then depended on this app; now the blog grants its own.
"""

from django.db import migrations

from pages.group_permissions import grant


def forwards(apps, schema_editor):
    grant(apps, "Editors", "blog", models=["author", "blogcategory"])
    grant(apps, "Site admins", "blog")


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0002_author_help_texts"),
        ("pages", "0002_editor_and_admin_groups"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
