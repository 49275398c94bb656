"""The limits an editor's Markdown must keep, defined once (checked by ``validate``).

The Markdown block's form (pages.blocks) and the importer refuse a text past them, and the
renderer is configured from them (``MAX_NESTING``). Why each is what it is, and what the stress
benchmark (``python -m markdown_dialect.stress``) measured, is in docs/markdown-limits.md.
"""

# Characters in one Markdown text (one block); a page may have several blocks.
MAX_CHARS = 10_000
# Lists and blockquotes inside one another: "> - - a" is 3 deep.
MAX_DEPTH = 6
# markdown-it's own guard (``maxNesting``; 100 in its default preset). A list takes two token
# levels (list, item), a blockquote one: the deepest accepted text is at level 2 * MAX_DEPTH,
# where a container one deeper still opens (so it is seen and refused); nothing deeper is
# parsed. Inline, a "[" walks at most this many nested labels: the cost per character of "[".
MAX_NESTING = 2 * MAX_DEPTH + 1
