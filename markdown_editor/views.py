"""The Markdown editor's preview: the editor's text rendered by the site's own renderer.

EasyMDE would preview with its own Markdown library (marked), which does not know the 11ty
dialect: ``{.class}`` would show as text. This endpoint renders what the page will show
(markdown_dialect: markdown-it-py, the attrs port, nh3). It sits under /admin/ (Wagtail's
sign-in and admin-access check), takes POSTs only (Django's CSRF check) and refuses a text
past the Markdown block's limits before rendering anything.
"""

from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from markdown_dialect import render_markdown
from markdown_dialect.limits import MAX_CHARS
from markdown_dialect.validate import check

# The form-encoded body of a text at the limit, with room for percent-encoding (3 bytes a
# character, up to 4 for UTF-8) and the field name; anything larger is refused unread.
MAX_BODY_BYTES = 12 * MAX_CHARS + 1024


def _body_too_large(request):
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0) > MAX_BODY_BYTES
    except ValueError:
        return True


@never_cache
@require_POST
def preview(request):
    if _body_too_large(request):
        return HttpResponse(
            f"Too long to preview: a Markdown block holds at most {MAX_CHARS:,} characters.",
            status=413,
            content_type="text/plain; charset=utf-8",
        )
    text = request.POST.get("markdown", "")
    if problem := check(text):
        return HttpResponse(
            f"Line {problem.line}: {problem.message}.",
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    return HttpResponse(render_markdown(text), content_type="text/html; charset=utf-8")
