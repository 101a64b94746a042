//! Property tests for everything that touches untrusted input (SPEC §2, issue 6): the article
//! parser, the URL filter and the date parser. A panic in Wasm traps the whole module and kills
//! every widget on the page, so "never panics" is checked on arbitrary bytes and on JSON built
//! from a grammar of the article's own field names; the outputs are checked against the contract
//! (typed errors, non-empty headline, only http(s) URLs).
//!
//! Case counts are modest so `cargo test` stays fast; raise them for a longer run with
//! `PROPTEST_CASES=20000 cargo test --test properties` (the env variable overrides the default
//! of each block that does not pin its own count; the blocks below read it through `cases()`).
#![cfg(not(target_arch = "wasm32"))]

use news_widget::attributes::{parse_height_hint, HeadingLevel, Theme};
use news_widget::date::PublishedDate;
use news_widget::error::FormatProblem;
use news_widget::format;
use news_widget::i18n::Lang;
use news_widget::model::{Article, Block, Image, Run};
use news_widget::text_size::TextSize;
use news_widget::url;
use proptest::prelude::*;
use serde_json::Value;

/// The default number of cases per property, or `PROPTEST_CASES` when set.
fn cases(default: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    ProptestConfig {
        cases,
        // Long strings and deep nesting make shrinking slow; a failure is readable without it.
        max_shrink_iters: 256,
        // No regression files beside the sources: a failure prints its minimal input, which
        // then becomes a plain unit test (as in src/url.rs).
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

const BASES: &[&str] = &[
    "https://news.example/api/articles/today.json?v=2#top",
    "http://127.0.0.1:4173/fixtures/xss.json",
    "HTTPS://NEWS.EXAMPLE",
    "https://news.example/dir/",
    "http://a.example:8080/x/y/z.json",
];

// ---------------------------------------------------------------------------------------------
// How a browser reads a URL's scheme (WHATWG URL: strip leading/trailing C0 controls and
// spaces, drop tabs and newlines anywhere, then `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"`).

fn browser_scheme(url: &str) -> Option<String> {
    let cleaned: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let colon = cleaned.find(':')?;
    let scheme = &cleaned[..colon];
    let mut chars = scheme.chars();
    let ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    ok.then(|| scheme.to_ascii_lowercase())
}

fn is_absolute_web(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// The contract for every URL the widget will put in an `href` or `src`.
fn assert_safe_url(url: &str, context: &str) -> Result<(), TestCaseError> {
    prop_assert!(
        is_absolute_web(url),
        "{context}: {url:?} is not an absolute http(s) URL"
    );
    let scheme = browser_scheme(url);
    prop_assert!(
        matches!(scheme.as_deref(), Some("http" | "https")),
        "{context}: {url:?} parses to scheme {scheme:?}"
    );
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// URL strategies: references built from the pieces that make filters fail.

fn url_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec![
            "javascript", "JaVaScRiPt", "JAVASCRIPT", "java\tscript", "jav\nascript", "java\rscript",
            "data", "DaTa", "DATA", "vbscript", "VBScript", "vbs\tcript", "http", "HtTp", "https",
            "HTTPS", "file", "blob", "about", "mailto", "ftp", "ws",
        ])
        .prop_map(str::to_owned),
        4 => prop::sample::select(vec![
            ":", ":", "//", "/", "\\", "\\\\", "/\\", "\\/", "///", "?", "#", ".", "..", "./",
            "../", "/./", "/../", "@", "%", "%0a", "%09", "&#106;", "&#x6A;", "&colon;",
            "&Tab;", "\t", "\n", "\r", " ", "\u{0}", "\u{1}", "\u{1f}", "\u{7f}", "\u{a0}",
            "\u{200b}", "\u{202e}", "\u{feff}", "\u{3000}", "alert(1)", "evil.example",
            "a.example", "x.png", "高雄", "é", "text/html,<script>alert(1)</script>",
            "image/svg+xml;base64,PHN2Zz4=", "msgbox(1)",
        ])
        .prop_map(str::to_owned),
        1 => "[ -~]{0,8}",
        1 => any::<String>(),
    ]
}

fn hostile_reference() -> impl Strategy<Value = String> {
    prop::collection::vec(url_piece(), 0..10).prop_map(|pieces| pieces.concat())
}

fn any_base() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(BASES.to_vec()).prop_map(str::to_owned),
        1 => hostile_reference(),
        1 => any::<String>(),
    ]
}

/// `junk` (C0 controls and spaces) + `javascript` with tabs/newlines inside, in random case.
fn disguised_script_url() -> impl Strategy<Value = String> {
    let scheme = prop::sample::select(vec!["javascript", "data", "vbscript"]);
    (
        "[\u{0}-\u{20}]{0,4}",
        scheme,
        prop::collection::vec(
            (
                any::<bool>(),
                prop::sample::select(vec!["", "", "\t", "\n", "\r"]),
            ),
            10,
        ),
        "[ -~]{0,20}",
    )
        .prop_map(|(junk, scheme, noise, rest)| {
            let mut out = junk;
            for (i, c) in scheme.chars().enumerate() {
                let (upper, insert) = noise.get(i).copied().unwrap_or((false, ""));
                out.push(if upper { c.to_ascii_uppercase() } else { c });
                out.push_str(insert);
            }
            out.push(':');
            out.push_str(&rest);
            out
        })
}

// ---------------------------------------------------------------------------------------------
// JSON-ish strategies: documents in the article's own vocabulary, valid or almost valid.

const TOP_FIELDS: &[&str] = &[
    "id",
    "url",
    "lang",
    "articleSection",
    "headline",
    "description",
    "datePublished",
    "dateModified",
    "byline",
    "publisher",
    "image",
    "body",
    "related",
];
const BLOCK_FIELDS: &[&str] = &[
    "type",
    "text",
    "content",
    "url",
    "alt",
    "caption",
    "width",
    "height",
    "cite",
    "sponsored",
    "href",
    "marks",
];
const BLOCK_TYPES: &[&str] = &[
    "paragraph",
    "heading",
    "quote",
    "image",
    "link",
    "video",
    "PARAGRAPH",
    "",
];

/// A JSON string literal: escaped text, or raw pieces that may be invalid JSON on purpose.
fn json_string() -> BoxedStrategy<String> {
    let raw_piece = prop_oneof![
        6 => "[a-zA-Z0-9 ]{0,12}",
        1 => prop::sample::select(vec![
            "\\ud800", "\\udfff", "\\udc00\\ud800", "\\ud83d\\ude00", "\\ud83d", "\\u0000",
            "\\u202e", "\\u200b", "\\u200f", "\\ufeff", "\\u2028", "\\\"", "\\\\", "\\n", "\\t",
            "\\/", "\\x41", "\\", "\\u12", "\u{202e}", "\u{200b}", "\u{200d}", "\u{2067}",
            "\u{feff}", "\t", "\n", "\u{0}", "עברית", "العربية", "高雄", "👩‍👩‍👧",
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)",
            " JAVASCRIPT:alert(1)", "../images/hero.svg", "https://a.example/x", "//cdn.example/a",
            "2025-04-16T09:00:00+08:00", "2025-02-29", "9999-12-31",
        ])
        .prop_map(str::to_owned),
        1 => "\\\\u[0-9a-fA-F]{4}",
        1 => any::<char>().prop_map(String::from),
    ];
    prop_oneof![
        8 => prop::collection::vec(raw_piece, 0..6).prop_map(|p| format!("\"{}\"", p.concat())),
        // Properly escaped arbitrary Unicode (always valid JSON).
        3 => any::<String>().prop_map(|s| Value::String(s).to_string()),
        3 => hostile_reference().prop_map(|s| Value::String(s).to_string()),
        // Long words, and long text with bidi controls (100k-character ones: `long_word`).
        1 => (1usize..=2_000, prop::sample::select(vec!["w", "高", "\u{200b}", "\u{202e}a"]))
            .prop_map(|(n, unit)| format!("\"{}\"", unit.repeat(n))),
    ]
    .boxed()
}

fn json_number() -> BoxedStrategy<String> {
    prop_oneof![
        3 => "-?[0-9]{1,3}(\\.[0-9]{1,3})?",
        2 => "-?[1-9][0-9]{0,40}(\\.[0-9]{1,10})?([eE][+-]?[0-9]{1,4})?",
        2 => prop::sample::select(vec![
            "1e400", "-1e400", "1e-400", "18446744073709551616", "18446744073709551615",
            "-9223372036854775809", "4294967296", "4294967295", "100000", "100001", "0", "-0",
            "1200", "675", "-5", "1.0", "1e2", "01", "1.", ".5", "NaN", "Infinity", "0x10",
            "123456789012345678901234567890123456789012345678901234567890",
        ])
        .prop_map(str::to_owned),
    ]
    .boxed()
}

fn json_leaf() -> BoxedStrategy<String> {
    prop_oneof![
        4 => json_string(),
        2 => json_number(),
        1 => prop::sample::select(vec!["true", "false", "null", "tru", "nul", "undefined"])
            .prop_map(str::to_owned),
    ]
    .boxed()
}

fn json_key(fields: &'static [&'static str]) -> BoxedStrategy<String> {
    prop_oneof![
        6 => prop::sample::select(fields.to_vec()).prop_map(|k| format!("\"{k}\"")),
        1 => json_string(),
    ]
    .boxed()
}

fn array_of(items: Vec<String>) -> String {
    format!("[{}]", items.join(","))
}

fn object_of(entries: Vec<(String, String)>) -> String {
    let fields: Vec<String> = entries
        .into_iter()
        .map(|(k, v)| format!("{k}:{v}"))
        .collect();
    format!("{{{}}}", fields.join(","))
}

/// Any JSON-ish value, nested a few levels, with the article's field names as keys.
fn json_value() -> BoxedStrategy<String> {
    json_leaf()
        .prop_recursive(5, 48, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(array_of),
                prop::collection::vec((json_key(BLOCK_FIELDS), inner), 0..6).prop_map(object_of),
            ]
        })
        .boxed()
}

/// `[[[[...]]]]` around a value: nesting far past any parser's recursion budget.
fn deeply_nested() -> BoxedStrategy<String> {
    (
        1usize..20_000,
        prop::sample::select(vec![("[", "]"), ("{\"a\":", "}")]),
        json_leaf(),
    )
        .prop_map(|(depth, (open, close), leaf)| {
            format!("{}{leaf}{}", open.repeat(depth), close.repeat(depth))
        })
        .boxed()
}

fn image_object() -> BoxedStrategy<String> {
    let field = prop_oneof![
        (Just("\"url\"".to_owned()), json_url()),
        (Just("\"alt\"".to_owned()), json_string()),
        (Just("\"caption\"".to_owned()), json_string()),
        (Just("\"width\"".to_owned()), json_number()),
        (Just("\"height\"".to_owned()), json_number()),
        (json_key(BLOCK_FIELDS), json_value()),
    ];
    prop::collection::vec(field, 0..6)
        .prop_map(object_of)
        .boxed()
}

fn json_url() -> BoxedStrategy<String> {
    prop_oneof![
        4 => hostile_reference().prop_map(|s| Value::String(s).to_string()),
        1 => json_value(),
    ]
    .boxed()
}

fn run_object() -> BoxedStrategy<String> {
    let field = prop_oneof![
        3 => (Just("\"text\"".to_owned()), json_string()),
        2 => (Just("\"href\"".to_owned()), json_url()),
        1 => (
            Just("\"marks\"".to_owned()),
            prop::collection::vec(
                prop::sample::select(vec!["\"strong\"", "\"em\"", "\"blink\"", "1", "null"]),
                0..4
            )
            .prop_map(|m| array_of(m.into_iter().map(str::to_owned).collect()))
        ),
        1 => (json_key(BLOCK_FIELDS), json_value()),
    ];
    prop::collection::vec(field, 0..4)
        .prop_map(object_of)
        .boxed()
}

fn block_object() -> BoxedStrategy<String> {
    let ty = prop::sample::select(BLOCK_TYPES.to_vec()).prop_map(|t| format!("\"{t}\""));
    let field = prop_oneof![
        3 => (Just("\"text\"".to_owned()), json_string()),
        2 => (Just("\"content\"".to_owned()), prop::collection::vec(run_object(), 0..4).prop_map(array_of)),
        2 => (Just("\"url\"".to_owned()), json_url()),
        1 => (Just("\"alt\"".to_owned()), json_string()),
        1 => (Just("\"caption\"".to_owned()), json_string()),
        1 => (Just("\"cite\"".to_owned()), json_string()),
        1 => (Just("\"width\"".to_owned()), json_number()),
        1 => (Just("\"height\"".to_owned()), json_number()),
        1 => (Just("\"sponsored\"".to_owned()), json_leaf()),
        1 => (json_key(BLOCK_FIELDS), json_value()),
    ];
    prop_oneof![
        8 => (ty, prop::collection::vec(field, 0..5)).prop_map(|(ty, mut fields)| {
            fields.insert(0, ("\"type\"".to_owned(), ty));
            object_of(fields)
        }),
        1 => json_value(),
    ]
    .boxed()
}

fn related_object() -> BoxedStrategy<String> {
    let field = prop_oneof![
        3 => (Just("\"headline\"".to_owned()), json_string()),
        2 => (Just("\"url\"".to_owned()), json_url()),
        1 => (Just("\"description\"".to_owned()), json_string()),
        1 => (Just("\"datePublished\"".to_owned()), json_string()),
        1 => (Just("\"image\"".to_owned()), image_object()),
        1 => (json_key(TOP_FIELDS), json_value()),
    ];
    prop::collection::vec(field, 0..5)
        .prop_map(object_of)
        .boxed()
}

/// A top-level field with a plausible value most of the time, anything at all otherwise.
fn top_field() -> BoxedStrategy<(String, String)> {
    let key = |k: &str| Just(format!("\"{k}\""));
    prop_oneof![
        4 => (key("headline"), json_string()),
        4 => (key("body"), prop::collection::vec(block_object(), 0..8).prop_map(array_of)),
        2 => (key("related"), prop::collection::vec(related_object(), 0..4).prop_map(array_of)),
        1 => (key("image"), image_object()),
        1 => (key("url"), json_url()),
        1 => (
            key("publisher"),
            prop::collection::vec(
                prop_oneof![(key("name"), json_string()), (key("url"), json_url())],
                0..3
            )
            .prop_map(object_of)
        ),
        1 => (
            prop::sample::select(vec!["\"datePublished\"", "\"dateModified\""]).prop_map(str::to_owned),
            json_string()
        ),
        2 => (json_key(TOP_FIELDS), json_value()),
    ]
    .boxed()
}

/// An article-shaped document, sometimes damaged: truncated, padded, nested, BOM-prefixed.
fn article_document() -> BoxedStrategy<Vec<u8>> {
    let doc = prop::collection::vec(top_field(), 0..10).prop_map(object_of);
    prop_oneof![
        6 => doc.clone().prop_map(String::into_bytes),
        // Truncated anywhere, possibly inside a UTF-8 sequence.
        2 => (doc.clone(), any::<prop::sample::Index>()).prop_map(|(d, at)| {
            let bytes = d.into_bytes();
            let cut = at.index(bytes.len() + 1);
            bytes[..cut].to_vec()
        }),
        // One byte flipped.
        1 => (doc.clone(), any::<prop::sample::Index>(), any::<u8>()).prop_map(|(d, at, b)| {
            let mut bytes = d.into_bytes();
            if !bytes.is_empty() {
                let i = at.index(bytes.len());
                bytes[i] = b;
            }
            bytes
        }),
        1 => (doc.clone(), prop::sample::select(vec!["\u{feff}", " \n", "x", "]", "}", ",", "\u{0}"]), any::<bool>())
            .prop_map(|(d, pad, before)| if before { format!("{pad}{d}") } else { format!("{d}{pad}") }.into_bytes()),
        1 => deeply_nested().prop_map(String::into_bytes),
        1 => deeply_nested().prop_map(|n| format!(r#"{{"headline":"H","body":[{n}]}}"#).into_bytes()),
        1 => json_value().prop_map(String::into_bytes),
        // A 100k-character word in one text or URL field of an otherwise valid article.
        1 => long_word_document(),
    ]
    .boxed()
}

fn long_word_document() -> BoxedStrategy<Vec<u8>> {
    let unit = prop::sample::select(vec![
        "w", "高", "\u{200b}", "\u{202e}", "\\u202e", "\\ud800", "/..",
    ]);
    let place = prop::sample::select(vec![
        r#"{"headline":"@","body":[]}"#,
        r#"{"headline":"H","body":[{"type":"paragraph","text":"@"}]}"#,
        r#"{"headline":"H","body":[{"type":"paragraph","content":[{"text":"x","href":"@"}]}]}"#,
        r#"{"headline":"H","body":[{"type":"image","url":"@","alt":"@"}]}"#,
        r#"{"headline":"H","body":[],"related":[{"headline":"@","url":"https://a.example/@"}]}"#,
        r#"{"headline":"H","body":[],"datePublished":"2025-04-16T@"}"#,
    ]);
    (unit, 50_000usize..=100_000, place)
        .prop_map(|(unit, n, place)| {
            place
                .replace('@', &unit.repeat(n / unit.len()))
                .into_bytes()
        })
        .boxed()
}

// ---------------------------------------------------------------------------------------------
// The oracle: what the parse must decide, computed independently with serde_json.

fn expected_outcome(bytes: &[u8]) -> Result<(), FormatProblem> {
    let value: Value = serde_json::from_slice(bytes).map_err(|_| FormatProblem::NotJson)?;
    let doc = value.as_object().ok_or(FormatProblem::NotAnObject)?;
    match doc.get("headline").and_then(Value::as_str) {
        Some(h) if !h.trim().is_empty() => {}
        _ => return Err(FormatProblem::MissingHeadline),
    }
    if !doc.get("body").is_some_and(Value::is_array) {
        return Err(FormatProblem::MissingBody);
    }
    Ok(())
}

fn check_image(image: &Image, context: &str) -> Result<(), TestCaseError> {
    assert_safe_url(&image.url, context)?;
    for dim in [image.width, image.height].into_iter().flatten() {
        prop_assert!((1..=100_000).contains(&dim), "{context}: dimension {dim}");
    }
    if let Some(caption) = &image.caption {
        prop_assert!(!caption.trim().is_empty(), "{context}: blank caption kept");
    }
    Ok(())
}

fn check_runs(runs: &[Run], context: &str) -> Result<(), TestCaseError> {
    prop_assert!(
        runs.iter().any(|r| !r.text.trim().is_empty()),
        "{context}: a block without visible text was kept: {runs:?}"
    );
    for run in runs {
        prop_assert!(!run.text.is_empty(), "{context}: empty run kept");
        if let Some(href) = &run.href {
            assert_safe_url(href, context)?;
        }
    }
    Ok(())
}

/// Everything the contract promises about a parsed article.
fn check_article(article: &Article, bytes: &[u8]) -> Result<(), TestCaseError> {
    prop_assert!(!article.headline.trim().is_empty(), "empty headline");
    let doc: Value =
        serde_json::from_slice(bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(
        Some(article.headline.as_str()),
        doc.get("headline").and_then(Value::as_str),
        "the headline is the document's, as written"
    );
    let input_blocks = doc
        .get("body")
        .and_then(Value::as_array)
        .map_or(0, Vec::len);
    prop_assert!(
        article.body.len() <= input_blocks,
        "more blocks out than in"
    );
    let input_related = doc
        .get("related")
        .and_then(Value::as_array)
        .map_or(0, Vec::len);
    prop_assert!(
        article.related.len() <= input_related,
        "more related out than in"
    );

    for (context, url) in [
        ("url", &article.url),
        (
            "publisher.url",
            &article.publisher.as_ref().and_then(|p| p.url.clone()),
        ),
    ] {
        if let Some(url) = url {
            assert_safe_url(url, context)?;
        }
    }
    if let Some(image) = &article.image {
        check_image(image, "hero")?;
    }
    for text in [
        &article.section,
        &article.description,
        &article.byline,
        &article.id,
        &article.lang,
    ]
    .into_iter()
    .flatten()
    {
        prop_assert!(
            !text.trim().is_empty(),
            "blank optional text kept: {text:?}"
        );
    }
    for block in &article.body {
        match block {
            Block::Paragraph(runs) | Block::Heading(runs) => check_runs(runs, "paragraph")?,
            Block::Quote { runs, cite } => {
                check_runs(runs, "quote")?;
                if let Some(cite) = cite {
                    prop_assert!(!cite.trim().is_empty());
                }
            }
            Block::Image(image) => check_image(image, "body image")?,
            Block::Link { text, url, .. } => {
                prop_assert!(!text.trim().is_empty(), "link without text");
                if let Some(url) = url {
                    assert_safe_url(url, "link block")?;
                }
            }
        }
    }
    for related in &article.related {
        prop_assert!(
            !related.headline.trim().is_empty(),
            "related without headline"
        );
        if let Some(url) = &related.url {
            assert_safe_url(url, "related.url")?;
        }
        if let Some(image) = &related.image {
            check_image(image, "related.image")?;
        }
    }
    for date in [&article.published, &article.modified]
        .into_iter()
        .flatten()
    {
        prop_assert!(!date.display(Lang::En).is_empty() && !date.display(Lang::ZhTw).is_empty());
    }
    Ok(())
}

fn check_parse(bytes: &[u8], base: &str) -> Result<(), TestCaseError> {
    let result = Article::parse(bytes, base);
    let expected = expected_outcome(bytes);
    match (&result, &expected) {
        (Ok(article), Ok(())) => check_article(article, bytes),
        (Err(got), Err(want)) => {
            prop_assert_eq!(got, want);
            Ok(())
        }
        _ => Err(TestCaseError::fail(format!(
            "parse gave {:?}, expected {expected:?} for {:?}",
            result.as_ref().map(|a| &a.headline),
            String::from_utf8_lossy(&bytes[..bytes.len().min(300)])
        ))),
    }
}

// ---------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(cases(256))]

    #[test]
    fn parse_never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048), base in any_base()) {
        check_parse(&bytes, &base)?;
    }

    #[test]
    fn parse_never_panics_on_arbitrary_json_values(doc in json_value(), base in any_base()) {
        check_parse(doc.as_bytes(), &base)?;
    }
}

proptest! {
    #![proptest_config(cases(256))]

    #[test]
    fn article_shaped_documents_give_an_article_or_a_typed_error(
        doc in article_document(),
        base in prop::sample::select(BASES.to_vec()),
    ) {
        check_parse(&doc, base)?;
    }
}

/// Documents that mostly parse: a headline and a body first, then any top-level fields.
fn usable_article_document() -> BoxedStrategy<Vec<u8>> {
    (
        json_string(),
        prop::collection::vec(block_object(), 0..8),
        prop::collection::vec(top_field(), 0..10),
    )
        .prop_map(|(headline, body, mut fields)| {
            fields.insert(0, ("\"headline\"".to_owned(), headline));
            fields.insert(1, ("\"body\"".to_owned(), array_of(body)));
            object_of(fields).into_bytes()
        })
        .boxed()
}

proptest! {
    #![proptest_config(cases(256))]

    /// `Serialize` writes canonical JSON v1: an article as parsed, written and read back against
    /// another base (so every URL written must be absolute), is the same article, and the
    /// report of that second parse is empty (nothing written is dropped).
    #[test]
    fn an_article_written_as_json_reads_back_equal(
        doc in prop_oneof![usable_article_document(), article_document()],
        base in prop::sample::select(BASES.to_vec()),
    ) {
        if let Ok(article) = Article::parse(&doc, base) {
            let json = serde_json::to_string(&article).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let again = Article::parse_with_report(json.as_bytes(), "https://elsewhere.example/x/y.json");
            prop_assert_eq!(again, Ok((article, Vec::new())), "written as {}", json);
        }
    }
}

proptest! {
    #![proptest_config(cases(1024))]

    #[test]
    fn resolve_only_ever_returns_absolute_http_urls(base in any_base(), reference in hostile_reference()) {
        if let Some(out) = url::resolve(&base, &reference) {
            assert_safe_url(&out, &format!("resolve({base:?}, {reference:?})"))?;
        }
    }

    #[test]
    fn resolve_never_panics_on_arbitrary_strings(base in any::<String>(), reference in any::<String>()) {
        if let Some(out) = url::resolve(&base, &reference) {
            assert_safe_url(&out, &format!("resolve({base:?}, {reference:?})"))?;
        }
        let _ = url::is_web_url(&base);
    }

    #[test]
    fn a_reference_with_any_other_scheme_is_dropped(
        base in prop::sample::select(BASES.to_vec()),
        reference in prop_oneof![disguised_script_url(), hostile_reference()],
    ) {
        let scheme = browser_scheme(&reference);
        if scheme.as_deref().is_some_and(|s| s != "http" && s != "https") {
            prop_assert_eq!(url::resolve(base, &reference), None, "{:?} has scheme {:?}", reference, scheme);
        }
    }

    #[test]
    fn disguised_script_urls_are_dropped(base in any_base(), reference in disguised_script_url()) {
        prop_assert_eq!(url::resolve(&base, &reference), None);
    }

    #[test]
    fn relative_references_stay_on_the_article_origin(
        base in prop::sample::select(vec![
            ("https://news.example/api/articles/today.json?v=2#top", "https://news.example/"),
            ("http://a.example:8080/x/y/z.json", "http://a.example:8080/"),
        ]),
        path in "[a-z0-9._~-]{0,8}(/[a-z0-9._~-]{0,8}){0,4}(\\?[a-z=&./]{0,8})?(#[a-z./]{0,8})?",
    ) {
        let (base, origin) = base;
        prop_assume!(!path.starts_with("//"), "scheme-relative, not relative");
        let out = url::resolve(base, &path);
        if path.is_empty() {
            prop_assert_eq!(out, None);
        } else {
            let out = out.unwrap_or_default();
            prop_assert!(out.starts_with(origin), "{path:?} -> {out:?} left {origin}");
        }
    }

    #[test]
    fn date_parsing_never_panics(value in prop_oneof![
        any::<String>(),
        "[0-9]{0,5}-[0-9]{0,3}-[0-9]{0,3}([Tt ][0-9:+-Z.]{0,20})?",
        "[0-9]{4}-[0-9]{2}-[0-9]{2}.{0,4}",
        "\\PC{0,12}",
    ]) {
        if let Some(date) = PublishedDate::parse(&value) {
            prop_assert_eq!(date.iso.as_str(), value.trim());
            prop_assert!((1..=12).contains(&date.date.month));
            prop_assert!((1..=31).contains(&date.date.day));
            prop_assert!(date.date.year >= 1);
            prop_assert!(!date.display(Lang::En).is_empty());
            prop_assert!(!date.display(Lang::ZhTw).is_empty());
        }
    }

    #[test]
    fn every_calendar_day_parses_to_itself(
        year in 1u16..=9999,
        month in 1u8..=12,
        day in 1u8..=28,
        time in prop::sample::select(vec!["", "T09:00:00+08:00", "T23:59:59-05:00", "T00:00Z", " 12:00"]),
    ) {
        let value = format!("{year:04}-{month:02}-{day:02}{time}");
        let date = PublishedDate::parse(&value);
        prop_assert!(date.is_some(), "{value:?} did not parse");
        let date = date.unwrap_or_else(|| unreachable!());
        prop_assert_eq!((date.date.year, date.date.month, date.date.day), (year, month, day));
        prop_assert_eq!(date.display(Lang::ZhTw), format!("{year}/{month}/{day}"));
    }

    /// The attribute and storage values come from the host page and from other tabs: any string
    /// gives a value in range, never a panic.
    #[test]
    fn attribute_and_stored_values_are_total(value in any::<String>()) {
        let level = HeadingLevel::parse(Some(&value));
        prop_assert!(["h1", "h2", "h3", "h4", "h5", "h6"].contains(&level.tag()));
        prop_assert!(["auto", "light", "dark"].contains(&Theme::parse(Some(&value)).as_str()));
        if let Some(hint) = parse_height_hint(Some(&value)) {
            prop_assert!(hint.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.'), "{hint:?}");
        }
        if let Some(size) = TextSize::from_stored(&value) {
            prop_assert!(size.step() <= 6);
        }
        let _ = Lang::from_tag(&value);
    }

    /// `format::decimal` stands in for `to_string()` in the wasm: the two never differ.
    #[test]
    fn decimal_equals_to_string(n in any::<u64>()) {
        prop_assert_eq!(format::decimal(n), n.to_string());
    }
}
