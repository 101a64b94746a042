// Issue 3 — embedding: loader, custom element + div twin, Shadow DOM isolation both ways, many
// instances, lifecycle (added / removed / src changed / article property), strict CSP, broken
// wasm, deep-path CDN deployment, globals, events, lazy start and height-hint.
// Host pages: tests/pages/{plain,hostile,csp-strict,broken-wasm,many-forms}.html.
import { readFileSync } from "node:fs";
import { test, expect } from "@playwright/test";
import { CDN, SEED, trackPageErrors, recordEvents, hostPage, openHostPage, waitForArticle } from "./helpers.mjs";

const json = (rel) => JSON.parse(readFileSync(new URL(rel, import.meta.url), "utf8"));
const seed = json("../../demo/articles/kaohsiung-orange-county.json");
const SHORT = "/fixtures/short-en.json";
const short = json("../fixtures/short-en.json");
const CDN_DIR = CDN.replace(/news-widget\.js$/, "");

// ---------------------------------------------------------------- spec-specific helpers

/** `NewsWidget.stats()` once the wasm is up, else null. */
const stats = (page) => page.evaluate(() => (window.NewsWidget && window.NewsWidget.stats ? window.NewsWidget.stats() : null));

/** Every request the page makes, as absolute URLs (read later, filtered by the test). */
function recordRequests(page) {
  const urls = [];
  page.on("request", (r) => urls.push(r.url()));
  return {
    urls,
    matching: (re) => urls.filter((u) => re.test(u)),
    path: (p) => urls.filter((u) => new URL(u).pathname + new URL(u).search === p),
  };
}

const headline = (page, id) => page.locator(`#${id} [part=headline]`);
/** The reserving element's box, where the host's `#after` starts, and both reservations. */
const reservation = (page, id) =>
  page.evaluate((id) => {
    const el = document.getElementById(id);
    const root = el.shadowRoot;
    return {
      h: el.getBoundingClientRect().height,
      top: el.getBoundingClientRect().top,
      afterTop: document.getElementById("after").getBoundingClientRect().top,
      headline: !!root.querySelector("[part=headline]"),
      host: el.style.minHeight,
      skeleton: root.querySelector("[part=root]").style.minHeight,
    };
  }, id);

/**
 * Resolves once an IntersectionObserver with the loader's margin has delivered its first
 * report for `#id` (so the loader's own observer, created earlier, has delivered too), plus two
 * frames for any work it queued. Returns whether the element was near the viewport.
 */
const settleObservers = (page, id) =>
  page.evaluate(
    (id) =>
      new Promise((resolve) => {
        const io = new IntersectionObserver(
          (entries) => {
            io.disconnect();
            const near = entries.some((e) => e.isIntersecting);
            requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => resolve(near), 0)));
          },
          { rootMargin: "800px 0px" },
        );
        io.observe(document.getElementById(id));
      }),
    id,
  );

/** Removes the loader <script> tag(s) from a page's HTML: the same page without the widget. */
const withoutLoader = (html) => {
  const out = html.replace(/<script[^>]*news-widget\.js[^>]*><\/script>/g, "");
  expect(out, "loader tag removed").not.toContain("news-widget.js");
  return out;
};

/** The full computed style (every longhand) of each selector in the light DOM. */
const computedStyles = (page, selectors) =>
  page.evaluate((selectors) => {
    const out = {};
    for (const sel of selectors) {
      const el = document.querySelector(sel);
      if (!el) throw new Error("missing " + sel);
      const cs = getComputedStyle(el);
      const props = {};
      for (let i = 0; i < cs.length; i++) props[cs[i]] = cs.getPropertyValue(cs[i]);
      out[sel] = props;
    }
    return out;
  }, selectors);

/** Computed styles of the widget's internals (layout-independent properties only). */
const WIDGET_PROPS = [
  "display", "visibility", "opacity", "color", "background-color", "font-size", "font-family",
  "font-weight", "font-style", "line-height", "text-transform", "text-align", "margin-top",
  "margin-bottom", "padding-top", "padding-left", "border-top-width", "border-top-style",
  "border-radius", "min-height",
];
const widgetStyles = (page, id) =>
  page.evaluate(
    ({ id, props }) => {
      const root = document.getElementById(id).shadowRoot;
      const pick = (el) => {
        const cs = getComputedStyle(el);
        const r = el.getBoundingClientRect();
        const o = Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
        return { ...o, boxW: Math.round(r.width * 10) / 10, boxH: Math.round(r.height * 10) / 10 };
      };
      const style = (el) => Object.fromEntries(props.map((p) => [p, getComputedStyle(el).getPropertyValue(p)]));
      const q = (s) => root.querySelector(s);
      return {
        root: style(q("[part=root]")),
        section: style(q("[part=section]")),
        headline: style(q("[part=headline]")),
        byline: style(q("[part=byline]")),
        date: style(q("[part=date]")),
        paragraphs: [...root.querySelectorAll("[part=body] p")].map(style),
        smaller: pick(q("[part=font-smaller]")),
        reset: pick(q("[part=font-reset]")),
        larger: pick(q("[part=font-larger]")),
        relatedPrev: pick(q("[part=related-prev]")),
      };
    },
    { id, props: WIDGET_PROPS },
  );

// Pages generated by openHostPage are fulfilled by Playwright, so Chromium counts them as public
// and would refuse their requests to the loopback CDN origin (Local Network Access). A partner page
// and CDN are both public in production; grant the permission so the test setup is not the blocker.
test.use({ permissions: ["local-network-access"] });

// ---------------------------------------------------------------- 1. plain page, lifecycle

test.describe("plain page", () => {
  test("three widgets render, one added later renders, one removed stops, two loader copies are harmless", async ({ page }) => {
    const errors = trackPageErrors(page);
    const events = await recordEvents(page);
    const requests = recordRequests(page);
    const failed = [];
    page.on("requestfailed", (r) => failed.push({ url: r.url(), error: r.failure()?.errorText }));

    await page.goto("/pages/plain.html");
    await expect(page.locator('script[src$="/news-widget.js"]'), "the page really has two loader copies").toHaveCount(2);

    // Two elements and one div render the seed headline, in their shadow roots.
    for (const id of ["a", "b", "c"]) await expect(headline(page, id)).toHaveText(seed.headline);
    expect(await page.evaluate(() => ["a", "b", "c"].map((id) => document.getElementById(id).shadowRoot?.mode))).toEqual(["open", "open", "open"]);
    // The light-DOM fallback is replaced visually by the shadow root.
    await expect(page.locator("#a > a")).toHaveText("fallback a");
    await expect(page.locator("#a > a")).toBeHidden();
    await expect(page.locator("#c > a")).toBeHidden();
    // The widget is not hidden with them: its headline is a real box.
    expect((await headline(page, "a").boundingBox()).height).toBeGreaterThan(20);

    // The hanging one shows its skeleton and counts as one request in flight.
    await expect(page.locator("#doomed [part=skeleton]")).toBeVisible();
    await expect.poll(() => stats(page)).toEqual({ widgets: 4, requests: 1 });

    // One more added later by the host's own script.
    await page.evaluate((src) => {
      const el = document.createElement("news-widget");
      el.id = "added";
      el.setAttribute("src", src);
      el.setAttribute("loading", "eager");
      document.body.append(el);
    }, SHORT);
    await expect(headline(page, "added")).toHaveText(short.headline);
    await expect.poll(() => stats(page)).toEqual({ widgets: 5, requests: 1 });

    // Removing the loading one unmounts it and aborts its fetch.
    await page.evaluate(() => document.getElementById("doomed").remove());
    await expect.poll(() => stats(page)).toEqual({ widgets: 4, requests: 0 });
    await expect.poll(() => failed.filter((f) => f.url.endsWith("/fault/hang")).map((f) => f.error)).toEqual(["net::ERR_ABORTED"]);

    // Each article was fetched once per widget (the loader's early fetch is adopted, not repeated).
    expect(requests.path(SEED)).toHaveLength(3);
    expect(requests.path("/fault/hang")).toHaveLength(1);
    expect(requests.path(SHORT)).toHaveLength(1);
    // Two loader copies, one wasm download, one glue download.
    expect(requests.matching(/\.wasm(\?|$)/)).toHaveLength(1);
    expect(requests.matching(/news-widget-[0-9a-f]+\.js$/)).toHaveLength(1);

    // No duplicate rendering: one root per shadow root, one load event per widget.
    expect(
      await page.evaluate(() =>
        ["a", "b", "c", "added"].map((id) => document.getElementById(id).shadowRoot.querySelectorAll("[part=root]").length),
      ),
    ).toEqual([1, 1, 1, 1]);
    expect((await events()).filter((e) => e.type === "load").map((e) => e.id).sort()).toEqual(["a", "added", "b", "c"]);
    errors.expectNone();
  });

  test("changing src on a live element (and data-src on a div) loads the new article", async ({ page }) => {
    const errors = trackPageErrors(page);
    const events = await recordEvents(page);
    await page.goto("/pages/plain.html");
    await expect(headline(page, "b")).toHaveText(seed.headline);
    await expect(headline(page, "c")).toHaveText(seed.headline);

    await page.evaluate((src) => document.getElementById("b").setAttribute("src", src), SHORT);
    await expect(headline(page, "b")).toHaveText(short.headline);
    await expect(page.locator("#b [part=body] p")).toHaveText(short.body.map((p) => p.text));
    await expect(page.locator("#b [part=related-item]")).toHaveCount(2);
    await expect(page.locator("#b [part=root]")).toHaveAttribute("lang", "en");

    await page.evaluate((src) => document.getElementById("c").setAttribute("data-src", src), SHORT);
    await expect(headline(page, "c")).toHaveText(short.headline);
    await expect(page.locator("#c [part=body] p")).toHaveCount(2);

    const loads = (await events()).filter((e) => e.type === "load");
    expect(loads.filter((e) => e.id === "b").map((e) => e.detail)).toEqual([
      { id: seed.id, headline: seed.headline },
      { id: short.id, headline: short.headline },
    ]);
    expect(loads.filter((e) => e.id === "c").map((e) => e.detail.id)).toEqual([seed.id, short.id]);
    errors.expectNone();
  });

  test("the article property renders without a fetch, and whichever of src/article was set last wins", async ({ page }) => {
    const errors = trackPageErrors(page);
    const events = await recordEvents(page);
    const fetches = [];
    page.on("request", (r) => r.resourceType() === "fetch" && fetches.push(new URL(r.url()).pathname + new URL(r.url()).search));
    const slow = []; // how the superseded /fault/slow request ended
    page.on("requestfinished", (r) => new URL(r.url()).pathname === "/fault/slow" && slow.push("finished"));
    page.on("requestfailed", (r) => new URL(r.url()).pathname === "/fault/slow" && slow.push("failed"));
    await page.goto("/pages/plain.html");
    await waitForArticle(page, "#a");
    await expect(headline(page, "c")).toHaveText(seed.headline);
    await expect.poll(() => stats(page)).toMatchObject({ requests: 1 }); // only #doomed still loading
    fetches.length = 0;

    const inline1 = { id: "inline-1", lang: "en", headline: "Inline one", body: [{ type: "paragraph", text: "First inline paragraph." }] };
    const inline2 = { id: "inline-2", lang: "en", headline: "Inline two", body: [{ type: "paragraph", text: "Second inline paragraph." }] };

    // article on a rendered element: shown, no request.
    await page.evaluate((a) => (document.getElementById("a").article = a), inline1);
    await expect(headline(page, "a")).toHaveText("Inline one");
    await expect(page.locator("#a [part=body] p")).toHaveText(["First inline paragraph."]);
    expect(await page.evaluate(() => document.getElementById("a").article.id)).toBe("inline-1");
    // ... and on the div twin.
    await page.evaluate((a) => (document.getElementById("c").article = a), inline2);
    await expect(headline(page, "c")).toHaveText("Inline two");
    expect(fetches, "assigning article must not fetch").toEqual([]);
    let loads = (await events()).filter((e) => e.type === "load");
    expect(loads.filter((e) => e.id === "a").at(-1).detail).toEqual({ id: "inline-1", headline: "Inline one" });
    expect(loads.filter((e) => e.id === "c").at(-1).detail).toEqual({ id: "inline-2", headline: "Inline two" });

    // src set after article: src wins.
    await page.evaluate((src) => document.getElementById("a").setAttribute("src", src), SHORT);
    await expect(headline(page, "a")).toHaveText(short.headline);
    expect(fetches).toEqual([SHORT]);

    // article set after src, while that src is still loading: article wins, the fetch is dropped.
    await page.evaluate((a) => {
      const el = document.getElementById("a");
      el.setAttribute("src", "/fault/slow?ms=1500");
      el.article = a;
    }, inline2);
    await expect(headline(page, "a")).toHaveText("Inline two");
    await expect.poll(() => stats(page)).toMatchObject({ requests: 1 }); // back to #doomed only
    // Once the slow request has ended either way, the article is still the one set last, and
    // the request ended by being aborted (not by delivering a stale answer).
    await expect.poll(() => slow.length).toBe(1);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await expect(headline(page, "a")).toHaveText("Inline two");
    expect(slow, "the superseded fetch is aborted").toEqual(["failed"]);
    loads = (await events()).filter((e) => e.type === "load" && e.id === "a");
    expect(loads.map((e) => e.detail.id)).toEqual([seed.id, "inline-1", short.id, "inline-2"]);
    errors.expectNone();
  });

  test("an article or src assigned by the host's own getter while an article is read wins over that article", async ({ page }) => {
    const errors = trackPageErrors(page);
    const events = await recordEvents(page);
    await page.goto("/pages/plain.html");
    await waitForArticle(page, "#a");
    await expect(headline(page, "c")).toHaveText(seed.headline);

    // JSON.stringify (how an inline article is read) runs this getter, which assigns a newer
    // article to the same element before the older one has been read.
    await page.evaluate(() => {
      const el = document.getElementById("a");
      const newer = { id: "newer", lang: "en", headline: "Newer", body: [{ type: "paragraph", text: "Set from a getter." }] };
      const older = { id: "older", lang: "en", body: [{ type: "paragraph", text: "Assigned first." }] };
      Object.defineProperty(older, "headline", { enumerable: true, get() { el.article = newer; return "Older"; } });
      el.article = older;
    });
    await expect(headline(page, "a")).toHaveText("Newer");
    await expect(page.locator("#a [part=body] p")).toHaveText(["Set from a getter."]);

    // The same with src: the getter sets it, and the fetched article is what stays.
    await page.evaluate((src) => {
      const el = document.getElementById("a");
      const older = { id: "older", lang: "en", body: [] };
      Object.defineProperty(older, "headline", { enumerable: true, get() { el.setAttribute("src", src); return "Older"; } });
      el.article = older;
    }, SHORT);
    await expect(headline(page, "a")).toHaveText(short.headline);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await expect(headline(page, "a")).toHaveText(short.headline);

    const loads = (await events()).filter((e) => e.type === "load");
    expect(loads.filter((e) => e.id === "a").map((e) => e.detail.id)).toEqual([seed.id, "newer", short.id]);
    errors.expectNone();
  });

  test("setting src again to the same URL after an article was assigned loads that URL (src set last wins)", async ({ page }) => {
    const errors = trackPageErrors(page);
    await page.goto("/pages/plain.html");
    for (const [id, attr] of [["c", "data-src"], ["a", "src"]]) {
      await waitForArticle(page, `#${id}`);
      await page.evaluate((id) => (document.getElementById(id).article = { headline: "Inline", body: [] }), id);
      await expect(headline(page, id)).toHaveText("Inline");
      await page.evaluate(([id, attr]) => {
        const el = document.getElementById(id);
        el.setAttribute(attr, el.getAttribute(attr));
      }, [id, attr]);
      await expect(headline(page, id), `#${id}: ${attr} set after article`).toHaveText(seed.headline);
    }
    errors.expectNone();
  });
});

// ---------------------------------------------------------------- many embedding forms

test("every embedding form: property before the loader, data- twins, nested div, added later, moved, attributes changed", async ({ page }) => {
  const errors = trackPageErrors(page);
  const events = await recordEvents(page);
  const requests = recordRequests(page);
  await page.goto("/pages/many-forms.html");

  // article given before the loader ran, on the element and on the div: rendered, nothing fetched.
  await expect(headline(page, "pre-article")).toHaveText("Inline article on the element");
  await expect(headline(page, "pre-div-article")).toHaveText("Inline article on the div");
  await expect(page.locator("#pre-article > a")).toBeHidden();

  // data-lang / data-heading-level on the div; lang / heading-level on the element.
  await expect(headline(page, "div-data")).toHaveText(short.headline);
  expect(await headline(page, "div-data").evaluate((h) => h.tagName)).toBe("H3");
  await expect(page.locator("#div-data [part=font-smaller]")).toHaveAccessibleName("A- Smaller text");
  await expect(headline(page, "el-attrs")).toHaveText(short.headline);
  expect(await headline(page, "el-attrs").evaluate((h) => h.tagName)).toBe("H4");
  await expect(page.locator("#el-attrs [part=font-smaller]")).toHaveAccessibleName("A- 縮小字級");
  await expect(headline(page, "nested")).toHaveText(seed.headline);
  await expect.poll(() => stats(page)).toEqual({ widgets: 5, requests: 0 });

  // A div inside a subtree the host inserts later (MutationObserver).
  await page.evaluate((src) => {
    const wrap = document.createElement("section");
    wrap.innerHTML = `<div><div id="later-div" data-news-widget data-loading="eager" data-src="${src}"></div></div>`;
    document.getElementById("later-slot").append(wrap);
  }, SHORT);
  await expect(headline(page, "later-div")).toHaveText(short.headline);
  await expect.poll(() => stats(page)).toEqual({ widgets: 6, requests: 0 });

  // Moving a rendered element within the page keeps it: no refetch, no second load, no remount.
  const before = requests.path(SHORT).length;
  await page.evaluate(() => document.getElementById("move-target").append(document.getElementById("el-attrs")));
  await expect(page.locator("#move-target > #el-attrs [part=headline]")).toHaveText(short.headline);
  await expect.poll(() => stats(page)).toEqual({ widgets: 6, requests: 0 });
  expect(requests.path(SHORT).length).toBe(before);

  // A live attribute change applies without reloading: lang=en switches the UI strings.
  await page.evaluate(() => document.getElementById("el-attrs").setAttribute("lang", "en"));
  await expect(page.locator("#el-attrs [part=font-smaller]")).toHaveAccessibleName("A- Smaller text");
  expect(requests.path(SHORT).length).toBe(before);

  // Removing a div (nested in its wrapper) unmounts it.
  await page.evaluate(() => document.querySelector("section:has(#nested)").remove());
  await expect.poll(() => stats(page)).toEqual({ widgets: 5, requests: 0 });

  const loads = (await events()).filter((e) => e.type === "load");
  expect(loads.map((e) => e.id).sort()).toEqual(["div-data", "el-attrs", "later-div", "nested", "pre-article", "pre-div-article"]);
  expect(requests.matching(/\.wasm$/)).toHaveLength(1);
  errors.expectNone();
});

// ---------------------------------------------------------------- 2. hostile page

test.describe("hostile page", () => {
  test("host CSS does not reach in: 16px visible paragraphs, 24px buttons, same styles as on a neutral page", async ({ page }) => {
    const errors = trackPageErrors(page);
    await page.goto("/pages/hostile.html");
    for (const id of ["hostile", "themed", "parted"]) await expect(headline(page, id)).toHaveText(seed.headline);

    // The hostile rules really are in force on the host page.
    const host = await page.evaluate(() => ({
      root: getComputedStyle(document.documentElement).fontSize,
      probeDisplay: getComputedStyle(document.getElementById("probe")).display,
      probeColor: getComputedStyle(document.getElementById("probe")).color,
      bootstrap: getComputedStyle(document.documentElement).getPropertyValue("--bs-blue").trim(),
    }));
    expect(host).toEqual({ root: "10px", probeDisplay: "none", probeColor: "rgb(255, 0, 0)", bootstrap: "#0d6efd" });

    // Body paragraphs: ~16px, displayed, visible, in the widget's own text colour.
    const paragraphs = page.locator("#hostile [part=body] p");
    expect(await paragraphs.count()).toBeGreaterThan(10);
    await expect(paragraphs.first()).toBeVisible();
    const ps = await paragraphs.evaluateAll((els) =>
      els.map((p) => {
        const cs = getComputedStyle(p);
        return { fontSize: parseFloat(cs.fontSize), display: cs.display, visibility: cs.visibility, color: cs.color, height: p.getBoundingClientRect().height };
      }),
    );
    for (const p of ps) {
      expect(p.fontSize).toBeGreaterThanOrEqual(15);
      expect(p.fontSize).toBeLessThanOrEqual(17);
      expect(p.display).toBe("block");
      expect(p.visibility).toBe("visible");
      expect(p.color).not.toBe("rgb(255, 0, 0)");
      expect(p.color).toBe("rgb(26, 26, 26)");
      expect(p.height).toBeGreaterThan(0);
    }

    // Text-size buttons: real buttons of at least 24x24 CSS px, not `all: unset`.
    for (const part of ["font-smaller", "font-reset", "font-larger"]) {
      const box = await page.locator(`#hostile [part=${part}]`).boundingBox();
      expect(box.width, part).toBeGreaterThanOrEqual(24);
      expect(box.height, part).toBeGreaterThanOrEqual(24);
      expect(await page.locator(`#hostile [part=${part}]`).evaluate((b) => getComputedStyle(b).cursor)).toBe("pointer");
    }

    // The widget looks exactly as on a neutral page without any host CSS.
    const hostile = await widgetStyles(page, "hostile");
    await openHostPage(page, hostPage(`<news-widget id="hostile" src="${SEED}" loading="eager"></news-widget>`), "/pages/__neutral.html");
    await waitForArticle(page, "#hostile");
    const neutral = await widgetStyles(page, "hostile");
    expect(hostile).toEqual(neutral);
    errors.expectNone();
  });

  test("widget CSS does not leak out: host probes have identical computed styles with and without the widget", async ({ page }) => {
    const errors = trackPageErrors(page);
    const probes = ["html", "body", ".container", "#probe-h", "#probe", "#probe-btn", "#probe-a", "#probe-div", "#probe-span"];
    const sheets = () =>
      page.evaluate(() => ({
        adopted: document.adoptedStyleSheets.length,
        sheets: [...document.styleSheets].map((s) => s.href || "inline:" + s.ownerNode.textContent.length),
        styleElements: document.querySelectorAll("style").length,
        styledAttrs: [...document.querySelectorAll("[style]")].map((e) => e.id || e.tagName),
      }));

    const response = await page.goto("/pages/hostile.html");
    const html = await response.text();
    for (const id of ["hostile", "themed", "parted"]) await waitForArticle(page, `#${id}`);
    // The loader's space reservation (an inline min-height) lasts until the whole article is in.
    await expect.poll(() => page.evaluate(() => document.querySelectorAll("news-widget[style]").length)).toBe(0);
    const withWidget = await computedStyles(page, probes);
    const sheetsWith = await sheets();

    await openHostPage(page, withoutLoader(html), "/pages/__hostile-without-widget.html");
    await expect(page.locator("#hostile > p > a")).toHaveCount(1); // the fallback, no widget
    expect(await page.evaluate(() => !!window.NewsWidget || !!customElements.get("news-widget"))).toBe(false);
    const withoutWidget = await computedStyles(page, probes);
    const sheetsWithout = await sheets();

    expect(Object.keys(withWidget["#probe"]).length).toBeGreaterThan(200); // really the full style
    // Every longhand of every probe is identical. The widget's ancestors are of course taller with
    // the widget's content inside them: only their height-derived values may differ.
    const tallerAncestor = ["height", "block-size", "perspective-origin", "transform-origin"];
    for (const sel of probes) {
      const strip = (style) =>
        Object.fromEntries(Object.entries(style).filter(([k]) => !(["html", "body", ".container"].includes(sel) && tallerAncestor.includes(k))));
      expect(strip(withWidget[sel]), sel).toEqual(strip(withoutWidget[sel]));
    }
    // Nothing added to the document's own styles (the widget's sheet lives in its shadow roots;
    // the loader's inline min-height while loading is the only style it puts on the host element).
    expect(sheetsWith).toEqual(sheetsWithout);
    expect(sheetsWith.adopted).toBe(0);
    errors.expectNone();
  });

  test("documented hooks work: --nw-bg / --nw-accent / --nw-text-color and ::part(headline)", async ({ page }) => {
    const errors = trackPageErrors(page);
    await page.goto("/pages/hostile.html");
    for (const id of ["hostile", "themed", "parted"]) await waitForArticle(page, `#${id}`);
    const look = (id) =>
      page.evaluate((id) => {
        const r = document.getElementById(id).shadowRoot;
        const cs = (s) => getComputedStyle(r.querySelector(s));
        return {
          bg: cs("[part=root]").backgroundColor,
          accent: cs("[part=section]").color,
          text: cs("[part=body] p").color,
          headlineBorder: cs("[part=headline]").borderBottomWidth + " " + cs("[part=headline]").borderBottomStyle + " " + cs("[part=headline]").borderBottomColor,
        };
      }, id);
    const plain = await look("hostile");
    const themed = await look("themed");
    const parted = await look("parted");
    expect(plain).toEqual({ bg: "rgb(255, 255, 255)", accent: "rgb(11, 87, 208)", text: "rgb(26, 26, 26)", headlineBorder: "0px none rgb(26, 26, 26)" });
    expect(themed).toMatchObject({ bg: "rgb(16, 32, 48)", accent: "rgb(255, 136, 0)", text: "rgb(240, 240, 240)" });
    expect(parted).toMatchObject({ bg: "rgb(255, 255, 255)", headlineBorder: "5px solid rgb(0, 128, 0)" });
    errors.expectNone();
  });
});

// ---------------------------------------------------------------- 3. strict CSP

test("strict CSP + Trusted Types page: renders with no violation and no error", async ({ page }) => {
  const errors = trackPageErrors(page);
  const events = await recordEvents(page);
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener(
      "securitypolicyviolation",
      (e) => window.__csp.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile }),
      true,
    );
  });
  const console_ = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Trusted Type|TrustedHTML|TrustedScript/i.test(m.text())) console_.push(m.text());
  });

  const response = await page.goto("/pages/csp-strict.html");
  expect(response.headers()["content-security-policy"]).toBe(
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; require-trusted-types-for 'script'",
  );
  // Each widget ends in load or error; report what the policy blocked before anything else.
  const settled = async () => (await events()).filter((e) => e.type === "load" || e.type === "error");
  await expect.poll(async () => (await settled()).map((e) => e.id).sort()).toEqual(["csp", "csp-div"]);
  expect(await page.evaluate(() => window.__csp), "CSP violations").toEqual([]);
  expect(console_, "CSP / Trusted Types console messages").toEqual([]);
  expect((await settled()).filter((e) => e.type === "error").map((e) => e.detail), "error events").toEqual([]);
  await expect(headline(page, "csp")).toHaveText(seed.headline);
  await expect(headline(page, "csp-div")).toHaveText(seed.headline);
  await expect(page.locator("#csp > a")).toBeHidden();
  // The adopted stylesheet is in force under style-src 'self' (16px base, 1.75em headline).
  const look = await page.evaluate(() => {
    const r = document.getElementById("csp").shadowRoot;
    return {
      headline: getComputedStyle(r.querySelector("[part=headline]")).fontSize,
      root: getComputedStyle(r.querySelector("[part=root]")).backgroundColor,
      adopted: r.adoptedStyleSheets.length,
      styleElements: r.querySelectorAll("style").length,
    };
  });
  expect(look).toEqual({ headline: "28px", root: "rgb(255, 255, 255)", adopted: 1, styleElements: 0 });
  // Images (same origin) loaded.
  await expect.poll(() => page.locator("#csp [part=hero] img").evaluate((i) => i.complete && i.naturalWidth > 0)).toBe(true);
  // Interaction works too (no inline style/handler needed): A+ changes the scale.
  await page.locator("#csp [part=font-larger]").click();
  await expect.poll(() => page.locator("#csp [part=root]").evaluate((r) => getComputedStyle(r).getPropertyValue("--nw-scale").trim())).toBe("1.125");
  await expect.poll(async () => (await events()).filter((e) => e.type === "fontsize").length).toBeGreaterThan(0);

  // The widget must not have installed a page-wide Trusted Types default policy to get there.
  expect(await page.evaluate(() => window.trustedTypes.defaultPolicy)).toBeNull();
  const violations = await page.evaluate(() => window.__csp);
  expect(violations, "CSP violations").toEqual([]);
  expect(console_, "CSP / Trusted Types console messages").toEqual([]);
  expect((await events()).filter((e) => e.type === "load").map((e) => e.id).sort()).toEqual(["csp", "csp-div"]);

  // Positive control: the detector does see violations on this page.
  await page.evaluate(() => {
    document.body.setAttribute("style", "outline: 1px solid red");
    try {
      document.createElement("div").innerHTML = "<b>x</b>";
    } catch {}
  });
  await expect.poll(() => page.evaluate(() => window.__csp.map((v) => v.directive).sort())).toEqual(["require-trusted-types-for", "style-src-attr"]);
  errors.expectNone();
});

// ---------------------------------------------------------------- 4. broken wasm

test("wasm 404: fallback children stay visible, news-widget:error {kind: network}, no uncaught error", async ({ page }) => {
  const errors = trackPageErrors(page);
  const events = await recordEvents(page);
  const wasm404 = [];
  page.on("response", (r) => r.url().endsWith(".wasm") && wasm404.push(r.status()));
  await page.goto("/pages/broken-wasm.html");

  await expect.poll(async () => (await events()).filter((e) => e.type === "error").map((e) => e.id).sort()).toEqual(["broken", "broken-div"]);
  expect(wasm404).toEqual([404]);
  for (const e of (await events()).filter((e) => e.type === "error")) {
    expect(e.detail.kind).toBe("network");
    expect(typeof e.detail.message).toBe("string");
    expect(e.detail.message.length).toBeGreaterThan(0);
    expect(e.bubbles).toBe(true);
    expect(e.composed).toBe(true);
  }
  // The fallback is what the reader sees: visible, with a real box.
  for (const id of ["fallback-broken", "fallback-broken-div"]) {
    await expect(page.locator(`#${id}`)).toBeVisible();
    const box = await page.locator(`#${id}`).boundingBox();
    expect(box.width).toBeGreaterThan(10);
    expect(box.height).toBeGreaterThan(5);
  }
  // Still so once everything has settled; no load event ever.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await expect(page.locator("#fallback-broken")).toBeVisible();
  expect((await events()).filter((e) => e.type === "load")).toEqual([]);
  errors.expectNone();
});

// ---------------------------------------------------------------- 5. deep path on another origin

test("loader on a deep path of another origin loads glue and wasm from that same path, wasm as application/wasm", async ({ page }) => {
  const errors = trackPageErrors(page);
  const responses = [];
  page.on("response", (r) => responses.push({ url: r.url(), status: r.status(), type: r.headers()["content-type"] }));
  await page.goto("/pages/plain.html");
  await waitForArticle(page, "#a");
  expect(new URL(CDN).origin).not.toBe(new URL(page.url()).origin);

  const glue = responses.filter((r) => /news-widget-[0-9a-f]+\.js$/.test(r.url));
  const wasm = responses.filter((r) => /\.wasm$/.test(r.url));
  expect(glue).toHaveLength(1);
  expect(wasm).toHaveLength(1);
  expect(glue[0].url.startsWith(CDN_DIR)).toBe(true);
  expect(glue[0].url.slice(CDN_DIR.length)).toMatch(/^news-widget-[0-9a-f]+\.js$/);
  expect(wasm[0].url.startsWith(CDN_DIR)).toBe(true);
  expect(wasm[0].url.slice(CDN_DIR.length)).toMatch(/^[\w-]+\.wasm$/);
  expect(wasm[0].status).toBe(200);
  expect(wasm[0].type.split(";")[0].trim()).toBe("application/wasm");
  // Nothing of the bundle was asked of the host origin.
  expect(responses.filter((r) => r.url.startsWith("http://127.0.0.1:4173/") && /news-widget|\.wasm/.test(r.url))).toEqual([]);
  errors.expectNone();
});

// ---------------------------------------------------------------- 6. globals

test("the only global the widget adds is NewsWidget", async ({ page }) => {
  const errors = trackPageErrors(page);
  const body = `<h1>Globals</h1>
<news-widget id="g1" src="${SEED}" loading="eager"></news-widget>
<div id="g2" data-news-widget data-src="${SHORT}" data-loading="eager"></div>`;
  const html = hostPage(body);
  const globals = () => page.evaluate(() => ({ keys: Object.keys(window), own: Object.getOwnPropertyNames(window) }));

  await openHostPage(page, html, "/pages/__globals-with.html");
  await waitForArticle(page, "#g1");
  await expect(headline(page, "g2")).toHaveText(short.headline);
  // Interact, so that lazily created state exists too.
  await page.locator("#g1 [part=font-larger]").click();
  await expect.poll(() => stats(page)).toEqual({ widgets: 2, requests: 0 });
  const withWidget = await globals();

  await openHostPage(page, withoutLoader(html), "/pages/__globals-without.html");
  await expect(page.locator("h1")).toHaveText("Globals");
  const withoutWidget = await globals();

  const added = (a, b) => a.filter((k) => !b.includes(k));
  expect(added(withWidget.keys, withoutWidget.keys)).toEqual(["NewsWidget"]);
  expect(added(withWidget.own, withoutWidget.own)).toEqual(["NewsWidget"]);
  expect(added(withoutWidget.own, withWidget.own)).toEqual([]);
  errors.expectNone();
});

// ---------------------------------------------------------------- 7. events

test("news-widget:load has detail {id, headline} from the JSON, bubbles and is composed", async ({ page }) => {
  const errors = trackPageErrors(page);
  const events = await recordEvents(page);
  // Also listen on the element itself and on an ancestor, to see the target and the bubbling path.
  await page.addInitScript(() => {
    window.__seen = [];
    const attach = new MutationObserver(() => {
      const a = document.getElementById("a");
      if (!a || !document.body) return;
      attach.disconnect();
      a.addEventListener("news-widget:load", (e) => window.__seen.push({ at: "element", target: e.target.id, phase: e.eventPhase }));
      document.body.addEventListener("news-widget:load", (e) => window.__seen.push({ at: "body", target: e.target.id }));
    });
    attach.observe(document, { childList: true, subtree: true });
  });
  await page.goto("/pages/plain.html");
  await expect.poll(async () => (await events()).filter((e) => e.type === "load").map((e) => e.id).sort()).toEqual(["a", "b", "c"]);
  for (const e of (await events()).filter((e) => e.type === "load")) {
    expect(e.detail).toEqual({ id: seed.id, headline: seed.headline });
    expect(e.bubbles).toBe(true);
    expect(e.composed).toBe(true);
  }
  const seen = await page.evaluate(() => window.__seen);
  expect(seen.filter((s) => s.at === "element")).toEqual([{ at: "element", target: "a", phase: 2 }]); // AT_TARGET
  expect(seen.filter((s) => s.at === "body").map((s) => s.target).sort()).toEqual(["a", "b", "c"]);
  // An article without id: id is null, headline still given.
  await page.evaluate(() => (document.getElementById("b").article = { headline: "No id here", body: [] }));
  await expect.poll(async () => (await events()).filter((e) => e.type === "load" && e.id === "b").at(-1).detail.headline).toBe("No id here");
  expect((await events()).filter((e) => e.type === "load" && e.id === "b").at(-1).detail.id ?? null).toBeNull();
  errors.expectNone();
});

// ---------------------------------------------------------------- 8. lazy loading

test.describe("lazy loading", () => {
  test("a lazy widget 5000px below the fold fetches nothing until scrolled near, then renders", async ({ page }) => {
    const errors = trackPageErrors(page);
    const events = await recordEvents(page);
    const requests = recordRequests(page);
    const body = `<news-widget id="top" src="${SHORT}" loading="eager"></news-widget>
<div id="spacer" style="height:5000px">host content</div>
<news-widget id="lazy" src="${SEED}"><a href="https://example.com/">fallback</a></news-widget>
<div style="height:2000px"></div>`;
    await openHostPage(page, hostPage(body), "/pages/__lazy-one.html");
    await waitForArticle(page, "#top"); // the wasm is up, so only the lazy start holds #lazy back
    expect(await settleObservers(page, "lazy")).toBe(false);
    expect(requests.path(SEED), "no article fetch while far away").toEqual([]);
    // The loader's placeholder root (a <slot> for the fallback) is there; the widget is not.
    expect(await page.evaluate(() => document.getElementById("lazy").shadowRoot.querySelector("[part=root]"))).toBeNull();
    expect(await stats(page)).toEqual({ widgets: 1, requests: 0 });

    // Scroll to 400px above it: within the loader's margin but not in view. It starts.
    await page.evaluate(() => {
      const el = document.getElementById("lazy");
      window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - window.innerHeight - 400);
    });
    await expect.poll(() => requests.path(SEED).length).toBe(1);
    expect(await page.evaluate(() => document.getElementById("lazy").getBoundingClientRect().top > window.innerHeight)).toBe(true);
    await page.evaluate(() => document.getElementById("lazy").scrollIntoView({ block: "start" }));
    await expect(headline(page, "lazy")).toHaveText(seed.headline);
    await expect(headline(page, "lazy")).toBeInViewport();
    expect((await events()).filter((e) => e.type === "load").map((e) => e.id)).toEqual(["top", "lazy"]);
    expect(requests.path(SEED)).toHaveLength(1);
    errors.expectNone();
  });

  test("with every widget lazy and far below the fold, not even the wasm is downloaded before scrolling", async ({ page }) => {
    const errors = trackPageErrors(page);
    const requests = recordRequests(page);
    const body = `<div style="height:5000px">host content</div>
<news-widget id="l1" src="${SEED}"></news-widget>
<div id="l2" data-news-widget data-src="${SHORT}"></div>`;
    await openHostPage(page, hostPage(body), "/pages/__lazy-all.html");
    await page.waitForFunction(() => !!window.NewsWidget && !!customElements.get("news-widget")); // the loader ran
    expect(await settleObservers(page, "l1")).toBe(false);
    expect(await settleObservers(page, "l2")).toBe(false);
    expect(requests.matching(/\.wasm$/), "no wasm before scrolling").toEqual([]);
    expect(requests.matching(/news-widget-[0-9a-f]+\.js$/), "no glue before scrolling").toEqual([]);
    expect(requests.path(SEED)).toEqual([]);
    expect(requests.path(SHORT)).toEqual([]);

    await page.locator("#l1").scrollIntoViewIfNeeded();
    await expect(headline(page, "l1")).toHaveText(seed.headline);
    await expect(headline(page, "l2")).toHaveText(short.headline);
    expect(requests.matching(/\.wasm$/)).toHaveLength(1);
    errors.expectNone();
  });
});

// ---------------------------------------------------------------- 9. height-hint

test("height-hint reserves its height from the moment the loader runs until the content arrives", async ({ page }) => {
  const errors = trackPageErrors(page);
  // Sample the element's box every frame from the moment the loader has run until the headline exists.
  await page.addInitScript(() => {
    window.__frames = [];
    const tick = () => {
      const el = document.getElementById("hh");
      if (el && window.NewsWidget) {
        const done = !!(el.shadowRoot && el.shadowRoot.querySelector("[part=headline]"));
        window.__frames.push({ h: el.getBoundingClientRect().height, skeleton: !!(el.shadowRoot && el.shadowRoot.querySelector("[part=skeleton]")), done });
        if (done) return;
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const body = `<news-widget id="hh" height-hint="1500px" src="/fault/slow?ms=3000" loading="eager"><a href="https://example.com/">fallback</a></news-widget>
<p id="after">host content after the widget</p>`;
  await openHostPage(page, hostPage(body), "/pages/__height-hint.html");

  // While the article is on its way (skeleton shown), the box is 1500px and the page below has not moved.
  await expect(page.locator("#hh [part=skeleton]")).toBeVisible();
  const during = await reservation(page, "hh");
  expect(during.headline).toBe(false);
  expect.soft(during.h, "box height while the skeleton shows").toBeGreaterThanOrEqual(1499);
  expect.soft(during.h, "box height while the skeleton shows").toBeLessThanOrEqual(1501);
  expect.soft(during.afterTop - during.top).toBeGreaterThanOrEqual(1499);

  await expect(headline(page, "hh")).toHaveText(seed.headline);
  const frames = await page.evaluate(() => window.__frames);
  const waiting = frames.filter((f) => !f.done);
  expect(waiting.length, "frames sampled before the content arrived").toBeGreaterThan(3);
  const off = waiting.filter((f) => Math.abs(f.h - 1500) > 1);
  expect
    .soft(
      [...new Set(off.map((f) => Math.round(f.h)))],
      `box heights other than 1500px between the loader's run and the content (${off.length} of ${waiting.length} frames)`,
    )
    .toEqual([]);
  expect(waiting.some((f) => f.skeleton)).toBe(true);
  errors.expectNone();
});

test("without height-hint a screen is reserved until the whole article is in, then released", async ({ page }) => {
  const errors = trackPageErrors(page);
  await page.setViewportSize({ width: 1000, height: 800 });
  const body = `<news-widget id="nh" src="/fault/slow?ms=2000" loading="eager"><a href="https://example.com/">fallback</a></news-widget>
<p id="after">host content after the widget</p>`;
  await openHostPage(page, hostPage(body), "/pages/__no-hint.html");
  await expect(page.locator("#nh [part=skeleton]")).toBeVisible();
  const during = await reservation(page, "nh");
  // max(36em, 100svh) at 800px high: the host's content below starts out of view.
  expect(during.h).toBeGreaterThanOrEqual(799);
  expect(during.afterTop).toBeGreaterThanOrEqual(800);
  // The loader's reservation and the skeleton's are the same value (two sources, one rule).
  expect(during.host).toBe(during.skeleton);

  const loaded = page.evaluate(
    () => new Promise((resolve) => document.getElementById("nh").addEventListener("news-widget:load", () => resolve(true), { once: true })),
  );
  await expect(headline(page, "nh")).toHaveText(seed.headline);
  await loaded;
  expect(await page.evaluate(() => document.getElementById("nh").style.minHeight)).toBe("");
  errors.expectNone();
});

test("an invalid height-hint counts as none for the loader and the widget alike (1.px, 1.2.3px)", async ({ page }) => {
  const errors = trackPageErrors(page);
  for (const hint of ["1.px", "1.2.3px"]) {
    const body = `<news-widget id="bad" height-hint="${hint}" src="/fault/slow?ms=1500" loading="eager"><a href="https://example.com/">fallback</a></news-widget>
<p id="after">host content after the widget</p>`;
    await openHostPage(page, hostPage(body), "/pages/__bad-hint.html");
    await expect(page.locator("#bad [part=skeleton]")).toBeVisible();
    const during = await reservation(page, "bad");
    // Both fall back to the default screen: the rule lives in the loader and in src/attributes.rs.
    expect(during.host, hint).toBe("max(36em, 100svh)");
    expect(during.skeleton, hint).toBe(during.host);
  }
  errors.expectNone();
});

test("without height-hint a failed load releases the screen it reserved", async ({ page }) => {
  const errors = trackPageErrors(page);
  const body = `<news-widget id="nf" src="/fault/404" loading="eager"><a href="https://example.com/">fallback</a></news-widget>`;
  await openHostPage(page, hostPage(body), "/pages/__no-hint-error.html");
  await expect(page.locator("#nf [part=error]")).toBeVisible();
  await expect.poll(() => page.evaluate(() => document.getElementById("nf").style.minHeight)).toBe("");
  errors.expectNone();
});
