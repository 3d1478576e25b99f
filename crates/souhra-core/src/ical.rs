//! iCalendar (RFC 5545) text for meeting feeds and invitations: events in Prague local time
//! with the zone's definition, texts escaped, lines folded at 75 octets, CRLF line ends.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Utc, Weekday};

/// The zone every meeting time is written in.
pub const ZONE: &str = "Europe/Prague";

/// The definition of Central European time with its summer time (the rules in force since
/// 1996), so that calendars place the times right without a zone database.
const VTIMEZONE: &str = "BEGIN:VTIMEZONE\r\nTZID:Europe/Prague\r\nBEGIN:STANDARD\r\n\
DTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nTZOFFSETFROM:+0200\r\n\
TZOFFSETTO:+0100\r\nTZNAME:CET\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:19700329T020000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n\
TZNAME:CEST\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n";

/// The last Sunday of `month` in `year`, at 01:00 UTC: when EU summer time starts (March) or
/// ends (October).
fn switch(year: i32, month: u32) -> Option<NaiveDateTime> {
    let last = NaiveDate::from_ymd_opt(year, month + 1, 1)?.pred_opt()?;
    let back = last.weekday().num_days_from_sunday();
    (last - Duration::days(i64::from(back)))
        .and_hms_opt(1, 0, 0)
        .filter(|d| d.weekday() == Weekday::Sun)
}

/// Prague local time at the instant `at` (CET, CEST from the last Sunday of March to the last
/// Sunday of October, as the EU rules since 1996 say), without a zone database.
pub fn prague(at: DateTime<Utc>) -> NaiveDateTime {
    let utc = at.naive_utc();
    let summer = match (switch(utc.year(), 3), switch(utc.year(), 10)) {
        (Some(start), Some(end)) => utc >= start && utc < end,
        _ => false,
    };
    utc + Duration::hours(if summer { 2 } else { 1 })
}

/// One event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Globally unique and stable, e.g. `meeting-12@souhra.example`.
    pub uid: String,
    /// Raised with every change, so calendars replace the old copy.
    pub sequence: i64,
    /// Start, Prague local time.
    pub starts: NaiveDateTime,
    /// End, Prague local time.
    pub ends: NaiveDateTime,
    /// Title.
    pub summary: String,
    /// Where.
    pub location: Option<String>,
    /// Agenda and other text.
    pub description: Option<String>,
    /// A web page about it.
    pub url: Option<String>,
    /// Called off.
    pub cancelled: bool,
}

/// Escapes a TEXT value: backslash, semicolon, comma and line breaks.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line to at most 75 octets per line (continuations start with a space),
/// never splitting a character, and ends it with CRLF.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
    out
}

fn local(at: NaiveDateTime) -> String {
    at.format("%Y%m%dT%H%M%S").to_string()
}

/// A calendar named `name` with `events`; `method` is `PUBLISH` for feeds and `REQUEST` for
/// invitations.
pub fn calendar(name: &str, method: &str, events: &[Event], stamp: DateTime<Utc>) -> String {
    let mut out = String::new();
    for head in [
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Souhra//Komunitni planovani//CS".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        format!("METHOD:{method}"),
        format!("X-WR-CALNAME:{}", escape(name)),
        format!("X-WR-TIMEZONE:{ZONE}"),
    ] {
        out.push_str(&fold(&head));
    }
    out.push_str(VTIMEZONE);
    let mut line = |text: String| out.push_str(&fold(&text));
    for e in events {
        line("BEGIN:VEVENT".into());
        line(format!("UID:{}", escape(&e.uid)));
        line(format!("SEQUENCE:{}", e.sequence));
        line(format!("DTSTAMP:{}", stamp.format("%Y%m%dT%H%M%SZ")));
        line(format!("DTSTART;TZID={ZONE}:{}", local(e.starts)));
        line(format!("DTEND;TZID={ZONE}:{}", local(e.ends)));
        line(format!("SUMMARY:{}", escape(&e.summary)));
        if let Some(l) = &e.location {
            line(format!("LOCATION:{}", escape(l)));
        }
        if let Some(d) = &e.description {
            line(format!("DESCRIPTION:{}", escape(d)));
        }
        if let Some(u) = &e.url {
            line(format!("URL:{u}"));
        }
        line(format!(
            "STATUS:{}",
            if e.cancelled {
                "CANCELLED"
            } else {
                "CONFIRMED"
            }
        ));
        line("END:VEVENT".into());
    }
    line("END:VCALENDAR".into());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, TimeZone};

    fn event() -> Event {
        let day = NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
        Event {
            uid: "meeting-1@souhra.example".into(),
            sequence: 2,
            starts: day.and_hms_opt(14, 0, 0).unwrap(),
            ends: day.and_hms_opt(16, 0, 0).unwrap(),
            summary: "Pracovní skupina Senioři; jednání, 3. schůzka".into(),
            location: Some("Náměstí A. Němejce 63, Nepomuk".into()),
            description: Some(format!(
                "1. Úvod\n2. {}",
                "Vyhodnocení akčního plánu ".repeat(6)
            )),
            url: Some("https://souhra.example/nepomuk/skupina/1".into()),
            cancelled: false,
        }
    }

    #[test]
    fn prague_time_follows_summer_time() {
        let at = |y, m, d, h, min| Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap();
        let local = |y, m, d, h, min| {
            NaiveDate::from_ymd_opt(y, m, d)
                .unwrap()
                .and_hms_opt(h, min, 0)
                .unwrap()
        };
        assert_eq!(prague(at(2026, 1, 15, 12, 0)), local(2026, 1, 15, 13, 0));
        assert_eq!(prague(at(2026, 7, 1, 12, 0)), local(2026, 7, 1, 14, 0));
        // 2026: summer time from 29 March 01:00 UTC to 25 October 01:00 UTC.
        assert_eq!(prague(at(2026, 3, 29, 0, 59)), local(2026, 3, 29, 1, 59));
        assert_eq!(prague(at(2026, 3, 29, 1, 0)), local(2026, 3, 29, 3, 0));
        assert_eq!(prague(at(2026, 10, 25, 0, 59)), local(2026, 10, 25, 2, 59));
        assert_eq!(prague(at(2026, 10, 25, 1, 0)), local(2026, 10, 25, 2, 0));
    }

    #[test]
    fn texts_are_escaped_and_lines_folded() {
        assert_eq!(escape("a;b,c\\d\ne\r"), "a\\;b\\,c\\\\d\\ne");
        let long = "DESCRIPTION:".to_owned() + &"ř".repeat(60);
        let folded = fold(&long);
        for l in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        assert_eq!(folded.replace("\r\n ", ""), format!("{long}\r\n"));
    }

    #[test]
    fn a_calendar_has_the_zone_and_the_events() {
        let stamp = Utc.with_ymd_and_hms(2026, 2, 1, 8, 0, 0).unwrap();
        let text = calendar("Senioři", "PUBLISH", &[event()], stamp);
        assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert!(text.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Prague"));
        assert!(text.contains("DTSTART;TZID=Europe/Prague:20260310T140000\r\n"));
        assert!(text.contains("DTEND;TZID=Europe/Prague:20260310T160000\r\n"));
        assert!(text.contains("SUMMARY:Pracovní skupina Senioři\\; jednání\\, 3. schůzka"));
        assert!(text.contains("DTSTAMP:20260201T080000Z"));
        assert!(text.contains("SEQUENCE:2\r\n"));
        assert!(text.contains("STATUS:CONFIRMED"));
        // Every line is CRLF-terminated and at most 75 octets.
        assert!(!text.replace("\r\n", "").contains('\n'));
        for l in text.split("\r\n") {
            assert!(l.len() <= 75, "{l}");
        }
        let unfolded = text.replace("\r\n ", "");
        assert!(unfolded.contains("2. Vyhodnocení akčního plánu Vyhodnocení"));
        let mut off = event();
        off.cancelled = true;
        assert!(calendar("x", "REQUEST", &[off], stamp).contains("STATUS:CANCELLED"));
    }
}
