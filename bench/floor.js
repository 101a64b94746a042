// The floor of the benchmark (issue 7): the least a hand-written vanilla-JS widget must do to show
// the same article — one script, one fetch, createElement/textContent into an open shadow root.
// No framework, no wasm, no build step. Every widget figure in BENCHMARKS.md is also given as a
// ratio to this page's figure measured in the same run.
//
// For a like-for-like comparison it renders the same DOM shape with the same classes and `part`
// names as the widget, and bench/run.mjs serves it with the widget's own stylesheet (style/*.css)
// inlined below, so both lay out and paint the same boxes. It does what the widget does on the
// critical path — fetch with credentials "omit" and a 10 s timeout, drop non-http(s) URLs,
// height-hint, A- A A+ remembered in localStorage, carousel buttons — and nothing else (no error
// view, no events, no lazy start, no attribute changes).
(() => {
  const CSS = "" /*CSS*/;
  const SIZES = [0.875, 1, 1.125, 1.25, 1.5, 1.75, 2];
  const KEY = "news-floor:text-size";
  let sheet;

  const el = (tag, props, ...children) => {
    const e = document.createElement(tag);
    for (const k in props) {
      if (props[k] == null || props[k] === false) continue;
      if (k === "text") e.textContent = props[k];
      else if (k === "class") e.className = props[k];
      else e.setAttribute(k, props[k]);
    }
    for (const c of children) if (c) e.append(c);
    return e;
  };
  const web = (u, base) => {
    try {
      const url = new URL(u, base);
      return /^https?:$/.test(url.protocol) ? url.href : null;
    } catch {
      return null;
    }
  };
  const day = (iso) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || "");
    return m && `${+m[1]}年${+m[2]}月${+m[3]}日`;
  };
  const figure = (img, base, cls, lazy) =>
    img &&
    web(img.url, base) &&
    el(
      "figure",
      { class: "nw-" + cls, part: cls === "hero" ? "hero" : null },
      el("img", { src: web(img.url, base), alt: img.alt || "", width: img.width, height: img.height, loading: lazy ? "lazy" : "eager", decoding: "async" }),
      img.caption && el("figcaption", { text: img.caption }),
    );
  const runs = (block, base) => {
    if (typeof block.text === "string") return [document.createTextNode(block.text)];
    return (block.content || []).map((r) => {
      let node = document.createTextNode(r.text || "");
      const marks = r.marks || [];
      if (marks.includes("em")) node = el("em", {}, node);
      if (marks.includes("strong")) node = el("strong", {}, node);
      const href = r.href && web(r.href, base);
      return href ? el("a", { href, rel: "noopener noreferrer" }, node) : node;
    });
  };
  const block = (b, base) => {
    switch (b.type) {
      case "paragraph":
        return el("p", { class: "nw-p" }, ...runs(b, base));
      case "heading":
        return el("h3", { class: "nw-subheading" }, ...runs(b, base));
      case "quote":
        return el("blockquote", { class: "nw-quote" }, el("p", {}, ...runs(b, base)), b.cite && el("footer", { class: "nw-cite", text: b.cite }));
      case "image":
        return figure(b, base, "figure", true);
      case "link": {
        const href = web(b.url, base);
        return el(
          "p",
          { class: "nw-p nw-link-block" + (b.sponsored ? " nw-sponsored" : "") },
          b.sponsored && el("span", { class: "nw-sponsored-label", text: "贊助" }),
          href ? el("a", { href, rel: (b.sponsored ? "sponsored " : "") + "noopener noreferrer", text: b.text }) : b.text,
        );
      }
    }
  };

  const render = (host, a, base) => {
    let step = Math.max(0, SIZES.indexOf(Number(localStorage.getItem(KEY))));
    if (!localStorage.getItem(KEY)) step = 1;
    const root = el("div", { part: "root", class: "nw-root", lang: a.lang || "zh-TW", "data-theme": "auto" });
    const buttons = [
      ["font-smaller", "A-", "A- 縮小字級", (s) => Math.max(0, s - 1)],
      ["font-reset", "A", "A 預設字級", () => 1],
      ["font-larger", "A+", "A+ 放大字級", (s) => Math.min(SIZES.length - 1, s + 1)],
    ].map(([part, label, name, next]) => {
      const b = el("button", { type: "button", part, class: "nw-button", "aria-label": name, text: label });
      b.onclick = () => {
        if (next(step) !== step) apply(next(step), true);
      };
      return [b, next, part];
    });
    const apply = (s, store) => {
      step = s;
      root.style.setProperty("--nw-scale", SIZES[s]);
      for (const [b, next, part] of buttons) {
        if (part === "font-reset") b.setAttribute("aria-pressed", String(s === 1));
        else b.setAttribute("aria-disabled", String(next(s) === s));
      }
      if (store) localStorage.setItem(KEY, SIZES[s]);
    };
    apply(step, false);

    const body = el("div", { part: "body", class: "nw-body", "data-nosnippet": "" });
    const frag = document.createDocumentFragment();
    for (const b of a.body || []) {
      const node = block(b, base);
      if (node) frag.append(node);
    }
    body.append(frag);
    const date = day(a.datePublished);
    root.append(
      el(
        "article",
        { class: "nw-article", "aria-labelledby": "nw-headline" },
        el(
          "header",
          { class: "nw-header" },
          a.articleSection && el("p", { part: "section", class: "nw-section", text: a.articleSection }),
          el("h2", { part: "headline", class: "nw-headline", id: "nw-headline", text: a.headline }),
          a.description && el("p", { class: "nw-standfirst", text: a.description }),
          el(
            "div",
            { part: "meta", class: "nw-meta" },
            date && el("span", { class: "nw-date" }, "發布日期:", el("time", { part: "date", datetime: a.datePublished, text: date })),
            el("div", { part: "font-controls", class: "nw-text-size", role: "group", "aria-label": "字級" }, ...buttons.map((b) => b[0])),
            a.byline && el("span", { part: "byline", class: "nw-byline", text: a.byline }),
          ),
        ),
        figure(a.image, base, "hero", false),
        body,
      ),
    );
    if (a.related && a.related.length) {
      const track = el("div", { part: "related-track", class: "nw-track", tabindex: "0", role: "group", "aria-label": "相關新聞" });
      a.related.forEach((r, i) => {
        const href = web(r.url, base);
        track.append(
          el(
            "div",
            { part: "related-item", class: "nw-card", role: "group", "aria-roledescription": "slide", "aria-label": `${i + 1} / ${a.related.length}` },
            r.image && web(r.image.url, base) && el("img", { class: "nw-card-image", src: web(r.image.url, base), alt: "", width: r.image.width, height: r.image.height, loading: "lazy", decoding: "async" }),
            el("p", { class: "nw-card-title" }, href ? el("a", { class: "nw-card-link", href, rel: "noopener noreferrer", text: r.headline }) : r.headline),
            day(r.datePublished) && el("time", { class: "nw-card-date", datetime: r.datePublished, text: day(r.datePublished) }),
            r.description && el("p", { class: "nw-card-excerpt", text: r.description }),
          ),
        );
      });
      const nav = (part, label, text, dir) => {
        const b = el("button", { type: "button", part, class: "nw-button", "aria-label": label }, el("span", { "aria-hidden": "true", text }));
        b.onclick = () => track.scrollBy({ left: dir * track.clientWidth, behavior: "smooth" });
        return b;
      };
      root.append(
        el(
          "section",
          { part: "related", class: "nw-related", "aria-roledescription": "carousel", "aria-labelledby": "nw-related-heading" },
          el(
            "div",
            { class: "nw-related-head" },
            el("h3", { id: "nw-related-heading", class: "nw-related-heading", text: "相關新聞" }),
            el("div", { class: "nw-related-nav" }, nav("related-prev", "上一組相關新聞", "‹", -1), nav("related-next", "下一組相關新聞", "›", 1)),
          ),
          track,
        ),
      );
    }
    const shadow = host.shadowRoot || host.attachShadow({ mode: "open" });
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
    }
    shadow.adoptedStyleSheets = [sheet];
    shadow.replaceChildren(root);
    if (host.style.minHeight === host.getAttribute("height-hint")) host.style.minHeight = "";
  };

  const start = (host) => {
    // A block from the start (as the widget's loader makes its host), so the hint applies at once.
    host.style.display = "block";
    const hint = host.getAttribute("height-hint");
    if (hint) host.style.minHeight = hint;
    const url = new URL(host.getAttribute("src"), document.baseURI).href;
    fetch(url, { credentials: "omit", signal: AbortSignal.timeout(1e4) })
      .then((r) => {
        if (!r.ok) throw new Error("HTTP " + r.status);
        return r.json();
      })
      .then((a) => render(host, a, url))
      .catch((e) => console.error("news-floor:", e));
  };

  customElements.define(
    "news-floor",
    class extends HTMLElement {
      connectedCallback() {
        start(this);
      }
    },
  );
})();
