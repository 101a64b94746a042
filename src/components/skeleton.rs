use wasm_bindgen::JsValue;
use web_sys::Element;

use super::dom::{append, set_attributes, Builder};
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

/// The placeholder while the article loads, in the shape of the article, into `parent`. The
/// reserved height (`height-hint`) is applied by the root, which includes the padding.
pub fn skeleton(build: &Builder, parent: &Element, lang: Lang) -> Result<(), JsValue> {
    let skeleton = append(parent, build.element("div", "nw-skeleton")?)?;
    set_attributes(&skeleton, &[("part", "skeleton"), ("aria-busy", "true")])?;
    // What a screen reader hears; the shapes it does not.
    append(
        &skeleton,
        build.text("span", "nw-visually-hidden", lang.strings().loading)?,
    )?;
    for class in BONES {
        append(&skeleton, build.element("div", class)?)?.set_attribute("aria-hidden", "true")?;
    }
    Ok(())
}
