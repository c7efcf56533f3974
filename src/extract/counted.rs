//! The noun phrase a number counts ("295 grands électeurs", "70 chefs d'État", "1,200
//! employees") and its key for comparing counts across a document: lowercase, singular, accents
//! kept ("grand électeur", "chef d'état", "employee").
//!
//! Without a part-of-speech tagger the phrase is kept short and stops at the lexicon's stop
//! words, at verbs that agreement betrays ("270 suffisent") and at punctuation.

use super::quantity::{is_space, Compiled, Word};

/// A word: letters with inner hyphens or apostrophes ("chefs-lieux", "aujourd'hui").
fn word(i: &str) -> usize {
    let mut end = 0;
    while let Some(rest) = i.get(end..) {
        // ASCII letters (most of a word) a byte at a time.
        let ascii = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
        if ascii > 0 {
            end += ascii;
            continue;
        }
        let Some(c) = rest.chars().next() else { break };
        let after = rest.get(c.len_utf8()..).unwrap_or_default();
        let inner = matches!(c, '-' | '\'' | '’') && after.chars().next().is_some_and(is_letter);
        if is_letter(c) || (inner && end > 0) {
            end += c.len_utf8();
        } else {
            break;
        }
    }
    end
}

/// `c.is_alphabetic()`, told without the Unicode tables for Latin-1, where all of U+00C0..U+00FF
/// but × and ÷ are letters.
fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\u{c0}'..='\u{ff}' => c != '×' && c != '÷',
        _ => c.is_alphabetic(),
    }
}

/// One space (any kind) between words; more is not one phrase.
fn one_space(i: &str) -> usize {
    match i.chars().next() {
        Some(c) if is_space(c) => c.len_utf8(),
        _ => 0,
    }
}

/// Appends `w` in lower case to `key` when it is made of U+0000..U+00FF and U+2000..U+203F
/// (punctuation, no case) only, without the Unicode tables: A..Z and À..Þ (but ×) are the upper
/// case letters there, 0x20 before their lower case. False, `key` as it was, otherwise.
fn push_latin_lower(w: &str, key: &mut String) -> bool {
    let from = key.len();
    for c in w.chars() {
        let lower = match c {
            'A'..='Z' | 'À'..='Þ' if c != '×' => char::from_u32(u32::from(c) + 0x20),
            '\0'..='\u{ff}' | '\u{2000}'..='\u{203f}' => Some(c),
            _ => None,
        };
        match lower {
            Some(l) => key.push(l),
            None => {
                key.truncate(from);
                return false;
            }
        }
    }
    true
}

fn ends_like_verb(w: &str) -> bool {
    w.ends_with("ent") || w.ends_with("ont") || w.ends_with("aient")
}

fn plural_looking(w: &str) -> bool {
    w.ends_with('s') || w.ends_with('x')
}

fn ends_with_scale(lex: &Compiled, text: &str, end: usize) -> bool {
    let Some(head) = text.get(..end) else { return false };
    let start = head.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| i + 1);
    // After digits ("5 millions" ends in a letter): no word, no scale.
    let Some(w) = head.get(start..).filter(|w| !w.is_empty()) else { return false };
    matches!(lex.word_at(w), Some((_, Word::Card(1000..) | Word::ApproxCount(_) | Word::Mult(_))))
}

fn noun_after(lex: &Compiled, text: &str, pos: usize) -> bool {
    let Some(rest) = text.get(pos..) else { return false };
    let s = one_space(rest);
    let w = rest.get(s..).map_or("", |r| r.get(..word(r)).unwrap_or_default());
    s > 0 && w.starts_with(char::is_lowercase) && !Compiled::is_in(&lex.stop_words, w)
}

/// Appends the singular of `w`, lowercase, to `key` (no allocation but the key's own).
fn push_singular(lex: &Compiled, w: &str, key: &mut String) {
    let from = key.len();
    if w.is_ascii() {
        key.push_str(w);
        if let Some(lower) = key.get_mut(from..) {
            lower.make_ascii_lowercase();
        }
    } else if push_latin_lower(w, key) {
        // Lower case a byte at a time.
    } else if w.contains('Σ') {
        // A final sigma lowercases by its place in the word: only `to_lowercase` knows.
        key.push_str(&w.to_lowercase());
    } else {
        key.extend(w.chars().flat_map(char::to_lowercase));
    }
    let lower = key.get(from..).unwrap_or_default();
    match lex.singular_of(lower) {
        Some(None) => return,
        Some(Some(s)) => {
            key.truncate(from);
            key.push_str(s);
            return;
        }
        None => {}
    }
    let n = lower.chars().count();
    let ends = |s: &str| key.get(from..).is_some_and(|l| l.ends_with(s));
    // Bytes to drop from the end and what to put instead.
    let (drop, add) = if lex.agreement {
        if n > 4 && ends("eaux") {
            (1, "")
        } else if n > 4 && ends("aux") {
            (3, "al")
        } else if n > 2 && (ends("s") || ends("x")) {
            (1, "")
        } else {
            (0, "")
        }
    } else if n > 4 && ends("ies") {
        (3, "y")
    } else if n > 4 && ["sses", "ches", "shes", "xes", "zes"].into_iter().any(ends) {
        (2, "")
    } else if n > 2 && ends("s") && !ends("ss") && !ends("us") && !ends("is") {
        (1, "")
    } else {
        (0, "")
    };
    key.truncate(key.len() - drop);
    key.push_str(add);
}

/// COUNTED := GAP [OF] WORD [SPACE WORD] [SPACE ("d'"|"de ") CAPITALIZED_WORD]
///   after a number ending at `end` of `text` (value `value`). Returns the phrase's byte range,
///   its key and whether it is an anaphoric adjective ("les 270 nécessaires").
pub fn after(lex: &Compiled, text: &str, end: usize, value: f64) -> Option<(usize, usize, String, bool)> {
    let rest = text.get(end..)?;
    let g = one_space(rest);
    if g == 0 {
        return None;
    }
    let mut pos = end + g;
    // "5 millions d'habitants", "une dizaine de personnes": after a scale or a round count,
    // "de" opens the noun ("one of them" is no count of "them").
    if ends_with_scale(lex, text, end) {
        let r = text.get(pos..)?;
        if let Some(l) = Compiled::starts_with(&lex.of_words, r) {
            let l2 =
                if r.get(..l).is_some_and(|s| s.ends_with(['\'', '’'])) { l } else { l + one_space(r.get(l..)?) };
            if l2 > l || r.get(..l).is_some_and(|s| s.ends_with(['\'', '’'])) {
                pos += l2;
            }
        }
    }
    let start = pos;
    let w1_len = word(text.get(pos..)?);
    let w1 = text.get(pos..pos + w1_len)?;
    if w1.is_empty() || !w1.starts_with(char::is_lowercase) || Compiled::is_in(&lex.stop_words, w1) {
        return None;
    }
    if value > 1.0 && ends_like_verb(w1) {
        return None;
    }
    pos += w1_len;
    let mut key = String::with_capacity(2 * w1.len());
    push_singular(lex, w1, &mut key);
    // "les 270 nécessaires": the adjective stands alone; "les 10 derniers jours" has its noun.
    if Compiled::is_in(&lex.anaphoric, w1) && !noun_after(lex, text, pos) {
        return Some((start, pos, key, true));
    }
    let mut words = 1;
    // Second word: an adjective or the noun after an adjective.
    let s = one_space(text.get(pos..)?);
    if s > 0 {
        let at = pos + s;
        let l = word(text.get(at..)?);
        let w2 = text.get(at..at + l)?;
        let agrees = if lex.agreement {
            value <= 1.0 || (plural_looking(w1) && plural_looking(w2))
        } else {
            !plural_looking(w1) && !w2.ends_with("ed") && !w2.ends_with("ing")
        };
        let noun_like = w2.starts_with(char::is_lowercase) && !Compiled::is_in(&lex.stop_words, w2);
        let verb = value > 1.0 && ends_like_verb(w2);
        let ok = noun_like && !verb && agrees;
        if ok {
            key.push(' ');
            push_singular(lex, w2, &mut key);
            pos = at + l;
            words += 1;
        }
    }
    // "chefs d'État": a complement naming an institution.
    if lex.agreement && words <= 2 {
        let s = one_space(text.get(pos..)?);
        let r = text.get(pos + s..)?;
        for de in ["d'", "d’", "de "] {
            let Some(after) = r.strip_prefix(de) else { continue };
            let l = word(after);
            let w3 = after.get(..l)?;
            if s > 0 && w3.starts_with(char::is_uppercase) && !w3.contains(['\'', '’']) {
                key.push(' ');
                key.push_str(&de.trim_end().replace('’', "'"));
                if de == "de " {
                    key.push(' ');
                }
                key.push_str(&w3.to_lowercase());
                pos += s + de.len() + l;
            }
            break;
        }
    }
    Some((start, pos, key, false))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Lexicon;
    use crate::source::Lang;

    fn counted(lang: Lang, text: &str) -> Option<(String, String, bool)> {
        let lex = Lexicon::get(lang).numbers.compiled();
        let end = text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len());
        let value: f64 = text[..end].parse().unwrap_or(0.0);
        after(lex, text, end, value).map(|(s, e, key, ana)| (text[s..e].to_string(), key, ana))
    }

    #[test]
    fn reads_words_with_inner_hyphens_and_apostrophes() {
        for (input, want) in [
            ("chefs-lieux du", "chefs-lieux"),
            ("aujourd'hui,", "aujourd'hui"),
            ("l’État.", "l’État"),
            ("électeurs inscrits", "électeurs"),
            ("-abc", ""),
            ("ab- c", "ab"),
            ("a×b", "a"),
            ("naïveté", "naïveté"),
            ("œuvres d'art", "œuvres"),
            ("Ωmega", "Ωmega"),
            ("12 pays", ""),
            ("", ""),
        ] {
            assert_eq!(&input[..word(input)], want, "{input:?}");
        }
        for c in ['a', 'Z', 'é', 'À', 'ÿ', '×', '÷', 'ª', 'µ', '1', ' ', 'œ', 'Ω'] {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn lowers_latin_1_as_to_lowercase() {
        for w in ["ÉLECTEURS", "Chefs-d’État", "ÀÞ×ÿß", "µm", "x"] {
            let mut key = String::from("k ");
            assert!(push_latin_lower(w, &mut key), "{w:?}");
            assert_eq!(key, format!("k {}", w.to_lowercase()), "{w:?}");
        }
        for w in ["ŒUVRE", "ΣΑΣ"] {
            let mut key = String::from("k ");
            assert!(!push_latin_lower(w, &mut key), "{w:?}");
            assert_eq!(key, "k ");
        }
    }

    #[test]
    fn reads_counted_phrases() {
        for (lang, input, phrase, key, anaphoric) in [
            (Lang::Fr, "295 grands électeurs sur les 270", "grands électeurs", "grand électeur", false),
            (Lang::Fr, "70 chefs d'État réunis", "chefs d'État", "chef d'état", false),
            (Lang::Fr, "270 nécessaires", "nécessaires", "nécessaire", true),
            (Lang::Fr, "12 pays membres", "pays membres", "pays membre", false),
            (Lang::Fr, "3 chevaux", "chevaux", "cheval", false),
            (Lang::En, "1200 employees in France", "employees", "employee", false),
            (Lang::En, "12 members voted", "members", "member", false),
            (Lang::En, "295 electoral votes", "electoral votes", "electoral vote", false),
            (Lang::En, "40 countries", "countries", "country", false),
            (Lang::En, "270 needed", "needed", "needed", true),
        ] {
            assert_eq!(counted(lang, input), Some((phrase.to_string(), key.to_string(), anaphoric)), "{input:?}");
        }
    }

    #[test]
    fn refuses_what_is_not_counted() {
        for (lang, input) in [
            (Lang::Fr, "270 suffisent"),
            (Lang::Fr, "12 sur 20"),
            (Lang::Fr, "12 Paris"),
            (Lang::Fr, "12, puis"),
            (Lang::En, "12 of the 10"),
            (Lang::En, "12 were"),
        ] {
            assert_eq!(counted(lang, input), None, "{input:?}");
        }
    }
}
