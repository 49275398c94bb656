from django.apps import AppConfig


class MarkdownEditorConfig(AppConfig):
    name = "markdown_editor"
    verbose_name = "Markdown editor"
