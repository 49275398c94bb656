from django.db import models


class ContentVersion(models.Model):
    """One row whose value changes with every change a visitor could see (see ``version``).

    A new random value rather than a counter: a bump rolled back with its transaction must
    not be reused by the next one, whose cache entries would then meet the old ones.
    """

    value = models.BigIntegerField(default=0)

    class Meta:
        default_permissions = ()

    def __str__(self):
        return f"content version {self.value}"
