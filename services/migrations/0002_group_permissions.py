"""Site admins hold every permission of the services app (editors work on its pages through
Wagtail's page permissions). Once granted by pages/0002; now services grants its own."""

from django.db import migrations

from pages.group_permissions import grant


def forwards(apps, schema_editor):
    grant(apps, "Site admins", "services")


class Migration(migrations.Migration):
    dependencies = [
        ("services", "0001_initial"),
        ("pages", "0002_editor_and_admin_groups"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
