// Type declarations for news-widget, the embeddable news-article element
// (the public contract: SPEC.md; checked against it by tests/types/spec.test.mjs).
//
// Use from TypeScript with `import type {} from "@news-widget/embed"` (or a triple-slash
// reference to this file): it declares the article JSON v1, the element, its events, and the
// entries for `document.createElement`, `addEventListener`, React 19's JSX and Vue's
// GlobalComponents. The React and Vue entries augment those packages' own types, so a project
// without React or Vue installed compiles this file with `skipLibCheck` (the default of the
// React, Vue and Next.js templates).

// ---------------------------------------------------------------- article JSON, version 1

/** An inline run of a paragraph, heading or quote: text, optionally a link and marks. */
export interface NewsArticleRun {
  /** The run's text, shown as text (never parsed as HTML). */
  text: string;
  /** A link target; only `http:`/`https:` and relative URLs are used, others are dropped. */
  href?: string | null;
  /** Emphasis of the run. */
  marks?: ReadonlyArray<"strong" | "em"> | null;
}

/** Either plain `text` or inline `content` runs (links inside paragraphs). */
export type NewsArticleInline =
  | { /** Plain text. */ text: string; content?: never }
  | { /** Inline runs. */ content: ReadonlyArray<NewsArticleRun>; text?: never };

/** An image: of the article (hero), of a body block, or of a related story. */
export interface NewsArticleImage {
  /** The image URL (`http:`/`https:` or relative to the article JSON's own URL). */
  url: string;
  /** Alternative text. */
  alt?: string | null;
  /** Caption shown under the image, e.g. a photo credit. */
  caption?: string | null;
  /** Intrinsic width in px, so space is reserved before the image loads. */
  width?: number | null;
  /** Intrinsic height in px. */
  height?: number | null;
}

/** A body paragraph. */
export type NewsArticleParagraph = { type: "paragraph" } & NewsArticleInline;
/** A body sub-heading. */
export type NewsArticleHeading = { type: "heading" } & NewsArticleInline;
/** A body quotation, with its source. */
export type NewsArticleQuote = { type: "quote"; /** Who is quoted. */ cite?: string | null } & NewsArticleInline;
/** An image between paragraphs. */
export interface NewsArticleImageBlock extends NewsArticleImage {
  type: "image";
}
/** A standalone link; `sponsored` ones get `rel="sponsored"` and a visible label. */
export interface NewsArticleLinkBlock {
  type: "link";
  /** The link's text. */
  text: string;
  /** The link target. */
  url: string;
  /** A paid link. */
  sponsored?: boolean | null;
}

/** One block of the article body; unknown block types are ignored by the widget. */
export type NewsArticleBlock =
  | NewsArticleParagraph
  | NewsArticleHeading
  | NewsArticleImageBlock
  | NewsArticleQuote
  | NewsArticleLinkBlock;

/** The article's publisher. */
export interface NewsArticlePublisher {
  /** Publisher name. */
  name?: string | null;
  /** Publisher home page. */
  url?: string | null;
}

/** A related story of the carousel. */
export interface NewsArticleRelated {
  /** The story's headline. */
  headline: string;
  /** Where the story is. */
  url?: string | null;
  /** An excerpt. */
  description?: string | null;
  /** ISO 8601 date or date-time. */
  datePublished?: string | null;
  /** A thumbnail. */
  image?: NewsArticleImage | null;
}

/**
 * The article JSON, version 1 (field names after schema.org `NewsArticle`). Required:
 * `headline` and `body` (may be empty); everything else may be missing or `null`.
 */
export interface NewsArticle {
  /** Stable identifier, echoed in `news-widget:load`. */
  id?: string | null;
  /** The original article's URL. */
  url?: string | null;
  /** The article's language, e.g. `zh-TW`. */
  lang?: string | null;
  /** Section label. */
  articleSection?: string | null;
  /** The headline. */
  headline: string;
  /** Optional standfirst. */
  description?: string | null;
  /** ISO 8601; shown as the calendar day in the offset written in the value. */
  datePublished?: string | null;
  /** ISO 8601, same format. */
  dateModified?: string | null;
  /** Byline. */
  byline?: string | null;
  /** Publisher. */
  publisher?: NewsArticlePublisher | null;
  /** Hero image. */
  image?: NewsArticleImage | null;
  /** Body blocks, in order. */
  body: ReadonlyArray<NewsArticleBlock>;
  /** Related stories for the carousel. */
  related?: ReadonlyArray<NewsArticleRelated> | null;
}

// ---------------------------------------------------------------- attributes

/** UI language (strings and date format). */
export type NewsWidgetLang = "zh-TW" | "en";
/** Colour theme; `auto` follows `prefers-color-scheme`. */
export type NewsWidgetTheme = "light" | "dark" | "auto";
/** When the widget starts: near the viewport, or at once. */
export type NewsWidgetLoading = "lazy" | "eager";
/** The headline's level in the host's outline. */
export type NewsWidgetHeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

/** The element's attributes (the `div[data-news-widget]` form has `data-` twins of each). */
export interface NewsWidgetAttributes {
  /** URL of the article JSON, resolved against the host page. Required unless `article` is set. */
  src?: string;
  /** UI language. Default: the article's `lang`, else the page's, else `zh-TW`. */
  lang?: NewsWidgetLang;
  /** Colour theme. Default `auto`. */
  theme?: NewsWidgetTheme;
  /** Start near the viewport (`lazy`, default) or at once (`eager`). */
  loading?: NewsWidgetLoading;
  /** CSS length reserved before content arrives, e.g. `1200px`. Default one screen. */
  "height-hint"?: string;
  /** `1`–`6`: the headline's level in the host's outline. Default `2`. */
  "heading-level"?: NewsWidgetHeadingLevel | `${NewsWidgetHeadingLevel}`;
}

/** The `div[data-news-widget]` form's attributes, for editors that strip unknown tags. */
export type NewsWidgetDataAttributes = { "data-news-widget"?: "" | true } & {
  [K in keyof NewsWidgetAttributes as `data-${K}`]?: NewsWidgetAttributes[K];
};

// ---------------------------------------------------------------- events

/** `news-widget:load`: the article is rendered. */
export interface NewsWidgetLoadDetail {
  /** The article's `id`, or `null` when it has none. */
  id: string | null;
  /** The article's headline. */
  headline: string;
}

/** What failed: the request, the HTTP status, the document, or the 10 s limit. */
export type NewsWidgetErrorKind = "network" | "http" | "format" | "timeout";

/** `news-widget:error`: the article could not be shown (or the widget could not start). */
export interface NewsWidgetErrorDetail {
  /** What failed. */
  kind: NewsWidgetErrorKind;
  /** The localised message the reader sees. */
  message: string;
  /** The HTTP status, for `kind: "http"`. */
  status?: number;
  /** When the widget cannot start at all (WebAssembly blocked or missing): the browser's reason. */
  cause?: string;
}

/** Index of the seven text sizes 87.5%, 100%, 112.5%, 125%, 150%, 175%, 200% (1 = 100%). */
export type NewsWidgetFontStep = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** `news-widget:fontsize`: the reader changed the text size. */
export interface NewsWidgetFontSizeDetail {
  /** 0–6, the size's index. */
  step: NewsWidgetFontStep;
  /** The factor, e.g. `1.125`. */
  scale: number;
}

/** `news-widget:navigate` (cancelable): the reader follows a link out of the widget. */
export interface NewsWidgetNavigateDetail {
  /** The absolute URL about to be opened. */
  url: string;
}

/** Every event the element dispatches (bubbling, composed), by name. */
export interface NewsWidgetEventMap {
  /** The article is rendered. */
  "news-widget:load": CustomEvent<NewsWidgetLoadDetail>;
  /** The article could not be shown, or the widget could not start. */
  "news-widget:error": CustomEvent<NewsWidgetErrorDetail>;
  /** The reader changed the text size. */
  "news-widget:fontsize": CustomEvent<NewsWidgetFontSizeDetail>;
  /** Before a link out is followed; `preventDefault()` lets a host router take it. */
  "news-widget:navigate": CustomEvent<NewsWidgetNavigateDetail>;
}

// ---------------------------------------------------------------- styling hooks

/** The `part` names, for `news-widget::part(...)`. */
export type NewsWidgetPart =
  | "root" | "section" | "headline" | "meta" | "byline" | "date" | "hero" | "body"
  | "font-controls" | "font-smaller" | "font-reset" | "font-larger"
  | "related" | "related-track" | "related-item" | "related-prev" | "related-next"
  | "error" | "skeleton";

/**
 * The CSS custom properties read on the element. `--nw-font-size` (the base size, default
 * `medium`) is documented in the README beyond SPEC's list.
 */
export type NewsWidgetCSSProperty =
  | "--nw-font-family" | "--nw-text-color" | "--nw-bg" | "--nw-accent" | "--nw-radius"
  | "--nw-max-width" | "--nw-font-size";

// ---------------------------------------------------------------- the element

/** `<news-widget>` (and a `div[data-news-widget]` once the loader upgraded it). */
export interface NewsWidgetElement extends HTMLElement {
  /**
   * An article object to render without a fetch; whichever of `src` and `article` was set
   * last wins. Reads back the object while it is the newer of the two, else `undefined`.
   */
  article: NewsArticle | undefined;
  addEventListener<K extends keyof NewsWidgetEventMap>(type: K, listener: (this: NewsWidgetElement, ev: NewsWidgetEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (this: NewsWidgetElement, ev: HTMLElementEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof NewsWidgetEventMap>(type: K, listener: (this: NewsWidgetElement, ev: NewsWidgetEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (this: NewsWidgetElement, ev: HTMLElementEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** Live widgets and requests in flight, from `NewsWidget.stats()` (for leak checks). */
export interface NewsWidgetStats {
  /** Widgets alive on the page. */
  widgets: number;
  /** Article requests in flight. */
  requests: number;
}

/** `window.NewsWidget`, the loader's one global. */
export interface NewsWidgetGlobal {
  /** Counters for leak checks; present once the first widget has started its WebAssembly. */
  stats?: () => NewsWidgetStats;
}

declare global {
  interface HTMLElementTagNameMap {
    "news-widget": NewsWidgetElement;
  }
  // The events bubble and are composed: a listener on any ancestor (document, window) gets them.
  interface HTMLElementEventMap extends NewsWidgetEventMap {}
  interface DocumentEventMap extends NewsWidgetEventMap {}
  interface WindowEventMap extends NewsWidgetEventMap {}
  interface Window {
    /** The news-widget loader's namespace (absent until the loader has run). */
    NewsWidget?: NewsWidgetGlobal;
  }
}

// ---------------------------------------------------------------- frameworks

/**
 * React 19 props of `<news-widget>`: the attributes, and `on<event name>` handlers, which
 * React 19 adds with `addEventListener` on custom elements. `article` is not among them: React
 * sets it as a property only if the element is already defined when it renders (with the
 * `async` loader it may not be, and React then writes the string `[object Object]` into an
 * attribute); assign it from a ref instead, which works in either order.
 */
export type NewsWidgetReactProps = import("react").DetailedHTMLProps<import("react").HTMLAttributes<NewsWidgetElement>, NewsWidgetElement> &
  NewsWidgetAttributes & {
    [K in keyof NewsWidgetEventMap as `on${K}`]?: (event: NewsWidgetEventMap[K]) => void;
  };

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "news-widget": NewsWidgetReactProps;
    }
  }
}

/**
 * Vue 3 props of `<news-widget>` (with `compilerOptions.isCustomElement` for the tag):
 * the attributes, `article` (bind it as a property, `:article.prop`, which works before the
 * loader has defined the element), and the events as `@news-widget:navigate` and so on.
 */
export type NewsWidgetVueProps = NewsWidgetAttributes & {
  /** The article object; bind with `.prop`. */
  article?: NewsArticle;
} & {
  [K in keyof NewsWidgetEventMap as `on${Capitalize<K>}`]?: (event: NewsWidgetEventMap[K]) => void;
};

declare module "vue" {
  interface GlobalComponents {
    "news-widget": import("vue").DefineComponent<NewsWidgetVueProps>;
  }
}
