"""Listings on the home page that other apps provide: promoted services, the latest posts.

``pages`` knows nothing of the apps built on it, so they register their listing here from
their ``AppConfig.ready()``; the home page shows every registered section, in ``order``.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet


@dataclass(frozen=True)
class HomeSection:
    key: str  # names the section's heading id, "<key>-heading"
    heading: str
    card_template: str  # renders one item, given as ``item``
    items: Callable[[object], QuerySet]  # the home page -> what to list
    order: int = 0


_sections: dict[str, HomeSection] = {}


def register_home_section(section: HomeSection) -> None:
    _sections[section.key] = section  # by key: registering twice replaces, never duplicates


def home_sections(home) -> list[tuple[HomeSection, list]]:
    """Each registered section with its items for ``home``; empty sections are left out."""
    filled = []
    for section in sorted(_sections.values(), key=lambda s: (s.order, s.key)):
        items = list(section.items(home))
        if items:
            filled.append((section, items))
    return filled
