//! Numbers glued to what scales them, read before the general quantity reader: exponents
//! ("1e10", "12,32e+14", "1.3x10^6", "2,5^-1"), a glued "G" after a decimal (".0012G",
//! "1,5G"), and a spaced scale letter that ends the text or a clause ("2,33 k", "1,674.5 G").
//!
//! Each reading is glued or final on purpose: "5G" and "4G" are network generations, "5 M.
//! Dupont" is a name, "300 K" a temperature, "A1e5" an identifier; none of them is read here.

use super::number_digits::{self, Mark};
use super::quantity::{is_space, Compiled};

/// What a glued reading found at a digit candidate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Glued {
    /// A number at run-text bytes `start..end`.
    Found { start: usize, end: usize, value: f64 },
    /// An exponent beyond f64 ("1e400"): nothing before this byte is a number.
    Skip(usize),
}

fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at)?.chars().next_back()
}

/// Where a glued number may start: the start of the text, after a space, an opening bracket or
/// quote. Not after a letter ("A1e5"), a digit, a mark or a slash (a chain of codes).
fn free_before(c: Option<char>) -> bool {
    c.is_none_or(|c| is_space(c) || matches!(c, '(' | '[' | '"' | '«' | '“' | '\'' | '\n' | ':' | ';'))
}

/// SIGN := ("-" | "−" | "+") glued to the number, or followed by spaces at the very start of
/// the run (plain text "- 10 k"). Its start and the sign.
fn sign_before(text: &str, at: usize) -> Option<(usize, f64)> {
    let head = text.get(..at)?;
    let trimmed = head.trim_end_matches(is_space);
    let c = trimmed.chars().next_back()?;
    let sign = match c {
        '-' | '−' => -1.0,
        '+' => 1.0,
        _ => return None,
    };
    let sign_at = trimmed.len() - c.len_utf8();
    let tight = trimmed.len() == head.len();
    (free_before(char_before(text, sign_at)) && (tight || sign_at == 0)).then_some((sign_at, sign))
}

/// A scale letter with a space before it: ends the text, or comes before a clause mark. "k" may
/// also end a sentence; "M." and "G." may be initials, so they may not.
fn spaced_scale(rest: &str) -> Option<(usize, f64)> {
    let gap = rest.len() - rest.trim_start_matches(is_space).len();
    if gap == 0 || rest.get(..gap)?.chars().count() > 2 {
        return None;
    }
    let r = rest.get(gap..)?;
    let (letter, scale) = [("k", 1e3), ("M", 1e6), ("G", 1e9)].into_iter().find(|(l, _)| r.starts_with(l))?;
    let after = r.get(1..)?;
    let ends = after.trim_start_matches(is_space).is_empty()
        || after.starts_with([',', ';', ':', '!', '?', ')'])
        || (letter == "k" && after.starts_with('.'));
    ends.then_some((gap + 1, scale))
}

/// Whether [`read`] may find anything at digit candidate `at`: a cheap test over the bytes after
/// the digits, so that the number is parsed once (by the quantity reader) in most cases. True
/// when a mark comes before the digits (LEADING), when lakh grouping may start (English), or
/// when the first character after the digits, their separators and spaces may glue: an exponent
/// ("e", "^", "x", "×", "*"), a scale letter ("G", "k", "M"), or in English a scale word
/// ("hundred") or a spoken point. Every reading of [`read`] needs one of these.
pub fn may_read(lex: &Compiled, text: &str, at: usize) -> bool {
    let mark_char = if lex.decimal_comma { ',' } else { '.' };
    if char_before(text, at) == Some(mark_char) {
        return true;
    }
    let Some(tail) = text.get(at..) else { return false };
    let english = !lex.decimal_comma;
    let lead = tail.bytes().take_while(u8::is_ascii_digit).count();
    // INDIAN: a pair of digits between two commas after the lead ("12,34,567").
    let b = tail.as_bytes();
    let pair = |k: usize| b.get(k).is_some_and(u8::is_ascii_digit);
    if english
        && (1..=2).contains(&lead)
        && b.get(lead) == Some(&b',')
        && pair(lead + 1)
        && pair(lead + 2)
        && b.get(lead + 3) == Some(&b',')
    {
        return true;
    }
    let after = tail.trim_start_matches(|c: char| c.is_ascii_digit() || c == ',' || c == '.' || is_space(c));
    match after.chars().next() {
        Some('e' | 'E' | '^' | 'x' | 'X' | '×' | '*' | 'G' | 'k' | 'M') => true,
        Some(c) if english && c.is_alphabetic() => {
            matches!(lex.word_at(after), Some((_, super::quantity::Word::Card(100..))))
                || lex.decimal_word_at(after).is_some()
        }
        _ => false,
    }
}

/// Reads a glued number at digit candidate `at`.
pub fn read(lex: &Compiled, text: &str, at: usize) -> Option<Glued> {
    let mark = if lex.decimal_comma { Mark::Comma } else { Mark::Point };
    let mark_char = if lex.decimal_comma { ',' } else { '.' };
    // LEADING := [SIGN] MARK DIGITS (".0012G", "-,0012G")
    let leading = char_before(text, at) == Some(mark_char);
    let num_start = if leading { at - 1 } else { at };
    let (start, sign) = match sign_before(text, num_start) {
        Some((s, sign)) => (s, sign),
        None => (num_start, 1.0),
    };
    if !free_before(char_before(text, start)) {
        return None;
    }
    let tail = text.get(at..)?;
    if leading {
        let digits = tail.bytes().take_while(u8::is_ascii_digit).count();
        let frac: f64 = format!("0.{}", tail.get(..digits)?).parse().ok()?;
        let rest = tail.get(digits..)?;
        let (len, scale) = glued_giga(rest).or_else(|| spaced_scale(rest))?;
        return Some(Glued::Found { start, end: at + digits + len, value: sign * frac * scale });
    }
    // The number is read once, then with its exponent if one is glued (SCIENTIFIC).
    let (rest, d) = number_digits::number(mark, tail).ok()?;
    if let Ok((rest, s)) = number_digits::exponent_after(tail, d, rest) {
        let end = at + tail.len() - rest.len();
        return Some(match s.value(sign) {
            Some(value) => Glued::Found { start, end, value },
            None => Glued::Skip(end),
        });
    }
    let end = at + d.len;
    // "1,5G": giga only after a decimal ("5G" is a network generation).
    if let Some((len, scale)) = glued_giga(rest).filter(|_| !d.integer) {
        return Some(Glued::Found { start, end: end + len, value: sign * d.value * scale });
    }
    if let Some((end, value)) =
        mixed(lex, text, at).or_else(|| spoken_point(lex, text, at)).or_else(|| indian(lex, tail, at))
    {
        return Some(Glued::Found { start, end, value: sign * value });
    }
    // "2,33 k", "1,674.5 G": a measured amount, or a bare number at the very end of the text.
    let (len, scale) = spaced_scale(rest)?;
    let final_letter = rest.get(len..).is_some_and(|r| r.trim_start_matches(is_space).is_empty());
    if d.integer && !d.grouped && !final_letter {
        return None;
    }
    Some(Glued::Found { start, end: end + len, value: sign * d.value * scale })
}

/// Spaces between two pieces of a number: one or two.
fn spaces(i: &str) -> Option<usize> {
    let n = i.len() - i.trim_start_matches(is_space).len();
    (n > 0 && i.get(..n)?.chars().count() <= 2).then_some(n)
}

/// MIXED := PIECE (SP PIECE)* [SP AND SP REST] with at least two pieces, a REST, or a decimal
///   PIECE := INT SP SCALE, INT of 1 to 3 plain digits (the first may be a decimal: "2.12
///   hundred"), each SCALE word smaller than the one before; REST := INT | NUMBER_WORDS, smaller
///   than the last scale, and only after "hundred" ("5 million and 20 firms" are two numbers)
///   unless it is a fraction ("3 million and a quarter"). "4 thousand 3 hundred and 21", "3
///   hundred and one". English only: in French "322 cent" may be cents. A year is never joined: its four
///   digits are no piece ("in 2020 3 hundred").
fn mixed(lex: &Compiled, text: &str, at: usize) -> Option<(usize, f64)> {
    if lex.decimal_comma {
        return None;
    }
    let mut pos = at;
    let mut total = 0.0;
    let mut last_scale = f64::INFINITY;
    let mut pieces = 0;
    let mut decimal = false;
    let mut end = at;
    while let Ok((_, d)) = number_digits::number(Mark::Point, text.get(pos..)?) {
        let plain = d.integer && !d.grouped && d.len <= 3;
        let first_decimal = pieces == 0 && !d.integer && !d.grouped;
        if !(plain || first_decimal) {
            break;
        }
        let after = pos + d.len;
        let Some(g) = spaces(text.get(after..)?) else { break };
        let Some((sl, super::quantity::Word::Card(s))) = lex.word_at(text.get(after + g..)?) else { break };
        let s = s as f64;
        if s < 100.0 || s >= last_scale {
            break;
        }
        decimal |= !d.integer;
        total += d.value * s;
        last_scale = s;
        pieces += 1;
        end = after + g + sl;
        let Some(g2) = spaces(text.get(end..)?) else { break };
        if !text.get(end + g2..)?.starts_with(|c: char| c.is_ascii_digit()) {
            break;
        }
        pos = end + g2;
    }
    if pieces == 0 {
        return None;
    }
    // SP AND SP REST
    let rest = (|| {
        let g = spaces(text.get(end..)?)?;
        let al = lex.and_word_at(text.get(end + g..)?)?;
        let g2 = spaces(text.get(end + g + al..)?)?;
        let p = end + g + al + g2;
        let tail = text.get(p..)?;
        let (len, v) = if tail.starts_with(|c: char| c.is_ascii_digit()) {
            let (_, d) = number_digits::number(Mark::Point, tail).ok()?;
            (d.integer && !d.grouped && d.len <= 3 && last_scale == 100.0).then_some((d.len, d.value))?
        } else {
            use super::number_words::WordKind;
            let w = super::number_words::parse(lex, tail)?;
            match w.kind {
                WordKind::Cardinal if !w.article_only && !w.lead_article && last_scale == 100.0 => (w.len, w.value),
                // "3 million and a quarter": a share of the last scale.
                WordKind::Fraction if w.value < 1.0 && last_scale >= 1000.0 => (w.len, w.value * last_scale),
                _ => return None,
            }
        };
        let after = text.get(p + len..)?;
        let glued = after.starts_with(char::is_alphanumeric);
        // "3 hundred and 2 hundred": the "2" opens another number.
        let scale_next = super::number_words::scale_after(lex, after, 0, true).is_some();
        (v >= 1.0 && v < last_scale && !glued && !scale_next).then_some((p + len, v))
    })();
    match rest {
        Some((e, v)) => Some((e, total + v)),
        None if pieces >= 2 || decimal => Some((end, total)),
        None => None,
    }
}

/// SPOKEN_POINT := INT SP "point" SP DIGITS ("1 point 1" = 1.1), English only, the integer of at
/// most three plain digits.
fn spoken_point(lex: &Compiled, text: &str, at: usize) -> Option<(usize, f64)> {
    if lex.decimal_comma {
        return None;
    }
    let tail = text.get(at..)?;
    let int = tail.bytes().take_while(u8::is_ascii_digit).count();
    let g = spaces(tail.get(int..)?)?;
    let pl = lex.decimal_word_at(tail.get(int + g..)?)?;
    let g2 = spaces(tail.get(int + g + pl..)?)?;
    let frac_at = int + g + pl + g2;
    let frac = tail.get(frac_at..)?.bytes().take_while(u8::is_ascii_digit).count();
    let after = tail.get(frac_at + frac..)?;
    let more = after.starts_with(char::is_alphanumeric)
        || ([',', '.'].iter().any(|m| after.starts_with(*m))
            && after.get(1..).is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit())));
    if int == 0 || int > 3 || frac == 0 || more {
        return None;
    }
    let value: f64 = format!("{}.{}", tail.get(..int)?, tail.get(frac_at..frac_at + frac)?).parse().ok()?;
    Some((at + frac_at + frac, value))
}

/// INDIAN := DIGIT{1,2} ("," DIGIT{2})+ "," DIGIT{3} ["." DIGITS]: lakh grouping, English only
/// ("12,34,567.89"); the common "1,234,567" is read by the number parser.
fn indian(lex: &Compiled, tail: &str, at: usize) -> Option<(usize, f64)> {
    if lex.decimal_comma {
        return None;
    }
    let b = tail.as_bytes();
    let run = |from: usize| b.get(from..).map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count());
    let lead = run(0);
    if !(1..=2).contains(&lead) {
        return None;
    }
    let mut pos = lead;
    let mut pairs = 0;
    let mut digits = String::from(tail.get(..lead)?);
    loop {
        if b.get(pos) != Some(&b',') {
            return None;
        }
        let n = run(pos + 1);
        digits.push_str(tail.get(pos + 1..pos + 1 + n)?);
        pos += 1 + n;
        match n {
            2 => pairs += 1,
            3 if pairs > 0 => break,
            _ => return None,
        }
    }
    if b.get(pos) == Some(&b'.') && run(pos + 1) > 0 {
        let n = run(pos + 1);
        digits.push('.');
        digits.push_str(tail.get(pos + 1..pos + 1 + n)?);
        pos += 1 + n;
    }
    let after = tail.get(pos..)?;
    let more = after.starts_with(char::is_alphanumeric)
        || ([',', '.'].iter().any(|m| after.starts_with(*m))
            && after.get(1..).is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit())));
    if more {
        return None;
    }
    Some((at + pos, digits.parse().ok()?))
}

/// "G" glued and ending a word.
fn glued_giga(rest: &str) -> Option<(usize, f64)> {
    let after = rest.strip_prefix('G')?;
    (!after.starts_with(char::is_alphanumeric)).then_some((1, 1e9))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Lexicon;
    use crate::source::Lang;

    fn at_first_digit(lang: Lang, text: &str) -> Option<Glued> {
        let lex = Lexicon::get(lang).numbers.compiled();
        let at = text.find(|c: char| c.is_ascii_digit())?;
        let found = read(lex, text, at);
        // The cheap test before the reader never hides a reading.
        assert!(found.is_none() || may_read(lex, text, at), "{text:?}");
        found
    }

    fn value(lang: Lang, text: &str) -> Option<(String, f64)> {
        match at_first_digit(lang, text)? {
            Glued::Found { start, end, value } => Some((text.get(start..end)?.to_string(), value)),
            Glued::Skip(_) => None,
        }
    }

    #[test]
    fn cheap_test_skips_plain_numbers() {
        for (lang, text, want) in [
            (Lang::En, "12 people", false),
            (Lang::En, "1,200 people", false),
            (Lang::En, "3 hundred", true),
            (Lang::En, "1 point 5", true),
            (Lang::En, "12,34,567", true),
            (Lang::En, "1,234,567 people", false),
            (Lang::En, "1e10", true),
            (Lang::Fr, "12 personnes", false),
            (Lang::Fr, "2,33 k", true),
            (Lang::Fr, "3 cent", false),
        ] {
            let lex = Lexicon::get(lang).numbers.compiled();
            assert_eq!(may_read(lex, text, 0), want, "{text:?}");
        }
    }

    #[test]
    fn reads_glued_numbers() {
        for (lang, text, span, want) in [
            (Lang::Fr, "1e10", "1e10", 1e10),
            (Lang::Fr, "soit -12e-1 ici", "-12e-1", -1.2),
            (Lang::Fr, "12,32e+14", "12,32e+14", 1.232e15),
            (Lang::Fr, "-2,5^-1", "-2,5^-1", -0.4),
            (Lang::En, "about 1.3x10^6 cells", "1.3x10^6", 1.3e6),
            (Lang::En, "-.0012G", "-.0012G", -1.2e6),
            (Lang::Fr, ",0012G", ",0012G", 1.2e6),
            (Lang::Fr, "2,33 k", "2,33 k", 2330.0),
            (Lang::En, "worth 1,674.5 G, or more", "1,674.5 G", 1.6745e12),
            (Lang::En, "1,674,200.5 M", "1,674,200.5 M", 1.6742005e12),
            (Lang::Fr, "- 10  k", "- 10  k", -10_000.0),
            (Lang::En, "a 2.5G file", "2.5G", 2.5e9),
            (Lang::En, "3 hundred and 21 yuan", "3 hundred and 21", 321.0),
            (Lang::En, "4 thousand 3 hundred and 21 is", "4 thousand 3 hundred and 21", 4321.0),
            (Lang::En, "4 thousand 3 hundred.", "4 thousand 3 hundred", 4300.0),
            (Lang::En, "3 hundred and one is", "3 hundred and one", 301.0),
            (Lang::En, "2.12 hundred", "2.12 hundred", 212.0),
            (Lang::En, "They have 3 million and a quarter", "3 million and a quarter", 3_250_000.0),
            (Lang::En, "1 point 1", "1 point 1", 1.1),
            (Lang::En, "The result is 12,34,567.89", "12,34,567.89", 1_234_567.89),
            (Lang::En, "12,34,567 rupees", "12,34,567", 1_234_567.0),
        ] {
            let got = value(lang, text);
            let ok = got.as_ref().is_some_and(|(s, v)| s == span && (v - want).abs() <= want.abs() * 1e-12);
            assert!(ok, "{text:?}: {got:?}");
        }
    }

    #[test]
    fn leaves_what_is_not_glued() {
        for (lang, text) in [
            (Lang::En, "the 5G network"),
            (Lang::En, "4G"),
            (Lang::Fr, "le 10G"),
            (Lang::Fr, "la 2e place"),
            (Lang::Fr, "5e"),
            (Lang::En, "A1e5"),
            (Lang::En, "0x1e5"),
            (Lang::En, "5 M. Dupont"),
            (Lang::En, "at 300 K, the gas"),
            (Lang::Fr, "5 M et plus"),
            (Lang::En, "the A320 and COVID-19"),
            (Lang::Fr, "score 3-1"),
            (Lang::En, "1,674.5 G. Smith"),
            (Lang::En, "3 k runners"),
            (Lang::En, "3 hundred people"),
            (Lang::En, "in 2020 3 hundred people"),
            (Lang::En, "3 hundred and a half"),
            (Lang::En, "3 hundred and 2.12 hundred"),
            (Lang::Fr, "322 cent"),
            (Lang::Fr, "en 2020 3 cent mille"),
            (Lang::En, "in 2020 point 5"),
            (Lang::En, "5 million and 20 firms"),
            (Lang::En, "3 hundred and 2 hundred"),
            (Lang::En, "3 hundred and 0 are two"),
            (Lang::En, "1 point 1.2.3"),
            (Lang::En, "2024 point 5"),
            (Lang::En, "12,34,56"),
            (Lang::En, "1,234,567"),
        ] {
            assert_eq!(value(lang, text), None, "{text:?}");
        }
        assert_eq!(at_first_digit(Lang::En, "1e400"), Some(Glued::Skip(5)));
        assert_eq!(at_first_digit(Lang::En, "10^400 atoms"), Some(Glued::Skip(6)));
    }
}
