//! What a rule sees: the document, its claims, and the settings in force.

use crate::config::{Names, RuleSettings};
use crate::diagnostic::Diagnostic;
use crate::extract::{Claim, Claims};
use crate::rules::{Rule, RuleMeta};
use crate::source::Document;
use crate::span::Span;

pub struct Context<'a> {
    pub doc: &'a Document<'a>,
    pub claims: &'a Claims,
    pub settings: &'a RuleSettings,
    /// The user's `[names]` (people and accepted variants), for `name-variant`.
    pub names: &'a Names,
}

impl<'a> Context<'a> {
    /// The draft's text of `span` (empty when out of range).
    pub fn text(&self, span: Span) -> &'a str {
        self.doc.text(span)
    }

    pub fn claim(&self, i: usize) -> Option<&'a Claim> {
        self.claims.items.get(i)
    }

    /// A finding of `rule` at `span`, with the rule's default severity (the engine applies the
    /// configured one).
    pub fn diagnostic(&self, rule: &dyn Rule, span: Span, message: String) -> Diagnostic {
        let meta: &RuleMeta = rule.meta();
        Diagnostic::new(meta.id, meta.default_severity, span, message)
    }
}
