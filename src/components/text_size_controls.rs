use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsValue;
use web_sys::{Element, Event};

use super::dom::{append, keep_until_cleanup, set_attributes, Builder, Listener};
use crate::format::boolean;
use crate::i18n::Lang;
use crate::storage::choose_text_size;
use crate::text_size::TextSize;

/// A button's `part`, its visible label, what it does to the size, and whether it is the reset
/// (a toggle-like button, pressed at 100%) rather than a step (inert at its end).
type Button = (&'static str, &'static str, fn(TextSize) -> TextSize, bool);

/// The buttons, in order.
const BUTTONS: [Button; 3] = [
    ("font-smaller", "A-", TextSize::smaller, false),
    ("font-reset", "A", reset, true),
    ("font-larger", "A+", TextSize::larger, false),
];

fn reset(_: TextSize) -> TextSize {
    TextSize::default()
}

/// `A-` `A` `A+` into `parent`: a labelled group whose buttons change the page-wide text size,
/// their states kept up to date by an effect, and an announcement of the new size.
///
/// Ends use `aria-disabled` rather than `disabled`, so a keyboard user pressing `A+` up to 200%
/// keeps focus on the button instead of being dropped to the top of the page.
pub fn text_size_controls(
    build: &Builder,
    parent: &Element,
    lang: Lang,
    size: RwSignal<TextSize>,
) -> Result<(), JsValue> {
    let s = lang.strings();
    let group = append(parent, build.element("div", "nw-text-size")?)?;
    set_attributes(
        &group,
        &[
            ("part", "font-controls"),
            ("role", "group"),
            ("aria-label", s.text_size),
            ("lang", lang.tag()),
        ],
    )?;
    let mut buttons = Vec::new();
    for ((part, label, _, _), name) in BUTTONS.into_iter().zip([s.smaller, s.reset, s.larger]) {
        let button = append(&group, build.text("button", "nw-button", label)?)?;
        set_attributes(
            &button,
            &[("type", "button"), ("part", part), ("aria-label", name)],
        )?;
        buttons.push(button);
    }
    let status = append(&group, build.element("span", "nw-visually-hidden")?)?;
    status.set_attribute("aria-live", "polite")?;
    let controls = Rc::new(Controls {
        buttons,
        status,
        lang,
        size,
    });
    controls.show(size.get_untracked());
    let mut listener = {
        let controls = Rc::downgrade(&controls);
        Listener::new(move |ev| {
            if let Some(controls) = controls.upgrade() {
                controls.press(&ev);
            }
        })
    };
    for button in &controls.buttons {
        listener.on(button, "click")?;
    }
    keep_until_cleanup(listener);
    Effect::new(move |_| controls.show(size.get()));
    Ok(())
}

/// The built controls, shared by their listener and the effect that keeps their states.
struct Controls {
    /// `A-`, `A`, `A+`, in the order of [`BUTTONS`].
    buttons: Vec<Element>,
    /// Says the new size after a press.
    status: Element,
    lang: Lang,
    size: RwSignal<TextSize>,
}

impl Controls {
    /// A press: the next size for the whole page, said aloud. `A-`/`A+` are inert at their ends.
    fn press(&self, ev: &Event) {
        let pressed = ev.current_target();
        let Some((_, (_, _, next, _))) = self
            .buttons
            .iter()
            .zip(BUTTONS)
            .find(|(button, _)| pressed.as_ref() == Some(button.as_ref()))
        else {
            return;
        };
        let current = self.size.get_untracked();
        let chosen = next(current);
        if chosen != current {
            choose_text_size(chosen);
            let said = [self.lang.strings().size_now, " ", chosen.percent_label()].concat();
            self.status.set_text_content(Some(&said));
        }
    }

    /// `aria-disabled` on the ends' buttons; `A` is a toggle-like reset, pressed at 100%.
    fn show(&self, size: TextSize) {
        for (button, (_, _, next, is_reset)) in self.buttons.iter().zip(BUTTONS) {
            let _ = if is_reset {
                button.set_attribute("aria-pressed", boolean(size.is_default()))
            } else {
                button.set_attribute("aria-disabled", boolean(next(size) == size))
            };
        }
    }
}
