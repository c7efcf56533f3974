//! Numbers written with digits, in the conventions of French and English copy: "1 000" (with a
//! space, U+00A0 or U+202F), "1,000", "1.000" (thousands in French), "3,5" (French decimal),
//! "3.5", "12 000 000", "6.700,54". `&str` input, `complete` combinators; each parser reads from
//! the start of its input and the caller checks what comes before.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1, take_while_m_n};
use nom::character::complete::satisfy;
use nom::combinator::{not, opt, recognize, verify};
use nom::multi::fold_many1;
use nom::sequence::{preceded, terminated};
use nom::{IResult, Parser};

/// An error only means "no number here"; a unit error costs nothing.
pub type PResult<'i, O> = IResult<&'i str, O, ()>;

/// Longer digit runs are identifiers or garbage, never quantities (and would not fit an f64
/// exactly anyway).
pub const MAX_DIGITS: usize = 24;

/// Which mark is the decimal point of the language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// French: "3,5"; "1.000" groups thousands.
    Comma,
    /// English: "3.5"; "1,000" groups thousands.
    Point,
}

/// A number read from digits.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Digits {
    pub value: f64,
    /// Bytes read.
    pub len: usize,
    /// No decimal part.
    pub integer: bool,
    /// Thousands were grouped ("1 000", "1,000").
    pub grouped: bool,
    /// Digits before any separator ("2022" → 4), to tell years from counts.
    pub lead_digits: usize,
}

/// The value of a run of ASCII digits, as `str::parse::<f64>` reads it: through an integer when
/// it fits one (an integer converts to the nearest f64, as the parse rounds), which is faster.
fn value_of(d: &str) -> f64 {
    match d.parse::<u64>() {
        Ok(n) => n as f64,
        Err(_) => d.parse().unwrap_or(f64::NAN),
    }
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
}

// DIGITS := 1 to MAX_DIGITS ASCII digits, not followed by another digit
fn digits(i: &str) -> PResult<'_, &str> {
    verify(take_while1(is_digit), |d: &str| d.len() <= MAX_DIGITS).parse(i)
}

// GROUP(sep) := sep DIGIT{3}, not followed by a digit
fn group<'i>(sep: &'static str) -> impl Parser<&'i str, Output = &'i str, Error = ()> {
    preceded(tag(sep), terminated(take_while_m_n(3, 3, is_digit), not(satisfy(is_digit))))
}

// GROUPS(sep) := GROUP(sep)+ ; returns the value of the groups and their count
fn groups<'i>(sep: &'static str, i: &'i str) -> PResult<'i, (f64, u32)> {
    fold_many1(group(sep), || (0.0, 0u32), |(v, n), g: &str| (v * 1000.0 + value_of(g), n + 1)).parse(i)
}

/// Separators of thousands in prose: a space (typed, U+00A0 or U+202F), a comma, a point.
const SEPARATORS: [&str; 5] = ["\u{202f}", "\u{a0}", " ", ",", "."];

// INT := DIGIT{1,3} GROUPS(sep) | DIGITS
//   with one sep throughout; a single "," group is a decimal in French, a single "." group a
//   decimal in English ("1,000" is 1000 only in English, "1.000" only in French)
fn integer(mark: Mark, i: &str) -> PResult<'_, (f64, bool, usize)> {
    let (rest, lead) = digits(i)?;
    let lead_value = value_of(lead);
    if lead.len() <= 3 {
        // A group opens with its separator: the others are not tried.
        for sep in SEPARATORS.into_iter().filter(|sep| rest.starts_with(sep)) {
            let Ok((after, (value, count))) = groups(sep, rest) else { continue };
            let single_decimal = count == 1
                && ((sep == "," && mark == Mark::Comma) || (sep == "." && mark == Mark::Point))
                // "1.000,5" and "1,000.5": the other mark follows, so this one groups thousands.
                && !after.starts_with(if sep == "," { '.' } else { ',' });
            if single_decimal {
                continue;
            }
            let scale = 1000f64.powi(count as i32);
            return Ok((after, (lead_value * scale + value, true, lead.len())));
        }
    }
    Ok((rest, (lead_value, false, lead.len())))
}

// FRACTION_PART := MARK DIGITS, MARK being "," or "."; not followed by MARK DIGIT (a list
//   "22,24,26" or a version "1.2.3" is not a decimal)
fn fraction_part(i: &str) -> PResult<'_, (char, &str)> {
    let mark = alt((nom::character::complete::char(','), nom::character::complete::char('.')));
    let followed_by_more = (alt((tag(","), tag("."))), satisfy(is_digit));
    terminated((mark, digits), not(followed_by_more)).parse(i)
}

/// NUMBER := INT [FRACTION_PART]
///
/// The other language's decimal mark is accepted where it cannot group thousands: "3.5" in
/// French (not three digits after the point), "1,3" in English. With three digits after it and
/// no grouping before, the other mark is left unread ("2022.123" is no decimal in French).
pub fn number(mark: Mark, i: &str) -> PResult<'_, Digits> {
    match simple(i) {
        Some(d) => Ok((i.get(d.len..).unwrap_or_default(), d)),
        None => grouped_or_decimal(mark, i),
    }
}

/// NUMBER := INT [FRACTION_PART], read by the grammar (what [`simple`] leaves).
fn grouped_or_decimal(mark: Mark, i: &str) -> PResult<'_, Digits> {
    let (after_int, (int_value, grouped, lead_digits)) = integer(mark, i)?;
    // A fraction opens with its mark: no parser is tried otherwise.
    let (rest, frac) =
        if after_int.starts_with([',', '.']) { opt(fraction_part).parse(after_int)? } else { (after_int, None) };
    let (rest, frac) = match frac {
        Some((m, f)) => {
            let own_mark = matches!((mark, m), (Mark::Comma, ',') | (Mark::Point, '.'));
            if !own_mark && f.len() == 3 {
                (after_int, None)
            } else {
                (rest, Some(f))
            }
        }
        None => (rest, None),
    };
    let mut value = int_value;
    if let Some(f) = frac {
        let places = i32::try_from(f.len()).unwrap_or(i32::MAX);
        value += value_of(f) / 10f64.powi(places);
    }
    if !value.is_finite() {
        return Err(nom::Err::Error(()));
    }
    let len = i.len() - rest.len();
    Ok((rest, Digits { value, len, integer: frac.is_none(), grouped, lead_digits }))
}

/// [`number`] where nothing after the digits may group them or add a fraction (most numbers):
/// no separator or mark followed by a digit. The digits' value is summed as read; `None` when
/// they are too many for a `u64` or the grammar must decide.
fn simple(i: &str) -> Option<Digits> {
    let bytes = i.as_bytes();
    let n = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if n == 0 || n > 19 {
        return None;
    }
    let after = bytes.get(n..).unwrap_or_default();
    let digit_at = |k: usize| after.get(k).is_some_and(u8::is_ascii_digit);
    let more = match after.first() {
        Some(b' ' | b',' | b'.') => digit_at(1),
        // U+00A0 and U+202F.
        Some(0xC2) => after.get(1) == Some(&0xA0) && digit_at(2),
        Some(0xE2) => after.get(1..3) == Some(&[0x80, 0xAF]) && digit_at(3),
        _ => false,
    };
    if more {
        return None;
    }
    let value = bytes.get(..n)?.iter().fold(0u64, |v, &b| v * 10 + u64::from(b - b'0'));
    Some(Digits { value: value as f64, len: n, integer: true, grouped: false, lead_digits: n })
}

/// How a glued exponent is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Power {
    /// "1e10", "12,32e+14": the mantissa times ten to the exponent.
    Exponent,
    /// "1.3x10^6", "6.23×10^-4": the same, spelled out.
    TimesTen,
    /// "1,1^23", "2,5^-1": the mantissa to the power of the exponent.
    Power,
}

/// A number with a glued exponent, before its sign is applied.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scientific {
    pub mantissa: f64,
    pub exponent: i32,
    pub power: Power,
    /// Bytes read.
    pub len: usize,
}

/// Longer exponents are no quantity of prose ("1e12345").
const MAX_EXPONENT_DIGITS: usize = 3;

// EXP_SIGN := ("+" | "-" | "−"){0,2}, read as their product ("--23" is +23)
fn exponent_sign(i: &str) -> (usize, i32) {
    let mut len = 0;
    let mut sign = 1;
    for c in i.chars().take(2) {
        match c {
            '+' => {}
            '-' | '−' => sign = -sign,
            _ => break,
        }
        len += c.len_utf8();
    }
    (len, sign)
}

// EXPONENT := EXP_SIGN DIGIT{1,3}, not followed by a letter, digit or a decimal mark and digit
fn exponent(i: &str) -> PResult<'_, i32> {
    let (sl, sign) = exponent_sign(i);
    let rest = i.get(sl..).unwrap_or_default();
    let (rest, d) = take_while_m_n(1, MAX_EXPONENT_DIGITS, is_digit).parse(rest)?;
    let glued_more = rest.starts_with(char::is_alphanumeric)
        || ((rest.starts_with('.') || rest.starts_with(',')) && rest.get(1..).is_some_and(|r| r.starts_with(is_digit)));
    if glued_more {
        return Err(nom::Err::Error(()));
    }
    let e: i32 = d.parse().map_err(|_| nom::Err::Error(()))?;
    Ok((rest, sign * e))
}

/// SCIENTIFIC := NUMBER ("e" | "E") EXPONENT
///             | NUMBER ("x" | "X" | "×" | "*") "10^" EXPONENT
///             | NUMBER "^" EXPONENT
///
/// Glued only: "1e10", "1.3e6", "12,32e+14", "1.3x10^6", "1,1^23". A lone "5e" (an ordinal in
/// French) or "5e5x" is no exponent; the caller checks what stands before.
pub fn scientific(mark: Mark, i: &str) -> PResult<'_, Scientific> {
    let (rest, d) = number(mark, i)?;
    exponent_after(i, d, rest)
}

/// SCIENTIFIC after its NUMBER `d`, read from `i` up to `rest` (for a caller that has read the
/// number already and wants it with or without an exponent).
pub fn exponent_after<'i>(i: &str, d: Digits, rest: &'i str) -> PResult<'i, Scientific> {
    let (rest, power) = if let Some(r) = rest.strip_prefix(['e', 'E']) {
        (r, Power::Exponent)
    } else if let Some(r) = rest.strip_prefix('^') {
        (r, Power::Power)
    } else {
        let (r, _) = alt((tag("x"), tag("X"), tag("×"), tag("*"))).parse(rest)?;
        let (r, _) = tag("10^").parse(r)?;
        (r, Power::TimesTen)
    };
    let (rest, exponent) = exponent(rest)?;
    Ok((rest, Scientific { mantissa: d.value, exponent, power, len: i.len() - rest.len() }))
}

impl Scientific {
    /// The value once `sign` (1 or -1) is applied to the mantissa; `None` beyond f64 or for a
    /// power of zero to a negative exponent.
    pub fn value(&self, sign: f64) -> Option<f64> {
        let m = sign * self.mantissa;
        let v = match self.power {
            Power::Exponent | Power::TimesTen => m * 10f64.powi(self.exponent),
            Power::Power => m.powi(self.exponent),
        };
        (v.is_finite() && !(v == 0.0 && m != 0.0)).then_some(v)
    }
}

// PLAIN := DIGITS with nothing else: the digits of "1er", "21st", "10k" before their suffix
pub fn plain(i: &str) -> PResult<'_, &str> {
    recognize(digits).parse(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(mark: Mark, s: &str) -> Option<(f64, &str)> {
        // Rounded to 1e-9 so that 6700 + 0.54 compares equal to 6700.54.
        number(mark, s).ok().map(|(rest, d)| ((d.value * 1e9).round() / 1e9, rest))
    }

    #[test]
    fn simple_numbers_read_as_the_grammar_reads_them() {
        let inputs = [
            "12 personnes",
            "2022.",
            "2022,",
            "7%",
            "3.x",
            "1, 2",
            "5\u{a0}kg",
            "5\u{202f}%",
            "0033 x",
            "9999999999999999999",
            "12 000",
            "3,5",
            "1.000",
            "5\u{a0}000",
            "5\u{202f}000",
            "99999999999999999999",
            "1234567890123456789012345",
        ];
        for i in inputs {
            for mark in [Mark::Comma, Mark::Point] {
                if let Some(d) = simple(i) {
                    assert_eq!(grouped_or_decimal(mark, i), Ok((&i[d.len..], d)), "{i:?}");
                }
            }
        }
        assert!(simple("12 000").is_none() && simple("3,5").is_none() && simple("5\u{202f}000").is_none());
        assert_eq!(simple("12 personnes").map(|d| d.value), Some(12.0));
        assert!(simple("99999999999999999999").is_none());
    }

    #[test]
    fn reads_french_numbers() {
        for (input, want, left) in [
            ("1 000 personnes", 1000.0, " personnes"),
            ("1\u{a0}000", 1000.0, ""),
            ("12\u{202f}000\u{202f}000", 12_000_000.0, ""),
            ("3,5 millions", 3.5, " millions"),
            ("100.000", 100_000.0, ""),
            ("3.000.000", 3_000_000.0, ""),
            ("6.700,54", 6700.54, ""),
            ("6 700,54", 6700.54, ""),
            ("3.5", 3.5, ""),
            ("4,800", 4.8, ""),
            ("1,000,000", 1_000_000.0, ""),
            ("423 0000", 423.0, " 0000"),
            ("22,24,26", 22.0, ",24,26"),
            ("0033", 33.0, ""),
        ] {
            assert_eq!(read(Mark::Comma, input), Some((want, left)), "{input:?}");
        }
    }

    #[test]
    fn reads_english_numbers() {
        for (input, want, left) in [
            ("1,000 people", 1000.0, " people"),
            ("1,234,567.89", 1_234_567.89, ""),
            ("3.5", 3.5, ""),
            ("4.800", 4.8, ""),
            ("1.111,11", 1111.11, ""),
            ("1 234 567", 1_234_567.0, ""),
            ("1,3.", 1.3, "."),
            ("12,567 words", 12567.0, " words"),
        ] {
            assert_eq!(read(Mark::Point, input), Some((want, left)), "{input:?}");
        }
    }

    #[test]
    fn reads_glued_exponents() {
        for (mark, input, sign, want, left) in [
            (Mark::Point, "1e10", 1.0, 1e10, ""),
            (Mark::Point, "1.3e6 tonnes", 1.0, 1.3e6, " tonnes"),
            (Mark::Comma, "12,32e+14", 1.0, 1.232e15, ""),
            (Mark::Comma, "127,32e13", -1.0, -1.2732e15, ""),
            (Mark::Point, "12e-1", -1.0, -1.2, ""),
            (Mark::Point, "1.3x10^6", 1.0, 1.3e6, ""),
            (Mark::Point, "6.23x10^-4", 1.0, 6.23e-4, ""),
            (Mark::Point, "6.23×10^-4", 1.0, 6.23e-4, ""),
            (Mark::Comma, "2,5^-1", 1.0, 0.4, ""),
            (Mark::Comma, "2,5^-1", -1.0, -0.4, ""),
            (Mark::Point, "1.1^--23", -1.0, -(1.1f64.powi(23)), ""),
            (Mark::Point, "2500^-1", -1.0, -0.0004, ""),
        ] {
            let (rest, s) = scientific(mark, input).unwrap_or_else(|_| panic!("{input:?}"));
            let v = s.value(sign).unwrap_or(f64::NAN);
            assert!((v - want).abs() <= want.abs() * 1e-12, "{input:?}: {v} != {want}");
            assert_eq!(rest, left, "{input:?}");
        }
    }

    #[test]
    fn refuses_what_is_no_exponent() {
        for no in ["5e", "5e ", "2e siècle", "1e5x", "1e12345", "12x10", "3^", "4G", "1e5.3", "A1e5"] {
            assert!(scientific(Mark::Comma, no).is_err(), "{no:?}");
        }
        // Beyond f64: read, but no value (the caller skips it).
        for huge in ["1e400", "10x10^400", "10^400", "9^999"] {
            let (_, s) = scientific(Mark::Point, huge).unwrap_or_else(|_| panic!("{huge:?}"));
            assert_eq!(s.value(1.0), None, "{huge:?}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_number() {
        let long = "9".repeat(10_000);
        for no in ["", "abc", " 12", long.as_str()] {
            assert!(number(Mark::Point, no).is_err(), "{no:?}");
            assert!(number(Mark::Comma, no).is_err(), "{no:?}");
        }
    }
}
