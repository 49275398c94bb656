"""render_markdown's output is sanitised: script vectors are removed, harmless text survives.

Every vector is checked the same way: the output is parsed and each element, attribute and URL
is held against the allow-list (so an escaped ``&lt;img onerror&gt;`` shown as text passes,
while a real ``onerror`` attribute fails), and the harmless words of the input must survive.
"""

import re
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.utils.safestring import SafeString

from markdown_dialect import ALLOWED_CLASSES, render_markdown

ALLOWED_TAGS = {"p", "h2", "h3", "h4", "h5", "h6", "a", "em", "strong", "ul", "ol", "li"}
ALLOWED_TAGS |= {"blockquote", "code", "pre", "hr", "br", "table", "thead", "tbody", "tr"}
ALLOWED_TAGS |= {"th", "td", "img", "figure", "figcaption", "del", "s", "sup", "sub", "span"}
ATTRIBUTES = {"a": {"href", "title", "rel"}, "img": {"src", "alt", "title", "width", "height"}}
ATTRIBUTES |= {f"h{n}": {"id"} for n in range(2, 7)}
ATTRIBUTES |= {"td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"}}
SCHEMES = {"http", "https", "mailto", "tel"}


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, attrs))

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        self.text.append(data)


def parse(html):
    collector = _Collector()
    collector.feed(str(html))
    collector.close()
    return collector.elements, " ".join("".join(collector.text).split())


def url_scheme(url):
    """The scheme a browser would see: C0/space trimmed, tabs and newlines removed (WHATWG)."""
    url = re.sub(r"[\t\n\r]", "", url.strip("".join(map(chr, range(0x21)))))
    match = re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*):", url)
    return match.group(1).lower() if match else None


def assert_safe(html):
    elements, _ = parse(html)
    for tag, attrs in elements:
        assert tag in ALLOWED_TAGS, f"<{tag}> survived: {html}"
        for name, value in attrs:
            assert name == "class" or name in ATTRIBUTES.get(tag, ()), f"{tag}[{name}]: {html}"
            if name == "class":
                assert set((value or "").split()) <= ALLOWED_CLASSES, html
            if name in ("href", "src"):
                assert url_scheme(value or "") in SCHEMES | {None}, f"{name}={value!r}: {html}"
            if name == "id":
                assert re.fullmatch(r"[\w-]+", value or "", re.ASCII), html


# (name, markdown, words that must survive)
VECTORS = [
    ("script tag", "<script>alert(1)</script>Kept words", "Kept words"),
    ("script with src, upper case", "<SCRIPT SRC=//evil.example/x.js></SCRIPT>Kept", "Kept"),
    ("split script tag", "<scr<script>ipt>alert(1)</scr</script>ipt> Kept", "Kept"),
    ("img onerror", "Kept <img src=x onerror=alert(1)>", "Kept"),
    ("img onerror self-closing", 'Kept <img src="x" onerror="alert(1)"//>', "Kept"),
    ("body onload", "<body onload=alert(1)>Kept", "Kept"),
    ("details ontoggle", "<details open ontoggle=alert(1)>Kept</details>", "Kept"),
    ("marquee onstart", "<marquee onstart=alert(1)>Kept</marquee>", "Kept"),
    ("span onclick keeps class", '<span class="larger" onclick="x()">Kept</span>', "Kept"),
    ("markdown link javascript:", "[Kept](javascript:alert(1))", "Kept"),
    ("mixed case javascript:", "[Kept](JaVaScRiPt:alert(1))", "Kept"),
    ("javascript: with leading spaces", "[Kept](  javascript:alert(1))", "Kept"),
    ("javascript: in angle brackets", "[Kept](<javascript:alert(1)>)", "Kept"),
    ("entity-encoded tab in scheme", "[Kept](java&#x09;script:alert(1))", "Kept"),
    ("entity-encoded first letter", "[Kept](&#106;avascript:alert(1))", "Kept"),
    ("named entity colon", "[Kept](javascript&colon;alert(1))", "Kept"),
    ("percent-encoded payload", "[Kept](javascript:alert%281%29)", "Kept"),
    ("javascript: with comment and newline", "[Kept](javascript://x%0Aalert(1))", "Kept"),
    ("reference link to javascript:", "[Kept][r]\n\n[r]: javascript:alert(1)", "Kept"),
    ("vbscript:", "[Kept](vbscript:msgbox(1))", "Kept"),
    ("data: html link", "[Kept](data:text/html;base64,PHNjcmlwdD4=)", "Kept"),
    ("data: svg image", "![Kept](data:image/svg+xml;base64,PHN2Zz4=)", None),
    ("image javascript:", "![Kept](javascript:alert(1))", None),
    ("raw a javascript:", '<a href="javascript:alert(1)">Kept</a>', "Kept"),
    ("raw a upper case", '<a href="JAVASCRIPT:alert(1)">Kept</a>', "Kept"),
    ("raw a newline entity", '<a href="jav&#x0A;ascript:alert(1)">Kept</a>', "Kept"),
    ("raw a hex entity", '<a href="&#x6A;avascript:alert(1)">Kept</a>', "Kept"),
    ("raw a colon entity", '<a href="javascript&#58;alert(1)">Kept</a>', "Kept"),
    ("raw a control character", '<a href="\x01javascript:alert(1)">Kept</a>', "Kept"),
    ("raw a tab inside scheme", '<a href="java\tscript:alert(1)">Kept</a>', "Kept"),
    ("raw a data:", '<a href="data:text/html,hi">Kept</a>', "Kept"),
    ("raw a file:", '<a href="file:///etc/passwd">Kept</a>', "Kept"),
    ("xlink:href", '<a href="/ok" xlink:href="javascript:alert(1)">Kept</a>', "Kept"),
    ("iframe", '<iframe src="https://evil.example"></iframe>Kept', "Kept"),
    ("object", '<object data="x.swf"></object>Kept', "Kept"),
    ("embed", '<embed src="x.swf">Kept', "Kept"),
    ("frameset", '<frameset><frame src="javascript:alert(1)"></frameset>Kept', "Kept"),
    (
        "form and inputs",
        '<form action="/steal"><input name=x><button>Go</button></form>Kept',
        "Kept",
    ),
    ("button formaction", '<button formaction="javascript:alert(1)">Kept</button>', "Kept"),
    ("inline style", '<p style="background:url(javascript:alert(1))">Kept</p>', "Kept"),
    ("style element", "<style>body{display:none}</style>Kept", "Kept"),
    ("svg onload", "<svg onload=alert(1)><circle r=1 /></svg>Kept", "Kept"),
    ("svg xlink", '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>Kept', "Kept"),
    ("math", '<math><mi xlink:href="javascript:alert(1)">x</mi></math>Kept', "Kept"),
    ("base tag", '<base href="https://evil.example/">Kept', "Kept"),
    (
        "meta refresh",
        '<meta http-equiv="refresh" content="0;url=https://evil.example">Kept',
        "Kept",
    ),
    ("stylesheet link", "<link rel=stylesheet href=https://evil.example/x.css>Kept", "Kept"),
    ("srcset", '<img src="https://ok.example/a.png" srcset="javascript:alert(1)">Kept', "Kept"),
    (
        "image map",
        '<img src="/a.png" usemap="#m"><map><area href="javascript:alert(1)"></map>K',
        "K",
    ),
    (
        "td background",
        '<table><tr><td background="javascript:alert(1)">Kept</td></tr></table>',
        "Kept",
    ),
    ("textarea breakout", "<textarea><script>alert(1)</script></textarea>Kept", "Kept"),
    ("noscript breakout", '<noscript><p title="</noscript><img src=x onerror=alert(1)>">', None),
    ("conditional comment", "Kept <!--[if IE]><script>alert(1)</script><![endif]--> too", "Kept"),
    ("title attribute breakout", '[Kept](/a "t\\" onmouseover=\\"alert(1)")', "Kept"),
    ("attrs onclick on a link", "[Kept](/x){onclick=alert(1)}", "Kept"),
    ("attrs style on a link", '[Kept](/x){style="color:red"}', "Kept"),
    ("attrs href=javascript: on a link", "[Kept](/x){href=javascript:alert(1)}", "Kept"),
    ("attrs src=javascript: on an image", "![Kept](/a.png){src=javascript:alert(1)}", None),
    ("attrs onerror on an image", "![Kept](/a.png){onerror=alert(1)}", None),
    ("attrs onmouseover on a paragraph", "Kept{onmouseover=alert(1)}", "Kept"),
    ("attrs onclick on a heading", "## Kept{onclick=alert(1) .heading-wide}", "Kept"),
    ("attrs on a list item", "- Kept{onclick=alert(1) style=x}", "Kept"),
    ("attrs id breakout", 'Kept{#"><script>alert(1)</script>}', "Kept"),
    ("attrs unknown class", "Kept{.evil-class .bold}", "Kept"),
    ("raw unknown class", '<span class="bold evil">Kept</span>', "Kept"),
    ("code span shows markup as text", "`<script>alert(1)</script>` Kept", "Kept"),
    ("fenced code shows markup as text", "```\n<script>alert(1)</script>\n```\n\nKept", "Kept"),
]


@pytest.mark.parametrize(("source", "kept"), [v[1:] for v in VECTORS], ids=[v[0] for v in VECTORS])
def test_vector_is_neutralised(source, kept):
    html = render_markdown(source)
    assert_safe(html)
    elements, text = parse(html)
    assert not any(tag == "script" for tag, _ in elements)
    if kept:
        assert kept in text


def test_there_are_at_least_forty_vectors():
    assert len(VECTORS) >= 40


def test_code_shows_markup_as_escaped_text():
    html = str(render_markdown("`<script>alert(1)</script>`"))
    assert "&lt;script&gt;" in html and "<script" not in html


def test_attrs_keep_only_class_and_id():
    html = str(
        render_markdown(
            '![A portrait](/media/p.jpg){.image-rounded eleventy:widths="200,350,500" '
            "onload=x() style=color:red}"
        )
    )
    assert html == '<p><img src="/media/p.jpg" alt="A portrait" class="image-rounded"></p>\n'


def test_unknown_classes_are_removed_and_known_kept():
    html = str(render_markdown("Text{.bold .not-ours}\n\n[Go](/go/){.nope}"))
    assert '<p class="bold">Text</p>' in html
    assert 'class=""' not in html and "nope" not in html and "not-ours" not in html


def test_ids_only_on_headings():
    html = str(render_markdown("Para{#para-id}\n\n## Heading{#heading-id}"))
    assert "para-id" not in html
    assert '<h2 id="heading-id">Heading</h2>' in html


def test_links_keep_safe_urls_and_get_rel():
    html = str(
        render_markdown(
            "[a](/contact/) [b](https://example.com/x?y=1) [c](mailto:hi@example.com) "
            "[d](tel:+441234567890) [e](#section) [f](../up/)"
        )
    )
    for href in ("/contact/", "https://example.com/x?y=1", "mailto:hi@example.com"):
        assert f'href="{href}"' in html
    for href in ("tel:+441234567890", "#section", "../up/"):
        assert f'href="{href}"' in html
    assert html.count('rel="noopener noreferrer"') == 6


@pytest.mark.parametrize("name", sorted(ALLOWED_CLASSES))
def test_an_allowed_class_survives_on_the_elements_editors_put_it_on(name):
    curly = f"{{.{name}}}"
    source = f"## A heading{curly}\n\nText{curly}\n\n[A link](/x/){curly}\n\n- Item{curly}"
    elements, _ = parse(render_markdown(source))
    styled = [tag for tag, attrs in elements if ("class", name) in attrs]
    assert styled == ["h2", "p", "a", "li"]


def test_an_unknown_class_is_dropped_and_the_allowed_ones_beside_it_kept():
    html = str(
        render_markdown(
            "Text{.bold .made-up .larger}\n\n[Go](/go/){.made-up}\n\n"
            '<span class="made-up smaller">Raw</span>'
        )
    )
    assert '<p class="bold larger">Text</p>' in html
    assert '<a href="/go/" rel="noopener noreferrer">Go</a>' in html  # no empty class=""
    assert '<span class="smaller">Raw</span>' in html
    assert "made-up" not in html


def test_classes_the_old_site_used_only_on_figures_are_dropped_from_text():
    """The importer reads these as a figure's style; on text they would mean nothing."""
    html = str(render_markdown("Text{.content-canvas-item-wide-left-sm .margin-block-lg}"))
    assert html == '<p class="margin-block-lg">Text</p>\n'


def test_every_allowed_class_is_styled():
    css = "\n".join(
        path.read_text() for path in (settings.BASE_DIR / "static" / "css").glob("*.css")
    )
    unstyled = {n for n in ALLOWED_CLASSES if not re.search(rf"\.{re.escape(n)}(?![\w-])", css)}
    assert not unstyled


def test_prose_html_is_kept():
    html = str(
        render_markdown(
            '<figure><img src="/a.png" alt="A" width="10" height="20"><figcaption>Cap</figcaption>'
            "</figure>\n\nH<sub>2</sub>O, E=mc<sup>2</sup>, <del>old</del> ~~gone~~"
        )
    )
    assert '<img src="/a.png" alt="A" width="10" height="20">' in html
    assert "<figcaption>Cap</figcaption>" in html
    assert "<sub>2</sub>" in html and "<sup>2</sup>" in html
    assert "<del>old</del>" in html and "<s>gone</s>" in html


def test_image_size_must_be_a_number():
    html = str(render_markdown('<img src="/a.png" width="100" height="50px">'))
    assert 'width="100"' in html and "height" not in html


def test_result_is_a_safe_string():
    assert isinstance(render_markdown("Hello"), SafeString)
    assert render_markdown("") == ""


@pytest.mark.parametrize(
    "unsafe",
    [
        "<script>x</script>",
        '<p onclick="x">a</p>',
        '<a href=" javascript:x">a</a>',
        '<a href="java\nscript:x">a</a>',
        '<img src="data:image/png;base64,AA">',
        '<p style="x">a</p>',
        '<p class="evil">a</p>',
        '<p id="x">a</p>',
        "<iframe></iframe>",
    ],
)
def test_the_checker_itself_catches_unsafe_html(unsafe):
    with pytest.raises(AssertionError):
        assert_safe(unsafe)
