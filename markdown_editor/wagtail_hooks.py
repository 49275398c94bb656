"""The Markdown editor (wagtail-markdown's EasyMDE) in the admin, with no outside requests:
its options and preview (static/markdown_editor/editor.js), its toolbar icons from our
static files, and the preview endpoint."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks

from markdown_editor import views


@hooks.register("register_admin_urls")
def preview_url():
    return [path("markdown-preview/", views.preview, name="markdown_preview")]


@hooks.register("insert_global_admin_js")
def editor_options():
    # Global, not the editor hook: the options must exist before wagtail-markdown's script runs.
    return format_html(
        '<script src="{}" data-preview-url="{}"></script>',
        static("markdown_editor/editor.js"),
        reverse("markdown_preview"),
    )


@hooks.register("insert_global_admin_css")
def editor_styles():
    return format_html(
        '<link rel="stylesheet" href="{}"><link rel="stylesheet" href="{}">',
        static("markdown_editor/font-awesome/font-awesome-toolbar.css"),
        static("markdown_editor/editor.css"),
    )
