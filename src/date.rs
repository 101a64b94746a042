//! Publication dates: ISO 8601 parsing and display in the UI language, without a date crate.
//!
//! SPEC §2 shows the calendar date *in the offset written in the value* (the newsroom's day),
//! so no time-zone arithmetic is needed: the date part as written is the answer.

use crate::format::decimal;
use crate::i18n::Lang;

/// A calendar date as written at the start of an ISO 8601 value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CalendarDate {
    /// Four-digit year.
    pub year: u16,
    /// 1–12.
    pub month: u8,
    /// 1–31, valid for the month.
    pub day: u8,
}

/// A publication date: the value for `<time datetime>` and the calendar day it names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublishedDate {
    /// The value as written, trimmed (machine-readable, for the `datetime` attribute).
    pub iso: String,
    /// The newsroom's calendar day.
    pub date: CalendarDate,
}

impl PublishedDate {
    /// Parses `YYYY-MM-DD` optionally followed by `T` and a time; `None` if not such a value.
    pub fn parse(value: &str) -> Option<Self> {
        let iso = value.trim();
        let bytes = iso.as_bytes();
        let date_part = bytes.get(..10)?;
        let rest = &bytes[10..];
        if let Some((&separator, time)) = rest.split_first() {
            if !matches!(separator, b'T' | b' ') || !is_time_and_offset(time) {
                return None;
            }
        }
        if date_part[4] != b'-' || date_part[7] != b'-' {
            return None;
        }
        let year = digits(&date_part[0..4])?;
        let month = digits(&date_part[5..7])?;
        let day = digits(&date_part[8..10])?;
        let date = CalendarDate {
            year: year as u16,
            month: month as u8,
            day: day as u8,
        };
        (date.is_valid()).then(|| Self {
            iso: iso.to_owned(),
            date,
        })
    }

    /// The date as readers of `lang` expect to see it.
    pub fn display(&self, lang: Lang) -> String {
        self.date.display(lang)
    }
}

impl CalendarDate {
    fn is_valid(&self) -> bool {
        let leap = self.year.is_multiple_of(4)
            && (!self.year.is_multiple_of(100) || self.year.is_multiple_of(400));
        let days_in_month = match self.month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return false,
        };
        self.year > 0 && (1..=days_in_month).contains(&self.day)
    }

    /// `2025/4/16` in Chinese (the numeric form Taiwanese news sites print), `April 16, 2025` in English.
    pub fn display(&self, lang: Lang) -> String {
        match lang {
            Lang::ZhTw => {
                let (month, day) = (decimal(self.month), decimal(self.day));
                [&decimal(self.year), "/", &month, "/", &day].concat()
            }
            Lang::En => {
                let month = MONTHS
                    .get(usize::from(self.month).wrapping_sub(1))
                    .unwrap_or(&"");
                [month, " ", &decimal(self.day), ", ", &decimal(self.year)].concat()
            }
        }
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `HH:MM`, optional `:SS` and a 1–3 digit fraction, optional `Z` or `±HH:MM` / `±HHMM`: the
/// shapes HTML accepts, so the value that becomes a `datetime` attribute is always a valid one.
fn is_time_and_offset(time: &[u8]) -> bool {
    let two_digits = |b: &[u8], max: u32| b.len() >= 2 && digits(&b[..2]).is_some_and(|n| n <= max);
    if !(two_digits(time, 23) && time.get(2) == Some(&b':') && two_digits(&time[3..], 59)) {
        return false;
    }
    let mut rest = &time[5..];
    if rest.first() == Some(&b':') {
        if !two_digits(&rest[1..], 59) {
            return false;
        }
        rest = &rest[3..];
        if rest.first() == Some(&b'.') {
            let fraction = rest[1..].iter().take_while(|b| b.is_ascii_digit()).count();
            if !(1..=3).contains(&fraction) {
                return false;
            }
            rest = &rest[1 + fraction..];
        }
    }
    match rest {
        [] | [b'Z'] => true,
        [b'+' | b'-', hours @ ..] => {
            let (h, m) = match hours {
                [h1, h2, b':', m1, m2] | [h1, h2, m1, m2] => ([*h1, *h2], [*m1, *m2]),
                _ => return false,
            };
            two_digits(&h, 23) && two_digits(&m, 59)
        }
        _ => false,
    }
}

fn digits(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0u32, |acc, &b| {
        b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(value: &str, lang: Lang) -> Option<String> {
        PublishedDate::parse(value).map(|d| d.display(lang))
    }

    #[test]
    fn shows_the_newsroom_day_whatever_the_offset() {
        assert_eq!(
            shown("2025-04-16T09:00:00+08:00", Lang::ZhTw).as_deref(),
            Some("2025/4/16")
        );
        assert_eq!(
            shown("2025-04-16T23:30:00-05:00", Lang::En).as_deref(),
            Some("April 16, 2025")
        );
        assert_eq!(
            shown("2025-04-16T00:10:00Z", Lang::En).as_deref(),
            Some("April 16, 2025")
        );
    }

    #[test]
    fn a_date_only_value_is_that_day() {
        assert_eq!(
            shown("2025-04-13", Lang::ZhTw).as_deref(),
            Some("2025/4/13")
        );
        assert_eq!(
            shown("2024-12-01", Lang::En).as_deref(),
            Some("December 1, 2024")
        );
    }

    #[test]
    fn accepts_the_rfc_3339_time_shapes() {
        for good in [
            "2025-04-16T09:00",
            "2025-04-16T09:00:00",
            "2025-04-16T09:00:00.123Z",
            "2025-04-16 09:00:00+0800",
            "2025-04-16T23:59:59-05:00",
        ] {
            assert!(PublishedDate::parse(good).is_some(), "{good:?}");
        }
    }

    #[test]
    fn keeps_the_value_for_the_datetime_attribute() {
        let d = PublishedDate::parse(" 2025-04-16T09:00:00+08:00 ").unwrap();
        assert_eq!(d.iso, "2025-04-16T09:00:00+08:00");
    }

    #[test]
    fn rejects_values_that_are_not_dates() {
        for bad in [
            "",
            "4/16/2025",
            "2025-4-16",
            "2025-13-01",
            "2025-02-29",
            "2025-04-31",
            "0000-01-01",
            "2025-04-16X",
            "２０２５-04-16",
            "2025-04-1",
            "yesterday",
        ] {
            assert_eq!(PublishedDate::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn leap_days_are_dates() {
        assert!(PublishedDate::parse("2024-02-29").is_some());
        assert!(PublishedDate::parse("2000-02-29").is_some());
        assert!(PublishedDate::parse("1900-02-29").is_none());
    }
}
