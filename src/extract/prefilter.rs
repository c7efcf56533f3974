//! One cheap pass over a run's text that finds where a parser may start: digit runs and
//! lexicon words (one Aho-Corasick automaton per language, built once). Parsers run only there.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

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

#[derive(Debug)]
pub struct Prefilter {
    words: Vec<String>,
    automaton: Option<AhoCorasick>,
}

impl Prefilter {
    pub fn new(words: &[String]) -> Prefilter {
        let mut words: Vec<String> = words.iter().map(|w| w.to_lowercase()).filter(|w| !w.is_empty()).collect();
        words.sort();
        words.dedup();
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&words)
            .ok();
        Prefilter { words, automaton }
    }

    pub fn word(&self, index: u32) -> &str {
        self.words.get(index as usize).map_or("", String::as_str)
    }

    /// Appends the candidates of `text`, sorted by position.
    pub fn candidates(&self, text: &str, out: &mut Vec<Candidate>) {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i].is_ascii_digit() {
                let start = i;
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    i += 1;
                }
                if !prev_is_word_char(text, start) {
                    out.push(Candidate { at: start, end: i, kind: CandidateKind::Digits });
                }
            } else {
                i += 1;
            }
        }
        let digits = out.len();
        if let Some(ac) = &self.automaton {
            for m in ac.find_iter(text) {
                // A word that ends in a hyphen or an apostrophe ("un demi-", "aujourd'") is
                // followed by a letter by design.
                let open_end =
                    text.get(..m.end()).and_then(|t| t.chars().next_back()).is_some_and(|c| !c.is_alphanumeric());
                if !prev_is_word_char(text, m.start()) && (open_end || !next_is_letter(text, m.end())) {
                    out.push(Candidate {
                        at: m.start(),
                        end: m.end(),
                        kind: CandidateKind::Word(m.pattern().as_u32()),
                    });
                }
            }
        }
        if out.len() > digits {
            out.sort_by_key(|c| c.at);
        }
    }
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
    }
}
