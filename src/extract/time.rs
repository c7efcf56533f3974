//! Times of day: "14h30", "14 h 30", "à 14 heures", "2:30 p.m.", "midi", "noon", with an optional
//! time zone ("heure de Paris", "ET", "UTC"). "48 heures" and "pendant 12 h" are durations.

use super::date::{digits, end_of_word, fail, gap, gap0, DateLexicon, PResult};
use super::duration::{ends_with_word, LastWords};
use nom::branch::alt;
use nom::character::complete::char;
use nom::combinator::{consumed, opt};
use nom::sequence::preceded;
use nom::Parser;
use serde_json::{json, Map, Value};

/// A time of day on the 24-hour clock.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeClaim {
    pub hour: u32,
    pub minute: u32,
    /// The time zone as written ("heure de Paris", "ET").
    pub zone: Option<String>,
}

impl TimeClaim {
    pub fn json_fields(&self, out: &mut Map<String, Value>) {
        out.insert("value".into(), json!(format!("{:02}:{:02}", self.hour, self.minute)));
        if let Some(z) = &self.zone {
            out.insert("zone".into(), json!(z));
        }
    }
}

/// A time as read, with the text it covers (zone included).
#[derive(Clone, Debug, PartialEq)]
pub struct TimeRead<'i> {
    pub text: &'i str,
    pub claim: TimeClaim,
}

// MINUTES := NUM(2) in 0..=59
fn minutes(i: &str) -> PResult<'_, u32> {
    nom::combinator::verify(|i| digits(2, 2, i), |m: &u32| *m <= 59).parse(i)
}

// H_CLOCK := NUM(1,2) GAP0 HOUR_MARK [GAP0 MINUTES [GAP0 "min"]] END        "14h30", "14 h 30", "14 heures"
fn hour_mark<'i>(lx: &DateLexicon, before: &str, i: &'i str) -> PResult<'i, (u32, u32)> {
    let (r, h) = digits(1, 2, i)?;
    let (r, sp) = gap0(r)?;
    let (r, _) = alt((|i| lx.hour_marks.parse(i), |i| lx.hour_marks.parse_before_digit(i))).parse(r)?;
    let mark_glued = sp.is_empty();
    let (r, m) = opt(preceded(gap0, minutes)).parse(r)?;
    let (r, _) = end_of_word(r)?;
    let (r, _) = opt(preceded(gap0, |i| lx.units.parse(i).map(|(r, _)| (r, ())))).parse(r)?;
    if h > 24 {
        return fail();
    }
    // "2 heures du matin", "8 heures du soir"
    if let Ok((r2, pm)) = preceded(gap, |i| lx.day_parts.parse(i)).parse(r) {
        if (1..=12).contains(&h) {
            let hour = if pm && h < 12 { h + 12 } else { h % 12 + if pm { 12 } else { 0 } };
            return Ok((r2, (hour % 24, m.unwrap_or(0))));
        }
    }
    // the words before are found once, and each list looked up only when the answer needs it
    let last = LastWords::new(before);
    let cued = || last.end_with(&lx.time_cues);
    let duration_cued = || last.end_with(&lx.duration_cues) || last.end_with(&lx.approx);
    let ok = match m {
        Some(_) => !duration_cued() || cued(),
        None => cued() || (mark_glued && !duration_cued()) || zone(lx, r).is_ok(),
    };
    if !ok {
        return fail();
    }
    Ok((r, (h % 24, m.unwrap_or(0))))
}

// COLON := NUM(1,2) ":" MINUTES [":" NUM(2)] END [GAP0 (AM | PM)]           "14:30", "2:30 p.m."
// AMPM  := NUM(1,2) GAP0 (AM | PM)                                          "2 pm"
// OCLOCK := NUM(1,2) GAP OCLOCK                                            "5 o'clock"
fn clock<'i>(lx: &DateLexicon, before: &str, i: &'i str) -> PResult<'i, (u32, u32)> {
    let (r, h) = digits(1, 2, i)?;
    let (r, m) = opt(preceded(char(':'), minutes)).parse(r)?;
    let (r, _) = opt(preceded(char(':'), minutes)).parse(r)?;
    let (r, ampm) = opt(preceded(
        gap0,
        alt((|i| lx.am.parse(i).map(|(r, _)| (r, false)), |i| lx.pm.parse(i).map(|(r, _)| (r, true)))),
    ))
    .parse(r)?;
    if let Some(pm) = ampm {
        if !(1..=12).contains(&h) {
            return fail();
        }
        let hour = match (h, pm) {
            (12, false) => 0,
            (12, true) => 12,
            (h, true) => h + 12,
            (h, false) => h,
        };
        return Ok((r, (hour, m.unwrap_or(0))));
    }
    if let Ok((r2, _)) = preceded(gap, |i| lx.oclock.parse(i)).parse(r) {
        if m.is_none() && h <= 12 {
            return Ok((r2, (h, 0)));
        }
    }
    let m = match m {
        Some(m) => m,
        None => return fail(),
    };
    let (r, _) = end_of_word(r)?;
    if h > 23 {
        return fail();
    }
    // "2:30" alone may be a score or a ratio: a cue, a zone or a 24-hour reading makes it a time
    let cued = h >= 13 || ends_with_word(&lx.time_cues, before) || zone(lx, r).is_ok();
    if !cued {
        return fail();
    }
    Ok((r, (h, m)))
}

// NAMED := ["12" GAP] TIME_WORD                                             "midi", "noon", "12 noon"
fn named<'i>(lx: &DateLexicon, i: &'i str) -> PResult<'i, (u32, u32)> {
    let (r, _) = opt((char('1'), char('2'), gap)).parse(i)?;
    let (r, h) = lx.time_words.parse(r)?;
    Ok((r, (h, 0)))
}

// ZONE := GAP0 ["("] WORD(zones) [")"]; an all-capital zone only in capitals
pub fn zone<'i>(lx: &DateLexicon, i: &'i str) -> PResult<'i, &'i str> {
    let (r, _) = gap0(i)?;
    let (r, open) = opt(char('(')).parse(r)?;
    let (r, _) = gap0(r)?;
    // a zone opens on one of a few letters: most texts are ruled out from their first byte
    if r.as_bytes().first().is_some_and(|&b| b.is_ascii() && lx.zone_starts & (1u128 << b.to_ascii_lowercase()) == 0) {
        return fail();
    }
    for (z, (caps, lower)) in lx.zones.iter().zip(&lx.zone_folds) {
        let Some(head) = r.get(..z.len()) else { continue };
        let same = if *caps { head == z } else { same_lowercase(head, lower) };
        if !same {
            continue;
        }
        let rest = r.get(z.len()..).unwrap_or("");
        let Ok((rest, _)) = end_of_word(rest) else { continue };
        let rest = if open.is_some() {
            match char::<&str, ()>(')').parse(rest) {
                Ok((rest, _)) => rest,
                Err(_) => continue,
            }
        } else {
            rest
        };
        return Ok((rest, head));
    }
    fail()
}

/// Whether `text.to_lowercase() == lower`, without allocating (a capital sigma, which lowercases
/// by its place in the word, takes the allocating way).
fn same_lowercase(text: &str, lower: &str) -> bool {
    if text.contains('Σ') {
        return text.to_lowercase() == lower;
    }
    text.chars().flat_map(char::to_lowercase).eq(lower.chars())
}

// TIME := (H_CLOCK | COLON | AMPM | OCLOCK | NAMED) [ZONE]
pub fn time<'i>(lx: &DateLexicon, before: &str, i: &'i str) -> PResult<'i, TimeRead<'i>> {
    let (r, (text, ((hour, minute), z))) = consumed((
        alt((|i| hour_mark(lx, before, i), |i| clock(lx, before, i), |i| named(lx, i))),
        opt(|i| zone(lx, i)),
    ))
    .parse(i)?;
    Ok((r, TimeRead { text, claim: TimeClaim { hour, minute, zone: z.map(str::to_string) } }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Lexicon;
    use crate::source::Lang;

    fn read(lang: Lang, before: &str, input: &str) -> Option<(u32, u32, Option<String>)> {
        let lx = &Lexicon::get(lang).dates;
        time(lx, before, input).ok().map(|(_, t)| (t.claim.hour, t.claim.minute, t.claim.zone))
    }

    #[test]
    fn compares_lowercase_without_allocating() {
        for (text, lower) in [
            ("HEURE de PARIS", "heure de paris"),
            ("Heure de Montréal", "heure de montréal"),
            ("HEURE DE MONTRÉAL", "heure de montréal"),
            ("ΟΔΟΣ", "οδος"),
            ("ΟΔΟΣ", "οδοσ"),
            ("utc", "utc"),
        ] {
            assert_eq!(same_lowercase(text, lower), text.to_lowercase() == lower, "{text:?}");
        }
        assert!(same_lowercase("Heure locale", "heure locale"));
        assert!(!same_lowercase("Heure local", "heure locale") && !same_lowercase("heure", "heures"));
    }

    #[test]
    fn reads_french_times() {
        for (before, input, want) in [
            ("", "14h30", (14, 30, None)),
            ("", "14 h 30", (14, 30, None)),
            ("", "9h05", (9, 5, None)),
            ("le sommet commence ", "14h", (14, 0, None)),
            ("à ", "14 heures", (14, 0, None)),
            ("", "midi", (12, 0, None)),
            ("", "minuit", (0, 0, None)),
            ("", "20 h (heure de Paris)", (20, 0, Some("heure de Paris".to_string()))),
            ("vers ", "18:45 UTC", (18, 45, Some("UTC".to_string()))),
            ("", "2 heures du matin", (2, 0, None)),
            ("", "8 heures du soir", (20, 0, None)),
        ] {
            assert_eq!(read(Lang::Fr, before, input), Some(want), "{input:?}");
        }
        for (before, no) in [("", "48 heures"), ("pendant ", "12h"), ("", "14 heures"), ("", "25h"), ("", "2 sur 3")] {
            assert_eq!(read(Lang::Fr, before, no), None, "{no}");
        }
    }

    #[test]
    fn reads_english_times() {
        for (before, input, want) in [
            ("", "2:30 p.m.", (14, 30, None)),
            ("", "2 pm", (14, 0, None)),
            ("", "12 a.m.", (0, 0, None)),
            ("", "noon", (12, 0, None)),
            ("", "midnight", (0, 0, None)),
            ("at ", "9:30 ET", (9, 30, Some("ET".to_string()))),
            ("", "14:30", (14, 30, None)),
            ("", "5 o'clock", (5, 0, None)),
        ] {
            assert_eq!(read(Lang::En, before, input), Some(want), "{input:?}");
        }
        for (before, no) in [("won ", "2:1"), ("", "3:30"), ("", "13 pm"), ("", "24/7"), ("", "9:30 et")] {
            assert_eq!(read(Lang::En, before, no).filter(|t| t.2.is_some() || no != "9:30 et"), None, "{no}");
        }
    }
}
