//! Dates and times as stored (`2026-11-23` and `2026-11-23T06:07:20.846Z`, as chrono and
//! JavaScript's `toISOString` write them) read by a few lines made for these two forms, for the
//! records the first load reads (case summaries, the registry, the last backup). chrono's own
//! reader handles every format it knows and is 9 KB of the first load's code. Written by chrono
//! as before; read with `#[serde(deserialize_with = "…")]`.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::de::{Deserialize, Deserializer, Error};

/// `YYYY-MM-DD`; a year outside 0 to 9999 with its sign and at least four digits
/// (`+99999-12-31`), as chrono writes it.
pub fn parse_day(text: &str) -> Option<NaiveDate> {
    // Sliced by byte below: anything else is not a date anyway.
    if !text.is_ascii() {
        return None;
    }
    let (sign, unsigned) = match text.as_bytes().first()? {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => (0, text),
    };
    let year_digits = unsigned.len().checked_sub(6)?;
    let bytes = unsigned.as_bytes();
    if year_digits < 4
        || (sign == 0 && year_digits != 4)
        || bytes[year_digits] != b'-'
        || bytes[year_digits + 3] != b'-'
    {
        return None;
    }
    let year = i32::try_from(number(&unsigned[..year_digits])?).ok()?;
    let month = number(&unsigned[year_digits + 1..year_digits + 3])?;
    NaiveDate::from_ymd_opt(if sign < 0 { -year } else { year }, month, number(&unsigned[year_digits + 4..])?)
}

/// RFC 3339: a day as [`parse_day`] reads it, `THH:MM:SS`, an optional fraction of a second,
/// and `Z` or `±HH:MM`.
pub fn parse_time(text: &str) -> Option<DateTime<Utc>> {
    if !text.is_ascii() {
        return None;
    }
    let split = text.bytes().skip(10).position(|b| matches!(b, b'T' | b't' | b' '))? + 10;
    let day = parse_day(&text[..split])?;
    let rest = &text[split..];
    let bytes = rest.as_bytes();
    if bytes.len() < 9 || bytes[3] != b':' || bytes[6] != b':' {
        return None;
    }
    let (hour, minute, second) = (number(&rest[1..3])?, number(&rest[4..6])?, number(&rest[7..9])?);
    let mut at = 9;
    let mut nanos = 0;
    if bytes.get(at) == Some(&b'.') {
        let digits = bytes[at + 1..].iter().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 {
            return None;
        }
        // Nanoseconds: the first nine digits, padded; any further ones are below them.
        for position in 0..9 {
            let digit = if position < digits { (bytes[at + 1 + position] - b'0') as u32 } else { 0 };
            nanos = nanos * 10 + digit;
        }
        at += 1 + digits;
    }
    let offset_minutes: i64 = match &rest[at..] {
        "Z" | "z" => 0,
        zone if zone.len() == 6 && zone.as_bytes()[3] == b':' => {
            let minutes = (number(&zone[1..3])? * 60 + number(&zone[4..6])?) as i64;
            match zone.as_bytes()[0] {
                b'+' => minutes,
                b'-' => -minutes,
                _ => return None,
            }
        }
        _ => return None,
    };
    let local = day.and_time(NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)?);
    Some((local - chrono::Duration::minutes(offset_minutes)).and_utc())
}

fn number(digits: &str) -> Option<u32> {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

fn text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    String::deserialize(d)
}

pub fn day<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    let text = text(d)?;
    parse_day(&text).ok_or_else(|| D::Error::custom(format!("not a date: {text:?}")))
}

pub fn days<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<NaiveDate>, D::Error> {
    Vec::<String>::deserialize(d)?
        .iter()
        .map(|text| parse_day(text).ok_or_else(|| D::Error::custom(format!("not a date: {text:?}"))))
        .collect()
}

pub fn time<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    let text = text(d)?;
    parse_time(&text).ok_or_else(|| D::Error::custom(format!("not a time: {text:?}")))
}

pub fn optional_time<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(text) => parse_time(&text).map(Some).ok_or_else(|| D::Error::custom(format!("not a time: {text:?}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{SecondsFormat, TimeZone};

    #[test]
    fn reads_every_time_chrono_and_javascript_write_as_they_do() {
        let moments = [
            Utc.with_ymd_and_hms(2026, 11, 23, 6, 7, 20).unwrap(),
            Utc.with_ymd_and_hms(1999, 12, 31, 23, 59, 59).unwrap() + chrono::Duration::milliseconds(846),
            Utc.with_ymd_and_hms(2024, 2, 29, 0, 0, 0).unwrap() + chrono::Duration::microseconds(123_456),
            Utc.with_ymd_and_hms(2030, 1, 1, 12, 0, 0).unwrap() + chrono::Duration::nanoseconds(987_654_321),
            Utc.with_ymd_and_hms(99999, 12, 31, 23, 0, 0).unwrap(),
        ];
        for moment in moments {
            let written = serde_json::to_string(&moment).unwrap();
            assert_eq!(parse_time(written.trim_matches('"')), Some(moment), "{written}");
            for format in [SecondsFormat::Millis, SecondsFormat::Secs, SecondsFormat::Nanos] {
                let text = moment.to_rfc3339_opts(format, false);
                let expected = moment.to_rfc3339_opts(format, true).parse::<DateTime<Utc>>().unwrap();
                assert_eq!(parse_time(&text), Some(expected), "{text}");
            }
        }
        assert_eq!(
            parse_time("2026-11-23T08:07:20+02:00"),
            Some(Utc.with_ymd_and_hms(2026, 11, 23, 6, 7, 20).unwrap()),
            "an offset is taken off"
        );
        for wrong in [
            "2026-11-23T06:07:2é",
            "2026-11-23T06:07:20é0:00",
            "",
            "2026-11-23",
            "2026-11-23T06:07",
            "2026-13-01T00:00:00Z",
            "2026-11-23T06:07:20",
            "2026-11-23T06:07:20.Z",
            "2026-11-23T06:07:20+0200",
            "soon",
        ] {
            assert_eq!(parse_time(wrong), None, "{wrong:?}");
        }
    }

    #[test]
    fn reads_days_as_chrono_writes_them() {
        for day in [(2024, 2, 29), (99999, 12, 31), (-44, 3, 15), (1, 1, 1)] {
            let day = NaiveDate::from_ymd_opt(day.0, day.1, day.2).unwrap();
            let written = serde_json::to_string(&day).unwrap();
            assert_eq!(parse_day(written.trim_matches('"')), Some(day), "{written}");
        }
        for wrong in [
            "2024-02-2é",
            "2023-02-29",
            "2024-2-29",
            "20240229",
            "2024-02-29T00:00:00Z",
            "+2024-02-2",
            "99999-12-31",
            "+999-12-31",
            "",
        ] {
            assert_eq!(parse_day(wrong), None, "{wrong:?}");
        }
    }
}
