//! Numbers written in words, from the `[numbers]` lexicon: "soixante-dix", "quatre-vingt-dix-neuf",
//! "deux cent mille", "ninety-nine", "two hundred thousand", "a dozen", "une dizaine", ordinals
//! ("vingt et unième", "twenty-first") and fractions ("deux tiers", "a third", "two-thirds").
//!
//! One grammar serves both languages; the words and their values are data. The parser reads
//! from the start of its input; the caller decides whether a lone article ("un", "a") counts.

use super::quantity::{word_sep, Compiled, Word};

/// What a run of number words says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordKind {
    Cardinal,
    Ordinal,
    /// A share: "deux tiers", "a third", "la moitié" (without its article).
    Fraction,
}

/// A number read from words.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WordNumber {
    pub value: f64,
    /// Bytes read.
    pub len: usize,
    pub kind: WordKind,
    /// "une dizaine", "a couple": a round figure.
    pub approx: bool,
    /// Only an article-like word was read ("un", "a", "one"): the caller decides.
    pub article_only: bool,
    /// Starts with an article-like word ("a dozen", "un million", "a third").
    pub lead_article: bool,
    /// The last scale word read ("millions" → 1e6), if the number ends with one.
    pub scale: Option<f64>,
    /// Number of words read.
    pub words: u32,
}

/// Where the composition stands after the last word.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Last {
    Start,
    /// 0..=9
    Unit,
    /// 10..=19 ("dix" can take 7..9 after it in French: "dix-sept")
    Teen(u64),
    /// 20, 30 … 90
    Tens(u64),
    Hundred,
    Scale(f64),
}

struct State {
    total: f64,
    group: f64,
    last: Last,
    max_scale: f64,
    words: u32,
    lead_article: bool,
    /// Only the leading article so far.
    article_only: bool,
    /// Group and total before the last word, to undo "a"/"un" when nothing follows.
    end: usize,
}

impl State {
    fn value(&self) -> f64 {
        self.total + self.group
    }
    /// The value before the last scale, for "et demi": "un million et demi" adds half of 1e6.
    fn unit_for_half(&self) -> f64 {
        match self.last {
            Last::Scale(s) => s,
            _ => 1.0,
        }
    }
}

/// A cardinal word `v` joins the number being built, or ends it (None).
fn add_cardinal(st: &mut State, v: u64, fr_tens: bool) -> Option<()> {
    let vf = v as f64;
    match v {
        0..=99 => {
            let ok = match st.last {
                Last::Start | Last::Hundred | Last::Scale(_) => st.group % 100.0 == 0.0,
                Last::Tens(t) => v < 10 || (fr_tens && (t == 60 || t == 80) && (10..20).contains(&v)),
                // "dix-sept", "soixante-dix-huit"
                Last::Teen(10) => (7..=9).contains(&v) && fr_tens,
                _ => false,
            };
            if !ok || (st.article_only && v != 0) {
                return None;
            }
            st.group += vf;
            st.last = match v {
                0..=9 => Last::Unit,
                10..=19 => Last::Teen(v),
                _ => Last::Tens(v),
            };
        }
        100 => {
            if matches!(st.last, Last::Hundred) || st.group >= 100.0 || st.group % 1.0 != 0.0 {
                return None;
            }
            st.group = if st.group == 0.0 { 100.0 } else { st.group * 100.0 };
            st.last = Last::Hundred;
        }
        _ => {
            // "mille millions" is fine, "million mille" is not a number.
            if let Last::Scale(s) = st.last {
                if vf <= s && st.group == 0.0 {
                    return None;
                }
            }
            // "three thousand millions": the scale applies to what was read; a bare scale is one.
            let g = match (st.group, st.total) {
                (g, _) if g != 0.0 => g,
                (_, t) if t != 0.0 => 0.0,
                _ => 1.0,
            };
            if vf > st.max_scale {
                st.total = (st.total + g) * vf;
                st.max_scale = vf;
            } else {
                st.total += g * vf;
            }
            st.group = 0.0;
            st.last = Last::Scale(vf);
        }
    }
    st.article_only = false;
    Some(())
}

/// NUMBER_WORDS := WORD (SEP [AND SEP] WORD)* [SEP HALF] [SEP DECIMAL_WORD SEP DIGIT_WORDS] [SEP SCALE]
///   composed as spoken: units and tens add, "cent"/"hundred" multiplies the group, scales
///   multiply everything before them that is smaller; an ordinal, fraction or multiplier word
///   ends the number.
pub fn parse(lex: &Compiled, i: &str) -> Option<WordNumber> {
    let fr_tens = lex.decimal_comma;
    let (first_len, first) = lex.word_at(i)?;
    let mut st = State {
        total: 0.0,
        group: 0.0,
        last: Last::Start,
        max_scale: 0.0,
        words: 0,
        lead_article: false,
        article_only: false,
        end: 0,
    };
    let mut pos = 0;
    let mut next: Option<(usize, Word)> = Some((first_len, first));
    let mut result_kind = WordKind::Cardinal;
    let mut approx = false;
    let mut value_override: Option<f64> = None;
    while let Some((len, word)) = next.take() {
        let at_start = st.words == 0;
        let word_text = i.get(pos..pos + len).unwrap_or_default();
        let is_article = at_start && lex.is_article_one(word_text);
        match word {
            Word::Card(v) => {
                if is_article {
                    st.group = 1.0;
                    st.last = Last::Unit;
                    st.lead_article = true;
                    st.article_only = true;
                } else {
                    // "un"/"a" before a scale stands for 1 that the scale multiplies.
                    if st.article_only && v >= 100 {
                        st.group = 0.0;
                        st.last = Last::Start;
                        st.article_only = false;
                        st.group = 1.0;
                        st.last = Last::Unit;
                    }
                    if add_cardinal(&mut st, v, fr_tens).is_none() {
                        // "three twenty-firsts", "un vingt-cinquième", "one one hundred fifth":
                        // what was read is a numerator, what follows a compound denominator.
                        if let Some((dl, value)) = compound_denominator(lex, i, &st, pos) {
                            value_override = Some(value);
                            result_kind = WordKind::Fraction;
                            st.words += 1;
                            st.end = pos + dl;
                            st.article_only = false;
                        }
                        break;
                    }
                }
            }
            Word::Ord(v, plural) => {
                let hyphen = i.get(st.end..pos).is_some_and(|sep| sep.contains(['-', '‐', '‑']));
                let Some((value, kind)) = ordinal_end(&st, v as f64, plural, hyphen) else { break };
                value_override = Some(value);
                result_kind = kind;
                st.words += 1;
                st.end = pos + len;
                st.article_only = false;
                break;
            }
            Word::Frac(d) => {
                if st.max_scale > 0.0 {
                    // "un million quart" is no number.
                    break;
                }
                let numerator = if st.words == 0 { 1.0 } else { st.value() };
                let scaled = scale_after(lex, i, pos + len, true).is_some() || dozen_after(lex, i, pos + len).is_some();
                if st.words == 0 && !lex.lone_fraction_ok(word_text) && !scaled {
                    break;
                }
                let mut value = numerator / d as f64;
                st.words += 1;
                st.end = pos + len;
                st.article_only = false;
                // "half a million", "quarter million", "un demi-million"
                if let Some((slen, scale)) =
                    scale_after(lex, i, pos + len, true).or_else(|| dozen_after(lex, i, pos + len))
                {
                    value *= scale;
                    st.end = pos + len + slen;
                    st.words += 1;
                    result_kind = WordKind::Cardinal;
                } else {
                    result_kind = WordKind::Fraction;
                }
                value_override = Some(value);
                break;
            }
            Word::Mult(m) => {
                if st.words == 0 {
                    // "dozens of" is vague; "a dozen", "trois douzaines" count.
                    break;
                }
                let g = if st.words == 0 { 1.0 } else { st.value() };
                value_override = Some(g * m as f64);
                st.words += 1;
                st.end = pos + len;
                st.article_only = false;
                break;
            }
            Word::ApproxCount(v) => {
                if st.words == 0 {
                    // "dizaine" needs "une" or a number before it; "des milliers" is vague.
                    break;
                }
                let g = if st.words == 0 { 1.0 } else { st.value() };
                value_override = Some(g * v as f64);
                approx = true;
                st.words += 1;
                st.end = pos + len;
                st.article_only = false;
                break;
            }
        }
        st.words += 1;
        st.end = pos + len;
        // "et demi", "and a half", "and three quarters" end the number; they are added below.
        if half_at(lex, i, st.end).is_some() || and_fraction(lex, i, st.end).is_some() {
            break;
        }
        // SEP [AND SEP] WORD
        let Some(sep) = word_sep(i.get(st.end..).unwrap_or_default()) else { break };
        let mut after = st.end + sep;
        if let Some(and_len) = lex.and_word_at(i.get(after..).unwrap_or_default()) {
            let Some(sep2) = word_sep(i.get(after + and_len..).unwrap_or_default()) else { break };
            let cand_at = after + and_len + sep2;
            let Some((l, w)) = lex.word_at(i.get(cand_at..).unwrap_or_default()) else { break };
            // "and a quarter", "and three quarters": a fraction after "and" is never part of
            // the integer; reading it in would multiply everything before it.
            let word_text = i.get(cand_at..cand_at + l).unwrap_or_default();
            if !and_allowed(&st, w, fr_tens)
                || (!fr_tens && lex.is_article_one(word_text))
                || fraction_next(lex, i, cand_at + l)
            {
                break;
            }
            after = cand_at;
            next = Some((l, w));
        } else {
            next = lex.word_at(i.get(after..).unwrap_or_default());
        }
        if next.is_some() {
            pos = after;
        }
    }
    if st.words == 0 {
        return None;
    }
    let mut value = value_override.unwrap_or_else(|| st.value());
    let mut end = st.end;
    let mut scale = match st.last {
        Last::Scale(s) if value_override.is_none() => Some(s),
        _ => None,
    };
    // "un et un demi", "un et un quart": the article counts before a fraction that ends the clause.
    let article_and =
        st.article_only && and_fraction(lex, i, end).is_some_and(|(fl, _)| clause_or_of_follows(lex, i, end + fl));
    let mut article_only = st.article_only && !article_and;
    if result_kind == WordKind::Cardinal && value_override.is_none() && (!st.article_only || article_and) {
        // "un million et demi", "one and a half", "five and a half million"
        if let Some(hl) = half_at(lex, i, end).filter(|_| !st.article_only) {
            end += hl;
            match scale_after(lex, i, end, false) {
                Some((slen, s)) if st.max_scale == 0.0 => {
                    value = (value + 0.5) * s;
                    end += slen;
                    scale = Some(s);
                }
                // "one billion and a half million": half of the smaller scale.
                Some((slen, s)) if s < st.max_scale => {
                    value += 0.5 * s;
                    end += slen;
                    scale = Some(s);
                }
                _ => value += 0.5 * st.unit_for_half(),
            }
        } else if let Some((fl, frac)) = and_fraction(lex, i, end) {
            // "cinq et un quart", "five billion and three quarters"
            value += frac * st.unit_for_half();
            end += fl;
        } else if let Some((fl, add)) = and_scaled_fraction(lex, i, end, st.max_scale) {
            // "one billion and three quarters million", "one billion and a quarter million"
            value += add;
            end += fl;
        } else if let Some((dl, frac)) = decimal_after(lex, i, end) {
            // "deux cent virgule trois", "two point two million"
            value += frac;
            end += dl;
            if let Some((slen, s)) = scale_after(lex, i, end, false).filter(|_| st.max_scale == 0.0) {
                value *= s;
                end += slen;
                scale = Some(s);
            }
        }
    }
    // "two thirds of a million"
    if result_kind == WordKind::Fraction && value < 1.0 {
        if let Some((ol, s)) = of_scale(lex, i, end) {
            value *= s;
            end += ol;
            result_kind = WordKind::Cardinal;
            article_only = false;
        }
    }
    Some(WordNumber {
        value,
        len: end,
        kind: result_kind,
        approx,
        article_only,
        lead_article: st.lead_article,
        scale,
        words: st.words,
    })
}

/// "et"/"and" may join: a tens word and "un"/"onze" in French ("vingt et un", "soixante et
/// onze", "vingt et unième"); a hundred or a scale and what follows in English ("one hundred and
/// six", "two thousand and twelve").
fn and_allowed(st: &State, w: Word, fr: bool) -> bool {
    let small = |v: u64| match w {
        Word::Card(c) | Word::Ord(c, false) => c < v,
        _ => false,
    };
    if fr {
        matches!(st.last, Last::Tens(t) if t <= 70)
            && matches!(w, Word::Card(1) | Word::Card(11) | Word::Ord(1, false) | Word::Ord(11, false))
    } else {
        match st.last {
            Last::Hundred => small(100),
            Last::Scale(s) => small(s.min(1000.0) as u64),
            _ => false,
        }
    }
}

/// An ordinal word `v` after the words read so far: a compound ordinal ("vingt-cinquième",
/// "one hundred twenty-fifth", "deux centième"), a fraction ("trois cinquièmes", "a third",
/// "un vingt-cinquième"), or nothing.
fn ordinal_end(st: &State, v: f64, plural: bool, hyphen: bool) -> Option<(f64, WordKind)> {
    if st.words == 0 {
        // "premiers" is an ordinal; "cinquièmes" alone is neither ordinal nor fraction.
        return (!plural || v < 3.0).then_some((v, WordKind::Ordinal));
    }
    if st.article_only {
        // "a third", "un cinquième"; "a second" is a unit of time, "un premier" no number.
        return (v >= 3.0).then_some((1.0 / v, WordKind::Fraction));
    }
    let prefix = st.value();
    // A plural denominator takes the longest numerator before it: "cent trente cinquièmes" =
    // 130/5, "quatre centièmes" = 4/100, "a hundred thousand trillionths" = 1e5/1e12; only a
    // hyphen binds a tens word to it: "one hundred thirty-fifths" = 100/35. ("premiers",
    // "seconds" are no denominators.)
    if plural {
        if v < 3.0 {
            return None;
        }
        if let (Last::Tens(t), true) = (st.last, hyphen) {
            let t = t as f64;
            let numerator = prefix - t;
            return (v < 10.0 && numerator > 0.0).then_some((numerator / (t + v), WordKind::Fraction));
        }
        return (prefix > 0.0).then_some((prefix / v, WordKind::Fraction));
    }
    let compound = match st.last {
        Last::Tens(_) if v < 10.0 => Some(prefix + v),
        // "soixante-dixième", "quatre-vingt-dix-septième", "dix-septième"
        Last::Tens(60 | 80) if (10.0..20.0).contains(&v) => Some(prefix + v),
        Last::Teen(10) if v < 10.0 => Some(prefix + v),
        Last::Hundred | Last::Scale(_) if v < 100.0 => Some(prefix + v),
        _ if v >= 100.0 && st.group < 1000.0 => Some(if prefix == 0.0 { v } else { prefix * v }),
        _ => None,
    };
    match compound {
        // "un vingt-cinquième" = 1/25: the article is the numerator.
        Some(c) if st.lead_article && st.words >= 2 => {
            let rest = c - 1.0;
            (rest >= 3.0).then_some((1.0 / rest, WordKind::Fraction))
        }
        Some(c) if !plural => Some((c, WordKind::Ordinal)),
        Some(c) if st.lead_article => Some((1.0 / c, WordKind::Fraction)),
        // "vingt-cinquièmes" without a numerator: not read.
        Some(_) => None,
        None if v >= 3.0 && prefix > 0.0 => Some((prefix / v, WordKind::Fraction)),
        None => None,
    }
}

/// The word after `end` is a denominator: "three quarters", "two fifths".
fn fraction_next(lex: &Compiled, i: &str, end: usize) -> bool {
    let Some(rest) = i.get(end..) else { return false };
    let Some(sep) = word_sep(rest) else { return false };
    matches!(rest.get(sep..).and_then(|r| lex.word_at(r)), Some((_, Word::Frac(_) | Word::Ord(_, true))))
}

/// SEP AND SEP FRACTION ("et trois quarts", "and a fourth"): bytes read and the fraction.
fn and_fraction(lex: &Compiled, i: &str, end: usize) -> Option<(usize, f64)> {
    let rest = i.get(end..)?;
    let sep = word_sep(rest)?;
    let al = lex.and_word_at(rest.get(sep..)?)?;
    let sep2 = word_sep(rest.get(sep + al..)?)?;
    let at = sep + al + sep2;
    let w = parse(lex, rest.get(at..)?)?;
    (w.kind == WordKind::Fraction && w.value < 1.0).then_some((at + w.len, w.value))
}

/// SEP AND SEP FRACTION SEP SCALE where SCALE < `max_scale` ("and three quarters million"):
/// bytes read and the amount it adds.
fn and_scaled_fraction(lex: &Compiled, i: &str, end: usize, max_scale: f64) -> Option<(usize, f64)> {
    let rest = i.get(end..)?;
    let sep = word_sep(rest)?;
    let al = lex.and_word_at(rest.get(sep..)?)?;
    let sep2 = word_sep(rest.get(sep + al..)?)?;
    let at = sep + al + sep2;
    let sub = rest.get(at..)?;
    // The words after "and" open with a fraction: "a quarter", "three quarters", "half".
    let (l1, w1) = lex.word_at(sub)?;
    let led = match w1 {
        Word::Frac(_) => true,
        Word::Card(_) => {
            let s2 = word_sep(sub.get(l1..)?)?;
            matches!(lex.word_at(sub.get(l1 + s2..)?), Some((_, Word::Frac(_) | Word::Ord(_, true))))
        }
        _ => false,
    };
    let w = parse(lex, sub)?;
    (led && w.kind == WordKind::Cardinal && w.value < max_scale && max_scale >= 1000.0).then_some((at + w.len, w.value))
}

/// SEP OF SEP ["a"] SCALE ("of a million"): bytes read and the scale.
fn of_scale(lex: &Compiled, i: &str, end: usize) -> Option<(usize, f64)> {
    let rest = i.get(end..)?;
    let sep = word_sep(rest)?;
    let ol = Compiled::starts_with(&lex.of_words, rest.get(sep..)?)?;
    let sep2 = word_sep(rest.get(sep + ol..)?)?;
    let at = sep + ol + sep2;
    let (sl, s) = scale_after(lex, rest, at, false)?;
    (s >= 1000.0).then_some((at + sl, s))
}

/// Nothing but a clause mark, or "de"/"of", after `end`.
fn clause_or_of_follows(lex: &Compiled, i: &str, end: usize) -> bool {
    let rest = i.get(end..).unwrap_or_default().trim_start_matches(super::quantity::is_space);
    rest.is_empty()
        || rest.starts_with(['.', '!', '?', ';', ',', ')', ':', '»', '"', '”'])
        || Compiled::starts_with(&lex.of_words, rest).is_some()
}

/// After a numerator `st` that the word at `pos` cannot continue: a compound denominator.
/// Plural, a tens word and a unit ordinal ("three twenty-firsts", "twenty twenty fifths");
/// singular after a numerator of one, a whole compound ordinal ("un vingt-cinquième", "one one
/// hundred fifth"), only before "de"/"of" or at the end of a clause, so that "un
/// vingt-cinquième anniversaire" stays an ordinal.
fn compound_denominator(lex: &Compiled, i: &str, st: &State, pos: usize) -> Option<(usize, f64)> {
    let numerator = st.value();
    if numerator <= 0.0 || numerator.fract() != 0.0 {
        return None;
    }
    let rest = i.get(pos..)?;
    if let Some((tl, Word::Card(t))) = lex.word_at(rest) {
        if (20..100).contains(&t) && t % 10 == 0 {
            let sep = word_sep(rest.get(tl..)?)?;
            if let Some((ol, Word::Ord(u, true))) = lex.word_at(rest.get(tl + sep..)?) {
                return (1..10).contains(&u).then_some((tl + sep + ol, numerator / (t + u) as f64));
            }
        }
    }
    if numerator != 1.0 {
        return None;
    }
    let w = parse(lex, rest)?;
    let ok = w.kind == WordKind::Ordinal && w.value >= 3.0 && w.words >= 2 && clause_or_of_follows(lex, rest, w.len);
    ok.then_some((w.len, 1.0 / w.value))
}

/// SEP HALF ("et demi", "and a half"): bytes read.
fn half_at(lex: &Compiled, i: &str, end: usize) -> Option<usize> {
    let rest = i.get(end..)?;
    let sep = word_sep(rest)?;
    let l = lex.half_after_at(rest.get(sep..)?)?;
    Some(sep + l)
}

/// SEP ["a"] MULTIPLIER: "half a dozen". Bytes read and the multiplier.
fn dozen_after(lex: &Compiled, i: &str, end: usize) -> Option<(usize, f64)> {
    let rest = i.get(end..)?;
    let sep = word_sep(rest)?;
    let r = rest.get(sep..)?;
    let (art, r) = match lex.article_one_at(r) {
        Some(a) => {
            let s2 = word_sep(r.get(a..)?)?;
            (a + s2, r.get(a + s2..)?)
        }
        None => (0, r),
    };
    match lex.word_at(r)? {
        (l, Word::Mult(m)) => Some((sep + art + l, m as f64)),
        _ => None,
    }
}

/// SEP SCALE: a cardinal of 1000 and up (or 100 when `hundred`): bytes read and scale.
pub fn scale_after(lex: &Compiled, i: &str, end: usize, hundred: bool) -> Option<(usize, f64)> {
    let rest = i.get(end..)?;
    let sep = word_sep(rest).unwrap_or(0);
    let rest2 = rest.get(sep..)?;
    // "half a million": the article may stand between.
    let (art, rest3) = match lex.article_one_at(rest2) {
        Some(a) => {
            let s2 = word_sep(rest2.get(a..)?)?;
            (a + s2, rest2.get(a + s2..)?)
        }
        None => (0, rest2),
    };
    match lex.word_at(rest3)? {
        (l, Word::Card(v)) if v >= 1000 || (hundred && v == 100) => Some((sep + art + l, v as f64)),
        _ => None,
    }
}

/// SEP DECIMAL_WORD SEP (DIGIT_WORD (SEP DIGIT_WORD)* | NUMBER_WORDS < 100): bytes read and the
/// fraction ("virgule cinquante deux" → 0.52, "point nought four" → 0.04).
fn decimal_after(lex: &Compiled, i: &str, end: usize) -> Option<(usize, f64)> {
    let rest = i.get(end..)?;
    let sep = word_sep(rest)?;
    let dl = lex.decimal_word_at(rest.get(sep..)?)?;
    let mut pos = sep + dl;
    let sep2 = word_sep(rest.get(pos..)?)?;
    pos += sep2;
    let mut digits = String::new();
    let start = pos;
    // One word per digit, or one number under 100.
    while let Some((l, Word::Card(v))) = lex.word_at(rest.get(pos..)?) {
        if v >= 10 {
            if !digits.is_empty() {
                break;
            }
            let w = parse(lex, rest.get(pos..)?)?;
            if w.kind != WordKind::Cardinal || w.value >= 100.0 || w.value.fract() != 0.0 {
                return None;
            }
            let f: f64 = format!("0.{}", w.value as u64).parse().ok()?;
            return Some((pos + w.len, f));
        }
        digits.push(char::from(b'0' + v as u8));
        pos += l;
        let next_is_digit = |s: usize| matches!(lex.word_at(rest.get(pos + s..).unwrap_or_default()), Some((_, Word::Card(d))) if d < 10);
        match word_sep(rest.get(pos..).unwrap_or_default()) {
            Some(s) if next_is_digit(s) => pos += s,
            _ => break,
        }
    }
    if digits.is_empty() || pos == start {
        return None;
    }
    let f: f64 = format!("0.{digits}").parse().ok()?;
    Some((pos, f))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Lexicon;
    use crate::source::Lang;

    /// Value (rounded to 1e-9), kind and the text read.
    fn read(lang: Lang, s: &str) -> Option<(f64, WordKind, String)> {
        let lex = Lexicon::get(lang).numbers.compiled();
        parse(lex, s).map(|w| ((w.value * 1e9).round() / 1e9, w.kind, s.get(..w.len).unwrap_or_default().to_string()))
    }

    #[test]
    fn reads_cardinals_and_ordinals() {
        use WordKind::*;
        for (lang, input, value, kind, text) in [
            (Lang::Fr, "quatre-vingt-dix-neuf ans", 99.0, Cardinal, "quatre-vingt-dix-neuf"),
            (Lang::Fr, "deux cent mille", 200_000.0, Cardinal, "deux cent mille"),
            (Lang::Fr, "vingt-cinquième anniversaire", 25.0, Ordinal, "vingt-cinquième"),
            (Lang::En, "ninety-nine", 99.0, Cardinal, "ninety-nine"),
            (Lang::En, "twenty-first century", 21.0, Ordinal, "twenty-first"),
            (Lang::En, "one hundred and fifth", 105.0, Ordinal, "one hundred and fifth"),
        ] {
            assert_eq!(read(lang, input), Some((value, kind, text.to_string())), "{input:?}");
        }
    }

    #[test]
    fn reads_fractions_in_words() {
        use WordKind::*;
        for (lang, input, value, kind, text) in [
            (Lang::Fr, "trois vingt-cinquièmes du total", 0.12, Fraction, "trois vingt-cinquièmes"),
            (Lang::Fr, "un vingt-cinquième", 0.04, Fraction, "un vingt-cinquième"),
            (Lang::Fr, "une vingt et unième du lot", 0.047619048, Fraction, "une vingt et unième"),
            (Lang::Fr, "cent trente cinquièmes", 26.0, Fraction, "cent trente cinquièmes"),
            (Lang::Fr, "quatre centièmes de seconde", 0.04, Fraction, "quatre centièmes"),
            (Lang::Fr, "un et un demi", 1.5, Cardinal, "un et un demi"),
            (Lang::Fr, "un et un quart.", 1.25, Cardinal, "un et un quart"),
            (Lang::Fr, "un milliard et demi million", 1_000_500_000.0, Cardinal, "un milliard et demi million"),
            (Lang::En, "one twenty-fifth", 0.04, Fraction, "one twenty-fifth"),
            (Lang::En, "a twenty-first of it", 0.047619048, Fraction, "a twenty-first"),
            (Lang::En, "three twenty-firsts", 0.142857143, Fraction, "three twenty-firsts"),
            (Lang::En, "three twenty firsts", 0.142857143, Fraction, "three twenty firsts"),
            (Lang::En, "twenty fifths", 4.0, Fraction, "twenty fifths"),
            (Lang::En, "twenty twenty fifths", 0.8, Fraction, "twenty twenty fifths"),
            (Lang::En, "one hundred thirty-fifths", 2.857142857, Fraction, "one hundred thirty-fifths"),
            (Lang::En, "one one hundred fifth", 0.00952381, Fraction, "one one hundred fifth"),
            (Lang::En, "ninety - five hundred fifths", 1900.0, Fraction, "ninety - five hundred fifths"),
            (Lang::En, "a hundred thousand trillionths", 1e-7, Fraction, "a hundred thousand trillionths"),
            (Lang::En, "two and fifty-four hundredths", 2.54, Cardinal, "two and fifty-four hundredths"),
            (Lang::En, "two thirds of a million people", 666_666.666666667, Cardinal, "two thirds of a million"),
            (Lang::En, "one billion and a half million", 1_000_500_000.0, Cardinal, "one billion and a half million"),
            (
                Lang::En,
                "one billion and a quarter million",
                1_000_250_000.0,
                Cardinal,
                "one billion and a quarter million",
            ),
            (
                Lang::En,
                "one billion and three quarters million",
                1_000_750_000.0,
                Cardinal,
                "one billion and three quarters million",
            ),
        ] {
            assert_eq!(read(lang, input), Some((value, kind, text.to_string())), "{input:?}");
        }
    }

    #[test]
    fn keeps_ordinals_and_lone_articles() {
        // "un vingt-cinquième anniversaire": the article reads alone (and is then dropped by the
        // caller), the ordinal is read from "vingt".
        assert_eq!(read(Lang::Fr, "un vingt-cinquième anniversaire"), Some((1.0, WordKind::Cardinal, "un".into())));
        assert_eq!(read(Lang::Fr, "le vingt-cinquième"), None);
        assert_eq!(read(Lang::En, "the twenty-fifth"), None);
        // "les vingt premiers", "two seconds": no denominator.
        assert_eq!(read(Lang::Fr, "vingt premiers"), Some((20.0, WordKind::Cardinal, "vingt".into())));
        assert_eq!(read(Lang::En, "two seconds"), Some((2.0, WordKind::Cardinal, "two".into())));
        assert_eq!(read(Lang::Fr, "vingt-cinquièmes"), Some((20.0, WordKind::Cardinal, "vingt".into())));
        assert_eq!(read(Lang::En, "one, twenty-fifth"), Some((1.0, WordKind::Cardinal, "one".into())));
    }
}
