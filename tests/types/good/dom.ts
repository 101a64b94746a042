// A plain TypeScript host: every DOM-side declaration, used as a partner would.
import type {
  NewsArticle, NewsArticleBlock, NewsWidgetElement, NewsWidgetErrorDetail, NewsWidgetEventMap,
  NewsWidgetLoadDetail, NewsWidgetFontSizeDetail, NewsWidgetNavigateDetail, NewsWidgetPart,
  NewsWidgetCSSProperty, NewsWidgetDataAttributes, NewsWidgetStats,
} from "@news-widget/embed";

const blocks: NewsArticleBlock[] = [
  { type: "paragraph", text: "plain" },
  { type: "paragraph", content: [{ text: "see " }, { text: "this", href: "https://example.com", marks: ["strong"] }] },
  { type: "heading", text: "h" },
  { type: "image", url: "a.jpg", alt: "a", caption: "c", width: 1200, height: 675 },
  { type: "quote", text: "q", cite: "who" },
  { type: "link", text: "ad", url: "https://example.com", sponsored: true },
];
const article: NewsArticle = {
  id: "a", url: "https://example.com/a", lang: "en", articleSection: "s", headline: "H",
  description: null, datePublished: "2025-04-16T09:00:00+08:00", dateModified: null, byline: "b",
  publisher: { name: "p", url: "https://example.com" }, image: { url: "h.jpg", alt: "" },
  body: blocks,
  related: [{ headline: "r", url: "https://example.com/r", description: "d", datePublished: "2025-04-16", image: { url: "r.jpg" } }],
};

// HTMLElementTagNameMap: createElement and querySelector know the element.
const el: NewsWidgetElement = document.createElement("news-widget");
el.setAttribute("src", "/a.json");
el.article = article;
const back: NewsArticle | undefined = document.querySelector("news-widget")?.article;

// The element's own addEventListener overloads, and HTMLElementEventMap on any element.
el.addEventListener("news-widget:load", (e) => {
  const d: NewsWidgetLoadDetail = e.detail;
  console.log(d.id?.toUpperCase(), d.headline.length, e.target === el);
});
el.addEventListener("news-widget:error", (e) => {
  const d: NewsWidgetErrorDetail = e.detail;
  if (d.kind === "http") console.log(d.status?.toFixed(0), d.message);
  if (d.cause !== undefined) console.log(d.cause.trim());
});
document.body.addEventListener("news-widget:fontsize", (e) => {
  const d: NewsWidgetFontSizeDetail = e.detail;
  console.log(d.step + 1, d.scale * 2);
});
// Bubbling and composed: document and window listeners are typed too.
document.addEventListener("news-widget:navigate", (e) => {
  const d: NewsWidgetNavigateDetail = e.detail;
  if (new URL(d.url).origin === location.origin) e.preventDefault();
});
window.addEventListener("news-widget:load", (e) => console.log(e.detail.headline));
const names: (keyof NewsWidgetEventMap)[] = ["news-widget:load", "news-widget:error", "news-widget:fontsize", "news-widget:navigate"];

// Styling hooks as typed names.
const part: NewsWidgetPart = "headline";
const prop: NewsWidgetCSSProperty = "--nw-accent";
el.style.setProperty(prop, "#8a1c1c");
console.log(el.shadowRoot?.querySelector(`[part=${part}]`), names, back);

// The div form's attributes, and the one global.
const data: NewsWidgetDataAttributes = { "data-news-widget": "", "data-src": "/a.json", "data-theme": "dark", "data-heading-level": "3" };
const div = document.createElement("div");
for (const [k, v] of Object.entries(data)) div.setAttribute(k, String(v));
const stats: NewsWidgetStats | undefined = window.NewsWidget?.stats?.();
console.log(stats?.widgets, stats?.requests);
