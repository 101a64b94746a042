// A Vue 3 host: the GlobalComponents entry as Vue's tooling reads it, and a render function.
import { h, type GlobalComponents } from "vue";
import type { NewsArticle, NewsWidgetVueProps } from "@news-widget/embed";

type Props = InstanceType<GlobalComponents["news-widget"]>["$props"];
declare const article: NewsArticle;
const props: Props = {
  src: "/a.json",
  lang: "zh-TW",
  theme: "auto",
  loading: "lazy",
  "height-hint": "80em",
  "heading-level": "2",
  article,
  "onNews-widget:navigate": (e) => e.preventDefault(),
  "onNews-widget:load": (e) => console.log(e.detail.headline),
  "onNews-widget:error": (e) => console.log(e.detail.kind),
  "onNews-widget:fontsize": (e) => console.log(e.detail.scale),
};
const same: NewsWidgetVueProps = props;
export const vnode = h("news-widget", { ...same, ".article": article });
