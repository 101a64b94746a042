//! Why an article could not be shown: the four kinds of SPEC §4, each with a localised message.

use crate::format::decimal;
use crate::i18n::Lang;

/// A failure to load or use an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The request failed before any answer (offline, DNS, CORS, refused).
    Network,
    /// The server answered with a non-success status.
    Http {
        /// The HTTP status code.
        status: u16,
    },
    /// The answer is not a usable article document.
    Format(FormatProblem),
    /// No complete answer within the time limit.
    Timeout,
}

/// What makes a document unusable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormatProblem {
    /// Not JSON (or not UTF-8, or nested too deeply to be an article).
    NotJson,
    /// JSON, but the top level is not an object.
    NotAnObject,
    /// No non-empty `headline` string.
    MissingHeadline,
    /// No `body` array.
    MissingBody,
    /// Larger than the widget accepts (5 MiB).
    TooLarge,
}

impl LoadError {
    /// The `kind` of the `news-widget:error` event.
    pub fn kind(&self) -> &'static str {
        match self {
            LoadError::Network => "network",
            LoadError::Http { .. } => "http",
            LoadError::Format(_) => "format",
            LoadError::Timeout => "timeout",
        }
    }

    /// The HTTP status, for `http` errors.
    pub fn status(&self) -> Option<u16> {
        match self {
            LoadError::Http { status } => Some(*status),
            _ => None,
        }
    }

    /// The message shown to the reader and sent to the host.
    pub fn message(&self, lang: Lang) -> String {
        let s = lang.strings();
        match self {
            LoadError::Network => s.error_network.to_owned(),
            LoadError::Http { status } => [s.error_http, " ", &decimal(*status), "."].concat(),
            LoadError::Format(FormatProblem::TooLarge) => s.error_too_large.to_owned(),
            LoadError::Format(_) => s.error_format.to_owned(),
            LoadError::Timeout => s.error_timeout.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_match_the_event_contract() {
        assert_eq!(LoadError::Network.kind(), "network");
        assert_eq!(LoadError::Http { status: 404 }.kind(), "http");
        assert_eq!(LoadError::Format(FormatProblem::TooLarge).kind(), "format");
        assert_eq!(LoadError::Timeout.kind(), "timeout");
    }

    #[test]
    fn http_messages_carry_the_status_in_both_languages() {
        let e = LoadError::Http { status: 503 };
        assert!(e.message(Lang::En).contains("503"));
        assert!(e.message(Lang::ZhTw).contains("503"));
        assert_eq!(e.status(), Some(503));
        assert_eq!(LoadError::Timeout.status(), None);
    }
}
