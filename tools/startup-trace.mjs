// Where the widget's start-up time goes, task by task (issue 7; BENCHMARKS.md, "Start-up in
// tasks"): loads the seed article in headless Chromium with a Chrome trace, cache disabled, and
// prints each main-thread task in which V8 compiled wasm functions on their first call ("lazy"
// compilation, on the main thread), with how many, and how many JS functions it compiled there.
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
const mounts = [];
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
    const on = (name) => events.filter((e) => e.name === name && e.pid === timer?.pid && e.tid === timer?.tid);
    const [wasm, js] = [on("wasm.CompileLazy"), on("V8.CompileCode")];
    const within = (list, t) => list.filter((e) => e.ts >= t.ts && e.ts < t.ts + t.dur);
    const cpu = (list) => list.reduce((sum, e) => sum + (e.tdur || 0), 0) / 1000;
    const tasks = on("RunTask").filter((t) => t.ph === "X" && within(wasm, t).length > 0);
    const rows = tasks.map((t) => {
      const [w, j] = [within(wasm, t), within(js, t)];
      return { wall: t.dur / 1000, cpu: (t.tdur || 0) / 1000, wasm: w.length, wasmCpu: cpu(w), js: j.length };
    });
    // The first mount compiles the most: Leptos, the view and the skeleton, all called first there.
    if (rows.length) mounts.push(rows.reduce((a, b) => (b.wasm > a.wasm ? b : a)));
    console.log(`load ${run + 1}:`);
    for (const r of rows) {
      console.log(
        `  task ${r.wall.toFixed(0).padStart(4)} ms wall, ${r.cpu.toFixed(0).padStart(3)} ms CPU: ` +
          `${String(r.wasm).padStart(3)} wasm functions compiled lazily (${r.wasmCpu.toFixed(1)} ms CPU), ${r.js} JS`,
      );
    }
  }
  if (!mounts.length) throw new Error("no task compiled wasm: is dist/ a release build?");
  const pick = (key) => median(mounts.map((r) => r[key]));
  console.log(
    `\nthe first mount's task (the one compiling the most), medians of ${mounts.length} loads, each column on its own: ` +
      `${pick("wall").toFixed(0)} ms wall, ${pick("cpu").toFixed(0)} ms CPU, ` +
      `${pick("wasm")} wasm functions compiled lazily (${pick("wasmCpu").toFixed(1)} ms CPU), ${pick("js")} JS functions compiled`,
  );
} finally {
  await browser?.close();
  server.kill();
  rmSync(dir, { recursive: true, force: true });
}
