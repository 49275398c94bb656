"""The demo site (our own writing) loaded through the importer; see ``demo.loader``."""
