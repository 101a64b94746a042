//! What a conversion left out, and why: counted per reason and printed on stderr.

use std::collections::BTreeMap;
use std::fmt;

/// One reason a piece of the source is not in the article.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Omission {
    /// A `<script>` element and its content.
    Script,
    /// A `<style>` element and its content.
    Style,
    /// An `<iframe>` (embeds, players): the widget shows no foreign frames.
    Iframe,
    /// An HTML comment.
    Comment,
    /// An element the article has no place for, dropped with its content (`<svg>`, `<form>`, ...).
    Element(String),
    /// An element the article has no place for: its tag dropped, its text kept.
    Unwrapped(String),
    /// An `on...` event-handler attribute.
    EventHandler,
    /// A link or image whose URL is not http(s) (`javascript:`, `data:`, ...): a link keeps its text.
    UnsafeUrl,
    /// An image outside a `<figure>`.
    LooseImage,
    /// A figure without a usable image.
    FigureWithoutImage,
    /// A block with no text left.
    EmptyBlock,
    /// Markup nested deeper than the converter follows.
    TooDeep,
    /// Left out by the widget's own parser when the output was read back (its report line).
    Widget(String),
    /// A source field that is missing or unusable.
    Field {
        /// Where it is in the source.
        field: String,
        /// What is wrong with it.
        why: &'static str,
    },
}

impl fmt::Display for Omission {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Omission::Script => f.write_str("<script> dropped with its content"),
            Omission::Style => f.write_str("<style> dropped with its content"),
            Omission::Iframe => f.write_str("<iframe> dropped"),
            Omission::Comment => f.write_str("HTML comment dropped"),
            Omission::Element(tag) => write!(f, "<{tag}> dropped with its content"),
            Omission::Unwrapped(tag) => write!(f, "<{tag}> tag dropped, its text kept"),
            Omission::EventHandler => f.write_str("on... event-handler attribute dropped"),
            Omission::UnsafeUrl => f.write_str("URL that is not http(s) dropped"),
            Omission::LooseImage => f.write_str("<img> outside a <figure> dropped"),
            Omission::FigureWithoutImage => f.write_str("<figure> without a usable image dropped"),
            Omission::EmptyBlock => f.write_str("empty block dropped"),
            Omission::TooDeep => f.write_str("markup nested too deeply dropped"),
            Omission::Widget(line) => write!(f, "the widget's parser drops {line}"),
            Omission::Field { field, why } => write!(f, "{field}: {why}"),
        }
    }
}

/// Every omission of one conversion, counted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Omissions(BTreeMap<Omission, usize>);

impl Omissions {
    /// Counts one more `omission`.
    pub fn add(&mut self, omission: Omission) {
        *self.0.entry(omission).or_default() += 1;
    }

    /// Counts a source field that is missing or unusable.
    pub fn field(&mut self, field: impl Into<String>, why: &'static str) {
        self.add(Omission::Field {
            field: field.into(),
            why,
        });
    }

    /// How many times `omission` was counted.
    pub fn count(&self, omission: &Omission) -> usize {
        self.0.get(omission).copied().unwrap_or(0)
    }

    /// True when nothing was left out.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Each reason with its count, in a stable order.
    pub fn iter(&self) -> impl Iterator<Item = (&Omission, usize)> {
        self.0.iter().map(|(o, n)| (o, *n))
    }
}

impl fmt::Display for Omissions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (omission, count) in self.iter() {
            writeln!(f, "{count:>5}  {omission}")?;
        }
        Ok(())
    }
}
