"""A body and a jumbotron -> blocks: figures, calls to action, Markdown kept as it is."""

import pytest

from importer.body import BodyConverter, figure_style, figure_widths


def convert(text, meta=None):
    converted = BodyConverter(meta or {}).body(text, first_line=10)
    return converted.blocks, converted.warnings


FIGURE = (
    "{% ImgFigure 'A caption', 'image-rounded' %}"
    '![Alt text](/img/a.jpg){.image-greyscale-50 eleventy:widths="200,350"}'
    "{% endImgFigure %}"
)


def test_a_figure_shortcode_becomes_a_figure_between_markdown_blocks():
    blocks, warnings = convert(f"Before.\n\n{FIGURE}\n\nAfter.")
    assert [kind for kind, _ in blocks] == ["markdown", "figure", "markdown"]
    figure = blocks[1][1]
    assert (figure.src, figure.alt, figure.caption) == ("/img/a.jpg", "Alt text", "A caption")
    assert (figure.style, figure.widths, figure.line) == ("rounded-greyscale", ["200", "350"], 12)
    assert warnings == []


def test_figure_classes_can_come_from_a_front_matter_reference_or_a_list():
    meta = {"image": {"classes": ["image-wide"]}}
    reference = "{% ImgFigure '', image.classes %}![x](/a.jpg){% endImgFigure %}"
    assert convert(reference, meta)[0][0][1].style == "wide"
    listed = "{% ImgFigure \"\", ['image-rounded'] %}![x](/a.jpg){% endImgFigure %}"
    assert convert(listed)[0][0][1].style == "rounded"
    missing = "{% ImgFigure '', image.nothing %}![x](/a.jpg){% endImgFigure %}"
    assert convert(missing)[1] == [
        (10, "ImgFigure argument 'image.nothing' is not in the front matter")
    ]


@pytest.mark.parametrize(
    "classes, style",
    [
        ([], ""),
        (["image-rounded"], "rounded"),
        (["image-greyscale-50"], "greyscale"),
        (["image-rounded", "image-greyscale-50"], "rounded-greyscale"),
        (["content-canvas-item-left--span-3", "margin-block-lg"], "portrait"),
        (["image-wide"], "wide"),
        (["margin-block-lg"], ""),
    ],
)
def test_11ty_figure_classes_map_onto_our_styles(classes, style):
    assert figure_style(classes)[0] == style


def test_a_layout_style_reports_the_look_it_cannot_keep():
    blocks, warnings = convert(
        "{% ImgFigure '', 'content-canvas-item-wide-left-sm' %}"
        "![x](/a.jpg){.image-rounded}{% endImgFigure %}"
    )
    assert blocks[0][1].style == "portrait"
    assert warnings == [(10, "figure style 'portrait' cannot also show image-rounded: left out")]


def test_widths_map_to_the_nearest_width_we_serve():
    assert figure_widths('"200,350,500"') == ["200", "350", "500"]
    assert figure_widths("100,420,2000") == ["200", "350", "1200"]
    assert figure_widths(None) == ["200", "350", "500", "800"]


def test_a_paragraph_that_is_one_styled_link_is_a_call_to_action():
    blocks, _ = convert(
        "Intro.\n\n[Book a call](/contact/){.single-meta-forward}\n\n"
        "[Plain link](/x/) in a sentence.\n\n[Unstyled](/y/){.larger}"
    )
    assert blocks == [
        ("markdown", "Intro."),
        (
            "call_to_action",
            {
                "label": "Book a call",
                "link": {"page": None, "link_url": "/contact/", "anchor": ""},
                "style": "forward",
            },
        ),
        ("markdown", "[Plain link](/x/) in a sentence.\n\n[Unstyled](/y/){.larger}"),
    ]


def test_styled_links_inside_lists_code_or_a_paragraph_stay_markdown():
    text = (
        "- [In a list](/a/){.single-meta-forward}\n\n"
        "```\n\n[In code](/b/){.single-meta-forward}\n\n```\n\n"
        "Text\n[Joined to text](/c/){.single-meta-forward}"
    )
    assert convert(text)[0] == [("markdown", text)]


def test_unevaluable_tags_leave_the_live_text_and_become_notices_in_the_draft():
    converted = BodyConverter({}).body("One.\n\n{% include 'x.njk' %}\n\nTwo {{ page.url }}.", 10)
    assert converted.blocks == [("markdown", "One.\n\n\n\nTwo .")]
    assert converted.draft_blocks == [
        (
            "markdown",
            "One.\n\n**⚠ Template code not imported (line 12):** ` {% include 'x.njk' %} `\n\n"
            "Two **⚠ Template code not imported (line 14):** ` {{ page.url }} `.",
        )
    ]
    assert converted.warnings == [
        (
            12,
            "template code {% include 'x.njk' %} cannot be evaluated: left out of the live "
            "page, shown to editors in a draft",
        ),
        (
            14,
            "template code {{ page.url }} cannot be evaluated: left out of the live page, "
            "shown to editors in a draft",
        ),
    ]


def test_raw_is_unwrapped_comments_dropped_and_known_values_printed():
    text = (
        "{% raw %}Use {{ title }} in a template.{% endraw %}\n\n"
        "```njk\n{% raw %}{% if x %}{{ y }}{% endif %}{% endraw %}\n```\n\n"
        "{# a note #}Made by {{ site.owner }}.\n\n"
        "{% set intro %}\nHidden\n{% endset %}\n"
    )
    converter = BodyConverter({}, {"site": {"owner": "Northway"}, "page": {}})
    converted = converter.body(text, 1)
    published = converted.blocks[0][1]
    assert published.startswith(
        "Use &#123;&#123; title }} in a template.\n\n"
        "```njk\n{% if x %}{{ y }}{% endif %}\n```\n\nMade by Northway."
    )
    assert "Hidden" not in published and "{% set" not in published
    assert "{% set intro %} Hidden {% endset %}" in converted.draft_blocks[0][1]
    assert [line for line, _ in converted.warnings] == [9]


def test_a_link_to_template_code_keeps_its_text_and_code_keeps_its_tags():
    converted = BodyConverter({}).body(
        "See [the feed]({{ site.url }}/feed.xml) and `{{ kept }}`.", 4
    )
    assert converted.blocks == [("markdown", "See the feed and `{{ kept }}`.")]
    assert converted.draft_blocks is None
    assert converted.warnings == [
        (
            4,
            "link to {{ site.url }}/feed.xml left out: its address is template code (its "
            "text is kept)",
        ),
        (4, "template code {{ kept }} in code: kept"),
    ]


def test_image_shortcodes_and_local_images_on_their_own_line_become_figures():
    text = (
        'Intro.\n\n{% image "./photo.png", "A desk" %}\n\n'
        '![A chart](charts/growth.png "Growth")\n\n'
        '<img src="/img/team.jpg" alt="The team" class="image-rounded">\n\n'
        "![Remote](https://example.org/x.png)\n\n"
        "Inline ![icon](i.png) stays.\n\n```\n![code](c.png)\n```"
    )
    blocks, warnings = convert(text)
    figures = [value for kind, value in blocks if kind == "figure"]
    assert [(f.src, f.alt, f.caption, f.style, f.line) for f in figures] == [
        ("./photo.png", "A desk", "", "", 12),
        ("charts/growth.png", "A chart", "Growth", "", 14),
        ("/img/team.jpg", "The team", "", "rounded", 16),
    ]
    assert [kind for kind, _ in blocks] == ["markdown", "figure", "figure", "figure", "markdown"]
    assert blocks[-1][1].startswith("![Remote](https://example.org/x.png)")


def test_jumbotron_button_links_become_buttons_and_the_rest_stays():
    converted = BodyConverter({}).jumbotron(
        "Hello.{.bold}\n\n"
        "[Start](#start){.single-meta-button} [Blog](/blog/){.single-meta-button .secondary}\n"
        "[More](#more){.single-meta-forward}\n",
        line=3,
    )
    (kind, value), warnings = converted.blocks[0], converted.warnings
    assert (kind, value["text"], warnings) == ("jumbotron", "Hello.{.bold}", [])
    assert [(b["label"], b["link"], b["style"]) for b in value["buttons"]] == [
        ("Start", {"page": None, "link_url": "", "anchor": "start"}, "primary"),
        ("Blog", {"page": None, "link_url": "/blog/", "anchor": ""}, "secondary"),
        ("More", {"page": None, "link_url": "", "anchor": "more"}, "forward"),
    ]


def test_a_jumbotron_keeps_at_most_three_buttons():
    links = "\n".join(f"[B{n}](#b{n}){{.single-meta-button}}" for n in range(4))
    converted = BodyConverter({}).jumbotron(f"Text.\n\n{links}", line=3)
    value = converted.blocks[0][1]
    assert value["buttons"] == [] and links in value["text"]
    assert converted.warnings == [(3, "a jumbotron has at most 3 buttons: links kept")]
