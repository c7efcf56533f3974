//! One cheap pass over a run's text that finds where a parser may start: digit runs and
//! lexicon words. Parsers run only there.
//!
//! Every candidate starts a word, so the pass only looks at word starts: it reads the word
//! (ASCII letters folded to lower case, in a stack buffer) and looks it up in a table of the
//! lexicon's first words; the phrases that begin with it ("il y a", "un demi-") are compared in
//! place, longest first. Words that begin with a symbol ("$", "€") are tried where that symbol
//! stands. A hash lookup per word is about three times cheaper than an Aho-Corasick automaton
//! over every byte, and costs nothing to build.

use crate::fxhash::FxHashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CandidateKind {
    /// A run of ASCII digits starts here.
    Digits,
    /// A lexicon word starts here (index into the prefilter's word list).
    Word(u32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// Byte offset in the run's text, at the start of a word or digit run.
    pub at: usize,
    /// End of the digit run or of the word matched.
    pub end: usize,
    pub kind: CandidateKind,
}

/// Longest first-word of the lexicon looked up; longer words of the text are no lexicon word.
const MAX_TOKEN: usize = 63;

/// Byte classes of the scan: ASCII letters and digits make words; bytes of multi-byte
/// characters are decoded to tell.
const OTHER: u8 = 0;
const LETTER: u8 = 1;
const DIGIT: u8 = 2;
const HIGH: u8 = 3;
static CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            b'a'..=b'z' | b'A'..=b'Z' => LETTER,
            b'0'..=b'9' => DIGIT,
            0x80..=0xff => HIGH,
            _ => OTHER,
        };
        b += 1;
    }
    t
};

#[derive(Debug)]
pub struct Prefilter {
    words: Vec<String>,
    /// First word of each lexicon phrase (ASCII lower case) → its phrases, longest first.
    by_token: FxHashMap<Box<[u8]>, Vec<u32>>,
    /// Phrases that begin with a symbol, longest first, and the bytes they can begin with.
    symbols: Vec<u32>,
    symbol_lead: [bool; 256],
    /// Bit n of `lengths[b]`: some first word starts with byte `b` and is n bytes long; the
    /// other words of the text are not looked up.
    lengths: [u64; 256],
}

impl Prefilter {
    pub fn new(words: &[String]) -> Prefilter {
        let mut words: Vec<String> = words.iter().map(|w| w.to_lowercase()).filter(|w| !w.is_empty()).collect();
        words.sort();
        words.dedup();
        let mut by_token: FxHashMap<Box<[u8]>, Vec<u32>> = FxHashMap::default();
        let mut symbols = Vec::new();
        let mut symbol_lead = [false; 256];
        let mut lengths = [0u64; 256];
        for (i, w) in words.iter().enumerate() {
            let Ok(i) = u32::try_from(i) else { break };
            let token = &w[..word_end(w, 0)];
            if token.is_empty() {
                symbols.push(i);
                symbol_lead[usize::from(w.as_bytes()[0])] = true;
            } else if token.len() <= MAX_TOKEN {
                let key: Vec<u8> = token.bytes().map(|b| b.to_ascii_lowercase()).collect();
                lengths[usize::from(key[0])] |= 1 << key.len();
                by_token.entry(key.into_boxed_slice()).or_default().push(i);
            }
        }
        let len = |i: &u32| std::cmp::Reverse(words[*i as usize].len());
        for list in by_token.values_mut() {
            list.sort_by_key(len);
        }
        symbols.sort_by_key(len);
        Prefilter { words, by_token, symbols, symbol_lead, lengths }
    }

    pub fn word(&self, index: u32) -> &str {
        self.words.get(index as usize).map_or("", String::as_str)
    }

    /// Appends the candidates of `text`, sorted by position (a digit run before a word that
    /// starts at the same place).
    pub fn candidates(&self, text: &str, out: &mut Vec<Candidate>) {
        let bytes = text.as_bytes();
        // No word candidate starts inside the last word matched.
        let mut claimed = 0;
        let mut i = 0;
        let mut buf = [0u8; MAX_TOKEN];
        while let Some(&b) = bytes.get(i) {
            let class = CLASS[usize::from(b)];
            let starts_word = match class {
                LETTER | DIGIT => true,
                HIGH => char_at(text, i).is_some_and(char::is_alphanumeric),
                _ => false,
            };
            if !starts_word {
                if self.symbol_lead[usize::from(b)] && i >= claimed && !prev_is_word_char(text, i) {
                    if let Some(c) = self.first_match(text, i, 0, &self.symbols) {
                        claimed = c.end;
                        out.push(c);
                    }
                }
                i += if class == HIGH { char_at(text, i).map_or(1, char::len_utf8) } else { 1 };
                continue;
            }
            let start = i;
            i = word_end(text, i);
            if b.is_ascii_digit() {
                let digits = bytes.get(start..i).map_or(0, |w| w.iter().take_while(|c| c.is_ascii_digit()).count());
                out.push(Candidate { at: start, end: start + digits, kind: CandidateKind::Digits });
            }
            let len = i - start;
            let lead = usize::from(b.to_ascii_lowercase());
            if start >= claimed && len <= MAX_TOKEN && self.lengths[lead] & (1 << len) != 0 {
                let key = &mut buf[..len];
                key.copy_from_slice(bytes.get(start..i).unwrap_or_default());
                key.make_ascii_lowercase();
                if let Some(list) = self.by_token.get(&*key) {
                    if let Some(c) = self.first_match(text, start, len, list) {
                        claimed = c.end;
                        out.push(c);
                    }
                }
            }
        }
    }

    /// The longest phrase of `list` that stands at `at` as whole words; `word` is the length
    /// of the word at `at`, already known to be the first word of each phrase of the list.
    fn first_match(&self, text: &str, at: usize, word: usize, list: &[u32]) -> Option<Candidate> {
        let rest = text.as_bytes().get(at..)?;
        list.iter().find_map(|&ix| {
            let w = self.word(ix);
            let end = at + w.len();
            if w.len() == word {
                // the phrase is that word, and a word ends where no letter follows
                return Some(Candidate { at, end, kind: CandidateKind::Word(ix) });
            }
            // most phrases that share a first word differ at the next one: look there first
            let probe = word + 1;
            if w.len() > probe && rest.get(probe).map(u8::to_ascii_lowercase) != w.as_bytes().get(probe).copied() {
                return None;
            }
            let here = rest.get(..w.len())?;
            if !here.eq_ignore_ascii_case(w.as_bytes()) || !text.is_char_boundary(end) {
                return None;
            }
            // A word that ends in a hyphen or an apostrophe ("un demi-", "aujourd'") is
            // followed by a letter by design.
            let open_end = w.chars().next_back().is_some_and(|c| !c.is_alphanumeric());
            (open_end || !next_is_letter(text, end)).then_some(Candidate { at, end, kind: CandidateKind::Word(ix) })
        })
    }
}

/// End of the run of alphanumeric characters from `at`.
fn word_end(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = at;
    while let Some(&b) = bytes.get(i) {
        match CLASS[usize::from(b)] {
            LETTER | DIGIT => i += 1,
            HIGH => match char_at(text, i) {
                Some(c) if c.is_alphanumeric() => i += c.len_utf8(),
                _ => break,
            },
            _ => break,
        }
    }
    i
}

fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..).and_then(|s| s.chars().next())
}

fn prev_is_word_char(text: &str, at: usize) -> bool {
    text.get(..at).and_then(|s| s.chars().next_back()).is_some_and(char::is_alphanumeric)
}

fn next_is_letter(text: &str, at: usize) -> bool {
    text.get(at..).and_then(|s| s.chars().next()).is_some_and(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn starts(words: &[&str], text: &str) -> Vec<usize> {
        let words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        let mut out = Vec::new();
        Prefilter::new(&words).candidates(text, &mut out);
        out.iter().map(|c| c.at).collect()
    }

    #[test]
    fn finds_words_and_digit_runs_at_word_starts() {
        assert_eq!(starts(&["deux"], "Les deux 12 et x34 deuxième"), [4, 9]);
        // a word that ends in a hyphen or an apostrophe is followed by a letter by design
        assert_eq!(starts(&["un", "un demi-"], "Un demi-million"), [0]);
        assert_eq!(starts(&["aujourd'"], "aujourd'hui"), [0]);
        // a whole word glued to letters is not one
        assert!(starts(&["un"], "une unité").is_empty());
        // accented words are whole words too; ASCII letters fold, others must match
        assert_eq!(starts(&["février"], "FÉVRIER, Février"), [10]);
        assert!(starts(&["mai"], "maïs").is_empty());
    }

    fn found(words: &[&str], text: &str) -> Vec<(usize, usize, Option<String>)> {
        let words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        let p = Prefilter::new(&words);
        let mut out = Vec::new();
        p.candidates(text, &mut out);
        out.iter()
            .map(|c| match c.kind {
                CandidateKind::Digits => (c.at, c.end, None),
                CandidateKind::Word(i) => (c.at, c.end, Some(p.word(i).to_string())),
            })
            .collect()
    }

    #[test]
    fn longest_phrase_wins_and_hides_the_words_inside_it() {
        let w = |s: &str| Some(s.to_string());
        assert_eq!(found(&["il y a", "a", "trois"], "il y a trois ans"), [(0, 6, w("il y a")), (7, 12, w("trois"))]);
        // the longest phrase is glued to a letter: a shorter one still stands
        assert_eq!(found(&["il y a", "il"], "Il y avait"), [(0, 2, w("il"))]);
    }

    #[test]
    fn digits_come_before_a_word_at_the_same_place() {
        let w = |s: &str| Some(s.to_string());
        assert_eq!(found(&["1er"], "le 1er mai, 12e"), [(3, 4, None), (3, 6, w("1er")), (12, 14, None)]);
        assert_eq!(found(&[], "1,000 et 3.5"), [(0, 1, None), (2, 5, None), (9, 10, None), (11, 12, None)]);
    }

    #[test]
    fn symbols_start_phrases_where_they_stand() {
        let w = |s: &str| Some(s.to_string());
        assert_eq!(
            found(&["$", "us$", "€"], "$5, US$3 et 5€ ou a$"),
            [(0, 1, w("$")), (1, 2, None), (4, 7, w("us$")), (7, 8, None), (12, 13, None)]
        );
    }
}
