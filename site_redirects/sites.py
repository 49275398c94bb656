"""Redirect rules name a django.contrib.sites ``Site`` (django-redirects' model); pages live
on Wagtail ``Site``s. The two are paired by host name: the domain of the one is the hostname
of the other."""

from django.contrib.sites.models import Site as DjangoSite
from wagtail.models import Site as WagtailSite


def django_site_for(wagtail_site):
    site, _ = DjangoSite.objects.get_or_create(
        domain=wagtail_site.hostname,
        defaults={"name": (wagtail_site.site_name or wagtail_site.hostname)[:50]},
    )
    return site


def as_django_site(site):
    """None (all sites), a django.contrib.sites ``Site`` or a Wagtail ``Site`` → a rule's site."""
    if site is None or isinstance(site, DjangoSite):
        return site
    if isinstance(site, WagtailSite):
        return django_site_for(site)
    raise TypeError(f"not a site: {site!r}")


def rule_sites():
    """The sites a rule may name: those that serve pages."""
    return DjangoSite.objects.filter(
        domain__in=WagtailSite.objects.values_list("hostname", flat=True)
    ).order_by("domain")
