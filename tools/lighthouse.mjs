#!/usr/bin/env node
// Lighthouse audit of a page (the demo by default) in the system Chromium.
//
//   node tools/lighthouse.mjs [URL] [--json report.json]
//
// Runs the accessibility and best-practices categories, prints both scores and every audit
// that did not pass (with its failing items), and exits non-zero when accessibility < 100 or
// best-practices < 95 (issue 8). The page must be served (tests/server.mjs serves the built
// demo at http://127.0.0.1:4173/dist/index.html).
import { writeFile } from "node:fs/promises";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";

const args = process.argv.slice(2);
const jsonAt = args.indexOf("--json");
const jsonPath = jsonAt >= 0 ? args.splice(jsonAt, 2)[1] : null;
const url = args[0] || "http://127.0.0.1:4173/dist/index.html";
const THRESHOLDS = { accessibility: 100, "best-practices": 95 };

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM || "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
});

let lhr;
try {
  const result = await lighthouse(url, {
    port: chrome.port,
    output: "json",
    logLevel: "error",
    onlyCategories: Object.keys(THRESHOLDS),
  });
  if (!result) throw new Error("Lighthouse returned no result");
  lhr = result.lhr;
  if (jsonPath) await writeFile(jsonPath, result.report);
} finally {
  await chrome.kill();
}

if (lhr.runtimeError) {
  console.error(`Lighthouse runtime error: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  process.exit(2);
}

/** One line per failing item of an audit (selector / URL / snippet), at most 10. */
function items(audit) {
  const rows = audit.details && Array.isArray(audit.details.items) ? audit.details.items : [];
  return rows.slice(0, 10).map((row) => {
    const node = row.node || (row.subItems && row.subItems.items && row.subItems.items[0] && row.subItems.items[0].relatedNode);
    if (row.description) return `${row.source || ""}: ${row.description} ${(row.sourceLocation && row.sourceLocation.url) || ""}`.trim();
    if (node) return `${node.selector || ""} ${node.snippet || ""} ${node.explanation ? "— " + node.explanation.replace(/\s+/g, " ") : ""}`.trim();
    return JSON.stringify(row).slice(0, 300);
  });
}

let failed = false;
console.log(`Lighthouse ${lhr.lighthouseVersion} · ${lhr.finalDisplayedUrl} · ${lhr.environment.hostUserAgent}`);
for (const [id, min] of Object.entries(THRESHOLDS)) {
  const category = lhr.categories[id];
  const score = Math.round((category.score ?? 0) * 100);
  const ok = score >= min;
  if (!ok) failed = true;
  console.log(`${category.title}: ${score} (required ≥ ${min}) ${ok ? "ok" : "FAIL"}`);
  for (const ref of category.auditRefs) {
    const audit = lhr.audits[ref.id];
    const notPassing = audit.score !== null && audit.score < 1;
    if (!notPassing) continue;
    console.log(`  ✗ ${ref.id} (weight ${ref.weight}, score ${audit.score}): ${audit.title}`);
    if (audit.displayValue) console.log(`      ${audit.displayValue}`);
    for (const line of items(audit)) console.log(`      - ${line}`);
  }
}
process.exit(failed ? 1 : 0);
