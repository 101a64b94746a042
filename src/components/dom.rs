//! Elements built by hand: the skeleton, the article, its related stories and text-size
//! controls, the error view. `view!` gives every distinct element shape its own typed view, with
//! build, rebuild, mount and drop code for each, and every reactive attribute its own effect
//! type; these parts are built once and never patched, so one small builder does it for all of
//! them, and the few attributes that change (`aria-disabled`, `aria-pressed`) are set directly.
//! That was the largest single cut of the bundle (issue 7, BENCHMARKS.md "Size work").
//! Text is only ever a text node and attribute values only ever attribute values: nothing here
//! parses HTML.

use leptos::prelude::{on_cleanup, Owner};
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, Event};

/// What building can fail with: the DOM's own exception, handed up rather than panicking.
pub(crate) type Built = Result<Element, JsValue>;

/// A builder bound to the document the widget lives in.
#[derive(Clone)]
pub(crate) struct Builder(Document);

impl Builder {
    /// `<tag class=class>`; an empty class is left out.
    pub(crate) fn element(&self, tag: &str, class: &str) -> Built {
        let element = self.0.create_element(tag)?;
        if !class.is_empty() {
            element.set_class_name(class);
        }
        Ok(element)
    }

    /// `<tag class=class>text</tag>`.
    pub(crate) fn text(&self, tag: &str, class: &str, text: &str) -> Built {
        let element = self.element(tag, class)?;
        element.append_with_str_1(text)?;
        Ok(element)
    }
}

/// Empties `element` and builds its new content with `content` (the content shell's `use:`
/// directive in `widget.rs`). Emptied first because Leptos runs a directive again on the same
/// element when it rebuilds the view in place (a new article, `lang` or `heading-level`). A DOM
/// exception could only come from the browser itself (every tag and attribute name is a
/// constant); the part then stays as far as it got, and nothing is thrown into the page.
pub(crate) fn fill(element: &Element, content: impl FnOnce(&Builder) -> Result<(), JsValue>) {
    element.set_text_content(None);
    if let Some(document) = element.owner_document() {
        let _ = content(&Builder(document));
    }
}

/// Sets each `(name, value)` attribute on `element`.
pub(crate) fn set_attributes(element: &Element, pairs: &[(&str, &str)]) -> Result<(), JsValue> {
    for (name, value) in pairs {
        element.set_attribute(name, value)?;
    }
    Ok(())
}

/// Appends `child` to `parent`, and hands it back for more.
pub(crate) fn append(parent: &Element, child: Element) -> Built {
    parent.append_with_node_1(&child)?;
    Ok(child)
}

/// Keeps `value` (listeners, observers, a liveness token) until the current view's cleanup:
/// when the widget unmounts or the view is rebuilt.
pub(crate) fn keep_until_cleanup<T: 'static>(value: T) {
    if Owner::current().is_none() {
        // Never the case here (every part is built inside a view), but without an owner
        // `on_cleanup` would drop the value at once: better kept for good than a listener whose
        // closure is gone.
        std::mem::forget(value);
        return;
    }
    // Cleanups must be `Send`; the widget lives on the one thread of the page.
    let value = SendWrapper::new(value);
    on_cleanup(move || drop(value));
}

/// One event handler added to elements and removed from each of them again when dropped, before
/// its closure goes: an element that is still in the page, or that a host script still holds,
/// never calls a freed closure (which would throw into the page).
pub(crate) struct Listener {
    closure: Closure<dyn Fn(Event)>,
    added: Vec<(Element, &'static str)>,
}

impl Listener {
    /// A listener that calls `handler`; attached by [`Listener::on`].
    pub(crate) fn new(handler: impl Fn(Event) + 'static) -> Listener {
        Listener {
            closure: Closure::new(handler),
            added: Vec::new(),
        }
    }

    /// Listens to `event` on `target` (in the bubble phase).
    pub(crate) fn on(&mut self, target: &Element, event: &'static str) -> Result<(), JsValue> {
        target.add_event_listener_with_callback(event, self.closure.as_ref().unchecked_ref())?;
        self.added.push((target.clone(), event));
        Ok(())
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        for (target, event) in &self.added {
            let _ = target
                .remove_event_listener_with_callback(event, self.closure.as_ref().unchecked_ref());
        }
    }
}
