//! The rule engine: the [`Rule`] trait, the registry [`RULES`], and [`run`], which checks one
//! document and returns its findings sorted and deduplicated.
//!
//! A rule is one file with one job. It reads claims and the document through a [`Context`],
//! never raw bytes, and stays silent when in doubt: `check` has no error path.

/// Declares a rule's struct and its metadata; the doc comment becomes `factlint explain ID`.
macro_rules! declare_rule {
    ($(#[doc = $doc:literal])* $name:ident, id = $id:literal, severity = $sev:ident, summary = $sum:literal $(,)?) => {
        $(#[doc = $doc])*
        pub struct $name;
        impl $name {
            pub const META: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
                id: $id,
                summary: $sum,
                default_severity: $crate::diagnostic::Severity::$sev,
                docs: concat!($($doc, "\n"),*),
            };
        }
    };
}

pub mod age_mismatch;
pub mod calendar;
pub mod conflicting_values;
pub mod context;
pub mod cues;
pub mod duration_mismatch;
pub mod impossible_date;
pub mod known_fact;
pub mod list_count_mismatch;
pub mod name_variant;
pub mod part_exceeds_whole;
pub mod percent_sum;
pub mod temporal_order;
#[cfg(test)]
mod testutil;
pub mod total_mismatch;
pub mod weekday_mismatch;

pub use context::Context;

use crate::diagnostic::{Diagnostic, Severity};

/// What `factlint rules` and `factlint explain` print about a rule.
#[derive(Debug)]
pub struct RuleMeta {
    /// Stable kebab-case id.
    pub id: &'static str,
    pub default_severity: Severity,
    /// Completes "flags …".
    pub summary: &'static str,
    /// The rule's manual (its doc comment).
    pub docs: &'static str,
}

pub trait Rule: Sync {
    fn meta(&self) -> &'static RuleMeta;
    /// Pushes findings into `out`. No `Result`: a rule in doubt stays silent.
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>);
}

/// Every rule, sorted by id (tests/meta.rs checks).
pub static RULES: &[&dyn Rule] = &[
    &age_mismatch::AgeMismatch,
    &conflicting_values::ConflictingValues,
    &duration_mismatch::DurationMismatch,
    &impossible_date::ImpossibleDate,
    &known_fact::KnownFact,
    &list_count_mismatch::ListCountMismatch,
    &name_variant::NameVariant,
    &part_exceeds_whole::PartExceedsWhole,
    &percent_sum::PercentSum,
    &temporal_order::TemporalOrder,
    &total_mismatch::TotalMismatch,
    &weekday_mismatch::WeekdayMismatch,
];

/// The rule with this id.
pub fn find(id: &str) -> Option<&'static dyn Rule> {
    RULES.iter().copied().find(|r| r.meta().id == id)
}

/// Every rule id DESIGN.md defines, implemented or not; configuration may name any of them.
pub const KNOWN_IDS: &[&str] = &[
    "age-mismatch",
    "conflicting-values",
    "duration-mismatch",
    "impossible-date",
    "known-fact",
    "list-count-mismatch",
    "name-variant",
    "part-exceeds-whole",
    "percent-sum",
    "temporal-order",
    "total-mismatch",
    "weekday-mismatch",
];

/// Runs the enabled rules over one document; findings sorted by (span, rule), duplicates merged.
///
/// A finding at its rule's default severity takes the configured one; a finding the rule itself
/// lowered (an `info` of a `warning` rule) stays that low, or lower if so configured.
pub fn run(cx: &Context<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for rule in RULES {
        let meta = rule.meta();
        let Some(severity) = cx.settings.severity(meta) else { continue };
        let start = out.len();
        rule.check(cx, &mut out);
        for d in &mut out[start..] {
            d.severity = if d.severity < meta.default_severity { d.severity.min(severity) } else { severity };
        }
    }
    out.sort_by(|a, b| (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule)));
    out.dedup_by(|a, b| a.rule == b.rule && a.span == b.span);
    out
}
