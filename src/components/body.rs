//! The article's body blocks, their inline runs and figures. Text is only ever text (Leptos
//! makes a text node of every string); links only ever http(s) (see [`crate::url`]).

use leptos::prelude::*;

use super::heading::Heading;
use super::{lang_tag, word};
use crate::attributes::HeadingLevel;
use crate::format::decimal;
use crate::i18n::Lang;
use crate::model::{Block, Image, Run};

/// One body block, as the view for its type.
#[component]
pub fn BlockView(
    /// The block.
    block: Block,
    /// UI language (the sponsored label).
    #[prop(into)]
    lang: Signal<Lang>,
    /// The headline's level; subheadings sit one below.
    #[prop(into)]
    level: Signal<HeadingLevel>,
) -> impl IntoView {
    match block {
        Block::Paragraph(runs) => view! { <Paragraph runs /> }.into_any(),
        Block::Heading(runs) => view! { <Subheading runs level /> }.into_any(),
        Block::Quote { runs, cite } => view! { <Quote runs cite /> }.into_any(),
        Block::Image(image) => view! { <BodyFigure image /> }.into_any(),
        Block::Link {
            text,
            url,
            sponsored,
        } => view! { <LinkBlock text url sponsored lang /> }.into_any(),
    }
}

/// A paragraph of the body.
#[component]
fn Paragraph(
    /// Its text.
    runs: Vec<Run>,
) -> impl IntoView {
    view! {
        <p class="nw-p">
            <Runs runs />
        </p>
    }
}

/// A subheading of the body, one level below the headline.
#[component]
fn Subheading(
    /// Its text.
    runs: Vec<Run>,
    /// The headline's level.
    level: Signal<HeadingLevel>,
) -> impl IntoView {
    view! {
        <Heading tag=move || level.get().below() class="nw-subheading">
            <Runs runs=runs.clone() />
        </Heading>
    }
}

/// A quotation, and who said it.
#[component]
fn Quote(
    /// The quoted text.
    runs: Vec<Run>,
    /// Who said it.
    cite: Option<String>,
) -> impl IntoView {
    view! {
        <blockquote class="nw-quote">
            <p>
                <Runs runs />
            </p>
            {cite.map(|cite| view! { <footer class="nw-cite">{cite}</footer> }.into_any())}
        </blockquote>
    }
}

/// A stand-alone link; a paid one labelled as such and marked `rel="sponsored"`.
#[component]
fn LinkBlock(
    /// The link text.
    text: String,
    /// Where it goes; without one (not http(s)) the text stays, unlinked.
    url: Option<String>,
    /// Paid placement.
    sponsored: bool,
    /// UI language (the label).
    lang: Signal<Lang>,
) -> impl IntoView {
    let (class, rel) = if sponsored {
        (
            "nw-p nw-link-block nw-sponsored",
            "sponsored noopener noreferrer",
        )
    } else {
        ("nw-p nw-link-block", "noopener noreferrer")
    };
    let label = sponsored.then(|| {
        view! {
            <span class="nw-sponsored-label" lang=lang_tag(lang)>
                {word(lang, |s| s.sponsored)}
            </span>
        }
        .into_any()
    });
    let link = match url {
        Some(url) => view! { <a href=url rel=rel>{text}</a> }.into_any(),
        None => text.into_any(),
    };
    view! { <p class=class>{label} {link}</p> }
}

/// A figure of the body: its image, loaded lazily, and caption.
#[component]
fn BodyFigure(
    /// The image.
    image: Image,
) -> impl IntoView {
    view! {
        <figure class="nw-figure">
            <Picture image lazy=true />
        </figure>
    }
}

/// An image with its space reserved (`width`/`height`) and its caption: the article's hero or a
/// figure of the body.
#[component]
pub fn Picture(
    /// The image.
    image: Image,
    /// Loaded as it nears the viewport (a figure of the body) rather than at once (the hero).
    lazy: bool,
) -> impl IntoView {
    let Image {
        url,
        alt,
        caption,
        width,
        height,
    } = image;
    view! {
        <Img url alt width height lazy />
        {caption.map(|caption| view! { <figcaption>{caption}</figcaption> }.into_any())}
    }
}

/// `<img>`, its space reserved by `width` and `height` when they are known.
#[component]
pub fn Img(
    /// Absolute http(s) URL.
    url: String,
    /// Alternative text; empty for a decorative image.
    alt: String,
    /// Intrinsic width in CSS px.
    width: Option<u32>,
    /// Intrinsic height in CSS px.
    height: Option<u32>,
    /// `loading="lazy"` rather than `"eager"`.
    lazy: bool,
    /// Its class, if any.
    #[prop(optional)]
    class: Option<&'static str>,
) -> impl IntoView {
    // `loading` before `src` (attributes are set in order), so a lazy image never starts early.
    view! {
        <img
            class=class
            loading=if lazy { "lazy" } else { "eager" }
            decoding="async"
            alt=alt
            src=url
            width=width.map(decimal)
            height=height.map(decimal)
        />
    }
}

/// The runs of a paragraph, heading or quote: text, `strong`/`em`, links.
#[component]
fn Runs(
    /// The runs, in order.
    runs: Vec<Run>,
) -> impl IntoView {
    runs.into_iter().map(run).collect_view()
}

/// One run: its text, inside `em`, `strong` and a link as it is marked. Each wrapper is one
/// view whatever is inside it, so the eight combinations share their code.
fn run(run: Run) -> AnyView {
    let Run {
        text,
        href,
        strong,
        em,
    } = run;
    let mut view = text.into_any();
    if em {
        view = view! { <em>{view}</em> }.into_any();
    }
    if strong {
        view = view! { <strong>{view}</strong> }.into_any();
    }
    if let Some(href) = href {
        view = view! { <a href=href rel="noopener noreferrer">{view}</a> }.into_any();
    }
    view
}
