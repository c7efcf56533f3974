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
    let mut it = i.char_indices().peekable();
    while let Some((at, c)) = it.next() {
        let inner = matches!(c, '-' | '\'' | '’') && it.peek().is_some_and(|&(_, n)| n.is_alphabetic());
        if c.is_alphabetic() || (inner && at > 0) {
            end = at + c.len_utf8();
        } else {
            break;
        }
    }
    end
}

/// One space (any kind) between words; more is not one phrase.
fn one_space(i: &str) -> usize {
    match i.chars().next() {
        Some(c) if is_space(c) => c.len_utf8(),
        _ => 0,
    }
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
    let Some(w) = head.get(start..) else { return false };
    matches!(lex.word_at(w), Some((_, Word::Card(1000..) | Word::ApproxCount(_) | Word::Mult(_))))
}

fn noun_after(lex: &Compiled, text: &str, pos: usize) -> bool {
    let Some(rest) = text.get(pos..) else { return false };
    let s = one_space(rest);
    let w = rest.get(s..).map_or("", |r| r.get(..word(r)).unwrap_or_default());
    s > 0 && w.starts_with(char::is_lowercase) && !Compiled::is_in(&lex.stop_words, w)
}

/// The singular of `w`, lowercase.
pub fn singular(lex: &Compiled, w: &str) -> String {
    let lower = w.to_lowercase();
    if Compiled::is_in(&lex.invariant, &lower) {
        return lower;
    }
    if let Some(s) = lex.irregular_singular(&lower) {
        return s.to_string();
    }
    let n = lower.chars().count();
    if lex.agreement {
        if n > 4 {
            if let Some(stem) = lower.strip_suffix("eaux") {
                return format!("{stem}eau");
            }
            if let Some(stem) = lower.strip_suffix("aux") {
                return format!("{stem}al");
            }
        }
        if n > 2 {
            if let Some(stem) = lower.strip_suffix(['s', 'x']) {
                return stem.to_string();
            }
        }
        return lower;
    }
    if n > 4 {
        if let Some(stem) = lower.strip_suffix("ies") {
            return format!("{stem}y");
        }
        for suffix in ["sses", "ches", "shes", "xes", "zes"] {
            if let Some(stem) = lower.strip_suffix(suffix) {
                return format!("{stem}{}", &suffix[..suffix.len() - 2]);
            }
        }
    }
    if n > 2 && lower.ends_with('s') && !lower.ends_with("ss") && !lower.ends_with("us") && !lower.ends_with("is") {
        return lower[..lower.len() - 1].to_string();
    }
    lower
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
    let mut key = singular(lex, w1);
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
            key.push_str(&singular(lex, w2));
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
