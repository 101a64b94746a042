//! The WordPress mapping, one test per rule (issue 19), on inline posts and the fixture post
//! with every mapped element and hostile markup (fixtures/wordpress-post.json).

use news_widget::model::{Article, Block, Image, Run};
use news_widget_convert::omitted::{Omission, Omissions};
use news_widget_convert::unusable::Unusable;
use news_widget_convert::wordpress::{self, Embeds};
use serde_json::{json, Value};

const FIXTURE: &str = include_str!("fixtures/wordpress-post.json");

fn convert(post: &Value, embeds: &Embeds) -> (Article, Omissions) {
    let mut omitted = Omissions::default();
    let article = wordpress::convert(post.to_string().as_bytes(), embeds, &mut omitted)
        .expect("a usable post");
    (article, omitted)
}

/// A post with this content, titled and linked.
fn content(html: &str) -> (Article, Omissions) {
    convert(
        &json!({
            "title": {"rendered": "T"},
            "link": "https://news.example/2025/04/16/post/",
            "content": {"rendered": html},
        }),
        &Embeds::default(),
    )
}

fn fixture() -> (Article, Omissions) {
    convert(&serde_json::from_str(FIXTURE).unwrap(), &Embeds::default())
}

fn plain(text: &str) -> Run {
    Run {
        text: text.into(),
        ..Run::default()
    }
}

fn linked(text: &str, href: &str) -> Run {
    Run {
        href: Some(href.into()),
        ..plain(text)
    }
}

#[test]
fn title_rendered_is_the_headline_as_plain_text() {
    let (article, omitted) = fixture();
    assert_eq!(
        article.headline,
        "Council agrees \u{201c}historic\u{201d} budget & more"
    );
    assert_eq!(omitted.count(&Omission::Script), 2, "{omitted}"); // the title's and the body's
}

#[test]
fn a_post_without_a_title_is_unusable() {
    let mut omitted = Omissions::default();
    for post in [
        json!({"content": {"rendered": "<p>x</p>"}}),
        json!({"title": {"rendered": " <b> </b> "}}),
    ] {
        let result = wordpress::convert(
            post.to_string().as_bytes(),
            &Embeds::default(),
            &mut omitted,
        );
        assert_eq!(result, Err(Unusable::NoHeadline));
    }
    let not_json = wordpress::convert(b"<html>", &Embeds::default(), &mut omitted);
    assert!(matches!(not_json, Err(Unusable::NotJson(_))));
    let array = wordpress::convert(b"[]", &Embeds::default(), &mut omitted);
    assert!(matches!(array, Err(Unusable::NotAnObject(_))));
}

#[test]
fn p_is_a_paragraph_with_entities_decoded_and_whitespace_collapsed() {
    let (article, _) = content("<p>  Fish\n &amp;\tchips&nbsp;&#8230; </p>\n\n<p>Two</p>");
    assert_eq!(
        article.body,
        [
            Block::Paragraph(vec![plain("Fish & chips \u{2026}")]),
            Block::Paragraph(vec![plain("Two")]),
        ]
    );
}

#[test]
fn h2_to_h6_are_headings() {
    let (article, _) = fixture();
    let headings: Vec<_> = article
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Heading(runs) => Some(runs[0].text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        headings,
        ["What was agreed", "Schools", "Roads", "Parks", "Libraries"]
    );
    let (h1, omitted) = content("<h1>Not a subheading</h1>");
    assert_eq!(h1.body, [Block::Paragraph(vec![plain("Not a subheading")])]);
    assert_eq!(omitted.count(&Omission::Unwrapped("h1".into())), 1);
}

#[test]
fn blockquote_with_cite_is_a_quote() {
    let (article, _) = fixture();
    assert!(article.body.contains(&Block::Quote {
        runs: vec![plain("We have waited long enough. Now we build.")],
        cite: Some("Mayor Chen".into()),
    }));
    let (bare, _) = content("<blockquote>Just words</blockquote>");
    assert_eq!(
        bare.body,
        [Block::Quote {
            runs: vec![plain("Just words")],
            cite: None
        }]
    );
}

#[test]
fn figure_img_figcaption_is_an_image_block_with_its_size() {
    let (article, _) = fixture();
    assert!(article.body.contains(&Block::Image(Image {
        url: "https://news.example/wp-content/uploads/2025/04/council.jpg".into(),
        alt: "The council chamber".into(),
        caption: Some("The vote, late on Tuesday (Photo: City Hall)".into()),
        width: Some(1024),
        height: Some(683),
    })));
    let (relative, _) = content(r#"<figure><img src="../img/a.png" width="100%"></figure>"#);
    assert_eq!(
        relative.body,
        [Block::Image(Image {
            url: "https://news.example/2025/04/16/img/a.png".into(),
            alt: String::new(),
            caption: None,
            width: None,
            height: None,
        })]
    );
}

#[test]
fn a_gallery_is_one_image_per_inner_figure() {
    let (article, _) = content(
        r#"<figure class="wp-block-gallery"><figure><img src="/a.jpg"></figure><figure><img src="/b.jpg"><figcaption>B</figcaption></figure></figure>"#,
    );
    let urls: Vec<_> = article
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Image(i) => Some(i.url.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        urls,
        ["https://news.example/a.jpg", "https://news.example/b.jpg"]
    );
}

#[test]
fn a_is_a_link_run_resolved_against_the_post_link() {
    let (article, _) = fixture();
    assert_eq!(
        article.body[1],
        Block::Paragraph(vec![
            plain("Read "),
            linked("the budget", "https://news.example/2025/04/budget/"),
            plain(" or "),
            Run {
                strong: true,
                ..linked("the full report", "https://other.example/report.pdf")
            },
            plain("."),
        ])
    );
}

#[test]
fn strong_and_b_are_strong_em_and_i_are_em() {
    let (article, _) = fixture();
    let Block::Paragraph(runs) = &article.body[0] else {
        panic!("{:?}", article.body[0])
    };
    let marked = |text: &str| runs.iter().find(|r| r.text == text).cloned();
    let strong = |text: &str| Run {
        strong: true,
        ..plain(text)
    };
    let em = |text: &str| Run {
        em: true,
        ..plain(text)
    };
    assert_eq!(marked("Tuesday"), Some(strong("Tuesday")));
    assert_eq!(marked("all"), Some(strong("all")));
    assert_eq!(marked("on record"), Some(em("on record")));
    assert_eq!(marked("in public"), Some(em("in public")));
    let (nested, _) = content("<p><strong>a <em>b</em></strong></p>");
    assert_eq!(
        nested.body,
        [Block::Paragraph(vec![
            strong("a "),
            Run {
                em: true,
                ..strong("b")
            }
        ])]
    );
}

#[test]
fn a_paragraph_of_one_sponsored_link_is_a_sponsored_link_block() {
    let (article, _) = fixture();
    assert!(article.body.contains(&Block::Link {
        text: "Sponsored: visit our partner".into(),
        url: Some("https://ads.example/offer?src=news".into()),
        sponsored: true,
    }));
    // Not sponsored, or not alone: a paragraph with a link run.
    let (other, _) =
        content(r#"<p><a href="/x">x</a></p><p>See <a rel="sponsored" href="/y">y</a></p>"#);
    assert!(other.body.iter().all(|b| matches!(b, Block::Paragraph(_))));
}

#[test]
fn scripts_styles_iframes_and_comments_are_dropped_and_counted() {
    let (article, omitted) = fixture();
    assert_eq!(omitted.count(&Omission::Script), 2, "{omitted}");
    assert_eq!(omitted.count(&Omission::Style), 1);
    assert_eq!(omitted.count(&Omission::Iframe), 1);
    assert_eq!(omitted.count(&Omission::Comment), 2);
    let text = body_text(&article);
    for gone in ["stolen", "display", "youtube", "wp:paragraph", "alert"] {
        assert!(!text.contains(gone), "{gone:?} in {text:?}");
    }
}

#[test]
fn every_other_element_is_counted_dropped_with_its_content_or_unwrapped() {
    let (article, omitted) = fixture();
    for tag in ["svg", "noscript", "form"] {
        assert_eq!(
            omitted.count(&Omission::Element(tag.into())),
            1,
            "<{tag}>: {omitted}"
        );
    }
    for tag in ["div", "section", "span", "u", "mark", "ul", "li"] {
        assert!(
            omitted.count(&Omission::Unwrapped(tag.into())) >= 1,
            "<{tag}>: {omitted}"
        );
    }
    assert_eq!(omitted.count(&Omission::LooseImage), 1);
    assert_eq!(omitted.count(&Omission::FigureWithoutImage), 1);
    assert!(omitted.count(&Omission::EmptyBlock) >= 1);
    let text = body_text(&article);
    assert!(
        text.contains("Nested unknown tags keep their text."),
        "{text}"
    );
    assert!(text.contains("First item") && text.contains("Second item"));
    assert!(text.contains("Text after a stray image."));
    for gone in ["svg text", "Go", "bad image"] {
        assert!(!text.contains(gone), "{gone:?} in {text:?}");
    }
}

#[test]
fn unsafe_urls_and_event_handlers_are_dropped_and_counted() {
    let (article, omitted) = fixture();
    // Two javascript: links, a data: link, a javascript: image.
    assert_eq!(omitted.count(&Omission::UnsafeUrl), 4, "{omitted}");
    assert_eq!(omitted.count(&Omission::EventHandler), 2); // onerror, onclick
    let handler = article
        .body
        .iter()
        .find(|b| body_text_of(b).starts_with("A paragraph with a handler"))
        .expect("the paragraph stays");
    let Block::Paragraph(runs) = handler else {
        panic!("{handler:?}")
    };
    assert!(runs.iter().all(|r| r.href.is_none()), "{runs:?}");
    assert_eq!(
        body_text_of(handler),
        "A paragraph with a handler, a javascript: link and another."
    );
}

#[test]
fn date_gmt_and_date_give_the_datetime_with_the_sites_offset() {
    let (article, _) = fixture();
    let published = article.published.expect("datePublished");
    assert_eq!(published.iso, "2025-04-16T21:15:00-05:00");
    // The newsroom's day, not UTC's (the 17th).
    assert_eq!((published.date.month, published.date.day), (4, 16));
    assert_eq!(article.modified.unwrap().iso, "2025-04-17T08:00:00-05:00");
}

#[test]
fn embedded_author_is_the_byline() {
    let (article, _) = fixture();
    assert_eq!(article.byline.as_deref(), Some("Jane Doe, John Roe & Co"));
    let mut embeds = Embeds::default();
    embeds
        .add(json!([{"id": 3, "name": "Given Author", "slug": "given"}]))
        .unwrap();
    let (given, _) = convert(&json!({"title": {"rendered": "T"}, "author": 3}), &embeds);
    assert_eq!(given.byline.as_deref(), Some("Given Author"));
}

#[test]
fn featured_media_is_the_hero_with_width_and_height() {
    let (article, _) = fixture();
    assert_eq!(
        article.image,
        Some(Image {
            url: "https://news.example/wp-content/uploads/2025/04/hero.jpg".into(),
            alt: "Council members vote".into(),
            caption: Some("The vote \u{2014} City Hall".into()),
            width: Some(2048),
            height: Some(1365),
        })
    );
}

#[test]
fn featured_media_comes_from_an_embed_file_when_not_embedded() {
    let post = json!({"title": {"rendered": "T"}, "featured_media": 12});
    let (without, omitted) = convert(&post, &Embeds::default());
    assert_eq!(without.image, None);
    assert!(omitted
        .iter()
        .any(|(o, _)| matches!(o, Omission::Field { field, .. } if field == "featured_media")));
    let mut embeds = Embeds::default();
    embeds
        .add(json!({"id": 11, "source_url": "https://s.example/other.jpg"}))
        .unwrap();
    embeds
        .add(
            json!({"id": 12, "source_url": "https://s.example/a.jpg", "alt_text": "A",
                    "media_details": {"width": 640, "height": "480"}}),
        )
        .unwrap();
    let (with, _) = convert(&post, &embeds);
    let image = with.image.expect("hero");
    assert_eq!(
        (image.url.as_str(), image.width, image.height),
        ("https://s.example/a.jpg", Some(640), Some(480))
    );
    assert!(Embeds::default().add(json!({"what": "ever"})).is_err());
}

#[test]
fn embedded_categories_are_the_section() {
    let (article, omitted) = fixture();
    // The first category; tags are not sections.
    assert_eq!(article.section.as_deref(), Some("Local & Regional"));
    assert!(omitted
        .iter()
        .any(|(o, _)| matches!(o, Omission::Field { field, .. } if field == "categories")));
    let (none, _) = convert(
        &json!({"title": {"rendered": "T"}, "_embedded": {"wp:term": [[{"name": "tag", "taxonomy": "post_tag"}]]}}),
        &Embeds::default(),
    );
    assert_eq!(none.section, None);
}

#[test]
fn the_site_index_is_the_publisher_and_its_offset() {
    let mut embeds = Embeds::default();
    embeds
        .add(json!({"name": "Harbour &amp; Times", "home": "https://h.example", "gmt_offset": "5.5", "namespaces": ["wp/v2"]}))
        .unwrap();
    let (article, _) = convert(
        &json!({"title": {"rendered": "T"}, "date": "2025-04-16T09:00:00"}),
        &embeds,
    );
    let publisher = article.publisher.expect("publisher");
    assert_eq!(publisher.name, "Harbour & Times");
    assert_eq!(publisher.url.as_deref(), Some("https://h.example"));
    assert_eq!(article.published.unwrap().iso, "2025-04-16T09:00:00+05:30");
}

#[test]
fn jetpack_related_posts_are_the_related_stories() {
    let (article, omitted) = fixture();
    assert_eq!(article.related.len(), 2, "{:?}", article.related);
    let roads = &article.related[0];
    assert_eq!(roads.headline, "Roads & bridges");
    assert_eq!(
        roads.url.as_deref(),
        Some("https://news.example/2025/04/15/roads/")
    );
    assert_eq!(roads.description.as_deref(), Some("Repairs start in May."));
    assert_eq!(roads.published, None); // "April 15, 2025" is for display
    assert_eq!(
        roads.image.as_ref().map(|i| (i.width, i.height)),
        Some((Some(350), Some(200)))
    );
    let parks = &article.related[1];
    assert_eq!(
        parks.url.as_deref(),
        Some("https://news.example/2025/04/14/parks/")
    );
    assert_eq!(
        parks.published.as_ref().map(|d| d.iso.as_str()),
        Some("2025-04-14")
    );
    assert_eq!(parks.image, None);
    assert!(omitted.iter().any(|(o, _)| matches!(o, Omission::Field { field, .. } if field == "jetpack-related-posts[].title")));
}

#[test]
fn slug_is_the_id_and_link_the_url() {
    let (article, _) = fixture();
    assert_eq!(article.id.as_deref(), Some("council-agrees-budget"));
    assert_eq!(
        article.url.as_deref(),
        Some("https://news.example/2025/04/16/council-agrees-budget/")
    );
    let (numeric, _) = convert(
        &json!({"title": {"rendered": "T"}, "id": 5, "link": "javascript:x"}),
        &Embeds::default(),
    );
    assert_eq!((numeric.id.as_deref(), numeric.url), (Some("5"), None));
}

#[test]
fn markup_nested_too_deeply_is_dropped_not_a_stack_overflow() {
    let deep = "<span>".repeat(5000) + "deep" + &"</span>".repeat(5000);
    let (article, omitted) = content(&["<p>", &deep, "</p>"].concat());
    assert_eq!(omitted.count(&Omission::TooDeep), 1);
    assert!(article.body.is_empty());
}

fn body_text_of(block: &Block) -> String {
    match block {
        Block::Paragraph(runs) | Block::Heading(runs) | Block::Quote { runs, .. } => {
            runs.iter().map(|r| r.text.as_str()).collect()
        }
        Block::Image(image) => image.caption.clone().unwrap_or_default(),
        Block::Link { text, .. } => text.clone(),
    }
}

fn body_text(article: &Article) -> String {
    article
        .body
        .iter()
        .map(body_text_of)
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn event_handlers_are_told_apart_by_bytes_not_a_char_boundary() {
    let (article, omitted) = content("<p aé=1 oné=2 ONCLICK=3>x</p>");
    assert_eq!(article.body, [Block::Paragraph(vec![plain("x")])]);
    assert_eq!(omitted.count(&Omission::EventHandler), 2);
}
