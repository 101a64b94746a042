// The declarations in use: `tsc --noEmit` passes on the good hosts (a DOM .ts, a React 19 .tsx,
// a Vue .ts) and fails on the bad ones with exactly the errors their lines are marked with
// (`// error TSnnnn`), so a bad host cannot pass by failing for an unrelated reason.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, mkdtempSync, mkdirSync, copyFileSync, writeFileSync, rmSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join, relative } from "node:path";
import { tmpdir } from "node:os";
import { ROOT } from "./spec.mjs";
import { readmeSnippets } from "./readme.mjs";

const TSC = join(ROOT, "node_modules/.bin/tsc");
const DIR = join(ROOT, "tests/types");
const tsc = (...args) => {
  const r = spawnSync(TSC, [...args, "--pretty", "false"], { encoding: "utf8", cwd: ROOT });
  return { status: r.status, out: (r.stdout + r.stderr).trim() };
};

test("the good hosts compile (DOM, React 19 JSX, Vue GlobalComponents)", () => {
  assert.deepEqual(readdirSync(join(DIR, "good")).sort(), ["dom.ts", "react.tsx", "vue.ts"]);
  const r = tsc("-p", join(DIR, "tsconfig.json"));
  assert.equal(r.out, "");
  assert.equal(r.status, 0);
});

test("the bad hosts fail to compile, with exactly the marked errors", () => {
  const expected = [];
  for (const file of readdirSync(join(DIR, "bad")).sort()) {
    readFileSync(join(DIR, "bad", file), "utf8")
      .split("\n")
      .forEach((line, i) => {
        const m = line.match(/\/\/ error (TS\d+)/);
        if (m) expected.push(`tests/types/bad/${file}:${i + 1} ${m[1]}`);
      });
  }
  assert.ok(expected.length >= 20, `${expected.length} marked misuses`);
  const r = tsc("-p", join(DIR, "tsconfig.bad.json"));
  assert.notEqual(r.status, 0, r.out);
  const got = r.out
    .split("\n")
    .map((l) => l.match(/^(\S+)\((\d+),\d+\): error (TS\d+)/))
    .filter(Boolean)
    .map(([, file, line, code]) => `${relative(ROOT, join(ROOT, file))}:${line} ${code}`)
    .sort();
  assert.deepEqual(got, expected.sort());
});

test("a project without React or Vue installed compiles against the declarations (skipLibCheck)", () => {
  const dir = mkdtempSync(join(tmpdir(), "nw-types-"));
  try {
    copyFileSync(join(ROOT, "package/news-widget.d.ts"), join(dir, "news-widget.d.ts"));
    writeFileSync(join(dir, "host.ts"), readFileSync(join(DIR, "good/dom.ts"), "utf8").replace('"@news-widget/embed"', '"./news-widget"'));
    const options = ["--noEmit", "--strict", "--lib", "es2022,dom", "--module", "esnext", "--moduleResolution", "bundler", "--types", ""];
    const r = tsc(...options, "--skipLibCheck", join(dir, "host.ts"));
    assert.equal(r.out, "");
    assert.equal(r.status, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the README's React and Vue snippets type-check as partners' modules", () => {
  const snippets = readmeSnippets();
  const dir = join(DIR, ".readme");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "react.tsx"), snippets.react);
  writeFileSync(join(dir, "vue.ts"), snippets.vue);
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ extends: "../tsconfig.json", include: ["react.tsx", "vue.ts"] }));
  const r = tsc("-p", join(dir, "tsconfig.json"));
  assert.equal(r.out, "");
  assert.equal(r.status, 0);
});
