// The README's host snippets, by name: the fenced block right after `<!-- snippet: NAME -->`.
// Shared by the type checks (tests/types) and the framework pages (tests/e2e/frameworks.spec.mjs),
// so what partners copy is what the tests compile and load.
import { readFileSync } from "node:fs";

/** Every marked snippet of README.md as { name: text }. */
export function readmeSnippets(readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8")) {
  const out = {};
  for (const m of readme.matchAll(/<!-- snippet: ([\w-]+) -->\n```[\w-]*\n([\s\S]*?)\n```/g)) {
    if (m[1] in out) throw new Error(`README: snippet ${m[1]} twice`);
    out[m[1]] = m[2] + "\n";
  }
  return out;
}

/** Where the snippets say the bundle is, and the article they name. */
export const README_CDN = "https://cdn.example.com/news-widget/";
export const README_ARTICLE = "/api/articles/2025-04-16-kaohsiung-orange-county.json";
