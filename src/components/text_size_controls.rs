use leptos::prelude::*;

use super::{lang_tag, word};
use crate::format::boolean;
use crate::i18n::{Lang, Strings};
use crate::storage::choose_text_size;
use crate::text_size::TextSize;

/// `A-` `A` `A+`: a labelled group whose buttons change the page-wide text size, and a polite
/// announcement of the new size.
///
/// Ends use `aria-disabled` rather than `disabled`, so a keyboard user pressing `A+` up to 200%
/// keeps focus on the button instead of being dropped to the top of the page.
#[component]
pub fn TextSizeControls(
    /// UI language (the group's and buttons' names, the announcement).
    #[prop(into)]
    lang: Signal<Lang>,
    /// The page-wide text size.
    size: RwSignal<TextSize>,
) -> impl IntoView {
    let said = RwSignal::new(String::new());
    view! {
        <div
            class="nw-text-size"
            part="font-controls"
            role="group"
            aria-label=word(lang, |s| s.text_size)
            lang=lang_tag(lang)
        >
            <SizeButton part="font-smaller" label="A-" name=|s| s.smaller next=TextSize::smaller lang size said />
            <SizeButton part="font-reset" label="A" name=|s| s.reset next=reset toggle=true lang size said />
            <SizeButton part="font-larger" label="A+" name=|s| s.larger next=TextSize::larger lang size said />
            <span class="nw-visually-hidden" aria-live="polite">
                {said}
            </span>
        </div>
    }
}

fn reset(_: TextSize) -> TextSize {
    TextSize::default()
}

/// One text-size button: its visible label inside an accessible name that contains it (WCAG
/// 2.5.3). `A` is a toggle-like reset, pressed at 100%; `A-` and `A+` are steps, inert at their
/// ends.
#[component]
fn SizeButton(
    /// Its `part`.
    part: &'static str,
    /// What it shows.
    label: &'static str,
    /// Its accessible name, from the UI strings.
    name: fn(&Strings) -> &'static str,
    /// What it does to the size.
    next: fn(TextSize) -> TextSize,
    /// The reset: `aria-pressed` at the default rather than `aria-disabled` at an end.
    #[prop(optional)]
    toggle: bool,
    /// UI language.
    lang: Signal<Lang>,
    /// The page-wide text size.
    size: RwSignal<TextSize>,
    /// The announcement of the group.
    said: RwSignal<String>,
) -> impl IntoView {
    let pressed = move || toggle.then(|| boolean(size.get().is_default()));
    let disabled = move || (!toggle).then(|| boolean(next(size.get()) == size.get()));
    // A press: the next size for the whole page, said aloud.
    let press = move |_| {
        let current = size.get_untracked();
        let chosen = next(current);
        if chosen != current {
            choose_text_size(chosen);
            let s = lang.get_untracked().strings();
            said.set([s.size_now, " ", chosen.percent_label()].concat());
        }
    };
    view! {
        <button
            type="button"
            class="nw-button"
            part=part
            aria-label=word(lang, name)
            aria-pressed=pressed
            aria-disabled=disabled
            on:click=press
        >
            {label}
        </button>
    }
}
