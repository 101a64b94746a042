// The mobile profile of `make bench` (issue 17, item 6): what the widget's bytes cost a reader on
// a phone. bench/run.mjs loads the seed article, widget and floor interleaved as in the normal
// profile, in a browser context set up here: Lighthouse's mobile preset, applied through CDP.
//
// The values come from the installed Lighthouse (package.json pins it), not from copies:
// `throttling.mobileSlow4G` and `screenEmulationMetrics.mobile` of
// lighthouse/core/config/constants.js (13.5.0: from @paulirish/trace_engine's lantern
// Constants.js). That preset describes a link of 150 ms RTT and 1.6 Mbit/s down
// (`rttMs`, `throughputKbps`: 1.6 × 1024 kbit/s) on a CPU 4× slower than the machine, and gives
// the values for CDP's request-level throttling beside them: `requestLatencyMs` = 150 ms × 3.75
// = 562.5 ms, `downloadThroughputKbps` = 1638.4 × 0.9 = 1474.56 kbit/s, `uploadThroughputKbps`
// = 750 × 0.9 = 675 kbit/s. Those are what Lighthouse itself sends to
// `Network.emulateNetworkConditions` when it throttles through DevTools
// (`throttlingMethod: "devtools"`, core/lib/emulation.js: kbit/s × 1024 / 8 = bytes/s, floored),
// and what this profile applies by default ("devtools"): CDP delays each response's headers by a
// fixed latency and caps throughput, with no TCP or TLS handshakes, slow start or DNS, so a
// 150 ms round trip becomes 562.5 ms per request (Lighthouse's factor for what a real connection
// costs on top), and the 0.9 stands for the packet-level overhead. BENCH_MOBILE_NETWORK=nominal
// applies the link's own figures instead (150 ms per request, 1638.4 kbit/s down, 750 kbit/s
// up): the floor of what such a phone waits, too kind to a cold connection. On 127.0.0.1 with
// HTTP/1.1, the throttling is all the network there is.
import { screenEmulationMetrics, throttling } from "lighthouse/core/config/constants.js";

const preset = throttling.mobileSlow4G;
const screen = screenEmulationMetrics.mobile;

const NETWORKS = {
  devtools: {
    latencyMs: preset.requestLatencyMs,
    downKbps: preset.downloadThroughputKbps,
    upKbps: preset.uploadThroughputKbps,
    why: "Lighthouse mobileSlow4G as its devtools throttling applies it: 150 ms RTT × 3.75 per request, 1.6 Mbit/s × 0.9 down, 750 kbit/s × 0.9 up",
  },
  nominal: {
    latencyMs: preset.rttMs,
    downKbps: preset.throughputKbps,
    upKbps: Math.round(preset.uploadThroughputKbps / throttling.DEVTOOLS_THROUGHPUT_ADJUSTMENT_FACTOR),
    why: "Lighthouse mobileSlow4G's link figures as such: 150 ms per request, 1.6 Mbit/s down, 750 kbit/s up",
  },
};

/** The profile's settings: network, CPU and screen, with where each value comes from. */
export function mobileSettings(network = process.env.BENCH_MOBILE_NETWORK || "devtools") {
  const net = NETWORKS[network];
  if (!net) throw new Error(`BENCH_MOBILE_NETWORK is ${Object.keys(NETWORKS).join(" or ")}, not "${network}"`);
  // Lighthouse's conversion (core/lib/emulation.js): kbit/s (of 1024 bit) to bytes per second.
  const bytesPerSecond = (kbps) => Math.floor((kbps * 1024) / 8);
  return {
    network,
    why: net.why,
    conditions: { offline: false, latency: net.latencyMs, downloadThroughput: bytesPerSecond(net.downKbps), uploadThroughput: bytesPerSecond(net.upKbps) },
    cpuSlowdown: preset.cpuSlowdownMultiplier,
    viewport: { width: screen.width, height: screen.height },
    deviceScaleFactor: screen.deviceScaleFactor,
    // The window of total blocking time ends when the page has been quiet this long: no long
    // task, no request in flight (Lighthouse's cpuQuietThresholdMs and networkQuietThresholdMs).
    quietMs: 1000,
  };
}

/** Playwright context options for a phone: the preset's screen, touch, mobile viewport meta. */
export function mobileContext(settings) {
  return { viewport: settings.viewport, deviceScaleFactor: settings.deviceScaleFactor, isMobile: true, hasTouch: true };
}

/** Throttles CPU and network of the page behind `cdp`; call before the navigation. */
export async function throttle(cdp, settings) {
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: settings.cpuSlowdown });
  await cdp.send("Network.emulateNetworkConditions", settings.conditions);
}

/** A fixed piece of JS work, timed in the page (the fastest of 3 rounds, the first also warms
 *  up the JIT): the throttling's effect on this machine's CPU. */
export function cpuCheck() {
  let best = Infinity;
  let x = 0;
  for (let round = 0; round < 3; round++) {
    const t = performance.now();
    for (let i = 0; i < 2e6; i++) x = (x + i * i) % 1000003;
    best = Math.min(best, performance.now() - t);
  }
  return { ms: best, x };
}

/**
 * Milestones of one load on the way to the headline, in ms from navigation start: when the
 * bytes it needs are in (widget: glue, wasm and article JSON; floor: floor.js and the article
 * JSON), when the wasm instance is ready (never before the bytes: time spent compiling while
 * bytes still arrive is hidden by the download), and the headline's frame.
 */
export function milestones(r) {
  const bytes = r.kind === "widget" ? [r.glueEnd, r.wasmEnd, r.articleEnd] : [r.loaderEnd, r.articleEnd];
  if (bytes.some((x) => typeof x !== "number") || typeof r.headlineFramed !== "number") return null;
  const bytesIn = Math.max(...bytes);
  if (r.kind !== "widget") return { bytesIn, ready: bytesIn, headline: r.headlineFramed };
  if (typeof r.wasm?.instantiated !== "number") return null;
  return { bytesIn, ready: Math.max(bytesIn, r.wasm.instantiated), headline: r.headlineFramed };
}

/**
 * The widget's extra time to the headline over the floor's in the same run, in three parts that
 * add up to it exactly: download (its bytes are in later than the floor's), compile/instantiate
 * (its instance is ready after its bytes are in), first mount/render (from then to the headline,
 * beyond the floor's time from its bytes to its headline).
 */
export function extraParts(widget, floor) {
  const w = milestones(widget);
  const f = milestones(floor);
  if (!w || !f) return null;
  return {
    download: w.bytesIn - f.bytesIn,
    compile: w.ready - w.bytesIn,
    mount: w.headline - w.ready - (f.headline - f.bytesIn),
    total: w.headline - f.headline,
  };
}
