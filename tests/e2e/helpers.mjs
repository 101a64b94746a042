// Shared helpers for the e2e specs. Keep additions small and generic; spec-specific helpers
// belong in the spec file.
import { expect } from "@playwright/test";

/** Where the partner bundle lives in the tests: another origin, a deep path (tests/server.mjs). */
export const CDN = "http://127.0.0.1:4174/cdn/v1/deep/path/news-widget/news-widget.js";
export const SEED = "/articles/kaohsiung-orange-county.json";

/** Records uncaught page errors; call `expectNone()` at the end of a test. */
export function trackPageErrors(page) {
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  return {
    errors,
    expectNone: () => expect(errors, "uncaught errors on the page").toEqual([]),
  };
}

/** Records every news-widget:* event that reaches `window`, with its target's id. */
export async function recordEvents(page) {
  await page.addInitScript(() => {
    window.__events = [];
    for (const type of ["load", "error", "fontsize", "navigate"]) {
      window.addEventListener("news-widget:" + type, (e) =>
        window.__events.push({ type, id: e.target && e.target.id, detail: e.detail, composed: e.composed, bubbles: e.bubbles }),
      );
    }
  });
  return () => page.evaluate(() => window.__events);
}

/** A minimal host page around the given body HTML, loading the bundle from the CDN origin. */
export function hostPage(body, { lang = "zh-TW", head = "", script = CDN } = {}) {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>test host</title>${head}
<script src="${script}" async></script></head><body>${body}</body></html>`;
}

/** Serves `html` at a same-origin URL of the host server and opens it. */
export async function openHostPage(page, html, path = "/pages/__generated.html") {
  await page.route("**" + path, (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body: html }));
  await page.goto(path);
}

/** Waits until the widget `selector` has rendered its headline. */
export async function waitForArticle(page, selector = "news-widget") {
  await expect(page.locator(selector).first().locator("[part=headline]")).toBeVisible();
}
