use std::rc::Rc;

use leptos::prelude::*;

use super::{lang_tag, word};
use crate::i18n::Lang;

/// Loads the current source again: the embed's, which holds the widget and is not `Send`, so
/// kept in the arena as a local value.
pub type Retry = StoredValue<Rc<dyn Fn()>, LocalStorage>;

/// What the reader sees when the article cannot be shown: why, a retry button, and the host's
/// fallback children (usually a link to the original) through a `<slot>`.
#[component]
pub fn ErrorView(
    /// Why, in the UI language.
    #[prop(into)]
    message: Signal<String>,
    /// UI language.
    #[prop(into)]
    lang: Signal<Lang>,
    /// What the retry button does.
    retry: Retry,
) -> impl IntoView {
    // A copy of the handle, called outside the arena's borrow: a retry writes the state.
    let press = move |_| {
        if let Some(retry) = retry.try_get_value() {
            retry();
        }
    };
    view! {
        <div class="nw-error" part="error" lang=lang_tag(lang)>
            <p class="nw-error-title">{word(lang, |s| s.error_title)}</p>
            <p class="nw-error-message">{message}</p>
            <button type="button" class="nw-button nw-retry" on:click=press>
                {word(lang, |s| s.retry)}
            </button>
            <div class="nw-fallback">
                <slot></slot>
            </div>
        </div>
    }
}
