// Articles written by news-widget-convert (tests/fixtures/converted/, kept current by
// `cargo test -p news-widget-convert`) rendered by the release bundle in a partner page: the
// seed from a WordPress post and from a JSON-LD page, and a post full of hostile markup.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { trackPageErrors } from "./helpers.mjs";

const read = (path) => JSON.parse(readFileSync(new URL(path, import.meta.url)));
const seed = read("../../demo/articles/kaohsiung-orange-county.json");
const paragraphs = seed.body.filter((b) => b.type === "paragraph").map((b) => b.text);
const captions = seed.body.filter((b) => b.type === "image").map((b) => b.caption);

/** The publisher's uploads, answered with the demo's images (the tests have no network). */
async function serveUploads(page) {
  const images = new URL("../../demo/images/", import.meta.url);
  await page.route("https://example.com/wp-content/uploads/**", (route) => {
    const name = new URL(route.request().url()).pathname.split("/").pop();
    route.fulfill({ path: new URL(name, images).pathname, contentType: "image/svg+xml" });
  });
}

test.beforeEach(async ({ page }) => {
  await serveUploads(page);
  await page.addInitScript(() => { window.__xss = []; window.alert = (m) => window.__xss.push(m); });
});

test("the seed converted from a WordPress post renders every paragraph, figure, the sponsor link and the related stories", async ({ page }) => {
  const errors = trackPageErrors(page);
  await page.goto("/pages/converted.html");
  const widget = page.locator("#wordpress");
  await expect(widget.locator("[part=headline]")).toHaveText(seed.headline);
  await expect(widget.locator("[part=section]")).toHaveText(seed.articleSection);
  await expect(widget.locator("[part=byline]")).toHaveText(seed.byline);
  await expect(widget.locator("[part=date]")).toHaveAttribute("datetime", "2025-04-16T09:00:00+08:00");
  await expect(widget.locator("[part=body] p.nw-p:not(.nw-link-block)")).toHaveText(paragraphs);
  await expect(widget.locator("[part=body] figure figcaption")).toHaveText(captions);
  const figures = widget.locator("[part=body] figure img");
  await expect(figures).toHaveCount(3);
  for (const img of await figures.all()) {
    await expect(img).toHaveAttribute("width", "1200");
    await expect(img).toHaveAttribute("height", "675");
  }
  await expect(widget.locator("[part=hero] img")).toHaveAttribute("alt", seed.image.alt);
  // The hero arrived (served from the routed uploads).
  await expect.poll(() => widget.locator("[part=hero] img").evaluate((i) => i.complete && i.naturalWidth)).toBeGreaterThan(0);
  const sponsor = widget.locator(".nw-sponsored a");
  await expect(sponsor).toHaveText(seed.body.find((b) => b.type === "link").text);
  await expect(sponsor).toHaveAttribute("rel", "sponsored noopener noreferrer");
  await expect(sponsor).toHaveAttribute("href", "https://example.com/sponsor/web-design");
  await expect(widget.locator("[part=related-item]")).toHaveCount(10);
  await expect(widget.locator("[part=related-item] .nw-card-title")).toHaveText(seed.related.map((r) => r.headline));
  errors.expectNone();
});

test("the seed converted from a JSON-LD page renders its headline, byline, hero and every paragraph", async ({ page }) => {
  const errors = trackPageErrors(page);
  await page.goto("/pages/converted.html");
  const widget = page.locator("#jsonld");
  await expect(widget.locator("[part=headline]")).toHaveText(seed.headline);
  await expect(widget.locator("[part=byline]")).toHaveText(seed.byline);
  await expect(widget.locator("[part=body] p.nw-p")).toHaveText(paragraphs);
  await expect(widget.locator("[part=hero] img")).toHaveAttribute("src", "https://example.com/wp-content/uploads/2025/04/hero.svg");
  // schema.org's NewsArticle carries no related stories: the carousel is hidden.
  await expect(widget.locator("[part=related]")).toBeHidden();
  await expect(widget.locator("[part=related-item]")).toHaveCount(0);
  errors.expectNone();
});

test("the post with hostile markup renders its text and runs none of it", async ({ page }) => {
  const errors = trackPageErrors(page);
  await page.goto("/pages/converted.html");
  const widget = page.locator("#hostile");
  await expect(widget.locator("[part=headline]")).toHaveText("Council agrees \u201chistoric\u201d budget & more");
  const body = widget.locator("[part=body]");
  await expect(body).toContainText("Nested unknown tags keep their text.");
  await expect(body.locator("h3, h4, h5, h6, h2")).toHaveCount(5);
  await expect(body.locator("blockquote")).toContainText("We have waited long enough. Now we build.");
  await expect(body.locator("a[href^='javascript:' i], a[href^='data:' i], iframe, script, style, svg, form")).toHaveCount(0);
  await expect(body.locator("strong", { hasText: "Tuesday" })).toHaveCount(1);
  await expect(body.locator("em", { hasText: "on record" })).toHaveCount(1);
  await expect(body.locator("a[href='https://news.example/2025/04/budget/']")).toHaveText("the budget");
  expect(await page.evaluate(() => window.__xss)).toEqual([]);
  errors.expectNone();
});
