// Issue 5 / SPEC §3: the related-news carousel. WAI-ARIA carousel pattern over native scrolling:
// labelled region, slides "n / N", prev/next that scroll by a page and disable at the ends without
// moving focus, arrow keys on the focusable track, the cancelable news-widget:navigate, cards per
// view from the widget's own width (container queries), reduced motion → instant scrolling.
import { test, expect } from "@playwright/test";
import { readFileSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { recordEvents, trackPageErrors, waitForArticle } from "./helpers.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const ARTIFACTS = ROOT + "artifacts/";
const BASIC = "/pages/carousel-basic.html"; // #zh (zh-TW) and #en (lang="en"), both the seed
const WIDTHS = "/pages/carousel-widths.html"; // #w320, #w600, #w1000 in a 1280px window
const seedArticle = () => JSON.parse(readFileSync(ROOT + "demo/articles/kaohsiung-orange-county.json", "utf8"));
const SEED_RELATED = seedArticle().related;

const carousel = (page, id) => {
  const w = page.locator(`news-widget#${id}`);
  return {
    region: w.locator("[part=related]"),
    track: w.locator("[part=related-track]"),
    cards: w.locator("[part=related-item]"),
    prev: w.locator("[part=related-prev]"),
    next: w.locator("[part=related-next]"),
  };
};

const scrollLeft = (track) => track.evaluate((el) => el.scrollLeft);

/** scrollLeft once the track has stopped moving (smooth scrolling and snapping done). */
function settledScrollLeft(track) {
  return track.evaluate(
    (el) =>
      new Promise((resolve) => {
        let last = el.scrollLeft;
        let still = 0;
        const tick = () => {
          const now = el.scrollLeft;
          still = Math.abs(now - last) < 0.5 ? still + 1 : 0;
          last = now;
          if (still >= 12) resolve(now);
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );
}

/** How many cards fit in the track: its width over one card's step (card plus gap). */
function cardsPerView(track) {
  return track.evaluate((el) => {
    const [a, b] = el.children;
    const step = b.getBoundingClientRect().left - a.getBoundingClientRect().left;
    return { perView: el.clientWidth / step, byCard: el.clientWidth / a.getBoundingClientRect().width, track: el.clientWidth, card: a.getBoundingClientRect().width, step };
  });
}

async function ready(page, ids) {
  for (const id of ids) {
    await waitForArticle(page, `#${id}`);
    await expect(carousel(page, id).cards).toHaveCount(SEED_RELATED.length);
  }
}

test.describe("related carousel (issue 5)", () => {
  test("one card per related story, in order, as labelled slides of a labelled carousel region", async ({ page }) => {
    const errors = trackPageErrors(page);
    await page.goto(BASIC);
    await ready(page, ["zh", "en"]);
    expect(SEED_RELATED).toHaveLength(10);

    const names = {
      zh: { region: "相關新聞", prev: "上一組相關新聞", next: "下一組相關新聞" },
      en: { region: "Related stories", prev: "Previous related stories", next: "Next related stories" },
    };
    for (const id of ["zh", "en"]) {
      const c = carousel(page, id);
      const w = page.locator(`news-widget#${id}`);
      await expect(c.region).toHaveAttribute("aria-roledescription", "carousel");
      await expect(c.region).toHaveAccessibleName(names[id].region);
      await expect(w.getByRole("region", { name: names[id].region, exact: true })).toHaveCount(1);
      const regionName = await c.region.evaluate((el) => el.getRootNode().getElementById(el.getAttribute("aria-labelledby"))?.textContent ?? el.getAttribute("aria-label"));
      expect(regionName.toLowerCase()).not.toContain("carousel");
      expect(regionName).not.toContain("輪播");
      // The visible heading says the same.
      await expect(w.getByRole("heading", { name: names[id].region, exact: true })).toBeVisible();
      await expect(c.prev).toHaveAccessibleName(names[id].prev);
      await expect(c.next).toHaveAccessibleName(names[id].next);
      await expect(c.track).toHaveAttribute("tabindex", "0");
      await expect(c.track).toHaveAccessibleName(/.+/);

      await expect(c.cards).toHaveCount(10);
      for (let i = 0; i < 10; i++) {
        const card = c.cards.nth(i);
        await expect(card).toHaveAttribute("role", "group");
        await expect(card).toHaveAttribute("aria-roledescription", "slide");
        await expect(card).toHaveAttribute("aria-label", `${i + 1} / 10`);
        await expect(card).toHaveAccessibleName(`${i + 1} / 10`);
        const related = SEED_RELATED[i];
        const link = card.locator("a");
        await expect(link).toHaveCount(1);
        await expect(link).toHaveText(related.headline);
        await expect(link).toHaveAttribute("href", related.url);
        await expect(card.locator("time")).toHaveAttribute("datetime", /^2025-/);
        // Images: lazy, with their space reserved.
        const img = card.locator("img");
        await expect(img).toHaveAttribute("loading", "lazy");
        await expect(img).toHaveAttribute("width", String(related.image.width));
        await expect(img).toHaveAttribute("height", String(related.image.height));
      }
      await expect(w.getByRole("group", { name: "3 / 10", exact: true })).toHaveCount(1);
    }
    errors.expectNone();
  });

  test("next/prev scroll by a page, disable at the ends, and keep focus on the button", async ({ page }) => {
    const errors = trackPageErrors(page);
    await page.goto(BASIC);
    await ready(page, ["zh"]);
    const { track, prev, next } = carousel(page, "zh");

    expect(await settledScrollLeft(track)).toBe(0);
    await expect(prev).toHaveAttribute("aria-disabled", "true");
    await expect(prev).toBeDisabled();
    await expect(next).toHaveAttribute("aria-disabled", "false");

    const room = await track.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(room, "the ten cards overflow the track").toBeGreaterThan(0);
    const positions = [0];
    for (let i = 0; i < 10 && (await next.getAttribute("aria-disabled")) !== "true"; i++) {
      await next.click();
      await expect(next).toBeFocused();
      await expect.poll(() => scrollLeft(track)).toBeGreaterThan(positions.at(-1) + 1);
      positions.push(await settledScrollLeft(track));
      await expect(prev).toHaveAttribute("aria-disabled", "false");
    }
    expect(positions.length, "reached the end within a few pages").toBeGreaterThan(2);
    expect(positions.at(-1)).toBeGreaterThanOrEqual(room - 1);
    await expect(next).toHaveAttribute("aria-disabled", "true");
    await expect(next).toBeDisabled();
    await expect(next).toBeFocused(); // aria-disabled, not disabled: focus is not dropped

    // At the end, the disabled next does nothing.
    await next.click({ force: true });
    expect(await settledScrollLeft(track)).toBe(positions.at(-1));

    for (let i = 0; i < 10 && (await prev.getAttribute("aria-disabled")) !== "true"; i++) {
      const before = await settledScrollLeft(track);
      await prev.click();
      await expect(prev).toBeFocused();
      await expect.poll(() => scrollLeft(track)).toBeLessThan(before - 1);
      await settledScrollLeft(track);
      await expect(next).toHaveAttribute("aria-disabled", "false");
    }
    expect(await settledScrollLeft(track)).toBe(0);
    await expect(prev).toHaveAttribute("aria-disabled", "true");
    await expect(prev).toBeFocused();
    errors.expectNone();
  });

  test("the track is focusable and the arrow keys scroll it", async ({ page }) => {
    const errors = trackPageErrors(page);
    await page.goto(BASIC);
    await ready(page, ["zh"]);
    const { track, cards, next } = carousel(page, "zh");

    // Tab order: the next button, then the track.
    await next.focus();
    await page.keyboard.press("Tab");
    await expect(track).toBeFocused();
    const outline = await track.evaluate((el) => ({ visible: el.matches(":focus-visible"), style: getComputedStyle(el).outlineStyle }));
    expect(outline).toEqual({ visible: true, style: "solid" });

    const windowScroll = await page.evaluate(() => [scrollX, scrollY]);
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => scrollLeft(track)).toBeGreaterThan(1);
    const one = await settledScrollLeft(track);
    // One card per key press: the second card is now at the start.
    const step = await cards.nth(1).evaluate((c) => c.offsetLeft - c.previousElementSibling.offsetLeft);
    expect(Math.abs(one - step)).toBeLessThanOrEqual(2);
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => scrollLeft(track)).toBeGreaterThan(one + 1);
    const two = await settledScrollLeft(track);

    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => scrollLeft(track)).toBeLessThan(two - 1);
    expect(Math.abs((await settledScrollLeft(track)) - one)).toBeLessThanOrEqual(2);
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => settledScrollLeft(track)).toBe(0);
    await expect(track).toBeFocused();
    // The arrows moved the carousel, not the page.
    expect(await page.evaluate(() => [scrollX, scrollY])).toEqual(windowScroll);
    errors.expectNone();
  });

  /** Presses twice within one task: "next"/"prev" clicks that button, "ArrowRight"/"ArrowLeft" is a keydown on the track. */
  const doublePress = (track, how) =>
    track.evaluate((t, how) => {
      const root = t.getRootNode();
      for (let i = 0; i < 2; i++) {
        if (how === "next" || how === "prev") root.querySelector(`[part=related-${how}]`).click();
        else t.dispatchEvent(new KeyboardEvent("keydown", { key: how, bubbles: true, cancelable: true }));
      }
    }, how);

  async function expectDoublePressesCount(page) {
    await page.goto(BASIC);
    await ready(page, ["zh"]);
    const { track, cards } = carousel(page, "zh");
    const step = await cards.nth(1).evaluate((c) => c.offsetLeft - c.previousElementSibling.offsetLeft);
    const room = await track.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(room).toBeGreaterThan(2 * step);

    // Soft: one run reports every case that loses a press.
    await doublePress(track, "ArrowRight");
    expect.soft(Math.abs((await settledScrollLeft(track)) - 2 * step), "two quick ArrowRight presses: two cards").toBeLessThanOrEqual(2);
    await doublePress(track, "ArrowLeft");
    expect.soft(await settledScrollLeft(track), "two quick ArrowLeft presses: back two cards").toBe(0);
    await doublePress(track, "next");
    // One page is the track's width, snapped to a card; two pages reach the end of the ten cards.
    expect.soft(await settledScrollLeft(track), "two quick clicks on next: two pages (here: the end)").toBeGreaterThanOrEqual(room - 1);
    await doublePress(track, "prev");
    expect.soft(await settledScrollLeft(track), "two quick clicks on prev: back to the start").toBe(0);
  }

  test("two presses in quick succession count twice (reduced motion: instant scrolling)", async ({ page }) => {
    const errors = trackPageErrors(page);
    await page.emulateMedia({ reducedMotion: "reduce" });
    await expectDoublePressesCount(page);
    errors.expectNone();
  });

  // Regression: scrollBy from the in-flight position of a smooth scroll snapped back to the same
  // card, so quick repeated presses were lost. The reduced-motion test above is its control.
  test("two presses in quick succession count twice (smooth scrolling)", async ({ page }) => {
    const errors = trackPageErrors(page);
    await page.emulateMedia({ reducedMotion: "no-preference" });
    await expectDoublePressesCount(page);
    errors.expectNone();
  });

  test("clicking a card fires a cancelable news-widget:navigate; preventDefault() keeps the page", async ({ page }) => {
    const errors = trackPageErrors(page);
    const events = await recordEvents(page);
    let targetHits = 0;
    await page.route("https://example.com/**", (route) => {
      targetHits++;
      return route.fulfill({ contentType: "text/html", body: "<!doctype html><title>stub</title><h1>stub</h1>" });
    });
    await page.addInitScript(() => {
      window.__navigate = [];
      window.__clicks = [];
      // A single-page-app host: it takes every click itself.
      document.addEventListener("news-widget:navigate", (e) => {
        window.__navigate.push({ url: e.detail.url, cancelable: e.cancelable, target: e.target.id });
        e.preventDefault();
      });
      // Runs after the widget's own click handling (bubble phase, outside the shadow root).
      window.addEventListener("click", (e) => window.__clicks.push(e.defaultPrevented));
    });
    await page.goto(BASIC);
    await ready(page, ["zh"]);
    const url = page.url();
    const { cards } = carousel(page, "zh");

    await cards.nth(0).locator("a").click();
    await expect.poll(() => page.evaluate(() => window.__navigate)).toEqual([{ url: SEED_RELATED[0].url, cancelable: true, target: "zh" }]);
    // The whole card is the link's target: a click on its image counts too.
    await cards.nth(1).click({ position: { x: 20, y: 20 } });
    await expect
      .poll(() => page.evaluate(() => window.__navigate.map((n) => n.url)))
      .toEqual([SEED_RELATED[0].url, SEED_RELATED[1].url]);
    // The widget cancelled both link clicks, so no navigation can follow.
    expect(await page.evaluate(() => window.__clicks)).toEqual([true, true]);
    const navigates = (await events()).filter((e) => e.type === "navigate");
    expect(navigates.map((e) => e.detail)).toEqual([{ url: SEED_RELATED[0].url }, { url: SEED_RELATED[1].url }]);
    for (const e of navigates) expect(e).toMatchObject({ bubbles: true, composed: true, id: "zh" });
    // Grace period for a wrongful navigation to show up (passing runs do not depend on it).
    await page.waitForTimeout(500);
    expect(page.url()).toBe(url);
    expect(targetHits).toBe(0);
    await expect(cards).toHaveCount(10);
    errors.expectNone();
  });

  test("without preventDefault() a card click is a normal same-tab link navigation", async ({ page, context }) => {
    const errors = trackPageErrors(page);
    const seen = [];
    await page.exposeFunction("__reportNavigate", (detail) => seen.push(detail));
    await page.addInitScript(() => {
      document.addEventListener("news-widget:navigate", (e) =>
        window.__reportNavigate({ url: e.detail.url, cancelable: e.cancelable }),
      );
    });
    await page.route("https://example.com/**", (route) =>
      route.fulfill({ contentType: "text/html", body: "<!doctype html><title>stub</title><h1>stub article</h1>" }),
    );
    await page.goto(BASIC);
    await ready(page, ["zh"]);
    const target = SEED_RELATED[2].url;
    await carousel(page, "zh").cards.nth(2).locator("a").click();
    await page.waitForURL(target);
    await expect(page.locator("h1")).toHaveText("stub article");
    expect(context.pages()).toHaveLength(1); // same tab
    await expect.poll(() => seen).toEqual([{ url: target, cancelable: true }]);
    errors.expectNone();
  });

  test("cards per view follow the widget's width (320 / 600 / 1000 px) in a 1280px window", async ({ page }) => {
    const errors = trackPageErrors(page);
    await page.goto(WIDTHS);
    expect(page.viewportSize().width).toBe(1280);
    await ready(page, ["w320", "w600", "w1000"]);
    mkdirSync(ARTIFACTS, { recursive: true });

    const views = {};
    for (const width of [320, 600, 1000]) {
      const id = `w${width}`;
      const host = await page.locator(`news-widget#${id}`).boundingBox();
      expect(host.width).toBe(width);
      views[width] = await cardsPerView(carousel(page, id).track);
    }
    const summary = Object.fromEntries(Object.entries(views).map(([w, v]) => [w, Math.round(v.perView * 100) / 100]));
    // About 1.2 on a phone-sized widget (the next card peeks in), 2–3 in a column, 4 when wide.
    expect(views[320].perView, JSON.stringify(summary)).toBeGreaterThan(1.05);
    expect(views[320].perView, JSON.stringify(summary)).toBeLessThan(1.5);
    expect(views[600].perView, JSON.stringify(summary)).toBeGreaterThanOrEqual(2);
    expect(views[600].perView, JSON.stringify(summary)).toBeLessThanOrEqual(3);
    expect(views[1000].perView, JSON.stringify(summary)).toBeGreaterThan(3.6);
    expect(views[1000].perView, JSON.stringify(summary)).toBeLessThan(4.4);
    // Card-only ratio, for the record (track / card width): also distinct and ordered.
    expect(views[320].byCard).toBeLessThan(views[600].byCard);
    expect(views[600].byCard).toBeLessThan(views[1000].byCard);

    for (const width of [320, 600, 1000]) {
      const region = carousel(page, `w${width}`).region;
      await region.scrollIntoViewIfNeeded();
      // Wait for the visible cards' lazy images, so the picture shows them.
      await expect
        .poll(() =>
          region.evaluate((r) => {
            const box = r.querySelector("[part=related-track]").getBoundingClientRect();
            return [...r.querySelectorAll("img")]
              .filter((img) => img.getBoundingClientRect().left < box.right)
              .every((img) => img.complete && img.naturalWidth > 0);
          }),
        )
        .toBe(true);
      await region.screenshot({ path: ARTIFACTS + `carousel-${width}.png` });
    }
    errors.expectNone();
  });

  test("an article without related stories shows no carousel and no heading", async ({ page }) => {
    const errors = trackPageErrors(page);
    await page.goto(BASIC);
    await ready(page, ["zh"]);
    const article = seedArticle();
    article.related = [];
    await page.evaluate((a) => {
      const el = document.createElement("news-widget");
      el.id = "none";
      el.setAttribute("loading", "eager");
      el.article = a;
      document.body.prepend(el);
    }, article);
    await waitForArticle(page, "#none");
    const none = page.locator("news-widget#none");
    await expect(none.locator("[part=body] > p").first()).toBeVisible();
    await expect(none.locator("[part=related]")).toHaveCount(0);
    await expect(none.locator("[part=related-item], [part=related-track], [part=related-prev], [part=related-next]")).toHaveCount(0);
    await expect(none.locator("[aria-roledescription=carousel]")).toHaveCount(0);
    await expect(none.getByRole("heading", { name: "相關新聞" })).toHaveCount(0);
    await expect(none.getByText("相關新聞")).toHaveCount(0);
    // Same selectors on the seed widget do find the carousel.
    await expect(page.locator("news-widget#zh").getByRole("heading", { name: "相關新聞" })).toHaveCount(1);
    await expect(page.locator("news-widget#zh [part=related]")).toHaveCount(1);
    errors.expectNone();
  });

  test("prefers-reduced-motion: reduce → next and the arrow keys scroll instantly", async ({ page }) => {
    const errors = trackPageErrors(page);
    await page.emulateMedia({ reducedMotion: "reduce" });
    await page.goto(BASIC);
    await ready(page, ["zh"]);
    expect(await page.evaluate(() => matchMedia("(prefers-reduced-motion: reduce)").matches)).toBe(true);
    const { track, next, prev } = carousel(page, "zh");
    expect(await track.evaluate((el) => getComputedStyle(el).scrollBehavior)).toBe("auto");
    expect(await settledScrollLeft(track)).toBe(0);

    // A real click, then an immediate read: already at the final position.
    await next.click();
    const immediate = await scrollLeft(track);
    expect(immediate).toBeGreaterThan(0);
    expect(await settledScrollLeft(track)).toBe(immediate);

    // The same, read synchronously in the click's own task.
    const [before, after] = await next.evaluate((button) => {
      const t = button.getRootNode().querySelector("[part=related-track]");
      const b = t.scrollLeft;
      button.click();
      return [b, t.scrollLeft];
    });
    expect(after).toBeGreaterThan(before);
    expect(await settledScrollLeft(track)).toBe(after);

    const back = await prev.evaluate((button) => {
      const t = button.getRootNode().querySelector("[part=related-track]");
      button.click();
      return t.scrollLeft;
    });
    expect(back).toBeLessThan(after);
    expect(await settledScrollLeft(track)).toBe(back);

    await track.focus();
    await page.keyboard.press("ArrowRight");
    const key = await scrollLeft(track);
    expect(key).toBeGreaterThan(back);
    expect(await settledScrollLeft(track)).toBe(key);
    errors.expectNone();
  });

  test("without a reduced-motion preference the same click scrolls smoothly (control)", async ({ page }) => {
    const errors = trackPageErrors(page);
    await page.emulateMedia({ reducedMotion: "no-preference" });
    await page.goto(BASIC);
    await ready(page, ["zh"]);
    const { track, next } = carousel(page, "zh");
    expect(await track.evaluate((el) => getComputedStyle(el).scrollBehavior)).toBe("smooth");
    expect(await settledScrollLeft(track)).toBe(0);
    const sync = await next.evaluate((button) => {
      const t = button.getRootNode().querySelector("[part=related-track]");
      button.click();
      return t.scrollLeft;
    });
    expect(sync, "a smooth scroll has not arrived within the click's task").toBe(0);
    await expect.poll(() => settledScrollLeft(track)).toBeGreaterThan(0);
    errors.expectNone();
  });
});
