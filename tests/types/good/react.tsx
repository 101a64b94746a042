// A React 19 host: the JSX entry with every attribute and every event prop.
import { useRef } from "react";
import type { NewsArticle, NewsWidgetElement } from "@news-widget/embed";

export function Story({ src, article, go }: { src: string; article?: NewsArticle; go: (url: string) => void }) {
  const ref = useRef<NewsWidgetElement>(null);
  return (
    <news-widget
      ref={(el) => {
        if (el && article) el.article = article;
      }}
      src={src}
      lang="en"
      theme="dark"
      loading="eager"
      height-hint="1200px"
      heading-level={3}
      className="story"
      onnews-widget:load={(e) => console.log(e.detail.id, e.detail.headline, ref.current?.article)}
      onnews-widget:error={(e) => console.log(e.detail.kind, e.detail.message, e.detail.status)}
      onnews-widget:fontsize={(e) => console.log(e.detail.step, e.detail.scale)}
      onnews-widget:navigate={(e) => {
        e.preventDefault();
        go(e.detail.url);
      }}
    >
      <a href="https://example.com/news">fallback</a>
    </news-widget>
  );
}

export const Div = () => <div data-news-widget="" data-src="/a.json" data-lang="zh-TW" data-loading="lazy" />;
