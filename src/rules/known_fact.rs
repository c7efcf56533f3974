//! `known-fact`: a number that contradicts a constant of `rules/facts/*.toml` or of the user's
//! `[[facts]]`. Reads number claims, the part/whole frames and the words around each number; a
//! number speaks of a fact only when it names the counted thing and a cue of the fact's kind
//! stands next to it (rules/cues/<lang>.toml, `[facts]`).

use crate::diagnostic::Diagnostic;
use crate::extract::{Claim, ClaimKind};
use crate::facts::{bundled, Fact, FactKind};
use crate::fxhash::FxHashMap;
use crate::rules::calendar::{date_of, days};
use crate::rules::context::fmt_num;
use crate::rules::cues::{
    contains_folded, contains_phrase, fold, longest_prefix, longest_suffix, Cues, FactCues, PhraseEnds, PhraseSet,
    PhraseStarts,
};
use crate::rules::{Context, Rule, RuleMeta};
use crate::source::Lang;
use chrono::NaiveDate;
use std::sync::OnceLock;

declare_rule! {
    /// ## What it flags
    /// A figure that contradicts a known constant when the sentence clearly speaks of it: "the
    /// 271 electoral votes needed", « le Sénat compte 343 sénateurs », « les 28 États membres de
    /// l'Union européenne » in 2024. Bundled facts: US Electoral College (538 electors, 270 to
    /// win), US Senate (100), US House (435), Assemblée nationale (577, majority 289), Sénat (348),
    /// European Union (27 member states since 1 February 2020, 28 from 1 July 2013), UN Security
    /// Council (15). Each holds for a period: the year of the sentence, else the publication date,
    /// decides.
    ///
    /// ## Why it matters
    /// Constants are what readers know best; a wrong one costs the whole article its credibility.
    ///
    /// ## Flags
    /// - fr: « Il lui faut atteindre les 271 grands électeurs nécessaires à la Maison Blanche. »
    /// - en: "The European Union has 28 member states." (published in 2024)
    ///
    /// ## Leaves alone
    /// - « 295 grands électeurs sur les 270 nécessaires »: 270 is the right threshold (the part
    ///   exceeding it is `part-exceeds-whole`'s).
    /// - "He won 312 electoral votes": a count won, not the constant.
    /// - "the 100 senators who voted", « 5 membres permanents »: a subset of the body.
    /// - « En 2015, l'UE comptait 28 États membres »: true in 2015.
    /// - "needs 45 more electoral votes": what is missing, not the threshold.
    /// - A figure in quotation marks, or « le Sénat » in a paragraph about another country.
    ///
    /// ## Settings
    /// `[[facts]]` in factlint.toml adds constants in the schema of `rules/facts/*.toml`: `id`,
    /// `value`, `kind` (`total` or `threshold`), `aliases`, `subjects`, `units`, `context`,
    /// `unless`, `valid_from`, `valid_until`, `source`.
    KnownFact,
    id = "known-fact",
    severity = Warning,
    summary = "a figure that contradicts a known constant",
}

/// How a sentence frames a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cue {
    /// A cue that makes any value a claim about the fact.
    Strong(FactKind),
    /// A verb: only a value close to the fact's is a claim about it.
    Weak(FactKind),
}

/// What the sentence says about the number `c`.
struct Reading<'a> {
    before: &'a str,
    after: &'a str,
    part_after: Option<&'a str>,
}

fn ends(text: &str, list: &[String]) -> bool {
    longest_suffix(text.trim_end(), list).is_some()
}

fn starts(text: &str, list: &[String]) -> bool {
    longest_prefix(text.trim_start(), list).is_some()
}

/// The length of the name of the counted thing that opens `text`: an alias, or a unit when the
/// sentence names the body (then `true` says it is a generic unit).
fn name_len(text: &str, fact: &Fact, subject: bool) -> Option<(usize, bool)> {
    let full = text.len();
    let text = text.trim_start();
    let skipped = full - text.len();
    let alias = longest_prefix(text, &fact.aliases).map(|(_, n)| (n, false));
    let unit = if subject { longest_prefix(text, &fact.units).map(|(_, n)| (n, true)) } else { None };
    match (alias, unit) {
        (Some(a), Some(u)) if u.0 > a.0 => Some((u.0 + skipped, true)),
        (Some(a), _) => Some((a.0 + skipped, false)),
        (None, Some(u)) => Some((u.0 + skipped, true)),
        (None, None) => None,
    }
}

/// Whether `text` opens with a link and one of the fact's subjects ("of the European Union"):
/// `Some(true)`; with a link to something else ("of the finance committee"): `Some(false)`.
fn linked_subject(text: &str, fact: &Fact, cues: &FactCues) -> Option<bool> {
    let rest = text.trim_start();
    let (_, link) = longest_prefix(rest, &cues.links)?;
    let rest = rest.get(link..).unwrap_or("").trim_start();
    Some(longest_prefix(rest, &fact.subjects).is_some())
}

/// A generic unit ("members", « sièges ») names the fact's body only when the body is named
/// right after it ("seats in the U.S. Senate") or earlier in its clause ("The U.S. Senate has
/// 102 seats"), and no other body follows it ("members of the finance committee").
fn unit_tied(before: &str, after_name: &str, fact: &Fact, cues: &FactCues) -> bool {
    match linked_subject(after_name, fact, cues) {
        Some(tied) => tied,
        None => {
            // The clause around the number: sentence punctuation and semicolons end it.
            let head = before.rsplit([';', ':', '!', '?']).next().unwrap_or(before);
            let tail = after_name.split([';', ':', '!', '?']).next().unwrap_or(after_name);
            fact.subjects.iter().any(|s| contains_phrase(head, s) || contains_phrase(tail, s))
        }
    }
}

/// A sentence: its run and its byte range there.
type SentenceKey = (usize, (usize, usize));

/// The facts' phrases, folded once per check, and one automaton over all of them.
struct Folded {
    subjects: Vec<Vec<String>>,
    /// Per fact: where its subjects, aliases and units start in the automaton's phrase list.
    at: Vec<(usize, usize, usize)>,
    phrases: PhraseSet,
    /// Every fact's `context` words, folded, in fact order.
    context: PhraseSet,
    /// Every fact's aliases and units: a number that none of them follows speaks of no fact
    /// unless a threshold cue frames it (see [`may_speak`]).
    names: PhraseStarts,
}

impl Folded {
    fn new(all: &[&Fact]) -> Folded {
        let f = |v: &[String]| v.iter().map(|x| fold(x)).collect::<Vec<_>>();
        let subjects: Vec<Vec<String>> = all.iter().map(|x| f(&x.subjects)).collect();
        let names: Vec<Vec<String>> = all.iter().map(|x| f(&x.aliases)).collect();
        let units: Vec<Vec<String>> = all.iter().map(|x| f(&x.units)).collect();
        let mut list: Vec<&str> = Vec::new();
        let mut at = Vec::new();
        for ((s, n), u) in subjects.iter().zip(&names).zip(&units) {
            let a = list.len();
            list.extend(s.iter().map(String::as_str));
            let b = list.len();
            list.extend(n.iter().map(String::as_str));
            let c = list.len();
            list.extend(u.iter().map(String::as_str));
            at.push((a, b, c));
        }
        let phrases = PhraseSet::new(list.iter().copied());
        let context_words: Vec<String> = all.iter().flat_map(|f| f.context.iter().map(|w| fold(w))).collect();
        let context = PhraseSet::new(context_words.iter().map(String::as_str));
        let names = PhraseStarts::new(all.iter().flat_map(|f| f.aliases.iter().chain(&f.units)));
        Folded { subjects, at, phrases, context, names }
    }

    /// The bundled facts' phrases, folded once per process.
    fn bundled(all: &[&Fact]) -> &'static Folded {
        static BUNDLED: std::sync::OnceLock<Folded> = std::sync::OnceLock::new();
        BUNDLED.get_or_init(|| Folded::new(all))
    }

    /// Per fact: (its body is named in the sentence, the sentence names what it counts). A
    /// subject inside a longer subject of another fact ("Sénat" in "Sénat américain") does not
    /// count.
    fn sentence(&self, sentence: &str) -> Vec<(bool, bool)> {
        self.sentence_folded(&fold(sentence))
    }

    /// [`Folded::sentence`] on a sentence already folded.
    fn sentence_folded(&self, hay: &str) -> Vec<(bool, bool)> {
        let hit = self.phrases.found(hay);
        if !hit.contains(&true) {
            return vec![(false, false); self.subjects.len()];
        }
        let has = |k: usize| hit.get(k).copied().unwrap_or(false);
        // The subjects found, with their fact, in fact order (one list: few are ever found).
        let found: Vec<(usize, &str)> = self
            .subjects
            .iter()
            .zip(&self.at)
            .enumerate()
            .flat_map(|(fi, (subjects, &(a, _, _)))| {
                subjects.iter().enumerate().filter(move |(k, _)| has(a + k)).map(move |(_, s)| (fi, s.as_str()))
            })
            .collect();
        (0..self.subjects.len())
            .map(|fi| {
                let subject = found
                    .iter()
                    .filter(|&&(f, _)| f == fi)
                    .any(|&(_, s)| !found.iter().any(|&(oi, o)| oi != fi && o.len() > s.len() && o.contains(s)));
                let (_, b, c) = self.at.get(fi).copied().unwrap_or((0, 0, 0));
                let end = self.at.get(fi + 1).map_or(hit.len(), |&(a, _, _)| a);
                let alias = (b..c).any(has);
                let unit = subject && (c..end).any(has);
                (subject, alias || unit)
            })
            .collect()
    }
}

/// The fold of run `run`'s text, computed on first use.
fn folded_run<'s>(cx: &Context<'_>, slots: &'s mut [Option<String>], run: usize) -> &'s str {
    match slots.get_mut(run) {
        Some(slot) => slot.get_or_insert_with(|| cx.doc.runs.get(run).map_or_else(String::new, |r| fold(&r.text))),
        None => "",
    }
}

/// Per fact: whether it applies to a document whose runs, folded, are `runs`: it has no
/// `context`, or the document holds one of its `context` words.
fn in_document<'r>(all: &[&Fact], folded: &Folded, runs: impl Iterator<Item = &'r str>) -> Vec<bool> {
    let mut in_doc = vec![false; all.iter().map(|f| f.context.len()).sum()];
    for text in runs {
        for (seen, hit) in in_doc.iter_mut().zip(folded.context.found(text)) {
            *seen |= hit;
        }
    }
    let mut next_word = 0;
    all.iter()
        .map(|f| {
            let words = next_word..next_word + f.context.len();
            next_word = words.end;
            f.context.is_empty() || in_doc.get(words).is_some_and(|w| w.contains(&true))
        })
        .collect()
}

/// Whether a number may speak of a fact at all, whatever the fact: its name (an alias or a unit)
/// follows it or its part, or a threshold cue frames it. Each path of `check` to a finding
/// needs one of these (a name after the number, a name after its part, or a strong threshold
/// cue with the name elsewhere in the sentence); this test reads only the words next to the
/// number, so most numbers are dropped before their sentence is searched.
fn may_speak(r: &Reading<'_>, names: &PhraseStarts, threshold: &ThresholdCues) -> bool {
    names.starts(r.after)
        || r.part_after.is_some_and(|a| names.starts(a))
        || threshold.after.starts(r.after)
        || threshold.before.ends(r.before)
}

/// The strong threshold cues of a language, indexed: `threshold_after`, `threshold_before`.
struct ThresholdCues {
    after: PhraseStarts,
    before: PhraseEnds,
}

impl ThresholdCues {
    fn get(lang: Lang) -> &'static ThresholdCues {
        static FR: OnceLock<ThresholdCues> = OnceLock::new();
        static EN: OnceLock<ThresholdCues> = OnceLock::new();
        let cell = match lang {
            Lang::Fr => &FR,
            Lang::En => &EN,
        };
        cell.get_or_init(|| {
            let cues = &Cues::get(lang).facts;
            ThresholdCues {
                after: PhraseStarts::new(&cues.threshold_after),
                before: PhraseEnds::new(&cues.threshold_before),
            }
        })
    }
}

/// The cue framing the number, threshold cues first ("sur les 270 nécessaires" is a threshold).
fn cue(r: &Reading<'_>, name_after: Option<usize>, cues: &FactCues, whole_of_frame: bool) -> Option<Cue> {
    let rest = name_after.and_then(|n| r.after.get(n..)).unwrap_or(r.after);
    if starts(r.after, &cues.threshold_after)
        || starts(rest, &cues.threshold_after)
        || ends(r.before, &cues.threshold_before)
    {
        return Some(Cue::Strong(FactKind::Threshold));
    }
    if ends(r.before, &cues.threshold_weak_before) || (name_after.is_some() && starts(rest, &cues.threshold_weak_after))
    {
        return Some(Cue::Weak(FactKind::Threshold));
    }
    if whole_of_frame || ends(r.before, &cues.total_before) || (name_after.is_some() && starts(rest, &cues.total_after))
    {
        return Some(Cue::Strong(FactKind::Total));
    }
    if ends(r.before, &cues.total_weak_before) {
        return Some(Cue::Weak(FactKind::Total));
    }
    None
}

/// "the 28 member states of the European Union": article, name, link, subject.
fn definite_total(r: &Reading<'_>, name_after: Option<usize>, fact: &Fact, cues: &FactCues) -> bool {
    let Some(n) = name_after else { return false };
    if !ends(r.before, &cues.definite) {
        return false;
    }
    let rest = r.after.get(n..).unwrap_or("").trim_start();
    let Some((_, link)) = longest_prefix(rest, &cues.links) else { return false };
    let rest = rest.get(link..).unwrap_or("").trim_start();
    longest_prefix(rest, &fact.subjects).is_some()
}

/// The days the sentence speaks of: its dates, else the publication date.
fn period(cx: &Context<'_>, c: &Claim) -> Option<(NaiveDate, NaiveDate)> {
    let mut out: Option<(NaiveDate, NaiveDate)> = None;
    for (_, o) in cx.sentence_claims(c) {
        let Some((a, b)) = date_of(o).and_then(days) else { continue };
        out = Some(out.map_or((a, b), |(x, y)| (x.min(a), y.max(b))));
    }
    out.or(cx.doc.pub_date.map(|d| (d, d)))
}

fn kind_word(k: FactKind) -> &'static str {
    match k {
        FactKind::Threshold => "threshold",
        FactKind::Total | FactKind::Count => "total",
    }
}

fn message(value: f64, fact: &Fact) -> String {
    let source = fact.source.as_deref().map(|s| format!(": {s}")).unwrap_or_default();
    format!(
        "{} contradicts the known {}, {}{source} (fact \"{}\")",
        fmt_num(value),
        kind_word(fact.kind()),
        fmt_num(fact.value),
        fact.id
    )
}

impl Rule for KnownFact {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let all: Vec<&Fact> = bundled().iter().chain(cx.facts.iter()).collect();
        let own;
        let folded = if cx.facts.is_empty() {
            Folded::bundled(&all)
        } else {
            own = Folded::new(&all);
            &own
        };
        // Facts whose `context` the document lacks never apply. The document is folded and
        // searched only once a sentence names a fact: most never do.
        let mut folded_runs: Vec<Option<String>> = vec![None; cx.doc.runs.len()];
        let mut applies: Option<Vec<bool>> = None;
        let cues = &cx.cues().facts;
        let threshold = ThresholdCues::get(cx.doc.lang);
        // Whether a fact's `unless` words occur in a paragraph, read once per (paragraph, fact).
        let mut excluded: FxHashMap<(usize, usize), bool> = FxHashMap::default();
        let mut sentence_cache: (SentenceKey, Vec<(bool, bool)>) = ((usize::MAX, (0, 0)), Vec::new());
        let part_of: FxHashMap<usize, usize> = cx.claims.part_wholes.iter().map(|pw| (pw.whole, pw.part)).collect();
        for (i, c) in cx.claims.items.iter().enumerate() {
            let ClaimKind::Number(n) = &c.kind else { continue };
            if n.approx.is_some() || n.value.fract() != 0.0 {
                continue;
            }
            let part = part_of.get(&i).and_then(|&p| cx.claim(p));
            let r = Reading { before: cx.before(c), after: cx.after(c), part_after: part.map(|p| cx.after(p)) };
            if !may_speak(&r, &folded.names, threshold) {
                continue;
            }
            let key = (c.run, cx.sentence(c));
            if sentence_cache.0 != key {
                sentence_cache = (key, folded.sentence(cx.sentence_text(c)));
            }
            let in_sentence = &sentence_cache.1;
            if !in_sentence.iter().any(|&(_, named)| named) || cx.quoted(c) {
                continue;
            }
            let applies = match applies {
                Some(ref a) => a,
                None => {
                    for run in 0..folded_runs.len() {
                        folded_run(cx, &mut folded_runs, run);
                    }
                    let runs = folded_runs.iter().map(|r| r.as_deref().unwrap_or(""));
                    applies.insert(in_document(&all, folded, runs))
                }
            };
            if !applies.contains(&true) {
                return;
            }
            let period = period(cx, c);
            let mut speaking: Vec<&Fact> = Vec::new();
            for (fi, (fact, _)) in all.iter().zip(applies.iter()).enumerate().filter(|(_, (_, a))| **a) {
                let Some(&(subject, named_in_sentence)) = in_sentence.get(fi) else { continue };
                if !named_in_sentence {
                    continue;
                }
                let unless = *excluded.entry((c.run, fi)).or_insert_with(|| {
                    let paragraph = folded_run(cx, &mut folded_runs, c.run);
                    fact.unless.iter().any(|w| contains_folded(paragraph, &fold(w)))
                });
                if unless {
                    continue;
                }
                let named = name_len(r.after, fact, subject);
                let rest = named.and_then(|(k, _)| r.after.get(k..)).unwrap_or(r.after);
                if starts(rest, &cues.subset_after) {
                    continue;
                }
                if named.is_some_and(|(_, unit)| unit) && !unit_tied(r.before, rest, fact, cues) {
                    continue;
                }
                let name_after = named.map(|(k, _)| k);
                let name_from_part =
                    match part.zip(r.part_after).and_then(|(p, a)| name_len(a, fact, subject).map(|n| (p, a, n))) {
                        Some((p, a, (k, unit))) => {
                            !unit
                                || linked_subject(r.after, fact, cues) == Some(true)
                                || unit_tied(cx.before(p), a.get(k..).unwrap_or(""), fact, cues)
                        }
                        None => false,
                    };
                let close = (n.value - fact.value).abs() <= 0.15 * fact.value.abs();
                let speaks = match cue(&r, name_after, cues, part.is_some()) {
                    Some(Cue::Strong(k)) if k == fact.kind() => {
                        name_after.is_some() || name_from_part || (k == FactKind::Threshold && named_in_sentence)
                    }
                    Some(Cue::Weak(k)) if k == fact.kind() => name_after.is_some() && close,
                    None if fact.kind() == FactKind::Total => definite_total(&r, name_after, fact, cues),
                    _ => false,
                };
                if speaks && fact.holds_during(period) {
                    speaking.push(fact);
                }
            }
            let Some(first) = speaking.first() else { continue };
            if speaking.iter().any(|f| f.value == n.value) {
                continue;
            }
            out.push(
                cx.diagnostic(self, c.span, message(n.value, first))
                    .help("check the figure; if this constant does not apply here, say so in factlint.toml ([rules] or your own [[facts]])"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testutil::{en, fr, Draft};

    #[test]
    fn flags_a_wrong_threshold_and_a_stale_total() {
        let mut d = Draft::new(&en("She won 312 electoral votes, well above the 271 needed."));
        d.counted("312", 0, 312.0, "electoral votes");
        d.number("271", 271.0);
        let got = d.check(&KnownFact);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "271");
        assert!(got[0].1.starts_with("271 contradicts the known threshold, 270: "), "{}", got[0].1);
        let mut d = Draft::new(&fr("Les ministres des 28 États membres de l'Union européenne se réunissent."));
        d.counted("28", 0, 28.0, "États membres");
        assert_eq!(d.check(&KnownFact).len(), 1);
    }

    #[test]
    fn leaves_alone_the_right_value_and_other_readings() {
        let mut d = Draft::new(&fr("Aux États-Unis, il a obtenu 295 grands électeurs sur les 270 nécessaires."));
        let p = d.counted("295", 0, 295.0, "grands électeurs");
        let w = d.number("270", 270.0);
        d.part_whole(p, w, "sur les");
        assert!(d.check(&KnownFact).is_empty());
        let mut d = Draft::new(&en("The campaign needs 45 electoral votes to win."));
        d.counted("45", 0, 45.0, "electoral votes");
        assert!(d.check(&KnownFact).is_empty());
        let mut d = Draft::new(&fr("En 2015, l'Union européenne comptait 28 États membres."));
        d.year("2015", 2015);
        d.counted("28", 0, 28.0, "États membres");
        assert!(d.check(&KnownFact).is_empty());
        let mut d = Draft::new(&fr("Le Sénat américain compte 100 sièges."));
        d.counted("100", 0, 100.0, "sièges");
        assert!(d.check(&KnownFact).is_empty(), "not the French Senate");
    }
}
