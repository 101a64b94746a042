// custom-elements.json and news-widget.d.ts against SPEC.md: attributes (names, values,
// defaults), the `article` property, the events and their details, the custom properties and
// the parts. The README's documented extras (--nw-font-size, `cause`) must be in both too.
// The declarations are checked by compiling type-level equalities generated from SPEC; the
// generator is also run on a SPEC with one part removed, which must fail, so the check is live.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdirSync, rmSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import Ajv from "ajv";
import { ROOT, SPEC_PATH, readSpec, parseSpec, readmeExtras } from "./spec.mjs";

const spec = readSpec();
const extras = readmeExtras();
const manifest = JSON.parse(readFileSync(join(ROOT, "package/custom-elements.json"), "utf8"));
const declarations = manifest.modules.flatMap((m) => m.declarations);
const element = declarations.find((d) => d.tagName === "news-widget");
const divForm = declarations.find((d) => d.name === "NewsWidgetDivElement");
const TSC = join(ROOT, "node_modules/.bin/tsc");

/** The literal values of a manifest type text such as `"a" | "b"`, or null for `string`. */
const typeValues = (text) => (text === "string" ? null : text.split("|").map((t) => JSON.parse(t.trim())));
const names = (list) => list.map((x) => x.name);

test("SPEC.md is where the tests read it, with every table they compare against", () => {
  assert.ok(SPEC_PATH.endsWith("SPEC.md"));
  assert.deepEqual(names(spec.attributes), ["src", "lang", "theme", "loading", "height-hint", "heading-level"]);
  assert.equal(spec.events.length, 4);
  assert.equal(spec.cssProperties.length, 6);
  assert.equal(spec.parts.length, 19);
});

test("the manifest is valid against the Custom Elements Manifest schema 2.x", () => {
  const schema = JSON.parse(readFileSync(join(ROOT, "node_modules/custom-elements-manifest/schema.json"), "utf8"));
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  assert.ok(validate(manifest), JSON.stringify(validate.errors, null, 2));
  assert.match(manifest.schemaVersion, /^2\./);
  const exported = manifest.modules[0].exports.find((e) => e.kind === "custom-element-definition");
  assert.deepEqual(exported, { kind: "custom-element-definition", name: "news-widget", declaration: { name: element.name, module: "news-widget.js" } });
});

for (const [form, decl, prefix] of [["<news-widget>", element, ""], ["div[data-news-widget]", divForm, "data-"]]) {
  test(`the manifest's ${form} has SPEC's attributes, with their types and defaults`, () => {
    const own = decl.attributes.filter((a) => a.name !== "data-news-widget");
    assert.deepEqual(names(own), spec.attributes.map((a) => prefix + a.name));
    for (const a of spec.attributes) {
      const m = own.find((x) => x.name === prefix + a.name);
      assert.ok(m.description?.length > 10, `${m.name} has a description`);
      assert.deepEqual(typeValues(m.type.text), a.values, `${m.name}'s type`);
      if (a.default.required) {
        assert.equal(m.default, undefined, `${m.name} is required, no default`);
        assert.match(m.description, /Required/);
      } else if (a.default.literal) assert.equal(m.default, a.default.literal, `${m.name}'s default`);
      else assert.ok(m.default !== undefined || /Default/.test(m.description), `${m.name} says its default`);
    }
    if (prefix) assert.ok(decl.attributes.some((a) => a.name === "data-news-widget"));
  });
  test(`the manifest's ${form} has the \`${spec.propertyName}\` property`, () => {
    const field = decl.members.find((m) => m.kind === "field" && m.name === spec.propertyName);
    assert.equal(field.type.text, "NewsArticle | undefined");
    assert.ok(field.description.length > 10);
  });
}

test("the manifest has SPEC's four events, each detail with SPEC's keys (and README's `cause`)", () => {
  assert.deepEqual(names(element.events), names(spec.events));
  for (const e of spec.events) {
    const m = element.events.find((x) => x.name === e.name);
    assert.ok(m.description.length > 10);
    const detail = m.type.text.match(/^CustomEvent<\{ (.*) \}>$/)[1];
    const keys = detail.split(/;\s*/).map((p) => p.split(":")[0].trim());
    const expected = e.detail.map((d) => d.key + (d.optional ? "?" : ""));
    if (e.name === "news-widget:error") expected.push(...extras.errorDetail.map((k) => k + "?"));
    assert.deepEqual(keys, expected, `${e.name} detail`);
    for (const d of e.detail.filter((d) => d.type)) assert.ok(detail.includes(`${d.key}: ${d.type}`), `${e.name}.${d.key}: ${d.type}`);
  }
  assert.match(element.events.find((e) => e.name === "news-widget:navigate").description, /[Cc]ancelable/);
});

test("the manifest has SPEC's custom properties plus the README's --nw-font-size, and every part", () => {
  const readmeOnly = extras.cssProperties.filter((p) => !spec.cssProperties.includes(p));
  assert.deepEqual(readmeOnly, ["--nw-font-size"]);
  assert.deepEqual(names(element.cssProperties), [...spec.cssProperties, ...readmeOnly]);
  assert.match(element.cssProperties.find((p) => p.name === "--nw-font-size").description, /README/);
  assert.deepEqual(names(element.cssParts), spec.parts);
  for (const x of [...element.cssProperties, ...element.cssParts]) assert.ok(x.description.length > 5, x.name);
  assert.ok(declarations.find((d) => d.kind === "variable" && d.name === "NewsWidget").type.text.includes("stats"));
});

// ---------------------------------------------------------------- the declarations

const union = (values) => values.map((v) => JSON.stringify(v)).join(" | ");

/** Type-level equalities between SPEC and news-widget.d.ts; any mismatch is a TS2344. */
function specCheck(spec, extras) {
  const lines = [
    `import type * as NW from "@news-widget/embed";`,
    `type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;`,
    `type Assert<T extends true> = T;`,
    `type Str<T> = T extends string | number ? \`\${T}\` : never;`,
    `type Optional<T, K extends keyof T> = {} extends Pick<T, K> ? true : false;`,
  ];
  let n = 0;
  const eq = (a, b) => lines.push(`export type A${n++} = Assert<Equal<${a}, ${b}>>;`);
  const attrs = `NW.NewsWidgetAttributes`;
  eq(`keyof ${attrs}`, union(spec.attributes.map((a) => a.name)));
  for (const a of spec.attributes) {
    eq(`Str<Exclude<${attrs}[${JSON.stringify(a.name)}], undefined>>`, a.values ? union(a.values) : "string");
    eq(`keyof NW.NewsWidgetDataAttributes & ${JSON.stringify("data-" + a.name)}`, JSON.stringify("data-" + a.name));
  }
  eq(`NW.NewsWidgetElement[${JSON.stringify(spec.propertyName)}]`, `NW.NewsArticle | undefined`);
  eq(`keyof NW.NewsArticle`, union(spec.article.keys));
  for (const k of spec.article.keys) eq(`Optional<NW.NewsArticle, ${JSON.stringify(k)}>`, spec.article.required.includes(k) ? "false" : "true");
  eq(`NW.NewsArticleBlock["type"]`, union(spec.article.blockTypes));
  eq(`keyof NW.NewsWidgetEventMap`, union(spec.events.map((e) => e.name)));
  for (const e of spec.events) {
    const detail = `NW.NewsWidgetEventMap[${JSON.stringify(e.name)}]["detail"]`;
    const keys = e.detail.map((d) => d.key).concat(e.name === "news-widget:error" ? extras.errorDetail : []);
    eq(`keyof ${detail}`, union(keys));
    for (const d of e.detail) eq(`Optional<${detail}, ${JSON.stringify(d.key)}>`, d.optional ? "true" : "false");
    for (const d of e.detail.filter((d) => d.type)) eq(`${detail}[${JSON.stringify(d.key)}]`, d.type);
    eq(`HTMLElementEventMap[${JSON.stringify(e.name)}]`, `CustomEvent<${detail}>`);
    eq(`DocumentEventMap[${JSON.stringify(e.name)}]`, `CustomEvent<${detail}>`);
  }
  const step = spec.events.find((e) => e.name === "news-widget:fontsize").raw.match(/`step` (\d)–(\d)/);
  eq(`NW.NewsWidgetFontSizeDetail["step"]`, Array.from({ length: step[2] - step[1] + 1 }, (_, i) => i + Number(step[1])).join(" | "));
  eq(`NW.NewsWidgetPart`, union(spec.parts));
  eq(`NW.NewsWidgetCSSProperty`, union([...new Set([...spec.cssProperties, ...extras.cssProperties])]));
  eq(`HTMLElementTagNameMap["news-widget"]`, `NW.NewsWidgetElement`);
  eq(`keyof NW.NewsWidgetReactProps & \`on\${keyof NW.NewsWidgetEventMap}\``, union(spec.events.map((e) => "on" + e.name)));
  return lines.join("\n") + "\n";
}

/** Compiles `source` as tests/types/.spec-check/check.ts with the hosts' options. */
function compile(source) {
  const dir = join(ROOT, "tests/types/.spec-check");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "check.ts"), source);
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ extends: "../tsconfig.json", include: ["check.ts"] }));
  const r = spawnSync(TSC, ["-p", join(dir, "tsconfig.json"), "--pretty", "false"], { encoding: "utf8" });
  return { status: r.status, out: r.stdout + r.stderr };
}

test("news-widget.d.ts agrees with SPEC (type equalities generated from SPEC compile)", () => {
  const r = compile(specCheck(spec, extras));
  assert.equal(r.out, "");
  assert.equal(r.status, 0);
});

test("the generated check fails when SPEC and the declarations differ (one part dropped from SPEC)", () => {
  const text = readFileSync(SPEC_PATH, "utf8").replace("`related-next`, ", "");
  const changed = parseSpec(text);
  assert.equal(changed.parts.length, spec.parts.length - 1);
  const r = compile(specCheck(changed, extras));
  assert.notEqual(r.status, 0);
  const errors = r.out.trim().split("\n").filter((l) => /error TS/.test(l));
  assert.equal(errors.length, 1, r.out);
  assert.match(errors[0], /error TS2344/);
});
