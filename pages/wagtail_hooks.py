"""Admin-wide additions: the Markdown editor's options (static/js/admin_markdown.js)."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_js")
def markdown_editor_options():
    # Global, not the editor hook: the options must exist before wagtail-markdown's script runs.
    return format_html('<script src="{}"></script>', static("js/admin_markdown.js"))
