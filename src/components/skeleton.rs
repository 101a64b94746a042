use leptos::prelude::*;

use crate::i18n::Lang;

/// The placeholder while the article loads: the shape of the article, at the reserved height.
#[component]
pub fn Skeleton(
    /// UI language.
    lang: Lang,
    /// `height-hint`, when the host gave one.
    height_hint: Option<String>,
) -> impl IntoView {
    view! {
        <div part="skeleton" class="nw-skeleton" aria-busy="true" style:min-height=height_hint>
            <span class="nw-visually-hidden">{lang.strings().loading}</span>
            <div class="nw-bone nw-bone-section" aria-hidden="true"></div>
            <div class="nw-bone nw-bone-headline" aria-hidden="true"></div>
            <div class="nw-bone nw-bone-headline nw-bone-short" aria-hidden="true"></div>
            <div class="nw-bone nw-bone-meta" aria-hidden="true"></div>
            <div class="nw-bone nw-bone-hero" aria-hidden="true"></div>
            <div class="nw-bone nw-bone-line" aria-hidden="true"></div>
            <div class="nw-bone nw-bone-line" aria-hidden="true"></div>
            <div class="nw-bone nw-bone-line nw-bone-short" aria-hidden="true"></div>
        </div>
    }
}
