// The seed demo as `trunk build --release` ships it (dist/index.html): every body paragraph and
// all ten related stories of the seed, counted against the JSON.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { trackPageErrors } from "./helpers.mjs";

const seed = JSON.parse(readFileSync(new URL("../../demo/articles/kaohsiung-orange-county.json", import.meta.url)));

test("the demo page renders every paragraph, photo and related story of the seed", async ({ page }) => {
  const errors = trackPageErrors(page);
  await page.goto("/dist/index.html");
  const widget = page.locator("news-widget");
  await expect(widget.locator("[part=headline]")).toHaveText(seed.headline);
  const paragraphs = seed.body.filter((b) => b.type === "paragraph").map((b) => b.text);
  expect(paragraphs.length).toBe(25);
  await expect(widget.locator("[part=body] p.nw-p:not(.nw-link-block)")).toHaveText(paragraphs);
  const captions = seed.body.filter((b) => b.type === "image").map((b) => b.caption);
  await expect(widget.locator("[part=body] figure figcaption")).toHaveText(captions);
  await expect(widget.locator("[part=related-item]")).toHaveCount(seed.related.length);
  expect(seed.related.length).toBe(10);
  await expect(widget.locator("[part=related-item] .nw-card-title")).toHaveText(seed.related.map((r) => r.headline));
  await expect(widget.locator(".nw-sponsored a")).toHaveAttribute("rel", "sponsored noopener noreferrer");
  // The fallback link is not shown once the widget has rendered.
  await expect(page.locator("news-widget > a")).toBeHidden();
  errors.expectNone();
});
