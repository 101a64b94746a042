//! The `CustomEvent`s of SPEC §4, dispatched on the host element (bubbling, composed).

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, Element};

use crate::error::LoadError;
use crate::i18n::Lang;
use crate::model::Article;
use crate::text_size::TextSize;

/// `news-widget:load` with `{ id, headline }`.
pub fn loaded(host: &Element, article: &Article) {
    let id = article
        .id
        .as_deref()
        .map_or(JsValue::NULL, JsValue::from_str);
    emit(
        host,
        "load",
        &[("id", id), ("headline", article.headline.as_str().into())],
        false,
    );
}

/// `news-widget:error` with `{ kind, message, status? }`.
pub fn failed(host: &Element, error: &LoadError, lang: Lang) {
    let mut detail = vec![
        ("kind", JsValue::from_str(error.kind())),
        ("message", JsValue::from_str(&error.message(lang))),
    ];
    if let Some(status) = error.status() {
        detail.push(("status", JsValue::from(status)));
    }
    emit(host, "error", &detail, false);
}

/// `news-widget:fontsize` with `{ step, scale }`.
pub fn font_size_changed(host: &Element, size: TextSize) {
    emit(
        host,
        "fontsize",
        &[("step", size.step().into()), ("scale", size.scale().into())],
        false,
    );
}

/// `news-widget:navigate` with `{ url }`; `false` when the host called `preventDefault()`.
pub fn navigating(host: &Element, url: &str) -> bool {
    emit(host, "navigate", &[("url", url.into())], true)
}

fn emit(host: &Element, name: &str, detail: &[(&str, JsValue)], cancelable: bool) -> bool {
    let object = Object::new();
    for (key, value) in detail {
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_cancelable(cancelable);
    init.set_detail(&object);
    let Ok(event) = CustomEvent::new_with_event_init_dict(&["news-widget:", name].concat(), &init)
    else {
        return true;
    };
    // A host listener that throws is reported by the browser; it does not reach us.
    host.dispatch_event(&event).unwrap_or(true)
}
