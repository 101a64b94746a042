//! Feeds arbitrary bytes to both converters, as a WordPress post and as a page with JSON-LD
//! (the bytes also wrapped in an ld+json script and in a post's `content.rendered`, so the
//! fuzzer reaches the mappings without first having to find the JSON around them). A panic is a
//! crash; so is output the widget's own parser does not read back whole.
#![no_main]

use libfuzzer_sys::fuzz_target;
use news_widget::model::Article;
use news_widget_convert::omitted::Omissions;
use news_widget_convert::output::{self, CHECK_BASE};
use news_widget_convert::wordpress::Embeds;
use news_widget_convert::{jsonld, wordpress};

fn check(article: Article) {
    let json = output::article_json(&article, &mut Omissions::default()).expect("serialises");
    let (_, dropped) = output::check(json.as_bytes(), CHECK_BASE).expect("usable output");
    assert!(dropped.is_empty(), "check reports {dropped:?} for {json}");
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let post = serde_json::json!({"title": {"rendered": "T"}, "link": "https://n.example/a/",
                                  "content": {"rendered": &*text}});
    let page = format!("<script type=\"application/ld+json\">{text}</script>");
    let mut omitted = Omissions::default();
    for input in [data, post.to_string().as_bytes()] {
        if let Ok(article) = wordpress::convert(input, &Embeds::default(), &mut omitted) {
            check(article);
        }
    }
    for input in [data, page.as_bytes()] {
        if let Ok(article) = jsonld::convert(input, &mut omitted) {
            check(article);
        }
    }
});
