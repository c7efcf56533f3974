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
                        break;
                    }
                }
            }
            Word::Ord(v, plural) => {
                let Some((value, kind)) = ordinal_end(&st, v as f64, plural) else { break };
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
    if result_kind == WordKind::Cardinal && value_override.is_none() && !st.article_only {
        // "un million et demi", "one and a half", "five and a half million"
        if let Some(hl) = half_at(lex, i, end) {
            value += 0.5 * st.unit_for_half();
            end += hl;
            if let Some((slen, s)) = scale_after(lex, i, end, false).filter(|_| st.max_scale == 0.0) {
                value *= s;
                end += slen;
                scale = Some(s);
            }
        } else if let Some((fl, frac)) = and_fraction(lex, i, end) {
            // "cinq et un quart", "five billion and three quarters"
            value += frac * st.unit_for_half();
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
    Some(WordNumber {
        value,
        len: end,
        kind: result_kind,
        approx,
        article_only: st.article_only,
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
fn ordinal_end(st: &State, v: f64, plural: bool) -> Option<(f64, WordKind)> {
    if st.words == 0 {
        // "premiers" is an ordinal; "cinquièmes" alone is neither ordinal nor fraction.
        return (!plural || v < 3.0).then_some((v, WordKind::Ordinal));
    }
    if st.article_only {
        // "a third", "un cinquième"; "a second" is a unit of time, "un premier" no number.
        return (v >= 3.0).then_some((1.0 / v, WordKind::Fraction));
    }
    let prefix = st.value();
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
