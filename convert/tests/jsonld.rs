//! The JSON-LD mapping, one test per rule (issue 19), on inline pages and the fixture page with
//! an `@graph`, a broken script and a second article (fixtures/jsonld-graph.html).

use news_widget::model::{Article, Block, Image, Publisher, Run};
use news_widget_convert::jsonld;
use news_widget_convert::omitted::{Omission, Omissions};
use news_widget_convert::unusable::Unusable;
use serde_json::{json, Value};

const FIXTURE: &str = include_str!("fixtures/jsonld-graph.html");

fn fixture() -> (Article, Omissions) {
    let mut omitted = Omissions::default();
    let article = jsonld::convert(FIXTURE.as_bytes(), &mut omitted).expect("usable page");
    (article, omitted)
}

/// A page carrying these JSON-LD values, one script each.
fn page(values: &[Value]) -> Result<Article, Unusable> {
    let scripts: String = values
        .iter()
        .map(|v| format!("<script type=\"application/ld+json\">{v}</script>\n"))
        .collect();
    let html = format!("<!doctype html><html><head>{scripts}</head><body></body></html>");
    jsonld::convert(html.as_bytes(), &mut Omissions::default())
}

fn article(fields: Value) -> Article {
    let mut value = json!({"@type": "NewsArticle", "headline": "H", "url": "https://n.example/a"});
    value
        .as_object_mut()
        .unwrap()
        .extend(fields.as_object().unwrap().clone());
    page(&[value]).expect("usable")
}

#[test]
fn every_ld_json_script_is_read_and_a_broken_one_counted() {
    let (article, omitted) = fixture();
    assert_eq!(article.headline, "Harbour reopens after storm");
    let broken = Omission::Field {
        field: "ld+json script 1".into(),
        why: "not JSON, skipped",
    };
    assert_eq!(omitted.count(&broken), 1, "{omitted}");
    // The second article on the page is counted, not merged.
    assert_eq!(
        omitted
            .iter()
            .filter(|(o, _)| matches!(o, Omission::Field { field, .. } if field == "JSON-LD"))
            .count(),
        1
    );
    assert_eq!(page(&[]), Err(Unusable::NoJsonLd));
    let type_case =
        "<script type=' Application/LD+JSON '>{\"@type\":\"Article\",\"headline\":\"x\"}</script>";
    assert!(jsonld::convert(type_case.as_bytes(), &mut Omissions::default()).is_ok());
}

#[test]
fn news_article_article_and_reportage_news_article_are_accepted() {
    for ty in [
        json!("NewsArticle"),
        json!("Article"),
        json!("ReportageNewsArticle"),
        json!(["Thing", "Article"]),
        json!("https://schema.org/NewsArticle"),
    ] {
        let found = page(&[json!({"@type": ty, "headline": "H"})]);
        assert_eq!(found.map(|a| a.headline).ok().as_deref(), Some("H"), "{ty}");
    }
    for ty in [
        json!("BlogPosting"),
        json!("WebPage"),
        json!(null),
        json!(["Thing"]),
    ] {
        assert_eq!(
            page(&[json!({"@type": ty, "headline": "H"})]),
            Err(Unusable::NoArticle),
            "{ty}"
        );
    }
}

#[test]
fn articles_are_found_inside_graphs_and_arrays() {
    let nested = json!([{"@type": "WebSite"}, {"@graph": [{"@type": "Person"}, {"@type": "Article", "headline": "Deep"}]}]);
    assert_eq!(page(&[nested]).unwrap().headline, "Deep");
    // An article without a headline is passed over for the next one.
    let second = json!([{"@type": "Article"}, {"@type": "Article", "headline": "Second"}]);
    assert_eq!(page(&[second]).unwrap().headline, "Second");
}

#[test]
fn headline_is_required() {
    assert_eq!(
        page(&[json!({"@type": "Article", "headline": "  "})]),
        Err(Unusable::NoArticle)
    );
    assert_eq!(
        page(&[json!({"@type": "Article", "headline": 5})]),
        Err(Unusable::NoArticle)
    );
}

#[test]
fn article_section_is_the_section_string_or_first_of_a_list() {
    let (fixture, _) = fixture();
    assert_eq!(fixture.section.as_deref(), Some("Local"));
    assert_eq!(
        article(json!({"articleSection": "投資理財"}))
            .section
            .as_deref(),
        Some("投資理財")
    );
}

#[test]
fn date_published_and_date_modified_are_the_dates() {
    let (fixture, omitted) = fixture();
    assert_eq!(fixture.published.unwrap().iso, "2025-03-02T07:30:00-05:00");
    assert_eq!(fixture.modified, None);
    let bad = Omission::Field {
        field: "dateModified".into(),
        why: "not an ISO 8601 date",
    };
    assert_eq!(omitted.count(&bad), 1);
    assert_eq!(
        article(json!({"dateModified": "2025-03-03"}))
            .modified
            .unwrap()
            .iso,
        "2025-03-03"
    );
}

#[test]
fn author_string_person_or_list_is_the_byline() {
    let (fixture, _) = fixture();
    assert_eq!(
        fixture.byline.as_deref(),
        Some("Ana Lima, Ben Ode, Harbour Times Staff")
    );
    assert_eq!(
        article(json!({"author": "記者 李翌淳"})).byline.as_deref(),
        Some("記者 李翌淳")
    );
    assert_eq!(
        article(json!({"author": {"@type": "Person", "name": "Ana"}}))
            .byline
            .as_deref(),
        Some("Ana")
    );
    assert_eq!(
        article(json!({"author": [{"@type": "Person"}, 3]})).byline,
        None
    );
}

#[test]
fn publisher_is_the_organisation_name_and_url() {
    let (fixture, _) = fixture();
    assert_eq!(
        fixture.publisher,
        Some(Publisher {
            name: "Harbour Times".into(),
            url: Some("https://harbour.example/".into()),
        })
    );
    assert_eq!(
        article(json!({"publisher": "Plain Name"}))
            .publisher
            .map(|p| p.name)
            .as_deref(),
        Some("Plain Name")
    );
}

#[test]
fn image_string_image_object_or_list_is_the_hero() {
    let (fixture, _) = fixture();
    // The javascript: entry is passed over; the ImageObject's contentUrl resolves against the URL.
    assert_eq!(
        fixture.image,
        Some(Image {
            url: "https://harbour.example/img/harbour.jpg".into(),
            alt: "Boats back at their moorings".into(),
            caption: Some("The harbour on Sunday".into()),
            width: Some(1600),
            height: Some(900),
        })
    );
    let string = article(json!({"image": "https://n.example/i.jpg"}))
        .image
        .unwrap();
    assert_eq!(
        (string.url.as_str(), string.width),
        ("https://n.example/i.jpg", None)
    );
    let object = article(
        json!({"image": {"@type": "ImageObject", "url": "/i.png", "width": 800, "height": 600}}),
    )
    .image
    .unwrap();
    assert_eq!(
        (object.url.as_str(), object.width, object.height),
        ("https://n.example/i.png", Some(800), Some(600))
    );
    assert_eq!(
        article(json!({"image": ["data:image/png;base64,xx"]})).image,
        None
    );
}

#[test]
fn article_body_is_split_into_paragraphs() {
    let (fixture, _) = fixture();
    let paragraph = |t: &str| {
        Block::Paragraph(vec![Run {
            text: t.into(),
            ..Run::default()
        }])
    };
    assert_eq!(
        fixture.body,
        [
            paragraph("The harbour reopened on Sunday."),
            paragraph("Ferries run again from Monday."),
            paragraph("The coast guard lifted its warning."),
        ]
    );
    assert!(article(json!({})).body.is_empty());
}

#[test]
fn url_or_main_entity_of_page_is_the_url() {
    let (fixture, _) = fixture();
    assert_eq!(
        fixture.url.as_deref(),
        Some("https://harbour.example/news/harbour-reopens")
    );
    let page_url = |v: Value| {
        page(&[json!({"@type": "Article", "headline": "H", "mainEntityOfPage": v})])
            .unwrap()
            .url
    };
    assert_eq!(
        page_url(json!("https://a.example/x")).as_deref(),
        Some("https://a.example/x")
    );
    assert_eq!(
        page_url(json!({"@id": "https://a.example/y"})).as_deref(),
        Some("https://a.example/y")
    );
    assert_eq!(
        page_url(json!({"url": "https://a.example/z"})).as_deref(),
        Some("https://a.example/z")
    );
    assert_eq!(page_url(json!("javascript:alert(1)")), None);
    assert_eq!(
        article(json!({"url": "https://first.example/"}))
            .url
            .as_deref(),
        Some("https://first.example/")
    );
}

#[test]
fn description_and_in_language_are_mapped_too() {
    let (fixture, _) = fixture();
    assert_eq!(
        fixture.description.as_deref(),
        Some("Ferries run again from Monday.")
    );
    assert_eq!(fixture.lang.as_deref(), Some("en"));
    assert_eq!(
        article(json!({"inLanguage": "zh-Hant-TW"})).lang.as_deref(),
        Some("zh-Hant-TW")
    );
    assert_eq!(
        article(json!({"inLanguage": "Traditional Chinese"})).lang,
        None
    );
}
