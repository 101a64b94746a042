//! The article JSON of SPEC §2 as serde reads and writes it: one derived type per object of the
//! format, field for field, with SPEC's names (`articleSection`, `datePublished`, ...) and the
//! body blocks tagged by `type`.
//!
//! Reading is lenient by construction: every field is a [`Field`], which records what it found
//! (missing, a value of the right JSON type, or something else) instead of failing, so one bad
//! field never costs more than the rules in `model.rs` decide. Those rules (what is required,
//! URL and date checks) run after deserialising, on these types. Writing uses the same types:
//! the domain [`Article`](super::Article) serialises through them as canonical JSON v1.
//!
//! They are deserialised from a [`serde_json::Value`] rather than from the text directly: a
//! derived struct fails on a repeated key, where JSON (and `JSON.parse`) takes the last, and the
//! `Value` is also what lets a [`Field`] try its type without losing its place in the text.

use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

/// A field as found in the document.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Field<T> {
    /// Missing or `null`.
    #[default]
    Missing,
    /// Of the JSON type SPEC gives it (a string, a number, an object, ...).
    Ok(T),
    /// Of another JSON type, or a number out of the range of `T`.
    Bad(Found),
}

/// The JSON type of a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Found {
    /// `true` or `false`.
    Bool,
    /// A number.
    Number,
    /// A string.
    String,
    /// An array.
    Array,
    /// An object.
    Object,
}

impl Found {
    fn of(value: &Value) -> Option<Found> {
        Some(match value {
            Value::Null => return None,
            Value::Bool(_) => Found::Bool,
            Value::Number(_) => Found::Number,
            Value::String(_) => Found::String,
            Value::Array(_) => Found::Array,
            Value::Object(_) => Found::Object,
        })
    }
}

/// The JSON type a wire type is read from. Checked before deserialising, so that an array is
/// never read as a struct (serde's derive accepts both) nor a tagged block.
pub trait Json {
    /// The JSON type SPEC gives values of this type.
    const TYPE: Found;
}

impl<T> Field<T> {
    /// Whether there is a usable value (what serialising writes).
    pub fn is_ok(&self) -> bool {
        matches!(self, Field::Ok(_))
    }

    /// A field that is present exactly when `value` is.
    pub fn from_option(value: Option<T>) -> Field<T> {
        value.map_or(Field::Missing, Field::Ok)
    }

    fn is_absent(&self) -> bool {
        !self.is_ok()
    }
}

impl<'de, T: Json + DeserializeOwned> Deserialize<'de> for Field<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        Ok(match Found::of(&value) {
            None => Field::Missing,
            Some(found) if found != T::TYPE => Field::Bad(found),
            Some(found) => T::deserialize(value).map_or(Field::Bad(found), Field::Ok),
        })
    }
}

impl<T: Serialize> Serialize for Field<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Field::Ok(value) => value.serialize(serializer),
            Field::Missing | Field::Bad(_) => serializer.serialize_none(),
        }
    }
}

impl Json for String {
    const TYPE: Found = Found::String;
}
impl Json for bool {
    const TYPE: Found = Found::Bool;
}
impl Json for u32 {
    const TYPE: Found = Found::Number;
}
impl<T> Json for Vec<T> {
    const TYPE: Found = Found::Array;
}

/// The document (SPEC §2): `headline` and `body` are required, the rest optional.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct ArticleJson {
    /// `id`.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub id: Field<String>,
    /// `url`: canonical URL of the original.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub url: Field<String>,
    /// `lang`: BCP 47 tag.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub lang: Field<String>,
    /// `articleSection`.
    #[serde(rename = "articleSection", skip_serializing_if = "Field::is_absent")]
    pub article_section: Field<String>,
    /// `headline` (required).
    pub headline: Field<String>,
    /// `description`: standfirst.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub description: Field<String>,
    /// `datePublished`: ISO 8601.
    #[serde(rename = "datePublished", skip_serializing_if = "Field::is_absent")]
    pub date_published: Field<String>,
    /// `dateModified`: ISO 8601.
    #[serde(rename = "dateModified", skip_serializing_if = "Field::is_absent")]
    pub date_modified: Field<String>,
    /// `byline`.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub byline: Field<String>,
    /// `publisher`.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub publisher: Field<PublisherJson>,
    /// `image`: the hero image.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub image: Field<ImageJson>,
    /// `body` (required, may be empty).
    pub body: Field<Vec<Field<BlockJson>>>,
    /// `related`: stories for the carousel.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub related: Field<Vec<Field<RelatedJson>>>,
}

/// `publisher`: `{ name, url? }`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct PublisherJson {
    /// `name` (required).
    pub name: Field<String>,
    /// `url`: home page.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub url: Field<String>,
}

/// An image: the hero, a body `image` block, a related story's thumbnail.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct ImageJson {
    /// `url` (required).
    pub url: Field<String>,
    /// `alt`: empty means decorative.
    pub alt: Field<String>,
    /// `caption`.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub caption: Field<String>,
    /// `width` in CSS px.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub width: Field<u32>,
    /// `height` in CSS px.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub height: Field<u32>,
}

/// One entry of `body`, by its `type`.
///
/// `Serialize` is derived (tagged by `type`); `Deserialize` is written out below.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum BlockJson {
    /// `paragraph`.
    Paragraph(InlineJson),
    /// `heading`.
    Heading(InlineJson),
    /// `quote`.
    Quote(QuoteJson),
    /// `image`.
    Image(ImageJson),
    /// `link`.
    Link(LinkJson),
    /// Any other `type`, or none: ignored (forward compatible). Never written.
    #[serde(skip_serializing)]
    Unknown,
}

/// Reads `type` from the object and then the variant's own struct from the same `Value`: the
/// derived internally tagged form would buffer the block in serde's private `Content` first,
/// a second deserializer (and its code) for every variant, to the same result.
impl<'de> Deserialize<'de> for BlockJson {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        let block = match value.get("type").and_then(Value::as_str) {
            Some("paragraph") => InlineJson::deserialize(value).map(BlockJson::Paragraph),
            Some("heading") => InlineJson::deserialize(value).map(BlockJson::Heading),
            Some("quote") => QuoteJson::deserialize(value).map(BlockJson::Quote),
            Some("image") => ImageJson::deserialize(value).map(BlockJson::Image),
            Some("link") => LinkJson::deserialize(value).map(BlockJson::Link),
            _ => Ok(BlockJson::Unknown),
        };
        block.map_err(D::Error::custom)
    }
}

/// The inline content of a paragraph or heading: `text`, or else `content` runs.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct InlineJson {
    /// `text`: plain text.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub text: Field<String>,
    /// `content`: inline runs.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub content: Field<Vec<Field<RunJson>>>,
}

/// A `quote` block: inline content as a paragraph's, and who said it.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct QuoteJson {
    /// `text`: plain text.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub text: Field<String>,
    /// `content`: inline runs.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub content: Field<Vec<Field<RunJson>>>,
    /// `cite`: the source.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub cite: Field<String>,
}

/// A `link` block.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct LinkJson {
    /// `text` (required).
    pub text: Field<String>,
    /// `url`.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub url: Field<String>,
    /// `sponsored`: a paid placement.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub sponsored: Field<bool>,
}

/// An inline run: `{ text, href?, marks?: ["strong" | "em"] }`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct RunJson {
    /// `text` (required, not empty).
    pub text: Field<String>,
    /// `href`: link target.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub href: Field<String>,
    /// `marks`: emphasis; unknown marks are ignored.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub marks: Field<Vec<Field<Mark>>>,
}

/// A mark of an inline run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mark {
    /// `strong`.
    Strong,
    /// `em`.
    Em,
}

/// An entry of `related`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct RelatedJson {
    /// `headline` (required).
    pub headline: Field<String>,
    /// `url`.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub url: Field<String>,
    /// `description`.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub description: Field<String>,
    /// `datePublished`.
    #[serde(rename = "datePublished", skip_serializing_if = "Field::is_absent")]
    pub date_published: Field<String>,
    /// `image`: thumbnail.
    #[serde(skip_serializing_if = "Field::is_absent")]
    pub image: Field<ImageJson>,
}

impl Json for Mark {
    const TYPE: Found = Found::String;
}
impl Json for PublisherJson {
    const TYPE: Found = Found::Object;
}
impl Json for ImageJson {
    const TYPE: Found = Found::Object;
}
impl Json for BlockJson {
    const TYPE: Found = Found::Object;
}
impl Json for RunJson {
    const TYPE: Found = Found::Object;
}
impl Json for RelatedJson {
    const TYPE: Found = Found::Object;
}
