//! `age-mismatch`: an age that contradicts a birth date and the publication date. Reads age
//! claims and the one birth date of their sentence ("né en 1961", "born on 3 May 1970").

use crate::diagnostic::Diagnostic;
use crate::extract::date::Grain;
use crate::extract::{Claim, ClaimKind};
use crate::rules::calendar::{date_of, days};
use crate::rules::context::fmt_num;
use crate::rules::cues::{contains_phrase, longest_suffix};
use crate::rules::{Context, Rule, RuleMeta};
use chrono::{Datelike, NaiveDate};

declare_rule! {
    /// ## What it flags
    /// An age that the birth date beside it and the publication date contradict: « né en 1961,
    /// il est âgé de 58 ans » in 2024 (62 or 63). A birth year allows both ages of the year (the
    /// birthday is unknown); a full birth date allows the age of the publication day or of the
    /// month before it, when the draft may have been written.
    ///
    /// ## Why it matters
    /// Ages are recomputed by readers and go stale between drafts.
    ///
    /// ## Flags
    /// - fr: « Le directeur, né en 1961, est âgé de 58 ans. » (publié en 2024)
    /// - en: "Whitfield, 54, was born in 1966." (published in 2024)
    ///
    /// ## Leaves alone
    /// - Either age of an unknown birthday: « né en 1961, 63 ans » or « 62 ans » in 2024.
    /// - An age at an event: "she died in 2010, aged 80, born in 1930"; « à l'époque ».
    /// - A sentence with two birth dates or another date that may be the reference.
    /// - A draft without a publication date.
    /// - A bare number after a count ("Of the 30 members, 12, born in 1990 or later") or before a
    ///   noun ("she is 12 points ahead").
    ///
    /// ## Settings
    /// None.
    AgeMismatch,
    id = "age-mismatch",
    severity = Warning,
    summary = "an age that contradicts a birth date and the publication date",
}

/// Completed years between `birth` and `on`.
fn age_on(birth: NaiveDate, on: NaiveDate) -> i32 {
    let mut years = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    years
}

fn english_date(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

/// A bare number that can only be an age in a sentence that gives a birth date (the caller
/// checks that): set off by commas or brackets after a noun ("Whitfield, 54, was born in
/// 1966"), or after "is" at the end of a clause ("born in 1990, the singer is 40"). Whole,
/// 1 to 120, written in digits and counting nothing.
fn bare_age(cx: &Context<'_>, c: &Claim) -> Option<f64> {
    let ClaimKind::Number(n) = &c.kind else { return None };
    let text = cx.text(c.span);
    if n.approx.is_some() || n.counted.is_some() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !(n.value.fract() == 0.0 && (1.0..=120.0).contains(&n.value)) {
        return None;
    }
    let before = cx.before(c).trim_end();
    let after = cx.after(c);
    let closes = |closer: char| after.is_empty() || after.starts_with(closer);
    let word_before = |head: &str| head.trim_end().chars().last().is_some_and(char::is_alphabetic);
    let apposed = match (before.strip_suffix(','), before.strip_suffix('(')) {
        (Some(head), _) => word_before(head) && closes(','),
        (_, Some(head)) => word_before(head) && closes(')'),
        _ => false,
    };
    // French gives an age its unit (« a 40 ans »), read by the extractor; only English says "is 40".
    let copula = ["is"].iter().filter(|_| cx.doc.lang == crate::source::Lang::En).any(|w| {
        before.len() > w.len()
            && before.get(before.len() - w.len()..).is_some_and(|t| t.eq_ignore_ascii_case(w))
            && before.get(..before.len() - w.len()).is_some_and(|h| h.ends_with(char::is_whitespace))
    }) && (after.is_empty() || after.starts_with(['.', ',', ';']));
    // "Of the 30 members, 12, born in 1990": a count of what came before, not an age.
    let counted_before = cx
        .sentence_claims(c)
        .any(|(_, o)| o.local.1 <= c.local.0 && matches!(o.kind, ClaimKind::Number(_) | ClaimKind::Percent(_)));
    ((apposed || copula) && !counted_before).then_some(n.value)
}

impl Rule for AgeMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(pub_date) = cx.doc.pub_date else { return };
        let cues = &cx.cues().age;
        for c in &cx.claims.items {
            let years = match &c.kind {
                ClaimKind::Age(age) => age.years,
                ClaimKind::Number(_) => match bare_age(cx, c) {
                    Some(y) => y,
                    None => continue,
                },
                _ => continue,
            };
            if years.fract() != 0.0 || cx.quoted(c) {
                continue;
            }
            // Exactly one date in the sentence, and it follows a birth word.
            let dates: Vec<&Claim> = cx.sentence_claims(c).map(|(_, o)| o).filter(|o| date_of(o).is_some()).collect();
            let [birth] = dates.as_slice() else { continue };
            let before = cx.before(birth).trim_end();
            if longest_suffix(before, &cues.birth).is_none() {
                continue;
            }
            let Some(date) = date_of(birth) else { continue };
            if date.grain == Grain::Day && date.year_source != crate::extract::date::YearSource::Text {
                continue;
            }
            let Some((first, last)) = days(date) else { continue };
            let earlier = pub_date.checked_sub_days(chrono::Days::new(31)).unwrap_or(pub_date);
            let (low, high) = (age_on(last, earlier), age_on(first, pub_date));
            let stated = years as i32;
            if (low..=high).contains(&stated) {
                continue;
            }
            // Read last, being the costliest test.
            let sentence = cx.sentence_text(c);
            if cues.stop.iter().any(|w| contains_phrase(sentence, w)) {
                continue;
            }
            let expected = if low == high { format!("{low}") } else { format!("{low} or {high}") };
            let text = format!(
                "born \"{}\", so {expected} on {} (the publication date); the text says {}",
                cx.text(birth.span),
                english_date(pub_date),
                fmt_num(years)
            );
            out.push(
                cx.diagnostic(self, c.span, text)
                    .related(birth.span, "the birth date")
                    .help("check the age and the birth date"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testutil::{en, fr, Draft};

    #[test]
    fn flags_a_stale_age() {
        let mut d = Draft::new(&fr("Le directeur, né en 1961, est âgé de 58 ans."));
        d.year("1961", 1961);
        d.age("58 ans", 58.0);
        assert_eq!(
            d.check(&AgeMismatch),
            vec![(
                "58 ans".into(),
                "born \"1961\", so 62 or 63 on 20 November 2024 (the publication date); the text says 58".into()
            )]
        );
    }

    #[test]
    fn leaves_alone_both_ages_of_a_year_and_ages_at_events() {
        for age in [62.0, 63.0] {
            let mut d = Draft::new(&fr("Le directeur, né en 1961, a 6x ans."));
            d.year("1961", 1961);
            d.age("6x ans", age);
            assert!(d.check(&AgeMismatch).is_empty(), "{age}");
        }
        let mut d = Draft::new(&en("Born in 1930, she died aged 80."));
        d.year("1930", 1930);
        d.age("80", 80.0);
        assert!(d.check(&AgeMismatch).is_empty());
    }

    #[test]
    fn flags_a_bare_age_beside_a_birth_year_and_leaves_counts_alone() {
        let mut d = Draft::new(&en("Whitfield, 54, was born in 1966."));
        d.number("54", 54.0);
        d.year("1966", 1966);
        assert_eq!(d.check(&AgeMismatch).len(), 1);
        let mut d = Draft::new(&en("Of the 30 members, 12, born in 1990 or later, voted no."));
        d.number("30", 30.0);
        d.number("12", 12.0);
        d.year("1990", 1990);
        assert!(d.check(&AgeMismatch).is_empty(), "a count, not an age");
        let mut d = Draft::new(&en("Born in 1990, she is 12 points ahead."));
        d.year("1990", 1990);
        d.number("12", 12.0);
        assert!(d.check(&AgeMismatch).is_empty(), "12 points");
    }
}
