//! The article's body blocks and figures, built by hand (see [`super::dom`]).

use wasm_bindgen::JsValue;
use web_sys::Element;

use super::dom::{append, set_attributes, Builder, Built};
use crate::attributes::HeadingLevel;
use crate::format::decimal;
use crate::i18n::Lang;
use crate::model::{Block, Image, Run};

/// One body block. Text is only ever a text node; links only ever http(s) (see [`crate::url`]).
pub fn block(build: &Builder, block: &Block, lang: Lang, level: HeadingLevel) -> Built {
    match block {
        Block::Paragraph(runs) => inline(build, build.element("p", "nw-p")?, runs),
        Block::Heading(runs) => inline(build, build.element(level.below(), "nw-subheading")?, runs),
        Block::Quote { runs, cite } => {
            let quote = build.element("blockquote", "nw-quote")?;
            append(&quote, inline(build, build.element("p", "")?, runs)?)?;
            if let Some(cite) = cite {
                append(&quote, build.text("footer", "nw-cite", cite)?)?;
            }
            Ok(quote)
        }
        Block::Image(image) => {
            let figure = build.element("figure", "nw-figure")?;
            fill_figure(build, &figure, image, false)?;
            Ok(figure)
        }
        Block::Link {
            text,
            url,
            sponsored,
        } => {
            let (class, rel) = if *sponsored {
                (
                    "nw-p nw-link-block nw-sponsored",
                    "sponsored noopener noreferrer",
                )
            } else {
                ("nw-p nw-link-block", "noopener noreferrer")
            };
            let p = build.element("p", class)?;
            if *sponsored {
                let label = build.text("span", "nw-sponsored-label", lang.strings().sponsored)?;
                label.set_attribute("lang", lang.tag())?;
                append(&p, label)?;
            }
            match url {
                Some(url) => {
                    let a = append(&p, build.text("a", "", text)?)?;
                    set_attributes(&a, &[("href", url), ("rel", rel)])?;
                }
                None => p.append_with_str_1(text)?,
            }
            Ok(p)
        }
    }
}

/// An image with its space reserved (width/height) and its caption, in `figure`: the article's
/// hero (loaded at once) or a figure in the body (loaded lazily).
pub fn fill_figure(
    build: &Builder,
    figure: &Element,
    image: &Image,
    hero: bool,
) -> Result<(), JsValue> {
    let alt = &image.alt;
    img(
        build,
        figure,
        "",
        image,
        alt,
        if hero { "eager" } else { "lazy" },
    )?;
    if let Some(caption) = &image.caption {
        append(figure, build.text("figcaption", "", caption)?)?;
    }
    Ok(())
}

/// `<img>` into `parent`, its space reserved by `width` and `height` when they are known.
pub fn img(
    build: &Builder,
    parent: &Element,
    class: &str,
    image: &Image,
    alt: &str,
    loading: &str,
) -> Built {
    let img = append(parent, build.element("img", class)?)?;
    // `loading` before `src`, so a lazy image never starts early.
    set_attributes(
        &img,
        &[
            ("loading", loading),
            ("decoding", "async"),
            ("alt", alt),
            ("src", &image.url),
        ],
    )?;
    for (name, value) in [("width", image.width), ("height", image.height)] {
        if let Some(value) = value {
            img.set_attribute(name, &decimal(value))?;
        }
    }
    Ok(img)
}

/// The runs of a paragraph, heading or quote into `parent`: text, `strong`/`em`, links.
fn inline(build: &Builder, parent: Element, runs: &[Run]) -> Built {
    for run in runs {
        let mut into = parent.clone();
        if let Some(href) = &run.href {
            into = append(&into, build.element("a", "")?)?;
            set_attributes(&into, &[("href", href), ("rel", "noopener noreferrer")])?;
        }
        if run.strong {
            into = append(&into, build.element("strong", "")?)?;
        }
        if run.em {
            into = append(&into, build.element("em", "")?)?;
        }
        into.append_with_str_1(&run.text)?;
    }
    Ok(parent)
}
