//! `weekday-mismatch`: a weekday written beside a date it does not fall on. Reads date claims
//! that name a weekday; the year is the text's or the one taken from the publication date.

use crate::diagnostic::Diagnostic;
use crate::extract::date::{DateClaim, YearSource};
use crate::extract::{Claim, ClaimKind};
use crate::rules::{Context, Rule, RuleMeta};
use crate::span::Span;
use chrono::{Datelike, Weekday};

declare_rule! {
    /// ## What it flags
    /// A weekday that does not fall on the date it introduces: « le lundi 5 novembre 2024 » (a
    /// Tuesday). A date without a year takes the year the publication date gives it, and the
    /// message says so.
    ///
    /// ## Why it matters
    /// Readers check dates against their calendar; a wrong weekday makes them doubt the date, and
    /// one of the two is wrong: often the previous month's name, or last year's calendar.
    ///
    /// ## Flags
    /// - fr: « Le scrutin a eu lieu le lundi 5 novembre 2024. » (un mardi)
    /// - en: "The hearing opened on Friday, March 14, 2024." (a Thursday)
    ///
    /// ## Leaves alone
    /// - A weekday that matches: « mardi 5 novembre 2024 », "Thursday, March 14, 2024".
    /// - A day and month with no year and no publication date.
    /// - An impossible date (« mardi 31 avril »): `impossible-date` reports it.
    /// - A date without a year more than two months from the publication date: the year taken
    ///   from the publication date is a guess there ("vendredi 12 janvier" in a June article).
    /// - A weekday and a date that are not one expression: "on Monday, and on 4 November…".
    ///
    /// ## Settings
    /// None.
    WeekdayMismatch,
    id = "weekday-mismatch",
    severity = Error,
    summary = "a weekday that does not match its date",
}

pub fn english_weekday(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// The wording: what the calendar says, then what the text says.
fn message(date: &str, year_note: Option<i32>, actual: Weekday, written: &str) -> String {
    let year = year_note.map(|y| format!(" (in {y}, the year the publication date gives it)")).unwrap_or_default();
    format!("\"{date}\"{year} is a {}; the text says \"{written}\"", english_weekday(actual))
}

/// The date's own words, without the weekday that opens the claim.
fn date_words(cx: &Context<'_>, claim: &Claim, weekday: Span) -> Span {
    if claim.span.contains(weekday) && weekday.start == claim.span.start {
        let rest = cx.text(Span::new(weekday.end, claim.span.end));
        let trimmed = rest.trim_start_matches([',', ' ', '\u{a0}', '\u{202f}']);
        let trimmed = trimmed.strip_prefix("the ").unwrap_or(trimmed);
        return Span::new(claim.span.end - trimmed.len(), claim.span.end);
    }
    claim.span
}

/// How far from the publication date a date whose year was taken from it is still checked.
const MAX_GUESSED_DAYS: i64 = 62;

impl Rule for WeekdayMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for claim in &cx.claims.items {
            let ClaimKind::Date(date @ DateClaim { weekday: Some((written, at)), invalid: false, .. }) = &claim.kind
            else {
                continue;
            };
            // A date without a year proves nothing; an impossible one is impossible-date's.
            let Some(day) = date.naive() else { continue };
            let actual = day.weekday();
            if actual == *written {
                continue;
            }
            // A year taken from the publication date is a guess that holds near it: "vendredi 12
            // janvier" in a June article may recall a January of another year (when it was a
            // Friday). Far from the publication date, silence.
            if date.year_source != YearSource::Text {
                let near = cx.doc.pub_date.is_some_and(|p| (day - p).num_days().abs() <= MAX_GUESSED_DAYS);
                if !near {
                    continue;
                }
            }
            let year_note = (date.year_source != YearSource::Text).then_some(day.year());
            let words = date_words(cx, claim, *at);
            let text = message(cx.text(words), year_note, actual, cx.text(*at));
            // No fix: the weekday or the date may be the typo; only the author knows.
            out.push(
                cx.diagnostic(self, *at, text)
                    .related(words, "the date")
                    .help("check the weekday and the date against a calendar: one of them is wrong"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testutil::{en, fr, Draft};

    #[test]
    fn flags_a_wrong_weekday() {
        let mut d = Draft::new(&fr("Le scrutin a eu lieu le lundi 5 novembre 2024."));
        d.date("lundi 5 novembre 2024", (2024, 11, 5), Some((Weekday::Mon, "lundi")));
        assert_eq!(
            d.check(&WeekdayMismatch),
            vec![("lundi".into(), "\"5 novembre 2024\" is a Tuesday; the text says \"lundi\"".into())]
        );
        let mut d = Draft::new(&en("It opened on Friday, March 14, 2024."));
        d.date("Friday, March 14, 2024", (2024, 3, 14), Some((Weekday::Fri, "Friday")));
        assert_eq!(d.check(&WeekdayMismatch)[0].1, "\"March 14, 2024\" is a Thursday; the text says \"Friday\"");
    }

    #[test]
    fn leaves_alone_a_right_weekday_or_no_weekday() {
        let mut d = Draft::new(&fr("Le scrutin a eu lieu le mardi 5 novembre 2024, puis le 6 novembre."));
        d.date("mardi 5 novembre 2024", (2024, 11, 5), Some((Weekday::Tue, "mardi")));
        d.date("6 novembre", (2024, 11, 6), None);
        assert!(d.check(&WeekdayMismatch).is_empty());
        let mut d = Draft::new(&fr("Le mardi 31 avril 2024."));
        d.date("mardi 31 avril 2024", (2024, 4, 31), Some((Weekday::Tue, "mardi")));
        assert!(d.check(&WeekdayMismatch).is_empty(), "impossible-date's");
    }
}
