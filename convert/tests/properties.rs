//! Property tests for the converter (issue 19): no input panics it, and whatever it writes the
//! widget's own parser reads back whole (`check` is clean) and as the same article. Inputs are
//! arbitrary bytes, and posts and pages built from a grammar of the mapped and hostile markup.
//!
//! `PROPTEST_CASES=5000 cargo test -p news-widget-convert --test properties` for a longer run.

use news_widget::model::Article;
use news_widget_convert::omitted::Omissions;
use news_widget_convert::output::{self, CHECK_BASE};
use news_widget_convert::wordpress::Embeds;
use news_widget_convert::{jsonld, wordpress};
use proptest::prelude::*;
use serde_json::{json, Value};

fn cases(default: u32) -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default),
        max_shrink_iters: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Text as publishers' HTML carries it: words, entities, markup-looking characters, any string.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vec![
            "word", "高雄", " ", "\n", "&amp;", "&nbsp;", "&#8220;", "&#0;", "&bogus;", "<", ">",
            "\"", "'", "\u{0}", "\u{202e}", "<!-- c -->", "<![CDATA[x]]>", "</p>", "&lt;script&gt;",
        ])
        .prop_map(str::to_owned),
        1 => any::<String>(),
    ]
}

fn url() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "https://a.example/x",
        "/rel/path",
        "../up",
        "javascript:alert(1)",
        " JaVa\tScRiPt:x",
        "data:text/html,<script>alert(1)</script>",
        "//cdn.example/i.jpg",
        "",
        "#frag",
        "http:",
        "高雄.png",
        "https://a.example/\u{0}",
    ])
    .prop_map(str::to_owned)
}

fn attribute() -> impl Strategy<Value = String> {
    prop_oneof![
        url().prop_map(|u| format!(" href=\"{u}\"")),
        url().prop_map(|u| format!(" src='{u}'")),
        Just(" rel=\"sponsored\"".to_owned()),
        Just(" onerror=\"alert(1)\"".to_owned()),
        "[0-9%-]{0,7}".prop_map(|n| format!(" width=\"{n}\" height={n}")),
        text().prop_map(|t| format!(" alt=\"{}\"", t.replace('"', ""))),
    ]
}

const TAGS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h6",
    "blockquote",
    "cite",
    "figure",
    "figcaption",
    "img",
    "a",
    "strong",
    "b",
    "em",
    "i",
    "br",
    "script",
    "style",
    "iframe",
    "div",
    "span",
    "ul",
    "li",
    "svg",
    "table",
    "td",
    "noscript",
    "template",
    "select",
    "textarea",
    "math",
    "u",
];

/// An HTML fragment from the mapped and hostile elements, nested, sometimes left unclosed.
fn html() -> impl Strategy<Value = String> {
    let leaf = text();
    leaf.prop_recursive(6, 64, 6, |inner| {
        (
            prop::sample::select(TAGS),
            prop::collection::vec(attribute(), 0..3),
            prop::collection::vec(inner, 0..5),
            any::<bool>(),
        )
            .prop_map(|(tag, attributes, children, close)| {
                let end = if close {
                    format!("</{tag}>")
                } else {
                    String::new()
                };
                format!("<{tag}{}>{}{end}", attributes.concat(), children.concat())
            })
    })
}

fn field() -> impl Strategy<Value = Value> {
    prop_oneof![
        html().prop_map(Value::from),
        text().prop_map(Value::from),
        url().prop_map(Value::from),
        prop::sample::select(vec![
            "2025-04-16T09:00:00",
            "2025-04-16T01:00:00",
            "0000-00-00T00:00:00",
            "2025-02-30T00:00:00"
        ])
        .prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        Just(Value::Null),
        Just(json!([])),
        Just(json!({})),
    ]
}

/// A WordPress post: real field names with grammar content, or wrong types.
fn post() -> impl Strategy<Value = Value> {
    (html(), html(), field(), field(), field(), field(), field(), field(), field(), field())
        .prop_map(|(title, content, date, gmt, link, slug, author, media, term, related)| {
            json!({
                "title": {"rendered": title},
                "content": {"rendered": content},
                "date": date, "date_gmt": gmt, "modified": gmt, "modified_gmt": date,
                "link": link, "slug": slug, "featured_media": 7,
                "_embedded": {
                    "author": [{"name": author}],
                    "wp:featuredmedia": [{"source_url": media, "alt_text": author,
                        "caption": {"rendered": term}, "media_details": {"width": date, "height": 9}}],
                    "wp:term": [[{"name": term, "taxonomy": "category"}]],
                },
                "jetpack-related-posts": [{"title": related, "url": link, "date": date,
                    "excerpt": term, "img": {"src": media, "width": 3}}],
            })
        })
}

/// A schema.org value: article fields with grammar content, in a graph or an array.
fn ld() -> impl Strategy<Value = Value> {
    (field(), field(), field(), field(), field(), field(), field(), field(), any::<u8>()).prop_map(
        |(headline, body, author, image, date, url, section, lang, shape)| {
            let ty = ["Article", "NewsArticle", "ReportageNewsArticle"][usize::from(shape % 3)];
            let article = json!({
                "@type": ty,
                "headline": headline, "articleBody": body, "datePublished": date,
                "dateModified": date, "author": [author.clone(), {"@type": "Person", "name": author}],
                "image": [image.clone(), {"@type": "ImageObject", "url": image, "width": date}],
                "publisher": {"name": section, "url": url}, "url": url,
                "mainEntityOfPage": {"@id": url}, "articleSection": [section], "inLanguage": lang,
            });
            match shape % 4 {
                0 => article,
                1 => json!({"@graph": [{"@type": "WebPage"}, article]}),
                2 => json!([article]),
                _ => json!([{"@graph": [[article]]}]),
            }
        },
    )
}

/// The converter's output is read back by the widget whole, as the same article; the mapping
/// itself made nothing the widget drops (so no omission is the widget's).
fn checks_clean(article: &Article) -> Result<(), TestCaseError> {
    let mut omitted = Omissions::default();
    let json = output::article_json(article, &mut omitted).expect("serialises");
    prop_assert!(
        omitted.is_empty(),
        "the widget drops from the mapped article:\n{omitted}{json}"
    );
    let (read, dropped) = output::check(json.as_bytes(), CHECK_BASE)
        .map_err(|p| TestCaseError::fail(format!("unusable output {p:?}:\n{json}")))?;
    prop_assert!(dropped.is_empty(), "check reports {dropped:?} for\n{json}");
    let again = output::article_json(&read, &mut Omissions::default()).expect("serialises");
    prop_assert_eq!(again, json);
    Ok(())
}

proptest! {
    #![proptest_config(cases(256))]

    #[test]
    fn no_bytes_panic_either_converter(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let mut omitted = Omissions::default();
        let _ = wordpress::convert(&bytes, &Embeds::default(), &mut omitted);
        let _ = jsonld::convert(&bytes, &mut omitted);
        let _ = output::check(&bytes, CHECK_BASE);
    }

    #[test]
    fn any_wordpress_output_checks_clean(post in post()) {
        let mut omitted = Omissions::default();
        if let Ok(article) = wordpress::convert(post.to_string().as_bytes(), &Embeds::default(), &mut omitted) {
            checks_clean(&article)?;
        }
    }

    #[test]
    fn any_json_ld_output_checks_clean(value in ld(), junk in html()) {
        let page = format!(
            "<!doctype html><html><head>{junk}<script type=\"application/ld+json\">{}</script></head><body>{junk}</body></html>",
            value.to_string().replace("</", "<\\/"),
        );
        let mut omitted = Omissions::default();
        if let Ok(article) = jsonld::convert(page.as_bytes(), &mut omitted) {
            checks_clean(&article)?;
        }
    }

    #[test]
    fn any_html_content_converts_without_panic_and_checks_clean(content in html()) {
        let post = json!({"title": {"rendered": "T"}, "link": "https://n.example/a/", "content": {"rendered": content}});
        let mut omitted = Omissions::default();
        let article = wordpress::convert(post.to_string().as_bytes(), &Embeds::default(), &mut omitted);
        prop_assert!(article.is_ok());
        checks_clean(&article.unwrap())?;
    }
}
