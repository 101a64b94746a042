//! Pages with schema.org JSON-LD to articles: every `<script type="application/ld+json">`
//! (found by html5ever, through scraper), the first `NewsArticle`, `Article` or
//! `ReportageNewsArticle` with a headline (also inside `@graph` and arrays); one function per
//! field rule.

use news_widget::date::PublishedDate;
use news_widget::model::{Article, Block, Image, Publisher, Run};
use scraper::Html;
use serde_json::{Map, Value};

use crate::omitted::Omissions;
use crate::output;
use crate::text::{dimension, non_blank, web_url};
use crate::unusable::Unusable;

type Object = Map<String, Value>;

/// The article types the widget's model fits.
const ARTICLE_TYPES: [&str; 3] = ["NewsArticle", "Article", "ReportageNewsArticle"];

/// How deep `@graph`s and arrays are searched (serde_json already caps nesting at 128).
const MAX_DEPTH: usize = 32;

/// Converts a page (HTML bytes; invalid UTF-8 replaced) to an article.
pub fn convert(page: &[u8], omitted: &mut Omissions) -> Result<Article, Unusable> {
    let page = Html::parse_document(&String::from_utf8_lossy(page));
    let scripts = ld_json_scripts(&page);
    if scripts.is_empty() {
        return Err(Unusable::NoJsonLd);
    }
    let mut values = Vec::new();
    for (i, script) in scripts.iter().enumerate() {
        match serde_json::from_str::<Value>(script) {
            Ok(value) => values.push(value),
            Err(_) => omitted.field(format!("ld+json script {}", i + 1), "not JSON, skipped"),
        }
    }
    let mut found = Vec::new();
    values
        .iter()
        .for_each(|value| collect_articles(value, 0, &mut found));
    let mut with_headline = found.into_iter().filter(|a| headline(a).is_some());
    let article = with_headline.next().ok_or(Unusable::NoArticle)?;
    let others = with_headline.count();
    for _ in 0..others {
        omitted.field(
            "JSON-LD",
            "another article on the page, skipped (the first one counts)",
        );
    }
    let link = canonical_url(article).or_else(|| canonical_link(&page));
    let base = link.as_deref();
    Ok(Article {
        id: None,
        url: link.clone(),
        lang: language(article, omitted),
        section: section(article),
        headline: headline(article).ok_or(Unusable::NoHeadline)?,
        description: text(article, "description"),
        published: date(article, "datePublished", omitted),
        modified: date(article, "dateModified", omitted),
        byline: byline(article),
        publisher: publisher(article, base),
        image: image(article, base, omitted),
        body: body(article, omitted),
        related: Vec::new(),
    })
}

/// The text of every `<script type="application/ld+json">`, in document order.
pub fn ld_json_scripts(page: &Html) -> Vec<String> {
    page.root_element()
        .descendent_elements()
        .filter(|e| e.value().name() == "script")
        .filter(|e| {
            e.attr("type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
        })
        .map(|e| e.text().collect())
        .collect()
}

/// `<link rel="canonical">`, when the JSON-LD names no URL.
fn canonical_link(page: &Html) -> Option<String> {
    page.root_element()
        .descendent_elements()
        .filter(|e| e.value().name() == "link")
        .find(|e| {
            e.attr("rel").is_some_and(|rel| {
                rel.split_ascii_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("canonical"))
            })
        })
        .and_then(|e| web_url(None, e.attr("href")?))
}

/// Whether `@type` (a string or a list) names an article type, bare or as a schema.org IRI.
pub fn is_article(object: &Object) -> bool {
    let names: Vec<&str> = match object.get("@type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(types)) => types.iter().filter_map(Value::as_str).collect(),
        _ => return false,
    };
    names.iter().any(|name| {
        let name = name.trim();
        let bare = ["https://schema.org/", "http://schema.org/", "schema:"]
            .iter()
            .find_map(|prefix| name.strip_prefix(prefix))
            .unwrap_or(name);
        ARTICLE_TYPES.contains(&bare)
    })
}

/// Every article object in a JSON-LD value: itself, the items of an array, the nodes of a
/// `@graph`, in document order.
pub fn collect_articles<'a>(value: &'a Value, depth: usize, out: &mut Vec<&'a Object>) {
    if depth > MAX_DEPTH {
        return;
    }
    match value {
        Value::Array(items) => items
            .iter()
            .for_each(|item| collect_articles(item, depth + 1, out)),
        Value::Object(object) => {
            if is_article(object) {
                out.push(object);
            }
            if let Some(graph) = object.get("@graph") {
                collect_articles(graph, depth + 1, out);
            }
        }
        _ => {}
    }
}

/// A non-blank string field.
fn text(object: &Object, key: &str) -> Option<String> {
    object.get(key)?.as_str().and_then(non_blank)
}

/// A string, or the first string of a list.
fn first_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => non_blank(s),
        Value::Array(items) => items.iter().find_map(first_text),
        _ => None,
    }
}

/// `inLanguage`, when it is a language tag (`zh-TW`, `en`).
pub fn language(article: &Object, omitted: &mut Omissions) -> Option<String> {
    let tag = text(article, "inLanguage")?;
    if output::is_language_tag(&tag) {
        return Some(tag);
    }
    omitted.field("inLanguage", "not a language tag");
    None
}

/// `headline`.
pub fn headline(article: &Object) -> Option<String> {
    text(article, "headline")
}

/// `articleSection`: a string, or the first of a list.
pub fn section(article: &Object) -> Option<String> {
    article.get("articleSection").and_then(first_text)
}

/// `datePublished` / `dateModified`, when the widget reads them as dates.
pub fn date(article: &Object, key: &str, omitted: &mut Omissions) -> Option<PublishedDate> {
    let value = article.get(key)?;
    let date = value.as_str().and_then(PublishedDate::parse);
    if date.is_none() {
        omitted.field(key.to_owned(), "not an ISO 8601 date");
    }
    date
}

/// The name of a `Person` / `Organization`, or a plain string.
fn name_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => non_blank(s),
        Value::Object(o) => text(o, "name"),
        _ => None,
    }
}

/// `author` (a string, a `Person` or `Organization`, or a list of them) as the byline.
pub fn byline(article: &Object) -> Option<String> {
    let names: Vec<String> = match article.get("author")? {
        Value::Array(authors) => authors.iter().filter_map(name_of).collect(),
        author => name_of(author).into_iter().collect(),
    };
    (!names.is_empty()).then(|| names.join(", "))
}

/// `publisher` (an `Organization` with `name` and `url`, or a name).
pub fn publisher(article: &Object, base: Option<&str>) -> Option<Publisher> {
    let publisher = article.get("publisher")?;
    let publisher = match publisher {
        Value::Array(items) => items.first()?,
        one => one,
    };
    Some(Publisher {
        name: name_of(publisher)?,
        url: publisher
            .get("url")
            .and_then(Value::as_str)
            .and_then(|u| web_url(base, u)),
    })
}

/// A `width` / `height`: a number, a numeric string or a `QuantitativeValue`.
fn size(object: &Object, key: &str) -> Option<u32> {
    match object.get(key)? {
        Value::Object(q) => q.get("value").and_then(dimension),
        value => dimension(value),
    }
}

/// One `image` entry: a URL string or an `ImageObject` (`url` or `contentUrl`, `width`,
/// `height`, `caption`, `description` as the alternative text).
fn image_entry(value: &Value, base: Option<&str>) -> Option<Image> {
    match value {
        Value::String(u) => Some(Image {
            url: web_url(base, u)?,
            alt: String::new(),
            caption: None,
            width: None,
            height: None,
        }),
        Value::Object(o) => Some(Image {
            url: ["url", "contentUrl"]
                .iter()
                .find_map(|k| web_url(base, o.get(*k)?.as_str()?))?,
            alt: text(o, "description").unwrap_or_default(),
            caption: o.get("caption").and_then(first_text),
            width: size(o, "width"),
            height: size(o, "height"),
        }),
        _ => None,
    }
}

/// `image` (a URL, an `ImageObject`, or a list of them): the first usable one is the hero.
pub fn image(article: &Object, base: Option<&str>, omitted: &mut Omissions) -> Option<Image> {
    let value = article.get("image")?;
    let image = match value {
        Value::Array(items) => items.iter().find_map(|i| image_entry(i, base)),
        one => image_entry(one, base),
    };
    if image.is_none() {
        omitted.field("image", "no http(s) image URL");
    }
    image
}

/// `articleBody` (plain text): each non-blank line a paragraph.
pub fn body(article: &Object, omitted: &mut Omissions) -> Vec<Block> {
    let text = match article.get("articleBody") {
        Some(Value::String(s)) => Some(s.as_str()),
        Some(Value::Array(parts)) => parts.iter().find_map(Value::as_str),
        _ => None,
    };
    let Some(text) = text else {
        omitted.field("articleBody", "missing: the article has no body");
        return Vec::new();
    };
    text.lines()
        .filter_map(non_blank)
        .map(|line| {
            Block::Paragraph(vec![Run {
                text: line,
                ..Run::default()
            }])
        })
        .collect()
}

/// `url`, else `mainEntityOfPage` (a URL, or a `WebPage` with `@id` or `url`): absolute http(s).
pub fn canonical_url(article: &Object) -> Option<String> {
    let page = article.get("mainEntityOfPage");
    let candidates = [
        article.get("url"),
        page,
        page.and_then(|p| p.get("@id")),
        page.and_then(|p| p.get("url")),
    ];
    candidates
        .into_iter()
        .flatten()
        .find_map(|v| web_url(None, v.as_str()?))
}
