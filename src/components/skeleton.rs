use leptos::prelude::*;

use super::word;
use crate::i18n::Lang;

/// Placeholder shapes: section label, two headline lines, meta, hero, three body lines.
const BONES: [&str; 8] = [
    "nw-bone nw-bone-section",
    "nw-bone nw-bone-headline",
    "nw-bone nw-bone-headline nw-bone-short",
    "nw-bone nw-bone-meta",
    "nw-bone nw-bone-hero",
    "nw-bone nw-bone-line",
    "nw-bone nw-bone-line",
    "nw-bone nw-bone-line nw-bone-short",
];

/// The placeholder while the article loads, in the shape of the article: grey bones for the
/// eye, one "loading" for a screen reader. The reserved height (`height-hint`) is the root's,
/// which includes the padding.
#[component]
pub fn Skeleton(
    /// UI language (what a screen reader hears).
    #[prop(into)]
    lang: Signal<Lang>,
) -> impl IntoView {
    view! {
        <div class="nw-skeleton" part="skeleton" aria-busy="true">
            <span class="nw-visually-hidden">{word(lang, |s| s.loading)}</span>
            {BONES.map(|class| view! { <div class=class aria-hidden="true"></div> })}
        </div>
    }
}
