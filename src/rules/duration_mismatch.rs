//! `duration-mismatch`: a stated amount of time between two dates of the text that the dates
//! contradict. Reads offset claims ("deux semaines après le 12 février") with the date they
//! count from and the one other date of their sentence, and durations set beside an interval
//! ("du 3 au 17 mars, soit deux semaines").

use crate::diagnostic::Diagnostic;
use crate::extract::date::{Direction, DurationClaim, OffsetClaim, Unit};
use crate::extract::{Approx, Claim, ClaimKind};
use crate::rules::calendar::{allowed_days, anchor, date_of, days, days_words, target, widen};
use crate::rules::cues::{longest_prefix, longest_suffix};
use crate::rules::{Context, Rule, RuleMeta};
use crate::span::Span;
use chrono::NaiveDate;

declare_rule! {
    /// ## What it flags
    /// An offset or a duration that the two dates it joins contradict: « le 1er mars 2022, soit
    /// deux semaines après le 12 février 2022 » (17 days), "from 3 to 24 March, two weeks".
    ///
    /// Tolerance: a number of days is counted ±1 (whether both ends count); "two weeks" is 12 to
    /// 16 days (weeks ±2 days); a month is 28 to 31 days; a year 365 days ± a month. A date
    /// given as a month or a year covers all its days. Approximators widen the range: « environ »,
    /// "about" by a quarter either way; « plus de », "at least" accept anything longer.
    ///
    /// ## Why it matters
    /// Editors recompute these gaps; one of the three figures is wrong, and the reader cannot tell
    /// which.
    ///
    /// ## Flags
    /// - fr: « Il a démissionné le 1er mars 2022, soit deux semaines après le vote du 12 février 2022. »
    /// - en: "The trial ran from 3 to 24 March 2023, i.e. two weeks."
    ///
    /// ## Leaves alone
    /// - 12 to 16 days called « deux semaines »; 28 to 31 days called "a month".
    /// - « environ trois semaines » for 25 days; "more than a month" for 45 days.
    /// - A sentence with two candidate dates for the offset: the text does not say which.
    /// - A gap in the wrong direction: `temporal-order` reports it.
    /// - Hours and minutes (times of day are not compared).
    ///
    /// ## Settings
    /// None.
    DurationMismatch,
    id = "duration-mismatch",
    severity = Warning,
    summary = "an amount of time that the dates it joins contradict",
}

/// Smallest and largest signed gap in days from `from` to `to`, each a range of days.
fn gap_range(from: (NaiveDate, NaiveDate), to: (NaiveDate, NaiveDate)) -> (i64, i64) {
    ((to.0 - from.1).num_days(), (to.1 - from.0).num_days())
}

/// The gap as an editor reads it: exact when both dates are days.
fn describe(gap: (i64, i64)) -> String {
    if gap.0 == gap.1 {
        days_words(gap.0.abs())
    } else {
        format!("{} to {} days", gap.0.abs().min(gap.1.abs()), gap.0.abs().max(gap.1.abs()))
    }
}

/// Whether a gap range fits an allowed range of magnitudes.
fn fits((lo, hi): (i64, i64), (min, max): (f64, f64)) -> bool {
    let (a, b) = (lo.abs().min(hi.abs()) as f64, lo.abs().max(hi.abs()) as f64);
    // Ranges that straddle zero hold every magnitude up to the larger end.
    let a = if lo <= 0 && hi >= 0 { 0.0 } else { a };
    a <= max && b >= min
}

pub(crate) struct OffsetReading<'a> {
    pub o: &'a OffsetClaim,
    pub from_span: Option<Span>,
    pub from_text: String,
    pub to: &'a Claim,
    pub gap: (i64, i64),
}

/// An offset with both its dates, and the signed gap from its anchor to its target.
pub(crate) fn read_offset<'a>(cx: &Context<'a>, offset: &'a Claim) -> Option<OffsetReading<'a>> {
    let ClaimKind::Offset(o) = &offset.kind else { return None };
    // Precision: only an offset that restates a date of its own sentence against an explicit
    // date ("le 12 février 2022, soit deux semaines avant le 26 février") is checked. Offsets
    // from the publication date ("aujourd'hui", "il y a deux ans") or from a date the context
    // last gave ("quinze ans plus tard") guessed the wrong pair on real news copy.
    let (Some(subject), crate::extract::Anchor::Date(_)) = (o.subject, &o.anchor) else { return None };
    let from = anchor(cx, o)?;
    let (to, to_date) = target(cx, offset, from.span())?;
    if to.span != subject {
        return None;
    }
    let gap = gap_range(from.days()?, days(to_date)?);
    let from_text = match from.span() {
        Some(s) => format!("\"{}\"", cx.text(s)),
        None => "the publication date".to_string(),
    };
    Some(OffsetReading { o, from_span: from.span(), from_text, to, gap })
}

fn unit_ok(u: Unit) -> bool {
    matches!(u, Unit::Day | Unit::Week | Unit::Month | Unit::Year)
}

/// The pair of dates an interval gives right before `dur` ("du 3 au 17 mars, soit …") or right
/// after it ("pendant deux semaines, du 3 au 17 mars").
fn interval_of<'a>(cx: &Context<'a>, dur: &'a Claim) -> Option<(&'a Claim, &'a Claim)> {
    let cues = &cx.cues().interval;
    // The claims next to the duration in its paragraph: two dates right before or right after.
    let items = &cx.claims.items;
    let at = items.partition_point(|c| (c.run, c.local.0) < (dur.run, dur.local.0));
    let pair = |i: usize, j: usize| -> Option<(&'a Claim, &'a Claim)> {
        let (a, b) = (items.get(i)?, items.get(j)?);
        (a.run == dur.run && b.run == dur.run && date_of(a).is_some() && date_of(b).is_some()).then_some((a, b))
    };
    let (a, b) = at.checked_sub(2).and_then(|i| pair(i, i + 1)).or_else(|| pair(at + 1, at + 2))?;
    let (a, b) = (&a, &b);
    let between = cx.between(a, b).trim();
    if !cues.between.iter().any(|w| crate::rules::cues::starts_with_phrase(between, w) == Some(between.len())) {
        return None;
    }
    if b.local.1 <= dur.local.0 {
        // "…au 17 mars, soit deux semaines": only an appositive between.
        let gap = cx.between(b, dur).trim_end();
        let ok = gap.is_empty() || longest_prefix(gap, &cues.appositive).is_some_and(|(_, n)| n == gap.len());
        return ok.then_some((a, b));
    }
    if dur.local.1 <= a.local.0 {
        // "pendant deux semaines, du 3 au 17 mars": a comma and an opener between.
        let gap = cx.between(dur, a).trim();
        let gap = gap.strip_prefix(',').unwrap_or(gap).trim();
        let ok = longest_suffix(gap, &cues.openers).is_some_and(|(_, at)| at == 0);
        return ok.then_some((a, b));
    }
    None
}

fn check_duration(
    rule: &DurationMismatch,
    cx: &Context<'_>,
    dur: &Claim,
    d: &DurationClaim,
    out: &mut Vec<Diagnostic>,
) {
    if !unit_ok(d.unit) {
        return;
    }
    let Some((a, b)) = interval_of(cx, dur) else { return };
    let (Some(da), Some(db)) = (date_of(a).and_then(days), date_of(b).and_then(days)) else { return };
    let gap = gap_range(da, db);
    if gap.1 < 0 {
        return;
    }
    let Some(allowed) = allowed_days(d.amount, d.unit).map(|r| widen(r, d.approx)) else { return };
    if fits(gap, allowed) {
        return;
    }
    let text = format!(
        "{} between \"{}\" and \"{}\"; the text says \"{}\"",
        describe(gap),
        cx.text(a.span),
        cx.text(b.span),
        cx.text(dur.span)
    );
    out.push(
        cx.diagnostic(rule, dur.span, text)
            .related(a.span, "the first date")
            .related(b.span, "the last date")
            .help("check the duration and both dates"),
    );
}

impl Rule for DurationMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for claim in &cx.claims.items {
            match &claim.kind {
                ClaimKind::Duration(d) => check_duration(self, cx, claim, d, out),
                ClaimKind::Offset(o) if unit_ok(o.unit) => {
                    let Some(r) = read_offset(cx, claim) else { continue };
                    // A gap on the wrong side of the anchor is temporal-order's.
                    let wrong_side = match r.o.direction {
                        Direction::After => r.gap.1 < 0,
                        Direction::Before => r.gap.0 > 0,
                    };
                    if wrong_side {
                        continue;
                    }
                    let Some(mut allowed) = allowed_days(r.o.amount, r.o.unit).map(|x| widen(x, r.o.approx)) else {
                        continue;
                    };
                    if r.from_span.is_none() && r.o.unit == Unit::Day {
                        // Counted from the publication date: the draft may be a day older.
                        allowed = (allowed.0 - 1.0, allowed.1 + 1.0);
                    }
                    if fits(r.gap, allowed) {
                        continue;
                    }
                    let text = format!(
                        "{} between {} and \"{}\"; the text says \"{}\"",
                        describe(r.gap),
                        r.from_text,
                        cx.text(r.to.span),
                        cx.text(claim.span)
                    );
                    let mut d = cx.diagnostic(self, claim.span, text);
                    if let Some(s) = r.from_span {
                        d = d.related(s, "the date it counts from");
                    }
                    out.push(d.related(r.to.span, "the other date").help("check the stated gap and both dates"));
                }
                _ => {}
            }
        }
    }
}

/// Whether an approximator makes any gap longer than `amount` acceptable.
#[allow(dead_code)]
fn open_ended(a: Option<Approx>) -> bool {
    matches!(a, Some(Approx::MoreThan | Approx::AtLeast))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::date::Direction;
    use crate::rules::testutil::{en, fr, Draft};

    #[test]
    fn flags_a_wrong_offset() {
        let mut d =
            Draft::new(&fr("Il a démissionné le 1er mars 2022, soit deux semaines après le vote du 12 février 2022."));
        d.date("1er mars 2022", (2022, 3, 1), None);
        d.date("12 février 2022", (2022, 2, 12), None);
        d.offset("deux semaines après", 2.0, Unit::Week, Direction::After, Some("le vote du 12 février 2022"));
        d.subject("deux semaines après", "1er mars 2022");
        assert_eq!(
            d.check(&DurationMismatch),
            vec![(
                "deux semaines après".into(),
                "17 days between \"12 février 2022\" and \"1er mars 2022\"; the text says \"deux semaines après\""
                    .into()
            )]
        );
    }

    #[test]
    fn leaves_alone_within_tolerance_or_wrong_side() {
        for (to, days) in [("26 février 2022", 26), ("24 février 2022", 24)] {
            let body = format!("Il a démissionné le {to}, soit deux semaines après le vote du 12 février 2022.");
            let mut d = Draft::new(&fr(&body));
            d.date(to, (2022, 2, days), None);
            d.date("12 février 2022", (2022, 2, 12), None);
            d.offset("deux semaines après", 2.0, Unit::Week, Direction::After, Some("12 février 2022"));
            assert!(d.check(&DurationMismatch).is_empty(), "{to}");
        }
        let mut d =
            Draft::new(&fr("Il a démissionné le 1er février 2022, soit deux semaines après le 12 février 2022."));
        d.date("1er février 2022", (2022, 2, 1), None);
        d.date("12 février 2022", (2022, 2, 12), None);
        d.offset("deux semaines après", 2.0, Unit::Week, Direction::After, Some("12 février 2022"));
        assert!(d.check(&DurationMismatch).is_empty(), "temporal-order's");
    }

    #[test]
    fn flags_an_interval_and_its_duration() {
        let mut d = Draft::new(&en("The trial ran from March 3, 2023 to March 24, 2023, i.e. two weeks."));
        d.date("March 3, 2023", (2023, 3, 3), None);
        d.date("March 24, 2023", (2023, 3, 24), None);
        d.duration("two weeks", 2.0, Unit::Week, None);
        assert_eq!(
            d.check(&DurationMismatch)[0].1,
            "21 days between \"March 3, 2023\" and \"March 24, 2023\"; the text says \"two weeks\""
        );
        let mut d = Draft::new(&en("The trial ran from March 3, 2023 to March 24, 2023, i.e. about three weeks."));
        d.date("March 3, 2023", (2023, 3, 3), None);
        d.date("March 24, 2023", (2023, 3, 24), None);
        d.duration("about three weeks", 3.0, Unit::Week, Some(Approx::About));
        assert!(d.check(&DurationMismatch).is_empty());
    }
}
