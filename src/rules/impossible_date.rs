//! `impossible-date`: a day that does not exist in its month ("31 avril", "30 February",
//! "29 février 2023"). Reads the date claims extraction marked invalid.

use crate::diagnostic::Diagnostic;
use crate::extract::date::DateClaim;
use crate::extract::ClaimKind;
use crate::rules::{Context, Rule, RuleMeta};

declare_rule! {
    /// ## What it flags
    /// A date that is not on any calendar: « 31 avril », "30 February", « 29 février 2023 » (2023
    /// is not a leap year).
    ///
    /// ## Why it matters
    /// The day or the month is a typo, and the reader cannot tell which; a date that cannot exist
    /// also breaks every computation made from it.
    ///
    /// ## Flags
    /// - fr: « La réunion est prévue le 31 avril 2025. »
    /// - en: "The deadline is February 30, 2025."
    ///
    /// ## Leaves alone
    /// - « 29 février 2024 », "February 29, 2028": leap years.
    /// - « 31 mars », "April 30": real days.
    /// - "29 February" with no year and no publication date: it may be a leap year.
    /// - Scores and ranges that look like dates: « 31-4 », "30/2 split".
    ///
    /// ## Settings
    /// None.
    ImpossibleDate,
    id = "impossible-date",
    severity = Error,
    summary = "a date that does not exist",
}

/// The wording: the date as written, then why no calendar has it.
fn message(written: &str, date: &DateClaim) -> Option<String> {
    let (number, day) = (date.month?, date.day?);
    let month = chrono::Month::try_from(u8::try_from(number).ok()?).ok()?;
    if month == chrono::Month::February && day == 29 {
        let year = date.year?;
        return Some(format!("\"{written}\" does not exist: {year} is not a leap year, so February has 28 days"));
    }
    // Any leap year gives a month its longest length.
    let days = u32::from(month.num_days(2024)?);
    (day > days).then(|| format!("\"{written}\" does not exist: {} has {days} days", month.name()))
}

impl Rule for ImpossibleDate {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for claim in &cx.claims.items {
            let ClaimKind::Date(date) = &claim.kind else { continue };
            if !date.invalid {
                continue;
            }
            let Some(text) = message(cx.text(claim.span), date) else { continue };
            out.push(cx.diagnostic(self, claim.span, text).help("check the day and the month"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testutil::{en, fr, Draft};

    #[test]
    fn flags_days_past_the_month_end() {
        let mut d = Draft::new(&fr("La réunion est prévue le 31 avril 2025."));
        d.date("31 avril 2025", (2025, 4, 31), None);
        assert_eq!(
            d.check(&ImpossibleDate),
            vec![("31 avril 2025".into(), "\"31 avril 2025\" does not exist: April has 30 days".into())]
        );
        let mut d = Draft::new(&en("It was on February 29, 2023."));
        d.date("February 29, 2023", (2023, 2, 29), None);
        assert_eq!(
            d.check(&ImpossibleDate)[0].1,
            "\"February 29, 2023\" does not exist: 2023 is not a leap year, so February has 28 days"
        );
    }

    #[test]
    fn leaves_alone_real_days() {
        let mut d = Draft::new(&fr("Le 29 février 2024 et le 30 avril 2024."));
        d.date("29 février 2024", (2024, 2, 29), None);
        d.date("30 avril 2024", (2024, 4, 30), None);
        assert!(d.check(&ImpossibleDate).is_empty());
    }
}
