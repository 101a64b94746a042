use std::ops::Range;
use std::sync::Arc;

use leptos::prelude::*;

use super::body::{BlockView, Picture};
use super::heading::Heading;
use super::related_carousel::RelatedCarousel;
use super::text_size_controls::TextSizeControls;
use super::{date_text, lang_tag, next_task, word};
use crate::attributes::HeadingLevel;
use crate::date::PublishedDate;
use crate::i18n::Lang;
use crate::model::Article;
use crate::text_size::TextSize;

/// The headline, which names the article.
const HEADLINE_ID: &str = "nw-headline";

/// Blocks rendered in the first task: more than a screenful at any text size.
const FIRST_SLICE: usize = 60;
/// Blocks added per later task: small enough that building and laying them out stays short.
const SLICE: usize = 150;
/// Bodies this long fill the first screen, so related stories below them can come a task later.
const RELATED_LATER_FROM: usize = 12;

/// The body split into the slices that are rendered one task after another: a very long article
/// must not block the host page's main thread (a 1500-block body in one go took ~390 ms).
fn slices(total: usize) -> Vec<Range<usize>> {
    let first = total.min(FIRST_SLICE);
    let rest = (first..total)
        .step_by(SLICE)
        .map(|start| start..(start + SLICE).min(total));
    std::iter::once(0..first).chain(rest).collect()
}

/// Whether the related stories wait for the whole body: below a short body they come with it
/// (arriving later, they would push the host's content down a second time while it is still on
/// screen).
fn related_later(article: &Article) -> bool {
    article.body.len() >= RELATED_LATER_FROM && !article.related.is_empty()
}

/// How much of one article's body is in the DOM.
#[derive(Clone)]
struct Rendered {
    /// The article these slices are of.
    article: Arc<Article>,
    /// Tells this article's slices from those of the one before (the keys of the body's list).
    generation: u32,
    /// How many of its [`slices`] are in.
    slices: usize,
}

/// One slice of the body, an item of its `<For>`.
struct Slice {
    article: Arc<Article>,
    generation: u32,
    range: Range<usize>,
}

impl Rendered {
    /// The slices that are in.
    fn slices(&self) -> Vec<Slice> {
        slices(self.article.body.len())
            .into_iter()
            .take(self.slices)
            .map(|range| Slice {
                article: self.article.clone(),
                generation: self.generation,
                range,
            })
            .collect()
    }
}

/// The article: header (section, headline, standfirst, date, text-size controls, byline), hero
/// figure and body, and its related stories after it. The header and the first slice of the body
/// come at once, the rest of a long body in later tasks, the related stories with a short body or
/// a task after a long one; `complete` is set once all of it is in. A new article patches the
/// header and renders its body the same way; a new `lang` or `heading-level` patches the words
/// and headings it changes.
#[component]
pub fn ArticleView(
    /// The article to show.
    #[prop(into)]
    article: Signal<Arc<Article>>,
    /// UI language (labels, dates).
    #[prop(into)]
    lang: Signal<Lang>,
    /// The headline's level in the host's outline.
    #[prop(into)]
    level: Signal<HeadingLevel>,
    /// The page-wide text size.
    text_size: RwSignal<TextSize>,
    /// Set once the whole article is in the DOM (the embed then reports `news-widget:load`).
    complete: ArcRwSignal<bool>,
) -> impl IntoView {
    let first = article.get_untracked();
    let rendered = RwSignal::new(Rendered {
        article: first.clone(),
        generation: 0,
        slices: 0,
    });
    let related = RwSignal::new(None);
    start(&first, rendered, related, &complete);
    Effect::new(move |_| {
        let article = article.get();
        if rendered.with_untracked(|r| !Arc::ptr_eq(&r.article, &article)) {
            start(&article, rendered, related, &complete);
        }
        // Cancelled when the article changes again or the view goes (the effect's cleanup).
        leptos::task::spawn_local_scoped_with_cancellation(render_rest(
            article,
            rendered,
            related,
            complete.clone(),
        ));
    });

    let text = move |field: fn(&Article) -> &Option<String>| article.with(|a| field(a).clone());
    let section = move || text(|a| &a.section);
    let description = move || text(|a| &a.description);
    let byline = move || text(|a| &a.byline);
    let published = move || article.with(|a| a.published.clone());
    let hero = move || article.with(|a| a.image.clone());
    let related_view = move || {
        related.get().filter(|a| !a.related.is_empty()).map(|a| {
            view! { <RelatedCarousel related=a.related.clone() content_lang=a.lang.clone() lang level /> }.into_any()
        })
    };

    view! {
        <article class="nw-article" aria-labelledby=HEADLINE_ID>
            <header class="nw-header">
                {move || {
                    section()
                        .map(|section| {
                            view! { <p class="nw-section" part="section">{section}</p> }.into_any()
                        })
                }}
                <Heading
                    tag=move || level.get().tag()
                    class="nw-headline"
                    part="headline"
                    id=HEADLINE_ID
                >
                    {move || article.with(|a| a.headline.clone())}
                </Heading>
                {move || {
                    description().map(|text| view! { <p class="nw-standfirst">{text}</p> }.into_any())
                }}
                <div class="nw-meta" part="meta">
                    {move || published().map(|date| view! { <Published date lang /> }.into_any())}
                    <TextSizeControls lang size=text_size />
                    {move || {
                        byline()
                            .map(|byline| {
                                view! { <span class="nw-byline" part="byline">{byline}</span> }.into_any()
                            })
                    }}
                </div>
            </header>
            {move || {
                hero()
                    .map(|image| {
                        view! {
                            <figure class="nw-hero" part="hero">
                                <Picture image lazy=false />
                            </figure>
                        }
                        .into_any()
                    })
            }}
            <div class="nw-body" part="body" data-nosnippet="">
                <For
                    each=move || rendered.with(Rendered::slices)
                    key=|slice| (slice.generation, slice.range.start)
                    let:slice
                >
                    {slice
                        .article
                        .body
                        .get(slice.range)
                        .unwrap_or_default()
                        .iter()
                        .map(|block| view! { <BlockView block=block.clone() lang level /> })
                        .collect_view()}
                </For>
            </div>
        </article>
        {related_view}
    }
}

/// The start of a new article's render: its first slice, and its related stories if they come
/// with it.
fn start(
    article: &Arc<Article>,
    rendered: RwSignal<Rendered>,
    related: RwSignal<Option<Arc<Article>>>,
    complete: &ArcRwSignal<bool>,
) {
    rendered.update(|r| {
        r.article = article.clone();
        r.generation = r.generation.wrapping_add(1);
        r.slices = 1;
    });
    let with_body = !related_later(article);
    related.set(with_body.then(|| article.clone()));
    if with_body && slices(article.body.len()).len() <= 1 {
        complete.set(true);
    }
}

/// The rest of `article` after [`start`]: the body's remaining slices, one task each, then the
/// related stories if they wait for the body, then `complete`. No single task of the render is
/// long for the host page (issue 7).
async fn render_rest(
    article: Arc<Article>,
    rendered: RwSignal<Rendered>,
    related: RwSignal<Option<Arc<Article>>>,
    complete: ArcRwSignal<bool>,
) {
    let total = slices(article.body.len()).len();
    let later = related_later(&article);
    if total <= 1 && !later {
        return;
    }
    for _ in 1..total {
        next_task().await;
        // `None`: the view is gone (the task is cancelled then too).
        if rendered.try_update(|r| r.slices += 1).is_none() {
            return;
        }
    }
    if later {
        next_task().await;
        if related.try_set(Some(article)).is_some() {
            return;
        }
    }
    complete.set(true);
}

/// The publication date: a label in the UI language and a `<time>`, shown in its format.
#[component]
fn Published(
    /// The date.
    date: PublishedDate,
    /// UI language.
    lang: Signal<Lang>,
) -> impl IntoView {
    let datetime = date.iso.clone();
    view! {
        <span class="nw-date" lang=lang_tag(lang)>
            {word(lang, |s| s.published)}
            <time part="date" datetime=datetime>
                {date_text(date, lang)}
            </time>
        </span>
    }
}
