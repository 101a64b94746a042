// Where the widget's start-up time goes, task by task (issue 7; BENCHMARKS.md, "Start-up in
// tasks"): loads the seed article in headless Chromium with a Chrome trace, cache disabled, and
// prints each main-thread task that ran the widget's script: its wall and thread-CPU time, those
// of the script alone, and how many wasm functions V8 compiled there on their first call ("lazy"
// compilation, on the main thread) and how many JS functions. Then the first mount's figures and
// the widget's longest script run per load, in wall and in CPU time (BENCHMARKS.md, "Wall time
// against CPU time").
//
//   node tools/startup-trace.mjs [--runs 5]        (needs a release build in dist/)
//
// It starts tests/server.mjs itself, on TRACE_PORT and the port after it (4183, 4184). Figures
// are wall and thread-CPU time of the trace events; tracing makes everything slower, so compare
// runs of this script with each other, never with `make bench`.
import { spawn } from "node:child_process";
import { readFileSync, rmSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";

const { values: opt } = parseArgs({ options: { runs: { type: "string", default: "5" } } });
const runs = Number(opt.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: a whole number, not ${opt.runs}`);
const HOST = Number(process.env.TRACE_PORT || 4183);
const CDN = HOST + 1;
const page = `<!doctype html><html lang="zh-TW"><head><meta charset="utf-8">
<script src="http://127.0.0.1:${CDN}/cdn/v1/deep/path/news-widget/news-widget.js" async></script></head>
<body><news-widget src="/articles/kaohsiung-orange-county.json" loading="eager"></news-widget></body></html>`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x, width) => x.toFixed(0).padStart(width);
const mounts = [];
const longest = [];

// Script entry points, as Long Animation Frames count them (a microtask checkpoint runs promise
// reactions: the loader's, after instantiation, creates the widgets); style, layout and paint are
// not script.
const SCRIPT = new Set([
  "EvaluateScript",
  "v8.evaluateModule",
  "FunctionCall",
  "TimerFire",
  "RunMicrotasks",
  "BlinkScheduler_PerformMicrotaskCheckpoint",
]);
const fromCdn = (e) => (e.args?.data?.url || "").startsWith(`http://127.0.0.1:${CDN}/`);

/** One main-thread task: its wall and thread-CPU time, those of its script, and what V8 compiled. */
function taskFigures(task, inside) {
  const [wasm, js] = [inside.filter((e) => e.name === "wasm.CompileLazy"), inside.filter((e) => e.name === "V8.CompileCode")];
  // Outermost script events only: a timer's callback is also a FunctionCall inside its TimerFire.
  const scripts = inside.filter((e) => SCRIPT.has(e.name) && e.ph === "X");
  // Of two events with the same span, the first counts.
  const outer = scripts.filter(
    (e, i) => !scripts.some((o, j) => j !== i && o.ts <= e.ts && e.ts + e.dur <= o.ts + o.dur && (j < i || o.ts !== e.ts || o.dur !== e.dur)),
  );
  const sum = (list, key) => list.reduce((total, e) => total + (e[key] || 0), 0) / 1000;
  return {
    // The test page has no timers and no script of its own: timers, wasm and the CDN's files are
    // the widget (Playwright's probe runs from no URL, in animation frames). A task of the widget
    // with no script in it (the wasm's bytes arriving) is left out below.
    widget: inside.some((e) => e.name === "TimerFire" || e.name.startsWith("wasm.") || fromCdn(e)),
    wall: task.dur / 1000,
    cpu: (task.tdur || 0) / 1000,
    scriptWall: sum(outer, "dur"),
    scriptCpu: sum(outer, "tdur"),
    wasm: wasm.length,
    wasmCpu: sum(wasm, "tdur"),
    js: js.length,
  };
}

const dir = mkdtempSync(join(tmpdir(), "startup-trace-"));
const server = spawn(process.execPath, [fileURLToPath(new URL("../tests/server.mjs", import.meta.url))], {
  env: { ...process.env, HOST_PORT: String(HOST), CDN_PORT: String(CDN) },
  stdio: ["ignore", "pipe", "inherit"],
});
let browser;
try {
  await new Promise((resolve, reject) => {
    server.stdout.once("data", resolve);
    server.once("exit", (code) => reject(new Error(`tests/server.mjs exited (${code}): ports ${HOST}/${CDN} busy?`)));
  });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-features=LocalNetworkAccessChecks"],
  });
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.route(`http://127.0.0.1:${HOST}/startup-trace.html`, (r) => r.fulfill({ contentType: "text/html", body: page }));
    const cdp = await context.newCDPSession(tab);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await tab.addInitScript(() => addEventListener("news-widget:load", () => (window.__loaded = true), true));
    const path = join(dir, `${run}.json`);
    await browser.startTracing(tab, { path, categories: ["toplevel", "devtools.timeline", "disabled-by-default-devtools.timeline", "v8.wasm", "disabled-by-default-v8.compile"] });
    await tab.goto(`http://127.0.0.1:${HOST}/startup-trace.html`);
    await tab.waitForFunction(() => window.__loaded, null, { timeout: 15000 });
    await tab.waitForTimeout(200);
    await browser.stopTracing();
    await context.close();

    const events = JSON.parse(readFileSync(path, "utf8")).traceEvents;
    // The renderer's main thread: the one that runs the loader's timers.
    const timer = events.find((e) => e.name === "TimerFire");
    const main = events.filter((e) => e.pid === timer?.pid && e.tid === timer?.tid);
    const rows = main
      .filter((e) => e.name === "RunTask" && e.ph === "X")
      .map((task) => taskFigures(task, main.filter((e) => e.ts >= task.ts && e.ts < task.ts + task.dur && e !== task)))
      .filter((r) => r.widget && (r.scriptWall >= 0.5 || r.wasm > 0));
    // The first mount compiles the most: Leptos, the view and the skeleton, all called first there.
    const compiling = rows.filter((r) => r.wasm > 0);
    if (compiling.length) mounts.push(compiling.reduce((a, b) => (b.wasm > a.wasm ? b : a)));
    const max = (key) => Math.max(...rows.map((r) => r[key]));
    if (rows.length) longest.push({ scriptWall: max("scriptWall"), scriptCpu: max("scriptCpu") });
    console.log(`load ${run + 1}:`);
    for (const r of rows) {
      console.log(
        `  task ${ms(r.wall, 4)} ms wall, ${ms(r.cpu, 3)} ms CPU; script ${ms(r.scriptWall, 3)} ms wall, ${ms(r.scriptCpu, 3)} ms CPU: ` +
          `${String(r.wasm).padStart(3)} wasm functions compiled lazily (${r.wasmCpu.toFixed(1)} ms CPU), ${r.js} JS`,
      );
    }
  }
  if (!mounts.length) throw new Error("no task compiled wasm: is dist/ a release build?");
  const pick = (list, key) => median(list.map((r) => r[key]));
  const spread = (list, key) => `${pick(list, key).toFixed(0)} ms (${Math.min(...list.map((r) => r[key])).toFixed(0)}–${Math.max(...list.map((r) => r[key])).toFixed(0)})`;
  const over = (key) => longest.filter((r) => r[key] > 50).length;
  console.log(
    `\nthe first mount's task (the one compiling the most), medians of ${mounts.length} loads, each column on its own: ` +
      `${pick(mounts, "wall").toFixed(0)} ms wall, ${pick(mounts, "cpu").toFixed(0)} ms CPU, ` +
      `${pick(mounts, "wasm")} wasm functions compiled lazily (${pick(mounts, "wasmCpu").toFixed(1)} ms CPU), ${pick(mounts, "js")} JS functions compiled`,
  );
  console.log(
    `the widget's longest script run in one task, per load (median, min–max of ${longest.length} loads; each on its own): ` +
      `${spread(longest, "scriptWall")} of wall time, over 50 ms in ${over("scriptWall")} loads; ` +
      `${spread(longest, "scriptCpu")} of thread CPU time, over 50 ms in ${over("scriptCpu")} loads`,
  );
} finally {
  await browser?.close();
  server.kill();
  rmSync(dir, { recursive: true, force: true });
}
