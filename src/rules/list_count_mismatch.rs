//! `list-count-mismatch`: an announced count that its list contradicts ("trois pays : la France
//! et l'Allemagne"). Reads the list frames of extraction: the count claim and the items.

use crate::diagnostic::Diagnostic;
use crate::extract::ClaimKind;
use crate::rules::context::fmt_num;
use crate::rules::cues::contains_phrase;
use crate::rules::{Context, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// ## What it flags
    /// A count announced before a list that names a different number of items: « trois pays :
    /// la France et l'Allemagne », "four priorities: housing, transport and schools".
    ///
    /// ## Why it matters
    /// Either an item was lost in editing or the count is stale; readers notice when they count.
    ///
    /// ## Flags
    /// - fr: « Les observateurs venaient de trois pays : la Belgique et la Suisse. »
    /// - en: "The plan names four priorities: housing, transport and schools."
    ///
    /// ## Leaves alone
    /// - A list that matches its count.
    /// - A partial list: « trois pays, dont la France », "five cities, including Lyon and Nice".
    /// - Items that count several things: "four shelters: two schools, a church and a sports hall".
    /// - A count and a colon with a clause between, unless the count opens its sentence ("Four
    ///   countries voiced their opposition: …"); a breakdown after it ("The 12 members voted:
    ///   7 for and 5 against").
    /// - Items that hold their own commas or "et"/"and" the extraction could not split: no list
    ///   frame, no finding.
    ///
    /// ## Settings
    /// None.
    ListCountMismatch,
    id = "list-count-mismatch",
    severity = Warning,
    summary = "an announced count that its list contradicts",
}

fn quote_items(cx: &Context<'_>, items: &[Span]) -> String {
    items.iter().map(|s| format!("\"{}\"", cx.text(*s))).collect::<Vec<_>>().join(", ")
}

/// How many things an item names: the number that opens it ("two schools"), else one.
fn item_count(cx: &Context<'_>, item: Span) -> f64 {
    cx.claims_within(item)
        .find(|c| c.span.start == item.start)
        .and_then(|c| match &c.kind {
            ClaimKind::Number(n) if n.approx.is_none() && n.value >= 1.0 && n.value.fract() == 0.0 => Some(n.value),
            _ => None,
        })
        .unwrap_or(1.0)
}

impl Rule for ListCountMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let partial = &cx.cues().list.partial;
        for list in &cx.claims.lists {
            let Some(count) = cx.claim(list.count) else { continue };
            let ClaimKind::Number(n) = &count.kind else { continue };
            if n.approx.is_some() || n.value.fract() != 0.0 || list.items.is_empty() {
                continue;
            }
            // "trois pays, dont la France": the list is a sample, not the whole.
            let between = cx.text(Span::new(count.span.end, list.list.start.max(count.span.end)));
            if partial.iter().any(|w| contains_phrase(between, w)) {
                continue;
            }
            // "quatre abris : deux écoles, une église et un gymnase": an item may count several.
            let listed: f64 = list.items.iter().map(|item| item_count(cx, *item)).sum();
            if n.value == listed {
                continue;
            }
            let listed = fmt_num(listed);
            let announced = n.counted.as_ref().map_or(count.span, |c| count.span.cover(c.span));
            let text = format!(
                "\"{}\" announces {}; the list names {listed}: {}",
                cx.text(announced),
                fmt_num(n.value),
                quote_items(cx, &list.items)
            );
            out.push(
                cx.diagnostic(self, announced, text)
                    .related(list.list, "the list")
                    .help("check whether an item is missing or the count is wrong"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testutil::{en, fr, Draft};

    #[test]
    fn flags_a_short_list() {
        let mut d = Draft::new(&fr("Les observateurs venaient de trois pays : la Belgique et la Suisse."));
        let c = d.counted("trois", 0, 3.0, "pays");
        d.list(c, &["la Belgique", "la Suisse"], "la Belgique et la Suisse");
        assert_eq!(
            d.check(&ListCountMismatch),
            vec![(
                "trois pays".into(),
                "\"trois pays\" announces 3; the list names 2: \"la Belgique\", \"la Suisse\"".into()
            )]
        );
    }

    #[test]
    fn leaves_alone_matching_and_partial_lists() {
        let mut d = Draft::new(&en("It names three priorities: housing, transport and schools."));
        let c = d.counted("three", 0, 3.0, "priorities");
        d.list(c, &["housing", "transport", "schools"], "housing, transport and schools");
        assert!(d.check(&ListCountMismatch).is_empty());
        let mut d = Draft::new(&en("It visited five cities, including Lyon and Nice."));
        let c = d.counted("five", 0, 5.0, "cities");
        d.list(c, &["Lyon", "Nice"], "Lyon and Nice");
        assert!(d.check(&ListCountMismatch).is_empty());
    }
}
