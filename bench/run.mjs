#!/usr/bin/env node
// The measurements of issue 7, run by tools/bench.sh (`make bench`), which serves dist/ through
// nginx with deploy/nginx.conf (the "CDN" origin) and the pages generated here (the "host" origin).
//
// Every figure is measured for the widget and, in the same run and interleaved with it, for the
// vanilla-JS floor (bench/floor.js), in headless /usr/bin/chromium driven by Playwright, with a
// fresh browser context per page load and the HTTP cache disabled (CDP Network.setCacheDisabled).
// Each figure is the median of --runs loads (default 7) with its min–max spread.
//
//   node bench/run.mjs --cdn http://127.0.0.1:8088 --host http://127.0.0.1:8089 --dist DIR [--runs 7]
//                      [--only load,gzip,hint,hint-css,big,lazy,multi,mobile] [--out bench/results.json]
//                      [--profile normal|mobile|both]   (default: $BENCH_PROFILE, else both)
//
// The normal profile is the scenarios of issue 7 on this machine as it is (viewport 1280×900).
// The mobile profile (issue 17; bench/mobile.mjs says which values and why) loads the seed
// article, widget and floor interleaved in the same way, with the CPU slowed 4× and the network
// throttled as Lighthouse's mobile preset does, on a phone's screen: the headline, total
// blocking time and the longest task from navigation start until the page is quiet, and the
// widget's extra time over the floor split into download, compile/instantiate and first mount.
//
// Writes bench/generated/ (pages, the 1500-block article, the floor script with the widget's CSS;
// git-ignored) and bench/results.json; prints the table that BENCHMARKS.md reproduces.
import { chromium } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";
import { measure as measureSizes, readBudget } from "../tools/size-budget.mjs";
import { cpuCheck, extraParts, milestones, mobileContext, mobileSettings, throttle } from "./mobile.mjs";

const repo = fileURLToPath(new URL("..", import.meta.url));
const here = join(repo, "bench");
const gen = join(here, "generated");

const { values: opt } = parseArgs({
  options: {
    cdn: { type: "string" },
    host: { type: "string" },
    runs: { type: "string", default: "7" },
    only: { type: "string" },
    out: { type: "string", default: join(here, "results.json") },
    dist: { type: "string", default: join(repo, "dist") },
    profile: { type: "string", default: process.env.BENCH_PROFILE || "both" },
  },
});
if (!["normal", "mobile", "both"].includes(opt.profile)) {
  console.error(`bench/run.mjs: --profile (BENCH_PROFILE) is normal, mobile or both, not "${opt.profile}"`);
  process.exit(2);
}
if (!opt.cdn || !opt.host) {
  console.error("bench/run.mjs needs --cdn and --host (origins served by nginx): run it through tools/bench.sh");
  process.exit(2);
}
const RUNS = Math.max(1, Number(opt.runs) || 7);
const CDN = opt.cdn.replace(/\/$/, "");
const HOST = opt.host.replace(/\/$/, "");
const log = (...a) => console.error("bench:", ...a);

// ---------------------------------------------------------------- targets (issue 7; the size target is issue 17's 90 KB)
const TARGET = {
  totalBrotli: 92160,
  loaderBrotli: 2048,
  headlineRatio: 1.3,
  clsHint: 0,
  clsNoHint: 0.05,
  bigLongestTask: 200,
};
const ENCODINGS = { br: "br, gzip, deflate", gzip: "gzip, deflate" };
const SEED = "/articles/kaohsiung-orange-county.json";
const BIG = "/big/article-1500.json";
const BIG_BLOCKS = 1500;
const SETTLE_MS = 700; // after the content is painted, before reading CLS, long tasks, memory

// ---------------------------------------------------------------- generated files
function writeCompressed(path, data) {
  writeFileSync(path, data);
  writeFileSync(path + ".br", brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  writeFileSync(path + ".gz", gzipSync(data, { level: 9 }));
}

/** The widget's stylesheet: style/*.css in the order build.rs (or, before it, src/embed.rs)
 *  compiles them into the wasm, comments and runs of whitespace removed as build.rs does. */
function widgetCss() {
  const read = (f) => {
    try {
      return readFileSync(join(repo, f), "utf8");
    } catch {
      return "";
    }
  };
  const list = read("build.rs").match(/STYLES[^=]*=\s*\[([^\]]*)\]/);
  let files = list ? [...list[1].matchAll(/"([^"]+\.css)"/g)].map((m) => "style/" + m[1]) : [];
  if (!files.length) files = [...read("src/embed.rs").matchAll(/include_str!\("\.\.\/(style\/[^"]+\.css)"\)/g)].map((m) => m[1]);
  if (!files.length) throw new Error("cannot tell which style/*.css the widget compiles in (build.rs STYLES or src/embed.rs include_str!)");
  return files
    .map((f) => readFileSync(join(repo, f), "utf8"))
    .join("\n")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\s+/g, " ")
    .replace(/\s*([{};])\s*/g, "$1")
    .replace(/;}/g, "}")
    .trim();
}

/** floor.js as deployed: the widget's CSS inlined, comments and indentation dropped (the same
 *  treatment tools/post-build.mjs gives the loader). */
function floorScript() {
  const source = readFileSync(join(here, "floor.js"), "utf8");
  if (!source.includes('"" /*CSS*/')) throw new Error('bench/floor.js lost its `"" /*CSS*/` placeholder');
  return source
    .replace('"" /*CSS*/', () => JSON.stringify(widgetCss()))
    .replace(/^\s*\/\/.*$/gm, "")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .join("\n");
}

/** A deterministic 1500-block article in realistic Traditional Chinese (sentences of the seed). */
function bigArticle() {
  const seed = JSON.parse(readFileSync(join(repo, "demo/articles/kaohsiung-orange-county.json"), "utf8"));
  const sentences = seed.body
    .filter((b) => b.type === "paragraph" && typeof b.text === "string")
    .flatMap((b) => b.text.split(/(?<=[。!?])/))
    .map((s) => s.trim())
    .filter((s) => s.length > 8);
  let state = 0x9e3779b9;
  const rand = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = () => sentences[Math.floor(rand() * sentences.length)];
  const para = (min, max) => Array.from({ length: min + Math.floor(rand() * (max - min + 1)) }, pick).join("");
  const body = [];
  for (let i = 0; i < BIG_BLOCKS; i++) {
    if (i % 100 === 50) {
      const n = 1 + (i % 3);
      body.push({ type: "image", url: `../images/photo-${n}.svg`, alt: pick().slice(0, 30), caption: "(圖/高雄市政府)", width: 1200, height: 675 });
    } else if (i % 40 === 20) body.push({ type: "heading", text: pick().replace(/[,。!?]/g, "").slice(0, 24) });
    else if (i % 75 === 37) body.push({ type: "quote", text: para(1, 2), cite: "高雄市市長 陳其邁" });
    else if (i % 30 === 15)
      body.push({
        type: "paragraph",
        content: [{ text: para(1, 2) }, { text: "市府新聞稿", href: "https://example.com/news/2025-04-16", marks: ["strong"] }, { text: para(1, 1) }],
      });
    else body.push({ type: "paragraph", text: para(2, 5) });
  }
  return {
    ...seed,
    id: "bench-1500-blocks",
    headline: "長篇專題:高雄與橘郡締結姊妹市之後的一千五百段紀錄",
    image: { ...seed.image, url: "../images/hero.svg" },
    body,
  };
}

const TEMPLATES = {};
function template(kind) {
  if (!TEMPLATES[kind]) TEMPLATES[kind] = readFileSync(join(here, `${kind}.html`), "utf8");
  return TEMPLATES[kind];
}

/** bench/widget.html and bench/floor.html may differ only in their EMBED lines. */
function checkTemplatesAgree() {
  const norm = (t) => t.slice(t.indexOf("<html")).split("\n").filter((l) => !l.includes("EMBED")).join("\n");
  if (norm(template("widget")) !== norm(template("floor"))) {
    throw new Error("bench/widget.html and bench/floor.html differ outside their EMBED lines: the comparison would not be fair");
  }
}

const TAG = { widget: "news-widget", floor: "news-floor" };

function pagePath(scenario, kind) {
  return `/${scenario.id}-${kind}.html`;
}

function writePage(scenario, kind, heights) {
  const attrs = { loading: scenario.lazy ? "lazy" : "eager" };
  let css = "";
  if (scenario.hint) {
    const h = heights[kind];
    if (!h) throw new Error(`no measured height for ${kind} yet`);
    attrs["height-hint"] = `${h}px`;
    if (scenario.hostCss) css = `${TAG[kind]} { display: block; min-height: ${h}px; }`;
  }
  const attrText = Object.entries(attrs).map(([k, v]) => ` ${k}="${v}"`).join("");
  let before = "";
  if (scenario.lazy) before = '<div style="height: 3000px; background: repeating-linear-gradient(#fafafa 0 40px, #eee 40px 80px)">(host content)</div>';
  if (scenario.extraWidgets) {
    before = Array.from({ length: scenario.extraWidgets }, () => `<${TAG[kind]} src="${scenario.src}"${attrText}></${TAG[kind]}>`).join("\n  ");
  }
  const html = template(kind)
    .replaceAll("{{CDN}}", CDN)
    .replaceAll("{{SRC}}", scenario.src)
    .replaceAll("{{ATTRS}}", attrText)
    .replaceAll("{{CSS}}", css)
    .replaceAll("{{BEFORE}}", before)
    .replaceAll("{{SCENARIO}}", `${scenario.id}, ${kind}`);
  writeFileSync(join(gen, "host", pagePath(scenario, kind).slice(1)), html);
}

function prepare() {
  rmSync(gen, { recursive: true, force: true });
  mkdirSync(join(gen, "host", "big"), { recursive: true });
  mkdirSync(join(gen, "cdn"), { recursive: true });
  writeCompressed(join(gen, "cdn", "floor.js"), Buffer.from(floorScript()));
  writeCompressed(join(gen, "host", "big", "article-1500.json"), Buffer.from(JSON.stringify(bigArticle())));
  checkTemplatesAgree();
}

// ---------------------------------------------------------------- in-page probe
/** Installed before any page script (addInitScript): observers and the headline watcher. */
function probe({ expectBlocks }) {
  const B = (window.__bench = { cls: 0, shifts: [], longtasks: [], loafs: [], events: [], wasm: { streaming: 0, buffered: 0, streamingOk: 0 } });
  const observe = (type, fn, extra) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(fn)).observe({ type, buffered: true, ...extra });
    } catch (e) {
      B["unsupported_" + type] = String(e);
    }
  };
  const describe = (n) => (n ? n.nodeName.toLowerCase() + (n.getAttribute && n.getAttribute("part") ? `[part=${n.getAttribute("part")}]` : "") + (n.className && typeof n.className === "string" ? "." + n.className.split(" ")[0] : "") : "?");
  observe("layout-shift", (e) => {
    if (e.hadRecentInput) return;
    B.cls += e.value;
    B.shifts.push({ t: Math.round(e.startTime), v: e.value, nodes: (e.sources || []).map((s) => describe(s.node)) });
  });
  observe("longtask", (e) => B.longtasks.push({ t: e.startTime, d: e.duration }));
  observe("paint", (e) => e.name === "first-paint" && (B.firstPaint = e.startTime));
  // Long animation frames name the scripts that ran in them: the embed's share of a long task.
  observe("long-animation-frame", (e) =>
    B.loafs.push({
      t: e.startTime,
      d: e.duration,
      blocking: e.blockingDuration,
      layout: e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0,
      scripts: (e.scripts || []).map((s) => ({ url: s.sourceURL, d: s.duration, invoker: s.invoker, fn: s.sourceFunctionName })),
    }),
  );
  observe("event", (e) => B.events.push({ name: e.name, t: e.startTime, d: e.duration, i: e.interactionId }), { durationThreshold: 16 });

  // When the embed's script ran: it defines its element first thing.
  const define = customElements.define;
  customElements.define = function (name, ...rest) {
    if (name === "news-widget" || name === "news-floor") B.defined = performance.now();
    return define.call(this, name, ...rest);
  };

  // Which compile path the glue takes, and the instance's linear memory (for its size).
  const W = WebAssembly;
  for (const [name, kind] of [["instantiateStreaming", "streaming"], ["instantiate", "buffered"]]) {
    const original = W[name];
    if (typeof original !== "function") continue;
    W[name] = function (...args) {
      B.wasm[kind]++;
      const p = original.apply(this, args);
      p.then(
        (r) => {
          const instance = r instanceof W.Instance ? r : r && r.instance;
          if (kind === "streaming") B.wasm.streamingOk++;
          // The instance is ready: compiled (streaming compiles while the bytes arrive) and
          // instantiated; the widget's own code runs from here.
          B.wasm.instantiated ??= performance.now();
          // By type, not name: the post-build hook shortens export names ("memory" too).
          const memory = instance && Object.values(instance.exports).find((e) => e instanceof W.Memory);
          if (memory) B.memory = memory;
        },
        () => {},
      );
      return p;
    };
  }

  // Headline painted: the first frame whose rAF sees [part=headline] in the embed's shadow root.
  // Two times for that frame: `headlineFramed` when its layout is done, just before its paint (a
  // ResizeObserver's first callback runs in the same frame, after layout), and `headlinePainted`
  // when a message posted from its rAF is handled. The message waits behind every task queued
  // before it, so it also counts work that comes after the paint (the widget's next slice);
  // it is kept as an upper bound, and for waiting until the page has settled.
  const afterPaint = (set) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => set(performance.now());
    ch.port2.postMessage(null);
  };
  const tick = () => {
    const host = document.querySelector("news-widget, news-floor");
    const root = host && host.shadowRoot;
    if (B.headlineSeen == null && root && root.querySelector("[part=headline]")) {
      B.headlineSeen = performance.now();
      afterPaint((t) => (B.headlinePainted = t));
      const headline = root.querySelector("[part=headline]");
      const ro = new ResizeObserver(() => {
        B.headlineFramed ??= performance.now();
        ro.disconnect();
      });
      ro.observe(headline);
    }
    if (expectBlocks && B.blocksSeen == null && root) {
      const body = root.querySelector("[part=body]");
      if (body && body.childElementCount >= expectBlocks) {
        B.blocksSeen = performance.now();
        B.blocks = body.childElementCount;
        afterPaint((t) => (B.blocksPainted = t));
      }
    }
    const done = B.headlineSeen != null && (!expectBlocks || B.blocksSeen != null);
    if (!done && performance.now() < 60000) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  addEventListener("news-widget:load", () => (B.loadEvent ??= performance.now()), true);
  addEventListener("news-widget:error", (e) => (B.error = e.detail), true);
}

// ---------------------------------------------------------------- one page load
/** The widget's files by role ("loader", "glue", "wasm" -> file name), read from dist/ in main()
 *  (tools/size-budget.mjs follows the loader to the files it names), so a bundle whose names or
 *  hashes change is still recognised. */
const BUNDLE = {};

function classify(url) {
  let path;
  try {
    path = new URL(url).pathname;
  } catch {
    return "other";
  }
  const name = path.slice(path.lastIndexOf("/") + 1);
  const role = Object.keys(BUNDLE).find((k) => BUNDLE[k] === name);
  if (role && !path.startsWith("/__bench/")) return role;
  if (path.endsWith("/__bench/floor.js")) return "floor.js";
  if (path.endsWith(".json")) return "article";
  if (/\.(svg|png|jpe?g|webp|avif)$/.test(path)) return "image";
  if (path.endsWith(".html")) return "page";
  return "other";
}

function watchNetwork(cdp) {
  const requests = new Map();
  cdp.on("Network.requestWillBeSent", (e) => {
    requests.set(e.requestId, { url: e.request.url, method: e.request.method, cls: classify(e.request.url), t: e.timestamp });
  });
  cdp.on("Network.responseReceived", (e) => {
    const r = requests.get(e.requestId);
    if (!r) return;
    const h = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    Object.assign(r, {
      status: e.response.status,
      type: h["content-type"] || e.response.mimeType,
      encoding: h["content-encoding"] || "identity",
      length: h["content-length"] != null ? Number(h["content-length"]) : null,
      cache: h["cache-control"],
      cors: h["access-control-allow-origin"],
      fromCache: e.response.fromDiskCache || e.response.fromServiceWorker,
    });
  });
  cdp.on("Network.loadingFinished", (e) => {
    const r = requests.get(e.requestId);
    if (r) {
      r.transfer = e.encodedDataLength;
      r.done = true;
    }
  });
  cdp.on("Network.loadingFailed", (e) => {
    const r = requests.get(e.requestId);
    if (r) r.failed = e.errorText;
  });
  return requests;
}

const sum = (xs) => xs.reduce((a, b) => a + b, 0);

/** The mobile profile's settings (bench/mobile.mjs), when it runs. */
let MOBILE = null;

/**
 * Waits until the page has been quiet for `quietMs`: no request in flight, the document
 * complete, and no long task or response ending in that time. Returns when the quiet began, on
 * the page's clock (at least `from`): the end of the window of total blocking time.
 */
async function waitQuiet(page, requests, from, quietMs) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const inFlight = [...requests.values()].some((r) => /^https?:/.test(r.url) && !r.done && !r.failed);
    const s = await page.evaluate(() => ({
      now: performance.now(),
      lastTask: Math.max(0, ...window.__bench.longtasks.map((t) => t.t + t.d)),
      lastResponse: Math.max(0, ...performance.getEntriesByType("resource").map((e) => e.responseEnd)),
      complete: document.readyState === "complete",
    }));
    const since = Math.max(from, s.lastTask, s.lastResponse);
    if (!inFlight && s.complete && s.now - since >= quietMs) return since;
    if (Date.now() > deadline) throw new Error("the page was not quiet within 60 s of the headline");
    await page.waitForTimeout(100);
  }
}

async function loadOnce(browser, scenario, kind) {
  const phone = scenario.mobile ? MOBILE : null;
  const context = await browser.newContext({
    ...(phone ? mobileContext(phone) : { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 }),
    extraHTTPHeaders: { "Accept-Encoding": ENCODINGS[scenario.enc] },
  });
  await context.addInitScript(probe, { expectBlocks: scenario.expectBlocks || 0 });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const requests = watchNetwork(cdp);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  // In the mobile profile the script and task times are wall time: what the slowed CPU takes,
  // as the reader waits it (CDP throttles by holding the thread back); elsewhere thread time.
  await cdp.send("Performance.enable", { timeDomain: phone ? "timeTicks" : "threadTicks" });
  if (phone) await throttle(cdp, phone);
  const errors = [];
  const started = Date.now();
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  const tag = TAG[kind];
  const out = { kind, scenario: scenario.id };
  try {
    await page.goto(HOST + pagePath(scenario, kind), { waitUntil: "load" });
    if (scenario.lazy) {
      // Nothing but the page and the loader may be fetched while the widget is far below.
      await page.waitForTimeout(1000);
      const early = [...requests.values()].filter((r) => ["glue", "wasm", "article", "image"].includes(r.cls));
      out.lazyRequestsBeforeScroll = early.length;
      out.lazyEarly = early.map((r) => r.cls);
      out.scrolledAt = await page.evaluate((tag) => {
        document.querySelector(tag).scrollIntoView();
        return performance.now();
      }, tag);
    }
    await page.waitForFunction(
      (blocks) => {
        const B = window.__bench;
        return B.error || (B.headlinePainted != null && (!blocks || B.blocksPainted != null));
      },
      scenario.expectBlocks || 0,
      { timeout: 60_000, polling: 50 },
    );
    const painted = await page.evaluate(() => Math.max(window.__bench.headlinePainted || 0, window.__bench.blocksPainted || 0));
    if (phone) out.quietAt = await waitQuiet(page, requests, painted, phone.quietMs);
    else await page.waitForFunction((until) => performance.now() >= until && document.readyState === "complete", painted + SETTLE_MS, { polling: 100 });

    const metrics = Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]));
    out.scriptMs = metrics.ScriptDuration * 1000;
    out.taskMs = metrics.TaskDuration * 1000;
    out.layoutMs = (metrics.LayoutDuration + metrics.RecalcStyleDuration) * 1000;
    if (scenario.memory) {
      await cdp.send("HeapProfiler.collectGarbage");
      const heap = await cdp.send("Runtime.getHeapUsage");
      out.heapUsedKB = heap.usedSize / 1024;
      out.domNodes = (await cdp.send("Memory.getDOMCounters")).nodes;
    }
    const B = await page.evaluate(([tag, names]) => {
      const B = window.__bench;
      const host = document.querySelector(tag);
      const res = (test, key = "responseEnd") => {
        const match = typeof test === "string" ? (p) => p.endsWith("/" + test) : (p) => test.test(p);
        const r = performance.getEntriesByType("resource").find((e) => match(new URL(e.name).pathname));
        return r ? r[key] : null;
      };
      const loader = tag === "news-floor" ? "__bench/floor.js" : names.loader;
      return {
        error: B.error || null,
        headlineSeen: B.headlineSeen,
        headlinePainted: B.headlinePainted,
        headlineFramed: B.headlineFramed ?? null,
        blocksPainted: B.blocksPainted ?? null,
        blocks: B.blocks ?? null,
        loadEvent: B.loadEvent ?? null,
        firstPaint: B.firstPaint ?? null,
        defined: B.defined ?? null,
        cls: B.cls,
        shifts: B.shifts,
        longtasks: B.longtasks.map((t) => ({ t: Math.round(t.t), d: Math.round(t.d) })),
        loafs: B.loafs.filter((f) => f.blocking > 0),
        wasm: B.wasm,
        wasmMemoryKB: B.memory ? B.memory.buffer.byteLength / 1024 : null,
        height: Math.round(host.getBoundingClientRect().height),
        loaderEnd: res(loader),
        glueEnd: res(names.glue),
        wasmEnd: res(names.wasm),
        articleEnd: res(/\.json$/),
        loaderStart: res(loader, "startTime"),
        glueStart: res(names.glue, "startTime"),
        wasmStart: res(names.wasm, "startTime"),
        wasmResponseStart: res(names.wasm, "responseStart"),
        articleStart: res(/\.json$/, "startTime"),
        unsupported: Object.keys(B).filter((k) => k.startsWith("unsupported_")),
      };
    }, [tag, BUNDLE]);
    Object.assign(out, B);
    out.longCount = B.longtasks.length;
    out.longMax = Math.max(0, ...B.longtasks.map((t) => t.d));
    out.tbt = sum(B.longtasks.map((t) => t.d - 50));
    // The embed's own code: every script entry from the CDN origin (loader, glue, wasm; floor.js),
    // and timer callbacks without a source URL. The widget yields between tasks with
    // setTimeout(resolve of a Promise): a native function, so LoAF names no script for it. The
    // host pages run no scripts and the probe only uses rAF.
    const embedScripts = (frames) =>
      frames.flatMap((f) => f.scripts.filter((s) => s.url.startsWith(CDN) || (s.url === "" && s.invoker.startsWith("TimerHandler"))));
    out.embedScriptMax = Math.max(0, ...embedScripts(B.loafs).map((s) => s.d));
    out.loafs = [...B.loafs].sort((a, b) => b.blocking - a.blocking).slice(0, 3).map((f) => ({ t: Math.round(f.t), d: Math.round(f.d), blocking: Math.round(f.blocking), layout: Math.round(f.layout), scripts: f.scripts.filter((s) => s.d >= 5).map((s) => ({ ...s, d: Math.round(s.d), url: s.url.replace(CDN, "") })) }));

    if (scenario.clicks) {
      // 10 text-size changes: A+ five times (100% -> 200%), then A- five times, each waited for.
      const start = await page.evaluate(() => performance.now());
      const scale = () =>
        page.evaluate((tag) => getComputedStyle(document.querySelector(tag).shadowRoot.querySelector("[part=root]")).getPropertyValue("--nw-scale").trim(), tag);
      const scales = [await scale()];
      for (const part of ["font-larger", "font-larger", "font-larger", "font-larger", "font-larger", "font-smaller", "font-smaller", "font-smaller", "font-smaller", "font-smaller"]) {
        const before = scales.at(-1);
        await page.locator(`${tag} [part=${part}]`).click();
        await page.waitForFunction(
          ([tag, before]) => getComputedStyle(document.querySelector(tag).shadowRoot.querySelector("[part=root]")).getPropertyValue("--nw-scale").trim() !== before,
          [tag, before],
          { polling: 16, timeout: 10_000 },
        );
        scales.push(await scale());
      }
      await page.waitForTimeout(200);
      const after = await page.evaluate((start) => {
        const B = window.__bench;
        return {
          long: B.longtasks.filter((t) => t.t >= start),
          frames: B.loafs.filter((f) => f.t >= start),
          interactions: B.events.filter((e) => e.t >= start && e.i > 0).map((e) => e.d),
        };
      }, start);
      out.scales = scales;
      out.clickLongCount = after.long.length;
      out.clickLongMax = Math.max(0, ...after.long.map((t) => t.d));
      out.clickInteractionMax = Math.max(0, ...after.interactions);
      out.clickEmbedScriptMax = Math.max(0, ...embedScripts(after.frames).map((s) => s.d));
    }
    // Last, when nothing is measured any more: how long fixed JS work takes in this profile.
    if (scenario.cpuCheck) out.cpuCheckMs = (await page.evaluate(cpuCheck)).ms;
  } catch (e) {
    out.failure = String(e.message || e).split("\n")[0];
  }

  const all = [...requests.values()];
  out.requests = all.length;
  out.preflights = all.filter((r) => r.method === "OPTIONS").length;
  out.files = {};
  for (const r of all) {
    if (r.method === "OPTIONS") continue;
    const f = (out.files[r.cls] ||= { count: 0, body: 0, transfer: 0, encodings: [], types: [], status: [], cache: [], cors: [] });
    f.count++;
    f.body += r.length ?? 0;
    f.transfer += r.transfer ?? 0;
    for (const [k, v] of [["encodings", r.encoding], ["types", r.type], ["status", r.status], ["cache", r.cache], ["cors", r.cors]]) {
      if (v != null && !f[k].includes(v)) f[k].push(v);
    }
  }
  out.errors = errors;
  await context.close();
  out.wallMs = Date.now() - started;
  return out;
}

// ---------------------------------------------------------------- statistics and table
const num = (x) => typeof x === "number" && Number.isFinite(x);
function stats(values) {
  const xs = values.filter(num).sort((a, b) => a - b);
  if (!xs.length) return null;
  const mid = xs.length >> 1;
  const median = xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
  return { median, min: xs[0], max: xs.at(-1), n: xs.length };
}

function fmt(s, unit) {
  if (!s) return "n/a";
  if (unit === "of") return `${s.median} of ${s.n}`;
  const d = unit === "cls" ? 4 : unit === "B" || unit === "count" ? 0 : unit === "KB" ? 1 : 0;
  const f = (x) => (unit === "B" ? Math.round(x).toLocaleString("en-US") : x.toFixed(d));
  return s.min === s.max ? f(s.median) : `${f(s.median)} (${f(s.min)}–${f(s.max)})`;
}

async function main() {
  const t0 = Date.now();
  prepare();
  const size = measureSizes(opt.dist);
  for (const f of size.files) BUNDLE[f.role] = f.name;
  for (const role of ["loader", "glue", "wasm"]) if (!BUNDLE[role]) throw new Error(`tools/size-budget.mjs names no ${role} file in ${opt.dist}`);
  const budget = readBudget();
  const only = opt.only ? new Set(opt.only.split(",")) : null;
  const normal = opt.profile !== "mobile";
  if (opt.profile !== "normal") MOBILE = mobileSettings();
  const SCENARIOS = [
    { id: "load", enc: "br", src: SEED, clicks: true, memory: true, cpuCheck: true },
    { id: "gzip", enc: "gzip", src: SEED },
    { id: "hint", enc: "br", src: SEED, hint: true },
    { id: "hint-css", enc: "br", src: SEED, hint: true, hostCss: true },
    { id: "big", enc: "br", src: BIG, expectBlocks: BIG_BLOCKS },
    { id: "lazy", enc: "br", src: SEED, lazy: true, kinds: ["widget"] },
    { id: "multi", enc: "br", src: SEED, extraWidgets: 2, kinds: ["widget"], runs: 1 },
  ]
    .filter(() => normal)
    .concat(MOBILE ? [{ id: "mobile", enc: "br", src: SEED, mobile: true, cpuCheck: true }] : [])
    .filter((s) => !only || only.has(s.id));
  if (!SCENARIOS.length) throw new Error(`nothing to run: --only ${opt.only} with --profile ${opt.profile}`);
  if (SCENARIOS.some((s) => s.hint) && !SCENARIOS.some((s) => s.id === "load")) {
    throw new Error("the hint scenarios take their height from the load scenario: include load in --only");
  }

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  const chromiumVersion = browser.version();
  const results = {}; // scenario -> kind -> [run]
  const heights = {};
  for (const s of SCENARIOS) for (const kind of s.kinds || ["widget", "floor"]) if (!s.hint) writePage(s, kind, heights);

  // The browser's first page load pays for starting its processes, and the first scenario's
  // first kind would carry that alone: without the normal profile before it, the mobile
  // profile starts with one floor load that is not counted.
  if (SCENARIOS[0]?.mobile) {
    log("warm-up: one floor load in the mobile profile, not counted");
    await loadOnce(browser, SCENARIOS[0], "floor");
  }
  for (let run = 0; run < RUNS; run++) {
    log(`run ${run + 1}/${RUNS} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    for (const s of SCENARIOS) {
      if (run >= (s.runs || RUNS)) continue;
      const kinds = s.kinds || (run % 2 ? ["floor", "widget"] : ["widget", "floor"]); // alternate who goes first
      for (const kind of kinds) {
        if (s.hint && run === 0) writePage(s, kind, heights);
        const r = await loadOnce(browser, s, kind);
        ((results[s.id] ||= {})[kind] ||= []).push(r);
        if (r.failure || r.error) log(`  ${s.id}/${kind}: ${r.failure || JSON.stringify(r.error)}`);
        if (s.id === "load" && !heights[kind] && r.height) heights[kind] = r.height;
      }
    }
  }
  await browser.close();

  // ------------------------------------------------------------ summary
  const get = (sid, kind, f) => stats((results[sid]?.[kind] || []).filter((r) => !r.failure).map(f));
  const rows = [];
  const tally = (sid, kind, f) => {
    const xs = (results[sid]?.[kind] || []).filter((r) => !r.failure).map(f);
    return xs.length ? { median: sum(xs), min: sum(xs), max: sum(xs), n: xs.length } : null;
  };
  const row = (section, label, unit, sid, f, { target, check, ratio = true, kinds = ["widget", "floor"], note, count = false } = {}) => {
    if (!results[sid]) return;
    const w = count ? tally(sid, "widget", f) : get(sid, "widget", f);
    const fl = kinds.includes("floor") ? (count ? tally(sid, "floor", f) : get(sid, "floor", f)) : null;
    // The ratio is the median of the per-run ratios: widget and floor of the same run load back to
    // back, so a burst of load on the machine hits both and cancels out.
    const ws = results[sid].widget || [];
    const fs = results[sid].floor || [];
    const pairs = ws.map((x, i) => [x, fs[i]]).filter(([a, b]) => a && b && !a.failure && !b.failure).map(([a, b]) => [f(a), f(b)]);
    const both = pairs.filter(([a, b]) => num(a) && num(b));
    const divisible = both.filter(([, b]) => b > 0);
    const r = ratio && fl ? stats(divisible.map(([a, b]) => a / b))?.median ?? null : null;
    const met = check && w ? check(w, r) : null;
    // Runs whose floor figure is 0 (e.g. no blocking time) have no ratio: say how many had one.
    const ratioRuns = r != null && divisible.length < both.length ? { of: both.length, n: divisible.length } : undefined;
    rows.push({ section, label, unit, widget: w, floor: fl, ratio: r, ratioRuns, target: target || "", met, note });
  };
  const file = (cls, key = "body") => (r) => r.files[cls]?.[key];
  const widgetBytes = (key) => (r) => (r.kind === "floor" ? r.files["floor.js"]?.[key] : sum(["loader", "glue", "wasm"].map((c) => r.files[c]?.[key] ?? 0)));

  for (const enc of ["load", "gzip"]) {
    const name = enc === "load" ? "brotli" : "gzip";
    row("bytes", `${name}: loader (news-widget.js)`, "B", enc, file("loader"), { ratio: false, target: name === "brotli" ? "≤ 2,048" : "", check: name === "brotli" ? (w) => w.median <= TARGET.loaderBrotli : null, kinds: ["widget"] });
    row("bytes", `${name}: glue (news-widget-*.js)`, "B", enc, file("glue"), { ratio: false, kinds: ["widget"] });
    row("bytes", `${name}: wasm (news-widget-*_bg.wasm)`, "B", enc, file("wasm"), { ratio: false, kinds: ["widget"] });
    row("bytes", `${name}: total the embed downloads (floor: floor.js)`, "B", enc, widgetBytes("body"), { target: name === "brotli" ? "≤ 92,160" : "", check: name === "brotli" ? (w) => w.median <= TARGET.totalBrotli : null });
    row("bytes", `${name}: total on the wire incl. headers`, "B", enc, widgetBytes("transfer"));
    row("bytes", `${name}: article JSON (same for both)`, "B", enc, file("article"));
  }
  row("load", "nav → headline painted, brotli (ms)", "ms", "load", (r) => r.headlineFramed, { target: "≤ 1.3× floor", check: (w, r) => r != null && r <= TARGET.headlineRatio });
  row("load", "nav → headline painted, gzip (ms)", "ms", "gzip", (r) => r.headlineFramed, { target: "≤ 1.3× floor", check: (w, r) => r != null && r <= TARGET.headlineRatio });
  row("load", "  first task after that frame, brotli (ms)", "ms", "load", (r) => r.headlinePainted);
  row("load", "  first task after that frame, gzip (ms)", "ms", "gzip", (r) => r.headlinePainted);
  row("load", "  host page first paint (ms)", "ms", "load", (r) => r.firstPaint);
  row("load", "  loader/floor.js ran (element defined, ms)", "ms", "load", (r) => r.defined);
  row("load", "  loader/floor.js response end (ms)", "ms", "load", (r) => r.loaderEnd);
  row("load", "  article JSON request start (ms)", "ms", "load", (r) => r.articleStart);
  row("load", "  glue request start (ms)", "ms", "load", (r) => r.glueStart, { kinds: ["widget"], ratio: false });
  row("load", "  wasm request start (ms)", "ms", "load", (r) => r.wasmStart, { kinds: ["widget"], ratio: false });
  row("load", "  glue response end (ms)", "ms", "load", (r) => r.glueEnd, { kinds: ["widget"], ratio: false });
  row("load", "  wasm response end (ms)", "ms", "load", (r) => r.wasmEnd, { kinds: ["widget"], ratio: false });
  row("load", "  article JSON response end (ms)", "ms", "load", (r) => r.articleEnd);
  row("load", "  news-widget:load event (ms)", "ms", "load", (r) => r.loadEvent, { kinds: ["widget"], ratio: false });
  row("load", "CLS, no height-hint", "cls", "load", (r) => r.cls, { ratio: false, target: "< 0.05", check: (w) => w.max < TARGET.clsNoHint });
  row("load", "CLS, height-hint = rendered height", "cls", "hint", (r) => r.cls, { ratio: false, target: "0", check: (w) => w.max === TARGET.clsHint });
  row("load", "  runs with CLS = 0", "of", "hint", (r) => (r.cls === 0 ? 1 : 0), { ratio: false, count: true });
  row("load", "CLS, height-hint + host CSS min-height", "cls", "hint-css", (r) => r.cls, { ratio: false, target: "0", check: (w) => w.max === TARGET.clsHint });
  row("load", "long tasks > 50 ms during load (count)", "count", "load", (r) => r.longCount, { ratio: false, target: "0", check: (w) => w.max === 0 });
  row("load", "longest task during load (ms)", "ms", "load", (r) => r.longMax, { ratio: false });
  row("load", "longest run of embed script in a long frame (LoAF, ms)", "ms", "load", (r) => r.embedScriptMax, { ratio: false, target: "≤ 50", check: (w) => w.max <= 50 });
  row("load", "total blocking time during load (ms)", "ms", "load", (r) => r.tbt, { ratio: false });
  row("load", "main-thread script time (ms)", "ms", "load", (r) => r.scriptMs);
  row("load", "main-thread task time (ms)", "ms", "load", (r) => r.taskMs);
  row("memory", "JS heap used after load, after GC (KB)", "KB", "load", (r) => r.heapUsedKB);
  row("memory", "wasm linear memory (KB)", "KB", "load", (r) => r.wasmMemoryKB, { kinds: ["widget"], ratio: false });
  row("memory", "DOM nodes (whole page)", "count", "load", (r) => r.domNodes);
  row("text size", "long tasks during 10 text-size changes (count)", "count", "load", (r) => r.clickLongCount, { ratio: false, target: "0", check: (w) => w.max === 0 });
  row("text size", "longest task during them (ms)", "ms", "load", (r) => r.clickLongMax, { ratio: false });
  row("text size", "longest run of embed script (LoAF, ms)", "ms", "load", (r) => r.clickEmbedScriptMax, { ratio: false });
  row("text size", "slowest interaction (Event Timing, ms)", "ms", "load", (r) => r.clickInteractionMax);
  row("1500 blocks", "nav → headline painted (ms)", "ms", "big", (r) => r.headlineFramed);
  row("1500 blocks", "nav → all 1500 blocks painted (ms)", "ms", "big", (r) => r.blocksPainted);
  row("1500 blocks", "longest task (ms)", "ms", "big", (r) => r.longMax, { target: "≤ 200", check: (w) => w.max <= TARGET.bigLongestTask });
  row("1500 blocks", "longest run of embed script (LoAF, ms)", "ms", "big", (r) => r.embedScriptMax, { ratio: false });
  row("1500 blocks", "total blocking time (ms)", "ms", "big", (r) => r.tbt);
  row("lazy", "requests before scrolling near (glue/wasm/JSON/images)", "count", "lazy", (r) => r.lazyRequestsBeforeScroll, { kinds: ["widget"], ratio: false, target: "0", check: (w) => w.max === 0 });
  row("lazy", "scrollIntoView → headline painted (ms)", "ms", "lazy", (r) => (r.headlineFramed == null ? null : r.headlineFramed - r.scrolledAt), { kinds: ["widget"], ratio: false });

  // The mobile profile: figures and ratios, no targets (issue 17). Its window for long tasks is
  // navigation start until the page is quiet (waitQuiet), so it covers the article's whole
  // render and the related stories, which may come after the headline.
  const M = "mobile";
  row(M, "nav → headline painted (ms)", "ms", M, (r) => r.headlineFramed);
  row(M, "total blocking time, nav → quiet (ms)", "ms", M, (r) => r.tbt);
  row(M, "longest task, nav → quiet (ms)", "ms", M, (r) => r.longMax);
  row(M, "long tasks > 50 ms, nav → quiet (count)", "count", M, (r) => r.longCount, { ratio: false });
  row(M, "longest run of embed script in a long frame (LoAF, ms)", "ms", M, (r) => r.embedScriptMax);
  row(M, "main-thread script time (wall, ms)", "ms", M, (r) => r.scriptMs);
  row(M, "main-thread task time (wall, ms)", "ms", M, (r) => r.taskMs);
  row(M, "quiet from (end of the window, ms)", "ms", M, (r) => r.quietAt);
  row(M, "bytes on the wire: embed files (floor: floor.js)", "B", M, widgetBytes("transfer"));
  row(M, "  loader/floor.js request start (ms)", "ms", M, (r) => r.loaderStart);
  row(M, "  loader/floor.js response end (ms)", "ms", M, (r) => r.loaderEnd);
  row(M, "  loader/floor.js ran (element defined, ms)", "ms", M, (r) => r.defined);
  row(M, "  article JSON response end (ms)", "ms", M, (r) => r.articleEnd);
  row(M, "  glue response end (ms)", "ms", M, (r) => r.glueEnd, { kinds: ["widget"], ratio: false });
  row(M, "  wasm request start (ms)", "ms", M, (r) => r.wasmStart, { kinds: ["widget"], ratio: false });
  row(M, "  wasm body: first to last byte (ms)", "ms", M, (r) => (num(r.wasmEnd) && num(r.wasmResponseStart) ? r.wasmEnd - r.wasmResponseStart : null), { kinds: ["widget"], ratio: false });
  row(M, "  wasm response end (ms)", "ms", M, (r) => r.wasmEnd, { kinds: ["widget"], ratio: false });
  row(M, "  bytes in: glue+wasm+JSON (floor: floor.js+JSON) (ms)", "ms", M, (r) => milestones(r)?.bytesIn);
  row(M, "  wasm instantiated (instantiateStreaming resolved, ms)", "ms", M, (r) => r.wasm?.instantiated, { kinds: ["widget"], ratio: false });
  row(M, "  news-widget:load event (ms)", "ms", M, (r) => r.loadEvent, { kinds: ["widget"], ratio: false });
  row(M, "CPU check: fixed JS loop (ms)", "ms", M, (r) => r.cpuCheckMs);

  // The widget's extra time to the headline over the floor, by part, per pair of loads of the
  // same run (bench/mobile.mjs, extraParts); the median of each part on its own.
  let mobileParts = null;
  if (results.mobile) {
    const pairs = (results.mobile.widget || [])
      .map((w, i) => [w, results.mobile.floor?.[i]])
      .filter(([w, f]) => w && f && !w.failure && !f.failure)
      .map(([w, f]) => extraParts(w, f))
      .filter(Boolean);
    const PARTS = { download: "download (bytes in later than the floor's)", compile: "compile/instantiate (instance ready after the bytes)", mount: "first mount/render (beyond the floor's render)" };
    const largest = pairs.map((p) => Object.keys(PARTS).reduce((a, b) => (p[b] > p[a] ? b : a)));
    mobileParts = {
      n: pairs.length,
      parts: Object.fromEntries(Object.keys(PARTS).map((k) => [k, { label: PARTS[k], ...stats(pairs.map((p) => p[k])), largestIn: largest.filter((x) => x === k).length }])),
      total: stats(pairs.map((p) => p.total)),
      perRun: pairs.map((p) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, Math.round(v)]))),
    };
    const ranked = Object.entries(mobileParts.parts).sort((a, b) => b[1].largestIn - a[1].largestIn || b[1].median - a[1].median);
    mobileParts.dominant = pairs.length ? ranked[0][0] : null;
  }

  // Checks that are facts, not figures.
  const loads = (results.load?.widget || []).concat(results.gzip?.widget || [], results.multi?.widget || []);
  const facts = [];
  const fact = (label, ok, detail) => facts.push({ label, ok, detail });
  if (loads.length) {
    const w = loads.filter((r) => r.files.wasm);
    fact("wasm served as application/wasm", w.every((r) => r.files.wasm.types.every((t) => t.startsWith("application/wasm"))), [...new Set(w.flatMap((r) => r.files.wasm.types))].join(", "));
    fact("compiled with WebAssembly.instantiateStreaming", loads.every((r) => r.wasm && r.wasm.streamingOk >= 1 && r.wasm.buffered === 0), `streaming ok in ${loads.filter((r) => r.wasm?.streamingOk).length}/${loads.length} loads, buffered fallback in ${loads.filter((r) => r.wasm?.buffered).length}`);
    fact("wasm fetched once per page", loads.every((r) => r.files.wasm?.count === 1), `wasm requests per page: ${[...new Set(loads.map((r) => r.files.wasm?.count))].join(", ")}`);
    if (results.multi) {
      const m = results.multi.widget[0];
      fact("3 widgets on one page: one glue, one wasm", m.files.wasm?.count === 1 && m.files.glue?.count === 1 && !m.failure, `glue ${m.files.glue?.count}, wasm ${m.files.wasm?.count}, article ${m.files.article?.count}`);
    }
    fact("no CORS preflight", loads.every((r) => r.preflights === 0), `OPTIONS requests: ${sum(loads.map((r) => r.preflights))}`);
    const br = results.load?.widget || [];
    fact("brotli negotiated for loader, glue, wasm", br.every((r) => ["loader", "glue", "wasm"].every((c) => r.files[c]?.encodings.join() === "br")), "");
    const gz = results.gzip?.widget || [];
    if (gz.length) fact("gzip served when brotli is not accepted", gz.every((r) => ["loader", "glue", "wasm"].every((c) => r.files[c]?.encodings.join() === "gzip")), "");
    const first = br[0];
    if (first) {
      fact("immutable caching for hashed files", ["glue", "wasm"].every((c) => /immutable/.test(first.files[c]?.cache?.join() || "")), `glue: ${first.files.glue?.cache}`);
      fact("short cache for the loader", /max-age=300/.test(first.files.loader?.cache?.join() || ""), `loader: ${first.files.loader?.cache}`);
      fact("CORS header on widget files", ["loader", "glue", "wasm"].every((c) => first.files[c]?.cors?.join() === "*"), "");
    }
  }
  if (results.lazy) {
    const lz = results.lazy.widget;
    fact("lazy widget loads once scrolled near", lz.every((r) => r.headlinePainted && !r.failure), `early requests per run: ${lz.map((r) => r.lazyRequestsBeforeScroll).join(", ")}`);
  }
  const failures = Object.values(results).flatMap((k) => Object.values(k).flat()).filter((r) => r.failure || r.error || r.errors.length);
  const unsupported = [...new Set(Object.values(results).flatMap((k) => Object.values(k).flat()).flatMap((r) => r.unsupported || []))];

  const meta = {
    date: new Date().toISOString(),
    commit: (() => {
      try {
        return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: repo, encoding: "utf8" }).trim();
      } catch {
        return "unknown";
      }
    })(),
    chromium: chromiumVersion,
    cpu: (readFileSync("/proc/cpuinfo", "utf8").match(/^model name\s*:\s*(.*)$/m) || [])[1] || "unknown",
    cores: availableParallelism(),
    loadavg: loadavg().map((x) => +x.toFixed(2)),
    runs: RUNS,
    viewport: "1280x900",
    profile: opt.profile,
    mobile: MOBILE && { ...MOBILE, viewport: `${MOBILE.viewport.width}x${MOBILE.viewport.height}` },
    cdn: CDN,
    host: HOST,
    durationSeconds: Math.round((Date.now() - t0) / 1000),
    bundle: size.files.map((f) => f.name),
  };

  // ------------------------------------------------------------ output
  const mark = (m) => (m == null ? "" : m ? "✅" : "❌");
  const table = [["section", "figure", "widget median (min–max)", "floor median (min–max)", "widget/floor (paired)", "target", ""]];
  const cells = (r) => [r.label, fmt(r.widget, r.unit), r.floor ? fmt(r.floor, r.unit) : "—", r.ratio != null ? r.ratio.toFixed(2) + "×" : ""];
  for (const r of rows.filter((r) => r.section !== M)) table.push([r.section, ...cells(r), r.target, mark(r.met)]);
  const mobileTable = [
    ["mobile profile", "widget median (min–max)", "floor median (min–max)", "widget/floor (paired)"],
    ...rows
      .filter((r) => r.section === M)
      .map((r) => {
        const [label, w, f, ratio] = cells(r);
        if (r.ratioRuns) return [label, w, f, `${ratio} (${r.ratioRuns.n} of ${r.ratioRuns.of} runs)`];
        return [label, w, f, r.ratio == null && r.floor?.max === 0 && r.widget?.max > 0 ? "(floor 0)" : ratio];
      }),
  ];
  const md = (t) => {
    const w = t[0].map((_, i) => Math.max(...t.map((r) => [...r[i]].length)));
    const line = (r) => "| " + r.map((c, i) => c + " ".repeat(w[i] - [...c].length)).join(" | ") + " |";
    return [line(t[0]), "|" + w.map((n) => "-".repeat(n + 2)).join("|") + "|", ...t.slice(1).map(line)].join("\n");
  };
  console.log(`\nnews-widget benchmark — ${meta.date}, commit ${meta.commit}, ${meta.chromium}, ${meta.cores} × ${meta.cpu}, load avg ${meta.loadavg.join(" ")}`);
  console.log(`${RUNS} runs per figure, cache disabled, viewport ${meta.viewport}; widget files from ${CDN} (nginx, deploy/nginx.conf), pages from ${HOST}\n`);
  if (table.length > 1) console.log(md(table));
  console.log("\nBundle on disk (tools/size-budget.mjs):");
  console.log(md([["file", "raw", "gzip", "brotli"], ...size.files.map((f) => [f.name, f.raw, f.gzip, f.brotli].map(String)), ["total", size.total.raw, size.total.gzip, size.total.brotli].map(String)]));
  console.log(`budget file: totalBrotliBytes ${budget.totalBrotliBytes}, loaderBrotliBytes ${budget.loaderBrotliBytes}; issue-17 target ${TARGET.totalBrotli}`);
  console.log("\nChecks:");
  for (const f of facts) console.log(`${mark(f.ok)} ${f.label}${f.detail ? ` (${f.detail})` : ""}`);
  if (MOBILE && results.mobile) {
    const c = MOBILE.conditions;
    const kbit = (bytesPerSecond) => ((bytesPerSecond * 8) / 1000).toFixed(0);
    console.log(
      `\nMobile profile (bench/mobile.mjs): CPU ${MOBILE.cpuSlowdown}× slower (Emulation.setCPUThrottlingRate), network ${c.latency} ms per request, ` +
        `${kbit(c.downloadThroughput)} kbit/s down, ${kbit(c.uploadThroughput)} kbit/s up (Network.emulateNetworkConditions; ${MOBILE.network}: ${MOBILE.why}), ` +
        `viewport ${meta.mobile.viewport} at ${MOBILE.deviceScaleFactor}×, touch; ${RUNS} loads each; long tasks from navigation start until ${MOBILE.quietMs} ms without a long task or a request in flight\n`,
    );
    console.log(md(mobileTable));
    const normalCpu = get("load", "widget", (r) => r.cpuCheckMs);
    const mobileCpu = get(M, "widget", (r) => r.cpuCheckMs);
    if (normalCpu && mobileCpu) console.log(`CPU check, widget pages: ${mobileCpu.median.toFixed(0)} ms mobile against ${normalCpu.median.toFixed(0)} ms normal (${(mobileCpu.median / normalCpu.median).toFixed(1)}×)`);
    const wireW = get(M, "widget", widgetBytes("transfer"));
    const wireF = get(M, "floor", widgetBytes("transfer"));
    if (wireW && wireF) {
      const at = (bytes) => ((bytes / c.downloadThroughput) * 1000).toFixed(0);
      console.log(`the embed's bytes at ${kbit(c.downloadThroughput)} kbit/s alone: widget ${wireW.median.toLocaleString("en-US")} B = ${at(wireW.median)} ms, floor ${wireF.median.toLocaleString("en-US")} B = ${at(wireF.median)} ms (difference ${at(wireW.median - wireF.median)} ms)`);
    }
    if (mobileParts?.n) {
      const p = mobileParts;
      const f = (x) => (x ? `${x.median.toFixed(0)} (${x.min.toFixed(0)}–${x.max.toFixed(0)})` : "n/a");
      console.log(`\nThe widget's extra time to the headline over the floor, by part (ms; per pair of loads, ${p.n} pairs; medians each on their own, so they need not add up):\n`);
      console.log(md([["part", "median (min–max)", "largest part in"], ...Object.values(p.parts).map((x) => [x.label, f(x), `${x.largestIn} of ${p.n}`]), ["total: widget headline − floor headline", f(p.total), ""]]));
      console.log(`dominant part of the widget's extra time on the phone: ${p.parts[p.dominant].label}`);
    }
  }
  if (unsupported.length) console.log(`\nnot supported by this Chromium: ${unsupported.join(", ")}`);
  if (failures.length) {
    process.exitCode = 1;
    console.log(`\n${failures.length} page load(s) with errors:`);
    for (const f of failures.slice(0, 10)) console.log(`  ${f.scenario}/${f.kind}: ${f.failure || ""} ${f.error ? JSON.stringify(f.error) : ""} ${f.errors.join(" | ")}`);
  }
  const shifts = (results.hint?.widget || []).flatMap((r) => r.shifts);
  if (shifts.length) console.log(`\nlayout shifts with height-hint (widget): ${JSON.stringify(shifts.slice(0, 6))}`);
  console.log(`\n${meta.durationSeconds} s; results in ${opt.out}`);

  // Readable at the top, one line per page load below (results.json stays diffable and small).
  const round = (k, v) => (typeof v === "number" && !Number.isInteger(v) ? Math.round(v * 10000) / 10000 : v);
  const dump = (v, depth, pad = "") => {
    if (depth === 0 || v === null || typeof v !== "object") return JSON.stringify(v, round);
    const inner = pad + "  ";
    const items = Array.isArray(v) ? v.map((x) => inner + dump(x, depth - 1, inner)) : Object.entries(v).map(([k, x]) => `${inner}${JSON.stringify(k)}: ${dump(x, depth - 1, inner)}`);
    if (!items.length) return Array.isArray(v) ? "[]" : "{}";
    return (Array.isArray(v) ? "[\n" : "{\n") + items.join(",\n") + "\n" + pad + (Array.isArray(v) ? "]" : "}");
  };
  for (const r of Object.values(results).flatMap((k) => Object.values(k).flat())) {
    for (const [cls, f] of Object.entries(r.files)) {
      if (!["loader", "glue", "wasm", "floor.js"].includes(cls)) r.files[cls] = { count: f.count, body: f.body, transfer: f.transfer };
    }
  }
  const doc = { meta, targets: TARGET, size, budget, heights, summary: rows, checks: facts, mobile: mobileParts, runs: results };
  writeFileSync(
    opt.out,
    "{\n" + Object.entries(doc).map(([k, v]) => `  ${JSON.stringify(k)}: ${dump(v, k === "runs" ? 3 : k === "summary" || k === "checks" ? 1 : 2, "  ")}`).join(",\n") + "\n}\n",
  );
}

main().then(() => {
  if (process.exitCode) console.error("bench: some page loads failed (listed above): the figures are incomplete");
}).catch((e) => {
  console.error(e);
  process.exit(1);
});
