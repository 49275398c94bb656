// Records the reference outputs of the parity corpus with the real JS renderer 11ty uses.
//
//   cd tests/markdown_dialect/reference && npm ci
//   ../../../../.venv/bin/python ../corpus.py | node record.mjs
//
// reads {name: markdown} as JSON on stdin and writes outputs.json beside this file. The
// renderer is configured as Eleventy 2/3 configures markdown-it: `markdownIt({html: true})`
// (the "default" preset: breaks, linkify and typographer off) with indented code blocks
// disabled (Eleventy >= 2.0 disables them for its own and any setLibrary instance), plus
// markdown-it-attrs with its default options. Versions are pinned in package.json.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

import markdownIt from "markdown-it";
import markdownItAttrs from "markdown-it-attrs";

const require = createRequire(import.meta.url);
const version = (name) => require(`${name}/package.json`).version;

const md = markdownIt({ html: true }).disable("code").use(markdownItAttrs);

const corpus = JSON.parse(readFileSync(0, "utf8"));
const cases = Object.fromEntries(
  Object.entries(corpus).map(([name, source]) => [name, { source, html: md.render(source) }]),
);
const outputs = {
  recorded_with: {
    "markdown-it": version("markdown-it"),
    "markdown-it-attrs": version("markdown-it-attrs"),
    node: process.versions.node,
    setup: 'markdownIt({html: true}).disable("code").use(markdownItAttrs)',
  },
  cases,
};
const target = new URL("./outputs.json", import.meta.url);
writeFileSync(target, JSON.stringify(outputs, null, 1) + "\n");
console.log(`${Object.keys(cases).length} cases -> outputs.json`);
