use leptos::prelude::*;

use crate::error::LoadError;
use crate::i18n::Lang;

/// A constant, not a literal: see [`super::TRUE`].
const FALLBACK_CLASS: &str = "nw-fallback";

/// What the reader sees when the article cannot be shown: why, a retry, and the host's fallback.
#[component]
pub fn ErrorView(
    /// What went wrong.
    error: LoadError,
    /// UI language.
    lang: Lang,
    /// Loads the article again.
    retry: impl Fn() + 'static,
) -> impl IntoView {
    let s = lang.strings();
    view! {
        <div part="error" class="nw-error" lang=lang.tag()>
            <p class="nw-error-title">{s.error_title}</p>
            <p class="nw-error-message">{error.message(lang)}</p>
            <button type="button" class="nw-button nw-retry" on:click:capture=move |_| retry()>
                {s.retry}
            </button>
            // The partner's fallback children (usually a link to the original) stay reachable.
            <div class=FALLBACK_CLASS><slot></slot></div>
        </div>
    }
}
