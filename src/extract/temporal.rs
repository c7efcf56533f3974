//! The temporal scanner: runs the date, time, duration, offset and age grammars at the prefilter's
//! candidates (digits, and the `[dates]` trigger words), turns what they read into claims, and
//! links each offset to its anchor.
//!
//! A grammar may begin a few words before its candidate ("il y a trois *ans*", "né le *14* juin",
//! "en *2022*"): the scanner tries the word starts just before a candidate (same sentence, after
//! the last claim and after the last word no grammar reads), earliest first, and keeps the first
//! reading that reaches the candidate.

use super::age::{age, capitalised_words, AgeClaim, AgeRead};
use super::date::{
    is_space, marked_date, marked_date_at, offset_in, opens, word_starts_back, DateLexicon, DateRead, Head,
};
use super::duration::{duration, ends_with_word, plausible, DurationRead};
use super::offset::{offset_with, Anchor, AnchorPlan, OffsetClaim, OffsetRead};
use super::prefilter::CandidateKind;
use super::resolve::{date_claim, shift};
use super::time::{time, TimeRead};
use super::{Claim, ClaimKind, ExtractOptions, RunCx};
use chrono::NaiveDate;

/// What every temporal parser may consult.
pub struct Ctx<'a> {
    pub lx: &'a DateLexicon,
    pub pub_date: Option<NaiveDate>,
    pub options: &'a ExtractOptions,
}

/// How many words before a candidate a grammar may begin ("il y a près de trois *ans*").
const LOOKBACK_WORDS: usize = 7;

enum Found<'i> {
    Offset(OffsetRead<'i>),
    Age(AgeRead<'i>),
    Date(DateRead<'i>),
    Time(TimeRead<'i>),
    Duration(DurationRead<'i>),
}

/// The first grammar that reads something at `start`, and where its reading ends.
fn read_at<'i>(cx: &Ctx<'_>, text: &'i str, start: usize, head: Head) -> Option<(Found<'i>, usize)> {
    let i = text.get(start..)?;
    let before = text.get(..start)?;
    let end = |r: &str| text.len() - r.len();
    // "133-03-03-2020", "1.5": inside a longer number or code
    let mut back = before.chars().rev();
    if back.next().is_some_and(|c| matches!(c, '-' | '/' | '.' | ',' | ':'))
        && back.next().is_some_and(|c| c.is_ascii_digit())
    {
        return None;
    }
    // at a number, what follows it rules most grammars out
    let after = if head.may(opens::DIGIT) { cx.lx.after_number(before, i) } else { super::date::AfterNumber::ANY };
    // the duration an offset most often opens on: read once for all
    let dur = if head.may(opens::DURATION) && after.duration { duration(cx.lx, i) } else { super::date::fail() };
    if let Ok((r, o)) = offset_with(cx.lx, before, i, head, &dur) {
        return Some((Found::Offset(o), end(r)));
    }
    if let Ok((r, a)) = if head.may(opens::AGE) && after.age { age(cx.lx, before, i) } else { super::date::fail() } {
        return Some((Found::Age(a), end(r)));
    }
    // "$12 December 27": a sum of money, then a date
    let money = before.trim_end_matches(is_space).ends_with(['$', '€', '£', '¥']);
    if let Ok((r, d)) = marked_date_at(cx, head, i).map_err(|_| ()).and_then(|f| if money { Err(()) } else { Ok(f) }) {
        let habit = matches!(d.spec, super::date::Spec::Weekday(None)) && ends_with_word(&cx.lx.recurring, before);
        if !habit {
            return Some((Found::Date(d), end(r)));
        }
    }
    if let Ok((r, t)) = if head.may(opens::TIME) && after.time { time(cx.lx, before, i) } else { super::date::fail() } {
        return Some((Found::Time(t), end(r)));
    }
    if let Ok((r, (d, b))) = dur {
        // "deux heures du matin" is a time of day
        let day_part = r.trim_start_matches(is_space).len() < r.len()
            && cx.lx.day_parts.parse(r.trim_start_matches(is_space)).is_ok();
        if plausible(cx.lx, before, &b) && !day_part && !ordinal_second(before, &d, &b) {
            return Some((Found::Duration(d), end(r)));
        }
    }
    None
}

/// Whether a duration in words ending with a singular "second"/"seconde" is an ordinal:
/// "the forty-second", "trois cent vingt seconde" (a length of time takes the plural); only
/// "a forty-second clip" (an adjective after an article) stays a duration.
fn ordinal_second(before: &str, d: &DurationRead<'_>, b: &super::duration::Bare) -> bool {
    if b.kind != super::duration::AmountKind::Words || b.unit != super::duration::Unit::Second || b.amount <= 1.0 {
        return false;
    }
    let t = d.text.trim_end();
    let tail = t.get(t.len().saturating_sub(7)..).unwrap_or("");
    let singular = ["second", "seconde"].iter().any(|w| {
        tail.len() >= w.len()
            && tail.get(tail.len() - w.len()..).is_some_and(|x| x.eq_ignore_ascii_case(w))
            && !t.ends_with('s')
    });
    let article = ["a", "an"].iter().any(|w| super::duration::last_word(before).eq_ignore_ascii_case(w));
    singular && !article
}

/// Word starts before `at` (back to `floor`, within the sentence, while `keep` accepts them),
/// earliest first, then `at`; into `out` (cleared first: one buffer serves every candidate of a
/// run). Walks back from `at` only as far as the last few word starts (a word start at `floor`
/// counts even mid-word), and stops at the first start `keep` refuses (it is left out).
fn starts(text: &str, at: usize, floor: usize, out: &mut Vec<usize>, mut keep: impl FnMut(usize) -> bool) {
    out.clear();
    if text.get(floor..at).is_some() {
        word_starts_back(text, floor, at, true, |k| {
            if !keep(k) {
                return false;
            }
            out.push(k);
            out.len() < LOOKBACK_WORDS
        });
        out.reverse();
    }
    out.push(at);
}

/// What the scanner knows of a word start of the run: its [`Head`], and what was read there.
#[derive(Clone, Copy)]
struct Slot {
    start: usize,
    head: Head,
    read: Read,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Read {
    /// Not tried yet.
    Untried,
    /// Nothing to read, or the start may not lead.
    Nothing,
    /// A reading that ends there.
    Ends(usize),
}

/// The slot of `start` in `slots` (sorted by start), made on first sight: its head read once.
/// It is looked for from `cursor` (the index of the slot looked up last), one slot at a time: the
/// scanner looks up word starts walking back, then forward over the same few; `cursor` is left
/// at the slot of `start`.
/// `known` is a start whose head is already known (the candidate's, from its trigger word).
fn slot_of(
    lx: &DateLexicon,
    text: &str,
    slots: &mut Vec<Slot>,
    start: usize,
    cursor: &mut usize,
    known: Option<(usize, Head)>,
) -> Option<usize> {
    // the first slot that does not start before `start`
    let mut k = (*cursor).min(slots.len());
    while k > 0 && slots.get(k - 1).is_some_and(|s| s.start >= start) {
        k -= 1;
    }
    while slots.get(k).is_some_and(|s| s.start < start) {
        k += 1;
    }
    *cursor = k;
    if slots.get(k).is_some_and(|s| s.start == start) {
        return Some(k);
    }
    let rest = text.get(start..)?;
    let head = match known {
        Some((at, head)) if at == start => head,
        _ => lx.head(rest),
    };
    slots.insert(k, Slot { start, head, read: Read::Untried });
    Some(k)
}

/// Reads the temporal claims of a run into `out`.
pub fn scan(rcx: &RunCx<'_>, out: &mut Vec<Claim>) {
    let lx = &rcx.lex.dates;
    let text = rcx.text();
    let cx = Ctx { lx, pub_date: rcx.doc.pub_date, options: rcx.options };
    let first = out.len();
    let mut resume = 0;
    // Word starts already seen, sorted: their head, and where their reading ended. Several
    // candidates share the same look-back window; without this every start was re-parsed for
    // each. The floor of the windows never goes back: starts below it are dropped.
    // Both buffers are the thread's, kept from run to run: a run allocates nothing here.
    let (mut slots, mut window) = SCRATCH.take();
    slots.clear();
    for cand in rcx.candidates {
        if cand.at < resume {
            continue;
        }
        // a trigger word's head is the word's own, made once per word of the lexicon
        let known = match cand.kind {
            CandidateKind::Word(ix) => match lx.head_at(&rcx.lex.prefilter, ix) {
                Some(head) => Some((cand.at, head)),
                None => continue,
            },
            _ => None,
        };
        let window_start = text.get(..cand.at).map_or(0, |h| h.len().saturating_sub(120));
        let floor = resume.max(char_floor(text, window_start));
        let dead = slots.partition_point(|s| s.start < floor);
        slots.drain(..dead);
        // A reading that starts before a word no grammar reads cannot reach the candidate: look
        // back only to the last such word.
        let mut cursor = slots.len();
        starts(text, cand.at, floor, &mut window, |start| {
            slot_of(lx, text, &mut slots, start, &mut cursor, known)
                .and_then(|k| slots.get(k))
                .is_none_or(|s| s.head.readable())
        });
        for &start in &window {
            let Some(k) = slot_of(lx, text, &mut slots, start, &mut cursor, known) else { continue };
            let Some(&slot) = slots.get(k) else { continue };
            match slot.read {
                Read::Nothing => continue,
                Read::Ends(end) if end <= cand.at => continue,
                _ => {}
            }
            let mut remember = |read: Read| {
                if let Some(s) = slots.get_mut(k) {
                    s.read = read;
                }
            };
            // the first word of the start, folded once: whether it may lead, and what it opens
            if !(start == cand.at || slot.head.leads()) {
                remember(Read::Nothing);
                continue;
            }
            let reading = read_at(&cx, text, start, slot.head);
            remember(reading.as_ref().map_or(Read::Nothing, |(_, end)| Read::Ends(*end)));
            let Some((found, end)) = reading else { continue };
            if end <= cand.at {
                continue;
            }
            resume = resume.max(emit(rcx, &cx, found, first, out)).max(end);
            break;
        }
    }
    SCRATCH.set((slots, window));
}

thread_local! {
    /// The slots and the look-back window of [`scan`], lent to one run at a time.
    static SCRATCH: std::cell::Cell<(Vec<Slot>, Vec<usize>)> = const { std::cell::Cell::new((Vec::new(), Vec::new())) };
}

fn char_floor(text: &str, mut at: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Pushes the claims of one reading; returns the end of the last text it claimed.
fn emit(rcx: &RunCx<'_>, cx: &Ctx<'_>, found: Found<'_>, first: usize, out: &mut Vec<Claim>) -> usize {
    let text = rcx.text();
    let local = |s: &str| {
        let a = offset_in(text, s);
        (a, a + s.len())
    };
    match found {
        Found::Date(d) => {
            let (a, b) = local(d.text);
            if let Some(c) = date_claim_at(rcx, cx, &d) {
                out.push(rcx.claim(a, b, ClaimKind::Date(c)));
            }
            b
        }
        Found::Time(t) => {
            let (a, b) = local(t.text);
            out.push(rcx.claim(a, b, ClaimKind::Time(t.claim)));
            b
        }
        Found::Duration(d) => {
            let (a, b) = local(d.text);
            out.push(rcx.claim(a, b, ClaimKind::Duration(d.claim)));
            b
        }
        Found::Age(g) => {
            let (a, b) = local(g.text);
            let person = if g.apposition { person_before(text, a).map(|(s, e)| rcx.run.span(s, e)) } else { None };
            out.push(rcx.claim(a, b, ClaimKind::Age(AgeClaim { years: g.years, person })));
            b
        }
        Found::Offset(o) => emit_offset(rcx, cx, o, first, out),
    }
}

fn date_claim_at(rcx: &RunCx<'_>, cx: &Ctx<'_>, d: &DateRead<'_>) -> Option<super::DateClaim> {
    let text = rcx.text();
    let mut c = date_claim(d, cx.pub_date)?;
    c.weekday = d.weekday.map(|(w, s)| {
        let a = offset_in(text, s);
        (w, rcx.run.span(a, a + s.len()))
    });
    Some(c)
}

/// The capitalised words right before the "," or "(" that precedes text offset `at`.
fn person_before(text: &str, at: usize) -> Option<(usize, usize)> {
    let head = text.get(..at)?.trim_end_matches(is_space);
    let head = head.strip_suffix(',').or_else(|| head.strip_suffix('('))?.trim_end_matches(is_space);
    let n = capitalised_words(head);
    if n == 0 {
        return None;
    }
    let mut start = head.len();
    for _ in 0..n.min(4) {
        let t = head.get(..start)?.trim_end_matches(is_space);
        start = t.rfind(char::is_whitespace).map_or(0, |k| k + 1);
    }
    Some((start, head.len()))
}

fn emit_offset(rcx: &RunCx<'_>, cx: &Ctx<'_>, o: OffsetRead<'_>, first: usize, out: &mut Vec<Claim>) -> usize {
    let text = rcx.text();
    let a = offset_in(text, o.text);
    let mut end = a + o.text.len();
    let subject = match o.anchor {
        AnchorPlan::PubDate => None,
        _ => subject_before(cx.lx, text, a, !o.relative_day, out.get(first..).unwrap_or_default()),
    };
    let context = |out: &[Claim]| {
        // the last date before the offset, or before its subject when it restates one
        let limit = subject.map_or(a, |(i, _)| out.get(i).map_or(a, |c| c.local.0));
        out.iter().rev().find(|c| c.local.1 <= limit && matches!(c.kind, ClaimKind::Date(_))).map(|c| c.local)
    };
    let mut anchor_day: Option<NaiveDate> = None;
    let anchor = match o.anchor {
        AnchorPlan::PubDate => {
            anchor_day = cx.pub_date;
            Anchor::PubDate
        }
        AnchorPlan::Context => match context(out.get(first..).unwrap_or_default()) {
            Some((s, e)) => {
                anchor_day = date_at(out, first, s);
                Anchor::Date(rcx.run.span(s, e))
            }
            None => Anchor::Unknown,
        },
        AnchorPlan::Phrase(p) => {
            let pos = offset_in(text, p);
            if let Some((d, s, e)) = anchor_date(rcx, cx, p) {
                anchor_day = d.naive();
                let claim = rcx.claim(s, e, ClaimKind::Date(d));
                out.push(claim);
                end = e;
                Anchor::Date(rcx.run.span(s, e))
            } else if let Some((s, e)) = event_phrase(cx.lx, text, pos) {
                Anchor::Event(rcx.run.span(s, e))
            } else {
                match context(out.get(first..).unwrap_or_default()) {
                    Some((s, e)) => {
                        anchor_day = date_at(out, first, s);
                        Anchor::Date(rcx.run.span(s, e))
                    }
                    None => Anchor::Unknown,
                }
            }
        }
    };
    let d = &o.duration;
    let claim = OffsetClaim {
        amount: d.amount,
        unit: d.unit,
        direction: o.direction,
        anchor,
        approx: d.approx,
        since: o.since,
        date: anchor_day.and_then(|day| shift(day, d.amount, d.unit, o.direction)),
        subject: subject.map(|(_, span)| span),
    };
    out.push(rcx.claim(a, a + o.text.len(), ClaimKind::Offset(claim)));
    end
}

/// The day of the date claim of this run that starts at `s`.
fn date_at(out: &[Claim], first: usize, s: usize) -> Option<NaiveDate> {
    out.get(first..)?.iter().find_map(|c| match &c.kind {
        ClaimKind::Date(d) if c.local.0 == s => d.naive(),
        _ => None,
    })
}

/// A date at the start of an anchor phrase, after at most one short article ("le", "the").
fn anchor_date(rcx: &RunCx<'_>, cx: &Ctx<'_>, p: &str) -> Option<(super::DateClaim, usize, usize)> {
    let text = rcx.text();
    let skip = p.find(|c: char| !c.is_alphabetic() && c != '\'' && c != '’').filter(|&k| k <= 3).and_then(|k| {
        let head = p.get(..k)?;
        let after = p.get(k..)?;
        let after = if head.ends_with(['\'', '’']) { after } else { after.trim_start_matches(is_space) };
        (after.len() < p.len()).then_some(after)
    });
    for q in [Some(p), skip].into_iter().flatten() {
        if let Ok((_, d)) = marked_date(cx, q) {
            let s = offset_in(text, d.text);
            let c = date_claim_at(rcx, cx, &d)?;
            return Some((c, s, s + d.text.len()));
        }
    }
    None
}

/// The event phrase starting at `pos`: up to eight words, to the first punctuation or stop word.
fn event_phrase(lx: &DateLexicon, text: &str, pos: usize) -> Option<(usize, usize)> {
    let tail = text.get(pos..)?;
    let mut end = 0;
    let mut words = 0;
    let mut k = 0;
    while k < tail.len() && words < 8 {
        let rest = tail.get(k..)?;
        let c = rest.chars().next()?;
        if is_space(c) {
            k += c.len_utf8();
            continue;
        }
        if !(c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '«' | '»' | '"' | '“' | '”')) {
            break;
        }
        if words > 0 && lx.event_stops.parse(rest).is_ok() {
            break;
        }
        let w = rest
            .char_indices()
            .find(|&(_, c)| !(c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '«' | '»' | '"' | '“' | '”')))
            .map_or(rest.len(), |(j, _)| j);
        k += w;
        end = k;
        words += 1;
    }
    (end > 0).then_some((pos, pos + end.min(tail.len())))
}

/// The date claim (index in `claims`, file span) that an offset at `at` restates: written just
/// before it and joined by a restating word ("soit", "i.e."), or, when `comma` allows it, by a
/// comma or a bracket alone ("le 12 février, deux semaines avant l'invasion").
fn subject_before(
    lx: &DateLexicon,
    text: &str,
    at: usize,
    comma: bool,
    claims: &[Claim],
) -> Option<(usize, crate::span::Span)> {
    let (i, c) = claims.iter().enumerate().rev().find(|(_, c)| c.local.1 <= at)?;
    if !matches!(c.kind, ClaimKind::Date(_)) {
        return None;
    }
    let between = text.get(c.local.1..at)?;
    let trimmed = between.trim_matches(|ch: char| is_space(ch) || ch == ',' || ch == '(');
    let joined = comma && trimmed.is_empty() && between.contains([',', '('])
        || lx
            .restate
            .parse(trimmed)
            .is_ok_and(|(rest, _)| rest.trim_matches(|ch: char| is_space(ch) || ch == ',').is_empty());
    joined.then_some((i, c.span))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_out_only_what_cannot_read_the_number() {
        use crate::extract::Lexicon;
        use crate::source::Lang;
        let numbers = ["1", "12", "1,5", "1/2", "15.5", "2022", "8", "15", "123", "12345"];
        let tails = [
            " jours",
            " jour",
            "h30",
            "h",
            ":30",
            " heures",
            " ans",
            "-year-old",
            " years old",
            " a.m.",
            " pm",
            " o'clock",
            " noon",
            " midi",
            "\u{a0}h",
            " - ans",
            "-ans",
            " et demi",
            " and a half minutes",
            " minutes",
            " personnes",
            " février",
            "%",
            ")",
            ",",
            "",
        ];
        for lang in [Lang::Fr, Lang::En] {
            let lx = &Lexicon::get(lang).dates;
            for before in ["", "Joe Biden, ", "Marie Curie (", "à ", "pendant ", "vers "] {
                for n in numbers {
                    for t in tails {
                        let i = format!("{n}{t}");
                        let after = lx.after_number(before, &i);
                        assert!(after.duration || duration(lx, &i).is_err(), "{lang:?} {before:?} {i:?}");
                        assert!(after.age || age(lx, before, &i).is_err(), "{lang:?} {before:?} {i:?}");
                        assert!(after.time || time(lx, before, &i).is_err(), "{lang:?} {before:?} {i:?}");
                    }
                }
            }
        }
        let fr = &Lexicon::get(Lang::Fr).dates;
        let none = super::super::date::AfterNumber { duration: false, age: false, time: false };
        assert_eq!(fr.after_number("", "2022 personnes"), none);
        assert!(!fr.after_number("", "148 h").time);
        assert!(fr.after_number("", "15 personnes").duration, "a number-led idiom is read whole");
        assert!(fr.after_number("Biden, ", "81 ans").age && !fr.after_number("", "81 ans").age);
    }

    #[test]
    fn finds_slots_from_any_cursor_as_a_binary_search_does() {
        use crate::extract::Lexicon;
        use crate::source::Lang;
        let lx = &Lexicon::get(Lang::En).dates;
        let text = "in the early spring of 2024, two weeks";
        let starts = [0usize, 3, 7, 13, 20, 23, 29, 33];
        for order in [starts.to_vec(), starts.iter().rev().copied().collect(), vec![13, 0, 33, 7, 29, 3, 23, 20, 13, 0]]
        {
            for first in 0..=starts.len() + 1 {
                let mut slots: Vec<Slot> = Vec::new();
                let mut cursor = first;
                for &s in &order {
                    let k = slot_of(lx, text, &mut slots, s, &mut cursor, None);
                    assert_eq!(k, slots.binary_search_by_key(&s, |x| x.start).ok(), "{order:?} {s}");
                    assert_eq!(cursor, k.unwrap_or(usize::MAX));
                    assert!(slots.windows(2).all(|w| w[0].start < w[1].start));
                    assert_eq!(slots.get(cursor).map(|x| x.head), Some(lx.head(&text[s..])));
                }
                let mut seen: Vec<usize> = order.clone();
                seen.sort_unstable();
                seen.dedup();
                assert_eq!(slots.iter().map(|x| x.start).collect::<Vec<_>>(), seen);
            }
        }
        let mut slots: Vec<Slot> = Vec::new();
        assert_eq!(slot_of(lx, text, &mut slots, text.len() + 1, &mut 0, None), None, "past the text");
        assert!(slots.is_empty());
        // a known head is taken as it is, for its start only
        let mut slots: Vec<Slot> = Vec::new();
        let odd = lx.head("2022");
        assert_eq!(slot_of(lx, text, &mut slots, 3, &mut 0, Some((3, odd))), Some(0));
        assert_eq!(slot_of(lx, text, &mut slots, 7, &mut 0, Some((3, odd))), Some(1));
        assert_eq!(slots.iter().map(|s| s.head).collect::<Vec<_>>(), [odd, lx.head(&text[7..])]);
    }

    #[test]
    fn looks_back_a_few_words_in_the_sentence() {
        let text = "Hier! Il y a près de trois ans";
        let at = text.find("ans").unwrap();
        let mut window = vec![99];
        starts(text, at, 0, &mut window, |_| true);
        let got: Vec<&str> = window.iter().map(|&s| &text[s..s + 2]).collect();
        assert_eq!(got, ["Il", "y ", "a ", "pr", "de", "tr", "an"]);
        starts(text, at, at, &mut window, |_| true);
        assert_eq!(window, vec![at]);
        let long = "un deux trois quatre cinq six sept huit neuf dix";
        starts(long, long.len() - 3, 0, &mut window, |_| true);
        assert_eq!(window.len(), LOOKBACK_WORDS + 1, "{window:?}");
        assert_eq!(window.first().map(|&s| &long[s..s + 4]), Some("troi"));
        // back to the first start refused, which is left out; the candidate always stays
        let text = "Le maire de Lyon a dit deux ans";
        let at = text.find("ans").unwrap();
        starts(text, at, 0, &mut window, |s| !text[s..].starts_with("Lyon"));
        let got: Vec<&str> = window.iter().map(|&s| &text[s..s + 2]).collect();
        assert_eq!(got, ["a ", "di", "de", "an"]);
        starts(text, at, 0, &mut window, |_| false);
        assert_eq!(window, vec![at]);
    }
}
