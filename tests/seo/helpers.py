"""Reading what a page tells search engines: its JSON-LD and head tags."""

import json
import re

# One page of each kind in the demo site.
PAGE_KINDS = {
    "home": "/",
    "service index": "/services/",
    "service": "/services/fractional-cto/",
    "explainer": "/services/fractional-cto/what-is-a-fractional-cto/",
    "standard page": "/about/",
    "blog index": "/blog/",
    "post": "/blog/outgrown-first-architecture/",
    "category": "/blog/category/delivery/",
    "author": "/blog/author/priya-raman/",
    "contact": "/contact/",
}

LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_ld(html):
    """The page's one JSON-LD block, parsed: {"@type": [nodes]}."""
    blocks = LD_JSON.findall(html)
    assert len(blocks) == 1, f"{len(blocks)} JSON-LD blocks"
    data = json.loads(blocks[0])
    assert data["@context"] == "https://schema.org"
    nodes = {}
    for node in data["@graph"]:
        nodes.setdefault(node["@type"], []).append(node)
    return nodes


def one(nodes, kind):
    assert len(nodes.get(kind, [])) == 1, f"{kind}: {nodes.get(kind)}"
    return nodes[kind][0]


def meta(html, name):
    """The content of <meta property|name="name">, or None."""
    found = re.search(rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)">', html)
    return found.group(1) if found else None


def canonical(html):
    found = re.search(r'<link rel="canonical" href="([^"]*)">', html)
    return found.group(1) if found else None
