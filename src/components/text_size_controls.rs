use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event};

use super::dom::{append, attributes, keep_until_cleanup, Builder};
use crate::format::boolean;
use crate::i18n::Lang;
use crate::storage::choose_text_size;
use crate::text_size::TextSize;

/// A button's `part`, its visible label and what it does to the size.
type Button = (&'static str, &'static str, fn(TextSize) -> TextSize);

/// The buttons, in order.
const BUTTONS: [Button; 3] = [
    ("font-smaller", "A-", TextSize::smaller),
    ("font-reset", "A", reset),
    ("font-larger", "A+", TextSize::larger),
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
    attributes(
        &group,
        &[
            ("part", "font-controls"),
            ("role", "group"),
            ("aria-label", s.text_size),
            ("lang", lang.tag()),
        ],
    )?;
    let mut buttons = Vec::new();
    for ((part, label, _), name) in BUTTONS.into_iter().zip([s.smaller, s.reset, s.larger]) {
        let button = append(&group, build.text("button", "nw-button", label)?)?;
        attributes(
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
    let listener = {
        let controls = Rc::downgrade(&controls);
        Closure::<dyn Fn(Event)>::new(move |ev: Event| {
            if let Some(controls) = controls.upgrade() {
                controls.press(&ev);
            }
        })
    };
    for button in &controls.buttons {
        button.add_event_listener_with_callback("click", listener.as_ref().unchecked_ref())?;
    }
    // The listener lives as long as the buttons: until the view is gone or rebuilt.
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
        let Some((_, (_, _, next))) = self
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
        for (button, (part, _, next)) in self.buttons.iter().zip(BUTTONS) {
            let _ = if part == "font-reset" {
                button.set_attribute("aria-pressed", boolean(size.is_default()))
            } else {
                button.set_attribute("aria-disabled", boolean(next(size) == size))
            };
        }
    }
}
