use std::rc::Rc;

use wasm_bindgen::JsValue;
use web_sys::Element;

use super::dom::{append, keep_until_cleanup, set_attributes, Builder, Listener};
use crate::error::LoadError;
use crate::i18n::Lang;

/// What the reader sees when the article cannot be shown, into `parent`: why, a retry, and the
/// host's fallback.
pub fn error_view(
    build: &Builder,
    parent: &Element,
    error: &LoadError,
    lang: Lang,
    retry: Rc<dyn Fn()>,
) -> Result<(), JsValue> {
    let s = lang.strings();
    let view = append(parent, build.element("div", "nw-error")?)?;
    set_attributes(&view, &[("part", "error"), ("lang", lang.tag())])?;
    append(&view, build.text("p", "nw-error-title", s.error_title)?)?;
    append(
        &view,
        build.text("p", "nw-error-message", &error.message(lang))?,
    )?;
    let button = append(&view, build.text("button", "nw-button nw-retry", s.retry)?)?;
    button.set_attribute("type", "button")?;
    let mut on_click = Listener::new(move |_| retry());
    on_click.on(&button, "click")?;
    keep_until_cleanup(on_click);
    // The partner's fallback children (usually a link to the original) stay reachable.
    let fallback = append(&view, build.element("div", "nw-fallback")?)?;
    append(&fallback, build.element("slot", "")?)?;
    Ok(())
}
