//! Every UI string in both languages, in one table, and the rule that picks the language.

/// A language the widget's UI speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    /// Traditional Chinese (Taiwan), the default.
    #[default]
    ZhTw,
    /// English.
    En,
}

impl Lang {
    /// Maps a BCP 47 tag to a UI language: any `zh*` is zh-TW, any `en*` is English.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("zh") {
            Some(Lang::ZhTw)
        } else if primary.eq_ignore_ascii_case("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// SPEC §1: the `lang` attribute, else the article's `lang`, else the page's, else zh-TW.
    pub fn resolve(attribute: Option<&str>, article: Option<&str>, page: Option<&str>) -> Lang {
        [attribute, article, page]
            .into_iter()
            .flatten()
            .find_map(Lang::from_tag)
            .unwrap_or_default()
    }

    /// The BCP 47 tag for the `lang` attribute of UI text.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhTw => "zh-TW",
            Lang::En => "en",
        }
    }

    /// The UI strings of this language.
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::ZhTw => &ZH_TW,
            Lang::En => &EN,
        }
    }
}

/// The UI strings of one language.
pub struct Strings {
    /// Accessible name of the article while it loads.
    pub loading: &'static str,
    /// Label before the publication date.
    pub published: &'static str,
    /// Label of the text-size button group.
    pub text_size: &'static str,
    /// Accessible name of `A-` (contains the visible label, WCAG 2.5.3).
    pub smaller: &'static str,
    /// Accessible name of `A`.
    pub reset: &'static str,
    /// Accessible name of `A+`.
    pub larger: &'static str,
    /// Announcement after a size change, before the percentage.
    pub size_now: &'static str,
    /// Visible label of a sponsored link.
    pub sponsored: &'static str,
    /// Heading and region label of the related stories.
    pub related: &'static str,
    /// Accessible name of the carousel's previous button.
    pub previous: &'static str,
    /// Accessible name of the carousel's next button.
    pub next: &'static str,
    /// Heading of the error view.
    pub error_title: &'static str,
    /// Error message: the request failed before any answer.
    pub error_network: &'static str,
    /// Error message: the server answered with an error status (followed by the status).
    pub error_http: &'static str,
    /// Error message: the document cannot be used.
    pub error_format: &'static str,
    /// Error message: the document is larger than the widget accepts.
    pub error_too_large: &'static str,
    /// Error message: no complete answer within the time limit.
    pub error_timeout: &'static str,
    /// Label of the retry button.
    pub retry: &'static str,
}

static ZH_TW: Strings = Strings {
    loading: "文章載入中",
    published: "發布日期:",
    text_size: "字級",
    smaller: "A- 縮小字級",
    reset: "A 預設字級",
    larger: "A+ 放大字級",
    size_now: "字級",
    sponsored: "贊助",
    related: "相關新聞",
    previous: "上一組相關新聞",
    next: "下一組相關新聞",
    error_title: "無法載入文章",
    error_network: "無法連線到新聞來源,請檢查網路連線後再試一次。",
    error_http: "新聞來源回應錯誤,狀態碼",
    error_format: "文章資料格式有誤,無法顯示。",
    error_too_large: "文章資料過大,無法顯示。",
    error_timeout: "載入時間過長,請稍後再試一次。",
    retry: "重新載入",
};

static EN: Strings = Strings {
    loading: "Loading article",
    published: "Published ",
    text_size: "Text size",
    smaller: "A- Smaller text",
    reset: "A Default text size",
    larger: "A+ Larger text",
    size_now: "Text size",
    sponsored: "Sponsored",
    related: "Related stories",
    previous: "Previous related stories",
    next: "Next related stories",
    error_title: "The article could not be loaded",
    error_network: "Could not reach the news source. Check your connection and try again.",
    error_http: "The news source answered with an error, status",
    error_format: "The article data is not in a format the widget can show.",
    error_too_large: "The article data is too large to show.",
    error_timeout: "The article took too long to load. Please try again.",
    retry: "Try again",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attribute_beats_article_beats_page() {
        assert_eq!(
            Lang::resolve(Some("en"), Some("zh-TW"), Some("zh")),
            Lang::En
        );
        assert_eq!(Lang::resolve(None, Some("en-GB"), Some("zh-TW")), Lang::En);
        assert_eq!(Lang::resolve(None, None, Some("en-US")), Lang::En);
        assert_eq!(
            Lang::resolve(Some("zh-Hant-TW"), Some("en"), None),
            Lang::ZhTw
        );
    }

    #[test]
    fn unsupported_or_missing_languages_fall_through_to_zh_tw() {
        assert_eq!(Lang::resolve(Some("fr"), None, Some("de")), Lang::ZhTw);
        assert_eq!(Lang::resolve(Some(""), None, None), Lang::ZhTw);
        assert_eq!(Lang::resolve(Some("fr"), Some("en"), None), Lang::En);
    }

    #[test]
    fn button_names_contain_their_visible_labels() {
        for lang in [Lang::ZhTw, Lang::En] {
            let s = lang.strings();
            assert!(s.smaller.starts_with("A- "));
            assert!(s.reset.starts_with("A "));
            assert!(s.larger.starts_with("A+ "));
        }
    }

    #[test]
    fn the_region_label_does_not_say_carousel() {
        for lang in [Lang::ZhTw, Lang::En] {
            assert!(!lang.strings().related.to_lowercase().contains("carousel"));
        }
    }
}
