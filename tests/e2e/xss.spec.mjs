// XSS proof (issue 6): an article with classic injection vectors in every text and URL field
// (tests/fixtures/xss.json) is rendered by URL and as an inline `article` object. Nothing may
// run, nothing active may be created, every link and image must be http(s), and the hostile
// strings must reach the reader as plain visible text.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { trackPageErrors, recordEvents, hostPage, openHostPage } from "./helpers.mjs";

const FIXTURE = JSON.parse(readFileSync(new URL("../fixtures/xss.json", import.meta.url), "utf8"));

/** Dialogs are dismissed and recorded, so one would fail the test rather than hang it. */
function trackDialogs(page) {
  const dialogs = [];
  page.on("dialog", (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  return dialogs;
}

const PAGE = hostPage(
  `<main>
     <news-widget id="by-src" src="/fixtures/xss.json" loading="eager"></news-widget>
     <news-widget id="inline" loading="eager"></news-widget>
   </main>`,
  {
    head: `<script>
      window.__navigations = [];
      addEventListener("news-widget:navigate", (e) => { window.__navigations.push(e.detail.url); e.preventDefault(); });
    </script>`,
  },
);

/** Everything the shadow root of `id` contains that could run code or leave the web schemes. */
function inspect(page, id) {
  return page.evaluate((id) => {
    const root = document.getElementById(id).shadowRoot;
    const all = [...root.querySelectorAll("*")];
    const parse = (value) => {
      try {
        return new URL(value, document.baseURI).protocol;
      } catch {
        return "unparsable:" + value;
      }
    };
    return {
      tags: [...new Set(all.map((e) => e.localName))].sort(),
      active: all
        .filter((e) => ["script", "iframe", "object", "embed", "frame", "svg", "math", "style", "link", "meta", "base", "form"].includes(e.localName))
        .map((e) => e.outerHTML.slice(0, 200)),
      eventAttributes: all.flatMap((e) =>
        [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.localName}[${a.name}]`),
      ),
      styleAttributes: all.filter((e) => e.hasAttribute("style") && e.getAttribute("part") !== "root").map((e) => e.localName),
      links: [...root.querySelectorAll("a")].map((a) => ({
        href: a.getAttribute("href"),
        protocol: a.hasAttribute("href") ? parse(a.getAttribute("href")) : null,
        propertyProtocol: a.protocol,
        rel: a.getAttribute("rel"),
        target: a.getAttribute("target"),
        text: a.textContent,
      })),
      images: [...root.querySelectorAll("img")].map((img) => ({
        src: img.getAttribute("src"),
        protocol: parse(img.getAttribute("src")),
        srcset: img.getAttribute("srcset"),
        alt: img.getAttribute("alt"),
      })),
      anySrc: all
        .filter((e) => e.localName !== "img" && (e.hasAttribute("src") || e.hasAttribute("srcdoc") || e.hasAttribute("action") || e.hasAttribute("formaction") || e.hasAttribute("xlink:href")))
        .map((e) => e.outerHTML.slice(0, 200)),
      text: root.textContent,
      headline: root.querySelector("[part=headline]")?.textContent,
      section: root.querySelector("[part=section]")?.textContent,
      byline: root.querySelector("[part=byline]")?.textContent,
      datetime: root.querySelector("[part=date]")?.getAttribute("datetime"),
      heroes: root.querySelectorAll("[part=hero]").length,
      captions: [...root.querySelectorAll("figcaption")].map((c) => c.textContent),
      paragraphs: [...root.querySelectorAll("[part=body] p")].map((p) => p.textContent),
      related: [...root.querySelectorAll("[part=related-item]")].map((c) => c.textContent),
      relatedLinks: root.querySelectorAll("[part=related-item] a").length,
    };
  }, id);
}

test.describe("hostile article content", () => {
  test("renders as inert text, by src and as an inline article object", async ({ page }) => {
    const pageErrors = trackPageErrors(page);
    const dialogs = trackDialogs(page);
    const events = await recordEvents(page);
    const requests = [];
    page.on("request", (r) => requests.push(r.url()));
    await openHostPage(page, PAGE, "/pages/__xss.html");
    await page.evaluate((article) => {
      document.getElementById("inline").article = article;
    }, FIXTURE);

    for (const id of ["by-src", "inline"]) {
      await expect(page.locator(`#${id} [part=headline]`)).toBeVisible();
    }
    // Both widgets rendered the article (not an error state).
    await expect.poll(async () => (await events()).filter((e) => e.type === "load").map((e) => e.id).sort()).toEqual(["by-src", "inline"]);
    expect((await events()).filter((e) => e.type === "error")).toEqual([]);

    for (const id of ["by-src", "inline"]) {
      const r = await inspect(page, id);

      // Nothing active was created from the data.
      expect(r.active, `${id}: active elements`).toEqual([]);
      expect(r.eventAttributes, `${id}: on* attributes`).toEqual([]);
      expect(r.anySrc, `${id}: other URL-bearing attributes`).toEqual([]);
      expect(r.styleAttributes, `${id}: inline styles from data`).toEqual([]);

      // Every link and image is http(s) once a browser parses it; external links are isolated.
      expect(r.links.length, `${id}: the safe links are kept`).toBeGreaterThanOrEqual(6);
      for (const link of r.links) {
        expect(link.protocol, `${id}: link ${JSON.stringify(link)}`).toMatch(/^https?:$/);
        expect(link.propertyProtocol, `${id}: link ${JSON.stringify(link)}`).toMatch(/^https?:$/);
        expect(link.href, "no tab or newline left in an href").not.toMatch(/[\t\n\r]/);
        expect((link.rel || "").split(/\s+/), `${id}: rel of ${link.href}`).toEqual(expect.arrayContaining(["noopener", "noreferrer"]));
        expect(link.target, `${id}: no target on ${link.href}`).toBeNull();
      }
      // The sponsored link keeps its label semantics.
      const sponsored = r.links.find((l) => l.href.startsWith("https://sponsor.example/"));
      expect(sponsored, `${id}: the sponsored http link survives`).toBeTruthy();
      expect(sponsored.rel.split(/\s+/)).toEqual(expect.arrayContaining(["sponsored", "noopener", "noreferrer"]));
      // Dropped hrefs leave their text behind, unlinked.
      for (const label of ["js-mixed-case", "js-tab", "js-newline", "js-control", "data-url", "data-mixed", "vbscript", "vbscript-tab"]) {
        expect(r.links.some((l) => l.text.includes(label)), `${id}: ${label} must not be a link`).toBe(false);
        expect(r.text, `${id}: ${label} stays as text`).toContain(label);
      }
      for (const label of ["target-trick", "protocol-relative", "backslashes", "https-no-slashes", "entity-scheme"]) {
        expect(r.links.some((l) => l.text.includes(label)), `${id}: ${label} is an http(s) link`).toBe(true);
      }

      expect(r.images.length, `${id}: the safe images are kept`).toBeGreaterThanOrEqual(2);
      for (const img of r.images) {
        expect(img.protocol, `${id}: img ${JSON.stringify(img)}`).toMatch(/^https?:$/);
        expect(img.srcset).toBeNull();
      }
      expect(r.heroes, `${id}: the javascript: hero is dropped, not shown`).toBe(0);

      // The hostile strings are visible text, exactly as written.
      expect(r.headline).toBe(FIXTURE.headline);
      expect(r.section).toBe(FIXTURE.articleSection);
      expect(r.byline).toBe(FIXTURE.byline);
      // Not a valid RFC 3339 value, so it is dropped: no <time>, nothing put in `datetime`.
      expect(FIXTURE.datePublished).toContain("<script>");
      expect(r.datetime).toBeUndefined();
      expect(r.captions).toContain(FIXTURE.body.find((b) => b.type === "image" && b.url.startsWith("..")).caption);
      expect(r.paragraphs).toContain(FIXTURE.body[0].text);
      expect(r.paragraphs).toContain(FIXTURE.body[1].text);
      for (const value of [
        FIXTURE.description,
        FIXTURE.body[3].text, // heading
        FIXTURE.body[5].text, // quote
        FIXTURE.body[5].cite,
        FIXTURE.body[6].content[0].text, // quote run
        FIXTURE.body[6].cite,
        FIXTURE.body[2].content[0].text, // strong run
        FIXTURE.body[4].content[0].text, // heading run with dropped href
        FIXTURE.body[10].text, // link block with vbscript url
        FIXTURE.body[11].text, // sponsored javascript link block
        FIXTURE.body[12].text,
        FIXTURE.body[13].text,
      ]) {
        expect(r.text, `${id}: text ${value}`).toContain(value);
      }
      expect(r.related).toHaveLength(FIXTURE.related.length);
      for (const [i, item] of FIXTURE.related.entries()) {
        expect(r.related[i]).toContain(item.headline);
        if (item.description) expect(r.related[i]).toContain(item.description);
      }
      const imgAlts = r.images.map((i) => i.alt);
      expect(imgAlts).toContain(FIXTURE.body.find((b) => b.type === "image" && b.url.startsWith("..")).alt);
    }
    await expect(page.locator("#by-src [part=headline]")).toHaveText(FIXTURE.headline);

    // Follow every link the way a reader would: the host takes the click (navigate is
    // cancelable), and nothing runs.
    const hrefs = await page.evaluate(() =>
      [...document.getElementById("by-src").shadowRoot.querySelectorAll("a")].map((a) => a.getAttribute("href")),
    );
    const links = page.locator("#by-src a");
    const count = await links.count();
    expect(count).toBe(hrefs.length);
    for (let i = 0; i < count; i++) {
      await links.nth(i).scrollIntoViewIfNeeded();
      await links.nth(i).click();
    }
    await expect.poll(() => page.evaluate(() => window.__navigations.length)).toBe(count);
    const navigations = await page.evaluate(() => window.__navigations);
    for (const url of navigations) expect(new URL(url, "http://127.0.0.1:4173/").protocol).toMatch(/^https?:$/);
    expect(page.url()).toContain("/pages/__xss.html");

    // No script ran anywhere: no marker, no dialog, no uncaught error, no request to a
    // hostile target (an <img src=x> would have requested /pages/x).
    expect(await page.evaluate(() => window.__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    pageErrors.expectNone();
    expect(requests.filter((u) => /\/x$|evil\.example|sponsor\.example|related\.example/.test(u))).toEqual([]);
    // Nothing leaked into the light DOM either.
    const light = await page.evaluate(() => ({
      scripts: [...document.querySelectorAll("script")].map((s) => s.src || "inline-test-script"),
      injected: document.querySelectorAll("body img, body svg, body iframe, body object, body embed, body style").length,
    }));
    expect(light.injected).toBe(0);
    expect(light.scripts.filter((s) => s !== "inline-test-script" && !s.endsWith("/news-widget.js"))).toEqual([]);
  });
});
