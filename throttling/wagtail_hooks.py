from wagtail import hooks

from throttling.viewsets import LockoutViewSet


@hooks.register("register_admin_viewset")
def register_lockout_viewset():
    return LockoutViewSet()
