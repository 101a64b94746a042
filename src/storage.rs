//! The reader's text-size preference: one signal per page, persisted per site, synced across tabs.
//!
//! Storage can be missing or throw (sandboxed iframes, blocked cookies, private modes, a full
//! quota): every access is fallible and failure only means the choice is not remembered.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Storage, StorageEvent};

use crate::format::decimal;
use crate::text_size::TextSize;

/// The `localStorage` key, namespaced so it cannot collide with the host's own keys.
pub const KEY: &str = "news-widget:text-size";

thread_local! {
    static PAGE_TEXT_SIZE: ArcRwSignal<TextSize> = {
        let size = ArcRwSignal::new(read().unwrap_or_default());
        follow_other_tabs(size.clone());
        size
    };
}

/// The text size every widget of this page follows.
pub fn page_text_size() -> ArcRwSignal<TextSize> {
    PAGE_TEXT_SIZE.with(Clone::clone)
}

/// The reader picked a size: every widget follows and the site remembers it.
pub fn choose_text_size(size: TextSize) {
    page_text_size().set(size);
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(KEY, &decimal(size.step()));
    }
}

fn local_storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn read() -> Option<TextSize> {
    TextSize::from_stored(&local_storage()?.get_item(KEY).ok()??)
}

/// Other tabs of the site write the key; the `storage` event tells this page.
fn follow_other_tabs(size: ArcRwSignal<TextSize>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let on_storage = Closure::<dyn Fn(StorageEvent)>::new(move |event: StorageEvent| {
        // `key` is null when the other tab cleared all of storage.
        if event.key().is_none_or(|k| k == KEY) {
            let stored = event.new_value().and_then(|v| TextSize::from_stored(&v));
            size.set(stored.unwrap_or_default());
        }
    });
    let _ = window.add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
    // One listener for the page's lifetime, shared by all widgets: deliberately never removed.
    on_storage.forget();
}
