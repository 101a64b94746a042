//! WordPress dates: local wall-clock time without an offset (`date`) beside the same instant in
//! UTC (`date_gmt`); their difference is the site's offset, which the article's ISO 8601 value
//! must carry so the widget shows the newsroom's calendar day.

use news_widget::date::PublishedDate;

/// A `YYYY-MM-DDTHH:MM:SS` wall-clock time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WallClock {
    year: i64,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
    second: u32,
}

impl WallClock {
    /// Parses WordPress's `2025-04-16T09:00:00` (also with a space; any offset is refused, WordPress
    /// writes none). `None` for anything else, including the `0000-00-00T00:00:00` of drafts.
    pub fn parse(value: &str) -> Option<Self> {
        let b = value.trim().as_bytes();
        if b.len() != 19 || !matches!(b[10], b'T' | b' ') {
            return None;
        }
        let n = |range: std::ops::Range<usize>| -> Option<u32> {
            let part = std::str::from_utf8(b.get(range)?).ok()?;
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        let separators = [(4, b'-'), (7, b'-'), (13, b':'), (16, b':')];
        if separators.iter().any(|&(i, c)| b[i] != c) {
            return None;
        }
        let clock = WallClock {
            year: i64::from(n(0..4)?),
            month: n(5..7)?,
            day: n(8..10)?,
            hour: n(11..13)?,
            minute: n(14..16)?,
            second: n(17..19)?,
        };
        // The widget's own date parser has the last word on the calendar.
        PublishedDate::parse(&clock.iso())?;
        (clock.hour < 24 && clock.minute < 60 && clock.second < 60).then_some(clock)
    }

    /// `YYYY-MM-DDTHH:MM:SS`, no offset.
    fn iso(&self) -> String {
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
            self.year, self.month, self.day, self.hour, self.minute, self.second
        )
    }

    /// Minutes since 1970-01-01T00:00 (Howard Hinnant's days-from-civil).
    fn minutes(&self) -> i64 {
        let (y, m) = if self.month <= 2 {
            (self.year - 1, i64::from(self.month) + 9)
        } else {
            (self.year, i64::from(self.month) - 3)
        };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * m + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        let days = era * 146_097 + doe - 719_468;
        days * 1440 + i64::from(self.hour) * 60 + i64::from(self.minute)
    }
}

/// `±HH:MM` for an offset in minutes, if it is one a site can have (under a day).
fn offset(minutes: i64) -> Option<String> {
    if minutes.abs() >= 24 * 60 {
        return None;
    }
    let sign = if minutes < 0 { '-' } else { '+' };
    let m = minutes.abs();
    Some(format!("{sign}{:02}:{:02}", m / 60, m % 60))
}

/// The article date for a WordPress `local` / `gmt` pair: local time with the site's offset
/// (their difference, else `site_offset_minutes` from the site index), else UTC with `Z`, else
/// the local time as written.
pub fn wordpress_date(
    local: Option<&str>,
    gmt: Option<&str>,
    site_offset_minutes: Option<i64>,
) -> Option<PublishedDate> {
    let local = local.and_then(WallClock::parse);
    let gmt = gmt.and_then(WallClock::parse);
    let value = match (local, gmt) {
        (Some(l), Some(g)) => [l.iso(), offset(l.minutes() - g.minutes())?].concat(),
        (Some(l), None) => match site_offset_minutes.and_then(offset) {
            Some(o) => [l.iso(), o].concat(),
            None => l.iso(),
        },
        (None, Some(g)) => [g.iso(), "Z".to_owned()].concat(),
        (None, None) => return None,
    };
    PublishedDate::parse(&value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(d: Option<PublishedDate>) -> Option<String> {
        d.map(|d| d.iso)
    }

    #[test]
    fn date_gmt_and_date_give_the_sites_offset() {
        let d = wordpress_date(
            Some("2025-04-16T09:00:00"),
            Some("2025-04-16T01:00:00"),
            None,
        );
        assert_eq!(iso(d).as_deref(), Some("2025-04-16T09:00:00+08:00"));
        let d = wordpress_date(
            Some("2025-01-01T01:30:00"),
            Some("2025-01-01T07:00:00"),
            None,
        );
        assert_eq!(iso(d).as_deref(), Some("2025-01-01T01:30:00-05:30"));
        // Across a month and a year boundary.
        let d = wordpress_date(
            Some("2025-03-01T02:00:00"),
            Some("2025-02-28T18:00:00"),
            None,
        );
        assert_eq!(iso(d).as_deref(), Some("2025-03-01T02:00:00+08:00"));
        let d = wordpress_date(
            Some("2024-12-31T20:00:00"),
            Some("2025-01-01T01:00:00"),
            None,
        );
        assert_eq!(iso(d).as_deref(), Some("2024-12-31T20:00:00-05:00"));
    }

    #[test]
    fn date_gmt_alone_is_utc() {
        let d = wordpress_date(None, Some("2025-04-16T01:00:00"), None);
        assert_eq!(iso(d).as_deref(), Some("2025-04-16T01:00:00Z"));
    }

    #[test]
    fn date_alone_takes_the_site_index_offset_or_none() {
        let d = wordpress_date(Some("2025-04-16T09:00:00"), None, Some(330));
        assert_eq!(iso(d).as_deref(), Some("2025-04-16T09:00:00+05:30"));
        let d = wordpress_date(Some("2025-04-16T09:00:00"), None, None);
        assert_eq!(iso(d).as_deref(), Some("2025-04-16T09:00:00"));
    }

    #[test]
    fn drafts_and_garbage_are_no_date() {
        for bad in [
            "0000-00-00T00:00:00",
            "2025-02-30T00:00:00",
            "2025-04-16T24:00:00",
            "yesterday",
            "2025-04-16T09:00:00+08:00",
            "２０２５-04-16T09:00:00",
        ] {
            assert_eq!(WallClock::parse(bad), None, "{bad:?}");
        }
        // An offset of a day or more is no site's.
        assert_eq!(
            wordpress_date(
                Some("2025-04-18T09:00:00"),
                Some("2025-04-16T09:00:00"),
                None
            ),
            None
        );
    }
}
