// Issue 18 — real framework hosts: a React 19 app and a Vue 3 app (tests/pages/react-host,
// vue-host), each rendering the README's component in a keyed list that the test re-renders,
// reorders, edits (a new `src`, an inline `article` replaced by a `src`) and unmounts, with an
// in-app router fed by news-widget:navigate. Each runs twice: the loader defined before the app
// renders, and the app rendered before the loader (the `async` snippet allows both).
// Asserted: one fetch per src, the same elements kept across re-renders and moves, no error
// events, no page errors, the router got the URL (and the page stayed), nothing left after
// unmount (NewsWidget.stats()). Also the README's HTML, WordPress and CSP snippets, as pages.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { test, expect } from "@playwright/test";
import { CDN, SEED, trackPageErrors, recordEvents, hostPage, openHostPage } from "./helpers.mjs";
import { readmeSnippets, README_CDN, README_ARTICLE } from "../types/readme.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SHORT = "/fixtures/short-en.json";
const short = JSON.parse(readFileSync(new URL("../fixtures/short-en.json", import.meta.url), "utf8"));
const SEED_HEADLINE = "高雄與橘郡締結姊妹市,開啟台美智慧城市合作新篇章";
const snippets = readmeSnippets();
const CDN_DIR = CDN.replace(/news-widget\.js$/, "");

/** Bundles a host app with esbuild; `readme:NAME` imports resolve to the README's snippet. */
async function bundle(entry) {
  const readme = {
    name: "readme",
    setup(b) {
      b.onResolve({ filter: /^readme:/ }, (a) => ({ path: a.path.slice(7), namespace: "readme" }));
      b.onLoad({ filter: /.*/, namespace: "readme" }, (a) => ({
        contents: snippets[a.path],
        loader: a.path === "react" ? "tsx" : "ts",
        resolveDir: ROOT,
      }));
    },
  };
  const out = await build({
    entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    format: "esm",
    jsx: "automatic",
    plugins: [readme],
    // Vue's full build: templates are compiled in the browser (as the README's component has one).
    alias: { vue: "vue/dist/vue.esm-bundler.js" },
    define: {
      "process.env.NODE_ENV": '"production"',
      __VUE_OPTIONS_API__: "true",
      __VUE_PROD_DEVTOOLS__: "false",
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: "false",
    },
    logLevel: "silent",
  });
  return out.outputFiles[0].text;
}

const APPS = { react: "../pages/react-host/app.jsx", vue: "../pages/vue-host/app.js" };
const bundles = {};
test.beforeAll(async () => {
  for (const [name, entry] of Object.entries(APPS)) bundles[name] = await bundle(entry);
});

const stats = (page) => page.evaluate(() => (window.NewsWidget && window.NewsWidget.stats ? window.NewsWidget.stats() : null));
const widget = (page, key) => page.locator(`li[data-key=${key}] news-widget`);
const headline = (page, key) => widget(page, key).locator("[part=headline]");
const order = (page) => page.evaluate(() => [...document.querySelectorAll("li")].map((li) => li.dataset.key));
/** Whether each `li`'s widget is still the element first rendered there (tagged at start). */
const sameElements = (page) =>
  page.evaluate(() => [...document.querySelectorAll("li")].every((li) => li.querySelector("news-widget").__first === li.dataset.key));

/** Article requests (fixtures and articles, not the bundle), counted per URL path and query. */
function articleRequests(page) {
  const counts = {};
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (/^\/(articles|fixtures)\//.test(u.pathname)) counts[u.pathname + u.search] = (counts[u.pathname + u.search] || 0) + 1;
  });
  return counts;
}

for (const framework of Object.keys(APPS)) {
  for (const loaderFirst of [true, false]) {
    const when = loaderFirst ? "the loader defined before the app renders" : "the app rendered before the loader runs";
    test(`${framework}: a keyed list of widgets re-rendered, reordered, edited and unmounted (${when})`, async ({ page }) => {
      const pageErrors = trackPageErrors(page);
      const events = await recordEvents(page);
      const requests = articleRequests(page);
      await page.route("https://example.com/**", (route) => route.fulfill({ contentType: "text/html", body: "<!doctype html><title>left</title>" }));
      await page.route("**/pages/__app.js", (route) => route.fulfill({ contentType: "text/javascript", body: bundles[framework] }));
      await page.addInitScript((article) => {
        window.__initialItems = [
          { key: "a", src: "/articles/kaohsiung-orange-county.json" },
          { key: "b", src: "/fixtures/short-en.json" },
          { key: "c", article: { ...article, id: "inline-c", headline: "Inline: " + article.headline } },
        ];
      }, short);
      // Loader first: the app module waits for the element's definition. App first: the page has
      // no loader until the app has rendered; the test adds it then.
      const start = loaderFirst
        ? `<script type="module">await customElements.whenDefined("news-widget"); await import("/pages/__app.js");</script>`
        : `<script type="module" src="/pages/__app.js"></script>`;
      const html = hostPage(`<div id="app"></div>${start}`, { lang: "en", script: loaderFirst ? CDN : "data:," });
      await openHostPage(page, html, `/pages/__${framework}.html`);
      await page.waitForFunction(() => window.__app && window.__app.mounted);
      if (!loaderFirst) {
        expect(await page.evaluate(() => !!customElements.get("news-widget"))).toBe(false);
        await page.evaluate((src) => document.head.append(Object.assign(document.createElement("script"), { src })), CDN);
      }
      const url = page.url();

      await expect(headline(page, "a")).toHaveText(SEED_HEADLINE);
      await expect(headline(page, "b")).toHaveText(short.headline);
      await expect(headline(page, "c")).toHaveText("Inline: " + short.headline);
      await expect.poll(() => stats(page)).toEqual({ widgets: 3, requests: 0 });
      expect(requests).toEqual({ [SEED]: 1, [SHORT]: 1 });
      await page.evaluate(() => document.querySelectorAll("li").forEach((li) => (li.querySelector("news-widget").__first = li.dataset.key)));

      // A parent re-render: the same elements, nothing fetched or loaded again.
      const loadsBefore = (await events()).filter((e) => e.type === "load").length;
      expect(loadsBefore).toBe(3);
      await page.evaluate(() => window.__app.rerender());
      await expect(page.locator("#renders")).toHaveText("1");
      expect(await sameElements(page)).toBe(true);

      // Reordered: the framework moves the elements; they keep their widget and article.
      await page.evaluate(() => window.__app.setItems((items) => [...items].reverse()));
      expect(await order(page)).toEqual(["c", "b", "a"]);
      expect(await sameElements(page)).toBe(true);
      await expect(headline(page, "a")).toHaveText(SEED_HEADLINE);
      await expect(headline(page, "c")).toHaveText("Inline: " + short.headline);
      await expect.poll(() => stats(page)).toEqual({ widgets: 3, requests: 0 });
      expect(requests).toEqual({ [SEED]: 1, [SHORT]: 1 });
      expect((await events()).filter((e) => e.type === "load").length).toBe(loadsBefore);

      // `src` from state: a new article for "a"; "c" goes from an inline article to a src.
      await page.evaluate(() =>
        window.__app.setItems((items) =>
          items.map((it) =>
            it.key === "a" ? { ...it, src: "/fixtures/short-en.json?v=2" } : it.key === "c" ? { key: "c", src: "/articles/kaohsiung-orange-county.json?v=3" } : it,
          ),
        ),
      );
      await expect(headline(page, "a")).toHaveText(short.headline);
      await expect(headline(page, "c")).toHaveText(SEED_HEADLINE);
      await expect.poll(() => stats(page)).toEqual({ widgets: 3, requests: 0 });
      expect(requests).toEqual({ [SEED]: 1, [SHORT]: 1, [SHORT + "?v=2"]: 1, [SEED + "?v=3"]: 1 });
      expect(await sameElements(page)).toBe(true);

      // A link out of a widget goes to the app's router; the page stays.
      await widget(page, "b").locator("[part=related-item] a").first().click();
      await expect(page.locator("#route")).toHaveText(short.related[0].url);
      expect(page.url()).toBe(url);
      const navigates = (await events()).filter((e) => e.type === "navigate");
      expect(navigates.map((e) => e.detail)).toEqual([{ url: short.related[0].url }]);

      // Unmounted: every widget freed, no request left.
      await page.evaluate(() => window.__app.unmount());
      await expect(page.locator("news-widget")).toHaveCount(0);
      await expect.poll(() => stats(page)).toEqual({ widgets: 0, requests: 0 });
      expect((await events()).filter((e) => e.type === "error")).toEqual([]);
      pageErrors.expectNone();
    });
  }
}

// ---------------------------------------------------------------- the README's HTML snippets

/** A README snippet with the bundle at the test CDN and the article at the seed. */
const localise = (snippet) => snippet.replaceAll(README_CDN, CDN_DIR).replaceAll(README_ARTICLE, SEED);

test("README, plain HTML: the snippet renders the article", async ({ page }) => {
  const pageErrors = trackPageErrors(page);
  await openHostPage(page, `<!doctype html><html lang="zh-TW"><head><meta charset="utf-8"><title>plain</title></head><body>${localise(snippets.html)}</body></html>`);
  await expect(page.locator("news-widget [part=headline]")).toHaveText(SEED_HEADLINE);
  pageErrors.expectNone();
});

test("README, WordPress: the block holds only what kses keeps, and renders with the site's loader", async ({ page }) => {
  const pageErrors = trackPageErrors(page);
  const block = snippets["wordpress-block"];
  // kses keeps div and a, with data-* and href; anything else would be stripped on save.
  for (const [, tag, attrs] of block.matchAll(/<(\w[\w-]*)([^>]*)>/g)) {
    expect(["div", "a"]).toContain(tag);
    for (const [, name] of attrs.matchAll(/\s([\w-]+)(?==|\s|$)/g)) expect(name).toMatch(/^(data-[\w-]+|href)$/);
  }
  const html = `<!doctype html><html lang="zh-TW"><head><meta charset="utf-8"><title>wp</title></head><body>${localise(block)}${localise(snippets["wordpress-loader"])}</body></html>`;
  await openHostPage(page, html);
  await expect(page.locator("div[data-news-widget] [part=headline]")).toHaveText(SEED_HEADLINE);
  pageErrors.expectNone();
});

test("README, strict CSP: the policy it gives is enough for the plain snippet, Trusted Types included", async ({ page }) => {
  const pageErrors = trackPageErrors(page);
  const header = snippets.csp.trim();
  expect(header).toMatch(/^Content-Security-Policy: /);
  const policy = header.replace(/^Content-Security-Policy: /, "").replaceAll("https://cdn.example.com", new URL(CDN).origin);
  expect(policy).toContain("require-trusted-types-for 'script'");
  const body = localise(snippets.html).replace(/<style>[\s\S]*?<\/style>\n?/, "");
  const html = `<!doctype html><html lang="zh-TW"><head><meta charset="utf-8"><title>csp</title></head><body>${body}</body></html>`;
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.violatedDirective + " " + e.blockedURI));
  });
  await page.route("**/pages/__csp-readme.html", (route) =>
    route.fulfill({ contentType: "text/html; charset=utf-8", headers: { "content-security-policy": policy }, body: html }),
  );
  await page.goto("/pages/__csp-readme.html");
  await expect(page.locator("news-widget [part=headline]")).toHaveText(SEED_HEADLINE);
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
  pageErrors.expectNone();
});
