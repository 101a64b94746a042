//! The seed article (SPEC: shared/seed/article-page.txt, as demo/articles/kaohsiung-orange-county.json)
//! as a WordPress post and as a JSON-LD page converts to the demo article: every paragraph,
//! caption, the sponsor link and the related stories (images compared by file name: the demo's
//! sit beside it, the publisher's under /wp-content/uploads/).

use news_widget::model::{Article, Block, Image};
use news_widget_convert::omitted::Omissions;
use news_widget_convert::wordpress::Embeds;
use news_widget_convert::{jsonld, wordpress};

const DEMO: &[u8] = include_bytes!("../../demo/articles/kaohsiung-orange-county.json");

fn demo() -> Article {
    Article::parse(
        DEMO,
        "https://example.com/api/articles/kaohsiung-orange-county.json",
    )
    .unwrap()
}

/// Every image URL cut to its file name.
fn by_file_name(mut article: Article) -> Article {
    fn cut(image: &mut Image) {
        image.url = image.url.rsplit('/').next().unwrap_or_default().to_owned();
    }
    article.image.iter_mut().for_each(cut);
    for block in &mut article.body {
        if let Block::Image(image) = block {
            cut(image);
        }
    }
    for related in &mut article.related {
        related.image.iter_mut().for_each(cut);
    }
    article
}

#[test]
fn the_seed_as_a_wordpress_post_is_the_demo_article() {
    let mut embeds = Embeds::default();
    for file in [
        &include_bytes!("fixtures/seed-wordpress-media.json")[..],
        include_bytes!("fixtures/seed-wordpress-site.json"),
    ] {
        embeds.add(serde_json::from_slice(file).unwrap()).unwrap();
    }
    let mut omitted = Omissions::default();
    let post = include_bytes!("fixtures/seed-wordpress-post.json");
    let article = wordpress::convert(post, &embeds, &mut omitted).unwrap();
    let demo = demo();
    // WordPress knows no language; its modified date is the publication's.
    let expected = Article {
        lang: None,
        modified: demo.published.clone(),
        ..demo
    };
    assert_eq!(by_file_name(article), by_file_name(expected));
}

#[test]
fn the_seed_as_a_json_ld_page_is_the_demo_article_text() {
    let mut omitted = Omissions::default();
    let page = include_bytes!("fixtures/seed-jsonld.html");
    let article = jsonld::convert(page, &mut omitted).unwrap();
    let demo = demo();
    // articleBody is text: the paragraphs, without figures or the sponsor link; no related
    // stories in schema.org's NewsArticle.
    let expected = Article {
        id: None,
        modified: demo.published.clone(),
        body: demo
            .body
            .iter()
            .filter(|b| matches!(b, Block::Paragraph(_)))
            .cloned()
            .collect(),
        related: Vec::new(),
        ..demo
    };
    assert_eq!(by_file_name(article), by_file_name(expected));
    assert!(omitted.is_empty(), "{omitted}");
}
