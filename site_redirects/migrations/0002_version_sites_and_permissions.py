"""The rules' version row, a django.contrib.sites Site for each Wagtail site, and the
redirect permissions for "Site admins" (created after pages' 0002 gave that group every
permission that existed then). Editors get none."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ADMIN_MODELS = [("redirects", "redirect"), ("site_redirects", "notfoundpath")]


def forwards(apps, schema_editor):
    apps.get_model("site_redirects", "RulesVersion").objects.get_or_create(pk=1)

    DjangoSite = apps.get_model("sites", "Site")
    for site in apps.get_model("wagtailcore", "Site").objects.all():
        DjangoSite.objects.get_or_create(
            domain=site.hostname, defaults={"name": (site.site_name or site.hostname)[:50]}
        )

    # Permissions are normally created after all migrations; make sure they exist now.
    for label in ("redirects", "site_redirects"):
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    admins = Group.objects.filter(name="Site admins").first()
    if admins:
        for app_label, model in ADMIN_MODELS:
            admins.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label=app_label, content_type__model=model
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("site_redirects", "0001_initial"),
        ("redirects", "0005_redirect_note"),
        ("sites", "0002_alter_domain_unique"),
        ("pages", "0002_editor_and_admin_groups"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
