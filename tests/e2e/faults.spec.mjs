// Faulty networks and unusable documents (SPEC §2/§4, issue 6): every fault endpoint of
// tests/server.mjs gives the right visible error state (localised message + retry button) and
// exactly one `news-widget:error` {kind, message, status?}; removal and `src` changes abort the
// fetch with no late render; and no uncaught exception reaches the page.
import { test, expect } from "@playwright/test";
import { SEED, trackPageErrors, hostPage, openHostPage } from "./helpers.mjs";

// The UI strings of src/i18n.rs, written out so a wrong or missing translation fails here.
const MESSAGES = {
  "zh-TW": {
    network: "無法連線到新聞來源,請檢查網路連線後再試一次。",
    http: (status) => `新聞來源回應錯誤,狀態碼 ${status}.`,
    format: "文章資料格式有誤,無法顯示。",
    tooLarge: "文章資料過大,無法顯示。",
    timeout: "載入時間過長,請稍後再試一次。",
    title: "無法載入文章",
    retry: "重新載入",
  },
  en: {
    network: "Could not reach the news source. Check your connection and try again.",
    http: (status) => `The news source answered with an error, status ${status}.`,
    format: "The article data is not in a format the widget can show.",
    tooLarge: "The article data is too large to show.",
    timeout: "The article took too long to load. Please try again.",
    title: "The article could not be loaded",
    retry: "Try again",
  },
};
const SEED_HEADLINE = "高雄與橘郡締結姊妹市,開啟台美智慧城市合作新篇章";

/**
 * Records every news-widget:* event with the Node-side time it happened (a binding, so a
 * timeout can be measured against the moment the request left the browser).
 */
async function recordTimedEvents(page) {
  const events = [];
  await page.exposeBinding("__nwRecord", (_source, event) => {
    events.push({ ...event, at: Date.now() });
  });
  await page.addInitScript(() => {
    for (const type of ["load", "error", "fontsize", "navigate"]) {
      window.addEventListener("news-widget:" + type, (e) =>
        window.__nwRecord({
          type,
          id: e.target && e.target.id,
          detail: JSON.parse(JSON.stringify(e.detail)),
          bubbles: e.bubbles,
          composed: e.composed,
        }),
      );
    }
  });
  return events;
}

/** Request start and failure times per URL path+query, from the browser's own network view. */
function trackRequests(page) {
  const started = [];
  const failed = [];
  const key = (request) => {
    const url = new URL(request.url());
    return url.pathname + url.search;
  };
  page.on("request", (r) => started.push({ key: key(r), url: r.url(), at: Date.now() }));
  page.on("requestfailed", (r) => failed.push({ key: key(r), error: r.failure()?.errorText, at: Date.now() }));
  return { started, failed, count: (k) => started.filter((r) => r.key === k).length };
}

const stats = (page) => page.evaluate(() => (window.NewsWidget && window.NewsWidget.stats ? window.NewsWidget.stats() : null));

/** The visible error state of widget `id`: message, heading and a working retry button. */
async function expectErrorState(page, id, message, lang) {
  const error = page.locator(`#${id} [part=error]`);
  await expect(error).toBeVisible();
  await expect(error).toContainText(MESSAGES[lang].title);
  await expect(error).toContainText(message);
  await expect(error.getByRole("button", { name: MESSAGES[lang].retry })).toBeVisible();
  await expect(error.getByRole("button", { name: MESSAGES[lang].retry })).toBeEnabled();
  await expect(page.locator(`#${id} [part=headline]`)).toHaveCount(0);
  await expect(page.locator(`#${id} [part=skeleton]`)).toHaveCount(0);
}

function errorsOf(events, id) {
  return events.filter((e) => e.id === id && e.type === "error");
}

test.describe("fault endpoints", () => {
  test("http, format and network failures: localised error state and one event each", async ({ page }) => {
    const pageErrors = trackPageErrors(page);
    const events = await recordTimedEvents(page);
    const cases = [
      { id: "f404", src: "/fault/404", kind: "http", status: 404, lang: "zh-TW" },
      { id: "f404en", src: "/fault/404?en", kind: "http", status: 404, lang: "en", attr: 'lang="en"' },
      { id: "f500", src: "/fault/500", kind: "http", status: 500, lang: "zh-TW" },
      { id: "invalid", src: "/fault/invalid", kind: "format", message: "format", lang: "zh-TW" },
      { id: "array", src: "/fault/array", kind: "format", message: "format", lang: "zh-TW" },
      { id: "noheadline", src: "/fault/no-headline", kind: "format", message: "format", lang: "zh-TW" },
      { id: "huge", src: "/fault/huge", kind: "format", message: "tooLarge", lang: "zh-TW" },
      { id: "hugeunannounced", src: "/fault/huge-unannounced", kind: "format", message: "tooLarge", lang: "zh-TW" },
      { id: "unreachable", src: "http://127.0.0.1:9/x.json", kind: "network", message: "network", lang: "zh-TW" },
    ];
    const widgets = cases
      .map((c) => `<news-widget id="${c.id}" src="${c.src}" loading="eager" ${c.attr || ""}><a href="https://example.com/">fallback ${c.id}</a></news-widget>`)
      .join("\n");
    // A control that answers late: once it has loaded, any duplicate or late event of the
    // others would have arrived too.
    await openHostPage(page, hostPage(`${widgets}\n<news-widget id="control" src="/fault/slow?ms=2500" loading="eager"></news-widget>`), "/pages/__faults.html");

    for (const c of cases) {
      const texts = MESSAGES[c.lang];
      const message = c.kind === "http" ? texts.http(c.status) : texts[c.message];
      await expectErrorState(page, c.id, message, c.lang);
      await expect.poll(() => errorsOf(events, c.id).length, `${c.id}: error event`).toBeGreaterThan(0);
      const [event] = errorsOf(events, c.id);
      const expected = { kind: c.kind, message };
      if (c.status) expected.status = c.status;
      expect(event.detail, c.id).toEqual(expected);
      expect(event.bubbles && event.composed, `${c.id}: bubbling, composed`).toBe(true);
    }
    await expect(page.locator("#control [part=headline]")).toHaveText(SEED_HEADLINE);
    await expect.poll(() => events.filter((e) => e.id === "control" && e.type === "load").length).toBe(1);
    for (const c of cases) {
      expect(errorsOf(events, c.id), `${c.id}: exactly one error event`).toHaveLength(1);
      expect(events.filter((e) => e.id === c.id && e.type === "load"), `${c.id}: no load event`).toEqual([]);
    }
    // The refused bodies were not downloaded to the end: the widget holds no request open.
    await expect.poll(() => stats(page)).toEqual({ widgets: cases.length + 1, requests: 0 });
    pageErrors.expectNone();
  });

  test("retry on a 500 fetches again and reports the second failure", async ({ page }) => {
    const pageErrors = trackPageErrors(page);
    const events = await recordTimedEvents(page);
    const requests = trackRequests(page);
    await openHostPage(page, hostPage(`<news-widget id="w" src="/fault/500" loading="eager"></news-widget>`), "/pages/__faults-retry.html");
    await expectErrorState(page, "w", MESSAGES["zh-TW"].http(500), "zh-TW");
    await expect.poll(() => errorsOf(events, "w").length).toBe(1);
    expect(requests.count("/fault/500")).toBe(1);

    await page.locator("#w [part=error]").getByRole("button", { name: MESSAGES["zh-TW"].retry }).click();
    await expect.poll(() => requests.count("/fault/500"), "retry refetches").toBe(2);
    await expect.poll(() => errorsOf(events, "w").length).toBe(2);
    expect(errorsOf(events, "w")[1].detail).toEqual({ kind: "http", message: MESSAGES["zh-TW"].http(500), status: 500 });
    await expectErrorState(page, "w", MESSAGES["zh-TW"].http(500), "zh-TW");

    // Retry from the keyboard works the same way.
    await page.locator("#w [part=error]").getByRole("button", { name: MESSAGES["zh-TW"].retry }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => requests.count("/fault/500")).toBe(3);
    await expect.poll(() => errorsOf(events, "w").length).toBe(3);
    await expect.poll(() => stats(page)).toEqual({ widgets: 1, requests: 0 });
    pageErrors.expectNone();
  });

  test("a server that never answers, and one that trickles, time out after ~10 s", async ({ page }) => {
    test.setTimeout(30_000);
    const pageErrors = trackPageErrors(page);
    const events = await recordTimedEvents(page);
    const requests = trackRequests(page);
    await openHostPage(
      page,
      hostPage(
        `<news-widget id="hang" src="/fault/hang" loading="eager"></news-widget>
         <news-widget id="trickle" src="/fault/trickle" loading="eager" lang="en"></news-widget>`,
      ),
      "/pages/__faults-timeout.html",
    );
    // The trickle sends the ~12 KB seed 64 bytes every 200 ms (~37 s): the 10 s limit covers
    // the body, so it must time out rather than render.
    for (const [id, src, lang] of [["hang", "/fault/hang", "zh-TW"], ["trickle", "/fault/trickle", "en"]]) {
      await expect.poll(() => errorsOf(events, id).length, { message: `${id}: timeout event`, timeout: 25_000 }).toBe(1);
      const [event] = errorsOf(events, id);
      expect(event.detail).toEqual({ kind: "timeout", message: MESSAGES[lang].timeout });
      const start = requests.started.find((r) => r.key === src);
      expect(start, `${id}: request seen`).toBeTruthy();
      const elapsed = event.at - start.at;
      expect(elapsed, `${id}: gave up after ${elapsed} ms`).toBeGreaterThanOrEqual(9_000);
      expect(elapsed, `${id}: gave up after ${elapsed} ms`).toBeLessThan(20_000);
      await expectErrorState(page, id, MESSAGES[lang].timeout, lang);
      // The request was aborted, not left open.
      await expect.poll(() => requests.failed.some((f) => f.key === src), `${id}: request aborted`).toBe(true);
    }
    expect(events.filter((e) => e.type === "load")).toEqual([]);
    await expect.poll(() => stats(page)).toEqual({ widgets: 2, requests: 0 });
    pageErrors.expectNone();
  });

  test("an element removed mid-fetch aborts it and never fires", async ({ page }) => {
    const pageErrors = trackPageErrors(page);
    const events = await recordTimedEvents(page);
    const requests = trackRequests(page);
    // `control` asks for the same slow answer with a longer delay: when it has loaded, the
    // removed widget's answer would have arrived long before.
    await openHostPage(
      page,
      hostPage(
        `<news-widget id="doomed" src="/fault/slow?ms=3000" loading="eager"></news-widget>
         <news-widget id="control" src="/fault/slow?ms=4500" loading="eager"></news-widget>`,
      ),
      "/pages/__faults-remove.html",
    );
    await expect.poll(() => stats(page)).toEqual({ widgets: 2, requests: 2 });
    const started = requests.started.find((r) => r.key === "/fault/slow?ms=3000");
    expect(started).toBeTruthy();
    // Mid-fetch: at least 500 ms in, and well before the 3 s answer.
    await page.waitForFunction((t) => Date.now() - t >= 500, started.at);
    await page.evaluate(() => {
      const el = document.getElementById("doomed");
      el.remove();
      window.__doomed = el; // keep it alive: a late render would have somewhere to go
    });
    await expect.poll(() => stats(page), "removal frees the widget and its request").toEqual({ widgets: 1, requests: 1 });
    await expect.poll(() => requests.failed.filter((f) => f.key === "/fault/slow?ms=3000").map((f) => f.error)).toEqual(["net::ERR_ABORTED"]);

    await expect(page.locator("#control [part=headline]")).toHaveText(SEED_HEADLINE);
    await expect.poll(() => stats(page)).toEqual({ widgets: 1, requests: 0 });
    expect(events.filter((e) => e.id === "doomed"), "no event from the removed widget").toEqual([]);
    // Nothing was rendered into the detached element either.
    const detached = await page.evaluate(() => ({
      headline: !!window.__doomed.shadowRoot?.querySelector("[part=headline]"),
      error: !!window.__doomed.shadowRoot?.querySelector("[part=error]"),
    }));
    expect(detached).toEqual({ headline: false, error: false });
    pageErrors.expectNone();
  });

  test("src switched mid-fetch renders the new article only", async ({ page }) => {
    const pageErrors = trackPageErrors(page);
    const events = await recordTimedEvents(page);
    const requests = trackRequests(page);
    await openHostPage(
      page,
      hostPage(
        `<news-widget id="w" src="/fault/slow?ms=3000" loading="eager"></news-widget>
         <news-widget id="clock" src="/fault/slow?ms=4000" loading="eager"></news-widget>`,
      ),
      "/pages/__faults-switch.html",
    );
    await expect.poll(() => stats(page)).toEqual({ widgets: 2, requests: 2 });
    await expect(page.locator("#w [part=skeleton]")).toBeVisible();
    // The new article differs from the abandoned one (the seed), so a late render would show.
    const NEW = "/fixtures/short-en.json";
    await page.evaluate((url) => document.getElementById("w").setAttribute("src", url), NEW);

    await expect(page.locator("#w [part=headline]")).toHaveText("Harbour city signs a sister-city pact");
    await expect.poll(() => requests.failed.filter((f) => f.key === "/fault/slow?ms=3000").map((f) => f.error)).toEqual(["net::ERR_ABORTED"]);
    // `clock` answers after 4 s: by then the abandoned 3 s answer would have rendered.
    await expect(page.locator("#clock [part=headline]")).toHaveText(SEED_HEADLINE);
    await expect.poll(() => stats(page)).toEqual({ widgets: 2, requests: 0 });
    await expect(page.locator("#w [part=headline]")).toHaveText("Harbour city signs a sister-city pact");
    const loads = events.filter((e) => e.id === "w" && e.type === "load");
    expect(loads, "one load, for the new src").toHaveLength(1);
    expect(loads[0].detail).toEqual({ id: "short-en-1", headline: "Harbour city signs a sister-city pact" });
    expect(errorsOf(events, "w")).toEqual([]);
    expect(requests.count(NEW)).toBe(1);
    pageErrors.expectNone();
  });
});

test("a host fetch wrapper that rejects with a string or resolves with a non-Response is a network error, not a trap", async ({ page }) => {
  // Analytics shims and mock layers wrap window.fetch; some reject with a plain value. The
  // widget's own requests (a new src here) must map that to the network error state; before the
  // fix, gloo-net's send hit `unreachable!` and trapped the module for every widget of the page.
  const pageErrors = trackPageErrors(page);
  const events = await recordTimedEvents(page);
  const body = `<news-widget id="w" src="${SEED}" loading="eager"></news-widget>
<news-widget id="other" src="${SEED}" loading="eager"></news-widget>
<script>
  const original = window.fetch;
  window.fetch = function (input, init) {
    const url = String(input && input.url ? input.url : input);
    if (url.includes("reject-with-string")) return Promise.reject("blocked by the host's shim");
    if (url.includes("resolve-with-object")) return Promise.resolve({ ok: true, status: 200 });
    return original.call(this, input, init);
  };
</script>`;
  await openHostPage(page, hostPage(body), "/pages/__fetch-wrapper.html");
  await expect(page.locator("#w [part=headline]")).toHaveText(SEED_HEADLINE);
  await expect(page.locator("#other [part=headline]")).toHaveText(SEED_HEADLINE);
  for (const bad of ["/articles/kaohsiung-orange-county.json?reject-with-string", "/articles/kaohsiung-orange-county.json?resolve-with-object"]) {
    const before = errorsOf(events, "w").length;
    await page.locator("#w").evaluate((el, src) => el.setAttribute("src", src), bad);
    await expectErrorState(page, "w", MESSAGES["zh-TW"].network, "zh-TW");
    await expect.poll(() => errorsOf(events, "w").length, bad).toBe(before + 1);
    expect(errorsOf(events, "w").at(-1).detail).toEqual({ kind: "network", message: MESSAGES["zh-TW"].network });
  }
  // The module still works for every widget: a real src renders again, here and in the other.
  await page.locator("#w").evaluate((el, src) => el.setAttribute("src", src + "?again"), SEED);
  await expect(page.locator("#w [part=headline]")).toHaveText(SEED_HEADLINE);
  await page.locator("#other").evaluate((el, src) => el.setAttribute("src", src + "?other"), SEED);
  await expect.poll(() => events.filter((e) => e.id === "other" && e.type === "load").length).toBe(2);
  pageErrors.expectNone();
});
