# ImportedPage moved here from the pages app (pages/0004): the table pages/0003 created is
# taken over as it is, so only Django's model state is created.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("pages", "0004_imported_page_moves_to_importer"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ImportedPage",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("source_path", models.CharField(max_length=500)),
                        ("import_root", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+", to=settings.WAGTAIL_PAGE_MODEL)),
                        ("page", models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name="import_source", to=settings.WAGTAIL_PAGE_MODEL)),
                    ],
                    options={
                        "db_table": "pages_importedpage",
                        "constraints": [models.UniqueConstraint(fields=("import_root", "source_path"), name="unique_import_source")],
                    },
                ),
            ],
        ),
    ]
