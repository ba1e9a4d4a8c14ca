//! Dates: parse front matter dates, format them the newsroom way.

use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use jiff::civil::{Date, DateTime, Weekday};
use jiff::tz::TimeZone;
use jiff::{Timestamp, ZonedDateTime};

/// A publication instant together with its wall-clock time in the site's zone.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PubDate {
    pub ts: Timestamp,
    pub local: DateTime,
    /// Offset from UTC in seconds at that instant, in the site's zone.
    pub offset_secs: i32,
}

/// Parse a front matter date. Accepts RFC 3339 with an offset
/// (`2024-05-20T13:50:00+07:00`, `Z`), a local date-time without offset
/// (`2024-05-20T13:50`, `2024-05-20 13:50:00`, taken in `tz`), or a date
/// alone (`2024-05-20`, midnight in `tz`).
/// The years a publication date may have.
pub const YEARS: (i32, i32) = (1900, 2200);

pub fn parse(s: &str, tz: &TimeZone) -> Result<PubDate, String> {
    let s = s.trim();
    if s.is_empty() {
        return Err("the date is empty".into());
    }
    // A news date has a four-digit year in a range jiff never overflows on,
    // whatever the zone: say so plainly instead of an arithmetic error.
    let year = s
        .get(..4)
        .filter(|y| y.bytes().all(|b| b.is_ascii_digit()) && s.as_bytes().get(4) == Some(&b'-'))
        .and_then(|y| y.parse::<i32>().ok());
    match year {
        Some(y) if (YEARS.0..=YEARS.1).contains(&y) => {}
        _ => {
            return Err(format!(
                "a date starts with a four-digit year from {} to {}, then month and day",
                YEARS.0, YEARS.1
            ));
        }
    }
    let has_offset = {
        // An offset follows the time part: look after the 'T' or space.
        let time_part = s.get(10..).unwrap_or("");
        time_part.contains('+')
            || time_part.ends_with('Z')
            || time_part.ends_with('z')
            || time_part.get(1..).is_some_and(|t| t.contains('-'))
    };
    let ts = if has_offset {
        s.parse::<Timestamp>().map_err(|e| e.to_string())?
    } else if s.len() <= 10 {
        let d: Date = s.parse().map_err(|e: jiff::Error| e.to_string())?;
        d.to_datetime(jiff::civil::Time::midnight())
            .to_zoned_datetime(tz.clone())
            .map_err(|e| e.to_string())?
            .timestamp()
    } else {
        let dt: DateTime = s.parse().map_err(|e: jiff::Error| e.to_string())?;
        dt.to_zoned_datetime(tz.clone())
            .map_err(|e| e.to_string())?
            .timestamp()
    };
    Ok(from_timestamp(ts, tz))
}

pub fn from_timestamp(ts: Timestamp, tz: &TimeZone) -> PubDate {
    let z: ZonedDateTime = ts.to_zoned_datetime(tz.clone());
    PubDate {
        ts,
        local: z.datetime(),
        offset_secs: z.offset().seconds(),
    }
}

/// Newsroom weekday spelling: "Thứ hai" … "Thứ bảy", "Chủ nhật".
pub fn weekday_vi(w: Weekday) -> &'static str {
    match w {
        Weekday::Monday => "Thứ hai",
        Weekday::Tuesday => "Thứ ba",
        Weekday::Wednesday => "Thứ tư",
        Weekday::Thursday => "Thứ năm",
        Weekday::Friday => "Thứ sáu",
        Weekday::Saturday => "Thứ bảy",
        Weekday::Sunday => "Chủ nhật",
    }
}

impl PubDate {
    /// `Thứ hai, 20/05/2024 - 13:50`
    pub fn date_line(&self) -> String {
        let d = self.local;
        format!(
            "{}, {:02}/{:02}/{} - {:02}:{:02}",
            weekday_vi(d.weekday()),
            d.day(),
            d.month(),
            d.year(),
            d.hour(),
            d.minute()
        )
    }

    /// `20/05/2024`
    pub fn short_date(&self) -> String {
        let d = self.local;
        format!("{:02}/{:02}/{}", d.day(), d.month(), d.year())
    }

    /// `2024-05-20T13:50:00+07:00` for `<time datetime>`, feeds and sitemaps.
    pub fn rfc3339(&self) -> String {
        let d = self.local;
        let (sign, oh, om) = self.offset_hm();
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{sign}{oh:02}:{om:02}",
            d.year(),
            d.month(),
            d.day(),
            d.hour(),
            d.minute(),
            d.second(),
        )
    }

    /// The zone offset as sign, hours, minutes: `('+', 7, 0)`.
    fn offset_hm(&self) -> (char, u32, u32) {
        let sign = if self.offset_secs < 0 { '-' } else { '+' };
        let off = self.offset_secs.unsigned_abs();
        (sign, off / 3600, (off % 3600) / 60)
    }

    /// RFC 822 date for RSS: `Mon, 20 May 2024 13:50:00 +0700`.
    pub fn rfc822(&self) -> String {
        use jiff::civil::Weekday::*;
        let l = self.local;
        let wd = match l.weekday() {
            Monday => "Mon",
            Tuesday => "Tue",
            Wednesday => "Wed",
            Thursday => "Thu",
            Friday => "Fri",
            Saturday => "Sat",
            Sunday => "Sun",
        };
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        let (sign, oh, om) = self.offset_hm();
        format!(
            "{wd}, {:02} {} {} {:02}:{:02}:{:02} {sign}{oh:02}{om:02}",
            l.day(),
            MONTHS[(l.month() - 1) as usize],
            l.year(),
            l.hour(),
            l.minute(),
            l.second(),
        )
    }
}

pub fn time_zone(name: &str) -> Result<TimeZone, String> {
    TimeZone::get(name).map_err(|e| e.to_string())
}

/// Where the build's "now" came from (printed when it holds articles back).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum NowSource {
    /// `--now RFC3339`.
    Flag,
    /// The `SOURCE_DATE_EPOCH` environment variable.
    SourceDateEpoch,
    /// The system clock.
    #[default]
    Clock,
}

impl NowSource {
    pub fn describe(self) -> &'static str {
        match self {
            NowSource::Flag => "--now",
            NowSource::SourceDateEpoch => "SOURCE_DATE_EPOCH",
            NowSource::Clock => "the clock",
        }
    }
}

/// The instant a build takes as "now" for `publish_date` and `expiry_date`.
/// Resolved once by the command line and passed down as a value: nothing
/// below the command line reads the clock.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Now {
    pub ts: Timestamp,
    pub source: NowSource,
}

impl Now {
    /// `--now` if given, else `SOURCE_DATE_EPOCH` (whole seconds since
    /// 1970-01-01 UTC) if set and not empty, else `clock()`.
    pub fn resolve(
        flag: Option<&str>,
        source_date_epoch: Option<&str>,
        clock: impl FnOnce() -> Timestamp,
    ) -> Result<Now, crate::diag::Msg> {
        if let Some(f) = flag {
            let ts = f
                .trim()
                .parse::<Timestamp>()
                .map_err(|e| msg!(m::NOW_BAD_FLAG, value = f, detail = m::en_only(e)))?;
            return Ok(Now {
                ts,
                source: NowSource::Flag,
            });
        }
        if let Some(e) = source_date_epoch.map(str::trim).filter(|e| !e.is_empty()) {
            let ts = e
                .parse::<i64>()
                .ok()
                .and_then(|secs| Timestamp::from_second(secs).ok())
                .ok_or_else(|| msg!(m::NOW_BAD_EPOCH, value = e))?;
            return Ok(Now {
                ts,
                source: NowSource::SourceDateEpoch,
            });
        }
        Ok(Now {
            ts: clock(),
            source: NowSource::Clock,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_at_the_ends_of_the_calendar_say_so_plainly() {
        for bad in [
            "9999-12-31T23:00:00+07:00",
            "9999-12-31",
            "10000-01-01",
            "0001-01-01",
            "24-5-20",
        ] {
            let e = parse(bad, &vn()).unwrap_err();
            assert!(
                e.contains("four-digit year from 1900 to 2200"),
                "{bad}: {e}"
            );
        }
        assert!(parse("2200-12-31", &vn()).is_ok());
    }

    fn vn() -> TimeZone {
        time_zone("Asia/Ho_Chi_Minh").unwrap()
    }

    #[test]
    fn date_line_of_seed_article() {
        let d = parse("2024-05-20T13:50:00+07:00", &vn()).unwrap();
        assert_eq!(d.date_line(), "Thứ hai, 20/05/2024 - 13:50");
    }

    #[test]
    fn local_time_without_offset_is_vietnam_time() {
        let d = parse("2024-05-20 13:50", &vn()).unwrap();
        assert_eq!(d.rfc3339(), "2024-05-20T13:50:00+07:00");
    }

    #[test]
    fn utc_evening_is_next_day_in_vietnam() {
        // 23:30 UTC on Saturday is 06:30 on Sunday in Vietnam.
        let d = parse("2024-06-22T23:30:00Z", &vn()).unwrap();
        assert_eq!(d.date_line(), "Chủ nhật, 23/06/2024 - 06:30");
    }

    #[test]
    fn date_alone_is_local_midnight() {
        let d = parse("2024-06-23", &vn()).unwrap();
        assert_eq!(d.date_line(), "Chủ nhật, 23/06/2024 - 00:00");
    }

    #[test]
    fn rss_date_is_rfc822_in_the_site_zone() {
        let d = parse("2024-05-20T06:50:00Z", &vn()).unwrap();
        assert_eq!(d.rfc822(), "Mon, 20 May 2024 13:50:00 +0700");
    }

    #[test]
    fn garbage_is_an_error() {
        assert!(parse("20/05/2024", &vn()).is_err());
        assert!(parse("", &vn()).is_err());
    }
}
