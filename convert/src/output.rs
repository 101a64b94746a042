//! What the converter writes and what `check` reads, both through the widget's own model: the
//! article is serialised by the model's `Serialize` and read back by `Article::parse_with_report`,
//! so anything the widget would drop is dropped (and counted) before it is written.

use news_widget::error::FormatProblem;
use news_widget::model::{Article, Dropped};

use crate::omitted::{Omission, Omissions};

/// The largest document the widget accepts (SPEC §2: 5 MiB); `check` refuses larger ones too.
pub const MAX_ARTICLE_BYTES: usize = 5 * 1024 * 1024;

/// The base `check` resolves relative URLs against when given none: any web URL will do, since
/// the widget resolves them against wherever the file is served.
pub const CHECK_BASE: &str = "https://publisher.invalid/article.json";

/// Canonical article JSON v1, pretty-printed, exactly as the widget reads it back.
pub fn article_json(
    article: &Article,
    omitted: &mut Omissions,
) -> Result<String, serde_json::Error> {
    let first = serde_json::to_vec(article)?;
    let base = article.url.as_deref().unwrap_or(CHECK_BASE);
    let article = match Article::parse_with_report(&first, base) {
        Ok((read_back, dropped)) => {
            for d in dropped {
                omitted.add(Omission::Widget(d.to_string()));
            }
            read_back
        }
        // The model wrote it with a headline and a body, so this does not happen; the article
        // as built is then the best there is.
        Err(_) => article.clone(),
    };
    let mut json = serde_json::to_string_pretty(&article)?;
    json.push('\n');
    Ok(json)
}

/// The widget's parser over a document: what it leaves out, or why the document is unusable.
pub fn check(json: &[u8], base: &str) -> Result<(Article, Vec<Dropped>), FormatProblem> {
    if json.len() > MAX_ARTICLE_BYTES {
        return Err(FormatProblem::TooLarge);
    }
    Article::parse_with_report(json, base)
}

/// Whether the widget takes `tag` as the article's language: asked of its own parser, whose
/// BCP 47 rule the model keeps private, so the two can never disagree.
pub fn is_language_tag(tag: &str) -> bool {
    let probe = serde_json::json!({"headline": "-", "body": [], "lang": tag});
    Article::parse(probe.to_string().as_bytes(), CHECK_BASE).is_ok_and(|a| a.lang.is_some())
}
