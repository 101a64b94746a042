#!/usr/bin/env node
// Size budget (issues 7, 17): the bytes a reader downloads for the widget, excluding the article
// JSON and images, must stay within size-budget.json: the measured size plus at most 1 KB, so any
// growth past that fails `make test`. The target (issue 17: 90 KB brotli in all, the loader 2 KB)
// is printed beside it; a budget above the target is allowed only as a ratchet while the target
// is not met (the output says so on every run). Run after `trunk build --release` (tools/test.sh
// does); no dependencies, well under a second. It prints the measurement, the budget, the target
// and the budget to set.
//
// The files are the ones the loader really fetches: dist/news-widget.js, and the glue and wasm
// names written into it by tools/post-build.mjs (the CSS is compiled into the wasm). Sizes are
// those of the precompressed siblings (.br, .gz) a static host serves (deploy/nginx.conf), after
// checking that they decompress to the current file, so a stale or missing .br can never pass.
//
// Exit status: 0 within budget, 1 over budget, 2 when dist/ is missing or inconsistent.
// `node tools/size-budget.mjs --json` prints the measurement as JSON instead of the table.
import { readFileSync, existsSync, readdirSync } from "node:fs";
import { createHash } from "node:crypto";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliDecompressSync, gunzipSync } from "node:zlib";

const root = fileURLToPath(new URL("..", import.meta.url));

class Problem extends Error {}

/** Raw, gzip and brotli bytes of `file`, from its .gz/.br siblings. */
function sizes(file) {
  const raw = readFileSync(file);
  const sibling = (ext, decode) => {
    // A host serves these (deploy/nginx.conf never compresses at request time): missing is broken.
    if (!existsSync(file + ext)) throw new Problem(`${file}${ext} is missing: not a release build (\`trunk build --release\`)?`);
    const packed = readFileSync(file + ext);
    let same = false;
    try {
      same = decode(packed).equals(raw);
    } catch {
      same = false;
    }
    if (!same) throw new Problem(`${file}${ext} does not decompress to ${file}: stale build output`);
    return packed.length;
  };
  return {
    raw: raw.length,
    gzip: sibling(".gz", gunzipSync),
    brotli: sibling(".br", brotliDecompressSync),
  };
}

/** Measures the widget's files in `dist`; throws Problem when the bundle is incomplete. */
export function measure(dist = join(root, "dist")) {
  const loaderPath = join(dist, "news-widget.js");
  if (!existsSync(loaderPath)) throw new Problem(`${loaderPath} not found: run \`trunk build --release\` first`);
  const loader = readFileSync(loaderPath, "utf8");
  const named = (re) => [...new Set([...loader.matchAll(re)].map((m) => m[0]))];
  const glue = named(/news-widget-[0-9a-f]+\.js/g);
  const wasm = named(/news-widget-[0-9a-f]+_bg\.wasm/g);
  if (glue.length !== 1 || wasm.length !== 1) {
    throw new Problem(`the loader should name exactly one glue and one wasm file, found: ${[...glue, ...wasm].join(", ") || "none"}`);
  }
  const notes = [];
  const files = [
    { role: "loader", name: "news-widget.js" },
    { role: "glue", name: glue[0] },
    { role: "wasm", name: wasm[0] },
  ].map((f) => {
    const path = join(dist, f.name);
    if (!existsSync(path)) throw new Problem(`the loader names ${f.name}, which is not in ${dist}`);
    return { ...f, ...sizes(path) };
  });
  // Hosts cache hashed files forever, so the names must follow the bytes: tools/post-build.mjs
  // names the pair after a hash of both, after it has rewritten them.
  const hash = createHash("sha256")
    .update(readFileSync(join(dist, glue[0])))
    .update(readFileSync(join(dist, wasm[0])))
    .digest("hex")
    .slice(0, 16);
  if (glue[0] !== `news-widget-${hash}.js` || wasm[0] !== `news-widget-${hash}_bg.wasm`) {
    throw new Problem(`${glue[0]} and ${wasm[0]} are not named after their content (news-widget-${hash})`);
  }
  // Hashed files the loader does not name are leftovers, or assets it forgot: either way, say so.
  const others = readdirSync(dist).filter(
    (f) => /^news-widget-[0-9a-f]+(_bg)?\.(js|wasm)$/.test(f) && !files.some((x) => x.name === f),
  );
  for (const f of others) notes.push(`${f} is in dist/ but not named by the loader (left over from an older build?)`);
  const total = (k) => files.reduce((sum, f) => sum + f[k], 0);
  return { files, total: { raw: total("raw"), gzip: total("gzip"), brotli: total("brotli") }, notes };
}

/** size-budget.json, checked: positive integers. */
export function readBudget(path = join(root, "size-budget.json")) {
  const budget = JSON.parse(readFileSync(path, "utf8"));
  for (const key of ["totalBrotliBytes", "loaderBrotliBytes", "targetTotalBrotliBytes"]) {
    if (!Number.isInteger(budget[key]) || budget[key] <= 0) throw new Problem(`${path}: "${key}" must be a positive integer`);
  }
  return budget;
}

/** The budget to set for a bundle of `measured` brotli bytes: the next whole KB (+1..1024 B). */
export const suggestedBudget = (measured) => (Math.floor(measured / 1024) + 1) * 1024;

const kb = (n) => (n / 1024).toFixed(1) + " KB";

function main() {
  const args = process.argv.slice(2);
  const distArg = args.find((a) => !a.startsWith("--"));
  let result, budget;
  try {
    result = measure(distArg ? resolve(distArg) : undefined);
    budget = readBudget();
  } catch (e) {
    if (!(e instanceof Problem)) throw e;
    console.error(`size budget: ${e.message}`);
    process.exit(2);
  }
  const loader = result.files.find((f) => f.role === "loader");
  const failures = [];
  if (result.total.brotli > budget.totalBrotliBytes) {
    failures.push(`brotli total ${result.total.brotli} B exceeds the budget of ${budget.totalBrotliBytes} B by ${result.total.brotli - budget.totalBrotliBytes} B`);
  }
  if (loader.brotli > budget.loaderBrotliBytes) {
    failures.push(`loader ${loader.brotli} B brotli exceeds the budget of ${budget.loaderBrotliBytes} B`);
  }
  if (args.includes("--json")) {
    console.log(JSON.stringify({ ...result, budget, ok: failures.length === 0, failures }, null, 2));
    process.exit(failures.length ? 1 : 0);
  }

  const rows = [
    ["file", "raw", "gzip", "brotli"],
    ...result.files.map((f) => [f.name, f.raw, f.gzip, f.brotli].map(String)),
    ["total", result.total.raw, result.total.gzip, result.total.brotli].map(String),
  ];
  const width = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(width[i]) : c.padStart(width[i]))).join("  ");
  console.log(line(rows[0]) + "   (bytes)");
  for (const r of rows.slice(1, -1)) console.log(line(r));
  console.log(width.map((w) => "-".repeat(w)).join("  "));
  console.log(line(rows.at(-1)));
  console.log();
  const total = result.total.brotli;
  const suggested = suggestedBudget(total);
  console.log(`measured  ${total} B brotli in all (${kb(total)}), loader ${loader.brotli} B`);
  console.log(`budget    ${budget.totalBrotliBytes} B (${kb(budget.totalBrotliBytes)}), loader ${budget.loaderBrotliBytes} B   (size-budget.json)`);
  const headroom = budget.targetTotalBrotliBytes - total;
  console.log(`target    ${budget.targetTotalBrotliBytes} B (${kb(budget.targetTotalBrotliBytes)}): ${headroom >= 0 ? `${headroom} B to spare` : `${-headroom} B over`}`);
  console.log(`suggested ${suggested} B: the measured size plus ${suggested - total} B, the budget to set in size-budget.json`);
  if (failures.length === 0 && budget.totalBrotliBytes - total > 1024) {
    console.log(`note: the bundle is ${budget.totalBrotliBytes - total} B under its budget, more than 1 KB: lower "totalBrotliBytes" to ${suggested}`);
  }
  if (budget.totalBrotliBytes > budget.targetTotalBrotliBytes) {
    console.log(`note: the budget is above the ${kb(budget.targetTotalBrotliBytes)} target: the target is not met (BENCHMARKS.md, "Size work")`);
  }
  for (const n of result.notes) console.log(`note: ${n}`);
  if (failures.length) {
    for (const f of failures) console.error(`size budget FAILED: ${f}`);
    console.error("Cut the growth, or raise the budget in size-budget.json as a deliberate, reviewed decision.");
    process.exit(1);
  }
  console.log("size budget: ok");
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
