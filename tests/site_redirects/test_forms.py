"""The dashboard's rule form on its own: ``save(commit=False)`` checks and writes nothing."""

from redirects.models import Redirect

from site_redirects.forms import RedirectForm
from site_redirects.store import save_redirect


def form_for(instance=None, **values):
    """The dashboard's form class, as its panels build it on ``RedirectForm``."""
    form_class = Redirect.snippet_viewset.get_edit_handler().get_form_class()
    assert issubclass(form_class, RedirectForm)
    data = {"old_path": "", "new_path": "", "match": "exact", "type_status_code": "301"}
    data |= {"priority": "0", "site": "", "notes": "", **values}
    form = form_class(data=data, instance=instance)
    assert form.is_valid(), form.errors
    return form


def test_save_without_commit_returns_the_checked_rule_and_writes_nothing():
    chained = save_redirect("/b/", "/contact/").redirect
    form = form_for(old_path="https://old.example/A/?utm=1", new_path="/b/", notes="n")
    rule = form.save(commit=False)
    assert rule.pk is None and form.saved is None
    # Normalised and with the chain collapsed, as saving it would store it.
    assert (rule.old_path, rule.new_path, rule.notes) == ("/A/", "/contact/", "n")
    assert list(Redirect.objects.all()) == [chained]
    assert Redirect.objects.get().new_path == "/contact/"


def test_save_without_commit_leaves_an_edited_rule_as_stored():
    stored = save_redirect("/promo/", "/contact/").redirect
    form = form_for(instance=stored, old_path="/promo/", new_path="/services/")
    rule = form.save(commit=False)
    assert rule.pk == stored.pk and rule.new_path == "/services/"
    assert Redirect.objects.get(pk=stored.pk).new_path == "/contact/"


def test_save_with_commit_still_saves_through_the_store():
    saved = form_for(old_path="/old/", new_path="/contact/").save()
    assert saved.pk is not None and Redirect.objects.get().old_path == "/old/"


def test_save_without_commit_of_an_existing_rule_returns_it_and_writes_nothing():
    existing = save_redirect("/old/", "/contact/").redirect
    rule = form_for(old_path="/OLD", new_path="/contact/").save(commit=False)
    assert rule == existing and Redirect.objects.count() == 1
