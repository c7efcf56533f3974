//! Calendar readings shared by the temporal rules: the days a date claim covers, the date an
//! offset counts from and the date it leads to, and the tolerance of a stated amount of time.

use crate::extract::date::{Anchor, DateClaim, Grain, OffsetClaim, Unit};
use crate::extract::{Approx, Claim, ClaimKind};
use crate::rules::Context;
use crate::span::Span;
use chrono::NaiveDate;

/// The first and last day a date claim covers ("mars 2022": 1–31 March), when it has a year and
/// exists.
pub fn days(d: &DateClaim) -> Option<(NaiveDate, NaiveDate)> {
    if d.invalid {
        return None;
    }
    let y = d.year?;
    match d.grain {
        Grain::Day => {
            let day = d.naive()?;
            Some((day, day))
        }
        Grain::Month => {
            let m = d.month?;
            let first = NaiveDate::from_ymd_opt(y, m, 1)?;
            let next =
                if m == 12 { NaiveDate::from_ymd_opt(y + 1, 1, 1)? } else { NaiveDate::from_ymd_opt(y, m + 1, 1)? };
            Some((first, next.pred_opt()?))
        }
        Grain::Year => Some((NaiveDate::from_ymd_opt(y, 1, 1)?, NaiveDate::from_ymd_opt(y, 12, 31)?)),
    }
}

pub fn date_of(c: &Claim) -> Option<&DateClaim> {
    match &c.kind {
        ClaimKind::Date(d) => Some(d),
        _ => None,
    }
}

/// What an offset counts from: a date of the text, or the publication date.
#[derive(Clone, Copy, Debug)]
pub enum From<'a> {
    Date(&'a Claim, &'a DateClaim),
    PubDate(NaiveDate),
}

impl From<'_> {
    pub fn days(&self) -> Option<(NaiveDate, NaiveDate)> {
        match self {
            From::Date(_, d) => days(d),
            From::PubDate(p) => Some((*p, *p)),
        }
    }
    pub fn grain(&self) -> Grain {
        match self {
            From::Date(_, d) => d.grain,
            From::PubDate(_) => Grain::Day,
        }
    }
    pub fn span(&self) -> Option<Span> {
        match self {
            From::Date(c, _) => Some(c.span),
            From::PubDate(_) => None,
        }
    }
}

/// The date an offset is measured from: the last date claim inside its anchor phrase, or the
/// publication date.
pub fn anchor<'a>(cx: &Context<'a>, o: &OffsetClaim) -> Option<From<'a>> {
    match &o.anchor {
        Anchor::PubDate => cx.doc.pub_date.map(From::PubDate),
        Anchor::Date(s) | Anchor::Event(s) => {
            // The last date inside the anchor phrase, or a date claim holding the whole anchor.
            let inside = cx
                .claims_within(*s)
                .filter(|c| s.contains(c.span))
                .filter_map(|c| date_of(c).map(|d| From::Date(c, d)))
                .last();
            inside.or_else(|| {
                let i = cx.claims.items.partition_point(|c| c.span.start <= s.start);
                let c = cx.claims.items.get(i.checked_sub(1)?)?;
                c.span.contains(*s).then(|| date_of(c).map(|d| From::Date(c, d))).flatten()
            })
        }
        Anchor::Unknown => None,
    }
}

/// The date an offset leads to: the one other date of its sentence, when there is exactly one
/// (with two, the text does not say which; silence).
pub fn target<'a>(cx: &Context<'a>, offset: &'a Claim, from: Option<Span>) -> Option<(&'a Claim, &'a DateClaim)> {
    let mut found = None;
    for (_, c) in cx.sentence_claims(offset) {
        let Some(d) = date_of(c) else { continue };
        if from.is_some_and(|f| f.overlaps(c.span) || f.contains(c.span)) || c.span.overlaps(offset.span) {
            continue;
        }
        if found.is_some() {
            return None;
        }
        found = Some((c, d));
    }
    found
}

/// The inclusive range of days a stated amount of time allows, before approximators. Documented
/// in duration-mismatch: a day is counted ±1 (inclusive counting), "two weeks" is 12 to 16 days,
/// a month 28 to 31 days, a year 365 days give or take a month.
pub fn allowed_days(amount: f64, unit: Unit) -> Option<(f64, f64)> {
    if !(amount.is_finite() && amount > 0.0) {
        return None;
    }
    match unit {
        Unit::Day => Some((amount - 1.0, amount + 1.0)),
        Unit::Week => Some((amount * 7.0 - 2.0, amount * 7.0 + 2.0)),
        Unit::Month => Some((amount * 28.0, amount * 31.0)),
        Unit::Year => Some((amount * 365.0 - 31.0, amount * 366.0 + 31.0)),
        Unit::Second | Unit::Minute | Unit::Hour => None,
    }
}

/// Widens a range for "environ", "plus de", "at most"…
pub fn widen((low, high): (f64, f64), approx: Option<Approx>) -> (f64, f64) {
    match approx {
        None => (low, high),
        Some(Approx::About) => (low * 0.75, high * 1.25),
        Some(Approx::MoreThan | Approx::AtLeast) => (low * 0.9, f64::INFINITY),
        Some(Approx::LessThan | Approx::AtMost) => (0.0, high * 1.1),
    }
}

/// The English of an amount of days: "1 day", "17 days".
pub fn days_words(n: i64) -> String {
    if n.abs() == 1 {
        format!("{n} day")
    } else {
        format!("{n} days")
    }
}
