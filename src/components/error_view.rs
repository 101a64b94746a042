use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event};

use super::dom::{append, fill, keep_until_cleanup};
use crate::error::LoadError;
use crate::i18n::Lang;

/// What the reader sees when the article cannot be shown: why, a retry, and the host's fallback.
#[component]
pub fn ErrorView(
    /// What went wrong.
    error: LoadError,
    /// UI language.
    lang: Lang,
    /// Loads the article again.
    retry: Rc<dyn Fn()>,
) -> impl IntoView {
    let content = (error, lang, retry);
    view! { <div part="error" class="nw-error" lang=lang.tag() use:render_error=content></div> }
}

/// The error view's `use:` directive: title, message, the retry button and the host's slot.
fn render_error(view: Element, (error, lang, retry): (LoadError, Lang, Rc<dyn Fn()>)) {
    fill(&view, |build| {
        let s = lang.strings();
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
    });
}
