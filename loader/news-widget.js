/* news-widget loader — the one file partners link, under a stable name.
 *
 * It owns what must exist before any Wasm: the <news-widget> element and the
 * div[data-news-widget] twin, lazy start, and each widget's article fetch, which starts at the
 * same moment as the single Wasm download so the two waits overlap. Rendering, parsing, the
 * timeout/size/error rules and events live in Rust (src/embed.rs). Placeholders in __CAPS__ are
 * filled by tools/post-build.mjs with the content-hashed file names.
 * The only global is window.NewsWidget. */
(() => {
  const w = window;
  const d = document;
  if (w.NewsWidget) return; // included twice: the first copy does the work
  const base = (d.currentScript && d.currentScript.src) || d.baseURI;
  const asset = (name) => new URL(name, base).href;
  const ns = (w.NewsWidget = {});
  const ATTRS = ["src", "lang", "theme", "heading-level", "height-hint", "loading"];
  const live = new WeakMap(); // element -> { widget?, prefetch?, io? }
  const articles = new WeakMap(); // element -> article object, while it is newer than src
  let wasm;

  const attr = (el, name) => el.getAttribute(name) ?? el.getAttribute("data-" + name);

  // One module instance per page, however many widgets; fetched only when a widget starts.
  // The wasm download starts with the glue's, not after it (the glue accepts the pending
  // response and still compiles while streaming).
  const load = () => {
    if (!wasm) {
      const binary = fetch(asset("__WASM__"));
      binary.catch(() => {}); // reported through the init below
      wasm = import(asset("__GLUE__")).then(async (m) => {
        await m.default({ module_or_path: binary }); // each Widget mounts a task later
        ns.stats = m.stats;
        return m;
      });
    }
    return wasm;
  };

  // The widget could not start (wasm blocked, 404, no WebAssembly): the fallback children stay,
  // and the host hears why, in the page's language like every other error message.
  const fail = (el, s, error) => {
    s.failed = true;
    if (s.prefetch) s.prefetch.controller.abort();
    s.prefetch = null;
    const tag = [attr(el, "lang"), d.documentElement.lang].find((l) => /^(zh|en)\b/i.test(l || ""));
    const en = /^en/i.test(tag || "");
    el.dispatchEvent(
      new CustomEvent("news-widget:error", {
        bubbles: true,
        composed: true,
        detail: {
          kind: "network",
          message: en ? "The news widget could not start." : "新聞元件無法啟動。",
          cause: String(error),
        },
      }),
    );
  };

  // Same request the Rust side would make: no cookies, no custom headers, 10 s limit.
  const prefetch = (el, s) => {
    const src = attr(el, "src");
    if (s.prefetch) s.prefetch.controller.abort();
    s.prefetch = null;
    if (!src || articles.has(el)) return;
    let url;
    try {
      url = new URL(src, d.baseURI);
    } catch {
      return;
    }
    if (!/^https?:$/.test(url.protocol)) return;
    const controller = new AbortController();
    const signal = AbortSignal.any([controller.signal, AbortSignal.timeout(1e4)]);
    const response = fetch(url.href, { credentials: "omit", signal });
    response.catch(() => {}); // handled in Rust; never an unhandled rejection here
    s.prefetch = { url: url.href, response, controller };
  };

  const start = (el, s) => {
    s.started = true;
    // The time limit needs AbortSignal.any/timeout (Chrome 116, Safari 17.4, Firefox 124):
    // older browsers keep the fallback children rather than risk a fetch that never ends.
    if (!AbortSignal.any || !AbortSignal.timeout) return fail(el, s, "AbortSignal.any is not supported");
    prefetch(el, s);
    load().then(
      (m) => {
        if (live.get(el) !== s) return; // removed meanwhile
        try {
          s.widget = new m.Widget(el, s.prefetch, articles.get(el));
          s.prefetch = null;
        } catch (e) {
          fail(el, s, e);
        }
      },
      (e) => live.get(el) === s && fail(el, s, e),
    );
  };

  // Before any Wasm: an open shadow root that shows the fallback children through a <slot> and
  // makes the host a block, so height-hint reserves space from the start (an inline box ignores
  // min-height). The widget later renders into this same root.
  let hostSheet;
  const reserve = (el, s) => {
    try {
      if (!hostSheet) {
        hostSheet = new CSSStyleSheet();
        hostSheet.replaceSync(":host{display:block}");
      }
      // A fresh element, or one re-added after its widget was torn down: fallback only.
      const root = el.shadowRoot || el.attachShadow({ mode: "open" });
      root.adoptedStyleSheets = [hostSheet];
      root.replaceChildren(d.createElement("slot"));
    } catch {} // not a valid shadow host: the fallback simply stays as it is
    const hint = (attr(el, "height-hint") || "").trim();
    // Without a (valid) hint, a screen (DEFAULT_RESERVATION in src/attributes.rs): an article is
    // almost always taller, so the host's content below is out of view before it arrives.
    const valid = /^\d*\.?\d+(px|em|rem|vh|svh|lvh|dvh|ch|lh)$/.test(hint);
    // Released when the widget has something to show (or has failed), by this one owner.
    el.style.minHeight = valid ? hint : "max(36em, 100svh)";
    const release = (s.release = () => {
      el.style.removeProperty("min-height");
      if (!el.getAttribute("style")) el.removeAttribute("style"); // leave the element as it was
      el.removeEventListener("news-widget:load", release);
      el.removeEventListener("news-widget:error", release);
    });
    el.addEventListener("news-widget:load", release);
    el.addEventListener("news-widget:error", release);
  };

  const connect = (el) => {
    if (live.has(el)) return; // moved within the page: keep the running widget
    const s = {};
    live.set(el, s);
    reserve(el, s);
    if (attr(el, "loading") === "eager" || !w.IntersectionObserver) return start(el, s);
    // A margin so the article is usually ready by the time it scrolls into view.
    s.io = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        s.io.disconnect();
        s.io = null;
        start(el, s);
      },
      { rootMargin: "800px 0px" },
    );
    s.io.observe(el);
  };

  // Deferred, so that moving an element (remove + insert in one task) does not restart it.
  const disconnect = (el) =>
    queueMicrotask(() => {
      const s = live.get(el);
      if (!s || el.isConnected) return;
      live.delete(el);
      if (s.io) s.io.disconnect();
      if (s.release) s.release();
      if (s.prefetch) s.prefetch.controller.abort();
      if (s.widget) s.widget.free();
    });

  const changed = (el, name) => {
    const s = live.get(el);
    name = name.replace(/^data-/, "");
    if (name === "src") articles.delete(el); // src set last wins over article
    if (!s || !s.started || s.failed) return;
    if (!s.widget) {
      if (name === "src") prefetch(el, s);
    } else if (name === "src") s.widget.load_src();
    else s.widget.refresh_attributes();
  };

  const article = {
    get() {
      return articles.get(this);
    },
    set(value) {
      const s = live.get(this);
      // null/undefined clears the article, and `src` applies again: frameworks write it so when
      // their state has no article (Vue's `:article.prop`), and it must not render as one.
      if (value == null) {
        if (!articles.delete(this)) return;
        if (s && s.widget) s.widget.load_src();
        else if (s && s.started && !s.failed) prefetch(this, s);
        return;
      }
      articles.set(this, value); // article set last wins over src
      if (s && s.widget) s.widget.show_article(value);
      else if (s && s.prefetch) prefetch(this, s);
    },
  };

  if (!customElements.get("news-widget")) {
    class NewsWidgetElement extends HTMLElement {
      static observedAttributes = ATTRS;
      connectedCallback() {
        // A property set before this script ran shadows the accessor: move it over.
        if (Object.hasOwn(this, "article")) {
          const value = this.article;
          delete this.article;
          this.article = value;
        }
        connect(this);
      }
      disconnectedCallback() {
        disconnect(this);
      }
      attributeChangedCallback(name, old, value) {
        // The same src again still counts when an article was assigned since (last set wins).
        if (old !== value || (name === "src" && articles.has(this))) changed(this, name);
      }
    }
    Object.defineProperty(NewsWidgetElement.prototype, "article", article);
    customElements.define("news-widget", NewsWidgetElement);
  }

  // The div form for editors that strip unknown tags: upgraded now and whenever added later.
  const divs = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === "attributes") changed(r.target, r.attributeName);
      r.addedNodes.forEach((n) => n.nodeType === 1 && scan(n, upgrade));
      r.removedNodes.forEach((n) => n.nodeType === 1 && scan(n, disconnect));
    }
  });
  const upgrade = (div) => {
    if (live.has(div)) return;
    if (Object.getOwnPropertyDescriptor(div, "article")?.get !== article.get) {
      const value = div.article;
      delete div.article;
      Object.defineProperty(div, "article", { ...article, configurable: true });
      if (value !== undefined) div.article = value;
    }
    divs.observe(div, { attributeFilter: ATTRS.map((a) => "data-" + a) });
    connect(div);
  };
  const scan = (node, fn) => {
    if (node.matches("div[data-news-widget]")) fn(node);
    node.querySelectorAll("div[data-news-widget]").forEach(fn);
  };
  const init = () => {
    scan(d.documentElement, upgrade);
    divs.observe(d.documentElement, { childList: true, subtree: true });
  };
  if (d.readyState === "loading") d.addEventListener("DOMContentLoaded", init, { once: true });
  else init();
})();
