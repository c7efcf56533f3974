//! What a rule sees: the document, its claims, the settings in force, and the facts; plus the
//! small readings of a claim's surroundings that several rules share (its sentence, the words
//! just before and after it, whether it is quoted).

use crate::config::RuleSettings;
use crate::diagnostic::Diagnostic;
use crate::extract::{Claim, ClaimKind, Claims};
use crate::facts::Fact;
use crate::rules::cues::Cues;
use crate::rules::{Rule, RuleMeta};
use crate::source::Document;
use crate::span::Span;

pub struct Context<'a> {
    pub doc: &'a Document<'a>,
    pub claims: &'a Claims,
    pub settings: &'a RuleSettings,
    /// The user's facts (factlint.toml); the bundled ones are [`crate::facts::bundled`].
    pub facts: &'a [Fact],
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

    /// The cue words of the document's language.
    pub fn cues(&self) -> &'static Cues {
        Cues::get(self.doc.lang)
    }

    /// The text of the prose run a claim was read from.
    pub fn run_text(&self, c: &Claim) -> &'a str {
        self.doc.runs.get(c.run).map_or("", |r| r.text.as_str())
    }

    /// The sentence holding a claim, as a byte range of its run's text.
    pub fn sentence(&self, c: &Claim) -> (usize, usize) {
        self.doc.runs.get(c.run).map_or((0, 0), |r| r.sentence_of(c.local.0))
    }

    /// The sentence holding a claim, as text.
    pub fn sentence_text(&self, c: &Claim) -> &'a str {
        let (s, e) = self.sentence(c);
        self.run_text(c).get(s..e).unwrap_or("")
    }

    /// Whether two claims stand in the same sentence.
    pub fn same_sentence(&self, a: &Claim, b: &Claim) -> bool {
        a.run == b.run && self.sentence(a) == self.sentence(b)
    }

    /// The words of its sentence before a claim.
    pub fn before(&self, c: &Claim) -> &'a str {
        let (s, _) = self.sentence(c);
        self.run_text(c).get(s.min(c.local.0)..c.local.0).unwrap_or("")
    }

    /// The words of its sentence after a claim.
    pub fn after(&self, c: &Claim) -> &'a str {
        let (_, e) = self.sentence(c);
        self.run_text(c).get(c.local.1..e.max(c.local.1)).unwrap_or("")
    }

    /// Run text between two claims of one run (empty when they are not in that order).
    pub fn between(&self, a: &Claim, b: &Claim) -> &'a str {
        if a.run != b.run {
            return "";
        }
        self.run_text(a).get(a.local.1..b.local.0).unwrap_or("")
    }

    /// Whether a claim stands inside quotation marks in its paragraph: a figure quoted from
    /// someone else is theirs, not the draft's.
    pub fn quoted(&self, c: &Claim) -> bool {
        let before = self.run_text(c).get(..c.local.0).unwrap_or("");
        let (mut guillemets, mut curly, mut straight) = (0i32, 0i32, 0usize);
        for ch in before.chars() {
            match ch {
                '«' => guillemets += 1,
                '»' => guillemets -= 1,
                '“' => curly += 1,
                '”' => curly -= 1,
                '"' => straight += 1,
                _ => {}
            }
        }
        guillemets > 0 || curly > 0 || straight % 2 == 1
    }

    /// The claims of one run, in text order, as (index, claim).
    pub fn run_claims(&self, run: usize) -> impl Iterator<Item = (usize, &'a Claim)> {
        let items = &self.claims.items;
        let start = items.partition_point(|c| c.run < run);
        items.iter().enumerate().skip(start).take_while(move |(_, c)| c.run == run)
    }

    /// The claims of the sentence of `c` (itself included).
    pub fn sentence_claims(&self, c: &Claim) -> impl Iterator<Item = (usize, &'a Claim)> {
        let (s, e) = self.sentence(c);
        self.run_claims(c.run).filter(move |(_, o)| s <= o.local.0 && o.local.0 < e)
    }

    /// Index of the claim with exactly this span.
    pub fn index_of(&self, span: Span) -> Option<usize> {
        self.claims.items.iter().position(|c| c.span == span)
    }
}

/// A plain number's value, with no qualifier.
pub fn exact_number(c: &Claim) -> Option<f64> {
    match &c.kind {
        ClaimKind::Number(n) if n.approx.is_none() => Some(n.value),
        _ => None,
    }
}

/// A number the way an editor writes it: "17", "2.5".
pub fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}
