use std::sync::Arc;

use leptos::html::custom;
use leptos::prelude::*;

use super::body::{figure, BodyBlock};
use super::{next_task, RelatedCarousel, TextSizeControls};
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
    /// Set once the whole article is in the DOM (the embed then reports `news-widget:load`).
    complete: ArcRwSignal<bool>,
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
    let hero = article.image.clone().map(|image| figure(image, true));
    // The body comes in slices, one task each, and the related stories of a long enough body in
    // the task after the last slice: no single task of the first render is long for the host
    // page (issue 7). Below a short body they come with it: arriving later, they would push the
    // host's content down a second time while it is still on screen.
    let slices = slices(article.body.len());
    let deferred = article.body.len() >= RELATED_LATER_FROM && !article.related.is_empty();
    let related_step = if deferred { slices.len() } else { 0 };
    let steps = slices.len() + usize::from(deferred);
    let revealed = reveal_one_by_one(steps, complete);
    let shown = move |step: usize| Memo::new(move |_| revealed.get() > step);
    let blocks = slices
        .into_iter()
        .enumerate()
        .map(|(k, range)| {
            // Each slice renders once, when its turn comes; later reveals do not touch it.
            let visible = shown(k);
            let article = article.clone();
            move || {
                visible.get().then(|| {
                    article.body[range.clone()]
                        .iter()
                        .cloned()
                        .map(|block| view! { <BodyBlock block lang level /> })
                        .collect_view()
                })
            }
        })
        .collect_view();
    let related = {
        let visible = shown(related_step);
        let content_lang = article.lang.clone();
        let items = article.related.clone();
        move || {
            (visible.get() && !items.is_empty()).then(|| {
                let (items, content_lang) = (items.clone(), content_lang.clone());
                view! { <RelatedCarousel items lang content_lang level /> }
            })
        }
    };

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

/// Blocks rendered in the first task: more than a screenful at any text size.
const FIRST_SLICE: usize = 60;
/// Blocks added per later task: small enough that building and laying them out stays short.
const SLICE: usize = 150;
/// Bodies this long fill the first screen, so related stories below them can come a task later.
const RELATED_LATER_FROM: usize = 12;

/// The body split into the slices that are rendered one task after another: a very long article
/// must not block the host page's main thread (a 1500-block body in one go took ~390 ms).
fn slices(total: usize) -> Vec<std::ops::Range<usize>> {
    let first = total.min(FIRST_SLICE);
    let rest = (first..total)
        .step_by(SLICE)
        .map(|start| start..(start + SLICE).min(total));
    std::iter::once(0..first).chain(rest).collect()
}

/// How many steps are in the DOM: the first at once, then one more per task; `done` is set
/// after the last one. An article rebuilt after it was complete (a new `lang` or
/// `heading-level`) comes back whole at once, so the page below it does not jump.
fn reveal_one_by_one(count: usize, done: ArcRwSignal<bool>) -> RwSignal<usize> {
    let revealed = RwSignal::new(if done.get_untracked() { count } else { 1 });
    if revealed.get_untracked() >= count {
        done.set(true);
    } else {
        leptos::task::spawn_local(async move {
            loop {
                next_task().await;
                // `None` once the view is gone (unmounted mid-way): stop.
                let more = revealed.try_update(|n| {
                    *n += 1;
                    *n < count
                });
                match more {
                    Some(true) => {}
                    Some(false) => break done.set(true),
                    None => break,
                }
            }
        });
    }
    revealed
}
