//! The views. Leptos holds the state and the parts that change with it: the root (theme,
//! language, text size, reserved height), the switch between skeleton, article and error, and
//! the live region ([`WidgetView`]). What each of those three shows is built by hand, once, by a
//! `use:` directive on one shell element, and built again when Leptos rebuilds that shell (a new
//! article, `lang` or `heading-level`); `dom.rs` says why. Data comes from [`crate::model`],
//! words from [`crate::i18n`], and anything that talks to the page from [`crate::events`] and
//! [`crate::storage`].

mod article;
mod body;
mod dom;
mod error_view;
mod related_carousel;
mod skeleton;
mod text_size_controls;
mod widget;

use std::sync::Arc;

use crate::error::LoadError;
use crate::model::Article;

pub use widget::WidgetView;

// No `on:` listeners: the built parts add plain listeners to elements they build, whose closures
// live until the view's cleanup (`dom::keep_until_cleanup`). A bubbling `on:` would also link
// tachys' event-delegation code (a global set of event names in a hash set, 2.3 KB brotli) even
// with delegation off, which the size budget catches (issue 7, BENCHMARKS.md "Size work").

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

/// Yields to the browser: a new task, so it can paint and handle input in between.
pub(crate) async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
