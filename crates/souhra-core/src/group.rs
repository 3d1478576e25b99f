//! The groups of community planning: the steering group and the working groups (per target
//! group or topic), their members from the three sides of the triad, their meetings with
//! agenda, attendance, minutes and action items, and the calendar (iCalendar) of the meetings.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::plan::keyed;

keyed!(
    /// What a group is for.
    GroupKind, "group kind" {
        /// Řídicí skupina: steers the whole planning.
        Steering => "steering",
        /// Pracovní skupina: works on one target group or topic.
        Working => "working",
    }
);

keyed!(
    /// Whether a member came to a meeting.
    Presence, "presence" {
        /// Came.
        Present => "present",
        /// Excused in advance.
        Excused => "excused",
        /// Did not come.
        Absent => "absent",
    }
);

/// Why a meeting or a membership cannot be saved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GroupError {
    /// The meeting ends before it starts, or lasts more than a day.
    #[error("a meeting must end after it starts and on the same day")]
    MeetingTimes,
    /// The term ends before it starts.
    #[error("the term of a membership cannot end before it starts")]
    Term,
}

/// Checks a meeting's times: the end after the start, on the same day.
pub fn check_meeting(starts: NaiveDateTime, ends: NaiveDateTime) -> Result<(), GroupError> {
    if ends <= starts || ends.date() != starts.date() {
        Err(GroupError::MeetingTimes)
    } else {
        Ok(())
    }
}

/// Checks a membership's term (either end may be open).
pub fn check_term(from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<(), GroupError> {
    match (from, to) {
        (Some(f), Some(t)) if t < f => Err(GroupError::Term),
        _ => Ok(()),
    }
}

/// Whether a membership's term holds on `day`.
pub fn in_term(from: Option<NaiveDate>, to: Option<NaiveDate>, day: NaiveDate) -> bool {
    from.is_none_or(|f| f <= day) && to.is_none_or(|t| day <= t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(h: u32, m: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 3, 10)
            .unwrap()
            .and_hms_opt(h, m, 0)
            .unwrap()
    }

    #[test]
    fn meetings_end_after_they_start_on_the_same_day() {
        assert!(check_meeting(at(14, 0), at(16, 0)).is_ok());
        assert_eq!(
            check_meeting(at(14, 0), at(14, 0)),
            Err(GroupError::MeetingTimes)
        );
        assert_eq!(
            check_meeting(at(16, 0), at(14, 0)),
            Err(GroupError::MeetingTimes)
        );
        let next_day = at(10, 0) + chrono::Duration::days(1);
        assert_eq!(
            check_meeting(at(14, 0), next_day),
            Err(GroupError::MeetingTimes)
        );
    }

    #[test]
    fn terms() {
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day);
        assert!(check_term(d(1, 1), d(12, 31)).is_ok());
        assert!(check_term(None, d(12, 31)).is_ok());
        assert_eq!(check_term(d(12, 31), d(1, 1)), Err(GroupError::Term));
        assert!(in_term(d(1, 1), None, d(6, 1).unwrap()));
        assert!(!in_term(d(1, 1), d(3, 1), d(6, 1).unwrap()));
        assert!(!in_term(d(7, 1), None, d(6, 1).unwrap()));
        assert_eq!(GroupKind::from_key("working"), Ok(GroupKind::Working));
        assert!(Presence::from_key("maybe").is_err());
    }
}
