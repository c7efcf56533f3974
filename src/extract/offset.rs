//! Offsets between events: "deux semaines avant le début des combats", "three days later", "le
//! lendemain", "la veille du scrutin", "the day before", "il y a trois ans", "two weeks ago",
//! "dans deux jours", "depuis trois ans", "hier", "yesterday", "demain". Each is linked to what it is
//! measured from: a date of the text, an event phrase, or the publication date.

use super::date::{end_of_word, gap, gap0, DateLexicon, DayAnchor, Head, PResult};
use super::duration::{duration, num, plausible, Bare, DurationClaim, DurationRead, Unit};
use super::Approx;
use crate::span::Span;
use chrono::NaiveDate;
use nom::combinator::consumed;
use nom::Parser;
use serde_json::{json, Map, Value};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Before,
    After,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Before => "before",
            Direction::After => "after",
        }
    }
}

/// What an offset is measured from.
#[derive(Clone, Debug, PartialEq)]
pub enum Anchor {
    /// A date claim of the text (its span): "deux semaines avant le 26 février", or the date the
    /// context last gave for "trois jours plus tard".
    Date(Span),
    /// An event phrase of the text: "avant le début des combats" → "le début des combats".
    Event(Span),
    /// The publication date: "hier", "il y a trois ans", "two weeks ago".
    PubDate,
    /// Nothing found to measure from.
    Unknown,
}

impl Anchor {
    pub fn span(&self) -> Option<Span> {
        match self {
            Anchor::Date(s) | Anchor::Event(s) => Some(*s),
            Anchor::PubDate | Anchor::Unknown => None,
        }
    }
}

/// "deux semaines avant X": `{amount: 2, unit: week, direction: before, anchor: X}`.
#[derive(Clone, Debug, PartialEq)]
pub struct OffsetClaim {
    pub amount: f64,
    pub unit: Unit,
    pub direction: Direction,
    pub anchor: Anchor,
    pub approx: Option<Approx>,
    /// "depuis trois ans", "for the past three years": the state began then and still holds.
    pub since: bool,
    /// The day the offset lands on, when its anchor is a known day (the publication date or a
    /// day-grain date claim) and the amount is whole.
    pub date: Option<NaiveDate>,
    /// The date of the text that the offset restates: "le 12 février 2022, soit deux semaines
    /// avant…" (the date written just before the offset, joined by a comma or "soit"/"i.e.").
    pub subject: Option<Span>,
}

impl OffsetClaim {
    pub fn json_fields(&self, out: &mut Map<String, Value>) {
        out.insert(
            "value".into(),
            json!({"amount": num(self.amount), "unit": self.unit.as_str(), "direction": self.direction.as_str()}),
        );
        match &self.anchor {
            Anchor::Date(s) | Anchor::Event(s) => {
                out.insert("anchor".into(), json!({"start": s.start, "end": s.end}));
            }
            Anchor::PubDate => {
                out.insert("anchor".into(), json!("pub_date"));
            }
            Anchor::Unknown => {}
        }
        if let Some(a) = self.approx {
            out.insert("approx".into(), json!(a.as_str()));
        }
        if self.since {
            out.insert("since".into(), json!(true));
        }
        if let Some(d) = self.date {
            out.insert("date".into(), json!(d.to_string()));
        }
        if let Some(s) = self.subject {
            out.insert("subject".into(), json!({"start": s.start, "end": s.end}));
        }
    }
}

/// Where the scanner is to look for an offset's anchor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnchorPlan<'i> {
    PubDate,
    /// The last date of the context.
    Context,
    /// A phrase starting at this text (a date or an event), else the context.
    Phrase(&'i str),
}

/// An offset as read, before its anchor is found.
#[derive(Clone, Debug, PartialEq)]
pub struct OffsetRead<'i> {
    pub text: &'i str,
    pub duration: DurationClaim,
    pub direction: Direction,
    pub anchor: AnchorPlan<'i>,
    pub since: bool,
    /// "le lendemain", "hier": a day named from another, not an amount of time.
    pub relative_day: bool,
}

// PHRASE_START := GAP, then a word that is not an event stop ("avant que", "and")
fn phrase_after<'i>(lx: &DateLexicon, i: &'i str) -> Option<&'i str> {
    let (r, _) = gap(i).ok()?;
    let c = r.chars().next()?;
    if !(c.is_alphanumeric() || c == '«' || c == '"' || c == '“') {
        return None;
    }
    if lx.event_stops.parse(r).is_ok() {
        return None;
    }
    Some(r)
}

// OFFSET := AGO_PREFIX GAP DURATION | SINCE GAP DURATION | HENCE_PREFIX GAP DURATION
//         | DURATION GAP (AGO_SUFFIX | HENCE_SUFFIX) | DURATION GAP DIRECTION [GAP PHRASE]
//         | RELATIVE_DAY [GAP [LINK GAP] PHRASE]
pub fn offset<'i>(lx: &DateLexicon, before: &str, i: &'i str) -> PResult<'i, OffsetRead<'i>> {
    offset_with(lx, before, i, lx.head(i), &duration(lx, i))
}

/// [`offset`], given the start's [`Head`] and what `duration(lx, i)` reads (the scanner reads
/// both once for every grammar): the forms that open on a word are tried only where one may.
pub fn offset_with<'i>(
    lx: &DateLexicon,
    before: &str,
    i: &'i str,
    head: Head,
    read: &PResult<'i, (DurationRead<'i>, Bare)>,
) -> PResult<'i, OffsetRead<'i>> {
    use super::date::opens::{AGO_PREFIXES, HENCE_PREFIXES, RELATIVE_DAYS, SINCE};
    if head.may(RELATIVE_DAYS | AGO_PREFIXES | SINCE | HENCE_PREFIXES) {
        if let Some(found) = word_led(lx, i) {
            return Ok(found);
        }
    }
    duration_led(lx, before, i, read)
}

// WORD_LED := RELATIVE_DAY … | AGO_PREFIX GAP DURATION | SINCE GAP DURATION | HENCE_PREFIX GAP DURATION
fn word_led<'i>(lx: &DateLexicon, i: &'i str) -> Option<(&'i str, OffsetRead<'i>)> {
    if let Ok(found) = relative_day(lx, i) {
        return Some(found);
    }
    let prefixed = |words: &super::date::Words<()>, dir: Direction, plan: AnchorPlan<'i>, since: bool| {
        let (r, (text, (_, _, (d, b)))) = consumed((|i| words.parse(i), gap, |i| duration(lx, i))).parse(i).ok()?;
        let before_amount = text.get(..text.len() - d.text.len()).unwrap_or("");
        plausible(lx, before_amount, &b).then_some((
            r,
            OffsetRead { text, duration: d.claim, direction: dir, anchor: plan, since, relative_day: false },
        ))
    };
    prefixed(&lx.ago_prefixes, Direction::Before, AnchorPlan::PubDate, false)
        .or_else(|| prefixed(&lx.since, Direction::Before, AnchorPlan::PubDate, true))
        .or_else(|| prefixed(&lx.hence_prefixes, Direction::After, AnchorPlan::PubDate, false))
}

// DURATION_LED := DURATION GAP (AGO_SUFFIX | HENCE_SUFFIX) | DURATION GAP DIRECTION [GAP PHRASE]
fn duration_led<'i>(
    lx: &DateLexicon,
    before: &str,
    i: &'i str,
    read: &PResult<'i, (DurationRead<'i>, Bare)>,
) -> PResult<'i, OffsetRead<'i>> {
    let Ok((r, (d, b))) = read else { return super::date::fail() };
    let r = *r;
    if !plausible(lx, before, b) {
        return super::date::fail();
    }
    let (r2, _) = gap(r)?;
    let take = |r: &'i str, dir: Direction, plan: AnchorPlan<'i>| {
        let text = i.get(..super::date::offset_in(i, r)).unwrap_or(d.text);
        Ok((
            r,
            OffsetRead {
                text,
                duration: d.claim.clone(),
                direction: dir,
                anchor: plan,
                since: false,
                relative_day: false,
            },
        ))
    };
    if let Ok((r3, _)) = lx.ago_suffixes.parse(r2) {
        return take(r3, Direction::Before, AnchorPlan::PubDate);
    }
    if let Ok((r3, _)) = lx.hence_suffixes.parse(r2) {
        return take(r3, Direction::After, AnchorPlan::PubDate);
    }
    let (r3, (dir, takes_phrase)) = lx.directions.parse(r2)?;
    let plan = match (takes_phrase, phrase_after(lx, r3)) {
        (true, Some(p)) => AnchorPlan::Phrase(p),
        _ => AnchorPlan::Context,
    };
    take(r3, dir, plan)
}

// RELATIVE_DAY := WORD(relative_days) END [GAP LINK GAP0 PHRASE | GAP PHRASE]
fn relative_day<'i>(lx: &DateLexicon, i: &'i str) -> PResult<'i, OffsetRead<'i>> {
    let (r, (text, (days, anchor))) = consumed(|i| lx.relative_days.parse(i)).parse(i)?;
    let (r, _) = end_of_word(r)?;
    let plan = match anchor {
        DayAnchor::PubDate => AnchorPlan::PubDate,
        DayAnchor::Context => {
            let linked = (gap, |i| lx.anchor_links.parse(i), gap0).parse(r);
            match linked {
                Ok((p, _)) if p.chars().next().is_some_and(char::is_alphanumeric) => AnchorPlan::Phrase(p),
                _ => AnchorPlan::Context,
            }
        }
        DayAnchor::Phrase => match phrase_after(lx, r) {
            Some(p) => AnchorPlan::Phrase(p),
            None => AnchorPlan::Context,
        },
    };
    let direction = if days < 0 { Direction::Before } else { Direction::After };
    let duration = DurationClaim { amount: days.unsigned_abs() as f64, unit: Unit::Day, approx: None };
    Ok((r, OffsetRead { text, duration, direction, anchor: plan, since: false, relative_day: true }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Lexicon;
    use crate::source::Lang;

    fn read<'i>(lang: Lang, input: &'i str) -> Option<(f64, Unit, Direction, AnchorPlan<'i>, &'i str)> {
        let lx = &Lexicon::get(lang).dates;
        offset(lx, "", input).ok().map(|(_, o)| (o.duration.amount, o.duration.unit, o.direction, o.anchor, o.text))
    }

    #[test]
    fn reads_french_offsets() {
        use AnchorPlan::*;
        use Direction::*;
        for (input, want) in [
            (
                "deux semaines avant le début des combats",
                (2.0, Unit::Week, Before, Phrase("le début des combats"), "deux semaines avant"),
            ),
            ("trois jours plus tard, il", (3.0, Unit::Day, After, Context, "trois jours plus tard")),
            ("il y a trois ans", (3.0, Unit::Year, Before, PubDate, "il y a trois ans")),
            ("dans deux semaines", (2.0, Unit::Week, After, PubDate, "dans deux semaines")),
            ("le lendemain", (1.0, Unit::Day, After, Context, "le lendemain")),
            ("la veille du scrutin", (1.0, Unit::Day, Before, Phrase("scrutin"), "la veille")),
            ("hier", (1.0, Unit::Day, Before, PubDate, "hier")),
            ("demain", (1.0, Unit::Day, After, PubDate, "demain")),
            ("depuis trois ans", (3.0, Unit::Year, Before, PubDate, "depuis trois ans")),
        ] {
            assert_eq!(read(Lang::Fr, input), Some(want), "{input:?}");
        }
        for no in ["deux semaines", "trois mandats avant", "avant-hierx", "il y a deux"] {
            assert_eq!(read(Lang::Fr, no), None, "{no}");
        }
    }

    #[test]
    fn reads_english_offsets() {
        use AnchorPlan::*;
        use Direction::*;
        for (input, want) in [
            ("three days later", (3.0, Unit::Day, After, Context, "three days later")),
            ("two weeks ago", (2.0, Unit::Week, Before, PubDate, "two weeks ago")),
            ("the day before the vote", (1.0, Unit::Day, Before, Phrase("the vote"), "the day before")),
            ("the day before, he", (1.0, Unit::Day, Before, Context, "the day before")),
            ("yesterday", (1.0, Unit::Day, Before, PubDate, "yesterday")),
            ("a week before the election", (1.0, Unit::Week, Before, Phrase("the election"), "a week before")),
        ] {
            assert_eq!(read(Lang::En, input), Some(want), "{input:?}");
        }
        for no in ["two weeks", "three terms later", "ago"] {
            assert_eq!(read(Lang::En, no), None, "{no}");
        }
    }
}
