//! The article (SPEC §2): the validated domain types the views render, and its lenient, total
//! parser.
//!
//! serde reads the text into the wire types of [`wire`] (SPEC's JSON, field for field, every
//! field recorded as found rather than failing); the rules here then make the domain types from
//! them, SPEC §2's leniency written out once:
//!
//! - unknown fields and block types are ignored;
//! - optional fields of the wrong type, blank text, non-http(s) URLs, bad dates and sizes are
//!   treated as missing (a link keeps its text and loses its `href`);
//! - a block of a known type whose content field (`text`, `content`, `url`) has the wrong type is
//!   skipped, as is a block, run or related story without what it needs (text, a URL, a
//!   headline);
//! - only a document that is not JSON, not an object, or without `headline` and `body` fails.
//!
//! [`Article::parse_with_report`] says what was left out, and where; `Serialize` writes an
//! [`Article`] back as canonical JSON v1 (absolute URLs, absent fields left out).

mod report;
pub mod wire;

use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use report::{Dropped, Why};

use crate::date::PublishedDate;
use crate::error::FormatProblem;
use crate::url;
use report::{Path, Report};
use wire::{
    ArticleJson, BlockJson, Field, Found, ImageJson, InlineJson, LinkJson, Mark, PublisherJson,
    QuoteJson, RelatedJson, RunJson,
};

/// A news article ready to render: every URL is absolute http(s), every text plain text.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(into = "ArticleJson")]
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
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(into = "PublisherJson")]
pub struct Publisher {
    /// Display name.
    pub name: String,
    /// Home page.
    pub url: Option<String>,
}

/// An image with the space it needs reserved.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(into = "ImageJson")]
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
#[derive(Clone, Debug, PartialEq, Default, Serialize)]
#[serde(into = "RunJson")]
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
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(into = "BlockJson")]
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
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(into = "RelatedJson")]
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
    /// Parses an article document (JSON text as bytes); relative URLs resolve against `base`.
    pub fn parse(json: &[u8], base: &str) -> Result<Article, FormatProblem> {
        read(json, base, Report(None))
    }

    /// [`Article::parse`], and what it left out of the document, in document order (the
    /// widget's own parser, for `news-widget-convert check`).
    pub fn parse_with_report(
        json: &[u8],
        base: &str,
    ) -> Result<(Article, Vec<Dropped>), FormatProblem> {
        let mut dropped = Vec::new();
        let article = read(json, base, Report(Some(&mut dropped)))?;
        Ok((article, dropped))
    }
}

fn read(json: &[u8], base: &str, report: Report<'_>) -> Result<Article, FormatProblem> {
    // serde_json's recursion limit (128 levels) makes deep nesting an error, not a stack
    // overflow; the `Value` accepts exactly what JSON does (the last of repeated keys wins).
    let value: Value = serde_json::from_slice(json).map_err(|_| FormatProblem::NotJson)?;
    if !value.is_object() {
        return Err(FormatProblem::NotAnObject);
    }
    // Every field is a `wire::Field`, so an object always deserialises.
    let doc = ArticleJson::deserialize(value).map_err(|_| FormatProblem::NotAnObject)?;
    Rules { base, report }.article(doc)
}

/// SPEC §2's rules, from wire types to domain types, reporting what they leave out.
struct Rules<'r> {
    base: &'r str,
    report: Report<'r>,
}

impl Rules<'_> {
    fn article(&mut self, doc: ArticleJson) -> Result<Article, FormatProblem> {
        let headline = match doc.headline {
            Field::Ok(headline) if !is_blank(&headline) => headline,
            _ => return Err(FormatProblem::MissingHeadline),
        };
        let Field::Ok(body) = doc.body else {
            return Err(FormatProblem::MissingBody);
        };
        let root = Path::Root;
        let (publisher_at, image_at) = (root.key("publisher"), root.key("image"));
        let (body_at, related_at) = (root.key("body"), root.key("related"));
        Ok(Article {
            id: self.text(doc.id, &root.key("id")),
            url: self.link(doc.url, &root.key("url")),
            lang: self.lang(doc.lang, &root.key("lang")),
            section: self.text(doc.article_section, &root.key("articleSection")),
            headline,
            description: self.text(doc.description, &root.key("description")),
            published: self.date(doc.date_published, &root.key("datePublished")),
            modified: self.date(doc.date_modified, &root.key("dateModified")),
            byline: self.text(doc.byline, &root.key("byline")),
            publisher: self
                .object(doc.publisher, &publisher_at)
                .and_then(|p| self.publisher(p, &publisher_at)),
            image: self
                .object(doc.image, &image_at)
                .and_then(|i| self.image(i, &image_at)),
            body: body
                .into_iter()
                .enumerate()
                .filter_map(|(i, block)| self.block(block, &body_at.index(i)))
                .collect(),
            related: self
                .object(doc.related, &related_at)
                .unwrap_or_default()
                .into_iter()
                .enumerate()
                .filter_map(|(i, item)| {
                    let at = related_at.index(i);
                    self.object(item, &at).and_then(|r| self.related(r, &at))
                })
                .collect(),
        })
    }

    fn drop(&mut self, at: &Path<'_>, why: Why) {
        self.report.drop(at, why);
    }

    /// `value`, or else a report that the thing at `at` is left out for its field `name`.
    fn required<T>(&mut self, value: Option<T>, at: &Path<'_>, name: &'static str) -> Option<T> {
        if value.is_none() {
            self.drop(at, Why::Field(name));
        }
        value
    }

    /// A field of the wrong type that costs its block (SPEC: "a bad field").
    fn bad_field<T>(&mut self, at: &Path<'_>, name: &'static str) -> Option<T> {
        self.drop(&at.key(name), Why::WrongType);
        self.drop(at, Why::Field(name));
        None
    }

    /// A field of its type, or `None` (reported) for anything else.
    fn object<T>(&mut self, field: Field<T>, at: &Path<'_>) -> Option<T> {
        match field {
            Field::Ok(value) => Some(value),
            Field::Missing => None,
            Field::Bad(_) => {
                self.drop(at, Why::WrongType);
                None
            }
        }
    }

    /// A non-blank string, as written.
    fn text(&mut self, field: Field<String>, at: &Path<'_>) -> Option<String> {
        let text = self.object(field, at)?;
        if is_blank(&text) {
            self.drop(at, Why::Blank);
            return None;
        }
        Some(text)
    }

    /// A URL, resolved against the document's and kept only if http(s).
    fn link(&mut self, field: Field<String>, at: &Path<'_>) -> Option<String> {
        let reference = self.text(field, at)?;
        let url = url::resolve(self.base, &reference);
        if url.is_none() {
            self.drop(at, Why::NotWebUrl);
        }
        url
    }

    fn lang(&mut self, field: Field<String>, at: &Path<'_>) -> Option<String> {
        let tag = self.text(field, at)?;
        if !is_language_tag(&tag) {
            self.drop(at, Why::BadLanguageTag);
            return None;
        }
        Some(tag)
    }

    fn date(&mut self, field: Field<String>, at: &Path<'_>) -> Option<PublishedDate> {
        let date = PublishedDate::parse(&self.object(field, at)?);
        if date.is_none() {
            self.drop(at, Why::BadDate);
        }
        date
    }

    /// A positive pixel dimension that fits comfortably in layout arithmetic.
    fn dimension(&mut self, field: Field<u32>, at: &Path<'_>) -> Option<u32> {
        match field {
            Field::Ok(n) if (1..=100_000).contains(&n) => Some(n),
            Field::Missing => None,
            Field::Ok(_) | Field::Bad(Found::Number) => {
                self.drop(at, Why::BadDimension);
                None
            }
            Field::Bad(_) => {
                self.drop(at, Why::WrongType);
                None
            }
        }
    }

    fn flag(&mut self, field: Field<bool>, at: &Path<'_>) -> bool {
        self.object(field, at).unwrap_or(false)
    }

    fn publisher(&mut self, publisher: PublisherJson, at: &Path<'_>) -> Option<Publisher> {
        let name = self.text(publisher.name, &at.key("name"));
        Some(Publisher {
            name: self.required(name, at, "name")?,
            url: self.link(publisher.url, &at.key("url")),
        })
    }

    fn image(&mut self, image: ImageJson, at: &Path<'_>) -> Option<Image> {
        let url = self.link(image.url, &at.key("url"));
        Some(Image {
            url: self.required(url, at, "url")?,
            // Blank is decorative, as empty is: not a loss worth reporting.
            alt: self
                .object(image.alt, &at.key("alt"))
                .filter(|alt| !is_blank(alt))
                .unwrap_or_default(),
            caption: self.text(image.caption, &at.key("caption")),
            width: self.dimension(image.width, &at.key("width")),
            height: self.dimension(image.height, &at.key("height")),
        })
    }

    fn block(&mut self, block: Field<BlockJson>, at: &Path<'_>) -> Option<Block> {
        let block = match block {
            Field::Ok(block) => block,
            // An object that did not deserialise has no `type` string.
            Field::Bad(Found::Object) => {
                self.drop(at, Why::UnknownBlockType);
                return None;
            }
            Field::Missing | Field::Bad(_) => {
                self.drop(at, Why::WrongType);
                return None;
            }
        };
        match block {
            BlockJson::Paragraph(p) => self.runs(p, at).map(Block::Paragraph),
            BlockJson::Heading(h) => self.runs(h, at).map(Block::Heading),
            BlockJson::Quote(q) => {
                let inline = InlineJson {
                    text: q.text,
                    content: q.content,
                };
                Some(Block::Quote {
                    runs: self.runs(inline, at)?,
                    cite: self.text(q.cite, &at.key("cite")),
                })
            }
            BlockJson::Image(image) => self.image(image, at).map(Block::Image),
            BlockJson::Link(link) => self.link_block(link, at),
            BlockJson::Unknown => {
                self.drop(at, Why::UnknownBlockType);
                None
            }
        }
    }

    fn link_block(&mut self, link: LinkJson, at: &Path<'_>) -> Option<Block> {
        let text = self.text(link.text, &at.key("text"));
        let text = self.required(text, at, "text")?;
        let url = match link.url {
            // An object or a number is no URL at all: the block goes (a string that is not
            // http(s) only loses its `href`).
            Field::Bad(_) => return self.bad_field(at, "url"),
            url => self.link(url, &at.key("url")),
        };
        Some(Block::Link {
            text,
            url,
            sponsored: self.flag(link.sponsored, &at.key("sponsored")),
        })
    }

    /// The inline content of a paragraph, heading or quote: `text`, or else `content` runs.
    fn runs(&mut self, inline: InlineJson, at: &Path<'_>) -> Option<Vec<Run>> {
        let blank_text = match inline.text {
            Field::Ok(text) if !is_blank(&text) => {
                return Some(vec![Run {
                    text,
                    ..Run::default()
                }])
            }
            Field::Bad(_) => return self.bad_field(at, "text"),
            Field::Ok(_) => true,
            Field::Missing => false,
        };
        let runs: Vec<Run> = match inline.content {
            Field::Ok(items) => {
                let content_at = at.key("content");
                items
                    .into_iter()
                    .enumerate()
                    .filter_map(|(i, run)| {
                        let at = content_at.index(i);
                        self.object(run, &at).and_then(|run| self.run(run, &at))
                    })
                    .collect()
            }
            Field::Bad(_) => return self.bad_field(at, "content"),
            Field::Missing => {
                if blank_text {
                    self.drop(&at.key("text"), Why::Blank);
                }
                self.drop(at, Why::Field("text"));
                return None;
            }
        };
        if runs.iter().all(|run| is_blank(&run.text)) {
            self.drop(at, Why::Field("content"));
            return None;
        }
        Some(runs)
    }

    fn run(&mut self, run: RunJson, at: &Path<'_>) -> Option<Run> {
        // A run of spaces is kept (it separates its neighbours); only an empty one goes.
        let text = match run.text {
            Field::Ok(text) if !text.is_empty() => text,
            Field::Bad(_) => return self.bad_field(at, "text"),
            Field::Ok(_) => {
                self.drop(&at.key("text"), Why::Blank);
                self.drop(at, Why::Field("text"));
                return None;
            }
            Field::Missing => return self.required(None, at, "text"),
        };
        let marks = self.object(run.marks, &at.key("marks")).unwrap_or_default();
        Some(Run {
            text,
            href: self.link(run.href, &at.key("href")),
            strong: marks.contains(&Field::Ok(Mark::Strong)),
            em: marks.contains(&Field::Ok(Mark::Em)),
        })
    }

    fn related(&mut self, related: RelatedJson, at: &Path<'_>) -> Option<Related> {
        let headline = self.text(related.headline, &at.key("headline"));
        let image_at = at.key("image");
        Some(Related {
            headline: self.required(headline, at, "headline")?,
            url: self.link(related.url, &at.key("url")),
            description: self.text(related.description, &at.key("description")),
            published: self.date(related.date_published, &at.key("datePublished")),
            image: self
                .object(related.image, &image_at)
                .and_then(|i| self.image(i, &image_at)),
        })
    }
}

fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
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

// Canonical JSON v1: the domain types written back through the wire types (`Serialize`).

impl From<Article> for ArticleJson {
    fn from(article: Article) -> Self {
        ArticleJson {
            id: Field::from_option(article.id),
            url: Field::from_option(article.url),
            lang: Field::from_option(article.lang),
            article_section: Field::from_option(article.section),
            headline: Field::Ok(article.headline),
            description: Field::from_option(article.description),
            date_published: Field::from_option(article.published.map(|date| date.iso)),
            date_modified: Field::from_option(article.modified.map(|date| date.iso)),
            byline: Field::from_option(article.byline),
            publisher: Field::from_option(article.publisher.map(PublisherJson::from)),
            image: Field::from_option(article.image.map(ImageJson::from)),
            body: Field::Ok(every(article.body)),
            related: Field::from_option(
                (!article.related.is_empty()).then(|| every(article.related)),
            ),
        }
    }
}

/// Each item converted and present.
fn every<T, U: From<T>>(items: Vec<T>) -> Vec<Field<U>> {
    items
        .into_iter()
        .map(|item| Field::Ok(item.into()))
        .collect()
}

impl From<Publisher> for PublisherJson {
    fn from(publisher: Publisher) -> Self {
        PublisherJson {
            name: Field::Ok(publisher.name),
            url: Field::from_option(publisher.url),
        }
    }
}

impl From<Image> for ImageJson {
    fn from(image: Image) -> Self {
        ImageJson {
            url: Field::Ok(image.url),
            alt: Field::Ok(image.alt),
            caption: Field::from_option(image.caption),
            width: Field::from_option(image.width),
            height: Field::from_option(image.height),
        }
    }
}

impl From<Run> for RunJson {
    fn from(run: Run) -> Self {
        let marks: Vec<Field<Mark>> = [(run.strong, Mark::Strong), (run.em, Mark::Em)]
            .into_iter()
            .filter_map(|(on, mark)| on.then_some(Field::Ok(mark)))
            .collect();
        RunJson {
            text: Field::Ok(run.text),
            href: Field::from_option(run.href),
            marks: Field::from_option((!marks.is_empty()).then_some(marks)),
        }
    }
}

impl From<Vec<Run>> for InlineJson {
    /// One plain run is written as `text`, anything else as `content`.
    fn from(mut runs: Vec<Run>) -> Self {
        match runs.as_slice() {
            [Run {
                href: None,
                strong: false,
                em: false,
                ..
            }] => InlineJson {
                text: Field::Ok(runs.swap_remove(0).text),
                content: Field::Missing,
            },
            _ => InlineJson {
                text: Field::Missing,
                content: Field::Ok(every(runs)),
            },
        }
    }
}

impl From<Block> for BlockJson {
    fn from(block: Block) -> Self {
        match block {
            Block::Paragraph(runs) => BlockJson::Paragraph(runs.into()),
            Block::Heading(runs) => BlockJson::Heading(runs.into()),
            Block::Quote { runs, cite } => {
                let inline = InlineJson::from(runs);
                BlockJson::Quote(QuoteJson {
                    text: inline.text,
                    content: inline.content,
                    cite: Field::from_option(cite),
                })
            }
            Block::Image(image) => BlockJson::Image(image.into()),
            Block::Link {
                text,
                url,
                sponsored,
            } => BlockJson::Link(LinkJson {
                text: Field::Ok(text),
                url: Field::from_option(url),
                sponsored: Field::from_option(sponsored.then_some(true)),
            }),
        }
    }
}

impl From<Related> for RelatedJson {
    fn from(related: Related) -> Self {
        RelatedJson {
            headline: Field::Ok(related.headline),
            url: Field::from_option(related.url),
            description: Field::from_option(related.description),
            date_published: Field::from_option(related.published.map(|date| date.iso)),
            image: Field::from_option(related.image.map(ImageJson::from)),
        }
    }
}

#[cfg(test)]
mod tests;
