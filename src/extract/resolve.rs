//! Completing dates from the publication date, and calendar arithmetic (chrono's).
//!
//! A date without a year takes the publication year, or the previous year when the publication
//! year would put it more than two months after the publication date. Weekdays named alone count
//! from the publication date ("mardi dernier": the last Tuesday before it; "ce lundi": the Monday
//! of its week; "lundi prochain": the first Monday after it). Without a publication date nothing
//! is guessed: today's clock never enters, so output is reproducible.

use super::date::{DateClaim, DateRead, Grain, Period, Rel, Spec, YearSource};
use super::duration::Unit;
use super::offset::Direction;
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

/// The date claim for what the date grammar read, or `None` when it names nothing (a year out of
/// chrono's range).
pub fn date_claim(read: &DateRead<'_>, pub_date: Option<NaiveDate>) -> Option<DateClaim> {
    let mut c = DateClaim {
        grain: Grain::Day,
        year: read.year,
        month: read.month,
        day: read.day,
        weekday: None,
        year_source: if read.year.is_some() { YearSource::Text } else { YearSource::Unresolved },
        invalid: false,
        ambiguous: false,
        period: None,
        interval: None,
        since: read.since,
        birth: read.birth,
    };
    c.grain = match (read.day, read.month) {
        (Some(_), _) => Grain::Day,
        (None, Some(_)) => Grain::Month,
        (None, None) => Grain::Year,
    };
    match read.spec {
        Spec::Calendar => calendar(&mut c, pub_date),
        Spec::Ambiguous => {
            c.ambiguous = true;
            c.month = None;
            c.day = None;
        }
        Spec::Period(p, this) => period(&mut c, p, this, pub_date),
        Spec::Weekday(rel) => {
            c.grain = Grain::Day;
            let w = read.weekday.map(|w| w.0)?;
            if let (Some(rel), Some(pd)) = (rel, pub_date) {
                set_day(&mut c, weekday_from(pd, w, rel)?, YearSource::PubDate);
            }
        }
        Spec::WeekdayDay => {
            let (w, d) = (read.weekday.map(|w| w.0)?, read.day?);
            c.month = None;
            c.day = Some(d);
            if let Some(found) = pub_date.and_then(|pd| day_with_weekday(pd, d, w)) {
                set_day(&mut c, found, YearSource::PubDate);
            }
        }
        Spec::Month(rel) => {
            c.grain = Grain::Month;
            let m = read.month?;
            if let Some(pd) = pub_date {
                let y = match rel {
                    Rel::Last if m >= pd.month() => pd.year() - 1,
                    Rel::Next if m <= pd.month() => pd.year() + 1,
                    _ => pd.year(),
                };
                c.year = Some(y);
                c.year_source = YearSource::PubDate;
                c.interval = month_days(y, m);
            }
        }
        Spec::Relative(unit, delta) => {
            let pd = pub_date;
            c.year_source = if pd.is_some() { YearSource::PubDate } else { YearSource::Unresolved };
            match unit {
                Unit::Year => {
                    c.grain = Grain::Year;
                    c.year = pd.map(|d| d.year() + delta);
                    c.interval = c.year.and_then(year_days);
                }
                _ => {
                    c.grain = Grain::Month;
                    let first = pd.and_then(|d| d.with_day(1)).and_then(|d| shift_months(d, delta));
                    c.year = first.map(|d| d.year());
                    c.month = first.map(|d| d.month());
                    c.interval = first.and_then(|d| month_days(d.year(), d.month()));
                }
            }
        }
    }
    if let Some(y) = c.year {
        NaiveDate::from_ymd_opt(y, 1, 1)?;
    }
    Some(c)
}

fn set_day(c: &mut DateClaim, d: NaiveDate, source: YearSource) {
    c.year = Some(d.year());
    c.month = Some(d.month());
    c.day = Some(d.day());
    c.year_source = source;
}

/// Day, month and year as written; a missing year from the publication date.
fn calendar(c: &mut DateClaim, pub_date: Option<NaiveDate>) {
    let (Some(m), day) = (c.month, c.day) else {
        c.interval = c.year.and_then(year_days);
        return;
    };
    if c.year.is_none() {
        if let Some(pd) = pub_date {
            let (y, source) = year_for(m, day.unwrap_or(1), pd);
            c.year = Some(y);
            c.year_source = source;
        }
    }
    match (day, c.year) {
        (Some(d), Some(y)) => {
            if NaiveDate::from_ymd_opt(y, m, d).is_none() {
                if c.year_source != YearSource::Text && exists_some_year(m, d) {
                    // "29 février" in a year that has none: the year was a guess, not the text's
                    c.year = None;
                    c.year_source = YearSource::Unresolved;
                } else {
                    c.invalid = true;
                }
            }
        }
        (Some(d), None) => c.invalid = !exists_some_year(m, d),
        (None, Some(y)) => c.interval = month_days(y, m),
        (None, None) => {}
    }
}

fn exists_some_year(m: u32, d: u32) -> bool {
    NaiveDate::from_ymd_opt(2000, m, d).is_some()
}

/// The year of day `d` of month `m`: the publication year, or the one before when the
/// publication year would put it more than two months after the publication date.
pub fn year_for(m: u32, d: u32, pd: NaiveDate) -> (i32, YearSource) {
    let y = pd.year();
    let limit = pd.checked_add_months(Months::new(2)).unwrap_or(pd);
    // an impossible day (31 avril) is compared as the last day of its month
    let probe = (0..4).find_map(|k| NaiveDate::from_ymd_opt(y, m, d.saturating_sub(k).max(1)));
    match probe {
        Some(date) if date > limit => (y - 1, YearSource::PrevYear),
        _ => (y, YearSource::PubYear),
    }
}

fn year_days(y: i32) -> Option<(NaiveDate, NaiveDate)> {
    Some((NaiveDate::from_ymd_opt(y, 1, 1)?, NaiveDate::from_ymd_opt(y, 12, 31)?))
}

fn month_days(y: i32, m: u32) -> Option<(NaiveDate, NaiveDate)> {
    let first = NaiveDate::from_ymd_opt(y, m, 1)?;
    let last = first.checked_add_months(Months::new(1))?.pred_opt()?;
    Some((first, last))
}

fn shift_months(d: NaiveDate, delta: i32) -> Option<NaiveDate> {
    if delta >= 0 {
        d.checked_add_months(Months::new(delta.unsigned_abs()))
    } else {
        d.checked_sub_months(Months::new(delta.unsigned_abs()))
    }
}

/// Early, mid or late in a month (days 1–10, 11–20, 21–end) or a year (January–April, May–August,
/// September–December); a season on the astronomical calendar (winter runs into the next year).
fn period(c: &mut DateClaim, p: Period, this: bool, pub_date: Option<NaiveDate>) {
    c.period = Some(p);
    c.day = None;
    match p {
        Period::Early | Period::Mid | Period::Late => {
            if let (Some(m), None) = (c.month, c.year) {
                if let Some(pd) = pub_date {
                    let (y, source) = year_for(m, 1, pd);
                    c.year = Some(y);
                    c.year_source = source;
                }
            }
            let Some(y) = c.year else { return };
            c.interval = match c.month {
                Some(m) => {
                    let Some((first, last)) = month_days(y, m) else { return };
                    let (a, b) = match p {
                        Period::Early => (1, 10),
                        Period::Mid => (11, 20),
                        _ => (21, last.day()),
                    };
                    first.with_day(a).zip(first.with_day(b))
                }
                None => {
                    let (a, b) = match p {
                        Period::Early => (1, 4),
                        Period::Mid => (5, 8),
                        _ => (9, 12),
                    };
                    month_days(y, a).zip(month_days(y, b)).map(|(x, z)| (x.0, z.1))
                }
            };
        }
        Period::Spring | Period::Summer | Period::Autumn | Period::Winter => {
            c.grain = Grain::Year;
            c.month = None;
            if this {
                c.year = pub_date.map(|d| {
                    // "cet hiver" in February is the winter that began in December
                    if p == Period::Winter && d.month() <= 3 {
                        d.year() - 1
                    } else {
                        d.year()
                    }
                });
                c.year_source = if c.year.is_some() { YearSource::PubDate } else { YearSource::Unresolved };
            }
            let Some(y) = c.year else { return };
            let ((m1, d1), (m2, d2), y2) = match p {
                Period::Spring => ((3, 20), (6, 20), y),
                Period::Summer => ((6, 21), (9, 22), y),
                Period::Autumn => ((9, 23), (12, 20), y),
                _ => ((12, 21), (3, 19), y + 1),
            };
            c.interval = NaiveDate::from_ymd_opt(y, m1, d1).zip(NaiveDate::from_ymd_opt(y2, m2, d2));
        }
    }
}

/// "mardi dernier": the last Tuesday before `pd`; "lundi prochain": the first Monday after it;
/// "ce lundi": the Monday of `pd`'s week (Monday to Sunday).
pub fn weekday_from(pd: NaiveDate, w: Weekday, rel: Rel) -> Option<NaiveDate> {
    let from = i64::from(pd.weekday().num_days_from_monday());
    let to = i64::from(w.num_days_from_monday());
    let delta = match rel {
        Rel::Last => -((from - to - 1).rem_euclid(7) + 1),
        Rel::Next => (to - from - 1).rem_euclid(7) + 1,
        Rel::This => to - from,
    };
    shift_days(pd, delta)
}

/// "mercredi 13": the 13th nearest to `pd` (this month, the one before or the one after) that
/// falls on a Wednesday.
pub fn day_with_weekday(pd: NaiveDate, d: u32, w: Weekday) -> Option<NaiveDate> {
    let first = pd.with_day(1)?;
    [-1, 0, 1]
        .into_iter()
        .filter_map(|k| shift_months(first, k)?.with_day(d))
        .filter(|c| c.weekday() == w)
        .min_by_key(|c| (c.signed_duration_since(pd).num_days()).abs())
}

pub fn shift_days(d: NaiveDate, delta: i64) -> Option<NaiveDate> {
    if delta >= 0 {
        d.checked_add_days(Days::new(delta.unsigned_abs()))
    } else {
        d.checked_sub_days(Days::new(delta.unsigned_abs()))
    }
}

/// The day `amount` `unit`s before or after `from`; `None` for a part of a day or a fractional
/// amount of a calendar unit.
pub fn shift(from: NaiveDate, amount: f64, unit: Unit, dir: Direction) -> Option<NaiveDate> {
    if amount.fract() != 0.0 || !(0.0..=100_000.0).contains(&amount) {
        return None;
    }
    let n = amount as i64;
    let sign = if dir == Direction::Before { -1 } else { 1 };
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour => None,
        Unit::Day => shift_days(from, sign * n),
        Unit::Week => shift_days(from, sign * n * 7),
        Unit::Month => shift_months(from, i32::try_from(sign * n).ok()?),
        Unit::Year => shift_months(from, i32::try_from(sign * n * 12).ok()?),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn takes_the_year_from_the_publication_date() {
        let pd = ymd(2024, 1, 15);
        assert_eq!(year_for(12, 20, pd), (2023, YearSource::PrevYear));
        assert_eq!(year_for(3, 15, pd), (2024, YearSource::PubYear));
        assert_eq!(year_for(3, 16, pd), (2023, YearSource::PrevYear));
        assert_eq!(year_for(11, 7, ymd(2024, 11, 20)), (2024, YearSource::PubYear));
        assert_eq!(year_for(4, 31, ymd(2024, 4, 2)), (2024, YearSource::PubYear));
    }

    #[test]
    fn counts_weekdays_from_the_publication_date() {
        let tue = ymd(2013, 2, 12);
        assert_eq!(weekday_from(tue, Weekday::Sun, Rel::Last), Some(ymd(2013, 2, 10)));
        assert_eq!(weekday_from(tue, Weekday::Tue, Rel::Last), Some(ymd(2013, 2, 5)));
        assert_eq!(weekday_from(tue, Weekday::Tue, Rel::Next), Some(ymd(2013, 2, 19)));
        assert_eq!(weekday_from(tue, Weekday::Mon, Rel::Next), Some(ymd(2013, 2, 18)));
        assert_eq!(weekday_from(tue, Weekday::Mon, Rel::This), Some(ymd(2013, 2, 11)));
        assert_eq!(day_with_weekday(tue, 13, Weekday::Wed), Some(ymd(2013, 2, 13)));
        assert_eq!(day_with_weekday(tue, 13, Weekday::Mon), None);
    }

    #[test]
    fn shifts_by_calendar_units() {
        let d = ymd(2024, 1, 31);
        assert_eq!(shift(d, 1.0, Unit::Month, Direction::After), Some(ymd(2024, 2, 29)));
        assert_eq!(shift(d, 2.0, Unit::Week, Direction::Before), Some(ymd(2024, 1, 17)));
        assert_eq!(shift(d, 3.0, Unit::Year, Direction::Before), Some(ymd(2021, 1, 31)));
        assert_eq!(shift(d, 1.5, Unit::Year, Direction::Before), None);
        assert_eq!(shift(d, 5.0, Unit::Hour, Direction::Before), None);
    }
}
