use leptos::html::custom;
use leptos::prelude::*;

use crate::attributes::HeadingLevel;
use crate::format::decimal;
use crate::i18n::Lang;
use crate::model::{Block, Image, Run};

/// One body block. Text is only ever a text node; links only ever http(s) (see [`crate::url`]).
#[component]
pub fn BodyBlock(
    /// The block to show.
    block: Block,
    /// UI language (the sponsored label).
    lang: Lang,
    /// The headline's level; subheadings sit one below it.
    level: HeadingLevel,
) -> impl IntoView {
    match block {
        Block::Paragraph(runs) => view! { <p class="nw-p">{inline(runs)}</p> }.into_any(),
        Block::Heading(runs) => custom(level.below())
            .attr("class", "nw-subheading")
            .child(inline(runs))
            .into_any(),
        Block::Quote { runs, cite } => view! {
            <blockquote class="nw-quote">
                <p>{inline(runs)}</p>
                {cite.map(|c| view! { <footer class="nw-cite">{c}</footer> })}
            </blockquote>
        }
        .into_any(),
        Block::Image(image) => figure(image, false).into_any(),
        Block::Link {
            text,
            url,
            sponsored,
        } => {
            let rel = if sponsored {
                "sponsored noopener noreferrer"
            } else {
                "noopener noreferrer"
            };
            let label = sponsored.then(
                || view! { <span class="nw-sponsored-label" lang=lang.tag()>{lang.strings().sponsored}</span> },
            );
            let link = match url {
                Some(url) => view! { <a href=url rel=rel>{text}</a> }.into_any(),
                None => text.into_any(),
            };
            view! { <p class="nw-p nw-link-block" class:nw-sponsored=sponsored>{label}{link}</p> }
                .into_any()
        }
    }
}

/// An image with its space reserved (width/height) and its caption: the article's hero (the
/// `hero` part, loaded at once) or a figure in the body (loaded lazily).
pub fn figure(image: Image, hero: bool) -> impl IntoView {
    let (class, part) = if hero {
        ("nw-hero", Some("hero"))
    } else {
        ("nw-figure", None)
    };
    view! {
        <figure class=class part=part>
            <img
                src=image.url
                alt=image.alt
                width=image.width.map(decimal)
                height=image.height.map(decimal)
                loading=if hero { "eager" } else { "lazy" }
                decoding="async"
            />
            {image.caption.map(|c| view! { <figcaption>{c}</figcaption> })}
        </figure>
    }
}

fn inline(runs: Vec<Run>) -> impl IntoView {
    runs.into_iter()
        .map(|run| {
            let text = match (run.strong, run.em) {
                (true, true) => view! { <strong><em>{run.text}</em></strong> }.into_any(),
                (true, false) => view! { <strong>{run.text}</strong> }.into_any(),
                (false, true) => view! { <em>{run.text}</em> }.into_any(),
                (false, false) => run.text.into_any(),
            };
            match run.href {
                Some(href) => {
                    view! { <a href=href rel="noopener noreferrer">{text}</a> }.into_any()
                }
                None => text,
            }
        })
        .collect_view()
}
