// Issue 4 / SPEC §3: the reader's text size (A- A A+).
// Seven steps 87.5%…200% of the reader's default (`medium`, 16px), no wrap-around, one page-wide
// preference shared by every widget, other tabs (storage event) and reloads (localStorage), and
// storage that throws never breaks anything.
import { test, expect } from "@playwright/test";
import { readFileSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { recordEvents, trackPageErrors, waitForArticle, SEED } from "./helpers.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const ARTIFACTS = ROOT + "artifacts/";
const KEY = "news-widget:text-size";
const TWO = "/pages/text-size-two.html"; // #a (zh-TW) and #b (lang="en"), both the seed
const SCALES = [0.875, 1, 1.125, 1.25, 1.5, 1.75, 2];
/** Body paragraphs are 1.0625em of the 16px base, the headline 1.75em. */
const PARAGRAPH_PX = 17;
const HEADLINE_PX = 28;

const seedArticle = () => JSON.parse(readFileSync(ROOT + "demo/articles/kaohsiung-orange-county.json", "utf8"));

const controls = (page, id) => {
  const w = page.locator(`news-widget#${id}`);
  return {
    group: w.locator("[part=font-controls]"),
    smaller: w.locator("[part=font-smaller]"),
    reset: w.locator("[part=font-reset]"),
    larger: w.locator("[part=font-larger]"),
  };
};

/** --nw-scale on [part=root], and the computed font-size of the first body paragraph and headline. */
async function measure(page, id) {
  return page.locator(`#${id} [part=root]`).evaluate((root) => {
    const px = (el) => parseFloat(getComputedStyle(el).fontSize);
    return {
      scale: Number(getComputedStyle(root).getPropertyValue("--nw-scale").trim()),
      paragraph: px(root.querySelector("[part=body] > p")),
      headline: px(root.querySelector("[part=headline]")),
    };
  });
}

/** The widget shows text size `scale`: the property and the rendered sizes agree. */
async function expectScale(page, id, scale) {
  await expect
    .poll(() => measure(page, id), { message: `#${id} at scale ${scale}` })
    .toEqual({ scale, paragraph: PARAGRAPH_PX * scale, headline: HEADLINE_PX * scale });
}

const fontsizeEvents = async (events, id) => (await events()).filter((e) => e.type === "fontsize" && e.id === id);

async function clickTimes(locator, n) {
  for (let i = 0; i < n; i++) await locator.click();
}

test.describe("text size (issue 4)", () => {
  test("A+ walks 100% → 200% and stops, A- walks down to 87.5% and stops, A resets", async ({ page }) => {
    const errors = trackPageErrors(page);
    const events = await recordEvents(page);
    await page.goto(TWO);
    await waitForArticle(page, "#a");
    const { smaller, reset, larger } = controls(page, "a");

    await expectScale(page, "a", 1);
    await expect(reset).toHaveAttribute("aria-pressed", "true");
    await expect(larger).toHaveAttribute("aria-disabled", "false");
    await expect(smaller).toHaveAttribute("aria-disabled", "false");

    const expected = [];
    for (const scale of [1.125, 1.25, 1.5, 1.75, 2]) {
      await larger.click();
      await expectScale(page, "a", scale);
      await expect(larger).toBeFocused();
      await expect(reset).toHaveAttribute("aria-pressed", "false");
      expected.push({ step: SCALES.indexOf(scale), scale });
      await expect.poll(async () => (await fontsizeEvents(events, "a")).map((e) => e.detail)).toEqual(expected);
    }
    // 200%: A+ is disabled (aria-disabled keeps it focusable) and focus did not move.
    await expect(larger).toHaveAttribute("aria-disabled", "true");
    await expect(larger).toBeDisabled();
    await expect(larger).toBeFocused();
    await expect(smaller).toBeEnabled();

    // Pressing the disabled A+ (keyboard and a forced click) does nothing: no wrap-around, no event.
    await page.keyboard.press("Enter");
    await larger.click({ force: true });
    await expect(larger).toBeFocused();
    await expectScale(page, "a", 2);

    for (const scale of [1.75, 1.5, 1.25, 1.125, 1, 0.875]) {
      await smaller.click();
      await expectScale(page, "a", scale);
      await expect(smaller).toBeFocused();
      await expect(reset).toHaveAttribute("aria-pressed", scale === 1 ? "true" : "false");
      expected.push({ step: SCALES.indexOf(scale), scale });
      // Exactly one event per change: the inert A+ presses above added none.
      await expect.poll(async () => (await fontsizeEvents(events, "a")).map((e) => e.detail)).toEqual(expected);
    }
    await expect(smaller).toHaveAttribute("aria-disabled", "true");
    await expect(smaller).toBeFocused();
    await expect(larger).toHaveAttribute("aria-disabled", "false");

    await page.keyboard.press("Space"); // disabled A- at 87.5%: nothing
    await smaller.click({ force: true });
    await expectScale(page, "a", 0.875);

    await reset.click();
    await expectScale(page, "a", 1);
    await expect(reset).toHaveAttribute("aria-pressed", "true");
    await expect(reset).toBeFocused();
    await expect(smaller).toHaveAttribute("aria-disabled", "false");
    await expect(larger).toHaveAttribute("aria-disabled", "false");
    expected.push({ step: 1, scale: 1 });
    await expect.poll(async () => (await fontsizeEvents(events, "a")).map((e) => e.detail)).toEqual(expected);
    // The events reach the page bubbling and composed, from the host element.
    for (const e of await fontsizeEvents(events, "a")) expect(e).toMatchObject({ bubbles: true, composed: true });
    errors.expectNone();
  });

  test("the group and the buttons are named in the UI language, names contain the visible labels, targets ≥ 24×24", async ({ page }) => {
    const errors = trackPageErrors(page);
    await page.goto(TWO);
    await waitForArticle(page, "#a");
    await waitForArticle(page, "#b");
    const names = {
      a: { group: "字級", smaller: "A- 縮小字級", reset: "A 預設字級", larger: "A+ 放大字級" },
      b: { group: "Text size", smaller: "A- Smaller text", reset: "A Default text size", larger: "A+ Larger text" },
    };
    const visible = { smaller: "A-", reset: "A", larger: "A+" };
    for (const id of ["a", "b"]) {
      const c = controls(page, id);
      await expect(c.group).toHaveAttribute("role", "group");
      await expect(c.group).toHaveAccessibleName(names[id].group);
      await expect(page.locator(`news-widget#${id}`).getByRole("group", { name: names[id].group, exact: true })).toHaveCount(1);
      for (const key of ["smaller", "reset", "larger"]) {
        const button = c[key];
        await expect(button).toHaveAccessibleName(names[id][key]);
        await expect(button).toHaveText(visible[key]);
        // WCAG 2.5.3: the accessible name contains the visible label, at its start.
        const text = (await button.innerText()).trim();
        expect(names[id][key].startsWith(text + " "), `${names[id][key]} starts with ${text}`).toBe(true);
        await expect(page.locator(`news-widget#${id}`).getByRole("button", { name: names[id][key], exact: true })).toHaveCount(1);
      }
    }
    // Target size at every step: the controls keep their own size while the article scales.
    const { smaller, reset, larger } = controls(page, "a");
    const checkBoxes = async (label) => {
      for (const id of ["a", "b"]) {
        const c = controls(page, id);
        for (const key of ["smaller", "reset", "larger"]) {
          const box = await c[key].boundingBox();
          expect(box, `${id} ${key} at ${label}`).not.toBeNull();
          expect(box.width, `${id} ${key} width at ${label}`).toBeGreaterThanOrEqual(24);
          expect(box.height, `${id} ${key} height at ${label}`).toBeGreaterThanOrEqual(24);
        }
      }
    };
    await checkBoxes("100%");
    await smaller.click();
    await expectScale(page, "a", 0.875);
    await checkBoxes("87.5%");
    await reset.click();
    await clickTimes(larger, 5);
    await expectScale(page, "a", 2);
    await checkBoxes("200%");
    errors.expectNone();
  });

  test("keyboard only: Tab reaches A- A A+, Enter and Space press them, focus is visible", async ({ page }) => {
    const errors = trackPageErrors(page);
    const events = await recordEvents(page);
    await page.goto(TWO);
    await waitForArticle(page, "#a");
    const { smaller, reset, larger } = controls(page, "a");

    await page.locator("#before").focus();
    await page.keyboard.press("Tab");
    await expect(smaller).toBeFocused();
    const outline = await smaller.evaluate((el) => {
      const s = getComputedStyle(el);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), focusVisible: el.matches(":focus-visible") };
    });
    expect(outline.focusVisible).toBe(true);
    expect(outline.style).not.toBe("none");
    expect(outline.width).toBeGreaterThanOrEqual(2);

    await page.keyboard.press("Tab");
    await expect(reset).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(larger).toBeFocused();

    await page.keyboard.press("Enter");
    await expectScale(page, "a", 1.125);
    await page.keyboard.press("Space");
    await expectScale(page, "a", 1.25);
    await expect(larger).toBeFocused();

    await page.keyboard.press("Shift+Tab");
    await expect(reset).toBeFocused();
    await expect(reset).toHaveAttribute("aria-pressed", "false");
    await page.keyboard.press("Space");
    await expectScale(page, "a", 1);
    await expect(reset).toHaveAttribute("aria-pressed", "true");

    await page.keyboard.press("Shift+Tab");
    await expect(smaller).toBeFocused();
    await page.keyboard.press("Enter");
    await expectScale(page, "a", 0.875);
    await expect(smaller).toHaveAttribute("aria-disabled", "true");
    await expect(smaller).toBeFocused();

    await expect
      .poll(async () => (await fontsizeEvents(events, "a")).map((e) => e.detail))
      .toEqual([
        { step: 2, scale: 1.125 },
        { step: 3, scale: 1.25 },
        { step: 1, scale: 1 },
        { step: 0, scale: 0.875 },
      ]);
    errors.expectNone();
  });

  test("two widgets on one page follow the same choice at once, each host gets its event", async ({ page }) => {
    const errors = trackPageErrors(page);
    const events = await recordEvents(page);
    await page.goto(TWO);
    await waitForArticle(page, "#a");
    await waitForArticle(page, "#b");
    const a = controls(page, "a");
    const b = controls(page, "b");

    await a.larger.click();
    await expectScale(page, "a", 1.125);
    await expectScale(page, "b", 1.125);
    await expect(b.reset).toHaveAttribute("aria-pressed", "false");

    await b.smaller.click();
    await b.smaller.click();
    await expectScale(page, "a", 0.875);
    await expectScale(page, "b", 0.875);
    await expect(a.smaller).toHaveAttribute("aria-disabled", "true");
    await expect(b.smaller).toHaveAttribute("aria-disabled", "true");

    await b.reset.click();
    await expectScale(page, "a", 1);
    await expect(a.reset).toHaveAttribute("aria-pressed", "true");

    const steps = [
      { step: 2, scale: 1.125 },
      { step: 1, scale: 1 },
      { step: 0, scale: 0.875 },
      { step: 1, scale: 1 },
    ];
    for (const id of ["a", "b"]) {
      await expect.poll(async () => (await fontsizeEvents(events, id)).map((e) => e.detail), { message: `events on #${id}` }).toEqual(steps);
    }
    errors.expectNone();
  });

  test("the choice survives a reload (localStorage key news-widget:text-size)", async ({ page }) => {
    const errors = trackPageErrors(page);
    await page.goto(TWO);
    await waitForArticle(page, "#a");
    const { reset, larger } = controls(page, "a");
    expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBeNull();

    await clickTimes(larger, 3);
    await expectScale(page, "a", 1.5);
    await expect.poll(() => page.evaluate((k) => localStorage.getItem(k), KEY)).toBe("4");

    await page.reload();
    await waitForArticle(page, "#a");
    await waitForArticle(page, "#b");
    await expectScale(page, "a", 1.5);
    await expectScale(page, "b", 1.5);
    await expect(controls(page, "a").reset).toHaveAttribute("aria-pressed", "false");
    await expect(controls(page, "b").larger).toHaveAttribute("aria-disabled", "false");

    await reset.click();
    await expectScale(page, "a", 1);
    await expect.poll(() => page.evaluate((k) => localStorage.getItem(k), KEY)).toBe("1");
    await page.reload();
    await waitForArticle(page, "#a");
    await expectScale(page, "a", 1);
    errors.expectNone();
  });

  test("another tab of the same site follows a change through the storage event", async ({ page, context }) => {
    const errors1 = trackPageErrors(page);
    await page.goto(TWO);
    await waitForArticle(page, "#a");

    const other = await context.newPage();
    const errors2 = trackPageErrors(other);
    const events2 = await recordEvents(other);
    await other.goto(TWO);
    await waitForArticle(other, "#a");
    await waitForArticle(other, "#b");
    await expectScale(other, "a", 1);

    await clickTimes(controls(page, "a").larger, 2);
    await expectScale(page, "a", 1.25);
    await expectScale(other, "a", 1.25);
    await expectScale(other, "b", 1.25);
    await expect(controls(other, "a").reset).toHaveAttribute("aria-pressed", "false");
    await expect.poll(async () => (await fontsizeEvents(events2, "a")).at(-1)?.detail).toEqual({ step: 3, scale: 1.25 });

    // And back the other way: the second tab changes, the first follows.
    await controls(other, "b").reset.click();
    await expectScale(other, "a", 1);
    await expectScale(page, "a", 1);
    await expectScale(page, "b", 1);
    await expect(controls(page, "a").reset).toHaveAttribute("aria-pressed", "true");
    errors1.expectNone();
    errors2.expectNone();
    await other.close();
  });

  const THROWING_STORAGE = {
    "window.localStorage getter throws": () => {
      Object.defineProperty(window, "localStorage", {
        configurable: true,
        get() {
          throw new DOMException("The operation is insecure.", "SecurityError");
        },
      });
    },
    "Storage.prototype.getItem/setItem throw": () => {
      const fail = () => {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      };
      Storage.prototype.getItem = fail;
      Storage.prototype.setItem = fail;
      Storage.prototype.removeItem = fail;
    },
  };
  for (const [name, breakStorage] of Object.entries(THROWING_STORAGE)) {
    test(`storage that throws (${name}) breaks nothing: render, buttons, sync, events`, async ({ page }) => {
      const errors = trackPageErrors(page);
      const events = await recordEvents(page);
      await page.addInitScript(breakStorage);
      await page.goto(TWO);
      // The page really has broken storage.
      expect(
        await page.evaluate(() => {
          try {
            window.localStorage.setItem("x", "1");
            return window.localStorage.getItem("x");
          } catch (e) {
            return "threw " + e.name;
          }
        }),
      ).toMatch(/^threw /);
      await waitForArticle(page, "#a");
      await waitForArticle(page, "#b");
      await expectScale(page, "a", 1);
      const { smaller, reset, larger } = controls(page, "a");

      await clickTimes(larger, 5);
      await expectScale(page, "a", 2);
      await expectScale(page, "b", 2);
      await expect(larger).toHaveAttribute("aria-disabled", "true");
      await expect(larger).toBeFocused();
      await controls(page, "b").smaller.click();
      await expectScale(page, "a", 1.75);
      await reset.click();
      await expectScale(page, "a", 1);
      await smaller.click();
      await expectScale(page, "b", 0.875);
      await expect.poll(async () => (await fontsizeEvents(events, "a")).map((e) => e.detail.step)).toEqual([2, 3, 4, 5, 6, 5, 1, 0]);
      errors.expectNone();
    });
  }

  test("a host with html{font-size:62.5%} does not shrink the widget: 100% is the 16px default", async ({ page }) => {
    const errors = trackPageErrors(page);
    await page.goto("/pages/text-size-rem.html");
    await waitForArticle(page, "#a");
    // The trick is really in force on the host page.
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe("10px");
    expect(await page.locator("body > p").evaluate((p) => getComputedStyle(p).fontSize)).toBe("10px");

    await expectScale(page, "a", 1); // paragraph 17px, headline 28px
    const { smaller, larger } = controls(page, "a");
    await clickTimes(larger, 5);
    await expectScale(page, "a", 2); // paragraph 34px
    await smaller.click();
    await expectScale(page, "a", 1.75);
    for (const key of ["smaller", "reset", "larger"]) {
      const box = await controls(page, "a")[key].boundingBox();
      expect(box.width).toBeGreaterThanOrEqual(24);
      expect(box.height).toBeGreaterThanOrEqual(24);
    }
    errors.expectNone();
  });

  test("changing the size does not rebuild the article DOM (style recalculation only)", async ({ page }) => {
    const errors = trackPageErrors(page);
    await page.goto(TWO);
    await waitForArticle(page, "#a");
    const paragraph = await page.locator("#a [part=body] > p").first().elementHandle();
    const headline = await page.locator("#a [part=headline]").elementHandle();
    await paragraph.evaluate((p) => (p.__marker = "kept"));
    // Watch the whole shadow tree for nodes being added or removed outside the live region.
    await page.locator("news-widget#a").evaluate((host) => {
      window.__structural = [];
      new MutationObserver((records) => {
        for (const r of records) {
          if (r.type !== "childList") continue;
          const inLiveRegion = r.target.closest && r.target.closest("[aria-live]");
          if (!inLiveRegion) window.__structural.push(r.target.nodeName + "." + (r.target.className || ""));
        }
      }).observe(host.shadowRoot, { childList: true, subtree: true });
    });

    const { smaller, reset, larger } = controls(page, "a");
    await clickTimes(larger, 5);
    await expectScale(page, "a", 2);
    await smaller.click();
    await reset.click();
    await expectScale(page, "a", 1);

    expect(await paragraph.evaluate((p) => p.isConnected && p.__marker)).toBe("kept");
    expect(await headline.evaluate((h) => h.isConnected)).toBe(true);
    const same = await page.evaluate(
      ([p, h]) => {
        const root = document.querySelector("news-widget#a").shadowRoot;
        return [root.querySelector("[part=body] > p") === p, root.querySelector("[part=headline]") === h];
      },
      [paragraph, headline],
    );
    expect(same).toEqual([true, true]);
    expect(await page.evaluate(() => window.__structural), "nodes added/removed by a size change").toEqual([]);
    errors.expectNone();
  });

  test("at 200% the body text does not scroll sideways, even with a 300-character word and URL", async ({ page }) => {
    const errors = trackPageErrors(page);
    const word = "Supercalifragilistic".repeat(15); // 300 Latin letters, no break opportunity
    const url = "https://example.com/" + "a".repeat(280); // 300 characters
    expect(word).toHaveLength(300);
    expect(url).toHaveLength(300);
    const article = seedArticle();
    article.body.unshift(
      { type: "paragraph", text: "Long word: " + word + " end." },
      { type: "paragraph", content: [{ text: "Long link: " }, { text: url, href: url }, { text: " end." }] },
    );
    await page.goto("/pages/text-size-long-words.html");
    await page.evaluate(async (a) => {
      await customElements.whenDefined("news-widget");
      for (const id of ["wide", "narrow"]) document.getElementById(id).article = a;
    }, article);
    for (const id of ["seed", "wide", "narrow"]) await waitForArticle(page, `#${id}`);

    await clickTimes(controls(page, "seed").larger, 5);
    for (const id of ["seed", "wide", "narrow"]) await expectScale(page, id, 2);

    for (const id of ["seed", "wide", "narrow"]) {
      const m = await page.locator(`#${id} [part=body]`).evaluate((body) => {
        const root = body.getRootNode().querySelector("[part=root]");
        const ps = [...body.querySelectorAll(":scope > p")];
        const r = body.getBoundingClientRect();
        return {
          body: [body.scrollWidth, body.clientWidth],
          root: [root.scrollWidth, root.clientWidth],
          overflowingChildren: [...body.children].filter((c) => c.getBoundingClientRect().right > r.right + 0.5).length,
          overflowingParagraphs: ps.filter((p) => p.scrollWidth > p.clientWidth).length,
          first: { text: ps[0].textContent, height: ps[0].getBoundingClientRect().height, line: parseFloat(getComputedStyle(ps[0]).lineHeight) },
          second: { text: ps[1].textContent, height: ps[1].getBoundingClientRect().height },
        };
      });
      expect(m.body[0], `#${id} [part=body] scrollWidth <= clientWidth`).toBeLessThanOrEqual(m.body[1]);
      expect(m.root[0], `#${id} [part=root] scrollWidth <= clientWidth`).toBeLessThanOrEqual(m.root[1]);
      expect(m.overflowingChildren, `#${id} body blocks sticking out`).toBe(0);
      expect(m.overflowingParagraphs, `#${id} paragraphs with their own overflow`).toBe(0);
      if (id !== "seed") {
        // The long word and URL are there, whole, and wrapped over several lines.
        expect(m.first.text).toContain(word);
        expect(m.second.text).toContain(url);
        expect(m.first.height).toBeGreaterThan(2 * m.first.line);
        expect(m.second.height).toBeGreaterThan(2 * m.first.line);
      }
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    errors.expectNone();
  });

  test("screenshots of the demo page at 100% and 200%", async ({ page }) => {
    const errors = trackPageErrors(page);
    // The demo page (index.html) with its partner stylesheet (62.5% root, serif body), from the repo.
    const index = readFileSync(ROOT + "index.html", "utf8");
    const css = readFileSync(ROOT + "demo/partner.css", "utf8");
    const body = index
      .slice(index.indexOf("<body>") + 6, index.indexOf("</body>"))
      .replace('src="articles/', `src="${SEED.replace(/[^/]*$/, "")}`);
    expect(body).toContain(`src="${SEED}"`);
    await page.goto("/pages/text-size-demo.html");
    await page.evaluate(
      ([html, css]) => {
        const style = document.createElement("style");
        style.textContent = css;
        document.head.append(style);
        document.body.innerHTML = html;
      },
      [body, css],
    );
    await waitForArticle(page);
    const hero = page.locator("news-widget [part=hero] img");
    await expect.poll(() => hero.evaluate((img) => img.complete && img.naturalWidth > 0)).toBe(true);
    mkdirSync(ARTIFACTS, { recursive: true });

    const m100 = await page.locator("news-widget [part=root]").evaluate((r) => getComputedStyle(r.querySelector("[part=body] > p")).fontSize);
    expect(m100).toBe("17px");
    await page.screenshot({ path: ARTIFACTS + "text-size-100.png" });

    await clickTimes(page.locator("news-widget [part=font-larger]"), 5);
    await expect(page.locator("news-widget [part=font-larger]")).toHaveAttribute("aria-disabled", "true");
    await expect
      .poll(() => page.locator("news-widget [part=root]").evaluate((r) => getComputedStyle(r.querySelector("[part=body] > p")).fontSize))
      .toBe("34px");
    await page.mouse.move(0, 0); // no hover styling in the picture
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: ARTIFACTS + "text-size-200.png" });
    errors.expectNone();
  });
});
