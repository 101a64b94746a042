// Reads the public contract out of SPEC.md (and the README's documented extras), so the
// manifest and the declarations are checked against the text partners read, not a copy of it.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** SPEC.md lives in shared/ beside the repository (README links `../shared/SPEC.md`). */
export const SPEC_PATH = process.env.NEWS_WIDGET_SPEC || new URL("../../../shared/SPEC.md", import.meta.url).pathname;

/** The rows of the first Markdown table after `heading` whose header starts with `first`. */
function table(md, heading, first) {
  const start = md.indexOf(heading);
  if (start < 0) throw new Error(`SPEC: no section ${heading}`);
  const lines = md.slice(start).split("\n");
  const head = lines.findIndex((l) => l.startsWith(`| ${first} |`));
  if (head < 0) throw new Error(`SPEC: no table starting "| ${first} |" under ${heading}`);
  const rows = [];
  for (const line of lines.slice(head + 2)) {
    if (!line.startsWith("|")) break;
    // Cells split on `|` that is not escaped (`\|` inside a cell is a literal bar).
    rows.push(line.slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim().replaceAll("\\|", "|")));
  }
  return rows;
}

const ticks = (s) => [...s.matchAll(/`([^`]+)`/g)].map((m) => m[1]);

/**
 * The values an attribute takes, from SPEC's "values" column: backticked literals (an en-dash
 * range like `1`–`6` expanded), or `null` for free text (a URL, a CSS length); `e.g.` examples
 * are not values.
 */
export function attributeValues(cell) {
  const text = cell.replace(/e\.g\.\s*`[^`]*`/g, "");
  const range = text.match(/^`(\d+)`\s*[–-]\s*`(\d+)`/);
  if (range) {
    const out = [];
    for (let i = Number(range[1]); i <= Number(range[2]); i++) out.push(String(i));
    return out;
  }
  const values = ticks(text);
  return values.length ? values : null;
}

/** SPEC's default column: `{ required }`, `{ literal }` when it starts with one, else `{ text }`. */
export function attributeDefault(cell) {
  if (/^required$/i.test(cell)) return { required: true };
  const literal = cell.match(/^`([^`]+)`/);
  return literal ? { literal: literal[1] } : { text: cell };
}

/** The keys of a detail cell such as `{ kind: "a" \| "b", message, status? }`, with optionality. */
export function detailKeys(cell) {
  const body = cell.match(/\{([^}]*)\}/)[1];
  return body.split(",").map((part) => {
    const [key, type] = part.split(":").map((s) => s.trim());
    return { key: key.replace(/\?$/, ""), optional: key.endsWith("?"), type: type || null };
  });
}

/** Everything the tests compare against. */
export function readSpec(path = SPEC_PATH) {
  return parseSpec(readFileSync(path, "utf8"));
}

export function parseSpec(md) {
  const attributes = table(md, "## 1. Embedding", "attribute").map(([name, values, dflt]) => ({
    name: ticks(name)[0],
    values: attributeValues(values),
    default: attributeDefault(dflt),
  }));
  const events = table(md, "## 4. Events", "event").map(([name, detail]) => ({
    name: ticks(name)[0],
    detail: detailKeys(detail),
    raw: detail,
  }));
  const styling = md.slice(md.indexOf("## 6. Styling hooks"));
  const bullet = (start) => {
    const i = styling.indexOf(start);
    if (i < 0) throw new Error(`SPEC §6: no bullet "${start}"`);
    const end = styling.indexOf("\n- ", i + 1);
    return styling.slice(i, end < 0 ? undefined : end);
  };
  const cssProperties = ticks(bullet("- CSS custom properties")).filter((t) => t.startsWith("--"));
  const partsBullet = bullet("- `part` names");
  // The list follows the bullet's lead-in, which ends with a colon at the end of its line.
  const parts = ticks(partsBullet.slice(partsBullet.search(/:\s*\n/))).filter((t) => /^[a-z-]+$/.test(t));
  const json = md.slice(md.indexOf("## 2. Article JSON"));
  const example = JSON.parse(json.slice(json.indexOf("```json") + 7, json.indexOf("```", json.indexOf("```json") + 7)));
  const required = ticks(json.match(/^- Required: (.*)$/m)[1]).filter((k) => k in example);
  return {
    attributes,
    events,
    cssProperties,
    parts,
    article: { keys: Object.keys(example), required, blockTypes: [...new Set(example.body.map((b) => b.type))] },
    propertyName: md.match(/JS property `(\w+)`/)[1],
  };
}

/**
 * What the README documents beyond SPEC, each of which the manifest and the declarations carry:
 * `--nw-font-size` (Styling) and `cause` in `news-widget:error` (Events). Read from the README so
 * an extra that the README stops documenting fails the check.
 */
export function readmeExtras(readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8")) {
  const styling = readme.slice(readme.indexOf("### Styling"), readme.indexOf("Parts, for"));
  const errorRow = readme.split("\n").find((l) => l.startsWith("| `news-widget:error` |")) || "";
  return {
    cssProperties: ticks(styling).filter((t) => t.startsWith("--")),
    errorDetail: errorRow.includes("`cause`") ? ["cause"] : [],
  };
}
