use leptos::html::Div;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent, ResizeObserver, ScrollBehavior, ScrollToOptions};

use super::body::Img;
use super::heading::Heading;
use super::{date_text, lang_tag, word};
use crate::attributes::HeadingLevel;
use crate::format::{boolean, decimal};
use crate::i18n::Lang;
use crate::model::Related;

/// The section's heading, which names it.
const HEADING_ID: &str = "nw-related-heading";

/// Related stories as a WAI-ARIA carousel over native scrolling: a region named by its heading,
/// previous/next buttons that scroll a page, a focusable track whose arrow keys scroll a card,
/// and one slide per story. Scroll-snap, swipe and trackpad are the browser's; the buttons and
/// keys only call `scrollTo`. No autoplay. The stories' own text is in the article's language,
/// the rest in `lang`.
#[component]
pub fn RelatedCarousel(
    /// The stories, in order.
    related: Vec<Related>,
    /// The article's language, which the stories are written in.
    content_lang: Option<String>,
    /// UI language (heading, names, dates).
    #[prop(into)]
    lang: Signal<Lang>,
    /// The headline's level; the section's heading sits one below.
    #[prop(into)]
    level: Signal<HeadingLevel>,
) -> impl IntoView {
    let track = Track {
        element: NodeRef::new(),
        heading_to: StoredValue::new(None),
        at_start: RwSignal::new(true),
        at_end: RwSignal::new(true),
    };
    track.observe_resizes();
    let total = decimal(related.len() as u64);
    let cards = related
        .into_iter()
        .enumerate()
        .map(|(i, story)| {
            let label = [&decimal(i as u64 + 1), " / ", &total].concat();
            view! { <RelatedCard story label content_lang=content_lang.clone() lang /> }
        })
        .collect_view();
    view! {
        <section
            class="nw-related"
            part="related"
            aria-roledescription="carousel"
            aria-labelledby=HEADING_ID
            lang=lang_tag(lang)
        >
            <div class="nw-related-head">
                <Heading
                    tag=move || level.get().below()
                    class="nw-related-heading"
                    id=HEADING_ID
                >
                    {word(lang, |s| s.related)}
                </Heading>
                <div class="nw-related-nav">
                    <PageButton
                        part="related-prev"
                        name=word(lang, |s| s.previous)
                        symbol="‹"
                        forward=false
                        track
                    />
                    <PageButton
                        part="related-next"
                        name=word(lang, |s| s.next)
                        symbol="›"
                        forward=true
                        track
                    />
                </div>
            </div>
            <div
                class="nw-track"
                part="related-track"
                tabindex="0"
                role="group"
                aria-label=word(lang, |s| s.related)
                node_ref=track.element
                on:scroll=move |_| track.measure()
                // The smooth scroll arrived, or the reader took over.
                on:scrollend=move |_| track.heading_to.set_value(None)
                on:pointerdown=move |_| track.heading_to.set_value(None)
                on:keydown=move |ev| track.key(&ev)
            >
                {cards}
            </div>
        </section>
    }
}

/// Previous or next: scrolls the track a page, `aria-disabled` at its end (so focus stays on it).
#[component]
fn PageButton(
    /// Its `part`.
    part: &'static str,
    /// Its accessible name.
    #[prop(into)]
    name: Signal<&'static str>,
    /// What it shows (hidden from screen readers, which hear the name).
    symbol: &'static str,
    /// Next rather than previous.
    forward: bool,
    /// The track it scrolls.
    track: Track,
) -> impl IntoView {
    let at_end = if forward {
        track.at_end
    } else {
        track.at_start
    };
    let press = move |_| {
        if !at_end.get_untracked() {
            track.scroll(if forward { 1.0 } else { -1.0 }, true);
        }
    };
    view! {
        <button
            type="button"
            class="nw-button"
            part=part
            aria-label=name
            aria-disabled=move || boolean(at_end.get())
            on:click=press
        >
            <span aria-hidden="true">{symbol}</span>
        </button>
    }
}

/// One story: thumbnail, linked title, date, excerpt, as the slide `label` ("3 / 10").
#[component]
fn RelatedCard(
    /// The story.
    story: Related,
    /// Its position, as the slide's name.
    label: String,
    /// The article's language, which the story is written in.
    content_lang: Option<String>,
    /// UI language (the date).
    lang: Signal<Lang>,
) -> impl IntoView {
    let Related {
        headline,
        url,
        description,
        published,
        image,
    } = story;
    let title = match url {
        Some(url) => view! {
            <a class="nw-card-link" href=url rel="noopener noreferrer">
                {headline}
            </a>
        }
        .into_any(),
        None => headline.into_any(),
    };
    view! {
        <div
            class="nw-card"
            part="related-item"
            role="group"
            aria-roledescription="slide"
            aria-label=label
            lang=content_lang
        >
            // The title next to it says what it shows: decorative here.
            {image
                .map(|image| {
                    view! {
                        <Img
                            class="nw-card-image"
                            url=image.url
                            alt=String::new()
                            width=image.width
                            height=image.height
                            lazy=true
                        />
                    }
                    .into_any()
                })}
            <p class="nw-card-title">{title}</p>
            {published
                .map(|date| {
                    let datetime = date.iso.clone();
                    view! {
                        <time class="nw-card-date" lang=lang_tag(lang) datetime=datetime>
                            {date_text(date, lang)}
                        </time>
                    }
                    .into_any()
                })}
            {description.map(|text| view! { <p class="nw-card-excerpt">{text}</p> }.into_any())}
        </div>
    }
}

/// The scrolling part of the carousel: its element, and what the buttons and keys need to know
/// about it. Copy handles, shared by the listeners.
#[derive(Clone, Copy)]
struct Track {
    element: NodeRef<Div>,
    /// Where a smooth scroll is heading. A second press before it arrives continues from there:
    /// `scrollBy` would measure from the moving position and snap back to the same card.
    heading_to: StoredValue<Option<f64>>,
    at_start: RwSignal<bool>,
    at_end: RwSignal<bool>,
}

impl Track {
    /// Measures whenever the track's width changes (the widget's, not only the window's), from
    /// the observer's first report on; until the view's cleanup. Without `ResizeObserver` the
    /// ends still follow scrolling.
    fn observe_resizes(self) {
        let on_resize = Closure::<dyn Fn()>::new(move || self.measure());
        let Ok(observer) = ResizeObserver::new(on_resize.as_ref().unchecked_ref()) else {
            return;
        };
        let observing = observer.clone();
        self.element.on_load(move |track| observing.observe(&track));
        // Cleanups must be `Send`; the widget lives on the one thread of the page. Disconnected
        // before its closure goes, so the observer never calls a freed closure.
        let kept = SendWrapper::new((observer, on_resize));
        on_cleanup(move || {
            let (observer, on_resize) = kept.take();
            observer.disconnect();
            drop(on_resize);
        });
    }

    /// The track element, while the view is there.
    fn element(self) -> Option<HtmlElement> {
        self.element.try_get_untracked().flatten().map(Into::into)
    }

    /// Updates the ends from the scroll position, and forgets a smooth scroll that has arrived.
    fn measure(self) {
        let Some(track) = self.element() else {
            return;
        };
        let left = f64::from(track.scroll_left());
        let room = f64::from(track.scroll_width() - track.client_width());
        for (signal, value) in [
            (self.at_start, left <= 1.0),
            (self.at_end, left >= room - 1.0),
        ] {
            if signal.try_get_untracked() != Some(value) {
                signal.set(value);
            }
        }
        let arrived = self
            .heading_to
            .try_get_value()
            .flatten()
            .is_some_and(|target| (target - left).abs() < 1.0);
        if arrived {
            self.heading_to.set_value(None);
        }
    }

    /// The arrow keys scroll a card.
    fn key(self, ev: &KeyboardEvent) {
        let direction = match ev.key().as_str() {
            "ArrowRight" => 1.0,
            "ArrowLeft" => -1.0,
            _ => return,
        };
        ev.prevent_default();
        self.scroll(direction, false);
    }

    /// Scrolls one page (the buttons) or one card (the arrow keys) towards `direction`.
    fn scroll(self, direction: f64, by_page: bool) {
        let Some(track) = self.element() else {
            return;
        };
        let distance = if by_page {
            f64::from(track.client_width())
        } else {
            card_width(&track)
        };
        let room = f64::from(track.scroll_width() - track.client_width());
        let from = self
            .heading_to
            .try_get_value()
            .flatten()
            .unwrap_or_else(|| f64::from(track.scroll_left()));
        let target = (from + direction * distance).clamp(0.0, room.max(0.0));
        let smooth = !prefers_reduced_motion();
        self.heading_to.set_value(smooth.then_some(target));
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
