"""The parity corpus: one Markdown case per construct, in our own sentences.

``reference/outputs.json`` holds what markdown-it + markdown-it-attrs (JS, configured as 11ty
configures them) render for every case here; test_markdown_parity.py compares ours with it.
After changing a case, re-record (needs node and npm; see reference/record.mjs):

    cd tests/markdown_dialect/reference && npm ci && \
        ../../../../.venv/bin/python ../corpus.py | node record.mjs
"""

import json

CORPUS = {
    # paragraphs ending in {...}: the class goes on the <p>
    "paragraph class": "We plan the quarter together.{.larger}",
    "paragraph class after space": "We plan the quarter together. {.smaller}",
    "paragraph of two lines": "A first line of the note\nand a second that ends it.{.bold}",
    "jumbotron paragraphs": (
        "Short on time? Stretched thin?{.bold}\n\n"
        "A part-time leader frees you to grow the business you care about.{.smaller}\n\n"
        "**Ask for help —** for busy founders.{.emphasis}"
    ),
    "layout class on long paragraph": (
        "Over fifteen years I have run projects for studios, product firms and public "
        "bodies, and I like the quiet ones best.{.content-canvas-item-main-left-main-end}"
    ),
    "curly on its own line closes the paragraph": "A paragraph about pacing\n{.smaller}",
    "curly in the middle stays text": "This {.bold} is not at the end.",
    "escaped curly stays text": "Literal \\{.larger} stays as it is.",
    "unknown class is filtered on both sides": "Plain words here{.made-up-class .small}",
    # headings
    "heading class without space": "## Our delivery rhythm{.heading-wide}",
    "heading class with space": "### Planning with care {.heading-wide .larger}",
    "heading with layout classes": (
        "## Working together on your delivery{.content-canvas-item-wide-left-more .heading-wide}"
    ),
    "heading levels": "# Big title\n\n## Section\n\n### Sub part\n\n#### Small print",
    "setext heading": "Section title\n-------------\n\nBody text.",
    "heading with code and link": "## Using `make` with [the docs](/docs/)",
    "setext heading over two lines": "A title that runs\nover two lines{.heading-wide}\n---",
    "heading right after a list": "- an item\n## The next part\n- another item\n---",
    # inline elements
    "link classes": "[Book a call](/contact/){.single-meta-forward .single-meta-button}",
    "link inside sentence": "Read the [delivery guide](/guides/delivery/){.small} before we meet.",
    "link with title": '[Guide](/guide/ "Read the guide"){.small}',
    "two links on consecutive lines": (
        "[Work with us](#work-with-us){.single-meta-forward .single-meta-button "
        ".single-meta-forward-button .small}\n"
        "[See how we work](#how-we-work){.single-meta-forward .single-meta-button "
        ".single-meta-forward-button .small}"
    ),
    "emphasis class": "Teams grow *faster*{.larger} with clear goals.",
    "strong class": "**Note:**{.text-color-brand-secondary} bring your roadmap.",
    "inline then block attrs": "A *b*{.larger} c{.smaller}",
    "image classes": (
        "![A team at a whiteboard](/media/board.jpg){.image-rounded .image-greyscale-50}"
    ),
    "image with widths attribute": (
        "![Portrait of a coach](/media/coach.jpg){.image-greyscale-50 .image-rounded "
        'eleventy:widths="200,350,500"}'
    ),
    "code span class": "Run `make test`{.small} before pushing.",
    "plain inline mix": (
        "Mixing *emphasis*, **strong** and [a link](https://example.com/path?x=1&y=2) here."
    ),
    "strikethrough": "We ~~rush~~ plan releases.",
    "hard breaks": "Line one  \nLine two\\\nLine three",
    "autolinks": "Mail <hello@example.com> or visit <https://example.com/>.",
    "entities": "Fish &amp; chips &copy; 2024 &mdash; done",
    # lists
    "list item emphasis with lazy lines": (
        "- when you *settle in*{.larger .text-color-brand-secondary} as the new lead\n"
        "*(5–15 people, give or take)*\n"
        "- when the group has to *level up*{.larger .text-color-brand-secondary}, and we hire\n"
        "*(15–60 people)*\n"
        "- when you're *handing over*{.larger .text-color-brand-secondary} the daily running\n"
        "*(60+ people)*"
    ),
    "list item class": (
        "- Weekly check-ins{.bold}\n- Monthly reviews\n- Quarterly planning {.smaller}"
    ),
    "curly line after an item goes to the list": (
        "- Audit the backlog\n- Agree the priorities\n{.margin-block-lg}"
    ),
    "curly paragraph after a list": "- alpha\n- beta\n\n{.margin-block-lg}",
    "ordered list with item class": "1. Listen first\n2. Map the work{.emphasis}\n3. Start small",
    "loose list": "- First idea\n\n- Second idea{.small}\n\n- Third idea",
    "partly loose ordered list": "1. one\n2. two\n\n3. three",
    "list interrupts paragraph": "What you get:\n- A clear plan\n- A steady cadence",
    "ordered list from 2 does not interrupt": "Steps two and three:\n2. two\n3. three",
    "nested list with two spaces": "- Strategy\n  - Vision\n  - Goals\n- Delivery",
    "nested ordered list": "1. Discover\n   1. Interviews\n   2. Workshops\n2. Deliver",
    "nested item class": "- Parent item{.bold}\n  - Child item\n- Sibling",
    "lazy continuation of an item": "- An item that wraps\nonto a lazy line\n- Next one",
    "items that start with a block": "- > A quote as an item\n- ## A heading as an item\n- plain",
    "item with a quote after a blank line": "- an item\n\n  > quoted in it\n- next",
    "item with code after a blank line": "- an item\n\n      indented code\n- next",
    "list of links like the blog": (
        "- **Scope first** — agree what done means\n"
        "- **Access** — time with the leadership team\n"
        "- **Candour** — a mandate to say what is not working"
    ),
    # blocks
    "thematic break": "Before the break.\n\n---\n\nAfter the break.",
    "thematic break with class": "Above.\n\n--- {.margin-block-lg}\n\nBelow.",
    "blockquote class": "> Plans change; principles hold.{.larger}",
    "blockquote with curly line": "> Good delivery is boring.\n> It simply works.\n{.emphasis}",
    "fenced code": "```python\nprint('hello, team')\n```",
    "fenced code with attributes": "```python {.small}\nx = 1\n```",
    "unclosed fence": "```\nstill code at the end",
    "indented code": "Example:\n\n    four spaces of code\n",
    "table": "| Phase | Focus |\n| --- | --- |\n| Start-up | All hands |\n| Scale-up | Systems |",
    "table with class after": "| A | B |\n| --- | --- |\n| 1 | 2 |\n\n{.margin-block-lg}",
    "only the first curly paragraph joins the table": (
        "| A | B |\n| --- | --- |\n| 1 | 2 |\n\n{.margin-block-lg}\n\n{.bold}"
    ),
    "table cell class": "| Phase | Focus |\n|---|---|\n| Start | People{.bold} |",
    "table interrupts paragraph": "Our phases:\n| Phase | Focus |\n| --- | --- |\n| One | Two |",
    "page like the seeds": (
        "A fractional lead works with a founder to [line up delivery](/handbook/why/) with the "
        "goals of the business.\n\n---\n\n## Working with me\n\n### How the week looks\n\n"
        "You get:\n\n- Hands-on help\n- Access via chat & phone\n\n"
        "[Talk to me about it](/contact/){.single-meta-forward}"
    ),
    # cases Python-Markdown rendered differently (strict xfails until markdown-it-py)
    "triple emphasis nesting": "***Both at once***",
    "two blockquotes": "> The first quote.\n\n> The second quote.",
    "bullet character change": "- dash item\n* star item",
    "pipe in code span in table": "| a | b |\n|---|---|\n| `x|y` | z |",
    "outer item after loose nested item": "- a\n  - b\n\n    more b\n- c",
    "quote inside an item without a blank line": "- an item\n  > a quote in it\n- next",
    # raw HTML is parsed (html: true, as 11ty has it) and sanitised afterwards
    "inline html": "Water is H<sub>2</sub>O, <em>always</em>.",
    "html block": '<figure>\n<img src="/media/a.jpg" alt="A desk">\n</figure>\n\nAfter it.',
    "html block ends at a blank line": "<div>\n*not emphasis*\n\n*emphasis*\n</div>",
    # markdown-it-attrs details
    "attrs with a quoted value": '[Read](/read/){title="Read it all" .small}',
    "attrs with an event handler": "[Go](/go/){onclick=alert(1) .small}",
    "curly after text after a link": "See [this](/x/) first{.smaller}",
    "curly right after a link ending a paragraph": "Read [the guide](/guide/){.small}",
    "inline attrs on emphasis and strong": "*one*{.larger}, **two**{.bold}, ~~three~~{.small}",
    "two curlies in a row": "Text{.bold}{.small}",
    "curly with id and class on a heading": "## Plans {#plans .heading-wide}",
    "curly on a fence without language": "``` {.small}\ncode\n```",
    "typographer is off": '"Quotes" -- dashes... (c) (tm)',
    "linkify is off": "Visit www.example.com or https://example.com today.",
    "breaks are off": "One line\nand the next",
    "indented code is off, as in 11ty 2+": "Before.\n\n    four spaces in\n\nAfter.",
    "indented lines stay paragraph text": (
        "Intro.\n\n    ## not a heading\n\n    - nor a list\n    > nor a quote\n\n    ---"
    ),
    "indented fence stays text": "Intro.\n\n     ```\n     x\n     ```",
    "attrs repeat a key": "[Go](/go/){href=/elsewhere/ .small}",
    "curly without a closing brace stays text": "Text {.bold",
    "curly lines after a nested list": "- outer\n  - inner\n  {.small}\n\n{.bold}",
    "css module key": "Text{..module .bold}",
    "table header cell class": "| A{.bold} | B |\n|---|---|\n| 1 | 2 |",
    "thematic break with id": "*** {#rule}",
    "heading with an id and a repeated slug": "## Plans\n\n## Plans{#plans}",
}


if __name__ == "__main__":
    print(json.dumps(CORPUS, ensure_ascii=False, indent=1))
