//! WordPress REST posts (`/wp-json/wp/v2/posts/ID?_embed`) to articles: one function per rule.
//!
//! What `_embed` would have inlined can also come as separate REST responses (`--embed`): media
//! (`/wp/v2/media/ID`), users, categories, and the site index (`/wp-json/`, for the publisher
//! and the site's UTC offset).

use news_widget::date::PublishedDate;
use news_widget::model::{Article, Block, Image, Publisher, Related};
use serde_json::{Map, Value};

use crate::dates::wordpress_date;
use crate::html;
use crate::omitted::Omissions;
use crate::text::{dimension, non_blank, web_url};
use crate::unusable::Unusable;

type Object = Map<String, Value>;

/// REST responses given beside the post, sorted by what they are.
#[derive(Clone, Debug, Default)]
pub struct Embeds {
    media: Vec<Object>,
    users: Vec<Object>,
    terms: Vec<Object>,
    site: Option<Object>,
}

impl Embeds {
    /// Adds a response (an object or an array of them); an error names what was not recognised.
    pub fn add(&mut self, value: Value) -> Result<(), &'static str> {
        let objects = match value {
            Value::Array(items) => items,
            other => vec![other],
        };
        for object in objects {
            let Value::Object(object) = object else {
                return Err("an embedded file holds a REST object or an array of them");
            };
            if object.contains_key("namespaces") {
                self.site = Some(object);
            } else if object.contains_key("source_url") {
                self.media.push(object);
            } else if object.contains_key("taxonomy") {
                self.terms.push(object);
            } else if object.contains_key("name") && object.contains_key("id") {
                self.users.push(object);
            } else {
                return Err("not a media item, user, term or site index of the REST API");
            }
        }
        Ok(())
    }
}

/// Converts one post (the REST response's bytes) to an article.
pub fn convert(post: &[u8], embeds: &Embeds, omitted: &mut Omissions) -> Result<Article, Unusable> {
    let value: Value =
        serde_json::from_slice(post).map_err(|e| Unusable::NotJson(e.to_string()))?;
    let post = value
        .as_object()
        .ok_or(Unusable::NotAnObject("a WordPress post object"))?;
    let link = canonical_url(post);
    let base = link.as_deref();
    let site_offset = site_offset_minutes(embeds);
    Ok(Article {
        id: id(post),
        url: link.clone(),
        lang: None,
        section: section(post, embeds, omitted),
        headline: headline(post, omitted).ok_or(Unusable::NoHeadline)?,
        description: None,
        published: published(post, site_offset, omitted),
        modified: modified(post, site_offset, omitted),
        byline: byline(post, embeds),
        publisher: publisher(embeds),
        image: featured_image(post, embeds, base, omitted),
        body: body(post, base, omitted),
        related: related(post, base, omitted),
    })
}

fn rendered<'a>(post: &'a Object, field: &str) -> Option<&'a str> {
    post.get(field)?.get("rendered")?.as_str()
}

/// `title.rendered` (HTML with entities) as plain text.
pub fn headline(post: &Object, omitted: &mut Omissions) -> Option<String> {
    non_blank(&html::plain_text(rendered(post, "title")?, omitted))
}

/// `content.rendered` mapped to blocks; relative URLs resolve against the post's link.
pub fn body(post: &Object, base: Option<&str>, omitted: &mut Omissions) -> Vec<Block> {
    match rendered(post, "content") {
        Some(content) => html::blocks(content, base, omitted),
        None => {
            omitted.field("content.rendered", "missing: the article has no body");
            Vec::new()
        }
    }
}

/// `link`, the post's permalink, when it is an absolute http(s) URL.
pub fn canonical_url(post: &Object) -> Option<String> {
    web_url(None, post.get("link")?.as_str()?)
}

/// `slug`, else the numeric `id`.
pub fn id(post: &Object) -> Option<String> {
    match (post.get("slug"), post.get("id")) {
        (Some(Value::String(slug)), _) if !slug.trim().is_empty() => Some(slug.clone()),
        (_, Some(Value::Number(n))) => Some(n.to_string()),
        _ => None,
    }
}

/// The site index's `gmt_offset` (hours, possibly fractional, number or string) in minutes.
pub fn site_offset_minutes(embeds: &Embeds) -> Option<i64> {
    let hours = match embeds.site.as_ref()?.get("gmt_offset")? {
        Value::Number(n) => n.as_f64()?,
        Value::String(s) => s.trim().parse().ok()?,
        _ => return None,
    };
    (hours.is_finite() && hours.abs() < 24.0).then(|| (hours * 60.0).round() as i64)
}

fn date_pair(
    post: &Object,
    local: &str,
    gmt: &str,
    site_offset: Option<i64>,
    omitted: &mut Omissions,
) -> Option<PublishedDate> {
    let field = |name| post.get(name).and_then(Value::as_str);
    let date = wordpress_date(field(local), field(gmt), site_offset);
    if date.is_none() && (field(local).is_some() || field(gmt).is_some()) {
        omitted.field(format!("{local}/{gmt}"), "not a date");
    }
    date
}

/// `date` with the site's offset (from `date_gmt`), as `datePublished`.
pub fn published(
    post: &Object,
    site_offset: Option<i64>,
    omitted: &mut Omissions,
) -> Option<PublishedDate> {
    date_pair(post, "date", "date_gmt", site_offset, omitted)
}

/// `modified` with the site's offset (from `modified_gmt`), as `dateModified`.
pub fn modified(
    post: &Object,
    site_offset: Option<i64>,
    omitted: &mut Omissions,
) -> Option<PublishedDate> {
    date_pair(post, "modified", "modified_gmt", site_offset, omitted)
}

/// The items under `_embedded[key]`: objects, or arrays of objects (terms, one per taxonomy).
fn embedded<'a>(post: &'a Object, key: &str) -> Vec<&'a Object> {
    let items = post
        .get("_embedded")
        .and_then(|e| e.get(key))
        .and_then(Value::as_array);
    items
        .into_iter()
        .flatten()
        .flat_map(|item| match item {
            Value::Array(inner) => inner.iter().collect(),
            other => vec![other],
        })
        .filter_map(Value::as_object)
        .collect()
}

/// Ids listed in a post field (`categories`), or the one id (`author`, `featured_media`).
fn ids(post: &Object, key: &str) -> Vec<u64> {
    match post.get(key) {
        Some(Value::Number(n)) => n.as_u64().into_iter().collect(),
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_u64).collect(),
        _ => Vec::new(),
    }
}

fn by_id<'a>(items: &'a [Object], wanted: &[u64]) -> Vec<&'a Object> {
    wanted
        .iter()
        .filter_map(|id| {
            items
                .iter()
                .find(|o| o.get("id").and_then(Value::as_u64) == Some(*id))
        })
        .collect()
}

fn name(object: &Object) -> Option<String> {
    let mut ignored = Omissions::default();
    non_blank(&html::plain_text(
        object.get("name")?.as_str()?,
        &mut ignored,
    ))
}

/// `_embedded.author` (else the `--embed`ded user of `author`): their names, as the byline.
pub fn byline(post: &Object, embeds: &Embeds) -> Option<String> {
    let mut authors = embedded(post, "author");
    if authors.iter().all(|a| name(a).is_none()) {
        authors = by_id(&embeds.users, &ids(post, "author"));
    }
    let names: Vec<String> = authors.into_iter().filter_map(name).collect();
    (!names.is_empty()).then(|| names.join(", "))
}

/// The first category of `_embedded["wp:term"]` (else of the `--embed`ded terms), as
/// `articleSection`; tags and other taxonomies are not sections.
pub fn section(post: &Object, embeds: &Embeds, omitted: &mut Omissions) -> Option<String> {
    let is_category = |t: &&Object| t.get("taxonomy").and_then(Value::as_str) == Some("category");
    let mut categories: Vec<&Object> = embedded(post, "wp:term")
        .into_iter()
        .filter(is_category)
        .collect();
    if categories.is_empty() {
        categories = by_id(&embeds.terms, &ids(post, "categories"))
            .into_iter()
            .filter(is_category)
            .collect();
    }
    if categories.len() > 1 {
        omitted.field("categories", "only the first category becomes the section");
    }
    categories.into_iter().find_map(name)
}

/// The site index's `name` and `home` (else `url`), as the publisher.
pub fn publisher(embeds: &Embeds) -> Option<Publisher> {
    let site = embeds.site.as_ref()?;
    Some(Publisher {
        name: name(site)?,
        url: ["home", "url"]
            .iter()
            .find_map(|k| web_url(None, site.get(*k)?.as_str()?)),
    })
}

/// A media item (`/wp/v2/media/ID`) as an image: `source_url`, `alt_text`, `caption.rendered`,
/// `media_details.width`/`height`.
pub fn media_image(media: &Object, base: Option<&str>, omitted: &mut Omissions) -> Option<Image> {
    let source = media.get("source_url")?.as_str()?;
    let Some(url) = web_url(base, source) else {
        omitted.field("featured media source_url", "not an http(s) URL");
        return None;
    };
    let details = media.get("media_details");
    let size = |key: &str| details.and_then(|d| d.get(key)).and_then(dimension);
    Some(Image {
        url,
        alt: media
            .get("alt_text")
            .and_then(Value::as_str)
            .and_then(non_blank)
            .unwrap_or_default(),
        caption: rendered(media, "caption").and_then(|c| non_blank(&html::plain_text(c, omitted))),
        width: size("width"),
        height: size("height"),
    })
}

/// `_embedded["wp:featuredmedia"]` (else the `--embed`ded media item of `featured_media`) as
/// the hero image, with its width and height.
pub fn featured_image(
    post: &Object,
    embeds: &Embeds,
    base: Option<&str>,
    omitted: &mut Omissions,
) -> Option<Image> {
    let inline = embedded(post, "wp:featuredmedia");
    let given = by_id(&embeds.media, &ids(post, "featured_media"));
    let image = inline
        .into_iter()
        .chain(given)
        .find(|m| m.contains_key("source_url"))
        .and_then(|m| media_image(m, base, omitted));
    if image.is_none() && ids(post, "featured_media").iter().any(|&id| id != 0) {
        omitted.field(
            "featured_media",
            "not embedded: fetch with ?_embed or pass --embed media.json",
        );
    }
    image
}

/// Jetpack's `jetpack-related-posts` as the related stories: `title`, `url`, `excerpt`,
/// `img`; their `date` only when it is ISO 8601 (Jetpack formats it for display).
pub fn related(post: &Object, base: Option<&str>, omitted: &mut Omissions) -> Vec<Related> {
    let Some(Value::Array(items)) = post.get("jetpack-related-posts") else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| {
            let item = item.as_object()?;
            let text = |key: &str, omitted: &mut Omissions| {
                item.get(key)
                    .and_then(Value::as_str)
                    .and_then(|t| non_blank(&html::plain_text(t, omitted)))
            };
            let Some(headline) = text("title", omitted) else {
                omitted.field("jetpack-related-posts[].title", "missing: story skipped");
                return None;
            };
            let published = item.get("date").and_then(Value::as_str).and_then(|d| {
                let date = PublishedDate::parse(d);
                if date.is_none() {
                    omitted.field("jetpack-related-posts[].date", "not ISO 8601");
                }
                date
            });
            Some(Related {
                headline,
                url: item
                    .get("url")
                    .and_then(Value::as_str)
                    .and_then(|u| web_url(base, u)),
                description: text("excerpt", omitted),
                published,
                image: item.get("img").and_then(Value::as_object).and_then(|img| {
                    Some(Image {
                        url: web_url(base, img.get("src")?.as_str()?)?,
                        alt: img
                            .get("alt_text")
                            .and_then(Value::as_str)
                            .and_then(non_blank)
                            .unwrap_or_default(),
                        caption: None,
                        width: img.get("width").and_then(dimension),
                        height: img.get("height").and_then(dimension),
                    })
                }),
            })
        })
        .collect()
}
