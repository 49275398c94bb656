"""Receivers: the rules' version moves with every change workers must see."""

from django.contrib.sites.models import Site as DjangoSite
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from redirects.models import Redirect
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from pages.redirects.models import RulesVersion
from pages.redirects.sites import django_site_for


@receiver(post_save, sender=Redirect)
@receiver(post_delete, sender=Redirect)
@receiver(post_delete, sender=DjangoSite)
@receiver(post_delete, sender=Site)
@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def rules_changed(**kwargs):
    RulesVersion.bump()


@receiver(post_delete)
def page_deleted(sender, **kwargs):
    if issubclass(sender, Page):
        RulesVersion.bump()


@receiver(post_save, sender=Site)
def site_saved(instance, **kwargs):
    django_site_for(instance)
    RulesVersion.bump()
