# ImportedPage now belongs to the importer app (importer/0001). Only Django's model state
# changes here; the table keeps its name and its rows.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("pages", "0003_imported_page"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="ImportedPage")],
        ),
    ]
