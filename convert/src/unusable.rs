//! Why a source document cannot become an article at all (exit code 1).

use std::fmt;

/// A source the converter cannot turn into an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unusable {
    /// The file is not JSON (serde_json's message).
    NotJson(String),
    /// The JSON is not an object of the expected kind.
    NotAnObject(&'static str),
    /// Nothing usable as the headline.
    NoHeadline,
    /// The page carries no `application/ld+json` script.
    NoJsonLd,
    /// No `NewsArticle`, `Article` or `ReportageNewsArticle` in its JSON-LD.
    NoArticle,
}

impl fmt::Display for Unusable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unusable::NotJson(why) => write!(f, "not JSON: {why}"),
            Unusable::NotAnObject(what) => write!(f, "not {what}"),
            Unusable::NoHeadline => f.write_str("no headline (the widget requires one)"),
            Unusable::NoJsonLd => {
                f.write_str("no <script type=\"application/ld+json\"> in the page")
            }
            Unusable::NoArticle => f.write_str(
                "no NewsArticle, Article or ReportageNewsArticle with a headline in the page's JSON-LD",
            ),
        }
    }
}

impl std::error::Error for Unusable {}
