// dist/ as the npm package @news-widget/embed (after the release build): `npm pack --dry-run`
// lists exactly the loader, the glue and wasm it loads (their hashed names read from the
// loader itself), the declarations, the manifest and package.json — no demo, no index.html.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "./spec.mjs";

const DIST = join(ROOT, "dist");

test("the release build put the package.json, declarations and manifest in dist/, unchanged", () => {
  for (const f of ["package.json", "news-widget.d.ts", "custom-elements.json"]) {
    assert.ok(existsSync(join(DIST, f)), `dist/${f}`);
    assert.equal(readFileSync(join(DIST, f), "utf8"), readFileSync(join(ROOT, "package", f), "utf8"), f);
  }
  const pkg = JSON.parse(readFileSync(join(DIST, "package.json"), "utf8"));
  const cargo = readFileSync(join(ROOT, "Cargo.toml"), "utf8").match(/^version = "([^"]+)"/m)[1];
  assert.equal(pkg.version, cargo, "the package's version is the crate's");
  assert.equal(pkg.types, "news-widget.d.ts");
  assert.equal(pkg.customElements, "custom-elements.json");
  assert.deepEqual(pkg.exports["."], { types: "./news-widget.d.ts", default: "./news-widget.js" });
});

test("npm pack --dry-run lists exactly the bundle, the types and the manifest", () => {
  const r = spawnSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: DIST, encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  const [packed] = JSON.parse(r.stdout);
  assert.equal(packed.name, "@news-widget/embed");
  const files = packed.files.map((f) => f.path).sort();
  // The hashed names the loader really loads, and they exist in dist/.
  const loader = readFileSync(join(DIST, "news-widget.js"), "utf8");
  const glue = loader.match(/news-widget-[0-9a-f]+\.js/g);
  const wasm = loader.match(/news-widget-[0-9a-f]+_bg\.wasm/g);
  assert.equal(new Set(glue).size, 1, "one glue name in the loader");
  assert.equal(new Set(wasm).size, 1, "one wasm name in the loader");
  const present = readdirSync(DIST);
  for (const f of [glue[0], wasm[0]]) assert.ok(present.includes(f), `dist/${f}`);
  assert.deepEqual(files, ["custom-elements.json", glue[0], "news-widget.d.ts", "news-widget.js", wasm[0], "package.json"].sort());
  // What dist/ has for the CDN and the demo stays out of the package.
  assert.ok(present.includes("index.html"));
  assert.ok(present.some((f) => f.endsWith(".br")));
  console.log(r.stderr.trim() || files.join("\n"));
});
