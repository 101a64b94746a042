//! The views. They stay thin: data comes from [`crate::model`], words from [`crate::i18n`],
//! and anything that talks to the page from [`crate::events`] and [`crate::storage`].

mod article;
mod body;
mod error_view;
mod related_carousel;
mod skeleton;
mod text_size_controls;
mod widget;

use std::sync::Arc;

use crate::error::LoadError;
use crate::model::Article;

pub use article::ArticleView;
pub use error_view::ErrorView;
pub use related_carousel::RelatedCarousel;
pub use skeleton::Skeleton;
pub use text_size_controls::TextSizeControls;
pub use widget::WidgetView;

// Every `on:` listener is attached with `:capture`. tachys' bubbling path carries its
// event-delegation code (a global set of event names in a hash set) even when delegation is off,
// and that cost 2.3 KB brotli (issue 7, BENCHMARKS.md "Size work"); the capture path does not.
// For an element's own events the two phases are the same; events from descendants reach a
// capture listener before the descendants' own listeners, and non-bubbling ones (`scroll`) reach
// it too. Our listeners are on the buttons, whose only descendant is a label, and on the
// carousel track, where a descendant's scroll only means an extra measurement. The root's link
// handling must come after the partner's own listeners, so it is a plain bubbling listener
// (`widget.rs`). A plain `on:` listener anywhere brings the code back, which the size budget
// catches.

/// `"true"` as a constant, not a literal. Leptos builds any subtree whose attributes are all
/// string literals from HTML via `innerHTML` ("inert elements"), which throws on pages that
/// enforce Trusted Types. A non-literal attribute keeps such subtrees on `createElement`.
pub(crate) const TRUE: &str = "true";

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
