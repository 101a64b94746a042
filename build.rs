//! Concatenates `style/*.css` (in the order below) into one stylesheet for the wasm, without
//! comments and redundant whitespace: the CSS ships inside the binary, so every byte counts.

use std::{env, fs, path::Path};

const STYLES: [&str; 5] = [
    "base.css",
    "article.css",
    "text-size.css",
    "related.css",
    "states.css",
];

fn main() {
    let mut css = String::new();
    for name in STYLES {
        let path = Path::new("style").join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        css.push_str(
            &fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
        );
        css.push('\n');
    }
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("widget.css");
    fs::write(out, minify(&css)).expect("OUT_DIR is writable");
}

/// Drops comments, collapses whitespace, and removes it around `{`, `}` and `;` only (spaces
/// elsewhere can be significant: `a :focus` differs from `a:focus`, `calc(1em - 2px)` needs them).
fn minify(css: &str) -> String {
    let mut without_comments = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        without_comments.push_str(&rest[..start]);
        rest = rest[start + 2..]
            .find("*/")
            .map_or("", |end| &rest[start + 2 + end + 2..]);
    }
    without_comments.push_str(rest);
    let collapsed = without_comments
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut out = String::with_capacity(collapsed.len());
    for c in collapsed.chars() {
        if matches!(c, '{' | '}' | ';') && out.ends_with(' ') {
            out.pop();
        }
        if c == ' ' && out.ends_with(['{', '}', ';']) {
            continue;
        }
        out.push(c);
    }
    out.replace(";}", "}")
}
