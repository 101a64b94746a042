use leptos::prelude::*;
use web_sys::Element;

use super::dom::{append, fill};
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
    view! { <div part="skeleton" class="nw-skeleton" aria-busy="true" use:render_bones=lang></div> }
}

/// The skeleton's `use:` directive: what a screen reader hears, and the shapes, which it does not.
fn render_bones(skeleton: Element, lang: Lang) {
    fill(&skeleton, |build| {
        append(
            &skeleton,
            build.text("span", "nw-visually-hidden", lang.strings().loading)?,
        )?;
        for class in BONES {
            append(&skeleton, build.element("div", class)?)?
                .set_attribute("aria-hidden", "true")?;
        }
        Ok(())
    });
}
