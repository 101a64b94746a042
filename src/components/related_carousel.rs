use std::cell::{Cell, OnceCell};
use std::rc::Rc;

use leptos::html::custom;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{
    Element, HtmlElement, KeyboardEvent, ResizeObserver, ScrollBehavior, ScrollToOptions,
};

use super::TRUE;
use crate::attributes::HeadingLevel;
use crate::format::{boolean, decimal};
use crate::i18n::Lang;
use crate::model::Related;

/// Related stories as a WAI-ARIA carousel over native scrolling: scroll-snap, swipe and
/// trackpad are the browser's; the buttons and arrow keys only call `scrollTo`. No autoplay.
#[component]
pub fn RelatedCarousel(
    /// The stories, at least one.
    items: Vec<Related>,
    /// UI language (heading, buttons, dates).
    lang: Lang,
    /// The article's language, which the stories' own text is in.
    content_lang: Option<String>,
    /// The headline's level; the section heading sits one below.
    level: HeadingLevel,
) -> impl IntoView {
    let s = lang.strings();
    let track = Rc::new(Track {
        element: OnceCell::new(),
        heading_to: Cell::new(None),
        at_start: ArcRwSignal::new(true),
        at_end: ArcRwSignal::new(true),
        observer: OnceCell::new(),
        on_resize: OnceCell::new(),
    });
    let (at_start, at_end) = (track.at_start.clone(), track.at_end.clone());
    // Cleanups must be `Send`; the widget lives on the one thread of the page.
    let cleanup = SendWrapper::new(track.clone());
    on_cleanup(move || cleanup.disconnect());
    let on_key = {
        let track = track.clone();
        move |ev: KeyboardEvent| {
            let direction = match ev.key().as_str() {
                "ArrowRight" => 1.0,
                "ArrowLeft" => -1.0,
                _ => return,
            };
            ev.prevent_default();
            track.scroll(direction, false);
        }
    };
    // Each listener holds the track; `attach` hands it the element once it is built.
    let (prev, next, attach) = (track.clone(), track.clone(), track.clone());
    let (on_scroll, on_scroll_end, on_pointer) = (track.clone(), track.clone(), track);

    let total = decimal(items.len() as u64);
    let cards = items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            let title = match item.url {
                Some(url) => view! { <a class="nw-card-link" href=url rel="noopener noreferrer">{item.headline}</a> }.into_any(),
                None => item.headline.into_any(),
            };
            view! {
                <div part="related-item" class="nw-card" lang=content_lang.clone() role="group" aria-roledescription="slide" aria-label=[&decimal(i as u64 + 1), " / ", &total].concat()>
                    {item.image.map(|image| view! {
                        <img class="nw-card-image" src=image.url alt="" width=image.width.map(decimal) height=image.height.map(decimal) loading="lazy" decoding="async" />
                    })}
                    <p class="nw-card-title">{title}</p>
                    {item.published.map(|d| view! { <time class="nw-card-date" lang=lang.tag() datetime=d.iso.clone()>{d.display(lang)}</time> })}
                    {item.description.map(|d| view! { <p class="nw-card-excerpt">{d}</p> })}
                </div>
            }
        })
        .collect_view();

    let heading = custom(level.below())
        .attr("id", "nw-related-heading")
        .attr("class", "nw-related-heading")
        .child(s.related);
    view! {
        <section part="related" class="nw-related" aria-roledescription="carousel" aria-labelledby="nw-related-heading" lang=lang.tag()>
            <div class="nw-related-head">
                {heading}
                <div class="nw-related-nav">
                    <button type="button" part="related-prev" class="nw-button" aria-label=s.previous
                        aria-disabled=move || boolean(at_start.get())
                        on:click:capture=move |_| if !prev.at_start.get_untracked() { prev.scroll(-1.0, true) }>
                        <span aria-hidden=TRUE>"‹"</span>
                    </button>
                    <button type="button" part="related-next" class="nw-button" aria-label=s.next
                        aria-disabled=move || boolean(at_end.get())
                        on:click:capture=move |_| if !next.at_end.get_untracked() { next.scroll(1.0, true) }>
                        <span aria-hidden=TRUE>"›"</span>
                    </button>
                </div>
            </div>
            <div part="related-track" class="nw-track" use:attach_track=attach tabindex="0" role="group" aria-label=s.related
                on:scroll:capture=move |_| on_scroll.measure()
                on:scrollend:capture=move |_| on_scroll_end.heading_to.set(None)
                on:pointerdown:capture=move |_| on_pointer.heading_to.set(None)
                on:keydown:capture=on_key>
                {cards}
            </div>
        </section>
    }
}

/// The scrolling part of the carousel, outside the view: the track element and what the
/// buttons, keys and scroll events need to know about it.
struct Track {
    element: OnceCell<HtmlElement>,
    /// Where a smooth scroll is heading. A second press before it arrives continues from there:
    /// `scrollBy` would measure from the moving position and snap back to the same card.
    heading_to: Cell<Option<f64>>,
    at_start: ArcRwSignal<bool>,
    at_end: ArcRwSignal<bool>,
    /// Keeps the ends up to date when the widget (not the window) changes width.
    observer: OnceCell<ResizeObserver>,
    /// The observer's callback, alive as long as the observer.
    on_resize: OnceCell<Closure<dyn Fn()>>,
}

impl Track {
    /// Updates the ends from the scroll position, and forgets a smooth scroll that has arrived.
    fn measure(&self) {
        let Some(track) = self.element.get() else {
            return;
        };
        let left = f64::from(track.scroll_left());
        let room = f64::from(track.scroll_width() - track.client_width());
        self.at_start.set(left <= 1.0);
        self.at_end.set(left >= room - 1.0);
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
        let Some(track) = self.element.get() else {
            return;
        };
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

    /// Stops watching the size: the carousel is gone.
    fn disconnect(&self) {
        if let Some(observer) = self.observer.get() {
            observer.disconnect();
        }
    }
}

/// The track's `use:` directive: keeps its element and watches its size.
fn attach_track(element: Element, track: Rc<Track>) {
    let Ok(element) = element.dyn_into::<HtmlElement>() else {
        return;
    };
    if track.element.get().is_some() {
        // Already watching: a second observer would outlive its dropped callback.
        return;
    }
    let measure = {
        let track = Rc::downgrade(&track);
        move || {
            if let Some(track) = track.upgrade() {
                track.measure();
            }
        }
    };
    let callback = Closure::<dyn Fn()>::new(measure);
    if let Ok(observer) = ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&element);
        let _ = track.observer.set(observer);
        let _ = track.on_resize.set(callback);
    }
    let _ = track.element.set(element);
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
