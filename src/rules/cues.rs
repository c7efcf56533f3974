//! The rules' cue words, per language: `rules/cues/<code>.toml` (embedded at build time), one
//! table per concern. Word lists are data, so adding a language is mostly adding a file.

use crate::source::Lang;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cues {
    pub change: Change,
    pub interval: Interval,
    pub order: Order,
    pub age: Age,
    pub percent: Percent,
    pub facts: FactCues,
    pub conflict: Conflict,
    pub list: List,
    pub part: Part,
}

/// Words that make a figure reported, compared or revised.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    pub words: Vec<String>,
}

/// "du 3 au 17 mars, soit deux semaines".
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Interval {
    pub between: Vec<String>,
    pub openers: Vec<String>,
    pub appositive: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Order {
    pub before: Vec<String>,
    pub after: Vec<String>,
    pub skip: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Age {
    pub birth: Vec<String>,
    pub stop: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Percent {
    pub exhaustive: Vec<String>,
    pub breaks: Vec<String>,
    pub share_links: Vec<String>,
    pub per_group: Vec<String>,
    pub not_share: Vec<String>,
    pub joiners: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactCues {
    pub threshold_after: Vec<String>,
    pub threshold_weak_after: Vec<String>,
    pub threshold_before: Vec<String>,
    pub threshold_weak_before: Vec<String>,
    pub total_before: Vec<String>,
    pub total_weak_before: Vec<String>,
    pub total_after: Vec<String>,
    pub definite: Vec<String>,
    pub links: Vec<String>,
    pub subset_after: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    pub generic: Vec<String>,
    pub stopwords: Vec<String>,
    pub whole_before: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct List {
    pub partial: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part {
    pub not_whole: Vec<String>,
}

const FR: &str = include_str!("../../rules/cues/fr.toml");
const EN: &str = include_str!("../../rules/cues/en.toml");

impl Cues {
    /// The cues of `lang`, parsed once.
    pub fn get(lang: Lang) -> &'static Cues {
        static FR_CUES: OnceLock<Cues> = OnceLock::new();
        static EN_CUES: OnceLock<Cues> = OnceLock::new();
        match lang {
            Lang::Fr => FR_CUES.get_or_init(|| parse(FR)),
            Lang::En => EN_CUES.get_or_init(|| parse(EN)),
        }
    }
}

fn parse(text: &str) -> Cues {
    // Part of the binary, parsed by the tests below: a failure is a build defect.
    #[allow(clippy::expect_used)]
    let cues: Cues = toml::from_str(text).expect("rules/cues/*.toml is valid (tests check it)");
    cues
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Normalises apostrophes so "l’an" matches "l'an".
fn norm_char(c: char) -> char {
    if c == '’' {
        '\''
    } else {
        c
    }
}

/// The characters of `s`, apostrophes folded, lowercased: two phrases are equal when these are.
fn folded_chars(s: &str) -> impl DoubleEndedIterator<Item = char> + '_ {
    s.chars().map(norm_char).flat_map(char::to_lowercase)
}

/// Byte length of the prefix of `text` that is `phrase` (case-insensitive, apostrophes folded) and
/// ends at a word boundary.
pub fn starts_with_phrase(text: &str, phrase: &str) -> Option<usize> {
    // Equal folds open with the same character: most calls stop here.
    if let Some(p) = first_folded(phrase) {
        if first_folded(text) != Some(p) {
            return None;
        }
    }
    let n = phrase.chars().count();
    // The first `n` characters of `text` against the phrase, stopping at the first difference:
    // most calls fail on the first letter, without reading the rest of `text`.
    let head = text.chars().take(n).map(norm_char).flat_map(char::to_lowercase);
    if !head.eq(folded_chars(phrase)) {
        return None;
    }
    let mut ends = text.char_indices().map(|(i, _)| i).chain([text.len()]);
    let end = ends.nth(n)?;
    let last_is_word = phrase.chars().last().is_some_and(is_word_char);
    let next_is_word = text.get(end..).and_then(|r| r.chars().next()).is_some_and(is_word_char);
    (!(last_is_word && next_is_word)).then_some(end)
}

/// The first character of `s`'s [`fold`]: a text starts with a phrase only when both open with
/// the same one.
pub fn first_folded(s: &str) -> Option<char> {
    let c = s.chars().next()?;
    if c.is_ascii() {
        Some(c.to_ascii_lowercase())
    } else {
        norm_char(c).to_lowercase().next()
    }
}

/// The last character of `s`'s [`fold`]: a text ends with a phrase only when both close with
/// the same one.
pub fn last_folded(s: &str) -> Option<char> {
    let c = s.chars().next_back()?;
    if c.is_ascii() {
        Some(c.to_ascii_lowercase())
    } else {
        norm_char(c).to_lowercase().next_back()
    }
}

/// Byte offset where `phrase` starts when `text` ends with it (word boundary before it).
pub fn ends_with_phrase(text: &str, phrase: &str) -> Option<usize> {
    // Equal folds close with the same character: most calls stop here (an empty phrase too).
    match last_folded(phrase) {
        Some(p) if last_folded(text) == Some(p) => {}
        _ => return None,
    }
    let n = phrase.chars().count();
    // Compared from the end, stopping at the first difference: two sequences are equal when
    // their reverses are.
    let tail = text.chars().rev().take(n).flat_map(|c| norm_char(c).to_lowercase().rev());
    if !tail.eq(folded_chars(phrase).rev()) {
        return None;
    }
    let start = text.char_indices().rev().nth(n.checked_sub(1)?).map(|(i, _)| i)?;
    let first_is_word = phrase.chars().next().is_some_and(is_word_char);
    let prev_is_word = text.get(..start).and_then(|r| r.chars().last()).is_some_and(is_word_char);
    (!(first_is_word && prev_is_word)).then_some(start)
}

/// Lowercase, apostrophes folded: the form phrases are compared in.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// [`fold`] appended to `out`: ASCII stretches are copied and lowercased in bulk, the other
/// characters one by one.
pub fn fold_into(text: &str, out: &mut String) {
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest.bytes().position(|b| !b.is_ascii()).unwrap_or(rest.len());
        let (plain, tail) = rest.split_at(ascii);
        let from = out.len();
        out.push_str(plain);
        if let Some(added) = out.get_mut(from..) {
            added.make_ascii_lowercase();
        }
        let mut chars = tail.chars();
        if let Some(c) = chars.next() {
            fold_char_into(c, out);
        }
        rest = chars.as_str();
    }
}

/// One character of [`fold`]: `fold` is character by character, so a slice's fold is the slice of
/// the fold.
pub fn fold_char_into(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        out.extend(norm_char(c).to_lowercase());
    }
}

/// Whether `text` holds `phrase` as whole words, case-insensitive.
pub fn contains_phrase(text: &str, phrase: &str) -> bool {
    contains_folded(&fold(text), &fold(phrase))
}

/// [`contains_phrase`] on text and phrase already [`fold`]ed.
pub fn contains_folded(hay: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    let first_word = needle.chars().next().is_some_and(is_word_char);
    let last_word = needle.chars().last().is_some_and(is_word_char);
    hay.match_indices(needle).any(|(i, m)| {
        let before_ok = !first_word || !hay.get(..i).and_then(|r| r.chars().last()).is_some_and(is_word_char);
        let after_ok = !last_word || !hay.get(i + m.len()..).and_then(|r| r.chars().next()).is_some_and(is_word_char);
        before_ok && after_ok
    })
}

/// Many [`fold`]ed phrases looked up in one pass over a folded text: for each phrase, what
/// [`contains_folded`] answers, without a substring search per phrase.
#[derive(Debug)]
pub struct PhraseSet {
    automaton: Option<AhoCorasick>,
    /// Per distinct phrase: its byte length and whether it starts and ends with a word character.
    patterns: Vec<(usize, bool, bool)>,
    /// Per phrase given to [`PhraseSet::new`]: its pattern, None when empty (never found).
    of_phrase: Vec<Option<usize>>,
}

impl PhraseSet {
    pub fn new<'p>(phrases: impl IntoIterator<Item = &'p str>) -> PhraseSet {
        let mut distinct: Vec<&str> = Vec::new();
        let mut of_phrase = Vec::new();
        for p in phrases {
            if p.is_empty() {
                of_phrase.push(None);
                continue;
            }
            let k = distinct.iter().position(|d| *d == p).unwrap_or_else(|| {
                distinct.push(p);
                distinct.len() - 1
            });
            of_phrase.push(Some(k));
        }
        let patterns = distinct
            .iter()
            .map(|p| {
                let first = p.chars().next().is_some_and(is_word_char);
                let last = p.chars().last().is_some_and(is_word_char);
                (p.len(), first, last)
            })
            .collect();
        // A contiguous NFA: the rules search few sentences (only those their cheaper tests let
        // through), where a DFA's faster search does not repay its costlier build.
        let build = |kind| AhoCorasickBuilder::new().match_kind(MatchKind::Standard).kind(kind).build(&distinct).ok();
        let automaton = if distinct.is_empty() {
            None
        } else {
            build(Some(AhoCorasickKind::ContiguousNFA)).or_else(|| build(None))
        };
        PhraseSet { automaton, patterns, of_phrase }
    }

    /// For each phrase, in the order given to [`PhraseSet::new`]: `contains_folded(hay, phrase)`.
    pub fn found(&self, hay: &str) -> Vec<bool> {
        let mut hit = vec![false; self.patterns.len()];
        self.scan(hay, |k| {
            if let Some(h) = hit.get_mut(k) {
                *h = true;
            }
            false
        });
        self.of_phrase.iter().map(|k| k.and_then(|k| hit.get(k).copied()).unwrap_or(false)).collect()
    }

    /// Whether `contains_folded(hay, phrase)` holds for one phrase at least.
    pub fn any(&self, hay: &str) -> bool {
        // Most texts hold no phrase at all: the plain search (which skips ahead to the bytes
        // phrases start with) says so faster than the overlapping one.
        if !self.automaton.as_ref().is_some_and(|ac| ac.is_match(hay)) {
            return false;
        }
        let mut any = false;
        self.scan(hay, |_| {
            any = true;
            true
        });
        any
    }

    /// Calls `on_hit` with each distinct pattern [`contains_folded`] would find (maybe more than
    /// once), until it returns true.
    fn scan(&self, hay: &str, mut on_hit: impl FnMut(usize) -> bool) {
        let Some(ac) = &self.automaton else { return };
        // `contains_folded` sees the non-overlapping occurrences of each phrase, leftmost
        // first: the same ones are kept here, so both agree even on self-overlapping phrases.
        let mut next = vec![0usize; self.patterns.len()];
        for m in ac.find_overlapping_iter(hay) {
            let k = m.pattern().as_usize();
            let (Some(&(len, first_word, last_word)), Some(from)) = (self.patterns.get(k), next.get_mut(k)) else {
                continue;
            };
            let i = m.start();
            if i < *from {
                continue;
            }
            *from = i + len;
            let before_ok = !first_word || !hay.get(..i).and_then(|r| r.chars().last()).is_some_and(is_word_char);
            let after_ok = !last_word || !hay.get(i + len..).and_then(|r| r.chars().next()).is_some_and(is_word_char);
            if before_ok && after_ok && on_hit(k) {
                return;
            }
        }
    }
}

/// One phrase of a [`PhraseStarts`] or [`PhraseEnds`]: its [`fold`], its length in characters,
/// and whether its edge character (the last for a start, the first for an end) is a word
/// character, so that the text must not go on with one.
#[derive(Debug, PartialEq)]
struct Folded {
    folded: String,
    chars: usize,
    edge_word: bool,
}

/// The phrases that share one first (or last) folded character.
#[derive(Debug)]
struct Group {
    key: char,
    phrases: Vec<Folded>,
}

/// The fold of one character, in a small buffer.
fn fold_char(c: char, buf: &mut [u8; 12]) -> &[u8] {
    let mut n = 0;
    let mut push = |l: char| {
        let end = n + l.len_utf8();
        if let Some(dst) = buf.get_mut(n..end) {
            l.encode_utf8(dst);
            n = end;
        }
    };
    if c.is_ascii() {
        push(c.to_ascii_lowercase());
    } else {
        norm_char(c).to_lowercase().for_each(push);
    }
    buf.get(..n).unwrap_or_default()
}

/// The end of the first `chars` characters of `text` when their [`fold`] is `folded`, compared
/// character by character and stopping at the first difference.
fn folded_prefix(text: &str, folded: &[u8], chars: usize) -> Option<usize> {
    let (bytes, mut i, mut j) = (text.as_bytes(), 0, 0);
    let mut buf = [0u8; 12];
    for _ in 0..chars {
        let b = *bytes.get(i)?;
        if b.is_ascii() {
            if folded.get(j) != Some(&b.to_ascii_lowercase()) {
                return None;
            }
            (i, j) = (i + 1, j + 1);
        } else {
            let c = text.get(i..)?.chars().next()?;
            let piece = fold_char(c, &mut buf);
            if folded.get(j..j + piece.len()) != Some(piece) {
                return None;
            }
            (i, j) = (i + c.len_utf8(), j + piece.len());
        }
    }
    (j == folded.len()).then_some(i)
}

/// The start of the last `chars` characters of `text` when their [`fold`] is `folded`,
/// compared from the end.
fn folded_suffix(text: &str, folded: &[u8], chars: usize) -> Option<usize> {
    let (bytes, mut i, mut j) = (text.as_bytes(), text.len(), folded.len());
    let mut buf = [0u8; 12];
    for _ in 0..chars {
        let b = *bytes.get(i.checked_sub(1)?)?;
        if b.is_ascii() {
            if folded.get(j.checked_sub(1)?) != Some(&b.to_ascii_lowercase()) {
                return None;
            }
            (i, j) = (i - 1, j - 1);
        } else {
            let c = text.get(..i)?.chars().next_back()?;
            let piece = fold_char(c, &mut buf);
            let from = j.checked_sub(piece.len())?;
            if folded.get(from..j) != Some(piece) {
                return None;
            }
            (i, j) = (i - c.len_utf8(), from);
        }
    }
    (j == 0).then_some(i)
}

fn group_push(groups: &mut Vec<Group>, key: char, phrase: &str, edge_word: bool) {
    let f = Folded { folded: fold(phrase), chars: phrase.chars().count(), edge_word };
    match groups.binary_search_by_key(&key, |g| g.key) {
        Ok(i) => {
            // A phrase read the same way as one of the group's adds nothing ("members" is a unit
            // of several facts).
            if let Some(g) = groups.get_mut(i).filter(|g| !g.phrases.contains(&f)) {
                g.phrases.push(f);
            }
        }
        Err(i) => groups.insert(i, Group { key, phrases: vec![f] }),
    }
}

fn group_of(groups: &[Group], key: char) -> Option<&Group> {
    groups.get(groups.binary_search_by_key(&key, |g| g.key).ok()?)
}

/// A phrase list grouped by the first character of each phrase's [`fold`], to tell whether a
/// text starts with one of them ([`starts`](PhraseStarts::starts)) comparing it only with the
/// phrases that open as it does, folded once.
#[derive(Debug, Default)]
pub struct PhraseStarts {
    /// Sorted by character.
    groups: Vec<Group>,
    /// An empty phrase starts every text.
    empty: bool,
}

impl PhraseStarts {
    pub fn new<'p>(phrases: impl IntoIterator<Item = &'p String>) -> PhraseStarts {
        let mut index = PhraseStarts::default();
        for p in phrases {
            match first_folded(p) {
                Some(c) => group_push(&mut index.groups, c, p, p.chars().last().is_some_and(is_word_char)),
                None => index.empty = true,
            }
        }
        index
    }

    /// `longest_prefix(text.trim_start(), phrases).is_some()`.
    pub fn starts(&self, text: &str) -> bool {
        let text = text.trim_start();
        if self.empty {
            return true;
        }
        let Some(group) = first_folded(text).and_then(|c| group_of(&self.groups, c)) else { return false };
        // Where the fold of the text's second character starts in a phrase's fold that the text
        // starts with, and that fold's first byte: a phrase of two characters or more whose
        // fold has another byte there is not read at the start of the text.
        let (at, second) = match text.as_bytes() {
            [a, b, ..] if a.is_ascii() && b.is_ascii() => (1, Some(b.to_ascii_lowercase())),
            _ => {
                let (mut chars, mut buf) = (text.chars(), [0u8; 12]);
                let at = chars.next().map_or(0, |c| fold_char(c, &mut buf).len());
                (at, chars.next().and_then(|c| fold_char(c, &mut buf).first().copied()))
            }
        };
        // `starts_with_phrase`: the fold of the text's first characters is the phrase's, and the
        // text does not go on with a word character after a word one.
        group.phrases.iter().any(|p| {
            (p.chars < 2 || p.folded.as_bytes().get(at) == second.as_ref())
                && folded_prefix(text, p.folded.as_bytes(), p.chars).is_some_and(|end| {
                    !(p.edge_word && text.get(end..).and_then(|r| r.chars().next()).is_some_and(is_word_char))
                })
        })
    }
}

/// A phrase list grouped by the last character of each phrase's [`fold`]: [`PhraseStarts`] for
/// the ends of texts.
#[derive(Debug, Default)]
pub struct PhraseEnds {
    groups: Vec<Group>,
}

impl PhraseEnds {
    pub fn new<'p>(phrases: impl IntoIterator<Item = &'p String>) -> PhraseEnds {
        let mut index = PhraseEnds::default();
        // An empty phrase ends no text.
        for p in phrases {
            if let Some(c) = last_folded(p) {
                group_push(&mut index.groups, c, p, p.chars().next().is_some_and(is_word_char));
            }
        }
        index
    }

    /// `longest_suffix(text.trim_end(), phrases).is_some()`.
    pub fn ends(&self, text: &str) -> bool {
        let text = text.trim_end();
        let Some(group) = last_folded(text).and_then(|c| group_of(&self.groups, c)) else { return false };
        // `ends_with_phrase`: the fold of the text's last characters is the phrase's, and no
        // word character comes before a word one.
        group.phrases.iter().any(|p| {
            folded_suffix(text, p.folded.as_bytes(), p.chars).is_some_and(|start| {
                !(p.edge_word && text.get(..start).and_then(|r| r.chars().next_back()).is_some_and(is_word_char))
            })
        })
    }
}

/// The longest entry of `list` that `text` starts with, and its byte length.
pub fn longest_prefix<'l>(text: &str, list: &'l [String]) -> Option<(&'l str, usize)> {
    list.iter().filter_map(|p| starts_with_phrase(text, p).map(|n| (p.as_str(), n))).max_by_key(|&(_, n)| n)
}

/// The longest entry of `list` that `text` ends with, and where it starts.
pub fn longest_suffix<'l>(text: &str, list: &'l [String]) -> Option<(&'l str, usize)> {
    list.iter().filter_map(|p| ends_with_phrase(text, p).map(|at| (p.as_str(), at))).min_by_key(|&(_, at)| at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_files() {
        for lang in [Lang::Fr, Lang::En] {
            assert!(!Cues::get(lang).facts.threshold_after.is_empty());
        }
    }

    #[test]
    fn matches_whole_words_case_insensitively() {
        assert_eq!(starts_with_phrase("Needed to win", "needed"), Some(6));
        assert_eq!(starts_with_phrase("neededs", "needed"), None);
        assert_eq!(starts_with_phrase("l’an dernier", "l'an"), Some("l’an".len()));
        assert_eq!(starts_with_phrase(", soit", ","), Some(1));
        assert_eq!(ends_with_phrase("la majorité de", "majorité de"), Some(3));
        assert_eq!(ends_with_phrase("lamajorité de", "majorité de"), None);
        assert!(contains_phrase("Le Conseil de sécurité compte", "conseil de sécurité"));
        assert!(!contains_phrase("unEU", "EU"));
        assert!(contains_phrase("the EU has", "EU"));
        assert_eq!(starts_with_phrase("é", "ée"), None);
    }

    /// The first, plain reading of `starts_with_phrase` and `ends_with_phrase`: the fast ones
    /// must agree with it everywhere.
    fn reference(text: &str, phrase: &str) -> (Option<usize>, Option<usize>) {
        let eq = |a: &str, b: &str| folded_chars(a).eq(folded_chars(b));
        let n = phrase.chars().count();
        let starts = (|| {
            let end = text.char_indices().nth(n).map_or(text.len(), |(i, _)| i);
            if text.chars().count() < n || !eq(text.get(..end)?, phrase) {
                return None;
            }
            let last_is_word = phrase.chars().last().is_some_and(is_word_char);
            let next_is_word = text.get(end..).and_then(|r| r.chars().next()).is_some_and(is_word_char);
            (!(last_is_word && next_is_word)).then_some(end)
        })();
        let ends = (|| {
            let start = text.char_indices().rev().nth(n.checked_sub(1)?).map(|(i, _)| i)?;
            if !eq(text.get(start..)?, phrase) {
                return None;
            }
            let first_is_word = phrase.chars().next().is_some_and(is_word_char);
            let prev_is_word = text.get(..start).and_then(|r| r.chars().last()).is_some_and(is_word_char);
            (!(first_is_word && prev_is_word)).then_some(start)
        })();
        (starts, ends)
    }

    #[test]
    fn fast_phrase_ends_agree_with_the_plain_reading() {
        let words = [
            "", "a", "A", "é", "É", "ée", "İ", "i̇", "ß", "SS", "l'an", "l’an", "L’AN", "an", "x an", "xan", "an,", " ",
        ];
        let mut n = 0;
        for t in words.iter().flat_map(|a| words.iter().map(move |b| format!("{a}{b}"))) {
            for p in words {
                assert_eq!((starts_with_phrase(&t, p), ends_with_phrase(&t, p)), reference(&t, p), "{t:?} {p:?}");
                n += usize::from(reference(&t, p) != (None, None));
            }
        }
        assert!(n > 50, "the table finds phrases ({n})");
    }

    #[test]
    fn phrase_indexes_agree_with_the_plain_lists() {
        let lists: [&[&str]; 5] = [
            &["", "x"],
            &["membres", "members", "Membres", "mps", "m", "mé", "mÉx", "mİ", "mi̇x", "Ée", "éE", "ée x"],
            &["membres", "Membres de", "l'UE", "É", "é", "seats", "İ", "i̇", "ß", "ss", "de l'", "-", "a a"],
            &["ab", "b", "s", "ée", "x an", "an,", " "],
            &["a very long phrase that runs on well past the forty-eight characters read", "a", "read"],
        ];
        let words = [
            "", "a", "A", "é", "É", "ée", "İ", "i̇", "ß", "SS", "l'", "L’", "UE", "an", "x an", "an,", " ", "-",
            "membres",
        ];
        let mut texts: Vec<String> = words.iter().flat_map(|a| words.iter().map(move |b| format!("{a}{b}"))).collect();
        texts.extend(
            [
                "Membres de l’UE",
                "seats.",
                "cab",
                "mÉx y",
                "Mİ",
                "mi̇x",
                "MÉ",
                "ÉE x",
                "MPs,",
                "a very long phrase that runs on well past the forty-eight characters read",
            ]
            .map(String::from),
        );
        texts.push(format!("x{}", "é".repeat(60)));
        let (mut started, mut ended) = (0, 0);
        for list in lists {
            let list: Vec<String> = list.iter().map(|s| s.to_string()).collect();
            let (starts, ends) = (PhraseStarts::new(&list), PhraseEnds::new(&list));
            for t in &texts {
                let (s, e) = (starts.starts(t), ends.ends(t));
                assert_eq!(s, longest_prefix(t.trim_start(), &list).is_some(), "{t:?} {list:?}");
                assert_eq!(e, longest_suffix(t.trim_end(), &list).is_some(), "{t:?} {list:?}");
                (started, ended) = (started + usize::from(s), ended + usize::from(e));
            }
        }
        assert!(started > 100 && ended > 100, "the table finds phrases ({started}, {ended})");
    }

    #[test]
    fn phrase_set_agrees_with_contains_folded() {
        let phrases = ["sénat", "a a", "", "eu", "sénat", "conseil de sécurité", "l'an", "-", "aa"];
        let set = PhraseSet::new(phrases.iter().copied());
        for hay in [
            "le sénat américain",
            "xa a a",
            "a a",
            "xa a",
            "unEU eu",
            "leurope",
            "le conseil de sécurité.",
            "l'an - passé",
            "aaa",
            "aa aa",
            "sénateur",
            "",
        ] {
            let hay = fold(hay);
            let want: Vec<bool> = phrases.iter().map(|p| contains_folded(&hay, p)).collect();
            assert_eq!(set.found(&hay), want, "{hay:?}");
        }
    }
}
