//! `temporal-order`: "avant"/"après", "before"/"after" contradicted by the dates given. Reads
//! offsets with their two dates ("deux jours avant le 10 mars", said of 12 March) and a date
//! followed closely by "avant le"/"after" and another date.

use crate::diagnostic::Diagnostic;
use crate::extract::date::Direction;
use crate::extract::{Claim, ClaimKind};
use crate::rules::calendar::{date_of, days, days_words};
use crate::rules::cues::longest_suffix;
use crate::rules::duration_mismatch::read_offset;
use crate::rules::{Context, Rule, RuleMeta};
use chrono::NaiveDate;

declare_rule! {
    /// ## What it flags
    /// An order the dates contradict: « le 12 mars, deux jours avant le scrutin du 10 mars »,
    /// "on 5 May 2023, a week after the vote of 20 May 2023", « arrivé le 12 mars, avant le
    /// 10 mars ».
    ///
    /// ## Why it matters
    /// An event placed before something that happened earlier is a wrong date or a wrong word;
    /// the reader loses the thread of the story.
    ///
    /// ## Flags
    /// - fr: « Il a démissionné le 12 mars 2024, deux jours avant le scrutin du 10 mars 2024. »
    /// - en: "She resigned on May 5, 2023, a week after the vote of May 20, 2023."
    ///
    /// ## Leaves alone
    /// - Dates in the stated order: « le 8 mars, avant le scrutin du 10 mars ».
    /// - A connector far from the first date, which may belong to another clause: "On 15 March
    ///   she promised to finish the report before 1 March next year", "The authority, founded in
    ///   1998, appealed after the 2001 ruling".
    /// - Dates given as a month or a year that overlap: "in 2011, after the 2011 election".
    /// - The wrong amount in the right direction: `duration-mismatch` reports it.
    ///
    /// ## Settings
    /// None.
    TemporalOrder,
    id = "temporal-order",
    severity = Error,
    summary = "a before or after that the dates contradict",
}

fn side(d: Direction) -> &'static str {
    match d {
        Direction::Before => "before",
        Direction::After => "after",
    }
}

/// "12 mars" is 2 days after "10 mars"; with ranges, the nearest ends.
fn relation(gap: (i64, i64)) -> Option<(i64, Direction)> {
    if gap.0 > 0 {
        Some((gap.0, Direction::After))
    } else if gap.1 < 0 {
        Some((-gap.1, Direction::Before))
    } else {
        None
    }
}

/// The order word that ends `before`, up to four words (no punctuation) before its end:
/// (the word, where it starts, its direction).
fn connector<'c>(before: &str, cues: &'c crate::rules::cues::Order) -> Option<(&'c str, usize, Direction)> {
    let mut end = before.trim_end().len();
    for _ in 0..=4 {
        let head = before.get(..end)?.trim_end();
        let found = match (longest_suffix(head, &cues.before), longest_suffix(head, &cues.after)) {
            (Some((w, at)), None) => Some((w, at, Direction::Before)),
            (None, Some((w, at))) => Some((w, at, Direction::After)),
            _ => None,
        };
        if found.is_some() {
            return found;
        }
        // Drop the last word; stop at punctuation, which ends the phrase.
        let cut = head.rfind(char::is_whitespace)?;
        let word = head.get(cut..)?.trim();
        if word.chars().any(|c| matches!(c, ',' | ';' | ':' | '.' | '(' | ')')) {
            return None;
        }
        end = cut;
    }
    None
}

/// A date right after an order word, and the nearest date before that word in the sentence.
fn check_connector(
    rule: &TemporalOrder,
    cx: &Context<'_>,
    later: &Claim,
    db: (NaiveDate, NaiveDate),
    out: &mut Vec<Diagnostic>,
) {
    let cues = &cx.cues().order;
    let mut first = None;
    for (_, c) in cx.sentence_claims(later) {
        if c.local.0 >= later.local.0 {
            break;
        }
        if matches!(c.kind, ClaimKind::Offset(_) | ClaimKind::Duration(_)) {
            // An amount belongs to the offset reading, not to this one.
            first = None;
            continue;
        }
        if date_of(c).is_some() {
            first = Some(c);
        }
    }
    let Some(first) = first else { return };
    // Read after the date before it, which most dates lack: the connector may stand a few words
    // before the date ("avant le scrutin du 10 mars").
    let before = cx.before(later);
    let Some((word, at, direction)) = connector(before, cues) else { return };
    let Some(da) = date_of(first).and_then(days) else { return };
    // The connector must stand close to the first date: at most four words between.
    let (sentence_start, _) = cx.sentence(later);
    let connector_at = cx.before(later).len().min(at) + sentence_start;
    // The connector must stand between the two dates ("juillet-août" after "après" orders nothing).
    if connector_at < first.local.1 {
        return;
    }
    let gap_text = cx.run_text(later).get(first.local.1..connector_at).unwrap_or("");
    if gap_text.split_whitespace().count() > 4 {
        return;
    }
    // "The authority, founded in 1998, appealed after the 2001 ruling": the comma closes the
    // clause of the first date; the connector belongs to the next verb.
    if gap_text.contains(',') && gap_text.chars().any(char::is_alphabetic) {
        return;
    }
    let gap = ((da.0 - db.1).num_days(), (da.1 - db.0).num_days());
    let Some((n, actual)) = relation(gap) else { return };
    if actual == direction {
        return;
    }
    // Days are counted only between two days; "2009" is simply before "2011".
    let by = if da.0 == da.1 && db.0 == db.1 { format!("{} ", days_words(n)) } else { String::new() };
    let text = format!(
        "\"{}\" is {by}{} \"{}\"; the text says \"{word}\"",
        cx.text(first.span),
        side(actual),
        cx.text(later.span)
    );
    out.push(
        cx.diagnostic(rule, first.span, text)
            .related(later.span, "the other date")
            .help("check both dates and the word that orders them"),
    );
}

/// A year used as an adjective, which the date reader leaves a number: "the 2011 election".
/// Four digits between 1800 and 2100, after "the" (or a possessive) and before the noun it dates.
fn attributive_year(cx: &Context<'_>, c: &Claim) -> Option<(NaiveDate, NaiveDate)> {
    let ClaimKind::Number(n) = &c.kind else { return None };
    let text = cx.text(c.span);
    if n.approx.is_some() || n.counted.is_none() || text.len() != 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year = i32::try_from(n.value as i64).ok().filter(|y| (1800..=2100).contains(y))?;
    let article = cx.before(c).trim_end().rsplit(char::is_whitespace).next()?.to_lowercase();
    if !["the", "its", "his", "her", "their", "that", "this"].contains(&article.as_str()) {
        return None;
    }
    Some((NaiveDate::from_ymd_opt(year, 1, 1)?, NaiveDate::from_ymd_opt(year, 12, 31)?))
}

impl Rule for TemporalOrder {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for claim in &cx.claims.items {
            match &claim.kind {
                ClaimKind::Offset(_) => {
                    let Some(r) = read_offset(cx, claim) else { continue };
                    // gap is from the anchor to the target: the target is after when positive.
                    let Some((n, actual)) = relation(r.gap) else { continue };
                    if actual == r.o.direction {
                        continue;
                    }
                    let by = if r.gap.0 == r.gap.1 { format!("{} ", days_words(n)) } else { String::new() };
                    let text = format!(
                        "\"{}\" is {by}{} {}; the text says \"{}\"",
                        cx.text(r.to.span),
                        side(actual),
                        r.from_text,
                        cx.text(claim.span)
                    );
                    let mut d = cx.diagnostic(self, claim.span, text).related(r.to.span, "the date");
                    if let Some(s) = r.from_span {
                        d = d.related(s, "the date it counts from");
                    }
                    out.push(d.help("check both dates and the direction of the offset"));
                }
                ClaimKind::Date(d) => {
                    if let Some(db) = days(d) {
                        check_connector(self, cx, claim, db, out);
                    }
                }
                ClaimKind::Number(_) => {
                    if let Some(db) = attributive_year(cx, claim) {
                        check_connector(self, cx, claim, db, out);
                    }
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::date::Unit;
    use crate::rules::testutil::{en, fr, Draft};

    #[test]
    fn flags_an_offset_on_the_wrong_side() {
        let mut d = Draft::new(&fr("Il a démissionné le 12 mars 2024, deux jours avant le scrutin du 10 mars 2024."));
        d.date("12 mars 2024", (2024, 3, 12), None);
        d.date("10 mars 2024", (2024, 3, 10), None);
        d.offset("deux jours avant", 2.0, Unit::Day, Direction::Before, Some("le scrutin du 10 mars 2024"));
        d.subject("deux jours avant", "12 mars 2024");
        assert_eq!(
            d.check(&TemporalOrder),
            vec![(
                "deux jours avant".into(),
                "\"12 mars 2024\" is 2 days after \"10 mars 2024\"; the text says \"deux jours avant\"".into()
            )]
        );
    }

    #[test]
    fn flags_a_connector_contradicted() {
        let mut d = Draft::new(&en("She arrived on May 22, 2023, before the vote of May 20, 2023."));
        d.date("May 22, 2023", (2023, 5, 22), None);
        d.date("May 20, 2023", (2023, 5, 20), None);
        assert_eq!(d.check(&TemporalOrder).len(), 1, "the vote of May 20");
        let mut d = Draft::new(&en("She arrived on May 22, 2023, before May 20, 2023."));
        d.date("May 22, 2023", (2023, 5, 22), None);
        d.date("May 20, 2023", (2023, 5, 20), None);
        assert_eq!(
            d.check(&TemporalOrder)[0].1,
            "\"May 22, 2023\" is 2 days after \"May 20, 2023\"; the text says \"before\""
        );
    }

    #[test]
    fn leaves_alone_the_right_order_and_far_connectors() {
        let mut d = Draft::new(&fr("Il est arrivé le 8 mars 2024, avant le 10 mars 2024."));
        d.date("8 mars 2024", (2024, 3, 8), None);
        d.date("10 mars 2024", (2024, 3, 10), None);
        assert!(d.check(&TemporalOrder).is_empty());
        let mut d = Draft::new(&en("On March 15, 2024 she promised to finish the whole report before March 1, 2024."));
        d.date("March 15, 2024", (2024, 3, 15), None);
        d.date("March 1, 2024", (2024, 3, 1), None);
        assert!(d.check(&TemporalOrder).is_empty());
    }

    #[test]
    fn reads_attributive_years() {
        let mut d = Draft::new(&en("She first joined the council in 2009, after the 2011 election."));
        d.year("2009", 2009);
        d.counted("2011", 0, 2011.0, "election");
        assert_eq!(d.check(&TemporalOrder)[0].1, "\"2009\" is before \"2011\"; the text says \"after\"");
        let mut d = Draft::new(&en("The authority, founded in 1998, appealed after the 2001 ruling."));
        d.year("1998", 1998);
        d.counted("2001", 0, 2001.0, "ruling");
        assert!(d.check(&TemporalOrder).is_empty(), "the connector belongs to the next clause");
    }
}
