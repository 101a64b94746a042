// Misuses a partner's editor must flag. Each marked line fails with exactly the code named.
import type { NewsArticle, NewsWidgetPart, NewsWidgetCSSProperty } from "@news-widget/embed";

const el = document.createElement("news-widget");
el.article = { body: [] }; // error TS2741 (headline is required)
el.article = { headline: "h", body: [{ type: "video", url: "v.mp4" }] }; // error TS2322 (no such block)
el.article = { headline: "h", body: [{ type: "paragraph" }] }; // error TS2322 (text or content)
const noBody: NewsArticle = { headline: "h" }; // error TS2741 (body is required)
el.src = "/a.json"; // error TS2339 (src is an attribute, not a property)
el.addEventListener("news-widget:load", (e) => e.detail.url); // error TS2339 (load has id, headline)
el.addEventListener("news-widget:navigate", (e) => e.detail.href); // error TS2339 (navigate has url)
el.addEventListener("news-widget:error", (e) => { const k: "abort" = e.detail.kind; return k; }); // error TS2322 (four kinds)
el.addEventListener("news-widget:fontsize", (e) => { const s: string = e.detail.scale; return s; }); // error TS2322 (scale is a number)
document.addEventListener("news-widget:navigate", (e) => e.detail.href); // error TS2339 (on document too)
const part: NewsWidgetPart = "title"; // error TS2322 (not a part)
const prop: NewsWidgetCSSProperty = "--nw-color"; // error TS2322 (not a custom property)
console.log(noBody, part, prop);
