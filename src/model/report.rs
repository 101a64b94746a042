//! What a parse left out of a document, and where: for `news-widget-convert check`.
//!
//! The widget itself never asks for a report, so paths are kept as a chain of steps on the
//! stack and written out as text only when one is (no formatting on the widget's path).

use std::fmt;

use crate::format::decimal;

/// Something in the document that the article leaves out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dropped {
    /// Where, as a path into the document: `body[3]`, `image.url`, `body[5].content[1].href`.
    pub at: String,
    /// Why it is left out.
    pub why: Why,
}

/// Why a value is left out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Why {
    /// A body block whose `type` SPEC does not know, or that has none: ignored.
    UnknownBlockType,
    /// Not of the JSON type SPEC gives it (a number for a string, an object for a URL, a
    /// string where a block or run object belongs, ...).
    WrongType,
    /// Empty or only white space where text is needed.
    Blank,
    /// Not an http(s) URL, absolute or relative to the document.
    NotWebUrl,
    /// Not a date of the form `YYYY-MM-DD`, optionally with a time and offset.
    BadDate,
    /// Not a BCP 47 language tag.
    BadLanguageTag,
    /// A width or height that is not a whole number of CSS px from 1 to 100000.
    BadDimension,
    /// A block, run, image, publisher or related story left out because of this field of its
    /// own: missing, or unusable (then reported on the line before).
    Field(&'static str),
}

impl fmt::Display for Why {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Why::UnknownBlockType => f.write_str("unknown block type"),
            Why::WrongType => f.write_str("wrong JSON type"),
            Why::Blank => f.write_str("blank text"),
            Why::NotWebUrl => f.write_str("not an http(s) URL"),
            Why::BadDate => f.write_str("not a date (YYYY-MM-DD[Thh:mm[:ss][offset]])"),
            Why::BadLanguageTag => f.write_str("not a language tag"),
            Why::BadDimension => f.write_str("not a size from 1 to 100000 px"),
            Why::Field(name) => write!(f, "left out for its `{name}`"),
        }
    }
}

impl fmt::Display for Dropped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.why)
    }
}

/// A place in the document: the root, a field of a place, or an element of one.
#[derive(Clone, Copy)]
pub(super) enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'static str),
    Index(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    pub(super) fn key(&'a self, key: &'static str) -> Path<'a> {
        Path::Key(self, key)
    }

    pub(super) fn index(&'a self, index: usize) -> Path<'a> {
        Path::Index(self, index)
    }

    fn write(&self, out: &mut String) {
        match *self {
            Path::Root => {}
            Path::Key(parent, key) => {
                parent.write(out);
                if !matches!(parent, Path::Root) {
                    out.push('.');
                }
                out.push_str(key);
            }
            Path::Index(parent, index) => {
                parent.write(out);
                out.push('[');
                out.push_str(&decimal(index as u64));
                out.push(']');
            }
        }
    }
}

/// Where the drops go: nowhere for the widget, a list for a report.
pub(super) struct Report<'r>(pub(super) Option<&'r mut Vec<Dropped>>);

impl Report<'_> {
    pub(super) fn drop(&mut self, at: &Path<'_>, why: Why) {
        if let Some(list) = &mut self.0 {
            let mut path = String::new();
            at.write(&mut path);
            list.push(Dropped { at: path, why });
        }
    }
}
