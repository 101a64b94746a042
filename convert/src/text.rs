//! Small value helpers shared by the mappings: text, sizes, URLs.

/// `text` with every run of whitespace made one space and the ends trimmed, as HTML shows it.
pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A non-blank string, whitespace collapsed.
pub fn non_blank(text: &str) -> Option<String> {
    Some(collapse(text)).filter(|t| !t.is_empty())
}

/// A positive pixel dimension the model accepts (1–100000), from a number or a numeric string.
pub fn dimension(value: &serde_json::Value) -> Option<u32> {
    let n = match value {
        serde_json::Value::Number(n) => n.as_u64()?,
        serde_json::Value::String(s) => s.trim().parse().ok()?,
        _ => return None,
    };
    u32::try_from(n).ok().filter(|n| (1..=100_000).contains(n))
}

/// `reference` as an absolute http(s) URL: resolved against `base`, or, without a base, only if
/// it is absolute already.
pub fn web_url(base: Option<&str>, reference: &str) -> Option<String> {
    match base {
        Some(base) => news_widget::url::resolve(base, reference),
        None => news_widget::url::is_web_url(reference)
            .then(|| news_widget::url::resolve(reference, reference))
            .flatten(),
    }
}
