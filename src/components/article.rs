use std::ops::Range;
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsValue;
use web_sys::Element;

use super::body::{block, fill_figure};
use super::dom::{append, keep_until_cleanup, set_attributes, Builder, Built};
use super::next_task;
use super::related_carousel::related_carousel;
use super::text_size_controls::text_size_controls;
use crate::attributes::HeadingLevel;
use crate::i18n::Lang;
use crate::model::Article;
use crate::text_size::TextSize;

/// An article to show, and how.
pub struct Content {
    /// The article to show.
    pub article: Arc<Article>,
    /// UI language (labels, dates).
    pub lang: Lang,
    /// The headline's level in the host's outline.
    pub level: HeadingLevel,
    /// The page-wide text size.
    pub text_size: RwSignal<TextSize>,
    /// Set once the whole article is in the DOM (the embed then reports `news-widget:load`).
    pub complete: ArcRwSignal<bool>,
}

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

/// The article (header with text-size controls, hero figure, body) into `parent`, and its related
/// stories after it: the header and hero at once, the body in slices and the related stories
/// after it (see [`render_later`]).
pub fn article(build: &Builder, parent: &Element, content: Content) -> Result<(), JsValue> {
    match article_element(build, parent, &content) {
        Ok(body) => {
            render_later(Later {
                build: build.clone(),
                content,
                body,
                wrapper: parent.clone(),
            });
            Ok(())
        }
        Err(error) => {
            // Whatever could be built is what there is: the host still hears `load`, and the
            // reserved height is released.
            content.complete.set(true);
            Err(error)
        }
    }
}

/// `<article>` with its header and hero; returns its body, still empty.
fn article_element(build: &Builder, parent: &Element, content: &Content) -> Built {
    let element = append(parent, build.element("article", "nw-article")?)?;
    element.set_attribute("aria-labelledby", HEADLINE_ID)?;
    header(build, &element, content)?;
    if let Some(image) = &content.article.image {
        let hero = append(&element, build.element("figure", "nw-hero")?)?;
        hero.set_attribute("part", "hero")?;
        fill_figure(build, &hero, image, true)?;
    }
    let body = append(&element, build.element("div", "nw-body")?)?;
    set_attributes(&body, &[("part", "body"), ("data-nosnippet", "")])?;
    Ok(body)
}

/// Section, headline, standfirst and the meta line: date, text-size controls, byline.
fn header(build: &Builder, article_element: &Element, content: &Content) -> Result<(), JsValue> {
    let Content {
        article,
        lang,
        level,
        text_size,
        ..
    } = content;
    let header = append(article_element, build.element("header", "nw-header")?)?;
    if let Some(section) = &article.section {
        append(&header, build.text("p", "nw-section", section)?)?
            .set_attribute("part", "section")?;
    }
    let headline = append(
        &header,
        build.text(level.tag(), "nw-headline", &article.headline)?,
    )?;
    set_attributes(&headline, &[("part", "headline"), ("id", HEADLINE_ID)])?;
    if let Some(description) = &article.description {
        append(&header, build.text("p", "nw-standfirst", description)?)?;
    }
    let meta = append(&header, build.element("div", "nw-meta")?)?;
    meta.set_attribute("part", "meta")?;
    if let Some(date) = &article.published {
        let span = append(
            &meta,
            build.text("span", "nw-date", lang.strings().published)?,
        )?;
        span.set_attribute("lang", lang.tag())?;
        let time = append(&span, build.text("time", "", &date.display(*lang))?)?;
        set_attributes(&time, &[("part", "date"), ("datetime", &date.iso)])?;
    }
    text_size_controls(build, &meta, *lang, *text_size)?;
    if let Some(byline) = &article.byline {
        append(&meta, build.text("span", "nw-byline", byline)?)?.set_attribute("part", "byline")?;
    }
    Ok(())
}

/// The deferred part of the render: the body's blocks and the related stories, built by
/// [`render_later`] over several tasks after the header.
struct Later {
    build: Builder,
    content: Content,
    body: Element,
    /// Where the related stories go, after the article.
    wrapper: Element,
}

impl Later {
    /// The body blocks in `range`.
    fn blocks(&self, range: Range<usize>) {
        let Content { lang, level, .. } = self.content;
        for item in &self.content.article.body[range] {
            if let Ok(item) = block(&self.build, item, lang, level) {
                let _ = self.body.append_with_node_1(&item);
            }
        }
    }

    /// The related stories, if there are any.
    fn related(&self) {
        let Content {
            article,
            lang,
            level,
            ..
        } = &self.content;
        if !article.related.is_empty() {
            let _ = related_carousel(&self.build, &self.wrapper, article, *lang, *level);
        }
    }
}

/// The body's slices, one task each, then the related stories, then `complete`. No single task
/// of the first render is long for the host page (issue 7). Below a short body the related
/// stories come with it: arriving later, they would push the host's content down a second time
/// while it is still on screen. An article rebuilt after it was complete (a new `lang` or
/// `heading-level`) comes back whole at once, so the page below it does not jump.
fn render_later(later: Later) {
    let article = &later.content.article;
    let complete = later.content.complete.clone();
    let mut slices = slices(article.body.len()).into_iter();
    let deferred = article.body.len() >= RELATED_LATER_FROM && !article.related.is_empty();
    if complete.get_untracked() || (slices.len() <= 1 && !deferred) {
        slices.for_each(|range| later.blocks(range));
        later.related();
        complete.set(true);
        return;
    }
    if let Some(first) = slices.next() {
        later.blocks(first);
    }
    if !deferred {
        later.related();
    }
    // Gone at the view's cleanup (unmounted or rebuilt mid-way), which stops the rest.
    let alive = Rc::new(());
    let view = Rc::downgrade(&alive);
    keep_until_cleanup(alive);
    // The carousel's listeners and observer must live until that cleanup too: its owner's.
    let owner = Owner::current();
    leptos::task::spawn_local(async move {
        for range in slices {
            next_task().await;
            if view.strong_count() == 0 {
                return;
            }
            later.blocks(range);
        }
        if deferred {
            next_task().await;
            if view.strong_count() == 0 {
                return;
            }
            match owner {
                Some(owner) => owner.with(|| later.related()),
                None => later.related(),
            }
        }
        complete.set(true);
    });
}
