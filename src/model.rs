//! The article (SPEC §2) and its lenient, total parser.
//!
//! Parsing goes through `serde_json::Value` and hand-written extraction rather than derived
//! structs: every field is optional-or-skipped on its own terms ("a block of a known type with a
//! bad field is skipped, not fatal"), and there is no path from input to a panic.

use serde_json::{Map, Value};

use crate::date::PublishedDate;
use crate::error::FormatProblem;
use crate::url;

/// A news article ready to render: every URL is absolute http(s), every text plain text.
#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    /// Stable identifier, reported in `news-widget:load`.
    pub id: Option<String>,
    /// Canonical URL of the original.
    pub url: Option<String>,
    /// BCP 47 language of the content.
    pub lang: Option<String>,
    /// Section label (`articleSection`).
    pub section: Option<String>,
    /// The headline; never empty.
    pub headline: String,
    /// Standfirst.
    pub description: Option<String>,
    /// Publication date.
    pub published: Option<PublishedDate>,
    /// Last modification date.
    pub modified: Option<PublishedDate>,
    /// Byline as printed.
    pub byline: Option<String>,
    /// Publisher name and site.
    pub publisher: Option<Publisher>,
    /// Hero image.
    pub image: Option<Image>,
    /// Body blocks in order; unusable ones already skipped.
    pub body: Vec<Block>,
    /// Related stories in order.
    pub related: Vec<Related>,
}

/// The organisation that published the article.
#[derive(Clone, Debug, PartialEq)]
pub struct Publisher {
    /// Display name.
    pub name: String,
    /// Home page.
    pub url: Option<String>,
}

/// An image with the space it needs reserved.
#[derive(Clone, Debug, PartialEq)]
pub struct Image {
    /// Absolute http(s) URL.
    pub url: String,
    /// Alternative text; empty means decorative.
    pub alt: String,
    /// Caption or credit shown under the image.
    pub caption: Option<String>,
    /// Intrinsic width in CSS px.
    pub width: Option<u32>,
    /// Intrinsic height in CSS px.
    pub height: Option<u32>,
}

/// A run of inline text, optionally a link and/or emphasised.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Run {
    /// The text, shown as text.
    pub text: String,
    /// Link target, absolute http(s).
    pub href: Option<String>,
    /// `strong` mark.
    pub strong: bool,
    /// `em` mark.
    pub em: bool,
}

/// One block of the article body.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A paragraph of inline runs.
    Paragraph(Vec<Run>),
    /// A subheading inside the body.
    Heading(Vec<Run>),
    /// A quotation with an optional source.
    Quote {
        /// The quoted text.
        runs: Vec<Run>,
        /// Who said it.
        cite: Option<String>,
    },
    /// A figure.
    Image(Image),
    /// A stand-alone link, possibly paid for.
    Link {
        /// Link text.
        text: String,
        /// Target; `None` when the given URL was not http(s) (the text stays).
        url: Option<String>,
        /// Paid placement: labelled and `rel="sponsored"`.
        sponsored: bool,
    },
}

/// A related story for the carousel.
#[derive(Clone, Debug, PartialEq)]
pub struct Related {
    /// Its headline.
    pub headline: String,
    /// Where it lives.
    pub url: Option<String>,
    /// Short excerpt.
    pub description: Option<String>,
    /// Publication date.
    pub published: Option<PublishedDate>,
    /// Thumbnail.
    pub image: Option<Image>,
}

impl Article {
    /// Parses an article document with serde_json's parser (the browser build parses with
    /// `JSON.parse` instead, in the browser-only `json` module); relative URLs resolve against
    /// `base`.
    pub fn parse(json: &[u8], base: &str) -> Result<Article, FormatProblem> {
        let value: Value = serde_json::from_slice(json).map_err(|_| FormatProblem::NotJson)?;
        Article::from_value(&value, base)
    }

    /// Builds an article from an already parsed JSON value.
    pub fn from_value(value: &Value, base: &str) -> Result<Article, FormatProblem> {
        let doc = value.as_object().ok_or(FormatProblem::NotAnObject)?;
        let headline = text(doc, "headline").ok_or(FormatProblem::MissingHeadline)?;
        let body = doc
            .get("body")
            .and_then(Value::as_array)
            .ok_or(FormatProblem::MissingBody)?;
        let link = |key: &str| text(doc, key).and_then(|u| url::resolve(base, &u));
        Ok(Article {
            id: text(doc, "id"),
            url: link("url"),
            lang: text(doc, "lang").filter(|tag| is_language_tag(tag)),
            section: text(doc, "articleSection"),
            headline,
            description: text(doc, "description"),
            published: date(doc, "datePublished"),
            modified: date(doc, "dateModified"),
            byline: text(doc, "byline"),
            publisher: object(doc, "publisher").and_then(|p| {
                Some(Publisher {
                    name: text(p, "name")?,
                    url: text(p, "url").and_then(|u| url::resolve(base, &u)),
                })
            }),
            image: object(doc, "image").and_then(|i| image(i, base)),
            body: body
                .iter()
                .filter_map(|b| block(b.as_object()?, base))
                .collect(),
            related: array(doc, "related")
                .iter()
                .filter_map(|r| related(r.as_object()?, base))
                .collect(),
        })
    }
}

/// A well-formed BCP 47 shape (`zh-TW`, `en`, `zh-Hant-TW`): it becomes a `lang` attribute.
fn is_language_tag(tag: &str) -> bool {
    let mut subtags = tag.split('-');
    let primary = subtags.next().unwrap_or("");
    (1..=8).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && subtags
            .all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// A non-blank string field, as written.
fn text(obj: &Map<String, Value>, key: &str) -> Option<String> {
    obj.get(key)
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty())
        .map(str::to_owned)
}

fn object<'a>(obj: &'a Map<String, Value>, key: &str) -> Option<&'a Map<String, Value>> {
    obj.get(key).and_then(Value::as_object)
}

fn array<'a>(obj: &'a Map<String, Value>, key: &str) -> &'a [Value] {
    obj.get(key)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

fn date(obj: &Map<String, Value>, key: &str) -> Option<PublishedDate> {
    obj.get(key)
        .and_then(Value::as_str)
        .and_then(PublishedDate::parse)
}

/// A positive pixel dimension that fits comfortably in layout arithmetic.
fn dimension(obj: &Map<String, Value>, key: &str) -> Option<u32> {
    obj.get(key)
        .and_then(Value::as_u64)
        .filter(|n| (1..=100_000).contains(n))
        .and_then(|n| u32::try_from(n).ok())
}

fn image(obj: &Map<String, Value>, base: &str) -> Option<Image> {
    Some(Image {
        url: text(obj, "url").and_then(|u| url::resolve(base, &u))?,
        alt: text(obj, "alt").unwrap_or_default(),
        caption: text(obj, "caption"),
        width: dimension(obj, "width"),
        height: dimension(obj, "height"),
    })
}

/// The inline content of a paragraph, heading or quote: `text`, or else `content` runs.
fn runs(obj: &Map<String, Value>, base: &str) -> Option<Vec<Run>> {
    if let Some(text) = text(obj, "text") {
        return Some(vec![Run {
            text,
            ..Run::default()
        }]);
    }
    let runs: Vec<Run> = array(obj, "content")
        .iter()
        .filter_map(|r| {
            let r = r.as_object()?;
            let text = r
                .get("text")
                .and_then(Value::as_str)
                .filter(|t| !t.is_empty())?;
            let mark = |name: &str| array(r, "marks").iter().any(|m| m.as_str() == Some(name));
            Some(Run {
                text: text.to_owned(),
                href: r
                    .get("href")
                    .and_then(Value::as_str)
                    .and_then(|u| url::resolve(base, u)),
                strong: mark("strong"),
                em: mark("em"),
            })
        })
        .collect();
    (runs.iter().any(|r| !r.text.trim().is_empty())).then_some(runs)
}

fn block(obj: &Map<String, Value>, base: &str) -> Option<Block> {
    match obj.get("type").and_then(Value::as_str)? {
        "paragraph" => runs(obj, base).map(Block::Paragraph),
        "heading" => runs(obj, base).map(Block::Heading),
        "quote" => Some(Block::Quote {
            runs: runs(obj, base)?,
            cite: text(obj, "cite"),
        }),
        "image" => image(obj, base).map(Block::Image),
        "link" => Some(Block::Link {
            text: text(obj, "text")?,
            url: text(obj, "url").and_then(|u| url::resolve(base, &u)),
            sponsored: obj
                .get("sponsored")
                .and_then(Value::as_bool)
                .unwrap_or(false),
        }),
        _ => None,
    }
}

fn related(obj: &Map<String, Value>, base: &str) -> Option<Related> {
    Some(Related {
        headline: text(obj, "headline")?,
        url: text(obj, "url").and_then(|u| url::resolve(base, &u)),
        description: text(obj, "description"),
        published: date(obj, "datePublished"),
        image: object(obj, "image").and_then(|i| image(i, base)),
    })
}

#[cfg(test)]
mod tests;
