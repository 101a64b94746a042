// The article request goes to exactly the URL `src` names (issue 17): the loader's early fetch
// and every request Rust makes itself (src/fetch.rs: a retry, a new `src`) ask for
// `new URL(src, document.baseURI).href`, byte for byte, query string included. A request builder
// that re-serialises the URL (gloo-net's appends `&` after an existing query and drops a bare
// `?`) would miss the early fetch's cache entry, and a CDN would see another cache key.
import { test, expect } from "@playwright/test";
import { trackPageErrors, hostPage, openHostPage, waitForArticle } from "./helpers.mjs";

const ARTICLE = "/articles/kaohsiung-orange-county.json";

/** Every request the page makes whose path is `path`, with its full URL as the browser sent it. */
function requestsTo(page, path) {
  const urls = [];
  page.on("request", (r) => {
    if (new URL(r.url()).pathname === path) urls.push(r.url());
  });
  return urls;
}

/** How often tests/server.mjs has been asked for `path` (any query) since it started. */
async function serverHits(page, path) {
  const hits = await (await page.request.get("/__hits")).json();
  return hits[path] || 0;
}

/** What the loader and the widget resolve `src` to. */
const resolved = (page, src) => page.evaluate((s) => new URL(s, document.baseURI).href, src);

const stats = (page) => page.evaluate(() => window.NewsWidget.stats());

test.describe("request URL", () => {
  test("a src with a query string is fetched once, by the loader, at exactly its URL", async ({ page }) => {
    const pageErrors = trackPageErrors(page);
    const src = `${ARTICLE}?id=1&v=2`;
    const requests = requestsTo(page, ARTICLE);
    const before = await serverHits(page, ARTICLE);
    await openHostPage(page, hostPage(`<news-widget id="w" src="${src}" loading="eager"></news-widget>`), "/pages/__request-url.html");
    await waitForArticle(page, "#w");
    await expect.poll(() => stats(page)).toEqual({ widgets: 1, requests: 0 });
    expect(requests).toEqual([await resolved(page, src)]);
    expect(await serverHits(page, ARTICLE)).toBe(before + 1);
    pageErrors.expectNone();
  });

  test("a retry requests exactly the URL of src", async ({ page }) => {
    const pageErrors = trackPageErrors(page);
    const src = "/fault/500?id=1&v=2";
    const requests = requestsTo(page, "/fault/500");
    await openHostPage(page, hostPage(`<news-widget id="w" src="${src}" loading="eager"></news-widget>`), "/pages/__request-url-retry.html");
    const retry = page.locator("#w [part=error]").getByRole("button");
    await expect(retry).toBeVisible();
    const url = await resolved(page, src);
    expect(requests, "the loader's early fetch").toEqual([url]);

    await retry.click();
    await expect.poll(() => requests.length, "the retry made by the widget").toBe(2);
    expect(requests).toEqual([url, url]);
    await expect(retry).toBeVisible();
    await expect.poll(() => stats(page)).toEqual({ widgets: 1, requests: 0 });
    pageErrors.expectNone();
  });

  test("a new src on a running widget requests exactly its URL, query and bare ? alike", async ({ page }) => {
    const pageErrors = trackPageErrors(page);
    const requests = requestsTo(page, ARTICLE);
    await openHostPage(page, hostPage(`<news-widget id="w" src="${ARTICLE}" loading="eager"></news-widget>`), "/pages/__request-url-src.html");
    await waitForArticle(page, "#w");
    await expect.poll(() => stats(page)).toEqual({ widgets: 1, requests: 0 });
    const expected = [await resolved(page, ARTICLE)];

    for (const src of [`${ARTICLE}?id=3&v=4`, `${ARTICLE}?q=a%20b&empty=&flag`, `${ARTICLE}?`]) {
      await page.locator("#w").evaluate(
        (el, s) =>
          new Promise((resolve) => {
            el.addEventListener("news-widget:load", () => resolve(), { once: true });
            el.setAttribute("src", s);
          }),
        src,
      );
      expected.push(await resolved(page, src));
      expect(requests, `src="${src}"`).toEqual(expected);
    }
    // The bare `?` really reached the browser as written (else the last case would prove nothing).
    expect(requests.at(-1).endsWith(".json?")).toBe(true);
    await expect.poll(() => stats(page)).toEqual({ widgets: 1, requests: 0 });
    pageErrors.expectNone();
  });
});
