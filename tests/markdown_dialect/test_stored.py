"""A page's Markdown is rendered when it is saved, and views serve what was stored."""

import json

from django.core.management import call_command
from wagtail.models import Page

from markdown_dialect import render_markdown
from markdown_dialect.stored import FINGERPRINT, store
from pages.models import StandardPage

BODY = [{"type": "markdown", "value": "## Plans\n\nWe *ship*.{.lead}"}]


def test_publishing_stores_the_rendered_body_and_the_page_serves_it(client, home, add_page):
    page = add_page(home, StandardPage, title="Stored", body=BODY)
    stored = StandardPage.objects.get(pk=page.pk).rendered_body
    assert stored["fingerprint"] == FINGERPRINT
    assert stored["html"] == [render_markdown(BODY[0]["value"])]
    assert stored["headings"] == [[2, "Plans", "plans"]]
    # What the view shows is the stored HTML, not a render of its own.
    marked = {**stored, "html": ['<p id="from-storage">stored</p>']}
    StandardPage.objects.filter(pk=page.pk).update(rendered_body=marked)
    assert 'id="from-storage"' in client.get(page.url).content.decode()


def test_a_body_that_no_longer_matches_what_was_stored_is_rendered_afresh(home, add_page):
    page = add_page(home, StandardPage, title="Edited", body=BODY)
    page.body = json.dumps([{"type": "markdown", "value": "## Other plans"}])
    # e.g. a preview or a revision: the stored render is of another text
    assert [h.id for h in page.table_of_contents] == ["other-plans"]


def test_a_draft_save_keeps_the_live_render(home, add_page):
    page = add_page(home, StandardPage, title="Drafted", body=BODY)
    page.body = json.dumps([{"type": "markdown", "value": "## Draft only"}])
    page.save_revision()
    assert StandardPage.objects.get(pk=page.pk).rendered_body["headings"][0][1] == "Plans"


def test_the_command_renders_stale_bodies_again(home, add_page, capsys):
    page = add_page(home, StandardPage, title="Stale", body=BODY)
    StandardPage.objects.filter(pk=page.pk).update(rendered_body={"fingerprint": "old"})
    call_command("render_markdown")
    assert "page bodies rendered again" in capsys.readouterr().out
    assert StandardPage.objects.get(pk=page.pk).rendered_body["fingerprint"] == FINGERPRINT
    call_command("render_markdown")
    assert capsys.readouterr().out.startswith("0 page bodies")
    assert Page.objects.get(pk=page.pk).specific.rendered_body["html"]


def test_a_save_renders_the_body_only_when_the_stored_render_is_not_of_it():
    """Creating and publishing a page saves it several times: one render, not one per save."""
    stored = store(["# One"])
    assert store(["# One"], stored) is stored
    assert store(["# Two"], stored)["html"] == [render_markdown("# Two")]
    stale = {**stored, "fingerprint": "an older renderer"}
    assert store(["# One"], stale)["fingerprint"] == FINGERPRINT
