"""Markdown that cannot be weaponised (issue 9): the limits are form errors, what the form
accepts renders in linear time, and a body past the limits never answers 500.

Times are CPU seconds against a generous bound (2 s): they catch quadratic behaviour, not a
benchmark's target (python -m markdown_dialect.stress, docs/markdown-limits.md).
"""

import copy
import json
import time

import markdown_it
import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from markdown_dialect import render_markdown
from markdown_dialect.limits import MAX_CHARS, MAX_DEPTH
from markdown_dialect.render import MARKDOWN
from markdown_dialect.stress import SHAPES, fill, measure
from markdown_dialect.validate import check
from pages.models import StandardPage

BOUND = 2.0


def nested_list(depth):
    return "".join("  " * level + "- x\n" for level in range(depth))


# The findings, at their size.
FINDINGS = {
    "![ x 8,000": "![" * 8000,
    "[ x 50,000": "[" * 50_000,
    "<a  x 20,000": "<a " * 20_000,
    "a list 300 deep": nested_list(300),
}
# Past the limits too: shapes the attrs port's scans made quadratic, and [ far apart (each
# walked to the paragraph's end, up to 100 labels deep).
QUADRATIC = {
    **FINDINGS,
    "*a*{.b} x 5,000": fill("*a*{.b} ", 40_000),
    "- a + {.x} x 4,000": fill("- a\n{.x}\n", 36_000),
    "[ + 999 * x 60": fill("[" + "*" * 999, 60_000),
}


def cpu_seconds(render, text):
    started = time.process_time()
    render(text)
    return time.process_time() - started


@pytest.fixture
def admin_client(client):
    client.force_login(User.objects.create_superuser("root", "root@example.com", "pw"))
    return client


def add_page_form(client, home, *texts):
    url = reverse("wagtailadmin_pages:add", args=("pages", "standardpage", home.pk))
    data = {"title": "Limits", "slug": "limits", "jumbotron": streamfield([])}
    data["body"] = streamfield([("markdown", text) for text in texts])
    return client.post(url, nested_form_data(data))


@pytest.mark.parametrize("name", FINDINGS)
def test_the_form_refuses_each_finding_on_its_block_with_a_clear_message(admin_client, home, name):
    response = add_page_form(admin_client, home, "Fine text.", FINDINGS[name])

    assert response.status_code == 200  # the form again, not a redirect to the new page
    assert not StandardPage.objects.filter(slug="limits").exists()
    errors = response.context["form"].errors["body"].as_data()[0].block_errors
    assert list(errors) == [1]  # the second block, not the first
    message = " ".join(error.message for error in errors[1].error_list)
    expected = "holds at most 10,000" if len(FINDINGS[name]) > MAX_CHARS else "6 deep"
    assert message.startswith("Line ") and expected in message


def test_the_form_accepts_a_text_at_the_limits(admin_client, home):
    at_limits = fill(nested_list(MAX_DEPTH) + "\n")
    assert len(at_limits) == MAX_CHARS

    response = add_page_form(admin_client, home, at_limits)

    assert response.status_code == 302
    assert StandardPage.objects.filter(slug="limits").exists()


def test_check_names_the_line_where_a_limit_is_passed():
    assert check("a" * MAX_CHARS) is None
    assert check("a\n" * (MAX_CHARS // 2) + "a").line == MAX_CHARS // 2 + 1
    assert check(nested_list(MAX_DEPTH)) is None
    assert check("Intro\n\n" + nested_list(MAX_DEPTH + 1)).line == MAX_DEPTH + 3
    quotes = "> " * (MAX_DEPTH + 1) + "deep"
    assert "nested more than 6 deep" in check(quotes).message


@pytest.mark.parametrize("shape", SHAPES)
def test_accepted_input_at_the_limits_renders_in_linear_time(shape):
    for text in SHAPES[shape]:
        assert check(text) is None
        cpu, _ = measure(text, repeat=1)
        assert cpu < BOUND, f"{shape}: {cpu:.2f} s for {len(text)} characters"


@pytest.mark.parametrize("name", QUADRATIC)
def test_a_body_past_the_limits_still_renders_in_linear_time(name):
    # e.g. stored before the limits: the page renders it at save or in a view.
    assert cpu_seconds(render_markdown, QUADRATIC[name]) < BOUND


def test_a_300_deep_list_stored_before_the_limits_never_answers_500(client, home, add_page):
    body = [{"type": "markdown", "value": "Before.\n\n" + nested_list(300)}]
    page = add_page(home, StandardPage, title="Deep", body=json.dumps(body))
    assert client.get(page.url).status_code == 200
    # and rendered afresh in the view (a renderer change not yet re-rendered)
    StandardPage.objects.filter(pk=page.pk).update(rendered_body={"fingerprint": "old"})
    response = client.get(page.url)
    assert response.status_code == 200 and "Before." in response.content.decode()


LINK_TEXTS = [
    "[a](b) [c][] [c]\n\n[c]: /d",
    "![i ![j](k)](l) [x [y](z)](w) [[[a]]](b)",
    "[a `]` b](c) [a <b]> c](d) [\\]](e) [a *b] c*](d)",
    *SHAPES["brackets ["],
    *SHAPES["brackets [ far apart"],
    *SHAPES["closers ]"],
    *SHAPES["nested [[a]]"],
    *SHAPES["nested images"],
]


@pytest.mark.parametrize("text", LINK_TEXTS, ids=range(len(LINK_TEXTS)))
def test_the_fast_walk_over_link_labels_gives_markdown_its_own_result(text):
    reference = copy.copy(MARKDOWN)
    reference.helpers = markdown_it.helpers  # markdown-it's own parseLinkLabel
    assert MARKDOWN.render(text) == reference.render(text)
