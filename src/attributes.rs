//! The element's presentation attributes (SPEC §1), parsed with their defaults.

/// Colour scheme requested by the host.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follows `prefers-color-scheme` (default).
    #[default]
    Auto,
    /// Light palette.
    Light,
    /// Dark palette.
    Dark,
}

impl Theme {
    /// Parses `light`/`dark`/`auto`; anything else is `auto`.
    pub fn parse(value: Option<&str>) -> Theme {
        match value.map(|v| v.trim().to_ascii_lowercase()).as_deref() {
            Some("light") => Theme::Light,
            Some("dark") => Theme::Dark,
            _ => Theme::Auto,
        }
    }

    /// The value of the root's `data-theme`, which the stylesheet keys on.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// The host's attributes as the view needs them.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct HostAttributes {
    /// Explicit UI language tag (`lang`).
    pub lang: Option<String>,
    /// Colour scheme (`theme`).
    pub theme: Theme,
    /// Headline level 1–6 (`heading-level`).
    pub heading_level: HeadingLevel,
    /// Height reserved while loading (`height-hint`), a CSS length.
    pub height_hint: Option<String>,
}

/// The level of the headline in the host page's outline; related stories sit one below.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HeadingLevel(u8);

impl Default for HeadingLevel {
    fn default() -> Self {
        HeadingLevel(2)
    }
}

impl HeadingLevel {
    /// Parses `1`–`6`; anything else is the default 2.
    pub fn parse(value: Option<&str>) -> HeadingLevel {
        value
            .and_then(|v| v.trim().parse::<u8>().ok())
            .filter(|n| (1..=6).contains(n))
            .map_or_else(HeadingLevel::default, HeadingLevel)
    }

    /// The headline's tag name.
    pub fn tag(self) -> &'static str {
        TAGS[usize::from(self.0 - 1)]
    }

    /// The tag for headings one level below (capped at `h6`).
    pub fn below(self) -> &'static str {
        TAGS[usize::from(self.0.min(5))]
    }
}

const TAGS: [&str; 6] = ["h1", "h2", "h3", "h4", "h5", "h6"];

/// The space kept while loading when there is no `height-hint`: a screen. A news article is
/// almost always taller, so host content below it is already out of view when it arrives (no
/// layout shift, issue 7). The loader reserves the same on the host element.
pub const DEFAULT_RESERVATION: &str = "max(36em, 100svh)";

/// A `height-hint` value if it looks like one CSS length (digits, optional fraction, a unit):
/// the loader's `/^\d*\.?\d+(px|em|...)$/`. No float parsing: Rust's parser and its table
/// of powers of five cost 13.8 KB brotli in the bundle (BENCHMARKS.md, "Size work").
pub fn parse_height_hint(value: Option<&str>) -> Option<String> {
    // Trimmed as the loader's `trim()` does, except for two characters no partner types: JS also
    // strips U+FEFF, Rust also U+0085 (either then falls back to the default on one side only).
    // Matching exactly cost 113-305 B of wasm or 15 B of loader; not worth it.
    let value = value?.trim();
    let unit_start = value.find(|c: char| !(c.is_ascii_digit() || c == '.'))?;
    let (number, unit) = value.split_at(unit_start);
    let (whole, fraction) = number.split_once('.').unwrap_or(("", number));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let number_ok = !fraction.is_empty() && digits(whole) && digits(fraction);
    let unit_ok = ["px", "em", "rem", "vh", "svh", "lvh", "dvh", "ch", "lh"].contains(&unit);
    (number_ok && unit_ok).then(|| value.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn theme_defaults_to_auto() {
        assert_eq!(Theme::parse(Some("DARK")), Theme::Dark);
        assert_eq!(Theme::parse(Some("light")), Theme::Light);
        assert_eq!(Theme::parse(Some("sepia")), Theme::Auto);
        assert_eq!(Theme::parse(None), Theme::Auto);
    }

    #[test]
    fn heading_level_defaults_to_2_and_related_sits_below() {
        assert_eq!(HeadingLevel::parse(None).tag(), "h2");
        assert_eq!(HeadingLevel::parse(Some("1")).tag(), "h1");
        assert_eq!(HeadingLevel::parse(Some("1")).below(), "h2");
        assert_eq!(HeadingLevel::parse(Some("6")).below(), "h6");
        for bad in ["0", "7", "-1", "two", "", "2.5"] {
            assert_eq!(
                HeadingLevel::parse(Some(bad)),
                HeadingLevel::default(),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn height_hints_must_be_plain_lengths() {
        assert_eq!(
            parse_height_hint(Some(" 1200px ")).as_deref(),
            Some("1200px")
        );
        assert_eq!(parse_height_hint(Some("80.5em")).as_deref(), Some("80.5em"));
        assert_eq!(parse_height_hint(Some(".5em")).as_deref(), Some(".5em"));
        assert_eq!(
            parse_height_hint(Some("\t\n\x0c\r 10px\u{3000}")).as_deref(),
            Some("10px")
        );
        for bad in [
            "1200",
            "px",
            "calc(10px)",
            "10px;color:red",
            "-5px",
            "1e3px",
            "10%",
            "1.px",
            "1.2.3px",
            ".px",
        ] {
            assert_eq!(parse_height_hint(Some(bad)), None, "{bad:?}");
        }
    }
}
