//! Ages: "âgé de 78 ans", "à 78 ans", "Joe Biden, 81 ans,", "un homme de 45 ans", "aged 78",
//! "the 78-year-old", "78 years old", "Jane Doe (78)", "Jane Doe, 78,". A bare "78 ans" with none
//! of these cues is a duration ("pendant 78 ans"); birth dates are date claims marked `birth`.

use super::date::{digits, end_of_word, fail, gap, gap0, DateLexicon, PResult};
use super::duration::{amount, ends_with_word, num, AmountKind};
use crate::span::Span;
use nom::branch::alt;
use nom::character::complete::char;
use nom::combinator::{consumed, not, peek};
use nom::Parser;
use serde_json::{json, Map, Value};

/// An age in years.
#[derive(Clone, Debug, PartialEq)]
pub struct AgeClaim {
    pub years: f64,
    /// The name the age is given for, when it stands right before: "Joe Biden, 81 ans".
    pub person: Option<Span>,
}

impl AgeClaim {
    pub fn json_fields(&self, out: &mut Map<String, Value>) {
        out.insert("value".into(), num(self.years));
        if let Some(p) = self.person {
            out.insert("person".into(), json!({"start": p.start, "end": p.end}));
        }
    }
}

/// An age as read: the text of the age itself ("78 ans", "78-year-old", "78").
#[derive(Clone, Debug, PartialEq)]
pub struct AgeRead<'i> {
    pub text: &'i str,
    pub years: f64,
    /// Whether the age is in apposition to the words before it (", 81 ans,", "(78)"): the scanner
    /// looks for the name there.
    pub apposition: bool,
}

// YEARS := NUM(1,3) in 0..=130 | WORDS                                   "78", "five"
fn years<'i>(lx: &DateLexicon, i: &'i str) -> PResult<'i, f64> {
    let (r, (v, kind)) = amount(lx, i)?;
    if kind == AmountKind::Article || v.fract() != 0.0 || !(0.0..=130.0).contains(&v) {
        return fail();
    }
    Ok((r, v))
}

// AGE_FR := AGE_PREFIX GAP YEARS GAP AGE_UNIT END, not followed by "de"/"plus"   "âgé de 78 ans", "à 78 ans"
fn prefixed<'i>(lx: &DateLexicon, i: &'i str) -> PResult<'i, AgeRead<'i>> {
    let (r, _) = (|i| lx.age_prefixes.parse(i), gap).parse(i)?;
    let (r, read) = years_unit(lx, r)?;
    let (r, _) =
        not((gap, alt((|i| lx.directions.parse(i).map(|(r, _)| (r, ())), |i| lx.age_links.parse(i))))).parse(r)?;
    Ok((r, read))
}

// YEARS_UNIT := YEARS GAP AGE_UNIT END
fn years_unit<'i>(lx: &DateLexicon, i: &'i str) -> PResult<'i, AgeRead<'i>> {
    let (r, (text, (y, _, _, _))) =
        consumed((|i| years(lx, i), gap, |i| lx.age_units.parse(i), end_of_word)).parse(i)?;
    Ok((r, AgeRead { text, years: y, apposition: false }))
}

// AGE_NOUN := WORD(age_nouns) GAP LINK GAP YEARS_UNIT                   "un homme de 45 ans"
fn noun<'i>(lx: &DateLexicon, i: &'i str) -> PResult<'i, AgeRead<'i>> {
    let (r, _) = (|i| lx.age_nouns.parse(i), gap, |i| lx.age_links.parse(i), gap0).parse(i)?;
    years_unit(lx, r)
}

// AGED := WORD(aged) GAP NUM(1,3)                                       "aged 78"
fn aged<'i>(lx: &DateLexicon, i: &'i str) -> PResult<'i, AgeRead<'i>> {
    let (r, _) = (|i| lx.aged.parse(i), gap).parse(i)?;
    let (r, (text, y)) = consumed(|i| digits(1, 3, i)).parse(r)?;
    let (r, _) = end_of_word(r)?;
    if y > 130 {
        return fail();
    }
    Ok((r, AgeRead { text, years: f64::from(y), apposition: false }))
}

// YEAR_OLD := YEARS YEAR_OLD                                           "78-year-old", "five years old"
fn year_old<'i>(lx: &DateLexicon, i: &'i str) -> PResult<'i, AgeRead<'i>> {
    let (r, (text, (y, _))) = consumed((|i| years(lx, i), |i| lx.year_old.parse(i))).parse(i)?;
    Ok((r, AgeRead { text, years: y, apposition: false }))
}

// APPOSED := ("," | "(") GAP0 YEARS_UNIT (","|")"|"."|";"|END)          "Biden, 81 ans, a dit"
fn apposed<'i>(lx: &DateLexicon, before: &str, i: &'i str) -> PResult<'i, AgeRead<'i>> {
    let prev = before.trim_end_matches(super::date::is_space);
    if !(prev.ends_with(',') || prev.ends_with('(')) || lx.age_units.is_empty() {
        return fail();
    }
    let (r, read) = years_unit(lx, i)?;
    let (r, _) =
        peek(alt((char::<&str, ()>(','), char(')'), char('.'), char(';'), char(':')))).parse(r).or_else(|_| {
            if r.is_empty() {
                Ok((r, ' '))
            } else {
                fail()
            }
        })?;
    Ok((r, AgeRead { apposition: true, ..read }))
}

// BRACKETED := "(" NUM(1,3) ")" | "," GAP NUM(2,3) ","  after a name (English only: "Lyon (69)" is a département)
fn bracketed<'i>(lx: &DateLexicon, before: &str, i: &'i str) -> PResult<'i, AgeRead<'i>> {
    if lx.aged.is_empty() {
        return fail();
    }
    let prev = before.trim_end_matches(super::date::is_space);
    let (text_before, closer) = if let Some(p) = prev.strip_suffix('(') {
        (p, ')')
    } else if let Some(p) = prev.strip_suffix(',') {
        (p, ',')
    } else {
        return fail();
    };
    if capitalised_words(text_before) < 2 {
        return fail();
    }
    let (r, (text, y)) = consumed(|i| digits(1, 3, i)).parse(i)?;
    let (r, _) = (gap0, char(closer)).parse(r)?;
    if !(1..=120).contains(&y) || (closer == ',' && y < 10) {
        return fail();
    }
    let r = i.get(text.len()..).unwrap_or(r);
    Ok((r, AgeRead { text, years: f64::from(y), apposition: true }))
}

/// How many capitalised words end `before` (a name: "Joe Biden" is 2).
pub(crate) fn capitalised_words(before: &str) -> usize {
    before
        .trim_end_matches(super::date::is_space)
        .rsplit(|c: char| c.is_whitespace())
        .take_while(|w| {
            let mut cs = w.chars();
            cs.next().is_some_and(char::is_uppercase) && cs.all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\''))
        })
        .count()
}

// AGE := AGE_FR | AGE_NOUN | AGED | YEAR_OLD | APPOSED | BRACKETED
pub fn age<'i>(lx: &DateLexicon, before: &str, i: &'i str) -> PResult<'i, AgeRead<'i>> {
    alt((
        |i| prefixed(lx, i),
        |i| noun(lx, i),
        |i| aged(lx, i),
        |i| year_old(lx, i),
        |i| apposed(lx, before, i),
        |i| bracketed(lx, before, i),
    ))
    .parse(i)
}

/// Whether an age prefix or noun stands right before (for a "78 ans" reached from its number).
pub fn cued(lx: &DateLexicon, before: &str) -> bool {
    ends_with_word(&lx.age_prefixes, before)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Lexicon;
    use crate::source::Lang;

    fn read(lang: Lang, before: &str, input: &str) -> Option<(f64, String)> {
        let lx = &Lexicon::get(lang).dates;
        age(lx, before, input).ok().map(|(_, a)| (a.years, a.text.to_string()))
    }

    #[test]
    fn reads_french_ages() {
        for (before, input, want) in [
            ("", "âgé de 78 ans", (78.0, "78 ans")),
            ("", "à 78 ans, il", (78.0, "78 ans")),
            ("un ", "homme de 45 ans", (45.0, "45 ans")),
            ("Joe Biden, ", "81 ans, a dit", (81.0, "81 ans")),
            ("Marie Curie (", "66 ans)", (66.0, "66 ans")),
        ] {
            assert_eq!(read(Lang::Fr, before, input), Some((want.0, want.1.to_string())), "{input:?}");
        }
        for (before, no) in [
            ("", "78 ans"),
            ("pendant ", "78 ans"),
            ("", "à 3 ans de la fin"),
            ("", "un contrat de 5 ans"),
            ("Lyon (", "69)"),
        ] {
            assert_eq!(read(Lang::Fr, before, no), None, "{no}");
        }
    }

    #[test]
    fn reads_english_ages() {
        for (before, input, want) in [
            ("", "aged 78", (78.0, "78")),
            ("the ", "78-year-old", (78.0, "78-year-old")),
            ("", "five years old", (5.0, "five years old")),
            ("Jane Doe (", "78)", (78.0, "78")),
            ("Joe Biden, ", "81, said", (81.0, "81")),
        ] {
            assert_eq!(read(Lang::En, before, input), Some((want.0, want.1.to_string())), "{input:?}");
        }
        for (before, no) in [("", "78 years"), ("a ", "10-year plan"), ("page (", "12)"), ("In Paris, ", "3, we")] {
            assert_eq!(read(Lang::En, before, no), None, "{no}");
        }
    }
}
