"""Links to other Markdown files (``[x](other-page.md#part)``), as 11ty's InputPathToUrl
plugin rewrites them: to the address of the page imported from that file.

A link whose file is not part of the import is reported and left as it is. Links inside
code are examples, not links: left alone.
"""

import posixpath
import re

from importer.code_ranges import CodeRanges

MD_LINK_RE = re.compile(
    r"(?P<before>\]\(\s*<?|\bhref=[\"'])(?P<path>[^)\s>\"'#?]+?\.md)(?P<anchor>#[^)\s>\"']*)?"
)
SCHEME_RE = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


def target_path(link, source_path):
    """The imported folder's path of the file ``link`` names from ``source_path``, or None."""
    if SCHEME_RE.match(link) or link.startswith("//"):
        return None
    if link.startswith("/"):
        joined = link.lstrip("/")
    else:
        joined = posixpath.join(posixpath.dirname(source_path), link)
    normal = posixpath.normpath(joined)
    return None if normal.startswith("..") else normal


def rewrite_md_links(text, source_path, url_of, report):
    """``text`` with its .md links pointing at the imported pages' addresses.

    ``url_of(path)`` is the new address of the page imported from ``path`` (None when none);
    ``report(message)`` is told of each link that cannot be rewritten.
    """
    if ".md" not in text:
        return text
    ranges = CodeRanges(text)

    def replace(match):
        path = target_path(match["path"], source_path)
        if path is None or ranges.in_code(match.start()):
            return match.group(0)
        url = url_of(path)
        if url is None:
            report(f"link to {match['path']}: that file is not imported; the link is left as it is")
            return match.group(0)
        return f"{match['before']}{url}{match['anchor'] or ''}"

    return MD_LINK_RE.sub(replace, text)
