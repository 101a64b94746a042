//! The element contract of SPEC §1, seen from Rust: one [`Widget`] per `<news-widget>` (or
//! `div[data-news-widget]`), created and destroyed by the loader (`loader/news-widget.js`),
//! which owns the custom-element lifecycle, lazy start and the early fetch.
//!
//! Attributes read here (each also as a `data-` twin): `src`, `lang`, `theme`, `heading-level`,
//! `height-hint`. Parts, events and custom properties are listed in the README.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use std::sync::Arc;

use js_sys::Array;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{
    AbortController, CssStyleSheet, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode,
};

use crate::attributes::{parse_height_hint, HeadingLevel, HostAttributes, Theme};
use crate::components::{next_task, LoadState, WidgetView};
use crate::error::{FormatProblem, LoadError};
use crate::events;
use crate::fetch::InFlight;
use crate::i18n::Lang;
use crate::model::Article;
use crate::url;

/// The widget's stylesheet: `style/*.css`, minified by `build.rs`, adopted by each shadow root.
const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));

thread_local! {
    /// One constructable stylesheet shared by every instance (no `<style>` elements: CSP-safe).
    static SHEET: Option<CssStyleSheet> = CssStyleSheet::new().ok().filter(|s| s.replace_sync(CSS).is_ok());
    static LIVE: Cell<(u32, u32)> = const { Cell::new((0, 0)) };
}

/// Live widgets and requests in flight, for leak checks: `NewsWidget.stats()`.
#[wasm_bindgen]
pub fn stats() -> JsValue {
    let (widgets, requests) = LIVE.with(Cell::get);
    let detail = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&detail, &"widgets".into(), &widgets.into());
    let _ = js_sys::Reflect::set(&detail, &"requests".into(), &requests.into());
    detail.into()
}

fn count(widgets: i32, requests: i32) {
    LIVE.with(|live| {
        let (w, r) = live.get();
        live.set((
            w.saturating_add_signed(widgets),
            r.saturating_add_signed(requests),
        ));
    });
}

/// One widget. Dropping it (`free()` from JS) aborts its request and unmounts its view.
#[wasm_bindgen]
pub struct Widget {
    shared: Rc<Shared>,
}

/// What the loading logic and the view share.
struct Shared {
    host: HtmlElement,
    state: ArcRwSignal<LoadState>,
    attributes: ArcRwSignal<HostAttributes>,
    /// Bumped by every new load and by unmount, so a late answer for an old source is ignored.
    generation: Cell<u32>,
    in_flight: RefCell<Option<AbortController>>,
    source: RefCell<Source>,
    /// The article renders over several tasks; `news-widget:load` waits for the last one.
    complete: ArcRwSignal<bool>,
    /// The view, which mounts a task after construction.
    view: RefCell<View>,
}

/// Where the view is.
enum View {
    Pending,
    /// Unmounted when dropped.
    Mounted {
        _handle: Box<dyn Any>,
    },
    /// The shadow root would not take it ([`Shared::mount`]); the host has heard why.
    Failed,
}

/// Where the current article comes from, kept for retries.
#[derive(Clone)]
enum Source {
    Url(String),
    Inline(JsValue),
}

#[wasm_bindgen]
impl Widget {
    /// Starts loading `article` if it is an object, else `src` (adopting the loader's `prefetch`
    /// of it when there is one), and renders into `host`'s open shadow root a task later.
    #[wasm_bindgen(constructor)]
    pub fn new(host: HtmlElement, prefetch: JsValue, article: JsValue) -> Result<Widget, JsValue> {
        let shadow = match host.shadow_root() {
            Some(shadow) => shadow,
            None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
        };
        let container = mount_point()?;
        let shared = Rc::new(Shared {
            state: ArcRwSignal::new(LoadState::Loading),
            attributes: ArcRwSignal::new(read_attributes(&host)),
            host,
            generation: Cell::new(0),
            in_flight: RefCell::new(None),
            source: RefCell::new(Source::Inline(JsValue::UNDEFINED)),
            complete: ArcRwSignal::new(false),
            view: RefCell::new(View::Pending),
        });
        // The first mount is the costliest task of start-up (V8 compiles each wasm function on
        // its first call, and Leptos' are many), so it gets a task of its own, after this one
        // (instantiation, on the first load) and before the one that reads the document: its
        // timer is set before the load's below, so it fires first (BENCHMARKS.md, "Start-up in
        // tasks"). Until then the loader's fallback stays on show.
        let weak = Rc::downgrade(&shared);
        // Leptos' mount would set up its executor; these tasks come before it. Err: already set.
        let _ = any_spawner::Executor::init_wasm_bindgen();
        leptos::task::spawn_local(async move {
            next_task().await;
            if let Some(shared) = weak.upgrade() {
                shared.mount(&shadow, container);
            }
        });
        count(1, 0);
        let widget = Widget { shared };
        if article.is_object() {
            widget.show_article(article);
        } else {
            widget.shared.load_src(&prefetch);
        }
        Ok(widget)
    }

    /// The `src` attribute changed: load the article it names.
    pub fn load_src(&self) {
        self.shared.load_src(&JsValue::UNDEFINED);
    }

    /// The `article` property was assigned: render it without a fetch.
    pub fn show_article(&self, article: JsValue) {
        self.shared
            .load(Source::Inline(article), &JsValue::UNDEFINED);
    }

    /// `lang`, `theme`, `heading-level` or `height-hint` changed.
    pub fn refresh_attributes(&self) {
        let attributes = read_attributes(&self.shared.host);
        if self
            .shared
            .attributes
            .with_untracked(|current| *current != attributes)
        {
            self.shared.attributes.set(attributes);
        }
    }
}

impl Drop for Widget {
    fn drop(&mut self) {
        self.shared.abort();
        drop(self.shared.view.replace(View::Pending));
        count(-1, 0);
    }
}

impl Shared {
    /// Shows the view in place of whatever the shadow root held (the loader's fallback slot).
    fn mount(self: &Rc<Self>, shadow: &ShadowRoot, container: HtmlElement) {
        if show(shadow, &container).is_err() {
            // E.g. an element moved into another document, whose shadow roots cannot adopt this
            // one's stylesheet. As when the widget cannot start at all (the loader's `fail`):
            // the fallback stays and the host hears why, once.
            *self.view.borrow_mut() = View::Failed;
            self.abort();
            return events::failed(&self.host, &LoadError::Network, self.lang(None));
        }
        let weak = Rc::downgrade(self);
        let retry = move || {
            if let Some(shared) = weak.upgrade() {
                let source = shared.source.borrow().clone();
                shared.load(source, &JsValue::UNDEFINED);
            }
        };
        let (host, state, attributes, complete) = (
            self.host.clone(),
            self.state.clone(),
            self.attributes.clone(),
            self.complete.clone(),
        );
        let view = leptos::mount::mount_to(container, move || {
            view! { <WidgetView host state attributes page_lang=page_lang() retry complete /> }
        });
        *self.view.borrow_mut() = View::Mounted {
            _handle: Box::new(view),
        };
    }

    /// The language of the event messages: the element's `lang`, the article's, the page's.
    fn lang(&self, article_lang: Option<&str>) -> Lang {
        self.attributes.with_untracked(|a| {
            Lang::resolve(a.lang.as_deref(), article_lang, page_lang().as_deref())
        })
    }

    fn load_src(self: &Rc<Self>, prefetch: &JsValue) {
        if let Some(src) = attribute(&self.host, "src") {
            self.load(Source::Url(src), prefetch);
        }
    }

    fn load(self: &Rc<Self>, source: Source, prefetch: &JsValue) {
        self.abort();
        let generation = self.generation.get();
        *self.source.borrow_mut() = source.clone();
        let url = match source {
            Source::Inline(value) => {
                let result = parse_inline(&value);
                // `JSON.stringify` runs the host's getters and `toJSON`, which may assign
                // `article` or `src` again: that load is newer (it moved the generation on) and
                // has shown or fetched its own article, so this older one must not replace it.
                if self.generation.get() == generation {
                    self.finish(result);
                }
                return;
            }
            Source::Url(src) => resolve_src(&src),
        };
        let flight = match url {
            Some(url) => InFlight::adopt(prefetch, &url).map_or_else(|| InFlight::start(&url), Ok),
            None => Err(LoadError::Network),
        };
        let flight = match flight {
            Ok(flight) => flight,
            Err(error) => return self.finish(Err(error)),
        };
        self.state.set(LoadState::Loading);
        *self.in_flight.borrow_mut() = Some(flight.controller());
        let weak: Weak<Shared> = Rc::downgrade(self);
        count(0, 1);
        leptos::task::spawn_local(async move {
            // Reading and parsing, then rendering, each in a task of its own: on the first load
            // the mount's task comes just before them (its timer was set first, in `new`) and is
            // a long one already (V8 compiles each wasm function on its first call), and a
            // prefetched article has often arrived by then (BENCHMARKS.md, "Start-up in tasks").
            // Later loads merely wait a task longer.
            // A load superseded meanwhile has aborted this request: reading it fails at once.
            next_task().await;
            let result = flight.article().await;
            count(0, -1);
            next_task().await;
            match weak.upgrade() {
                Some(shared) if shared.generation.get() == generation => {
                    shared.in_flight.take();
                    shared.finish(result);
                }
                _ => {}
            }
        });
    }

    /// Aborts the request in flight, if any, and makes any answer still on its way stale.
    fn abort(&self) {
        self.generation.set(self.generation.get().wrapping_add(1));
        if let Some(controller) = self.in_flight.take() {
            controller.abort();
        }
    }

    fn finish(self: &Rc<Self>, result: Result<Article, LoadError>) {
        let lang = self.lang(result.as_ref().ok().and_then(|a| a.lang.as_deref()));
        self.complete.set(false);
        let state = match result {
            Ok(article) => LoadState::Ready(Arc::new(article)),
            Err(error) => LoadState::Failed(error),
        };
        self.state.set(state);
        // The host hears about it once the new state is in the DOM: the view mounted (a task
        // after construction), and for an article all of it (body slices and related stories
        // come in later tasks), so a host measuring on `load` gets the real height.
        let weak = Rc::downgrade(self);
        let generation = self.generation.get();
        leptos::task::spawn_local(async move {
            leptos::task::tick().await;
            let current =
                |weak: &Weak<Shared>| weak.upgrade().filter(|s| s.generation.get() == generation);
            loop {
                let Some(shared) = current(&weak) else { return };
                let mounted = match *shared.view.borrow() {
                    View::Pending => false,
                    View::Mounted { .. } => true,
                    View::Failed => return,
                };
                let ready = matches!(shared.state.get_untracked(), LoadState::Ready(_));
                if mounted && (!ready || shared.complete.get_untracked()) {
                    break;
                }
                drop(shared);
                next_task().await;
            }
            let Some(shared) = current(&weak) else { return };
            // A copy, not `with_untracked`: host listeners run inside the dispatch and may set
            // `src` or `article`, which writes this signal; a write while its lock is held would
            // trap the module (and every widget of the page with it).
            match shared.state.get_untracked() {
                LoadState::Ready(article) => events::loaded(&shared.host, &article),
                LoadState::Failed(error) => events::failed(&shared.host, &error, lang),
                LoadState::Loading => {}
            }
        });
    }
}

/// The element the view mounts into.
fn mount_point() -> Result<HtmlElement, JsValue> {
    let container: HtmlElement = document().create_element("div")?.unchecked_into();
    container.set_class_name("nw-mount");
    Ok(container)
}

/// Puts the stylesheet and `container` in place of what `shadow` held, in one task (so one
/// frame). The stylesheet goes first, through a setter that reports an error instead of throwing
/// it at the page: the one step that can fail (a shadow root of another document).
fn show(shadow: &ShadowRoot, container: &HtmlElement) -> Result<(), JsValue> {
    if let Some(sheet) = SHEET.with(Clone::clone) {
        js_sys::Reflect::set(shadow, &"adoptedStyleSheets".into(), &Array::of1(&sheet))?;
    }
    shadow.set_text_content(None);
    shadow.append_child(container)?;
    Ok(())
}

/// `src` resolves against the host page like any attribute URL, by the browser's own parser (so
/// it names the same URL the loader prefetched); only http(s) is fetched.
fn resolve_src(src: &str) -> Option<String> {
    let base = document().base_uri().ok().flatten()?;
    let url = web_sys::Url::new_with_base(src, &base).ok()?;
    url::is_web_url(&url.href()).then(|| url.href())
}

/// An `article` object as if it had been fetched (same parser, relative URLs against the page):
/// `JSON.stringify` first, so getters, `toJSON`, cycles and BigInts are resolved (or rejected)
/// by the browser, not here.
fn parse_inline(value: &JsValue) -> Result<Article, LoadError> {
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|text| text.as_string())
        .ok_or(FormatProblem::NotJson)
        .and_then(|text| Article::parse(text.as_bytes(), &base))
        .map_err(LoadError::Format)
}

/// An attribute or its `data-` twin (for `div[data-news-widget]`).
fn attribute(host: &HtmlElement, name: &str) -> Option<String> {
    host.get_attribute(name)
        .or_else(|| host.get_attribute(&["data-", name].concat()))
}

fn read_attributes(host: &HtmlElement) -> HostAttributes {
    HostAttributes {
        lang: attribute(host, "lang"),
        theme: Theme::parse(attribute(host, "theme").as_deref()),
        heading_level: HeadingLevel::parse(attribute(host, "heading-level").as_deref()),
        height_hint: parse_height_hint(attribute(host, "height-hint").as_deref()),
    }
}

fn page_lang() -> Option<String> {
    document()
        .document_element()
        .map(|root| root.get_attribute("lang").unwrap_or_default())
}
