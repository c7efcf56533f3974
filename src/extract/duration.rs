//! Durations: "deux semaines", "48 heures", "un an et demi", "a fortnight", "quinze jours" (two
//! weeks, as French means it), "a decade", "environ trois mois". Also the amounts of time that
//! offsets and ages share: digits or a few number words, read by a small grammar of their own.

use super::date::{digits, end_of_word, fail, gap, gap0, DateLexicon, PResult};
use super::Approx;
use nom::branch::alt;
use nom::character::complete::char;
use nom::combinator::{consumed, not, opt, recognize};
use nom::sequence::preceded;
use nom::Parser;
use serde::Deserialize;
use serde_json::{json, Map, Value};

/// Units of durations and offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

impl Unit {
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Second => "second",
            Unit::Minute => "minute",
            Unit::Hour => "hour",
            Unit::Day => "day",
            Unit::Week => "week",
            Unit::Month => "month",
            Unit::Year => "year",
        }
    }

    /// Seconds in one unit, a month being 30 days and a year 365 (for ordering and tolerance,
    /// not calendar arithmetic: that is chrono's).
    pub fn seconds(self) -> f64 {
        match self {
            Unit::Second => 1.0,
            Unit::Minute => 60.0,
            Unit::Hour => 3600.0,
            Unit::Day => 86_400.0,
            Unit::Week => 604_800.0,
            Unit::Month => 2_592_000.0,
            Unit::Year => 31_536_000.0,
        }
    }

    /// The next smaller unit that this one is a whole number of, and how many.
    fn smaller(self) -> Option<(Unit, f64)> {
        match self {
            Unit::Second => None,
            Unit::Minute => Some((Unit::Second, 60.0)),
            Unit::Hour => Some((Unit::Minute, 60.0)),
            Unit::Day => Some((Unit::Hour, 24.0)),
            Unit::Week => Some((Unit::Day, 7.0)),
            Unit::Month => None,
            Unit::Year => Some((Unit::Month, 12.0)),
        }
    }
}

/// A length of time: "deux semaines" is `{amount: 2, unit: week}`.
#[derive(Clone, Debug, PartialEq)]
pub struct DurationClaim {
    pub amount: f64,
    pub unit: Unit,
    pub approx: Option<Approx>,
}

pub(crate) fn num(v: f64) -> Value {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        json!(v as i64)
    } else {
        json!(v)
    }
}

impl DurationClaim {
    pub fn json_fields(&self, out: &mut Map<String, Value>) {
        out.insert("value".into(), json!({"amount": num(self.amount), "unit": self.unit.as_str()}));
        if let Some(a) = self.approx {
            out.insert("approx".into(), json!(a.as_str()));
        }
    }
}

/// A duration as read, with the text it covers.
#[derive(Clone, Debug, PartialEq)]
pub struct DurationRead<'i> {
    pub text: &'i str,
    pub claim: DurationClaim,
}

/// How an amount was written: an article ("a week", "un an") is weaker evidence than a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AmountKind {
    Digits,
    Words,
    Article,
}

// DECIMAL := NUM(1,4) [("," | ".") NUM(1,3)]                        "48", "1,5", "15.5"
fn decimal(i: &str) -> PResult<'_, f64> {
    let (r, (whole, frac)) =
        (|i| digits(1, 4, i), opt(preceded(alt((char(','), char('.'))), consumed(|i| digits(1, 3, i))))).parse(i)?;
    // whole and fraction as integers: one division rounds as parsing the decimal text would
    let v = match frac {
        None => f64::from(whole),
        Some((text, f)) => {
            let scale = 10u32.pow(text.len() as u32);
            f64::from(whole * scale + f) / f64::from(scale)
        }
    };
    Ok((r, v))
}

// WORDS := TENS TENS_LINK AMOUNT_WORD | AMOUNT_WORD                 "vingt-quatre", "trente et un", "three"
fn amount_words<'i>(lx: &DateLexicon, i: &'i str) -> PResult<'i, f64> {
    let compound = (|i| lx.tens.parse(i), |i| lx.tens_links.parse(i), |i| lx.amounts.parse(i)).map(|(t, _, u)| t + u);
    let (r, v) =
        alt((nom::combinator::verify(compound, |v: &f64| v.fract() == 0.0), |i| lx.amounts.parse(i))).parse(i)?;
    Ok((r, v))
}

// AMOUNT := DECIMAL | WORDS | "1/2"
pub fn amount<'i>(lx: &DateLexicon, i: &'i str) -> PResult<'i, (f64, AmountKind)> {
    let half: PResult<'_, _> =
        (char('1'), char('/'), char('2'), not(nom::character::complete::satisfy(|c: char| c.is_ascii_digit())))
            .parse(i);
    if let Ok((r, _)) = half {
        return Ok((r, (0.5, AmountKind::Digits)));
    }
    if let Ok((r, v)) = decimal(i) {
        return Ok((r, (v, AmountKind::Digits)));
    }
    let (r, (text, v)) = consumed(|i| amount_words(lx, i)).parse(i)?;
    let article = lx.indefinite.parse(text).is_ok_and(|(rest, _)| rest.is_empty());
    let kind = if article { AmountKind::Article } else { AmountKind::Words };
    Ok((r, (v, kind)))
}

// UNIT := WORD(units) → (unit, how many units one word is)
fn unit<'i>(lx: &DateLexicon, i: &'i str) -> PResult<'i, (Unit, f64)> {
    lx.units.parse(i)
}

// APPROX := WORD(approx) GAP
pub fn approx<'i>(lx: &DateLexicon, i: &'i str) -> PResult<'i, Approx> {
    let (r, a) = lx.approx.parse(i)?;
    let (r, _) = gap0(r)?;
    Ok((r, a))
}

/// A bare duration and how its amount was written.
#[derive(Clone, Debug, PartialEq)]
pub struct Bare {
    pub amount: f64,
    pub unit: Unit,
    pub kind: AmountKind,
    /// "48h", "10-year": the unit glued to its number.
    pub glued: bool,
    /// The unit word is one an article does not make a length of ("une année difficile").
    pub weak: bool,
}

// SPAN := IDIOM
//       | HALF_BEFORE UNIT                                              "une demi-heure", "half an hour"
//       | APPROX_AMOUNT GAP LINK GAP UNIT                               "une dizaine de jours"
//       | AMOUNT (GAP | "-" | "") UNIT [GAP HALF_AFTER] [GAP ("et"|"and"|",") GAP AMOUNT GAP UNIT]
//       | AMOUNT GAP HALF_AFTER' GAP UNIT                               "5 and a half minutes"
pub fn bare<'i>(lx: &DateLexicon, i: &'i str) -> PResult<'i, Bare> {
    if let Ok((r, (a, u))) = lx.idioms.parse(i) {
        return Ok((r, Bare { amount: a, unit: u, kind: AmountKind::Words, glued: false, weak: false }));
    }
    if let Ok((r, (_, _, (u, times)))) = (|i| lx.half_before.parse(i), gap0, |i| unit(lx, i)).parse(i) {
        return Ok((r, Bare { amount: 0.5 * times, unit: u, kind: AmountKind::Words, glued: false, weak: false }));
    }
    if let Ok((r, (_, v, _, _, _, (u, times)))) = (
        opt((alt((tag_word("une"), tag_word("a"))), gap)),
        |i| lx.approx_amounts.parse(i),
        gap,
        |i| lx.approx_amount_links.parse(i),
        gap0,
        |i| unit(lx, i),
    )
        .parse(i)
    {
        return Ok((r, Bare { amount: v * times, unit: u, kind: AmountKind::Words, glued: false, weak: false }));
    }
    let (r, (v, kind)) = amount(lx, i)?;
    // "5 and a half minutes"
    if let Ok((r2, (_, _, _, (u, times)))) = (gap, |i| lx.half_after.parse(i), gap, |i| unit(lx, i)).parse(r) {
        return Ok((r2, Bare { amount: (v + 0.5) * times, unit: u, kind, glued: false, weak: false }));
    }
    let (r, sep) = alt((gap, recognize(char('-')), gap0)).parse(r)?;
    if sep.is_empty() && kind != AmountKind::Digits {
        return fail();
    }
    let weak = lx.article_weak_units.parse(r).is_ok();
    let (r, (u, times)) = unit(lx, r)?;
    let glued = !sep.chars().any(super::date::is_space);
    let mut out = Bare { amount: v * times, unit: u, kind, glued, weak };
    let (r, half) = opt(preceded(gap, |i| lx.half_after.parse(i))).parse(r)?;
    let mut r = r;
    if half.is_some() {
        out.amount += 0.5 * times;
    } else {
        // "un an et trois mois", "2 years 3 months", "1 h 30": in the smallest unit named
        while let Ok((r2, (factor, v, small))) = compound_tail(lx, out.unit, r) {
            out.amount = out.amount * factor + v;
            out.unit = small;
            r = r2;
        }
    }
    Ok((r, out))
}

/// How many `small` units one `big` unit is, when that is exact (a year is 12 months, not a
/// whole number of days).
fn factor(big: Unit, small: Unit) -> Option<f64> {
    let mut f = 1.0;
    let mut u = big;
    while u != small {
        let (next, k) = u.smaller()?;
        f *= k;
        u = next;
    }
    (big != small).then_some(f)
}

// TAIL := [GAP ("et" | "and") | ","] GAP AMOUNT (GAP UNIT | END, minutes after hours)
//         the unit smaller than the one before, by an exact factor
fn compound_tail<'i>(lx: &DateLexicon, first: Unit, i: &'i str) -> PResult<'i, (f64, f64, Unit)> {
    let link = opt(alt((preceded(gap, alt((tag_word("et"), tag_word("and")))), recognize(char(',')))));
    let (r, (_, _, (v, kind))) = (link, gap, |i| amount(lx, i)).parse(i)?;
    if kind == AmountKind::Article {
        return fail();
    }
    if let Ok((r2, (_, (u, times)))) = (gap0, |i| unit(lx, i)).parse(r) {
        let f = factor(first, u).filter(|_| times == 1.0);
        return match f {
            Some(f) => Ok((r2, (f, v, u))),
            None => fail(),
        };
    }
    // "1 h 30", "one hour thirty": minutes left unnamed, then nothing more
    let (r, _) = not((gap0, nom::character::complete::satisfy(|c: char| c.is_alphanumeric()))).parse(r)?;
    if first == Unit::Hour && v < 60.0 && v.fract() == 0.0 {
        return Ok((r, (60.0, v, Unit::Minute)));
    }
    fail()
}

/// A whole word, any case.
pub(crate) fn tag_word<'i>(w: &'static str) -> impl Parser<&'i str, Output = &'i str, Error = ()> {
    move |i: &'i str| {
        let n = w.len();
        match i.get(..n) {
            Some(head) if head.eq_ignore_ascii_case(w) => {
                let rest = i.get(n..).unwrap_or("");
                let (rest, _) = end_of_word(rest)?;
                Ok((rest, head))
            }
            _ => fail(),
        }
    }
}

// DURATION := [APPROX] SPAN END
pub fn duration<'i>(lx: &DateLexicon, i: &'i str) -> PResult<'i, (DurationRead<'i>, Bare)> {
    let (span, a) = opt(|i| approx(lx, i)).parse(i)?;
    // a number with no unit after it ("près de 800 députés", "depuis 2019") reads no span
    if !lx.unit_may_follow(span) {
        return fail();
    }
    let (r, b) = bare(lx, span)?;
    let text = i.get(..i.len() - r.len()).unwrap_or(i);
    let (r, _) = end_of_word(r)?;
    let claim = DurationClaim { amount: b.amount, unit: b.unit, approx: a };
    Ok((r, (DurationRead { text, claim }, b)))
}

/// Whether a duration read at `i` (with `before` the text before it) stands as a duration:
/// "un jour" ("someday"), "once a week", "$5 a day" and "trois mandats" do not.
pub fn plausible(lx: &DateLexicon, before: &str, b: &Bare) -> bool {
    if b.kind == AmountKind::Article {
        // "un jour" is "someday", "une année difficile" a year described; "a second" an ordinal
        if b.weak {
            return false;
        }
    }
    if b.kind != AmountKind::Digits && b.unit == Unit::Day && b.amount == 1.0 && !b.glued {
        // "one day" is "someday" too
        return false;
    }
    if b.kind == AmountKind::Article {
        let prev = last_word(before);
        let freq = ["once", "twice", "times", "per", "a", "an", "fois", "par", "chaque", "each", "every"];
        if freq.iter().any(|f| prev.eq_ignore_ascii_case(f))
            || prev.chars().next_back().is_some_and(|c| c.is_ascii_digit() || matches!(c, '%' | '$' | '€' | '£'))
        {
            return false;
        }
    }
    let _ = lx;
    b.amount.is_finite() && b.amount >= 0.0
}

/// The last word of `before` (letters, digits and the signs glued to them).
pub(crate) fn last_word(before: &str) -> &str {
    let t = before.trim_end_matches(super::date::is_space);
    let start = t.char_indices().rev().find(|(_, c)| c.is_whitespace()).map_or(0, |(k, c)| k + c.len_utf8());
    t.get(start..).unwrap_or("")
}

/// Whether `before` ends with one of `words` as a whole word.
pub(crate) fn ends_with_word<T: Copy>(words: &super::date::Words<T>, before: &str) -> bool {
    LastWords::new(before).end_with(words)
}

/// The last four word starts of a text before a start, last first: where [`ends_with_word`] looks
/// for its list. Found once, they serve every list a grammar asks about.
pub(crate) struct LastWords<'b> {
    /// The text, its trailing spaces trimmed.
    text: &'b str,
    starts: [usize; 4],
    n: usize,
}

impl<'b> LastWords<'b> {
    pub(crate) fn new(before: &'b str) -> LastWords<'b> {
        let t = before.trim_end_matches(super::date::is_space);
        // only the last few words matter: look at the last 64 bytes, never the whole run
        let mut from = t.len().saturating_sub(64);
        while !t.is_char_boundary(from) {
            from -= 1;
        }
        // a start at the tail's own start counts
        let mut last = LastWords { text: t, starts: [0; 4], n: 0 };
        super::date::word_starts_back(t, from, t.len(), false, |k| {
            if let Some(s) = last.starts.get_mut(last.n) {
                *s = k;
                last.n += 1;
            }
            last.n < last.starts.len()
        });
        last
    }

    /// Whether one of `words` is spelled from one of these starts to the end of the text.
    pub(crate) fn end_with<T: Copy>(&self, words: &super::date::Words<T>) -> bool {
        self.starts
            .get(..self.n)
            .unwrap_or_default()
            .iter()
            .any(|&k| self.text.get(k..).is_some_and(|w| matches!(words.parse(w), Ok((rest, _)) if rest.is_empty())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Lexicon;
    use crate::source::Lang;

    fn read(lang: Lang, input: &str) -> Option<(f64, Unit, Option<Approx>, &str)> {
        let lx = &Lexicon::get(lang).dates;
        duration(lx, input).ok().map(|(rest, (d, _))| (d.claim.amount, d.claim.unit, d.claim.approx, rest))
    }

    #[test]
    fn rules_out_a_number_only_where_no_span_can_read_it() {
        let numbers = ["1", "12", "1,5", "1/2", "15.5", "2022", "8", "15", "12345", "3/4"];
        let tails = [
            " jours",
            "jours",
            "h30",
            "h",
            " h",
            " heures",
            "-ans",
            " - ans",
            " et demi",
            " and a half minutes",
            " minutes",
            " personnes",
            " septembre",
            " millions",
            " semaines",
            "\u{a0}mois",
            "\u{202f}ans",
            "%",
            ",",
            "",
            "-year",
            " years",
            " décennies",
            " secondes",
        ];
        for lang in [Lang::Fr, Lang::En] {
            let lx = &Lexicon::get(lang).dates;
            for n in numbers {
                for t in tails {
                    let i = format!("{n}{t}");
                    assert!(lx.unit_may_follow(&i) || bare(lx, &i).is_err(), "{lang:?} {i:?}");
                    for approx in lx.approx.words() {
                        let i = format!("{approx} {i}");
                        assert!(lx.unit_may_follow(&i) || duration(lx, &i).is_err(), "{lang:?} {i:?}");
                    }
                }
            }
            // not a digit: the grammar decides
            assert!(lx.unit_may_follow("trois jours") && lx.unit_may_follow("personnes"));
        }
        let fr = &Lexicon::get(Lang::Fr).dates;
        for (i, may) in [
            ("18 septembre", false),
            ("20 millions", false),
            ("800 députés", false),
            ("2019.", false),
            ("3 mois", true),
            ("2,5 heures", true),
            ("48h", true),
            ("15 personnes", true),
        ] {
            assert_eq!(fr.unit_may_follow(i), may, "{i:?}");
        }
        assert_eq!(read(Lang::Fr, "près de 800 députés"), None);
        assert_eq!(read(Lang::Fr, "près de 800 jours").map(|r| r.0), Some(800.0));
    }

    #[test]
    fn reads_french_durations() {
        for (input, amount, unit, approx) in [
            ("deux semaines", 2.0, Unit::Week, None),
            ("48 heures", 48.0, Unit::Hour, None),
            ("48h", 48.0, Unit::Hour, None),
            ("un an et demi", 1.5, Unit::Year, None),
            ("quinze jours", 2.0, Unit::Week, None),
            ("huit jours", 1.0, Unit::Week, None),
            ("une décennie", 10.0, Unit::Year, None),
            ("vingt-quatre heures", 24.0, Unit::Hour, None),
            ("trente et un jours", 31.0, Unit::Day, None),
            ("environ trois mois", 3.0, Unit::Month, Some(Approx::About)),
            ("plus de dix ans", 10.0, Unit::Year, Some(Approx::MoreThan)),
            ("une demi-heure", 0.5, Unit::Hour, None),
            ("1,5 an", 1.5, Unit::Year, None),
            ("un an et trois mois", 15.0, Unit::Month, None),
            ("une dizaine de jours", 10.0, Unit::Day, None),
        ] {
            assert_eq!(read(Lang::Fr, input).map(|r| (r.0, r.1, r.2)), Some((amount, unit, approx)), "{input:?}");
        }
        for no in ["trois mandats", "2 sur 3", "deux", "quelques jours", "12 ansible", "troisjours"] {
            assert_eq!(read(Lang::Fr, no), None, "{no}");
        }
    }

    #[test]
    fn reads_english_durations() {
        for (input, amount, unit) in [
            ("two weeks", 2.0, Unit::Week),
            ("a fortnight", 2.0, Unit::Week),
            ("a decade", 10.0, Unit::Year),
            ("an hour and a half", 1.5, Unit::Hour),
            ("half an hour", 0.5, Unit::Hour),
            ("10-year", 10.0, Unit::Year),
            ("twenty-four hours", 24.0, Unit::Hour),
            ("one hour and 45 minutes", 105.0, Unit::Minute),
            ("2 years 3 months", 27.0, Unit::Month),
            ("1 hour thirty", 90.0, Unit::Minute),
            ("half a day", 0.5, Unit::Day),
            ("5 and a half minutes", 5.5, Unit::Minute),
        ] {
            assert_eq!(read(Lang::En, input).map(|r| (r.0, r.1)), Some((amount, unit)), "{input:?}");
        }
        for no in ["three terms", "a few days", "several weeks", "2 of 3", "half"] {
            assert_eq!(read(Lang::En, no), None, "{no}");
        }
    }

    #[test]
    fn finds_a_cue_among_the_last_four_words() {
        let fr = &Lexicon::get(Lang::Fr).dates;
        for (before, yes) in [
            ("il est arrivé à ", true),
            ("il y a ", true),
            ("jusqu’à", true),
            ("tous les jours à  ", true),
            ("à la fin de la", false),
            ("pendant les trois grandes ", false),
            ("pendant", true),
            ("", false),
            ("cinq six sept huit neuf à", true),
        ] {
            let got = ends_with_word(&fr.time_cues, before) || ends_with_word(&fr.duration_cues, before);
            assert_eq!(got, yes, "{before:?}");
        }
        // only a whole last phrase counts ("il y a" ends "... il y a", not "... il y avait")
        assert!(ends_with_word(&fr.ago_prefixes, "Il y a") && !ends_with_word(&fr.ago_prefixes, "il y avait"));
        // a cue five words back is out of reach
        assert!(!ends_with_word(&fr.duration_cues, "pendant un deux trois quatre"));
    }

    #[test]
    fn finds_the_last_four_word_starts_once() {
        let fr = &Lexicon::get(Lang::Fr).dates;
        for before in ["", "  ", "un deux trois quatre cinq ", "à", "il y a", "Il y a  ", "«il y a»", "le 1er, à "]
        {
            let last = LastWords::new(before);
            for list in [&fr.time_cues, &fr.duration_cues, &fr.ago_prefixes, &fr.restate] {
                // the walk ends_with_word made before: a parse at each of the last four starts
                let t = before.trim_end_matches(super::super::date::is_space);
                let mut found = false;
                let mut seen = 0;
                super::super::date::word_starts_back(t, 0, t.len(), false, |k| {
                    found = t.get(k..).is_some_and(|w| matches!(list.parse(w), Ok((rest, _)) if rest.is_empty()));
                    seen += 1;
                    !found && seen < 4
                });
                assert_eq!(last.end_with(list), found, "{before:?}");
            }
        }
        let last = LastWords::new("un deux trois quatre cinq à ");
        assert_eq!(last.n, 4);
        assert!(last.end_with(&fr.time_cues) && !last.end_with(&fr.duration_cues));
    }

    #[test]
    fn leaves_idioms_and_frequencies() {
        let lx = &Lexicon::get(Lang::En).dates;
        let (_, (_, b)) = duration(lx, "a week").unwrap();
        assert!(!plausible(lx, "twice ", &b));
        assert!(!plausible(lx, "$5 ", &b));
        assert!(plausible(lx, "for ", &b));
        let fr = &Lexicon::get(Lang::Fr).dates;
        for weak in ["un jour", "une année difficile", "une journée de grève"] {
            let (_, (_, b)) = duration(fr, weak).unwrap();
            assert!(!plausible(fr, "", &b), "{weak}");
        }
        let (_, (_, b)) = duration(fr, "un an").unwrap();
        assert!(plausible(fr, "pendant ", &b));
    }
}
