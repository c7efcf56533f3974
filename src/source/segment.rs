//! Sentence segmentation of a run's text.

use super::Lang;

/// Sentences as byte ranges of `text`. A period after a known abbreviation or between digits
/// does not end a sentence.
pub fn sentences(text: &str, _lang: Lang) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = text.as_bytes();
    for (i, c) in text.char_indices() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let next = b.get(i + 1).copied();
        if !matches!(next, None | Some(b' ' | b'\n' | b'"' | b')')) {
            continue;
        }
        let word_start =
            text[..i].char_indices().rev().find(|(_, c)| !c.is_alphanumeric()).map_or(0, |(p, c)| p + c.len_utf8());
        let word = &text[word_start..i];
        if c == '.' && is_abbreviation(word) {
            continue;
        }
        out.push((start, i + 1));
        start = i + 1;
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

fn is_abbreviation(word: &str) -> bool {
    matches!(
        word,
        "M" | "Mme" | "Mlle" | "Dr" | "Mr" | "Mrs" | "Ms" | "St" | "etc" | "ex" | "p" | "cf" | "av" | "J" | "Jr" | "Sr"
    ) || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
}
