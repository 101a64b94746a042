use std::sync::Arc;

use leptos::html::custom;
use leptos::prelude::*;

use super::body::{figure, BodyBlock};
use super::{RelatedCarousel, TextSizeControls};
use crate::attributes::HeadingLevel;
use crate::i18n::Lang;
use crate::model::Article;
use crate::text_size::TextSize;

/// The article: header with text-size controls, hero figure, body, related stories.
#[component]
pub fn ArticleView(
    /// The article to show.
    article: Arc<Article>,
    /// UI language (labels, dates).
    lang: Lang,
    /// The headline's level in the host's outline.
    level: HeadingLevel,
    /// The page-wide text size.
    text_size: RwSignal<TextSize>,
) -> impl IntoView {
    let s = lang.strings();
    let section = article
        .section
        .clone()
        .map(|section| view! { <p part="section" class="nw-section">{section}</p> });
    let headline = custom(level.tag())
        .attr("part", "headline")
        .attr("class", "nw-headline")
        .attr("id", "nw-headline")
        .child(article.headline.clone());
    let description = article
        .description
        .clone()
        .map(|d| view! { <p class="nw-standfirst">{d}</p> });
    let byline = article
        .byline
        .clone()
        .map(|b| view! { <span part="byline" class="nw-byline">{b}</span> });
    let date = article.published.clone().map(|d| {
        view! {
            <span class="nw-date" lang=lang.tag()>
                {s.published}
                <time part="date" datetime=d.iso.clone()>{d.display(lang)}</time>
            </span>
        }
    });
    let hero = article
        .image
        .clone()
        .map(|image| figure(image, "hero", false));
    let blocks = article
        .body
        .iter()
        .cloned()
        .map(|block| view! { <BodyBlock block lang level /> })
        .collect_view();
    let related = (!article.related.is_empty()).then(|| {
        let content_lang = article.lang.clone();
        view! { <RelatedCarousel items=article.related.clone() lang content_lang level /> }
    });

    view! {
        <article class="nw-article" aria-labelledby="nw-headline">
            <header class="nw-header">
                {section}
                {headline}
                {description}
                <div part="meta" class="nw-meta">
                    {date}
                    <TextSizeControls lang size=text_size />
                    {byline}
                </div>
            </header>
            {hero}
            <div part="body" class="nw-body" data-nosnippet="">{blocks}</div>
        </article>
        {related}
    }
}
