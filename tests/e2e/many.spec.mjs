// Many instances (issue 6): 50 widgets on one page all render, and removing them all leaves
// nothing running. "Nothing running" is asserted three ways: the widget's own counters
// (NewsWidget.stats() back to {widgets: 0, requests: 0}); the page-level resources a widget can
// hold, counted by instrumenting the platform APIs before any script runs (window/document/
// matchMedia listeners, ResizeObserver observations, intervals, animation-frame and timeout
// loops); and silence: events that would make a leaked widget react (a text-size change in this
// page and in another tab) reach the live widget only, never the removed ones.
import { test, expect } from "@playwright/test";
import { SEED, trackPageErrors, hostPage, openHostPage } from "./helpers.mjs";

const COUNT = 50;
const SEED_HEADLINE = "高雄與橘郡締結姊妹市,開啟台美智慧城市合作新篇章";

/** Counts what page-level resources are held, from before the loader runs. */
function instrument() {
  const listeners = new Map(); // "target:type:capture" -> Set(listener)
  const kind = (target) =>
    target === window ? "window" : target === document ? "document" : target instanceof MediaQueryList ? "media" : null;
  const key = (target, type, options) => `${kind(target)}:${type}:${typeof options === "boolean" ? options : !!(options && options.capture)}`;
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    // Once-listeners remove themselves; only lasting ones can leak.
    const once = options && typeof options === "object" && options.once;
    if (kind(this) && listener && !once) {
      const k = key(this, type, options);
      if (!listeners.has(k)) listeners.set(k, new Set());
      listeners.get(k).add(listener);
    }
    return add.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    if (kind(this) && listener) listeners.get(key(this, type, options))?.delete(listener);
    return remove.call(this, type, listener, options);
  };

  const observed = new Map(); // ResizeObserver -> Set(target)
  const RO = window.ResizeObserver;
  const roObserve = RO.prototype.observe;
  const roUnobserve = RO.prototype.unobserve;
  const roDisconnect = RO.prototype.disconnect;
  RO.prototype.observe = function (target, options) {
    if (!observed.has(this)) observed.set(this, new Set());
    observed.get(this).add(target);
    return roObserve.call(this, target, options);
  };
  RO.prototype.unobserve = function (target) {
    observed.get(this)?.delete(target);
    return roUnobserve.call(this, target);
  };
  RO.prototype.disconnect = function () {
    observed.delete(this);
    return roDisconnect.call(this);
  };

  const intervals = new Set();
  const setInterval_ = window.setInterval;
  const clearInterval_ = window.clearInterval;
  window.setInterval = function (...args) {
    const id = setInterval_.apply(this, args);
    intervals.add(id);
    return id;
  };
  window.clearInterval = function (id) {
    intervals.delete(id);
    return clearInterval_.call(this, id);
  };
  const calls = { timeout: 0, raf: 0 };
  const setTimeout_ = window.setTimeout;
  window.setTimeout = function (...args) {
    calls.timeout++;
    return setTimeout_.apply(this, args);
  };
  const raf = window.requestAnimationFrame;
  window.requestAnimationFrame = function (cb) {
    calls.raf++;
    return raf.call(this, cb);
  };

  window.__resources = () => ({
    listeners: Object.fromEntries([...listeners].filter(([, set]) => set.size > 0).map(([k, set]) => [k, set.size]).sort()),
    resizeObservations: [...observed.values()].reduce((n, set) => n + set.size, 0),
    intervals: intervals.size,
    timeoutCalls: calls.timeout,
    rafCalls: calls.raf,
  });
}

const stats = (page) => page.evaluate(() => (window.NewsWidget && window.NewsWidget.stats ? window.NewsWidget.stats() : null));
const resources = (page) => page.evaluate(() => window.__resources());

/** Adds `n` widgets (every other one an inline `article` object, the rest `src`) with listeners on each. */
function addWidgets(page, n, prefix) {
  return page.evaluate(
    async ({ n, prefix, seed }) => {
      await customElements.whenDefined("news-widget");
      const article = await (await fetch(seed)).json();
      window.__hostEvents ||= [];
      window.__widgets ||= [];
      const main = document.querySelector("main");
      for (let i = 0; i < n; i++) {
        const el = document.createElement("news-widget");
        el.id = `${prefix}${i}`;
        el.setAttribute("loading", "eager");
        if (i % 2) el.article = { ...article, id: el.id };
        else el.setAttribute("src", seed);
        for (const type of ["load", "error", "fontsize", "navigate"]) {
          el.addEventListener("news-widget:" + type, (e) => window.__hostEvents.push({ type, id: e.currentTarget.id, connected: e.currentTarget.isConnected }));
        }
        window.__widgets.push(el); // kept after removal: a leaked widget could still fire on it
        main.append(el);
      }
    },
    { n, prefix, seed: SEED },
  );
}

const hostEvents = (page) => page.evaluate(() => window.__hostEvents);

test("50 widgets render, and removing them all leaves nothing running", async ({ page, context }) => {
  test.setTimeout(120_000);
  const pageErrors = trackPageErrors(page);
  await page.addInitScript(instrument);
  await openHostPage(page, hostPage("<main></main>"), "/pages/__many.html");

  // One widget first: it brings the page-wide singletons (the shared text-size signal and its
  // one `storage` listener), so the baseline below holds everything that is not per-widget.
  await addWidgets(page, 1, "first");
  await expect(page.locator("#first0 [part=headline]")).toHaveText(SEED_HEADLINE);
  await page.evaluate(() => document.getElementById("first0").remove());
  await expect.poll(() => stats(page)).toEqual({ widgets: 0, requests: 0 });
  const baseline = await resources(page);
  expect(baseline.resizeObservations).toBe(0);

  await addWidgets(page, COUNT, "w");
  await expect(page.locator("main news-widget")).toHaveCount(COUNT);
  await expect(page.locator("main news-widget [part=headline]")).toHaveCount(COUNT, { timeout: 60_000 });
  await expect.poll(async () => new Set((await hostEvents(page)).filter((e) => e.type === "load" && e.id.startsWith("w")).map((e) => e.id)).size, { timeout: 30_000 }).toBe(COUNT);
  await expect.poll(() => stats(page)).toEqual({ widgets: COUNT, requests: 0 });
  const loaded = await hostEvents(page);
  expect(loaded.filter((e) => e.type === "error")).toEqual([]);
  expect(loaded.filter((e) => e.type === "load").length, "one load per widget").toBe(COUNT + 1);
  const busy = await resources(page);
  // Each carousel watches its own width (SPEC §3): COUNT observations while they live.
  expect(busy.resizeObservations).toBe(COUNT);
  // Every headline is on screen in the right widget, not just present once.
  for (const i of [0, 1, 24, 25, COUNT - 1]) {
    await expect(page.locator(`#w${i} [part=headline]`)).toHaveText(SEED_HEADLINE);
  }

  // Remove them all.
  await page.evaluate(() => document.querySelectorAll("main news-widget").forEach((el) => el.remove()));
  await expect.poll(() => stats(page)).toEqual({ widgets: 0, requests: 0 });
  const eventsAtRemoval = (await hostEvents(page)).length;
  // Page-level listeners and observers are back where one widget's lifetime left them.
  await expect.poll(() => resources(page).then(({ listeners, resizeObservations, intervals }) => ({ listeners, resizeObservations, intervals }))).toEqual({
    listeners: baseline.listeners,
    resizeObservations: 0,
    intervals: baseline.intervals,
  });

  // Nothing keeps ticking: no animation-frame or timeout loop over a quiet second.
  const quietStart = await resources(page);
  await page.waitForTimeout(1000); // an observation window for absence, not a wait for a result
  const quietEnd = await resources(page);
  expect(quietEnd.rafCalls - quietStart.rafCalls, "requestAnimationFrame calls after removal").toBe(0);
  expect(quietEnd.timeoutCalls - quietStart.timeoutCalls, "setTimeout calls after removal").toBe(0);

  // Make a leaked widget react: change the text size from a live widget of this page, and
  // from another tab of the same site.
  await addWidgets(page, 1, "live");
  await expect(page.locator("#live0 [part=headline]")).toHaveText(SEED_HEADLINE);
  await page.locator("#live0 [part=font-larger]").click();
  await expect.poll(async () => (await hostEvents(page)).filter((e) => e.type === "fontsize" && e.id === "live0").length).toBe(1);
  const other = await context.newPage();
  await other.goto("/pages/__many.html");
  await other.evaluate(() => localStorage.setItem("news-widget:text-size", "5"));
  await expect.poll(async () => (await hostEvents(page)).filter((e) => e.type === "fontsize" && e.id === "live0").length).toBe(2);
  await other.close();

  const after = (await hostEvents(page)).slice(eventsAtRemoval);
  expect(after.filter((e) => e.id !== "live0"), "events from removed widgets").toEqual([]);
  expect(after.every((e) => e.connected)).toBe(true);
  // The removed hosts were not re-rendered either.
  const changed = await page.evaluate(() =>
    window.__widgets.filter((el) => !el.isConnected && el.shadowRoot && el.shadowRoot.querySelector("[part=root]")?.style.getPropertyValue("--nw-scale") === "1.75").length,
  );
  expect(changed, "removed widgets following the text size").toBe(0);

  await page.evaluate(() => document.getElementById("live0").remove());
  await expect.poll(() => stats(page)).toEqual({ widgets: 0, requests: 0 });
  pageErrors.expectNone();
});
