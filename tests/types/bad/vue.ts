// Misuses in a Vue 3 host. Each marked line fails with exactly the code named.
import type { GlobalComponents } from "vue";

type Props = InstanceType<GlobalComponents["news-widget"]>["$props"];
export const a: Props = { theme: "blue" }; // error TS2322 (light, dark, auto)
export const b: Props = { "onNews-widget:load": (e) => e.detail.url }; // error TS2339 (id, headline)
