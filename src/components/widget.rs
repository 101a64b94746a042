use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, MouseEvent, ShadowRoot};

use super::article::Content;
use super::dom::{fill, keep_until_cleanup, Listener};
use super::error_view::error_view;
use super::skeleton::skeleton;
use super::LoadState;
use crate::attributes::{HeadingLevel, HostAttributes, DEFAULT_RESERVATION};
use crate::events;
use crate::i18n::Lang;
use crate::storage::page_text_size;
use crate::text_size::TextSize;

/// The whole widget inside the shadow root: skeleton, article or error, at the page's text size.
#[component]
pub fn WidgetView(
    /// The `<news-widget>` element, target of the host events.
    host: HtmlElement,
    /// The loading state, written by [`crate::embed`].
    state: ArcRwSignal<LoadState>,
    /// The element's presentation attributes.
    attributes: ArcRwSignal<HostAttributes>,
    /// The host page's `<html lang>`.
    page_lang: Option<String>,
    /// Loads the current source again.
    retry: impl Fn() + 'static,
    /// Set by the article view once the whole article is in the DOM.
    complete: ArcRwSignal<bool>,
) -> impl IntoView {
    // Copy handles on the same signals the embed writes, so the closures below need no clones.
    let (state, attributes) = (RwSignal::from(state), RwSignal::from(attributes));
    let text_size = RwSignal::from(page_text_size());
    announce_size_changes(host.clone(), text_size);

    let article_lang = move || state.with(|s| s.article_lang().map(str::to_owned));
    let lang = Memo::new(move |_| {
        let article_lang = article_lang();
        attributes.with(|a| {
            Lang::resolve(
                a.lang.as_deref(),
                article_lang.as_deref(),
                page_lang.as_deref(),
            )
        })
    });
    // Only a new level rebuilds the article; a theme or hint change must not (focus, scroll).
    let level = Memo::new(move |_| attributes.with(|a| a.heading_level));
    let content_lang = move || article_lang().unwrap_or_else(|| lang.get().tag().to_owned());
    let theme = move || attributes.with(|a| a.theme.as_str());
    let scale = move || text_size.get().css_value();
    let error_message = move || match state.get() {
        LoadState::Failed(error) => error.message(lang.get()),
        _ => String::new(),
    };
    // While loading, the root (border-box: padding included) is exactly `height-hint` tall, or
    // at least a screen, so the host page does not jump when the article arrives; and at
    // least `height-hint` tall until the last part of the article is in (later tasks).
    let loading = move || state.with(|s| matches!(s, LoadState::Loading));
    let rendering = {
        let complete = complete.clone();
        move || state.with(|s| matches!(s, LoadState::Ready(_))) && !complete.get()
    };
    let hint = move || attributes.with(|a| a.height_hint.clone());
    let reserved_height = move || loading().then(hint).flatten();
    let min_height = move || match hint() {
        None => loading().then(|| DEFAULT_RESERVATION.to_owned()),
        Some(hint) => rendering().then_some(hint),
    };
    let retry: StoredValue<Rc<dyn Fn()>, LocalStorage> = StoredValue::new_local(Rc::new(retry));
    // The same shell for every state: Leptos rebuilds it in place and its directive builds
    // what the state shows.
    let content = move || {
        let state = state.get();
        // Only the article has headings: a new level leaves the skeleton or error view alone.
        let level = match state {
            LoadState::Ready(_) => level.get(),
            _ => HeadingLevel::default(),
        };
        let shown = Shown {
            state,
            lang: lang.get(),
            level,
            text_size,
            complete: complete.clone(),
            retry: retry.get_value(),
        };
        view! { <div class="nw-content" use:render_content=shown></div> }
    };

    view! {
        <div
            part="root"
            class="nw-root"
            lang=content_lang
            data-theme=theme
            style:--nw-scale=scale
            style:height=reserved_height
            style:min-height=min_height
            use:intercept_links=host
        >
            {content}
            <div class="nw-visually-hidden" aria-live="polite">{error_message}</div>
        </div>
    }
}

/// What the content shows, and what that needs.
#[derive(Clone)]
struct Shown {
    state: LoadState,
    lang: Lang,
    level: HeadingLevel,
    text_size: RwSignal<TextSize>,
    complete: ArcRwSignal<bool>,
    retry: Rc<dyn Fn()>,
}

/// The content's `use:` directive: the skeleton, the article or the error view. A rebuild
/// replaces every element, so a control that had the reader's focus hands it to its successor
/// (the same `part`) instead of dropping it to the page.
fn render_content(element: Element, shown: Shown) {
    let focused = focused_part(&element);
    fill(&element, |build| match shown.state {
        LoadState::Loading => skeleton(build, &element, shown.lang),
        LoadState::Ready(article) => {
            let content = Content {
                article,
                lang: shown.lang,
                level: shown.level,
                text_size: shown.text_size,
                complete: shown.complete,
            };
            super::article::article(build, &element, content)
        }
        LoadState::Failed(error) => error_view(build, &element, &error, shown.lang, shown.retry),
    });
    let successor = focused.and_then(|part| {
        let selector = ["[part=", &part, "]"].concat();
        element.query_selector(&selector).ok().flatten()
    });
    if let Some(successor) = successor.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = successor.focus();
    }
}

/// The `part` of the element inside `element` that has the focus in this shadow root.
fn focused_part(element: &Element) -> Option<String> {
    let root = element.get_root_node().dyn_into::<ShadowRoot>().ok()?;
    let focused = root.active_element()?;
    if !element.contains(Some(&focused)) {
        return None;
    }
    focused.get_attribute("part")
}

/// Every page-wide size change, from any widget or another tab, is reported to this host.
fn announce_size_changes(host: HtmlElement, text_size: RwSignal<TextSize>) {
    Effect::new(move |previous: Option<()>| {
        let size = text_size.get();
        if previous.is_some() {
            events::font_size_changed(&host, size);
        }
    });
}

/// The root's `use:` directive: clicks on links go through [`follow_link`]. A plain listener in
/// the bubble phase, not `on:click` (see `components/mod.rs`): it runs after the handlers of the
/// partner's own fallback links, which the error view slots in below the root, so that their
/// `preventDefault()` wins.
fn intercept_links(root: Element, host: HtmlElement) {
    let mut listener = Listener::new(move |ev| {
        // A host script can dispatch a plain `Event` named "click": not a reader's click.
        if let Some(ev) = ev.dyn_ref::<MouseEvent>() {
            follow_link(&host, ev);
        }
    });
    if listener.on(&root, "click").is_ok() {
        keep_until_cleanup(listener);
    }
}

/// Links out of the widget go through the cancelable `news-widget:navigate` first, so a
/// single-page-app host can take the click. Modified clicks (new tab, download) stay native.
fn follow_link(host: &HtmlElement, ev: &MouseEvent) {
    if ev.default_prevented()
        || ev.button() != 0
        || ev.ctrl_key()
        || ev.meta_key()
        || ev.shift_key()
        || ev.alt_key()
    {
        return;
    }
    let target = ev
        .target()
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok());
    let Some(href) = target
        .and_then(|t| t.closest("a[href]").ok().flatten())
        .and_then(|a| a.get_attribute("href"))
    else {
        return;
    };
    if !events::navigating(host, &href) {
        ev.prevent_default();
    }
}
