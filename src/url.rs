//! URL filtering and resolution for everything the widget links to or loads.
//!
//! Only `http:` and `https:` URLs ever leave this module. Resolution is done here, in plain
//! Rust, so the rule "relative URLs resolve against the article JSON's own URL" is testable
//! without a browser (and no URL crate is compiled into the wasm).

/// Resolves `reference` against the absolute http(s) `base`; `None` unless the result is http(s).
pub fn resolve(base: &str, reference: &str) -> Option<String> {
    let mut reference = clean(reference);
    if reference.is_empty() {
        return None;
    }
    let base = clean(base);
    let base_scheme = scheme_length(&base).filter(|&n| is_web_scheme(&base[..n]));
    if let Some(scheme_len) = scheme_length(&reference) {
        let scheme = &reference[..scheme_len];
        if !is_web_scheme(scheme) {
            return None;
        }
        let rest = &reference[scheme_len + 1..];
        let same_scheme = base_scheme.is_some_and(|n| base[..n].eq_ignore_ascii_case(scheme));
        if starts_with_two_slashes(rest) || !same_scheme {
            // WHATWG "special authority ignore slashes": `https:a.example`, `https:\\a.example`
            // and `https:///a.example` all name https://a.example; written out in full so the
            // browser never reads them relative to the host page instead.
            let authority_and_path = rest.trim_start_matches(['/', '\\']);
            return (!authority_and_path.is_empty())
                .then(|| [scheme, "://", authority_and_path].concat());
        }
        // `http:x` against an http base is the relative reference `x` (WHATWG "relative state").
        reference = rest.to_owned();
        if reference.is_empty() {
            return None;
        }
    }
    let scheme_len = base_scheme?;
    let after_scheme = &base[scheme_len + 1..];
    let authority = after_scheme.strip_prefix("//")?;
    let origin_len = scheme_len + 3 + authority.find(['/', '?', '#']).unwrap_or(authority.len());
    let origin = &base[..origin_len];
    let resolved = if starts_with_two_slashes(&reference) {
        // Scheme-relative; browsers read `\\` (and `/\`, `\/`) as `//` in http(s) URLs.
        let authority_and_path = reference.trim_start_matches(['/', '\\']);
        if authority_and_path.is_empty() {
            return None;
        }
        [&base[..scheme_len], "://", authority_and_path].concat()
    } else if reference.starts_with('/') || reference.starts_with('\\') {
        [origin, &reference].concat()
    } else {
        let without_fragment = base.split('#').next().unwrap_or(&base);
        if reference.starts_with('#') {
            [without_fragment, &reference].concat()
        } else if reference.starts_with('?') {
            let without_query = without_fragment
                .split('?')
                .next()
                .unwrap_or(without_fragment);
            [without_query, &reference].concat()
        } else {
            let path_part = without_fragment
                .split('?')
                .next()
                .unwrap_or(without_fragment);
            let dir = match path_part[origin_len..].rfind('/') {
                Some(i) => &path_part[..origin_len + i + 1],
                None => return Some([origin, "/", &reference].concat()),
            };
            [dir, &reference].concat()
        }
    };
    let (origin, path) = split_origin(&resolved);
    Some([origin, &remove_dot_segments(path)].concat())
}

/// Whether `s` starts with two of `/` and `\\` (an authority follows, for http(s)).
fn starts_with_two_slashes(s: &str) -> bool {
    s.chars()
        .take(2)
        .filter(|c| matches!(c, '/' | '\\'))
        .count()
        == 2
}

/// Splits an absolute `scheme://authority…` URL after its authority.
fn split_origin(absolute: &str) -> (&str, &str) {
    // After the scheme's `:` and `//`. A `find(':')` rather than `find("://")` spares the wasm a
    // substring searcher; a scheme has no `:`.
    let authority_start = absolute.find(':').map_or(0, |i| {
        i + 1
            + if absolute[i + 1..].starts_with("//") {
                2
            } else {
                0
            }
    });
    let end = absolute[authority_start..]
        .find(['/', '?', '#', '\\'])
        .map_or(absolute.len(), |i| authority_start + i);
    absolute.split_at(end)
}

/// RFC 3986 §5.2.4 on the path, leaving query and fragment alone.
fn remove_dot_segments(path_and_rest: &str) -> String {
    let split = path_and_rest
        .find(['?', '#'])
        .unwrap_or(path_and_rest.len());
    let (path, rest) = path_and_rest.split_at(split);
    if !path.as_bytes().windows(2).any(|pair| pair == b"/.") {
        return path_and_rest.to_owned();
    }
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    for (i, segment) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        match *segment {
            "." => {}
            ".." => {
                out.pop();
            }
            s => out.push(s),
        }
        if last && matches!(*segment, "." | "..") {
            out.push("");
        }
    }
    ["/", &out.join("/"), rest].concat()
}

/// Whether a base URL can anchor relative references (an absolute http(s) URL).
pub fn is_web_url(url: &str) -> bool {
    let url = clean(url);
    scheme_length(&url).is_some_and(|n| is_web_scheme(&url[..n]) && url[n + 1..].starts_with("//"))
}

/// What browsers do before parsing: strip leading/trailing C0 controls and spaces, and drop
/// tabs and newlines anywhere (`java\tscript:` is `javascript:` to a browser, so to us too).
fn clean(url: &str) -> String {
    url.trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

/// Length of the scheme if `url` starts with one (`letter *(letter / digit / + - .) ":"`).
fn scheme_length(url: &str) -> Option<usize> {
    let colon = url.find(':')?;
    let scheme = &url[..colon];
    let mut chars = scheme.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let rest_ok = chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    (first_ok && rest_ok).then_some(colon)
}

fn is_web_scheme(scheme: &str) -> bool {
    scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "https://news.example/api/articles/today.json?v=2#top";

    #[test]
    fn absolute_http_and_https_urls_are_kept() {
        assert_eq!(
            resolve(BASE, "https://a.example/x").as_deref(),
            Some("https://a.example/x")
        );
        assert_eq!(
            resolve(BASE, "HTTP://a.example/").as_deref(),
            Some("HTTP://a.example/")
        );
    }

    #[test]
    fn script_and_data_urls_are_dropped_whatever_their_spelling() {
        for hostile in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "  javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>",
            "DATA:image/svg+xml,<svg onload=alert(1)>",
            "file:///etc/passwd",
            "blob:https://a.example/uuid",
        ] {
            assert_eq!(resolve(BASE, hostile), None, "{hostile:?} must be dropped");
        }
    }

    #[test]
    fn entity_encoded_schemes_stay_harmless_relative_paths() {
        let resolved = resolve(BASE, "&#106;avascript:alert(1)").unwrap();
        assert!(resolved.starts_with("https://news.example/api/articles/"));
    }

    #[test]
    fn relative_urls_resolve_against_the_article_url() {
        assert_eq!(
            resolve(BASE, "../images/hero.svg").as_deref(),
            Some("https://news.example/api/images/hero.svg")
        );
        assert_eq!(
            resolve(BASE, "/news/1").as_deref(),
            Some("https://news.example/news/1")
        );
        assert_eq!(
            resolve(BASE, "//cdn.example/a.png").as_deref(),
            Some("https://cdn.example/a.png")
        );
        assert_eq!(
            resolve(BASE, "?page=2").as_deref(),
            Some("https://news.example/api/articles/today.json?page=2")
        );
        assert_eq!(
            resolve(BASE, "#c").as_deref(),
            Some("https://news.example/api/articles/today.json?v=2#c")
        );
        assert_eq!(
            resolve("https://news.example", "a.png").as_deref(),
            Some("https://news.example/a.png")
        );
        assert_eq!(
            resolve(BASE, "../../../../x/./y/..").as_deref(),
            Some("https://news.example/x/")
        );
        assert_eq!(
            resolve(BASE, "./a/../b?q=../c#..").as_deref(),
            Some("https://news.example/api/articles/b?q=../c#..")
        );
    }

    #[test]
    fn scheme_without_slashes_and_backslash_forms_come_out_absolute() {
        // A browser reads these against the host page, or as another host: never pass them on
        // half-resolved (found by tests/properties.rs).
        for (reference, expected) in [
            ("\\\\evil.example/x", "https://evil.example/x"),
            ("/\\evil.example", "https://evil.example"),
            ("\\/evil.example", "https://evil.example"),
            ("http:evil.example/x", "http://evil.example/x"),
            ("HTTP:\\\\evil.example", "HTTP://evil.example"),
            ("https:///a.example/y", "https://a.example/y"),
            ("https:b.json", "https://news.example/api/articles/b.json"),
            ("https:/b.json", "https://news.example/b.json"),
            (
                "https:javascript:alert(1)",
                "https://news.example/api/articles/javascript:alert(1)",
            ),
        ] {
            assert_eq!(
                resolve(BASE, reference).as_deref(),
                Some(expected),
                "{reference:?}"
            );
        }
        for dropped in ["\\\\", "//", "https:", "https://", "http:\\\\"] {
            assert_eq!(resolve(BASE, dropped), None, "{dropped:?}");
        }
        assert_eq!(
            resolve("", "https:a.example").as_deref(),
            Some("https://a.example")
        );
    }

    #[test]
    fn relative_urls_without_a_web_base_are_dropped() {
        assert_eq!(resolve("file:///tmp/a.json", "a.png"), None);
        assert_eq!(resolve("about:blank", "a.png"), None);
        assert_eq!(resolve("", "a.png"), None);
    }

    #[test]
    fn empty_references_are_dropped() {
        assert_eq!(resolve(BASE, ""), None);
        assert_eq!(resolve(BASE, " \t\n"), None);
    }

    #[test]
    fn web_url_detection() {
        assert!(is_web_url("https://a.example/x"));
        assert!(!is_web_url("https:a"));
        assert!(!is_web_url("file:///a"));
    }
}
