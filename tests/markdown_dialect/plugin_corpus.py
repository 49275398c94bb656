"""Cases for the usual 11ty markdown-it plugins (markdown_dialect.plugins): footnotes,
==mark== and emoji shortcodes, with the plain dialect around them.

Re-record after a change (node 20, from tests/markdown_dialect/reference, after `npm ci`):

    ../../../.venv/bin/python ../plugin_corpus.py | node record_plugins.mjs
"""

import json

PLUGIN_CORPUS = {
    "footnote": "Text with a note[^1].\n\n[^1]: The note itself.",
    "two footnotes and a repeat": "A[^a] and B[^b], A again[^a].\n\n[^a]: First.\n[^b]: Second.",
    "inline footnote": "Inline^[a quick aside] here.",
    "mark": "This is ==marked== text.",
    "mark with emphasis inside": "==*very* important==",
    "mark unbalanced": "a ===b== c =d=",
    "mark with attrs": "==flagged=={.bold}",
    "emoji": "Ship it :rocket: and :+1: :no_such_emoji:",
    "emoji next to each other": ":smile::smile: at 10:30:45",
    "emoji not in code": "`:rocket:` stays, :rocket: goes",
    "fence with language": "```js\nconst a = 1;\n```",
    "fence with unknown language": "```nosuchlang\nx\n```",
}

if __name__ == "__main__":
    print(json.dumps(PLUGIN_CORPUS))
