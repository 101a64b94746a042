// Misuses in a React 19 host. Each marked line fails with exactly the code named.
export const A = () => <news-widget src="/a.json" theme="blue" />; // error TS2322 (light, dark, auto)
export const B = () => <news-widget src="/a.json" heading-level={7} />; // error TS2322 (1-6)
export const C = () => <news-widget src="/a.json" loading="soon" />; // error TS2322 (lazy, eager)
export const D = () => <news-widget src="/a.json" lang="fr" />; // error TS2322 (zh-TW, en)
export const E = () => <news-widget src="/a.json" onnews-widget:navigate={(e) => e.detail.href} />; // error TS2339 (url)
export const F = () => <news-widget src="/a.json" article={{ headline: "h", body: [] }} />; // error TS2322 (assign from a ref)
