//! `duration-mismatch`: a stated amount of time between two dates of the text that the dates
//! contradict. Reads offset claims ("deux semaines après le 12 février") with the date they
//! count from and the one other date of their sentence, and durations set beside an interval
//! ("du 3 au 17 mars, soit deux semaines").

use crate::diagnostic::Diagnostic;
use crate::extract::date::{Direction, DurationClaim, OffsetClaim, Unit};
use crate::extract::{Anchor, Approx, Claim, ClaimKind};
use crate::rules::calendar::{allowed_days, anchor, date_of, days, days_words, target, widen, From};
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
    /// - "Two weeks later, on 2 April" when the date counted from is two sentences back, or an
    ///   event anchor whose date stands more than three words after it.
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
    // last gave with no date of their own ("quinze ans plus tard") guessed the wrong pair on
    // real news copy.
    let subject = o.subject.or_else(|| subject_near(cx, offset, o))?;
    let from = match &o.anchor {
        Anchor::Date(_) => anchor(cx, o)?,
        // "après l'annonce du 12 mai", "after it was announced on April 10".
        Anchor::Event(event) => date_in_event(cx, *event).or_else(|| date_after_event(cx, offset, *event))?,
        Anchor::PubDate | Anchor::Unknown => return None,
    };
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

/// Whether `text` is only lowercase words, `min..=max` of them.
fn lowercase_words(text: &str, min: usize, max: usize) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (min..=max).contains(&words.len())
        && words.iter().all(|w| w.chars().all(|c| c.is_lowercase() || matches!(c, '\'' | '’' | '-')))
}

/// Verbs that restate the event of the date just before them ("The deal, reached on June 27,
/// came two days after …"); any other verb may be another event ("took effect a month after").
const OCCURRED: &[&str] = &[
    "came",
    "arrived",
    "happened",
    "occurred",
    "took place",
    "est intervenu",
    "est intervenue",
    "sont intervenus",
    "est survenu",
    "est survenue",
    "a eu lieu",
    "ont eu lieu",
    "est arrivé",
    "est arrivée",
    "intervient",
    "arrive",
];

/// Whether words right before an amount qualify it ("plus d'", "more than", "only"): they belong
/// to the offset, not to a clause of their own.
fn qualifier(cx: &Context<'_>, words: &str) -> bool {
    let w = words.trim().to_lowercase();
    let lex = &crate::extract::Lexicon::get(cx.doc.lang).numbers;
    w.ends_with(['\'', '’'])
        || ["de", "of", "than", "only", "just", "barely", "exactly", "seulement", "à peine", "tout juste", "pile"]
            .iter()
            .copied()
            .chain(lex.approx_before.iter().map(|(a, _)| a.as_str()))
            .any(|a| w.strip_suffix(a).is_some_and(|head| head.is_empty() || head.ends_with(' ')))
}

/// The date an offset restates when the extractor saw no "soit"/comma link: the date of its
/// clause, one or two words before it ("The deal, reached on June 27, came two days after …"),
/// or the date set right after it ("deux semaines plus tard, le 3 mars"), when the offset counts
/// from the date the previous sentence or its own gave.
fn subject_near(cx: &Context<'_>, offset: &Claim, o: &OffsetClaim) -> Option<Span> {
    let claims: Vec<&Claim> = cx.sentence_claims(offset).map(|(_, c)| c).collect();
    let at = claims.iter().position(|c| c.span == offset.span)?;
    if let Some(prev) = at.checked_sub(1).and_then(|i| claims.get(i)) {
        let between = cx.between(prev, offset);
        let clause = between.trim_start().strip_prefix(',').is_some_and(|w| {
            let w = crate::rules::cues::fold(w).split_whitespace().collect::<Vec<_>>().join(" ");
            // The list first: it is the cheap test, and its verbs are all lowercase words.
            OCCURRED.contains(&w.as_str()) && lowercase_words(&w, 1, 3) && !qualifier(cx, &w)
        });
        if date_of(prev).is_some() && clause {
            return Some(prev.span);
        }
    }
    let next = claims.get(at + 1)?;
    let between = cx.between(offset, next).trim_start();
    let set = between
        .strip_prefix(',')
        .is_some_and(|w| lowercase_words(w, 0, 1) && w.split_whitespace().all(|w| w.chars().count() <= 3));
    let Anchor::Date(from) = o.anchor else { return None };
    if !(set && date_of(next).is_some() && from.end <= offset.span.start) {
        return None;
    }
    // The date counted from stands in this sentence or the one before.
    let anchor_claim = cx.claims.items.iter().find(|c| c.span == from)?;
    let (_, anchor_end) = cx.sentence(anchor_claim);
    let (start, _) = cx.sentence(offset);
    let adjacent = anchor_claim.run == offset.run
        && (anchor_end >= start || cx.run_text(offset).get(anchor_end..start).is_some_and(|t| t.trim().is_empty()));
    adjacent.then_some(next.span)
}

/// The last date that starts inside an event anchor ("the dinner of June 17, 2024": the phrase
/// ends at the comma, the date after the year).
fn date_in_event<'a>(cx: &Context<'a>, event: Span) -> Option<From<'a>> {
    cx.claims_within(event).filter_map(|c| date_of(c).map(|d| From::Date(c, d))).last()
}

/// The date that dates an event anchor when the phrase itself holds none: the first date after
/// it in the sentence, at most three words and one comma away ("après la seconde, menée le
/// 29 octobre", "after it was announced on April 10").
fn date_after_event<'a>(cx: &Context<'a>, offset: &'a Claim, event: Span) -> Option<From<'a>> {
    let next = cx.sentence_claims(offset).map(|(_, c)| c).find(|c| c.span.end > event.end)?;
    if next.span.start < event.end {
        return None;
    }
    let d = date_of(next)?;
    let between = cx.text(Span { start: event.end, end: next.span.start });
    let words = between.split_whitespace().count();
    let commas = between.matches(',').count();
    let other = between.chars().any(|c| !(c.is_alphabetic() || c.is_whitespace() || matches!(c, ',' | '\'' | '’')));
    // The date closes the clause: "… the meeting he had called for 20 May was cancelled" dates
    // something else.
    let after = cx.after(next).trim_start();
    let closes = after.is_empty() || after.starts_with(['.', ',', ';', ':', ')', '!', '?']);
    (words <= 3 && commas <= 1 && !other && closes).then_some(From::Date(next, d))
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
                    // The earlier date first: "37 days between "March 3" and "April 9"".
                    let to_text = format!("\"{}\"", cx.text(r.to.span));
                    let (a, b) = if r.gap.1 < 0 { (&to_text, &r.from_text) } else { (&r.from_text, &to_text) };
                    let text =
                        format!("{} between {a} and {b}; the text says \"{}\"", describe(r.gap), cx.text(claim.span));
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
