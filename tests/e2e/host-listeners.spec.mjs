// Host listeners run inside the widget's own event dispatch. One that re-targets the widget
// (a fallback URL on error, new data on load) must work, not trap the shared wasm instance.
import { test, expect } from "@playwright/test";
import { CDN, SEED, hostPage, openHostPage, trackPageErrors } from "./helpers.mjs";

test("an error listener that sets a fallback src, and a load listener that assigns an article, both work", async ({ page }) => {
  const errors = trackPageErrors(page);
  await page.goto("/pages/plain.html"); // any same-origin page; the body is replaced below
  await page.evaluate(
    ({ cdn, seed }) => {
      document.body.innerHTML = "";
      const first = document.createElement("news-widget");
      first.id = "first";
      first.setAttribute("loading", "eager");
      first.setAttribute("src", "/fault/404");
      first.addEventListener("news-widget:error", (e) => e.target.setAttribute("src", seed), { once: true });
      const second = document.createElement("news-widget");
      second.id = "second";
      second.setAttribute("loading", "eager");
      second.setAttribute("src", seed);
      second.addEventListener(
        "news-widget:load",
        (e) => { e.target.article = { headline: "Replaced from a load listener", body: [] }; },
        { once: true },
      );
      document.body.append(first, second);
      const script = document.createElement("script");
      script.src = cdn;
      document.head.append(script);
    },
    { cdn: CDN, seed: SEED },
  );
  await expect(page.locator("#first [part=headline]")).toContainText("高雄與橘郡締結姊妹市");
  await expect(page.locator("#second [part=headline]")).toHaveText("Replaced from a load listener");
  // The module is alive: a text-size click still works in both.
  await page.locator("#first [part=font-larger]").click();
  await expect(page.locator("#second [part=root]")).toHaveCSS("--nw-scale", "1.125");
  errors.expectNone();
});

test("news-widget:load fires once the whole body is in the DOM, also for a long body rendered in slices", async ({ page }) => {
  const errors = trackPageErrors(page);
  await page.goto("/pages/plain.html");
  const counted = await page.evaluate(async (cdn) => {
    document.body.innerHTML = "";
    const el = document.createElement("news-widget");
    el.setAttribute("loading", "eager");
    el.article = {
      headline: "Long",
      body: Array.from({ length: 700 }, (_, i) => ({ type: "paragraph", text: "段落 " + i })),
    };
    const loaded = new Promise((resolve) =>
      el.addEventListener("news-widget:load", () => resolve(el.shadowRoot.querySelectorAll("[part=body] p").length), { once: true }),
    );
    document.body.append(el);
    const script = document.createElement("script");
    script.src = cdn;
    document.head.append(script);
    return loaded;
  }, CDN);
  expect(counted).toBe(700);
  errors.expectNone();
});

test("a browser without AbortSignal.any keeps the fallback and tells the host", async ({ page }) => {
  const errors = trackPageErrors(page);
  await page.addInitScript(() => {
    delete AbortSignal.any;
    window.__errors = [];
    window.addEventListener("news-widget:error", (e) => window.__errors.push(e.detail.kind));
  });
  await page.goto("/pages/plain.html");
  await expect.poll(() => page.evaluate(() => window.__errors.length)).toBeGreaterThan(0);
  expect(await page.evaluate(() => [...new Set(window.__errors)])).toEqual(["network"]);
  await expect(page.locator("#a > a")).toBeVisible(); // the partner's fallback link
  expect(await page.evaluate(() => window.NewsWidget.stats)).toBeUndefined(); // no wasm started
  errors.expectNone();
});

// The error view shows the partner's fallback children through a <slot>, so a click on the
// partner's own link passes the widget's root. The partner's handler on that link runs first
// (its preventDefault() means the widget stays out); without one the click goes through the
// cancelable news-widget:navigate like any link in the widget. (Failed while the root listened
// in the capture phase.)
test("a partner's own handler on its fallback link runs before the widget's news-widget:navigate", async ({ page }) => {
  const errors = trackPageErrors(page);
  const body = `<news-widget id="f" src="/fault/404" loading="eager"><a id="own" href="https://example.com/own">fallback</a></news-widget>`;
  await openHostPage(page, hostPage(body), "/pages/__fallback-link.html");
  await expect(page.locator("#f [part=error]")).toBeVisible();
  await page.evaluate(() => {
    window.__log = [];
    window.__prevent = true;
    document.getElementById("own").addEventListener("click", (e) => {
      window.__log.push("partner");
      if (window.__prevent) e.preventDefault();
    });
    document.addEventListener("news-widget:navigate", (e) => {
      window.__log.push("navigate " + e.detail.url);
      e.preventDefault(); // keep the test on this page
    });
  });
  const url = page.url();
  await page.locator("#own").click();
  await expect.poll(() => page.evaluate(() => window.__log)).toEqual(["partner"]);
  await page.evaluate(() => { window.__log = []; window.__prevent = false; });
  await page.locator("#own").click();
  await expect
    .poll(() => page.evaluate(() => window.__log))
    .toEqual(["partner", "navigate https://example.com/own"]);
  expect(page.url()).toBe(url);
  errors.expectNone();
});

// The widget's link handling reads mouse-event fields (button, modifier keys). A host script can
// dispatch a plain Event named "click" on a link in the open shadow root: it is not a reader's
// click, so no news-widget:navigate, and nothing breaks. (Without the MouseEvent check in
// widget.rs it fired navigate: the missing fields read as a plain left click.)
test("a plain Event named click on a link inside the widget is ignored, with no error", async ({ page }) => {
  const errors = trackPageErrors(page);
  const body = `<news-widget id="w" src="${SEED}" loading="eager"></news-widget>`;
  await openHostPage(page, hostPage(body), "/pages/__plain-click.html");
  await expect(page.locator("#w .nw-card-link").first()).toBeAttached();
  const navigates = await page.evaluate(() => {
    let count = 0;
    document.addEventListener("news-widget:navigate", () => count++);
    const link = document.getElementById("w").shadowRoot.querySelector(".nw-card-link");
    link.dispatchEvent(new Event("click", { bubbles: true, composed: true, cancelable: true }));
    return count;
  });
  expect(navigates).toBe(0);
  // Still alive: a real click on a text-size button works.
  await page.locator("#w [part=font-larger]").click();
  await expect(page.locator("#w [part=root]")).toHaveCSS("--nw-scale", "1.125");
  errors.expectNone();
});
