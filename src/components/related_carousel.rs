use std::cell::{Cell, OnceCell};
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Element, Event, HtmlElement, KeyboardEvent, ResizeObserver, ScrollBehavior, ScrollToOptions,
};

use super::body::img;
use super::dom::{append, keep_until_cleanup, set_attributes, Builder, Built, Listener};
use crate::attributes::HeadingLevel;
use crate::format::{boolean, decimal};
use crate::i18n::Lang;
use crate::model::{Article, Related};

/// Related stories as a WAI-ARIA carousel over native scrolling, into `parent`: scroll-snap,
/// swipe and trackpad are the browser's; the buttons and arrow keys only call `scrollTo`. No
/// autoplay. The stories' own text is in the article's language, the rest in `lang`.
pub fn related_carousel(
    build: &Builder,
    parent: &Element,
    article: &Article,
    lang: Lang,
    level: HeadingLevel,
) -> Result<(), JsValue> {
    let s = lang.strings();
    let section = append(parent, build.element("section", "nw-related")?)?;
    set_attributes(
        &section,
        &[
            ("part", "related"),
            ("aria-roledescription", "carousel"),
            ("aria-labelledby", HEADING_ID),
            ("lang", lang.tag()),
        ],
    )?;
    let head = append(&section, build.element("div", "nw-related-head")?)?;
    let heading = append(
        &head,
        build.text(level.below(), "nw-related-heading", s.related)?,
    )?;
    heading.set_id(HEADING_ID);
    let nav = append(&head, build.element("div", "nw-related-nav")?)?;
    let prev = append(&nav, button(build, "related-prev", s.previous, "‹")?)?;
    let next = append(&nav, button(build, "related-next", s.next, "›")?)?;
    let track = append(&section, build.element("div", "nw-track")?)?;
    set_attributes(
        &track,
        &[
            ("part", "related-track"),
            ("tabindex", "0"),
            ("role", "group"),
            ("aria-label", s.related),
        ],
    )?;
    let total = decimal(article.related.len() as u64);
    for (i, item) in article.related.iter().enumerate() {
        let label = [&decimal(i as u64 + 1), " / ", &total].concat();
        append(&track, card(build, item, &label, lang, &article.lang)?)?;
    }
    let track = Rc::new(Track {
        element: track.dyn_into()?,
        prev,
        next,
        heading_to: Cell::new(None),
        at_start: Cell::new(true),
        at_end: Cell::new(true),
        observer: OnceCell::new(),
    });
    track.observe();
    // One listener: clicks on either button (on `head`), and the track's own events.
    let mut listener = {
        let track = Rc::downgrade(&track);
        Listener::new(move |ev| {
            if let Some(track) = track.upgrade() {
                track.handle(&ev);
            }
        })
    };
    listener.on(&head, "click")?;
    for event in TRACK_EVENTS {
        listener.on(&track.element, event)?;
    }
    keep_until_cleanup((track, listener));
    Ok(())
}

/// `part` button with an accessible name and a visible symbol; `aria-disabled` at the ends.
fn button(build: &Builder, part: &str, name: &str, symbol: &str) -> Built {
    let button = build.element("button", "nw-button")?;
    set_attributes(
        &button,
        &[
            ("type", "button"),
            ("part", part),
            ("aria-label", name),
            ("aria-disabled", "true"),
        ],
    )?;
    append(&button, build.text("span", "", symbol)?)?.set_attribute("aria-hidden", "true")?;
    Ok(button)
}

/// The scrolling part of the carousel: the track element, its buttons and what the listeners
/// need to know about it.
struct Track {
    element: HtmlElement,
    prev: Element,
    next: Element,
    /// Where a smooth scroll is heading. A second press before it arrives continues from there:
    /// `scrollBy` would measure from the moving position and snap back to the same card.
    heading_to: Cell<Option<f64>>,
    at_start: Cell<bool>,
    at_end: Cell<bool>,
    /// Keeps the ends up to date when the widget (not the window) changes width.
    observer: OnceCell<(ResizeObserver, Closure<dyn Fn()>)>,
}

/// The section's heading, which names it.
const HEADING_ID: &str = "nw-related-heading";

/// What the listener hears on the track itself (`scroll` and `scrollend` do not bubble); the
/// buttons' clicks it hears on their common parent.
const TRACK_EVENTS: [&str; 4] = ["scroll", "scrollend", "pointerdown", "keydown"];

impl Track {
    /// Measures again whenever the track's width changes. Without `ResizeObserver` the ends
    /// still follow scrolling.
    fn observe(self: &Rc<Self>) {
        let track = Rc::downgrade(self);
        let on_resize = Closure::<dyn Fn()>::new(move || {
            if let Some(track) = track.upgrade() {
                track.measure();
            }
        });
        if let Ok(observer) = ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            observer.observe(&self.element);
            let _ = self.observer.set((observer, on_resize));
        }
    }

    /// A button press, a key, a scroll or the reader taking over.
    fn handle(&self, ev: &Event) {
        match ev.type_().as_str() {
            "click" => {
                let target = ev.target().and_then(|t| t.dyn_into::<Element>().ok());
                let button = target.and_then(|t| t.closest("button").ok().flatten());
                if button.as_ref() == Some(&self.prev) && !self.at_start.get() {
                    self.scroll(-1.0, true);
                } else if button.as_ref() == Some(&self.next) && !self.at_end.get() {
                    self.scroll(1.0, true);
                }
            }
            "scroll" => self.measure(),
            "keydown" => {
                let direction = match ev.dyn_ref::<KeyboardEvent>().map(KeyboardEvent::key) {
                    Some(key) if key == "ArrowRight" => 1.0,
                    Some(key) if key == "ArrowLeft" => -1.0,
                    _ => return,
                };
                ev.prevent_default();
                self.scroll(direction, false);
            }
            // `scrollend`, `pointerdown`: the smooth scroll arrived, or the reader took over.
            _ => self.heading_to.set(None),
        }
    }

    /// Updates the ends from the scroll position, and forgets a smooth scroll that has arrived.
    fn measure(&self) {
        let track = &self.element;
        let left = f64::from(track.scroll_left());
        let room = f64::from(track.scroll_width() - track.client_width());
        for (cell, button, value) in [
            (&self.at_start, &self.prev, left <= 1.0),
            (&self.at_end, &self.next, left >= room - 1.0),
        ] {
            cell.set(value);
            let _ = button.set_attribute("aria-disabled", boolean(value));
        }
        if self
            .heading_to
            .get()
            .is_some_and(|target| (target - left).abs() < 1.0)
        {
            self.heading_to.set(None);
        }
    }

    /// Scrolls one page (the buttons) or one card (the arrow keys) towards `direction`.
    fn scroll(&self, direction: f64, by_page: bool) {
        let track = &self.element;
        let distance = if by_page {
            f64::from(track.client_width())
        } else {
            card_width(track)
        };
        let room = f64::from(track.scroll_width() - track.client_width());
        let from = self
            .heading_to
            .get()
            .unwrap_or_else(|| f64::from(track.scroll_left()));
        let target = (from + direction * distance).clamp(0.0, room.max(0.0));
        let smooth = !prefers_reduced_motion();
        self.heading_to.set(smooth.then_some(target));
        let options = ScrollToOptions::new();
        options.set_left(target);
        options.set_behavior(if smooth {
            ScrollBehavior::Smooth
        } else {
            ScrollBehavior::Instant
        });
        track.scroll_to_with_scroll_to_options(&options);
    }
}

impl Drop for Track {
    /// Stops watching the size: the carousel is gone.
    fn drop(&mut self) {
        if let Some((observer, _)) = self.observer.get() {
            observer.disconnect();
        }
    }
}

/// One story: thumbnail, linked title, date, excerpt.
fn card(
    build: &Builder,
    item: &Related,
    label: &str,
    lang: Lang,
    content_lang: &Option<String>,
) -> Built {
    let card = build.element("div", "nw-card")?;
    set_attributes(
        &card,
        &[
            ("part", "related-item"),
            ("role", "group"),
            ("aria-roledescription", "slide"),
            ("aria-label", label),
        ],
    )?;
    if let Some(content_lang) = content_lang {
        card.set_attribute("lang", content_lang)?;
    }
    if let Some(image) = &item.image {
        // The title next to it says what it shows: decorative here.
        img(build, &card, "nw-card-image", image, "", "lazy")?;
    }
    let title = append(&card, build.element("p", "nw-card-title")?)?;
    match &item.url {
        Some(url) => {
            let link = append(&title, build.text("a", "nw-card-link", &item.headline)?)?;
            set_attributes(&link, &[("href", url), ("rel", "noopener noreferrer")])?;
        }
        None => title.append_with_str_1(&item.headline)?,
    }
    if let Some(date) = &item.published {
        let time = append(
            &card,
            build.text("time", "nw-card-date", &date.display(lang))?,
        )?;
        set_attributes(&time, &[("lang", lang.tag()), ("datetime", &date.iso)])?;
    }
    if let Some(description) = &item.description {
        append(&card, build.text("p", "nw-card-excerpt", description)?)?;
    }
    Ok(card)
}

/// One card plus the gap, the step of an arrow key.
fn card_width(track: &HtmlElement) -> f64 {
    let first = track
        .first_element_child()
        .and_then(|c| c.dyn_into::<HtmlElement>().ok());
    let second = first
        .as_ref()
        .and_then(|c| c.next_element_sibling())
        .and_then(|c| c.dyn_into::<HtmlElement>().ok());
    match (first, second) {
        (Some(a), Some(b)) => f64::from(b.offset_left() - a.offset_left()),
        (Some(a), None) => f64::from(a.offset_width()),
        _ => f64::from(track.client_width()),
    }
}

fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}
