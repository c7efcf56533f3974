//! Sentence segmentation of a run's text, in French and English.
//!
//! A sentence ends at ".", "!", "?", "…" or "..." (a cluster such as "?!" counts once) when the
//! closing quotes and brackets after it (« … fini. » with its space, "…stop.", "(…)") are taken
//! in, and what follows is a space and then no lowercase letter. A period does not end one
//! between digits ("3.5", "1.000": no space after it), after an initial ("J. D. Vance", "M."),
//! after a dotted abbreviation ("U.S.", "av. J.-C.", "c.-à-d."), nor after a known abbreviation
//! ("Mme", "Dr", "etc.", "p. ex."), some of them only before a number ("No. 5", "janv. 2024").
//! When in doubt the text stays in one sentence: a sentence too long is safer for the rules than
//! one cut in the middle of a claim.
//!
//! The abbreviation lists are `const` arrays here rather than `rules/lang/*.toml` entries: they
//! serve segmentation only, and segmenting must not depend on a lexicon being loaded. Adding a
//! language means adding its two arrays to [`abbreviations`].

use super::Lang;
use crate::fxhash::FxHashSet;
use std::sync::OnceLock;

/// Abbreviations that never end a sentence in French text.
const FR: &[&str] = &[
    "M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Me", "Mgr", "Dr", "Pr", "St", "Ste", "Vve", "Cie", "etc", "cf", "ex",
    "env", "av", "apr", "boul", "bd", "dir", "éd", "coll", "hab", "chap", "vol", "réf", "tél", "resp", "mlle", "mme",
];
/// French abbreviations that do not end a sentence when a number follows ("janv. 2024", "p. 35").
const FR_BEFORE_NUMBER: &[&str] = &[
    "p", "pp", "n", "no", "art", "al", "t", "fig", "janv", "févr", "fév", "avr", "juil", "sept", "oct", "nov", "déc",
    "lun", "mar", "mer", "jeu", "ven", "sam", "dim", "s",
];
/// Abbreviations that never end a sentence in English text.
const EN: &[&str] = &[
    "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Sr", "Jr", "St", "Gen", "Gov", "Sen", "Rep", "Lt", "Col", "Capt", "Sgt",
    "Cmdr", "Adm", "Rev", "Hon", "Pres", "Supt", "Messrs", "Mme", "approx", "etc", "vs", "cf", "ca", "Ave", "Blvd",
    "Mt", "Ft", "dept", "Dept", "est",
];
/// English abbreviations that do not end a sentence when a number follows ("No. 5", "Jan. 6").
const EN_BEFORE_NUMBER: &[&str] = &[
    "No", "no", "Nos", "nos", "p", "pp", "vol", "ch", "chap", "fig", "art", "sec", "para", "Jan", "Feb", "Mar", "Apr",
    "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs",
    "Fri", "Sat", "Sun", "op", "ed",
];

/// Byte length of the longest abbreviation of the lists.
const LONGEST_LISTED: usize = {
    let lists = [FR, FR_BEFORE_NUMBER, EN, EN_BEFORE_NUMBER];
    let mut longest = 0;
    let mut l = 0;
    while l < lists.len() {
        let mut i = 0;
        while i < lists[l].len() {
            if lists[l][i].len() > longest {
                longest = lists[l][i].len();
            }
            i += 1;
        }
        l += 1;
    }
    longest
};

/// The abbreviation lists of a language: always, and before a number only.
pub fn abbreviations(lang: Lang) -> (&'static [&'static str], &'static [&'static str]) {
    match lang {
        Lang::Fr => (FR, FR_BEFORE_NUMBER),
        Lang::En => (EN, EN_BEFORE_NUMBER),
    }
}

/// Sentences as byte ranges of `text`, without the spaces around them.
pub fn sentences(text: &str, lang: Lang) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    // about one sentence per 100 bytes of news: rarely grown, never by much
    let mut out = Vec::with_capacity(bytes.len() / 96 + 1);
    let mut start = skip_spaces(text, 0);
    let mut i = start;
    static ELLIPSIS: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
    let ellipsis = ELLIPSIS.get_or_init(|| memchr::memmem::Finder::new("…"));
    let mut next_ellipsis = ellipsis.find(bytes).unwrap_or(usize::MAX);
    while i < bytes.len() {
        // The next mark: ".", "!", "?" found by memchr, "…" by its own finder, kept ahead.
        if next_ellipsis < i {
            next_ellipsis = bytes.get(i..).and_then(|b| ellipsis.find(b)).map_or(usize::MAX, |e| i + e);
        }
        let ascii = bytes.get(i..).and_then(|b| memchr::memchr3(b'.', b'!', b'?', b)).map_or(usize::MAX, |m| i + m);
        i = ascii.min(next_ellipsis);
        let Some(end_of_marks) = terminator(bytes, i) else { break };
        let end = closers(text, end_of_marks);
        let next = skip_spaces(text, end);
        if next == end || next >= bytes.len() {
            // "3.5", "U.S.A", "x.com": no space after; or the end of the text.
            i = end;
            continue;
        }
        if ends_sentence(text, lang, i, end_of_marks, end, next) {
            out.push((start, end));
            start = next;
        }
        i = next;
    }
    let end = text.trim_end().len();
    if start < end {
        out.push((start, end));
    }
    out
}

// MARKS := ("." | "!" | "?" | "…")+
/// The end of the cluster of sentence marks starting at `i`, if one starts there.
fn terminator(bytes: &[u8], i: usize) -> Option<usize> {
    let mut j = i;
    loop {
        match bytes.get(j) {
            Some(b'.' | b'!' | b'?') => j += 1,
            Some(0xE2) if bytes.get(j + 1..j + 3) == Some(&[0x80, 0xA6]) => j += 3,
            _ => break,
        }
    }
    (j > i).then_some(j)
}

// CLOSERS := (")" | "]" | '"' | "'" | "”" | "’" | "»" | SPACE "»" | SPACE "”")*
/// Closing quotes and brackets after the marks belong to the sentence they close.
fn closers(text: &str, mut i: usize) -> usize {
    loop {
        // most marks are followed by a space and a letter, or by a letter or digit
        match text.as_bytes().get(i) {
            Some(b' ') if text.as_bytes().get(i + 1).is_some_and(u8::is_ascii) => return i,
            Some(b) if b.is_ascii_alphanumeric() => return i,
            _ => {}
        }
        let rest = text.get(i..).unwrap_or("");
        let mut chars = rest.chars();
        match chars.next() {
            Some(c @ (')' | ']' | '"' | '\'' | '”' | '’' | '»')) => i += c.len_utf8(),
            Some(c @ (' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')) => match chars.next() {
                Some(q @ ('»' | '”')) => i += c.len_utf8() + q.len_utf8(),
                _ => return i,
            },
            _ => return i,
        }
    }
}

/// `i` moved past the white space (as [`str::trim_start`] judges it) that starts at `i`.
fn skip_spaces(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        match bytes.get(i) {
            Some(b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) => i += 1,
            Some(0x80..) => match text.get(i..).and_then(|s| s.chars().next()) {
                Some(c) if c.is_whitespace() => i += c.len_utf8(),
                _ => return i,
            },
            _ => return i,
        }
    }
}

/// Whether the marks at `marks..marks_end` (closers up to `end`) end a sentence, the next one
/// starting at `next`.
fn ends_sentence(text: &str, lang: Lang, marks: usize, marks_end: usize, end: usize, next: usize) -> bool {
    let after = match text.as_bytes().get(next) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        _ => text.get(next..).and_then(|s| s.chars().next()),
    };
    if after.is_some_and(char::is_lowercase) {
        return false; // "etc. et", "« Quoi ? » dit-il", "Il a dit… rien"
    }
    // Only a lone period right before the space can close an abbreviation.
    if marks_end != marks + 1 || end != marks_end || text.as_bytes().get(marks) != Some(&b'.') {
        return true;
    }
    let word = word_before(text, marks);
    !is_abbreviation(word, lang, after.is_some_and(|c| c.is_ascii_digit()))
}

/// The word before a period: letters, and the periods and hyphens of "U.S", "J.-C" (at most a
/// few bytes back: nothing longer is an abbreviation).
fn word_before(text: &str, at: usize) -> &str {
    let head = text.get(..at).unwrap_or("");
    let bytes = head.as_bytes();
    let mut start = at;
    // ASCII letters, periods and hyphens a byte at a time; other characters decoded
    while start > 0 && at - (start - 1) <= 24 {
        match bytes.get(start - 1) {
            Some(b) if b.is_ascii_alphabetic() || *b == b'.' || *b == b'-' => start -= 1,
            Some(b) if b.is_ascii() => break,
            _ => match head.get(..start).and_then(|h| h.char_indices().next_back()) {
                Some((i, c)) if c.is_alphabetic() && at - i <= 24 => start = i,
                _ => break,
            },
        }
    }
    head.get(start..).unwrap_or("")
}

fn is_abbreviation(word: &str, lang: Lang, before_number: bool) -> bool {
    let word = word.trim_start_matches(['.', '-']);
    if word.len() > LONGEST_LISTED + 3 && !word.contains('.') {
        return false; // longer than any listed word, even capitalised (see may_be_same_word)
    }
    let mut chars = word.chars();
    let Some(first) = chars.next() else { return false };
    if chars.next().is_none() {
        // An initial ("J. D. Vance", "M. Dupont"); lowercase single letters are in the lists.
        if first.is_uppercase() {
            return true;
        }
    }
    if word.contains('.') {
        // "U.S", "e.g", "p.ex", "J.-C", "c.-à-d", "Ph.D": short letter groups between periods.
        return word.split(['.', '-']).all(|part| part.chars().count() <= 2);
    }
    let (always, before) = abbreviations(lang);
    let (always_set, before_set) = abbreviation_sets(lang);
    // the word as listed, by hash; capitalised ("Cf."), by a walk of the list
    let capitalised = first.is_uppercase();
    let listed = |set: &FxHashSet<&str>, list: &[&str]| {
        set.contains(word) || (capitalised && list.iter().any(|a| may_be_same_word(word, a) && same_word(word, a)))
    };
    listed(always_set, always) || (before_number && listed(before_set, before))
}

/// [`abbreviations`] as hash sets, built once.
fn abbreviation_sets(lang: Lang) -> (&'static FxHashSet<&'static str>, &'static FxHashSet<&'static str>) {
    static SETS: OnceLock<[FxHashSet<&'static str>; 4]> = OnceLock::new();
    let [fr, fr_before, en, en_before] = SETS.get_or_init(|| {
        let set = |list: &[&'static str]| list.iter().copied().collect();
        [set(FR), set(FR_BEFORE_NUMBER), set(EN), set(EN_BEFORE_NUMBER)]
    });
    match lang {
        Lang::Fr => (fr, fr_before),
        Lang::En => (en, en_before),
    }
}

/// A necessary condition of [`same_word`], in a few instructions: byte lengths at most 3 apart
/// (a character is 1 to 4 bytes long) and, unless the word is one character, the same last
/// byte (the two differ at most in their first character).
fn may_be_same_word(word: &str, entry: &str) -> bool {
    word.len().abs_diff(entry.len()) <= 3
        && (word.as_bytes().last() == entry.as_bytes().last() || word.chars().nth(1).is_none())
}

/// `word` is `entry`, or `entry` capitalised at the start of a sentence ("Cf.", "Env.").
fn same_word(word: &str, entry: &str) -> bool {
    if word == entry {
        return true;
    }
    let (mut w, mut e) = (word.chars(), entry.chars());
    match (w.next(), e.next()) {
        (Some(a), Some(b)) => b.is_lowercase() && a.is_uppercase() && a.to_lowercase().eq(b.to_lowercase()) && w.eq(e),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quick_check_never_rejects_a_same_word() {
        for (word, entry) in
            [("Env", "env"), ("env", "env"), ("Éd", "éd"), ("M", "M"), ("p", "p"), ("P", "p"), ("Cf", "cf")]
        {
            assert!(same_word(word, entry), "{word} {entry}");
            assert!(may_be_same_word(word, entry), "{word} {entry}");
        }
        for (word, entry) in [("Envi", "env"), ("ENV", "env"), ("p", "P"), ("Mmes", "Mme")] {
            assert!(!same_word(word, entry), "{word} {entry}");
        }
        assert!(!may_be_same_word("Mmes", "Mme"));
    }

    fn split(text: &str, lang: Lang) -> Vec<&str> {
        sentences(text, lang).into_iter().map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn splits_french() {
        for (text, want) in [
            ("Il pleut. Il vente.", vec!["Il pleut.", "Il vente."]),
            ("Vraiment ? Oui ! Non…  Peut-être.", vec!["Vraiment ?", "Oui !", "Non…", "Peut-être."]),
            ("Quoi ?! Encore... Bon.", vec!["Quoi ?!", "Encore...", "Bon."]),
            ("Il a dit : « C'est fini. » Puis il est parti.", vec!["Il a dit : « C'est fini. »", "Puis il est parti."]),
            ("Il a dit « c'est fini ».\u{a0}Ensuite, rien.", vec!["Il a dit « c'est fini ».", "Ensuite, rien."]),
            ("(Une parenthèse.) Suite.", vec!["(Une parenthèse.)", "Suite."]),
            ("En 2024. 300 personnes.", vec!["En 2024.", "300 personnes."]),
            ("Fin de la session. Le 5 nov. il part.", vec!["Fin de la session.", "Le 5 nov. il part."]),
            ("  Espaces autour.  ", vec!["Espaces autour."]),
        ] {
            assert_eq!(split(text, Lang::Fr), want, "{text:?}");
        }
    }

    #[test]
    fn keeps_french_abbreviations_and_numbers_in_one_sentence() {
        for text in [
            "M. Dupont est arrivé.",
            "Mme Durand et MM. Martin et Petit sont venus.",
            "Le Dr. Martin a parlé.",
            "Des pommes, des poires, etc. Rien d'autre.",
            "Des fruits, p. ex. des pommes.",
            "Né en 52 av. J.-C. à Rome.",
            "Il a payé 3.5 euros.",
            "Il a payé 3,5 euros.",
            "Il y avait 1.000 personnes.",
            "Voir p. 35 et art. 12 du code.",
            "Le 12 janv. 2024 et le 3 févr. 2023.",
            "Il a dit… rien du tout.",
            "« Vraiment ? » demanda-t-il.",
            "Elle a rejoint les U.S. Marines.",
            "C.-à-d. rien.",
            "Paris compte 2 millions d'hab. Environ.",
            "Le prix env. 300 euros.",
        ] {
            assert_eq!(split(text, Lang::Fr), vec![text], "{text:?}");
        }
    }

    #[test]
    fn splits_english() {
        for (text, want) in [
            ("It rained. Then it stopped.", vec!["It rained.", "Then it stopped."]),
            ("He said \"stop.\" Then he left.", vec!["He said \"stop.\"", "Then he left."]),
            ("Really?! Yes.", vec!["Really?!", "Yes."]),
            ("He was born in the USA. Then he moved.", vec!["He was born in the USA.", "Then he moved."]),
            ("The answer was no. Then he left.", vec!["The answer was no.", "Then he left."]),
            ("It was in Jan. The next month too.", vec!["It was in Jan.", "The next month too."]),
        ] {
            assert_eq!(split(text, Lang::En), want, "{text:?}");
        }
    }

    #[test]
    fn keeps_english_abbreviations_and_numbers_in_one_sentence() {
        for text in [
            "Mr. Smith met Dr. Jones.",
            "J. D. Vance spoke.",
            "The U.S. Senate voted.",
            "It costs 3.5 dollars.",
            "He lives at No. 5 Main St. in town.",
            "On Jan. 6 the count resumed.",
            "Apples, pears, etc. All fruit.",
            "Fruit, e.g. apples.",
            "Gen. Smith and Sen. Jones met.",
            "It weighed approx. 300 pounds.",
            "See St. Louis.",
            "The vote was 52 vs. 48 percent.",
        ] {
            assert_eq!(split(text, Lang::En), vec![text], "{text:?}");
        }
    }

    #[test]
    fn byte_paths_agree_with_the_unicode_definitions() {
        // skip_spaces is trim_start
        for text in ["  a", "\t\n\r\x0b\x0cx", "\u{a0}\u{202f}\u{3000} y", "\x1c z", "é", "", "   ", "\u{85}q"] {
            for i in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let rest = &text[i..];
                assert_eq!(skip_spaces(text, i), i + rest.len() - rest.trim_start().len(), "{text:?} {i}");
            }
        }
        // word_before: letters of any script, periods and hyphens, at most 24 bytes back
        assert_eq!(word_before("le Dr", 5), "Dr");
        assert_eq!(word_before("av. J.-C", 8), "J.-C");
        assert_eq!(word_before("la réf", 6 + 1), "réf");
        assert_eq!(word_before("1 Ελλάδα", "1 Ελλάδα".len()), "Ελλάδα");
        assert_eq!(word_before("x’Mme", "x’Mme".len()), "Mme");
        let long = "a".repeat(30);
        assert_eq!(word_before(&long, 30).len(), 24);
        let long = "é".repeat(20);
        assert_eq!(word_before(&long, 40).len(), 24);
        // closers: ASCII after the space, or a letter, ends them at once
        assert_eq!(closers("» x", 0), "»".len());
        assert_eq!(closers(" » x", 0), " »".len());
        assert_eq!(closers(" x", 0), 0);
        assert_eq!(closers(")\") x", 0), 3);
        // a word longer than any listed one is no abbreviation, capitalised or not
        assert!(LONGEST_LISTED >= "approx".len());
        assert!(!is_abbreviation("Approximately", Lang::En, false));
        assert!(is_abbreviation("Approx", Lang::En, false));
        assert!(is_abbreviation("U.S.A", Lang::En, false));
    }

    #[test]
    fn reads_long_and_odd_text() {
        assert!(sentences("", Lang::Fr).is_empty());
        assert!(sentences("   ", Lang::Fr).is_empty());
        assert_eq!(split("...", Lang::Fr), vec!["..."]);
        assert_eq!(split("Fin.", Lang::Fr), vec!["Fin."]);
        assert_eq!(split("See x.com. Then", Lang::En), vec!["See x.com.", "Then"]);
        assert_eq!(split("See A.B.C. Then", Lang::En), vec!["See A.B.C. Then"]);
        let long = "Il pleut. ".repeat(200_000);
        assert_eq!(sentences(&long, Lang::Fr).len(), 200_000);
        let no_space = "a.".repeat(1_000_000);
        assert_eq!(sentences(&no_space, Lang::Fr).len(), 1);
        let word = format!("{}. Suite.", "é".repeat(1_000_000));
        assert_eq!(sentences(&word, Lang::Fr).len(), 2);
    }
}
