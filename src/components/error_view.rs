use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event};

use super::dom::{append, attributes, keep_until_cleanup, Builder};
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
    attributes(&view, &[("part", "error"), ("lang", lang.tag())])?;
    append(&view, build.text("p", "nw-error-title", s.error_title)?)?;
    append(
        &view,
        build.text("p", "nw-error-message", &error.message(lang))?,
    )?;
    let button = append(&view, build.text("button", "nw-button nw-retry", s.retry)?)?;
    button.set_attribute("type", "button")?;
    let on_click = Closure::<dyn Fn(Event)>::new(move |_: Event| retry());
    button.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref())?;
    // The listener lives as long as the button: until the view is gone or rebuilt.
    keep_until_cleanup(on_click);
    // The partner's fallback children (usually a link to the original) stay reachable.
    let fallback = append(&view, build.element("div", "nw-fallback")?)?;
    append(&fallback, build.element("slot", "")?)?;
    Ok(())
}
