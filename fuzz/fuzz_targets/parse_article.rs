//! Feeds arbitrary bytes to everything that reads untrusted input: the article parser (whole
//! bytes as the document, with and without its report, and its output written back as JSON and
//! read again) and the URL filter (the bytes split into a base and a reference).
//! A panic is a crash here, as it would be a trap killing every widget of the page in Wasm.
#![no_main]

use libfuzzer_sys::fuzz_target;
use news_widget::date::PublishedDate;
use news_widget::model::{Article, Block};
use news_widget::url;

const BASE: &str = "https://news.example/api/articles/today.json?v=2#top";

/// What a browser takes as the scheme: leading C0 controls/space stripped, tabs/newlines dropped.
fn browser_scheme(url: &str) -> Option<String> {
    let cleaned: String = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let colon = cleaned.find(':')?;
    Some(cleaned[..colon].to_ascii_lowercase())
}

fn check_url(url: &str) {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    assert!(
        lower.starts_with("http://") || lower.starts_with("https://"),
        "not an absolute http(s) URL: {url:?}"
    );
    assert!(
        matches!(browser_scheme(url).as_deref(), Some("http" | "https")),
        "bad scheme: {url:?}"
    );
}

fn check_article(article: &Article) {
    assert!(!article.headline.trim().is_empty());
    let urls = article
        .url
        .iter()
        .chain(article.publisher.iter().filter_map(|p| p.url.as_ref()))
        .chain(article.image.iter().map(|i| &i.url))
        .chain(article.related.iter().filter_map(|r| r.url.as_ref()))
        .chain(
            article
                .related
                .iter()
                .filter_map(|r| r.image.as_ref().map(|i| &i.url)),
        );
    for url in urls {
        check_url(url);
    }
    for block in &article.body {
        match block {
            Block::Paragraph(runs) | Block::Heading(runs) | Block::Quote { runs, .. } => {
                for href in runs.iter().filter_map(|r| r.href.as_ref()) {
                    check_url(href);
                }
            }
            Block::Image(image) => check_url(&image.url),
            Block::Link { url, .. } => url.iter().for_each(|u| check_url(u)),
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let reported = Article::parse_with_report(data, BASE);
    assert_eq!(
        Article::parse(data, BASE),
        reported.clone().map(|(article, _)| article),
        "the report changes nothing"
    );
    if let Ok((article, _)) = reported {
        check_article(&article);
        // Canonical JSON v1 reads back as the same article, with nothing left out.
        let json = serde_json::to_string(&article).expect("an article always serialises");
        assert_eq!(
            Article::parse_with_report(json.as_bytes(), "https://elsewhere.example/"),
            Ok((article, Vec::new()))
        );
    }
    let text = String::from_utf8_lossy(data);
    // The first line is a base URL, the rest a reference (and both are tried as the reference).
    let (base, reference) = text.split_once('\n').unwrap_or((BASE, &text));
    for (b, r) in [(base, reference), (BASE, &*text), (BASE, base)] {
        if let Some(resolved) = url::resolve(b, r) {
            check_url(&resolved);
        }
    }
    let _ = url::is_web_url(&text);
    let _ = PublishedDate::parse(&text);
});
