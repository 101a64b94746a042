use leptos::prelude::*;

use super::TRUE;
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

/// The placeholder while the article loads, in the shape of the article. The reserved height
/// (`height-hint`) is applied by the root, which includes the padding.
#[component]
pub fn Skeleton(
    /// UI language.
    lang: Lang,
) -> impl IntoView {
    view! {
        <div part="skeleton" class="nw-skeleton" aria-busy="true">
            <span class="nw-visually-hidden">{lang.strings().loading}</span>
            {BONES.map(|class| view! { <div class=class aria-hidden=TRUE></div> })}
        </div>
    }
}
