use super::*;
use crate::error::FormatProblem;

const BASE: &str = "https://news.example/api/articles/a.json";

fn parse(json: &str) -> Result<Article, FormatProblem> {
    Article::parse(json.as_bytes(), BASE)
}

fn article(body: &str) -> Article {
    parse(&format!(r#"{{"headline":"H","body":{body}}}"#)).expect("a valid document")
}

#[test]
fn the_minimal_document_is_a_headline_and_an_empty_body() {
    let a = article("[]");
    assert_eq!(a.headline, "H");
    assert!(a.body.is_empty() && a.related.is_empty());
    assert_eq!(a.section, None);
}

#[test]
fn documents_that_cannot_be_used_give_a_typed_error() {
    assert_eq!(
        parse("{\"headline\": \"H\", \"body\": ["),
        Err(FormatProblem::NotJson)
    );
    assert_eq!(parse("<html>"), Err(FormatProblem::NotJson));
    assert_eq!(parse("[1,2]"), Err(FormatProblem::NotAnObject));
    assert_eq!(parse("null"), Err(FormatProblem::NotAnObject));
    assert_eq!(parse(r#"{"body":[]}"#), Err(FormatProblem::MissingHeadline));
    assert_eq!(
        parse(r#"{"headline":"  ","body":[]}"#),
        Err(FormatProblem::MissingHeadline)
    );
    assert_eq!(
        parse(r#"{"headline":42,"body":[]}"#),
        Err(FormatProblem::MissingHeadline)
    );
    assert_eq!(
        parse(r#"{"headline":"H"}"#),
        Err(FormatProblem::MissingBody)
    );
    assert_eq!(
        parse(r#"{"headline":"H","body":{}}"#),
        Err(FormatProblem::MissingBody)
    );
    assert_eq!(
        Article::parse(b"{\"headline\":\"\xff\",\"body\":[]}", BASE),
        Err(FormatProblem::NotJson)
    );
}

#[test]
fn optional_fields_with_wrong_types_are_treated_as_missing() {
    let a = parse(
        r#"{"headline":"H","body":[],"articleSection":7,"byline":["x"],"image":"x.png",
            "publisher":{"url":"https://p.example"},"related":"none","datePublished":"soon"}"#,
    )
    .unwrap();
    assert_eq!(
        (a.section, a.byline, a.image, a.publisher, a.published),
        (None, None, None, None, None)
    );
    assert!(a.related.is_empty());
}

#[test]
fn a_script_string_stays_text() {
    let a = article(r#"[{"type":"paragraph","text":"<script>alert(1)</script>"}]"#);
    assert_eq!(
        a.body,
        vec![Block::Paragraph(vec![Run {
            text: "<script>alert(1)</script>".into(),
            ..Run::default()
        }])]
    );
}

#[test]
fn a_javascript_link_keeps_its_text_and_loses_its_href() {
    let a = article(
        r#"[{"type":"paragraph","content":[{"text":"see "},{"text":"this","href":"javascript:alert(1)"}]},
            {"type":"link","text":"Win","url":" JAVASCRIPT:alert(1)"}]"#,
    );
    let Block::Paragraph(runs) = &a.body[0] else {
        panic!("paragraph expected")
    };
    assert_eq!(runs[1].text, "this");
    assert_eq!(runs[1].href, None);
    assert_eq!(
        a.body[1],
        Block::Link {
            text: "Win".into(),
            url: None,
            sponsored: false
        }
    );
}

#[test]
fn inline_runs_carry_links_and_marks() {
    let a = article(
        r#"[{"type":"paragraph","content":[{"text":"bold","marks":["strong","em","blink"]},
            {"text":"link","href":"/x"},{"href":"https://no.text"},{"text":""}]}]"#,
    );
    let Block::Paragraph(runs) = &a.body[0] else {
        panic!("paragraph expected")
    };
    assert_eq!(runs.len(), 2);
    assert!(runs[0].strong && runs[0].em);
    assert_eq!(runs[1].href.as_deref(), Some("https://news.example/x"));
}

#[test]
fn unknown_blocks_and_bad_blocks_are_skipped_in_order() {
    let a = article(
        r#"[{"type":"paragraph","text":"one"},{"type":"video","src":"v.mp4"},
            {"type":"image","alt":"no url"},{"type":"image","url":"data:image/png;base64,AA"},
            {"type":"paragraph"},{"type":"heading","text":7},"string",null,[1],{"text":"no type"},
            {"type":"quote","text":"q","cite":"Ann","extra":{"deep":[1]}},
            {"type":"paragraph","text":"two"}]"#,
    );
    assert_eq!(a.body.len(), 3);
    assert!(matches!(&a.body[1], Block::Quote { cite: Some(c), .. } if c == "Ann"));
}

#[test]
fn images_keep_sane_dimensions_only() {
    let a = article(
        r#"[{"type":"image","url":"p.png","alt":"A","width":1200,"height":675},
            {"type":"image","url":"q.png","width":-5,"height":1e300},
            {"type":"image","url":"r.png","width":"1200","height":99999999999}]"#,
    );
    let dims: Vec<_> = a
        .body
        .iter()
        .map(|b| match b {
            Block::Image(i) => (i.width, i.height),
            _ => panic!("image expected"),
        })
        .collect();
    assert_eq!(dims, [(Some(1200), Some(675)), (None, None), (None, None)]);
    let Block::Image(first) = &a.body[0] else {
        unreachable!()
    };
    assert_eq!(first.url, "https://news.example/api/articles/p.png");
}

#[test]
fn sponsored_links_are_flagged() {
    let a = article(r#"[{"type":"link","text":"Ad","url":"https://ad.example","sponsored":true}]"#);
    assert_eq!(
        a.body[0],
        Block::Link {
            text: "Ad".into(),
            url: Some("https://ad.example".into()),
            sponsored: true
        }
    );
}

#[test]
fn related_items_need_a_headline() {
    let a = parse(
        r#"{"headline":"H","body":[],"related":[{"headline":"R1","url":"/r1","datePublished":"2025-04-16"},
            {"url":"/r2"},{"headline":"R3","url":"vbscript:x","image":{"url":"t.png","alt":"T"}}]}"#,
    )
    .unwrap();
    assert_eq!(a.related.len(), 2);
    assert_eq!(a.related[0].url.as_deref(), Some("https://news.example/r1"));
    assert_eq!(a.related[1].url, None);
    assert_eq!(
        a.related[1].image.as_ref().map(|i| i.alt.as_str()),
        Some("T")
    );
}

#[test]
fn deeply_nested_input_is_an_error_not_a_crash() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(parse(&deep), Err(FormatProblem::NotJson));
    let nested_body = format!(
        r#"{{"headline":"H","body":[{}]}}"#,
        "[".repeat(5000) + &"]".repeat(5000)
    );
    assert!(parse(&nested_body).is_err());
}

#[test]
fn lone_surrogates_are_a_format_error() {
    assert_eq!(
        parse(r#"{"headline":"\ud800","body":[]}"#),
        Err(FormatProblem::NotJson)
    );
}

#[test]
fn long_words_and_bidi_text_pass_through_unchanged() {
    let word = "w".repeat(100_000);
    let a = article(&format!(
        r#"[{{"type":"paragraph","text":"{word}"}},{{"type":"paragraph","text":"\u202eevil\u200b"}}]"#
    ));
    assert_eq!(a.body.len(), 2);
}

#[test]
fn the_seed_article_is_complete() {
    let json = include_bytes!("../../demo/articles/kaohsiung-orange-county.json");
    let a = Article::parse(
        json,
        "https://partner.example/articles/kaohsiung-orange-county.json",
    )
    .unwrap();
    assert_eq!(a.section.as_deref(), Some("投資理財"));
    assert_eq!(
        a.body
            .iter()
            .filter(|b| matches!(b, Block::Paragraph(_)))
            .count(),
        25
    );
    assert_eq!(
        a.body
            .iter()
            .filter(|b| matches!(b, Block::Image(_)))
            .count(),
        3
    );
    assert!(a.body.iter().any(|b| matches!(
        b,
        Block::Link {
            sponsored: true,
            url: Some(_),
            ..
        }
    )));
    assert_eq!(a.related.len(), 10);
    assert!(a
        .related
        .iter()
        .all(|r| r.description.is_some() && r.published.is_some() && r.url.is_some()));
    assert_eq!(
        a.image.as_ref().map(|i| i.url.as_str()),
        Some("https://partner.example/images/hero.svg")
    );
}

#[test]
fn the_language_must_be_a_language_tag() {
    let lang = |value: &str| {
        parse(&format!(r#"{{"headline":"H","body":[],"lang":{value}}}"#))
            .unwrap()
            .lang
    };
    assert_eq!(lang(r#""zh-TW""#).as_deref(), Some("zh-TW"));
    assert_eq!(lang(r#""zh-Hant-TW""#).as_deref(), Some("zh-Hant-TW"));
    for bad in [
        r#""en\"><script>""#,
        r#""""#,
        r#""en--US""#,
        r#""toolongprimary""#,
        r#""zh_TW""#,
        "5",
    ] {
        assert_eq!(lang(bad), None, "{bad}");
    }
}

#[test]
fn a_link_whose_url_is_not_a_string_is_skipped() {
    let a = article(
        r#"[{"type":"link","text":"Object","url":{"href":"https://a.example"}},
            {"type":"link","text":"Number","url":7},
            {"type":"link","text":"Script","url":"javascript:alert(1)"},
            {"type":"link","text":"None","url":null}]"#,
    );
    let texts: Vec<_> = a
        .body
        .iter()
        .map(|b| match b {
            Block::Link { text, url, .. } => (text.as_str(), url.clone()),
            _ => panic!("link expected"),
        })
        .collect();
    assert_eq!(texts, [("Script", None), ("None", None)]);
}

#[test]
fn a_repeated_key_counts_once_the_last_as_in_json_parse() {
    let a = parse(r#"{"headline":"first","body":{},"headline":"last","body":[]}"#).unwrap();
    assert_eq!(a.headline, "last");
}

#[test]
fn an_array_is_no_object_even_in_the_order_of_its_fields() {
    let a = parse(
        r#"{"headline":"H","image":["https://a.example/x.png","A"],
            "body":[["paragraph","text"],{"type":"paragraph","text":"kept"}]}"#,
    )
    .unwrap();
    assert_eq!(a.image, None);
    assert_eq!(a.body.len(), 1);
}

#[test]
fn the_report_names_each_left_out_value_by_its_path() {
    let json = r#"{"headline":"H","lang":"en_US","articleSection":7,"datePublished":"soon",
        "image":{"url":"javascript:x","alt":"A"},
        "body":[{"type":"paragraph","text":"ok"},{"type":"video"},"text",
            {"type":"link","text":"L","url":{}},
            {"type":"paragraph","content":[{"text":"a"},{"text":"b","href":"data:x"},{"href":"/c"}]},
            {"type":"image","url":"p.png","width":"wide","height":0},{"text":"no type"}],
        "related":[{"headline":"R"},{"headline":" "}]}"#;
    let (article, dropped) = Article::parse_with_report(json.as_bytes(), BASE).unwrap();
    assert_eq!(article, parse(json).unwrap(), "the same parse, reported");
    let lines: Vec<String> = dropped.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "lang: not a language tag",
            "articleSection: wrong JSON type",
            "datePublished: not a date (YYYY-MM-DD[Thh:mm[:ss][offset]])",
            "image.url: not an http(s) URL",
            "image: left out for its `url`",
            "body[1]: unknown block type",
            "body[2]: wrong JSON type",
            "body[3].url: wrong JSON type",
            "body[3]: left out for its `url`",
            "body[4].content[1].href: not an http(s) URL",
            "body[4].content[2]: left out for its `text`",
            "body[5].width: wrong JSON type",
            "body[5].height: not a size from 1 to 100000 px",
            "body[6]: unknown block type",
            "related[1].headline: blank text",
            "related[1]: left out for its `headline`",
        ]
    );
    assert_eq!(dropped[0].why, Why::BadLanguageTag);
    assert_eq!(dropped[4].why, Why::Field("url"));
}

#[test]
fn a_clean_document_reports_nothing() {
    let json = include_bytes!("../../demo/articles/kaohsiung-orange-county.json");
    let (_, dropped) = Article::parse_with_report(json, BASE).unwrap();
    assert_eq!(dropped, []);
}

#[test]
fn serialising_writes_canonical_json_v1() {
    let a = parse(
        r#"{"headline":"H","url":"/a","unknown":1,"datePublished":" 2025-04-16 ","byline":"  ",
            "image":{"url":"hero.png","width":1200},
            "body":[{"type":"paragraph","content":[{"text":"plain"}]},
                {"type":"heading","content":[{"text":"a","href":"/x","marks":["em","strong"]}]},
                {"type":"quote","text":"q","cite":"Ann"},{"type":"link","text":"L","url":"https://l.example"},
                {"type":"link","text":"Ad","url":"https://ad.example","sponsored":true}]}"#,
    )
    .unwrap();
    let json = serde_json::to_value(&a).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "url": "https://news.example/a",
            "headline": "H",
            "datePublished": "2025-04-16",
            "image": {"url": "https://news.example/api/articles/hero.png", "alt": "", "width": 1200},
            "body": [
                {"type": "paragraph", "text": "plain"},
                {"type": "heading", "content": [
                    {"text": "a", "href": "https://news.example/x", "marks": ["strong", "em"]}
                ]},
                {"type": "quote", "text": "q", "cite": "Ann"},
                {"type": "link", "text": "L", "url": "https://l.example"},
                {"type": "link", "text": "Ad", "url": "https://ad.example", "sponsored": true},
            ]
        })
    );
    let text = serde_json::to_string(&a).unwrap();
    assert_eq!(
        Article::parse(text.as_bytes(), "https://elsewhere.example/"),
        Ok(a)
    );
}
