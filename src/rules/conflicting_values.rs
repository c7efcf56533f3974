//! `conflicting-values`: the same count of the same thing given two values in one document
//! ("L'équipe compte 43 délégués" … "les 47 délégués de l'équipe"). Reads number claims with a
//! counted noun, grouped by its normalised key; compares only within a group.

use crate::diagnostic::Diagnostic;
use crate::extract::{Claim, ClaimKind};
use crate::fxhash::FxHashSet;
use crate::rules::calendar::date_of;
use crate::rules::context::fmt_num;
use crate::rules::cues::{fold, Cues, PhraseEnds, PhraseSet};
use crate::rules::{Context, Rule, RuleMeta};
use crate::source::Lang;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

declare_rule! {
    /// ## What it flags
    /// One count of one thing given two values: « L'équipe de transition compte 43 délégués » and,
    /// further on, « les 47 délégués de l'équipe de transition ». Two mentions are taken for the
    /// same thing only when they count the same noun, both present their figure as the whole
    /// (« les 47 », "all 241 pages", « compte 43 »), their sentences share at least two other
    /// content words (« équipe », « transition »), a third of the shorter one's at least, and
    /// neither names a place or person the other does not.
    ///
    /// ## Why it matters
    /// An update applied in one place and not the other; the reader cannot know which figure to
    /// trust.
    ///
    /// ## Flags
    /// - fr: « L'équipe compte 43 délégués. » … « Les 47 délégués de l'équipe ont signé. »
    /// - en: "The budget document runs to 214 pages." … "Few will read all 241 pages of the budget document."
    ///
    /// ## Leaves alone
    /// - Approximations: « environ 70 » and « près de 70 », "about 70" and "nearly 75".
    /// - Explicit changes and comparisons: « passé de 70 à 80 », "rose from 70 to 80", « contre ».
    /// - Different dates or places, figures attributed to others (« selon », "said"), quotations.
    /// - Parts and wholes of a part/whole frame: « 12 des 40 délégués » (often another group:
    ///   « 41 voix sur les 38 élus de l'assemblée » beside « la majorité compte 26 élus »).
    /// - Two figures in one sentence (a contrast: « 43 délégués hier, 47 aujourd'hui »).
    /// - Generic units (years, people, euros…): they rarely count one thing.
    ///
    /// ## Settings
    /// None.
    ConflictingValues,
    id = "conflicting-values",
    severity = Warning,
    summary = "the same count of the same thing given two values",
}

/// The content words of a sentence, folded: what it speaks of.
fn content_words(sentence: &str, key: &str, stop: &[String]) -> BTreeSet<String> {
    let key_words: BTreeSet<String> = key.split_whitespace().map(fold).collect();
    sentence
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .map(fold)
        .filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic))
        .filter(|w| !key_words.contains(w) && !stop.iter().any(|s| s == w))
        .collect()
}

/// Capitalised words that do not open the sentence: the places and names it speaks of.
fn proper_nouns(sentence: &str) -> BTreeSet<String> {
    sentence
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .skip(1)
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase) && w.chars().count() >= 3)
        .map(fold)
        .collect()
}

/// The cue lists this rule reads, folded once per language.
struct Folded {
    generic: FxHashSet<String>,
    change: PhraseSet,
    /// `conflict.whole_before`, indexed by last character.
    whole_before: PhraseEnds,
}

impl Folded {
    fn get(lang: Lang) -> &'static Folded {
        static FR: OnceLock<Folded> = OnceLock::new();
        static EN: OnceLock<Folded> = OnceLock::new();
        let cell = match lang {
            Lang::Fr => &FR,
            Lang::En => &EN,
        };
        cell.get_or_init(|| {
            let cues = Cues::get(lang);
            let change: Vec<String> = cues.change.words.iter().map(|w| fold(w)).collect();
            Folded {
                generic: cues.conflict.generic.iter().map(|g| fold(g)).collect(),
                change: PhraseSet::new(change.iter().map(String::as_str)),
                whole_before: PhraseEnds::new(&cues.conflict.whole_before),
            }
        })
    }
}

/// A candidate: a plain counted number that claims a whole count.
struct Mention<'a> {
    claim: &'a Claim,
    value: f64,
    whole: bool,
}

impl Rule for ConflictingValues {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let cues = cx.cues();
        let parts: BTreeSet<usize> = cx
            .claims
            .part_wholes
            .iter()
            .flat_map(|pw| [pw.part, pw.whole])
            .chain(cx.claims.totals.iter().flat_map(|t| t.parts.iter().copied()))
            .collect();
        let folded = Folded::get(cx.doc.lang);
        // Candidates grouped by their folded key first: only a group giving two values or more
        // can hold a contradiction, so the costlier readings (change words, quotation, the words
        // before) are made for its members only.
        let mut candidates: BTreeMap<String, Vec<(&Claim, f64)>> = BTreeMap::new();
        for (i, c) in cx.claims.items.iter().enumerate() {
            let ClaimKind::Number(n) = &c.kind else { continue };
            let Some(counted) = &n.counted else { continue };
            if n.approx.is_some() || parts.contains(&i) || n.value.fract() != 0.0 {
                continue;
            }
            let key = fold(counted.key.trim());
            if key.is_empty() || folded.generic.contains(&key) {
                continue;
            }
            candidates.entry(key).or_default().push((c, n.value));
        }
        // Whether a sentence holds a change word, read once per sentence.
        let mut changed: ((usize, (usize, usize)), bool) = ((usize::MAX, (0, 0)), false);
        let mut groups: BTreeMap<String, Vec<Mention<'_>>> = BTreeMap::new();
        for (key, members) in candidates {
            if members.iter().all(|&(_, v)| members.first().is_some_and(|&(_, f)| f == v)) {
                continue;
            }
            let wholes: Vec<bool> = members.iter().map(|&(c, _)| folded.whole_before.ends(cx.before(c))).collect();
            // A finding pairs two whole mentions of different values: without two, the group
            // needs no further reading.
            let mut whole_values = members.iter().zip(&wholes).filter(|(_, &w)| w).map(|(&(_, v), _)| v);
            let first_whole = whole_values.next();
            if !whole_values.any(|v| Some(v) != first_whole) {
                continue;
            }
            let mut mentions = Vec::new();
            for ((c, value), whole) in members.into_iter().zip(wholes) {
                let at = (c.run, cx.sentence(c));
                if changed.0 != at {
                    changed = (at, folded.change.any(&fold(cx.sentence_text(c))));
                }
                if changed.1 || cx.quoted(c) {
                    continue;
                }
                mentions.push(Mention { claim: c, value, whole });
            }
            groups.insert(key, mentions);
        }
        for (key, mentions) in &groups {
            // A count given many different values is a quantity that varies, not one count.
            let mut values: Vec<f64> = Vec::new();
            for m in mentions {
                if !values.contains(&m.value) {
                    values.push(m.value);
                    if values.len() > 4 {
                        break;
                    }
                }
            }
            if values.len() < 2 || values.len() > 4 {
                continue;
            }
            // Each later mention is compared with the first mention of each other value (at most
            // three): linear in the group, whatever its size.
            let firsts: Vec<&Mention<'_>> =
                values.iter().filter_map(|v| mentions.iter().find(|m| m.value == *v)).collect();
            // Report once per group: the first mention that contradicts an earlier one.
            'later: for b in mentions {
                for a in firsts.iter().copied().filter(|a| a.claim.span.start < b.claim.span.start) {
                    if a.value == b.value || !(a.whole && b.whole) || cx.same_sentence(a.claim, b.claim) {
                        continue;
                    }
                    let has_date = |c: &Claim| cx.sentence_claims(c).any(|(_, o)| date_of(o).is_some());
                    if has_date(a.claim) || has_date(b.claim) {
                        continue;
                    }
                    // Each sentence names a place or person the other does not: different things.
                    let (pa, pb) = (proper_nouns(cx.sentence_text(a.claim)), proper_nouns(cx.sentence_text(b.claim)));
                    if !pa.is_subset(&pb) && !pb.is_subset(&pa) {
                        continue;
                    }
                    let wa = content_words(cx.sentence_text(a.claim), key, &cues.conflict.stopwords);
                    let wb = content_words(cx.sentence_text(b.claim), key, &cues.conflict.stopwords);
                    // Two shared words at least, and a third of the shorter sentence's words.
                    let shared = wa.intersection(&wb).count();
                    if shared < 2 || shared * 3 < wa.len().min(wb.len()) {
                        continue;
                    }
                    let counted = |m: &Mention<'_>| match &m.claim.kind {
                        ClaimKind::Number(n) => n.counted.as_ref().map_or(m.claim.span, |c| m.claim.span.cover(c.span)),
                        _ => m.claim.span,
                    };
                    let (sa, sb) = (counted(a), counted(b));
                    let text = format!(
                        "\"{}\" here, \"{}\" earlier: one count given two values ({} and {})",
                        cx.text(sb),
                        cx.text(sa),
                        fmt_num(b.value),
                        fmt_num(a.value)
                    );
                    out.push(
                        cx.diagnostic(self, sb, text)
                            .related(sa, "the other value")
                            .help("check which figure is current and use it in both places"),
                    );
                    break 'later;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testutil::{en, fr, Draft};

    #[test]
    fn flags_two_values_of_one_count() {
        let mut d = Draft::new(&fr(
            "L'équipe de transition compte 43 délégués, tous nommés.\n\nLes 47 délégués de l'équipe de transition ont signé.",
        ));
        d.counted("43", 0, 43.0, "délégués");
        d.counted("47", 0, 47.0, "délégués");
        assert_eq!(
            d.check(&ConflictingValues),
            vec![(
                "47 délégués".into(),
                "\"47 délégués\" here, \"43 délégués\" earlier: one count given two values (47 and 43)".into()
            )]
        );
    }

    #[test]
    fn leaves_alone_changes_and_other_referents() {
        let mut d = Draft::new(&en(
            "The budget runs to 214 pages.\n\nThe previous budget ran to 241 pages, according to the clerk.",
        ));
        d.counted("214", 0, 214.0, "pages");
        d.counted("241", 0, 241.0, "pages");
        assert!(d.check(&ConflictingValues).is_empty());
        let mut d = Draft::new(&fr("Le club compte 43 joueurs.\n\nLa ville compte 47 joueurs de tennis."));
        d.counted("43", 0, 43.0, "joueurs");
        d.counted("47", 0, 47.0, "joueurs");
        assert!(d.check(&ConflictingValues).is_empty(), "nothing else in common");
    }
}
