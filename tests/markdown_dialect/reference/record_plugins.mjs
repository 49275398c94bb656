// Records the plugin corpus (../plugin_corpus.py) with markdown-it and the plugins 11ty sites
// commonly add: markdown-it-footnote, markdown-it-mark, markdown-it-emoji (full set), after
// markdown-it-attrs, set up as record.mjs sets up markdown-it. Writes plugins_outputs.json.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

import markdownIt from "markdown-it";
import markdownItAttrs from "markdown-it-attrs";
import markdownItFootnote from "markdown-it-footnote";
import markdownItMark from "markdown-it-mark";
import { full as markdownItEmoji } from "markdown-it-emoji";

const require = createRequire(import.meta.url);
const version = (name) => require(`${name}/package.json`).version;

const md = markdownIt({ html: true })
  .disable("code")
  .use(markdownItAttrs)
  .use(markdownItFootnote)
  .use(markdownItMark)
  .use(markdownItEmoji, { shortcuts: {} });

const corpus = JSON.parse(readFileSync(0, "utf8"));
const cases = Object.fromEntries(
  Object.entries(corpus).map(([name, source]) => [name, { source, html: md.render(source) }]),
);
const names = ["markdown-it", "markdown-it-attrs", "markdown-it-footnote", "markdown-it-mark"];
const recorded_with = Object.fromEntries(names.map((name) => [name, version(name)]));
recorded_with["markdown-it-emoji"] = version("markdown-it-emoji");
const target = new URL("./plugins_outputs.json", import.meta.url);
writeFileSync(target, JSON.stringify({ recorded_with, cases }, null, 1) + "\n");
console.log(`${Object.keys(cases).length} cases -> plugins_outputs.json`);
