"""Granting an app's model permissions to the "Editors" / "Site admins" groups from a migration.

pages/0002 creates the groups; every app above pages grants its own models' permissions in a
migration of its own (so pages never depends on them), through ``grant``.
"""

from django.contrib.auth.management import create_permissions

ACTIONS = ("add", "change", "delete", "view")


def grant(apps, group_name, app_label, models=None, actions=ACTIONS):
    """Give ``group_name`` the ``actions`` on ``models`` of ``app_label`` (all its models when
    None). Works on the migration state ``apps``; a missing group is left alone."""
    # Permissions are normally created after all migrations; make sure they exist now.
    app_config = apps.get_app_config(app_label)
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    group = apps.get_model("auth", "Group").objects.filter(name=group_name).first()
    if group is None:
        return
    permissions = apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label=app_label
    )
    if models is not None:
        permissions = permissions.filter(content_type__model__in=models)
    codenames = [p.codename for p in permissions if p.codename.split("_", 1)[0] in actions]
    group.permissions.add(*permissions.filter(codename__in=codenames))
