"""Import an Eleventy (11ty) Markdown site into the page tree; see docs/importing.md.

The entry points are in ``importer.run`` (``plan_import``, ``run_import``).
"""
