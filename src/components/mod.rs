//! The views, as Leptos components: [`WidgetView`] (the root: theme, language, text size,
//! reserved height, the switch between [`Skeleton`](skeleton::Skeleton), the article and
//! [`ErrorView`](error_view::ErrorView), and the live region) and the parts it shows. State
//! changes reach the DOM through reactive attributes and children, so a new article, `lang` or
//! `heading-level` patches what changed and every element the reader is on stays. Data comes
//! from [`crate::model`], words from [`crate::i18n`], and anything that talks to the page from
//! [`crate::events`] and [`crate::storage`].

mod article;
mod body;
mod error_view;
mod heading;
mod related_carousel;
mod skeleton;
mod text_size_controls;
mod widget;

use std::sync::Arc;

use leptos::prelude::{Signal, With};

use crate::date::PublishedDate;
use crate::error::LoadError;
use crate::i18n::{Lang, Strings};
use crate::model::Article;

pub use widget::WidgetView;

/// Where a widget is in loading its article.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadState {
    /// Waiting for the document: the skeleton shows.
    Loading,
    /// The article to render.
    Ready(Arc<Article>),
    /// Why there is no article.
    Failed(LoadError),
}

impl LoadState {
    /// The article's own language tag, once there is an article.
    pub fn article_lang(&self) -> Option<&str> {
        match self {
            LoadState::Ready(article) => article.lang.as_deref(),
            _ => None,
        }
    }
}

/// A UI string in the current language. Every label of every view goes through this one
/// function, so they share one reactive text and attribute path instead of a closure type each.
pub(crate) fn word(lang: Signal<Lang>, pick: fn(&Strings) -> &'static str) -> Signal<&'static str> {
    Signal::derive(move || lang.with(|l| pick(l.strings())))
}

/// The UI language's tag, for the `lang` attribute of UI text (shared like [`word`]).
pub(crate) fn lang_tag(lang: Signal<Lang>) -> Signal<&'static str> {
    Signal::derive(move || lang.with(|l| l.tag()))
}

/// A date as readers of the UI language expect to see it (shared like [`word`]).
pub(crate) fn date_text(date: PublishedDate, lang: Signal<Lang>) -> Signal<String> {
    Signal::derive(move || lang.with(|l| date.display(*l)))
}

/// Yields to the browser: a new task, so it can paint and handle input in between.
pub(crate) async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
