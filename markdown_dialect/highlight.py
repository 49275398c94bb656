"""Code fences highlighted with Pygments when a body is stored (at save), never in the browser.

markdown-it writes a fence as ``<pre><code class="language-js">``; this turns its text into
Pygments' spans (``<span class="hl-k">``), whose classes the sanitiser allows and
static/css/site.css colours. A language Pygments does not know stays plain text.
"""

import functools
import html
import re

from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_all_lexers, get_lexer_by_name
from pygments.token import STANDARD_TYPES
from pygments.util import ClassNotFound

PREFIX = "hl-"
FORMATTER = HtmlFormatter(nowrap=True, classprefix=PREFIX)
FENCE_HTML_RE = re.compile(
    r'<pre><code class="(?P<classes>[^"]*\blanguage-[^"]*)">(?P<code>.*?)</code></pre>', re.S
)
# The classes highlighted code uses: the sanitiser's allow-list for <code> and <span>.
LANGUAGE_CLASSES = frozenset(
    f"language-{alias}" for _, aliases, _, _ in get_all_lexers() for alias in aliases
)
TOKEN_CLASSES = frozenset(PREFIX + name for name in STANDARD_TYPES.values() if name)


@functools.lru_cache(maxsize=128)
def _lexer(language):
    try:
        return get_lexer_by_name(language, stripnl=False, ensurenl=False)
    except ClassNotFound:
        return None


def _highlighted(match):
    classes = match["classes"].split()
    language = next(c.removeprefix("language-") for c in classes if c.startswith("language-"))
    lexer = _lexer(language)
    if lexer is None:
        return match.group(0)
    code = highlight(html.unescape(match["code"]), lexer, FORMATTER)
    return f'<pre><code class="{match["classes"]}">{code}</code></pre>'


def highlight_code(rendered):
    """Sanitised HTML with each fence of a known language highlighted."""
    if "language-" not in rendered:
        return rendered
    return FENCE_HTML_RE.sub(_highlighted, rendered)
