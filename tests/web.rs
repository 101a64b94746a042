//! Component tests in a real DOM (headless Chromium): `cargo test --target wasm32-unknown-unknown --test web`.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::Reflect;
use news_widget::embed::Widget;
use news_widget::model::Article;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CustomEvent, Element, HtmlElement, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str = include_str!("../demo/articles/kaohsiung-orange-county.json");

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn host(attributes: &[(&str, &str)]) -> HtmlElement {
    let host: HtmlElement = document()
        .create_element("news-widget")
        .unwrap()
        .unchecked_into();
    for (name, value) in attributes {
        host.set_attribute(name, value).unwrap();
    }
    document().body().unwrap().append_child(&host).unwrap();
    host
}

fn json(text: &str) -> JsValue {
    js_sys::JSON::parse(text).unwrap()
}

/// Lets Leptos' render effects and the widget's event task run.
async fn settle() {
    for _ in 0..3 {
        leptos::task::tick().await;
    }
    wait(10).await;
}

/// What the loader leaves on `host` before a widget starts: an open shadow root that shows the
/// fallback children through a slot.
fn loader_fallback(host: &HtmlElement) -> ShadowRoot {
    let root = host
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .unwrap();
    let slot = host
        .owner_document()
        .unwrap()
        .create_element("slot")
        .unwrap();
    root.append_child(&slot).unwrap();
    root
}

fn shadow(host: &HtmlElement) -> ShadowRoot {
    host.shadow_root().expect("an open shadow root")
}

fn all(root: &ShadowRoot, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect()
}

fn one(root: &ShadowRoot, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
}

/// Clicks the element with `part`.
fn press(root: &ShadowRoot, part: &str) {
    one(root, &format!("[part={part}]"))
        .unchecked_into::<HtmlElement>()
        .click()
}

/// A property of the root's inline style (`--nw-scale`, `height`, ...).
fn root_style(root: &ShadowRoot, name: &str) -> String {
    one(root, "[part=root]")
        .unchecked_into::<HtmlElement>()
        .style()
        .get_property_value(name)
        .unwrap()
}

fn record_events(host: &HtmlElement, name: &str) -> Rc<RefCell<Vec<JsValue>>> {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let sink = seen.clone();
    let listener = Closure::<dyn Fn(CustomEvent)>::new(move |e: CustomEvent| {
        sink.borrow_mut().push(e.detail())
    });
    host.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref())
        .unwrap();
    listener.forget();
    seen
}

#[wasm_bindgen_test]
async fn the_seed_article_renders_every_paragraph_and_related_story() {
    let host = host(&[("lang", "zh-TW")]);
    let loads = record_events(&host, "news-widget:load");
    let widget = Widget::new(host.clone(), JsValue::UNDEFINED, json(SEED)).unwrap();
    until(|| !loads.borrow().is_empty()).await;
    let root = shadow(&host);
    let seed: serde_json::Value = serde_json::from_str(SEED).unwrap();
    let paragraphs = seed["body"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["type"] == "paragraph")
        .count();
    assert_eq!(
        all(&root, "[part=body] p.nw-p:not(.nw-link-block)").len(),
        paragraphs
    );
    assert_eq!(
        all(&root, "[part=related-item]").len(),
        seed["related"].as_array().unwrap().len()
    );
    assert_eq!(one(&root, "[part=headline]").tag_name(), "H2");
    assert_eq!(
        one(&root, "[part=headline]").text_content().unwrap(),
        seed["headline"].as_str().unwrap()
    );
    assert_eq!(
        one(&root, "[part=section]").text_content().unwrap(),
        "投資理財"
    );
    let time = one(&root, "time[part=date]");
    assert_eq!(
        time.get_attribute("datetime").unwrap(),
        "2025-04-16T09:00:00+08:00"
    );
    assert_eq!(time.text_content().unwrap(), "2025/4/16");
    assert!(one(&root, "[part=body]").has_attribute("data-nosnippet"));
    let sponsored = one(&root, ".nw-sponsored a");
    assert_eq!(
        sponsored.get_attribute("rel").unwrap(),
        "sponsored noopener noreferrer"
    );
    assert!(one(&root, ".nw-sponsored")
        .text_content()
        .unwrap()
        .contains("贊助"));
    assert_eq!(all(&root, "[part=body] figure img").len(), 3);
    assert_eq!(loads.borrow().len(), 1);
    drop(widget);
    host.remove();
}

#[wasm_bindgen_test]
async fn a_script_string_is_text_and_a_javascript_link_loses_its_href() {
    let host = host(&[]);
    let article = json(
        r#"{"headline":"<img src=x onerror=alert(1)>","body":[
            {"type":"paragraph","text":"<script>window.pwned=1</script>"},
            {"type":"paragraph","content":[{"text":"click me","href":"javascript:window.pwned=1"}]}]}"#,
    );
    let _widget = Widget::new(host.clone(), JsValue::UNDEFINED, article).unwrap();
    settle().await;
    let root = shadow(&host);
    // The document has no images: an <img> could only come from the hostile headline text.
    assert!(all(&root, "script, img").is_empty());
    assert_eq!(
        one(&root, "[part=headline]").text_content().unwrap(),
        "<img src=x onerror=alert(1)>"
    );
    let paragraphs = all(&root, "[part=body] p");
    assert_eq!(
        paragraphs[0].text_content().unwrap(),
        "<script>window.pwned=1</script>"
    );
    assert_eq!(paragraphs[1].text_content().unwrap(), "click me");
    assert!(all(&root, "[part=body] a").is_empty());
    assert!(Reflect::get(&web_sys::window().unwrap(), &"pwned".into())
        .unwrap()
        .is_undefined());
    host.remove();
}

#[wasm_bindgen_test]
async fn text_size_buttons_step_scale_and_stop_at_the_ends() {
    let host = host(&[("lang", "en")]);
    let sizes = record_events(&host, "news-widget:fontsize");
    let _widget = Widget::new(host.clone(), JsValue::UNDEFINED, json(SEED)).unwrap();
    settle().await;
    let root = shadow(&host);
    let click = |part: &str| press(&root, part);
    let scale = || root_style(&root, "--nw-scale");
    let smaller = one(&root, "[part=font-smaller]");
    assert_eq!(
        smaller.get_attribute("aria-label").unwrap(),
        "A- Smaller text"
    );
    click("font-reset");
    settle().await;
    for _ in 0..8 {
        click("font-larger");
    }
    settle().await;
    assert_eq!(scale(), "2");
    assert_eq!(
        one(&root, "[part=font-larger]")
            .get_attribute("aria-disabled")
            .unwrap(),
        "true"
    );
    click("font-reset");
    click("font-smaller");
    settle().await;
    assert_eq!(scale(), "0.875");
    assert_eq!(smaller.get_attribute("aria-disabled").unwrap(), "true");
    let last = sizes.borrow().last().cloned().unwrap();
    assert_eq!(
        Reflect::get(&last, &"step".into()).unwrap().as_f64(),
        Some(0.0)
    );
    click("font-reset");
    settle().await;
    assert_eq!(scale(), "1");
    assert_eq!(
        one(&root, "[part=font-reset]")
            .get_attribute("aria-pressed")
            .unwrap(),
        "true"
    );
    host.remove();
}

#[wasm_bindgen_test]
async fn an_unusable_document_shows_a_localised_error_and_tells_the_host() {
    let host = host(&[("lang", "en")]);
    let errors = record_events(&host, "news-widget:error");
    // The event comes with the message on show: a host may look, or measure (the loader
    // releases the reserved height on it).
    let shown_at_event = Rc::new(RefCell::new(Vec::new()));
    let (seen, watched) = (shown_at_event.clone(), host.clone());
    let listener = Closure::<dyn Fn()>::new(move || {
        let root = watched.shadow_root().unwrap();
        seen.borrow_mut()
            .push(root.query_selector("[part=error]").unwrap().is_some());
    });
    host.add_event_listener_with_callback("news-widget:error", listener.as_ref().unchecked_ref())
        .unwrap();
    let _widget = Widget::new(host.clone(), JsValue::UNDEFINED, json(r#"{"body":[]}"#)).unwrap();
    settle().await;
    assert_eq!(*shown_at_event.borrow(), [true]);
    let root = shadow(&host);
    let error = one(&root, "[part=error]");
    assert!(error
        .text_content()
        .unwrap()
        .contains("not in a format the widget can show"));
    assert!(one(&root, "[part=error] button")
        .text_content()
        .unwrap()
        .contains("Try again"));
    assert!(
        one(&root, "[part=error] slot").is_object(),
        "the host's fallback stays reachable"
    );
    let detail = errors.borrow().first().cloned().expect("an error event");
    assert_eq!(
        Reflect::get(&detail, &"kind".into())
            .unwrap()
            .as_string()
            .unwrap(),
        "format"
    );
    host.remove();
}

#[wasm_bindgen_test]
async fn no_related_stories_means_no_carousel_and_heading_level_is_configurable() {
    let host = host(&[("heading-level", "4")]);
    let _widget = Widget::new(
        host.clone(),
        JsValue::UNDEFINED,
        json(r#"{"headline":"H","body":[],"related":[]}"#),
    )
    .unwrap();
    settle().await;
    let root = shadow(&host);
    assert!(all(&root, "[part=related]").is_empty());
    assert_eq!(one(&root, "[part=headline]").tag_name(), "H4");
    host.remove();
}

#[wasm_bindgen_test]
async fn unmounting_clears_the_shadow_root_and_the_live_count() {
    let host = host(&[]);
    let before = live_widgets();
    let widget = Widget::new(host.clone(), JsValue::UNDEFINED, json(SEED)).unwrap();
    settle().await;
    assert_eq!(live_widgets(), before + 1.0);
    drop(widget);
    settle().await;
    assert_eq!(live_widgets(), before);
    assert!(all(&shadow(&host), "[part=root]").is_empty());
    host.remove();
}

fn live_widgets() -> f64 {
    let stats = news_widget::embed::stats();
    Reflect::get(&stats, &"widgets".into())
        .unwrap()
        .as_f64()
        .unwrap()
}

#[wasm_bindgen_test]
async fn changing_theme_or_height_hint_restyles_without_rebuilding_the_article() {
    let host = host(&[("theme", "light")]);
    let widget = Widget::new(host.clone(), JsValue::UNDEFINED, json(SEED)).unwrap();
    settle().await;
    let root = shadow(&host);
    let headline = one(&root, "[part=headline]");
    host.set_attribute("theme", "dark").unwrap();
    widget.refresh_attributes();
    host.set_attribute("height-hint", "900px").unwrap();
    widget.refresh_attributes();
    settle().await;
    assert_eq!(
        one(&root, "[part=root]")
            .get_attribute("data-theme")
            .unwrap(),
        "dark"
    );
    assert!(
        headline.is_connected(),
        "the same headline node is still rendered"
    );
    host.set_attribute("heading-level", "3").unwrap();
    widget.refresh_attributes();
    settle().await;
    assert!(!headline.is_connected(), "a new level does rebuild it");
    assert_eq!(one(&root, "[part=headline]").tag_name(), "H3");
    host.remove();
}

/// Mounts `article` inline and says what the host is shown: the headline, or the kind of the
/// `news-widget:error` sent with the error view.
async fn inline_outcome(article: JsValue) -> Result<String, String> {
    let host = host(&[("lang", "en")]);
    let errors = record_events(&host, "news-widget:error");
    let widget = Widget::new(host.clone(), JsValue::UNDEFINED, article).unwrap();
    settle().await;
    let root = shadow(&host);
    let outcome = match root.query_selector("[part=headline]").unwrap() {
        Some(headline) => Ok(headline.text_content().unwrap()),
        None => {
            assert!(one(&root, "[part=error]").is_object());
            let detail = errors.borrow().first().cloned().expect("an error event");
            Err(Reflect::get(&detail, &"kind".into())
                .unwrap()
                .as_string()
                .unwrap())
        }
    };
    drop(widget);
    host.remove();
    outcome
}

/// An object built by a script (cycles, BigInts and throwing getters need one).
fn scripted(body: &str) -> JsValue {
    js_sys::Function::new_no_args(body)
        .call0(&JsValue::NULL)
        .unwrap()
}

#[wasm_bindgen_test]
async fn an_inline_article_object_reads_as_its_json_text_would() {
    // Repeated keys (the last wins), escapes and astral characters, numbers of every shape.
    let text = r#"{"headline":"first","headline":"\u00e9 \u4e2d \ud83d\ude00 \"q\" \\",
        "body":[{"type":"image","url":"https://a.example/p.png","alt":"A","width":1200,"height":2.0},
            {"type":"paragraph","text":"x"}],
        "n":[1e300,-0,0.1,9007199254740992,1e400,-1e400],"__proto__":{"polluted":1}}"#;
    let host = host(&[]);
    let _widget = Widget::new(host.clone(), JsValue::UNDEFINED, json(text)).unwrap();
    settle().await;
    let root = shadow(&host);
    assert_eq!(
        one(&root, "[part=headline]").text_content().unwrap(),
        "é 中 😀 \"q\" \\"
    );
    let img = one(&root, "[part=body] figure img");
    assert_eq!(img.get_attribute("width").as_deref(), Some("1200"));
    // The one difference from serde_json on the text: JavaScript numbers cannot tell 2.0 from
    // 2, so `JSON.stringify` writes a whole number, which is what an article's sizes are.
    assert_eq!(img.get_attribute("height").as_deref(), Some("2"));
    assert_eq!(all(&root, "[part=body] p").len(), 1);
    // Out-of-range numbers (Infinity) are written as null, `__proto__` is an ordinary key, and
    // nothing reaches `Object.prototype`.
    assert!(Reflect::get(&js_sys::Object::new(), &"polluted".into())
        .unwrap()
        .is_undefined());
    host.remove();

    // The seed, through `JSON.parse` and `JSON.stringify`, is the article serde_json reads.
    let base = "https://partner.example/a.json";
    let via_browser = js_sys::JSON::stringify(&json(SEED))
        .unwrap()
        .as_string()
        .unwrap();
    assert_eq!(
        Article::parse(via_browser.as_bytes(), base),
        Article::parse(SEED.as_bytes(), base)
    );
}

#[wasm_bindgen_test]
async fn bad_json_and_hostile_objects_are_format_errors_not_traps() {
    let format = Err("format".to_owned());
    let cyclic = scripted("const a = { headline: 'H', body: [] }; a.self = a; return a;");
    assert_eq!(inline_outcome(cyclic).await, format);
    let bigint = scripted("return { headline: 'H', body: [], n: 1n };");
    assert_eq!(inline_outcome(bigint).await, format);
    let getter = scripted("return { headline: 'H', get body() { throw new Error('no') } };");
    assert_eq!(inline_outcome(getter).await, format);
    let to_json =
        scripted("return { headline: 'H', body: [], toJSON() { throw new Error('no') } };");
    assert_eq!(inline_outcome(to_json).await, format);
    // A lone surrogate is no text: `JSON.stringify` escapes it and serde_json refuses it.
    let surrogate = scripted("return { headline: 'a\\ud800b', body: [] };");
    assert_eq!(inline_outcome(surrogate).await, format);

    // serde_json's recursion limit: 128 levels of arrays and objects are too deep (an error, not
    // a stack overflow), 127 are fine; far deeper input is refused just the same.
    let nested = |depth: usize| {
        scripted(
            &[
                "let x = 0; for (let i = 0; i < ",
                &depth.to_string(),
                "; i++) x = [x]; return { headline: 'H', body: [], x };",
            ]
            .concat(),
        )
    };
    assert_eq!(inline_outcome(nested(126)).await.as_deref(), Ok("H"));
    assert_eq!(inline_outcome(nested(127)).await, format);
    assert_eq!(inline_outcome(nested(100_000)).await, format);
}

#[wasm_bindgen_test]
async fn the_related_stories_come_a_task_later_and_the_hint_holds_until_they_do() {
    let host = host(&[("height-hint", "1200px")]);
    let loads = record_events(&host, "news-widget:load");
    let widget = Widget::new(host.clone(), JsValue::UNDEFINED, json(SEED)).unwrap();
    let root = shadow(&host);
    // The task that mounts the view renders the article handed over with the constructor.
    added(&root, "[part=headline]").await;
    for _ in 0..3 {
        leptos::task::tick().await;
    }
    let style = |name: &str| root_style(&root, name);
    assert!(
        all(&root, "[part=related]").is_empty(),
        "the related stories not yet"
    );
    assert_eq!(style("min-height"), "1200px");
    assert!(
        loads.borrow().is_empty(),
        "no load event before the whole article"
    );
    for _ in 0..100 {
        if !loads.borrow().is_empty() {
            break;
        }
        settle().await;
    }
    assert_eq!(loads.borrow().len(), 1);
    assert_eq!(all(&root, "[part=related-item]").len(), 10);
    assert_eq!(style("min-height"), "", "the reservation is released");

    // A rebuild of the complete article (new heading level) comes back whole, in one go.
    host.set_attribute("heading-level", "3").unwrap();
    widget.refresh_attributes();
    for _ in 0..3 {
        leptos::task::tick().await;
    }
    assert_eq!(one(&root, "[part=headline]").tag_name(), "H3");
    assert_eq!(all(&root, "[part=related-item]").len(), 10);
    host.remove();
}

/// A widget freed before its view mounted (the element removed in the same task) never mounts:
/// its successor on the same element is the only view there.
#[wasm_bindgen_test]
async fn a_widget_freed_before_its_mount_leaves_the_shadow_root_to_its_successor() {
    let host = host(&[]);
    let before = live_widgets();
    let first = Widget::new(host.clone(), JsValue::UNDEFINED, json(SEED)).unwrap();
    drop(first);
    let loads = record_events(&host, "news-widget:load");
    let _second = Widget::new(host.clone(), JsValue::UNDEFINED, json(SEED)).unwrap();
    until(|| !loads.borrow().is_empty()).await;
    let root = shadow(&host);
    assert_eq!(all(&root, ".nw-mount").len(), 1);
    assert_eq!(all(&root, "[part=root]").len(), 1);
    assert_eq!(loads.borrow().len(), 1);
    assert_eq!(live_widgets(), before + 1.0);
    host.remove();
}

/// A shadow root that cannot take the view (here: an element of another document, which cannot
/// adopt this document's stylesheet) is reported like a widget that cannot start: the fallback
/// stays, one error event, nothing thrown at the page.
#[wasm_bindgen_test]
async fn a_view_that_cannot_mount_keeps_the_fallback_and_tells_the_host() {
    let other: web_sys::Document =
        js_sys::Function::new_no_args("return document.implementation.createHTMLDocument('')")
            .call0(&JsValue::NULL)
            .unwrap()
            .unchecked_into();
    let host: HtmlElement = other
        .create_element("news-widget")
        .unwrap()
        .unchecked_into();
    host.set_attribute("lang", "en").unwrap();
    other.body().unwrap().append_child(&host).unwrap();
    let root = loader_fallback(&host);
    let errors = record_events(&host, "news-widget:error");
    let loads = record_events(&host, "news-widget:load");
    let _widget = Widget::new(host.clone(), JsValue::UNDEFINED, json(SEED)).unwrap();
    until(|| !errors.borrow().is_empty()).await;
    settle().await;
    assert_eq!(errors.borrow().len(), 1);
    let kind = Reflect::get(&errors.borrow()[0], &"kind".into()).unwrap();
    assert_eq!(kind.as_string().unwrap(), "network");
    assert!(loads.borrow().is_empty());
    assert_eq!(all(&root, "slot").len(), 1, "the fallback stays");
    assert!(all(&root, "[part=root]").is_empty());
}

/// Issue 7: start-up in tasks. The constructor's task (instantiation, on the first load) only
/// prepares; the view mounts in the next task, the costliest of start-up, and the prefetched
/// document is read in the one after it. Until the mount the loader's fallback stays.
#[wasm_bindgen_test]
async fn the_view_mounts_a_task_after_construction_and_the_document_is_read_a_task_later() {
    let src = "https://example.com/articles/seed.json";
    let host = host(&[("src", src)]);
    let root = loader_fallback(&host);
    let loads = record_events(&host, "news-widget:load");
    let response = web_sys::Response::new_with_opt_str(Some(SEED)).unwrap();
    let prefetch = js_sys::Object::new();
    for (name, value) in [
        ("url", JsValue::from_str(src)),
        ("response", js_sys::Promise::resolve(&response).into()),
        (
            "controller",
            web_sys::AbortController::new().unwrap().into(),
        ),
    ] {
        Reflect::set(&prefetch, &name.into(), &value).unwrap();
    }
    let _widget = Widget::new(host.clone(), prefetch.into(), JsValue::UNDEFINED).unwrap();
    for _ in 0..5 {
        leptos::task::tick().await;
    }
    assert!(!response.body_used(), "the document is untouched");
    assert!(all(&root, "[part=skeleton]").is_empty(), "not mounted yet");
    assert_eq!(
        all(&root, "slot").len(),
        1,
        "the fallback stays until the mount"
    );

    added(&root, "[part=skeleton]").await;
    // Still the mount's task: its microtasks would have been enough to read a document that is
    // all there, as they were before the read had a task of its own.
    for _ in 0..5 {
        leptos::task::tick().await;
    }
    assert!(
        !response.body_used(),
        "the document is untouched in the mount's task"
    );
    assert!(
        all(&root, "slot").is_empty(),
        "the view replaced the fallback"
    );

    until(|| !loads.borrow().is_empty()).await;
    assert!(response.body_used(), "read within two seconds");
    assert_eq!(loads.borrow().len(), 1);
    assert!(!all(&root, "[part=headline]").is_empty());
    host.remove();
}

#[wasm_bindgen_test]
async fn below_a_short_body_the_related_stories_come_with_it() {
    let host = host(&[]);
    let article = r#"{"headline":"H","body":[{"type":"paragraph","text":"p"}],
        "related":[{"headline":"R","url":"https://example.com/r"}]}"#;
    let _widget = Widget::new(host.clone(), JsValue::UNDEFINED, json(article)).unwrap();
    let root = shadow(&host);
    added(&root, "[part=headline]").await;
    for _ in 0..3 {
        leptos::task::tick().await;
    }
    assert_eq!(all(&root, "[part=related-item]").len(), 1);
    host.remove();
}

#[wasm_bindgen_test]
async fn a_view_rebuilt_in_place_shows_each_part_once_and_its_buttons_act_once() {
    let host = host(&[("lang", "en")]);
    let widget = Widget::new(host.clone(), JsValue::UNDEFINED, json(SEED)).unwrap();
    settle().await;
    let root = shadow(&host);
    let seed: serde_json::Value = serde_json::from_str(SEED).unwrap();
    let blocks = all(&root, "[part=body] > *").len();
    assert!(blocks > 10);
    // A new UI language rebuilds the article, and so does a new article; the reader's focus
    // stays on the control it was on.
    one(&root, "[part=font-larger]")
        .unchecked_into::<HtmlElement>()
        .focus()
        .unwrap();
    host.set_attribute("lang", "zh-TW").unwrap();
    widget.refresh_attributes();
    settle().await;
    let focused = root.active_element().expect("focus stays in the widget");
    assert_eq!(
        focused.get_attribute("part").as_deref(),
        Some("font-larger")
    );
    assert!(focused.is_connected());
    widget.show_article(json(SEED));
    settle().await;
    for (selector, count) in [
        ("[part=section]", 1),
        ("[part=headline]", 1),
        ("[part=date]", 1),
        ("[part=byline]", 1),
        ("[part=hero] img", 1),
        ("[part=hero] figcaption", 1),
        ("[part=font-controls] button", 3),
        ("[part=font-controls] [aria-live]", 1),
        ("[part=related]", 1),
        ("[part=related] h3", 1),
        ("[part=related] button", 2),
        ("[part=related-track]", 1),
    ] {
        assert_eq!(all(&root, selector).len(), count, "{selector}");
    }
    assert_eq!(all(&root, "[part=body] > *").len(), blocks);
    assert_eq!(
        all(&root, "[part=related-item]").len(),
        seed["related"].as_array().unwrap().len()
    );
    assert_eq!(
        one(&root, "[part=font-smaller]")
            .get_attribute("aria-label")
            .unwrap(),
        "A- 縮小字級"
    );
    // One press is one step: the old listeners are gone with the old buttons.
    let sizes = record_events(&host, "news-widget:fontsize");
    press(&root, "font-reset");
    settle().await;
    let before = sizes.borrow().len();
    press(&root, "font-larger");
    settle().await;
    assert_eq!(sizes.borrow().len(), before + 1);
    assert_eq!(root_style(&root, "--nw-scale"), "1.125");
    press(&root, "font-reset");
    settle().await;
    host.remove();
}

/// A timer of `ms` milliseconds: the tasks queued before it run first.
async fn wait(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Returns within the task that adds an element matching `selector` under `root` (a mutation
/// observer's microtask), so a test sees that task's work before any later task runs; at once
/// if one is there already.
async fn added(root: &ShadowRoot, selector: &str) {
    if root.query_selector(selector).unwrap().is_some() {
        return;
    }
    let (mut resolve, mut reject) = (None, None);
    let appeared = js_sys::Promise::new(&mut |yes, no| {
        resolve = Some(yes);
        reject = Some(no);
    });
    let (resolve, reject) = (resolve.unwrap(), reject.unwrap());
    let window = web_sys::window().unwrap();
    let deadline = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(&reject, 2000)
        .unwrap();
    let (watched, wanted) = (root.clone(), selector.to_owned());
    let on_mutation = Closure::<dyn Fn()>::new(move || {
        if watched.query_selector(&wanted).unwrap().is_some() {
            resolve.call0(&JsValue::UNDEFINED).unwrap();
        }
    });
    let observer = web_sys::MutationObserver::new(on_mutation.as_ref().unchecked_ref()).unwrap();
    let options = web_sys::MutationObserverInit::new();
    options.set_child_list(true);
    options.set_subtree(true);
    observer.observe_with_options(root, &options).unwrap();
    let result = wasm_bindgen_futures::JsFuture::from(appeared).await;
    observer.disconnect();
    window.clear_timeout_with_handle(deadline);
    result.unwrap_or_else(|_| panic!("no {selector} within two seconds"));
}

/// Waits, a task at a time, until `done` or about two seconds have passed.
async fn until(done: impl Fn() -> bool) {
    for _ in 0..400 {
        if done() {
            return;
        }
        wait(5).await;
    }
}

fn long_article(blocks: usize) -> String {
    let body: Vec<String> = (0..blocks)
        .map(|i| format!(r#"{{"type":"paragraph","text":"Block {i}"}}"#))
        .collect();
    format!(
        r#"{{"headline":"Long","body":[{}],"related":[
            {{"headline":"R1","url":"https://example.com/1"}},
            {{"headline":"R2","url":"https://example.com/2"}}]}}"#,
        body.join(",")
    )
}

#[wasm_bindgen_test]
async fn an_article_rebuilt_or_removed_mid_render_ends_whole_once_or_stops_cleanly() {
    let host = host(&[("lang", "en")]);
    let long = long_article(1500);
    let before = live_widgets();
    let widget = Widget::new(host.clone(), JsValue::UNDEFINED, json(&long)).unwrap();
    let root = shadow(&host);
    let body_blocks = || all(&root, "[part=body] > *").len();
    // How many blocks each `news-widget:load` found in the DOM when it fired.
    let loads = Rc::new(RefCell::new(Vec::new()));
    let listener = {
        let (loads, root) = (loads.clone(), root.clone());
        Closure::<dyn Fn()>::new(move || {
            loads.borrow_mut().push(all(&root, "[part=body] > *").len())
        })
    };
    host.add_event_listener_with_callback("news-widget:load", listener.as_ref().unchecked_ref())
        .unwrap();
    listener.forget();
    // Mid-render: the first slice is in, the rest is still to come.
    until(|| body_blocks() > 0).await;
    assert!(body_blocks() < 1500, "rendered in slices");
    host.set_attribute("lang", "zh-TW").unwrap();
    widget.refresh_attributes();
    until(|| !loads.borrow().is_empty()).await;
    wait(50).await;
    assert_eq!(
        *loads.borrow(),
        [1500],
        "one news-widget:load, once every block is in"
    );
    assert_eq!(body_blocks(), 1500, "every block once");
    assert_eq!(all(&root, "[part=related]").len(), 1);
    assert_eq!(all(&root, "[part=related-item]").len(), 2);
    assert_eq!(all(&root, "[part=headline]").len(), 1);

    // Removed mid-render: the remaining slices find the view gone and stop, without a trap.
    widget.show_article(json(&long));
    until(|| (1..1500).contains(&body_blocks())).await;
    drop(widget);
    host.remove();
    wait(100).await;
    assert_eq!(live_widgets(), before);
    assert_eq!(loads.borrow().len(), 1);
}

/// A new `lang`, `heading-level` or article patches the view: the article, its text-size
/// buttons and the carousel's track are the same elements, and the focus stays on the button
/// it was on, with no rescue.
#[wasm_bindgen_test]
async fn a_new_lang_heading_level_or_article_patches_the_view_in_place() {
    let host = host(&[("lang", "en")]);
    let loads = record_events(&host, "news-widget:load");
    let widget = Widget::new(host.clone(), JsValue::UNDEFINED, json(SEED)).unwrap();
    until(|| !loads.borrow().is_empty()).await;
    let root = shadow(&host);
    let article = one(&root, "article");
    let buttons = all(&root, "[part=font-controls] button");
    let track = one(&root, "[part=related-track]");
    let larger = one(&root, "[part=font-larger]");
    larger
        .clone()
        .unchecked_into::<HtmlElement>()
        .focus()
        .unwrap();
    let kept = |what: &str| {
        assert!(article.is_connected(), "{what}: the same <article>");
        assert!(one(&root, "article") == article, "{what}: one <article>");
        assert_eq!(all(&root, "[part=font-controls] button"), buttons, "{what}");
        assert!(
            one(&root, "[part=related-track]") == track,
            "{what}: the same track"
        );
        assert!(
            root.active_element().as_ref() == Some(&larger),
            "{what}: the focus stays on A+"
        );
    };

    host.set_attribute("lang", "zh-TW").unwrap();
    widget.refresh_attributes();
    settle().await;
    kept("lang");
    assert_eq!(larger.get_attribute("aria-label").unwrap(), "A+ 放大字級");
    assert_eq!(
        one(&root, "time[part=date]").text_content().unwrap(),
        "2025/4/16"
    );

    host.set_attribute("heading-level", "4").unwrap();
    widget.refresh_attributes();
    settle().await;
    kept("heading-level");
    assert_eq!(one(&root, "[part=headline]").tag_name(), "H4");
    assert_eq!(one(&root, ".nw-related-heading").tag_name(), "H5");

    let other = r#"{"headline":"Another","body":[{"type":"paragraph","text":"p"},
        {"type":"heading","text":"Sub"}],
        "related":[{"headline":"R","url":"https://example.com/r"}]}"#;
    widget.show_article(json(other));
    until(|| loads.borrow().len() == 2).await;
    settle().await;
    assert!(article.is_connected(), "new article: the same <article>");
    assert_eq!(all(&root, "[part=font-controls] button"), buttons);
    assert!(root.active_element().as_ref() == Some(&larger));
    assert_eq!(
        one(&root, "[part=headline]").text_content().unwrap(),
        "Another"
    );
    assert_eq!(all(&root, "[part=body] > *").len(), 2);
    assert_eq!(one(&root, "[part=body] > .nw-subheading").tag_name(), "H5");
    assert!(
        all(&root, "[part=section]").is_empty(),
        "a part the new article lacks goes"
    );
    assert_eq!(all(&root, "[part=related-item]").len(), 1);
    assert_eq!(loads.borrow().len(), 2);
    host.remove();
}
