from redirects.models import Redirect
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet

from site_redirects.models import NotFoundPath
from site_redirects.viewsets import RedirectViewSet

register_snippet(Redirect, viewset=RedirectViewSet)


class RedirectsPanel(Component):
    """The admin home's summary: most-hit rules, latest changes, top not-found paths."""

    name = "redirects"
    order = 150
    template_name = "site_redirects/home_panel.html"

    def get_context_data(self, parent_context):
        rules = Redirect.objects.select_related("site")
        return {
            "most_hit": rules.filter(counter__gt=0).order_by("-counter")[:5],
            "recent": rules.order_by("-updated_at")[:5],
            "not_found": NotFoundPath.objects.order_by("-hits", "-last_seen")[:5],
        }


@hooks.register("construct_homepage_panels")
def add_redirects_panel(request, panels):
    if request.user.has_perm("redirects.view_redirect"):
        panels.append(RedirectsPanel())
