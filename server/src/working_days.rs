//! Working days as NHN's customer centre counts its answer time ("normalt i løpet av
//! 1–2 dager"): Monday to Friday, without Norway's public holidays (helligdager and
//! 1 and 17 May), Easter computed. Christmas Eve and New Year's Eve are working days by
//! law, so they count.

pub use common::api::staff::AnswerTime;
use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

/// Easter Sunday of `year` (the Gregorian computus, Meeus/Jones/Butcher).
pub fn easter_sunday(year: i16) -> Date {
    let y = i32::from(year);
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, month as i8, day as i8).expect("the computus gives a date in March or April")
}

/// Whether `date` is one of Norway's public holidays.
pub fn is_public_holiday(date: Date) -> bool {
    let fixed = matches!(
        (date.month(), date.day()),
        (1, 1) | (5, 1) | (5, 17) | (12, 25) | (12, 26)
    );
    if fixed {
        return true;
    }
    let easter = easter_sunday(date.year());
    // Skjærtorsdag, langfredag, 2. påskedag, Kristi himmelfartsdag, 2. pinsedag (the
    // Sundays among them are no working days anyway).
    [-3, -2, 1, 39, 50]
        .into_iter()
        .any(|offset: i32| easter.checked_add(offset.days()).ok() == Some(date))
}

/// Whether the customer centre works on `date`.
pub fn is_working_day(date: Date) -> bool {
    !matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday) && !is_public_holiday(date)
}

/// The first day of the submissions that are not overdue on `today`: a case submitted
/// before it has had more than the answer time (the third working day back from today,
/// today included when it is one).
pub fn overdue_before(today: Date) -> Date {
    let mut day = today;
    let mut seen = 0;
    loop {
        if is_working_day(day) {
            seen += 1;
            if seen > ANSWER_DAYS {
                return day;
            }
        }
        day = day.yesterday().expect("a date after jiff's start");
    }
}

/// Midnight in Norway at the start of `date`, as Unix ms.
pub fn oslo_midnight_ms(date: Date) -> i64 {
    let tz = jiff::tz::TimeZone::get("Europe/Oslo").unwrap_or(jiff::tz::TimeZone::UTC);
    date.to_zoned(tz)
        .map_or(0, |z| z.timestamp().as_millisecond())
}

/// The working days after `from` up to and including `to` (0 when `to` is not later):
/// an order submitted on a Friday is 1 working day old on Monday.
pub fn between(from: Date, to: Date) -> i64 {
    let mut count = 0;
    let mut day = from;
    while day < to {
        day = day.tomorrow().expect("a date before jiff's end");
        if is_working_day(day) {
            count += 1;
        }
    }
    count
}

/// The working day `n` working days after `from`: when an answer is due.
pub fn add(from: Date, n: i64) -> Date {
    let mut day = from;
    let mut left = n;
    while left > 0 {
        day = day.tomorrow().expect("a date before jiff's end");
        if is_working_day(day) {
            left -= 1;
        }
    }
    day
}

/// The answer time within which every order is answered ("1–2 dager", seeds 000, 001).
pub const ANSWER_DAYS: i64 = 2;

/// How a case submitted on `submitted` stands on `today`.
pub fn answer_time(submitted: Date, today: Date) -> AnswerTime {
    match between(submitted, today) {
        age if age > ANSWER_DAYS => AnswerTime::Overdue,
        age if age == ANSWER_DAYS => AnswerTime::AtRisk,
        _ => AnswerTime::OnTime,
    }
}

/// The date in Norway of a moment (Unix ms).
pub fn oslo_date(ms: i64) -> Date {
    let tz = jiff::tz::TimeZone::get("Europe/Oslo").unwrap_or(jiff::tz::TimeZone::UTC);
    jiff::Timestamp::from_millisecond(ms)
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
        .to_zoned(tz)
        .date()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn easter_falls_where_the_almanac_says() {
        assert_eq!(easter_sunday(2024), date(2024, 3, 31));
        assert_eq!(easter_sunday(2025), date(2025, 4, 20));
        assert_eq!(easter_sunday(2026), date(2026, 4, 5));
        assert_eq!(easter_sunday(2027), date(2027, 3, 28));
        assert_eq!(easter_sunday(2038), date(2038, 4, 25));
    }

    #[test]
    fn the_holidays_of_2026_are_no_working_days() {
        let holidays = [
            date(2026, 1, 1),
            date(2026, 4, 2), // skjærtorsdag
            date(2026, 4, 3), // langfredag
            date(2026, 4, 6), // 2. påskedag
            date(2026, 5, 1),
            date(2026, 5, 14), // Kristi himmelfartsdag
            date(2026, 5, 25), // 2. pinsedag
            date(2026, 12, 25),
            date(2026, 12, 26),
        ];
        for day in holidays {
            assert!(!is_working_day(day), "{day}");
        }
        // 17 May 2026 is a Sunday; in 2027 a Monday.
        assert!(is_public_holiday(date(2027, 5, 17)) && !is_working_day(date(2027, 5, 17)));
        // Christmas Eve and New Year's Eve are working days; so is the Tuesday after Easter.
        assert!(is_working_day(date(2026, 12, 24)));
        assert!(is_working_day(date(2026, 12, 31)));
        assert!(is_working_day(date(2026, 4, 7)));
    }

    #[test]
    fn an_orders_age_skips_weekends_easter_christmas_and_17_may() {
        // Friday → Monday: one working day.
        assert_eq!(between(date(2026, 11, 27), date(2026, 11, 30)), 1);
        // Wednesday before Easter → Tuesday after: Thursday to Monday are holidays.
        assert_eq!(between(date(2026, 4, 1), date(2026, 4, 7)), 1);
        // 23 December → 28 December 2026: the 24th counts, 25th and 26th do not, 27th is a Sunday.
        assert_eq!(between(date(2026, 12, 23), date(2026, 12, 28)), 2);
        // Friday 14 May 2027 → Tuesday 18 May: Monday is 17 May.
        assert_eq!(between(date(2027, 5, 14), date(2027, 5, 18)), 1);
        assert_eq!(between(date(2026, 11, 30), date(2026, 11, 30)), 0);
        assert_eq!(between(date(2026, 11, 30), date(2026, 11, 1)), 0);
        // Submitted the Wednesday before Easter 2026: due two working days later, 8 April.
        assert_eq!(add(date(2026, 4, 1), ANSWER_DAYS), date(2026, 4, 8));
    }

    #[test]
    fn the_answer_time_is_at_risk_on_its_last_day_and_overdue_after() {
        let friday = date(2026, 11, 27);
        assert_eq!(answer_time(friday, date(2026, 11, 28)), AnswerTime::OnTime);
        assert_eq!(answer_time(friday, date(2026, 11, 30)), AnswerTime::OnTime);
        assert_eq!(answer_time(friday, date(2026, 12, 1)), AnswerTime::AtRisk);
        assert_eq!(answer_time(friday, date(2026, 12, 2)), AnswerTime::Overdue);
        // Overdue exactly when submitted before `overdue_before`.
        let today = date(2026, 12, 2);
        let cutoff = overdue_before(today);
        assert_eq!(cutoff, date(2026, 11, 30));
        assert_eq!(answer_time(date(2026, 11, 29), today), AnswerTime::Overdue);
        assert_eq!(answer_time(cutoff, today), AnswerTime::AtRisk);
        // 23:30 UTC on 31 December is already 1 January in Norway.
        assert_eq!(oslo_date(1_798_759_800_000), date(2027, 1, 1));
    }
}
