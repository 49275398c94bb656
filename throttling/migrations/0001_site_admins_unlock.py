"""Site admins may see and delete (unlock) django-axes' failed sign-ins; editors may not."""

from django.db import migrations

from pages.group_permissions import grant


def forwards(apps, schema_editor):
    grant(apps, "Site admins", "axes", models=["accessattempt"], actions=("view", "delete"))


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0002_editor_and_admin_groups"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
