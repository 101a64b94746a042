//! news-widget-convert: turns what publishers already have (a WordPress REST post, a page with
//! schema.org `NewsArticle` JSON-LD) into the widget's article JSON, built from the widget's own
//! model so that whatever it writes the widget accepts.
//!
//! [`wordpress`] and [`jsonld`] map a source to a [`news_widget::model::Article`]; [`html`] is
//! the HTML-to-blocks mapping they share; [`omitted`] counts what did not make it and why;
//! [`output`] writes and checks through the widget's own parser; [`cli`] is the command line.

pub mod cli;
pub mod dates;
pub mod html;
pub mod jsonld;
pub mod omitted;
pub mod output;
pub mod text;
pub mod unusable;
pub mod wordpress;
