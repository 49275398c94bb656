"""Receivers: the rules' version moves with every change workers must see, and pages that
change URL leave redirects behind."""

from django.contrib.sites.models import Site as DjangoSite
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from redirects.models import Redirect
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from site_redirects import live_table
from site_redirects.automatic import redirect_moved_page
from site_redirects.models import RulesVersion
from site_redirects.sites import django_site_for


@receiver(post_save, sender=Redirect)
@receiver(post_delete, sender=Redirect)
@receiver(post_delete, sender=DjangoSite)
@receiver(post_delete, sender=Site)
@receiver(post_delete, sender=Page)  # deleting any page type deletes its Page row too
@receiver(page_published)
@receiver(page_unpublished)
def rules_changed(**kwargs):
    RulesVersion.bump()
    live_table.current.expire()


@receiver(post_save, sender=Site)
def site_saved(instance, **kwargs):
    django_site_for(instance)
    rules_changed()


@receiver(page_slug_changed)
def slug_changed(instance, instance_before, **kwargs):
    if instance.live and instance_before.live:
        redirect_moved_page(instance, instance_before.url_path)
    rules_changed()


@receiver(post_page_move)
def page_moved(instance, url_path_before, url_path_after, **kwargs):
    if instance.live and url_path_before != url_path_after:
        redirect_moved_page(instance, url_path_before)
    rules_changed()
