//! Article HTML (WordPress `content.rendered`, `title.rendered`) to the model's blocks and runs,
//! parsed by html5ever through scraper. Mapped: `<p>`, `<h2>`–`<h6>`, `<blockquote>` (+
//! `<cite>`), `<figure><img><figcaption>`, `<a>`, `<strong>`/`<b>`, `<em>`/`<i>`; a paragraph
//! that is one `rel="sponsored"` link becomes a sponsored link block. Everything else is counted
//! in [`Omissions`]: scripts, styles, iframes, embeds and forms with their content, other tags
//! without it (their text stays, so no sentence is lost to a wrapper `<div>` or `<span>`).

use news_widget::model::{Block, Image, Run};
use scraper::{ElementRef, Html, Node};

use crate::omitted::{Omission, Omissions};
use crate::text::{collapse, non_blank, web_url};

/// Deeper markup is dropped: no article needs it, and the walk must not exhaust the stack.
const MAX_DEPTH: usize = 96;

/// What an element is to the article.
#[derive(Clone, Debug, PartialEq)]
enum Kind {
    Paragraph,
    Heading,
    Quote,
    Cite,
    Figure,
    Image,
    Link,
    Strong,
    Em,
    Break,
    /// Dropped with its content.
    Dropped(Omission),
    /// Unknown, block-level: unwrapped, and a block boundary.
    Container,
    /// Unknown, inline: unwrapped.
    Phrase,
}

fn kind(tag: &str) -> Kind {
    match tag {
        "p" => Kind::Paragraph,
        "h2" | "h3" | "h4" | "h5" | "h6" => Kind::Heading,
        "blockquote" => Kind::Quote,
        "cite" => Kind::Cite,
        "figure" => Kind::Figure,
        "img" => Kind::Image,
        "a" => Kind::Link,
        "strong" | "b" => Kind::Strong,
        "em" | "i" => Kind::Em,
        "br" => Kind::Break,
        "script" => Kind::Dropped(Omission::Script),
        "style" => Kind::Dropped(Omission::Style),
        "iframe" => Kind::Dropped(Omission::Iframe),
        "object" | "embed" | "applet" | "frame" | "frameset" | "svg" | "math" | "video"
        | "audio" | "canvas" | "picture" | "source" | "track" | "map" | "noscript" | "template"
        | "form" | "input" | "button" | "select" | "textarea" | "option" | "label" | "head"
        | "title" | "meta" | "link" | "base" | "hr" | "wbr" | "dialog" | "portal" | "slot" => {
            Kind::Dropped(Omission::Element(tag.to_owned()))
        }
        "address" | "article" | "aside" | "center" | "details" | "dd" | "div" | "dl" | "dt"
        | "fieldset" | "figcaption" | "footer" | "h1" | "header" | "hgroup" | "li" | "main"
        | "nav" | "ol" | "pre" | "section" | "summary" | "table" | "caption" | "thead"
        | "tbody" | "tfoot" | "tr" | "td" | "th" | "ul" | "menu" | "html" | "body" => {
            Kind::Container
        }
        _ => Kind::Phrase,
    }
}

/// The marks and link target that apply to text at one point of the tree.
#[derive(Clone, Debug, Default)]
struct Marks {
    href: Option<String>,
    strong: bool,
    em: bool,
}

/// Where inline content is being collected.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Context {
    /// A paragraph or heading.
    Text,
    /// A title or caption given as HTML: its paragraphs and wrappers are just its text.
    Plain,
    /// A quote: its paragraphs are its lines, its `<cite>` is its source.
    Quote,
}

/// The blocks of an HTML fragment; relative URLs resolve against `base` (or are dropped).
pub fn blocks(html: &str, base: Option<&str>, omitted: &mut Omissions) -> Vec<Block> {
    let fragment = Html::parse_fragment(html);
    let mut body = Body {
        mapper: Mapper { base, omitted },
        blocks: Vec::new(),
        pending: Vec::new(),
    };
    body.flow(fragment.root_element(), 0);
    body.flush();
    body.blocks
}

/// The text of an HTML fragment (a title, a caption), entities decoded, whitespace collapsed.
pub fn plain_text(html: &str, omitted: &mut Omissions) -> String {
    let fragment = Html::parse_fragment(html);
    Mapper {
        base: None,
        omitted,
    }
    .text(fragment.root_element(), 0)
}

/// What every mapping step needs: the base for URLs and the count of what is left out.
struct Mapper<'a> {
    base: Option<&'a str>,
    omitted: &'a mut Omissions,
}

impl Mapper<'_> {
    /// An http(s) URL from an attribute value, resolved; counted when there is one but unusable.
    fn url(&mut self, value: &str) -> Option<String> {
        let resolved = web_url(self.base, value);
        if resolved.is_none() {
            self.omitted.add(Omission::UnsafeUrl);
        }
        resolved
    }

    /// Counts the element's event-handler attributes (they are never copied).
    fn attributes(&mut self, element: ElementRef) {
        for (name, _) in element.value().attrs() {
            if name.len() > 2 && name.as_bytes()[..2].eq_ignore_ascii_case(b"on") {
                self.omitted.add(Omission::EventHandler);
            }
        }
    }

    /// Appends the runs of `element`'s children, under `marks`.
    fn inline(
        &mut self,
        element: ElementRef,
        marks: &Marks,
        context: Context,
        depth: usize,
        out: &mut Vec<Run>,
    ) {
        for child in element.children() {
            match child.value() {
                Node::Text(text) => out.push(run(text, marks)),
                Node::Comment(_) => self.omitted.add(Omission::Comment),
                _ => {
                    if let Some(child) = ElementRef::wrap(child) {
                        self.inline_element(child, marks, context, depth + 1, out);
                    }
                }
            }
        }
    }

    fn inline_element(
        &mut self,
        element: ElementRef,
        marks: &Marks,
        context: Context,
        depth: usize,
        out: &mut Vec<Run>,
    ) {
        if depth > MAX_DEPTH {
            return self.omitted.add(Omission::TooDeep);
        }
        self.attributes(element);
        let tag = element.value().name();
        let mut inner = marks.clone();
        match kind(tag) {
            Kind::Link => inner.href = element.attr("href").and_then(|h| self.url(h)),
            Kind::Strong => inner.strong = true,
            Kind::Em => inner.em = true,
            Kind::Break => return out.push(run(" ", marks)),
            Kind::Dropped(omission) => return self.omitted.add(omission),
            Kind::Image => return self.omitted.add(Omission::LooseImage),
            Kind::Cite if context == Context::Quote => return,
            Kind::Paragraph if context == Context::Quote => out.push(run(" ", marks)),
            Kind::Paragraph | Kind::Container if context == Context::Plain => {
                out.push(run(" ", marks))
            }
            Kind::Phrase | Kind::Cite => self.omitted.add(Omission::Unwrapped(tag.to_owned())),
            Kind::Paragraph | Kind::Heading | Kind::Quote | Kind::Figure | Kind::Container => {
                self.omitted.add(Omission::Unwrapped(tag.to_owned()));
                out.push(run(" ", marks));
            }
        }
        self.inline(element, &inner, context, depth, out);
        if matches!(kind(tag), Kind::Paragraph | Kind::Container) {
            out.push(run(" ", marks));
        }
    }

    /// The normalised runs of a paragraph-like element.
    fn runs(&mut self, element: ElementRef, context: Context, depth: usize) -> Vec<Run> {
        let mut runs = Vec::new();
        self.inline(element, &Marks::default(), context, depth, &mut runs);
        normalize(runs)
    }

    fn paragraph(&mut self, element: ElementRef, depth: usize) -> Option<Block> {
        let runs = self.runs(element, Context::Text, depth);
        if runs.is_empty() {
            return None;
        }
        if is_lone_sponsored_link(element) {
            return Some(sponsored_link(runs));
        }
        Some(Block::Paragraph(runs))
    }

    fn heading(&mut self, element: ElementRef, depth: usize) -> Option<Block> {
        Some(self.runs(element, Context::Text, depth))
            .filter(|runs| !runs.is_empty())
            .map(Block::Heading)
    }

    fn quote(&mut self, element: ElementRef, depth: usize) -> Option<Block> {
        let cite = element
            .descendent_elements()
            .find(|e| e.value().name() == "cite")
            .and_then(|cite| non_blank(&self.text(cite, depth)));
        let runs = self.runs(element, Context::Quote, depth);
        (!runs.is_empty()).then_some(Block::Quote { runs, cite })
    }

    /// The plain text of an element (a title, a caption, a citation).
    fn text(&mut self, element: ElementRef, depth: usize) -> String {
        let mut runs = Vec::new();
        self.inline(element, &Marks::default(), Context::Plain, depth, &mut runs);
        collapse(&runs.iter().map(|r| r.text.as_str()).collect::<String>())
    }

    /// A `<figure>`'s image block: its first `<img>`, with its `<figcaption>` as the caption.
    fn figure(&mut self, figure: ElementRef, depth: usize) -> Option<Block> {
        let Some(img) = figure
            .descendent_elements()
            .find(|e| e.value().name() == "img")
        else {
            self.omitted.add(Omission::FigureWithoutImage);
            return None;
        };
        self.attributes(img);
        let caption = figure
            .descendent_elements()
            .find(|e| e.value().name() == "figcaption")
            .and_then(|c| non_blank(&self.text(c, depth)));
        let Some(src) = img.attr("src") else {
            self.omitted.add(Omission::FigureWithoutImage);
            return None;
        };
        let size = |name: &str| {
            img.attr(name)
                .and_then(|v| crate::text::dimension(&serde_json::Value::from(v)))
        };
        Some(Block::Image(Image {
            url: self.url(src)?,
            alt: collapse(img.attr("alt").unwrap_or("")),
            caption,
            width: size("width"),
            height: size("height"),
        }))
    }
}

/// Block-level walk: mapped blocks in order, loose inline content gathered into paragraphs.
struct Body<'a> {
    mapper: Mapper<'a>,
    blocks: Vec<Block>,
    /// Inline content met between blocks, not yet closed into a paragraph.
    pending: Vec<Run>,
}

impl Body<'_> {
    fn flow(&mut self, element: ElementRef, depth: usize) {
        for child in element.children() {
            match child.value() {
                Node::Text(text) => self.pending.push(run(text, &Marks::default())),
                Node::Comment(_) => self.mapper.omitted.add(Omission::Comment),
                _ => {
                    if let Some(child) = ElementRef::wrap(child) {
                        self.element(child, depth + 1);
                    }
                }
            }
        }
    }

    fn element(&mut self, element: ElementRef, depth: usize) {
        if depth > MAX_DEPTH {
            return self.mapper.omitted.add(Omission::TooDeep);
        }
        let tag = element.value().name();
        let block = match kind(tag) {
            Kind::Paragraph => self.mapper.paragraph(element, depth),
            Kind::Heading => self.mapper.heading(element, depth),
            Kind::Quote => self.mapper.quote(element, depth),
            Kind::Figure if has_nested_figure(element) => {
                // A gallery: each inner figure is an image of its own.
                self.mapper.omitted.add(Omission::Unwrapped(tag.to_owned()));
                self.flush();
                self.flow(element, depth);
                self.flush();
                return;
            }
            Kind::Figure => self.mapper.figure(element, depth),
            Kind::Container => {
                self.mapper.attributes(element);
                self.mapper.omitted.add(Omission::Unwrapped(tag.to_owned()));
                self.flush();
                self.flow(element, depth);
                self.flush();
                return;
            }
            _ => {
                let mut runs = std::mem::take(&mut self.pending);
                self.mapper.inline_element(
                    element,
                    &Marks::default(),
                    Context::Text,
                    depth,
                    &mut runs,
                );
                self.pending = runs;
                return;
            }
        };
        self.mapper.attributes(element);
        self.flush();
        match block {
            Some(block) => self.blocks.push(block),
            None if !matches!(kind(tag), Kind::Figure) => {
                self.mapper.omitted.add(Omission::EmptyBlock)
            }
            None => {}
        }
    }

    /// Closes the loose inline content met so far into a paragraph.
    fn flush(&mut self) {
        let runs = normalize(std::mem::take(&mut self.pending));
        if !runs.is_empty() {
            self.blocks.push(Block::Paragraph(runs));
        }
    }
}

fn run(text: &str, marks: &Marks) -> Run {
    Run {
        text: text.to_owned(),
        href: marks.href.clone(),
        strong: marks.strong,
        em: marks.em,
    }
}

/// Runs as HTML shows them: whitespace collapsed across run boundaries, the ends trimmed,
/// empty runs gone, neighbours with the same marks and link merged.
fn normalize(runs: Vec<Run>) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    for mut run in runs {
        let ends_with_space = out.last().is_none_or(|r| r.text.ends_with(' '));
        let mut text = collapse_keeping_edges(&run.text);
        if ends_with_space {
            text = text.trim_start().to_owned();
        }
        if text.is_empty() {
            continue;
        }
        run.text = text;
        match out.last_mut() {
            Some(last) if same_marks(last, &run) => last.text.push_str(&run.text),
            _ => out.push(run),
        }
    }
    while let Some(last) = out.last_mut() {
        let trimmed = last.text.trim_end().len();
        last.text.truncate(trimmed);
        if !last.text.is_empty() {
            break;
        }
        out.pop();
    }
    out
}

/// Whitespace runs made one space, a leading or trailing one kept (it separates words).
fn collapse_keeping_edges(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    out
}

fn same_marks(a: &Run, b: &Run) -> bool {
    a.href == b.href && a.strong == b.strong && a.em == b.em
}

/// A paragraph whose only content is one `<a rel="sponsored">`: a paid placement.
fn is_lone_sponsored_link(paragraph: ElementRef) -> bool {
    let mut content = paragraph.children().filter(|c| match c.value() {
        Node::Text(t) => !t.trim().is_empty(),
        Node::Element(_) => true,
        _ => false,
    });
    let (Some(only), None) = (content.next(), content.next()) else {
        return false;
    };
    ElementRef::wrap(only).is_some_and(|a| {
        a.value().name() == "a"
            && a.attr("rel").is_some_and(|rel| {
                rel.split_ascii_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("sponsored"))
            })
    })
}

fn sponsored_link(runs: Vec<Run>) -> Block {
    Block::Link {
        url: runs.iter().find_map(|r| r.href.clone()),
        text: runs.into_iter().map(|r| r.text).collect(),
        sponsored: true,
    }
}

fn has_nested_figure(figure: ElementRef) -> bool {
    figure
        .descendent_elements()
        .skip(1)
        .any(|e| e.value().name() == "figure")
}
