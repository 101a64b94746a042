// Host listeners run inside the widget's own event dispatch. One that re-targets the widget
// (a fallback URL on error, new data on load) must work, not trap the shared wasm instance.
import { test, expect } from "@playwright/test";
import { CDN, SEED, trackPageErrors } from "./helpers.mjs";

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
