"""Our models beside django-redirects' ``Redirect``: the rules' version stamp and the
not-found log."""

from django.contrib.sites.models import Site
from django.db import models
from django.db.models import F


class RulesVersion(models.Model):
    """One row whose value changes with every change to the rules or the pages they meet.

    Workers compare it now and then with the version of their in-memory rule table; saving a
    rule locks it, so rule changes are serialised (see ``store``).
    """

    value = models.BigIntegerField(default=0)

    class Meta:
        default_permissions = ()

    def __str__(self):
        return f"rules version {self.value}"

    @classmethod
    def bump(cls):
        if not cls.objects.filter(pk=1).update(value=F("value") + 1):
            cls.objects.get_or_create(pk=1)

    @classmethod
    def current(cls):
        return cls.objects.filter(pk=1).values_list("value", flat=True).first() or 0

    @classmethod
    def lock(cls):
        cls.objects.get_or_create(pk=1)
        return cls.objects.select_for_update().get(pk=1)


class NotFoundPath(models.Model):
    """A path that ended in a 404, counted (see ``not_found`` for how writes are bounded)."""

    site = models.ForeignKey(Site, null=True, blank=True, on_delete=models.CASCADE)
    path = models.CharField(max_length=512)
    hits = models.PositiveIntegerField(default=0)
    first_seen = models.DateTimeField()
    last_seen = models.DateTimeField(db_index=True)
    last_referrer = models.CharField(max_length=512, blank=True)

    class Meta:
        verbose_name = "not-found path"
        constraints = [
            models.UniqueConstraint(
                fields=["site", "path"], name="one_row_per_site_path", nulls_distinct=False
            )
        ]
        indexes = [models.Index(fields=["-hits"], name="not_found_by_hits")]

    def __str__(self):
        return self.path
