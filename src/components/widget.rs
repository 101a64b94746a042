use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, MouseEvent};

use super::article::ArticleView;
use super::error_view::{ErrorView, Retry};
use super::skeleton::Skeleton;
use super::LoadState;
use crate::attributes::{HostAttributes, DEFAULT_RESERVATION};
use crate::events;
use crate::i18n::Lang;
use crate::model::Article;
use crate::storage::page_text_size;
use crate::text_size::TextSize;

/// The whole widget inside the shadow root: the skeleton, the article or the error view, in the
/// host's theme and language and at the page's text size, with the space reserved while it loads
/// and a live region that announces a failure.
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
    // Memos, so that a theme or hint change reaches neither the headings nor the words.
    let level = Memo::new(move |_| attributes.with(|a| a.heading_level));
    let showing = Memo::new(move |_| state.with(Showing::of));
    let message = Memo::new(move |_| {
        state.with(|s| match s {
            LoadState::Failed(error) => error.message(lang.get()),
            _ => String::new(),
        })
    });
    let content_lang = move || article_lang().unwrap_or_else(|| lang.get().tag().to_owned());
    let theme = move || attributes.with(|a| a.theme.as_str());
    let scale = move || text_size.get().css_value();
    // While loading, the root (border-box: padding included) is exactly `height-hint` tall, or
    // at least a screen, so the host page does not jump when the article arrives; and at
    // least `height-hint` tall until the last part of the article is in (later tasks).
    let loading = move || showing.get() == Showing::Skeleton;
    let rendering = {
        let complete = complete.clone();
        move || showing.get() == Showing::Article && !complete.get()
    };
    let hint = move || attributes.with(|a| a.height_hint.clone());
    let reserved_height = move || loading().then(hint).flatten();
    let min_height = move || match hint() {
        None => loading().then(|| DEFAULT_RESERVATION.to_owned()),
        Some(hint) => rendering().then_some(hint),
    };
    let retry: Retry = StoredValue::new_local(Rc::new(retry));
    // Only a change of what is shown swaps the view; a new article goes to the same article
    // view, which patches what changed.
    let content = move || match showing.get() {
        Showing::Skeleton => view! { <Skeleton lang /> }.into_any(),
        Showing::Article => shown_article(state)
            .map(|article| {
                view! { <ArticleView article lang level text_size complete=complete.clone() /> }
            })
            .into_any(),
        Showing::Error => view! { <ErrorView message lang retry /> }.into_any(),
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
            // In the bubble phase: it runs after the handlers of the partner's own fallback
            // links, which the error view slots in below the root, so their `preventDefault()`
            // wins.
            on:click=move |ev: MouseEvent| follow_link(&host, &ev)
        >
            <div class="nw-content">{content}</div>
            <div class="nw-visually-hidden" aria-live="polite">
                {message}
            </div>
        </div>
    }
}

/// Which of its views the widget shows.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Showing {
    Skeleton,
    Article,
    Error,
}

impl Showing {
    fn of(state: &LoadState) -> Showing {
        match state {
            LoadState::Loading => Showing::Skeleton,
            LoadState::Ready(_) => Showing::Article,
            LoadState::Failed(_) => Showing::Error,
        }
    }
}

/// The article of `state`, followed as it changes: every new article (even one equal to the
/// last: it is rendered again and reported again) and never none (a state that is no longer an
/// article keeps the last one until the view is gone). `None` if `state` has no article.
fn shown_article(state: RwSignal<LoadState>) -> Option<Memo<Arc<Article>>> {
    let first = state.with_untracked(|s| match s {
        LoadState::Ready(article) => Some(article.clone()),
        _ => None,
    })?;
    let article = move |previous: Option<&Arc<Article>>| {
        state.with(|s| match s {
            LoadState::Ready(article) => article.clone(),
            _ => previous.unwrap_or(&first).clone(),
        })
    };
    Some(Memo::new_with_compare(article, another_article))
}

fn another_article(old: Option<&Arc<Article>>, new: Option<&Arc<Article>>) -> bool {
    !matches!((old, new), (Some(old), Some(new)) if Arc::ptr_eq(old, new))
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

/// Links out of the widget go through the cancelable `news-widget:navigate` first, so a
/// single-page-app host can take the click. Modified clicks (new tab, download) stay native.
fn follow_link(host: &HtmlElement, ev: &MouseEvent) {
    // A host script can dispatch a plain `Event` named "click": not a reader's click (its
    // missing fields would read as a plain left click).
    if !ev.is_instance_of::<MouseEvent>()
        || ev.default_prevented()
        || ev.button() != 0
        || ev.ctrl_key()
        || ev.meta_key()
        || ev.shift_key()
        || ev.alt_key()
    {
        return;
    }
    let target = ev.target().and_then(|t| t.dyn_into::<Element>().ok());
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
