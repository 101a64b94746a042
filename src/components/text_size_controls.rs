use leptos::prelude::*;

use crate::format::boolean;
use crate::i18n::Lang;
use crate::storage::choose_text_size;
use crate::text_size::TextSize;

/// `A-` `A` `A+`: a labelled group whose buttons change the page-wide text size.
///
/// Ends use `aria-disabled` rather than `disabled`, so a keyboard user pressing `A+` up to 200%
/// keeps focus on the button instead of being dropped to the top of the page.
#[component]
pub fn TextSizeControls(
    /// UI language.
    lang: Lang,
    /// The page-wide text size.
    size: RwSignal<TextSize>,
) -> impl IntoView {
    let s = lang.strings();
    let announcement = RwSignal::new(String::new());
    let change = move |next: fn(TextSize) -> TextSize| {
        let chosen = next(size.get_untracked());
        if chosen != size.get_untracked() {
            choose_text_size(chosen);
            announcement.set([s.size_now, " ", chosen.percent_label()].concat());
        }
    };
    // `A` is a toggle-like reset: pressed at 100%. `A-`/`A+` are inert at their ends.
    let button = move |part: &'static str,
                       label: &'static str,
                       name: &'static str,
                       next: fn(TextSize) -> TextSize| {
        let is_reset = part == "font-reset";
        let inert = move || boolean(!is_reset && next(size.get()) == size.get());
        let pressed = move || is_reset.then(|| boolean(size.get().is_default()));
        view! {
            <button
                type="button"
                part=part
                class="nw-button"
                aria-label=name
                aria-disabled=inert
                aria-pressed=pressed
                on:click:capture=move |_| change(next)
            >
                {label}
            </button>
        }
    };
    view! {
        <div part="font-controls" class="nw-text-size" role="group" aria-label=s.text_size lang=lang.tag()>
            {button("font-smaller", "A-", s.smaller, TextSize::smaller)}
            {button("font-reset", "A", s.reset, |_| TextSize::default())}
            {button("font-larger", "A+", s.larger, TextSize::larger)}
            <span class="nw-visually-hidden" aria-live="polite">{move || announcement.get()}</span>
        </div>
    }
}
