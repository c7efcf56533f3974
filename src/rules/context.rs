//! What a rule sees: the document, its claims, the settings in force, and the facts; plus the
//! small readings of a claim's surroundings that several rules share (its sentence, the words
//! just before and after it, whether it is quoted).

use crate::config::{Names, RuleSettings};
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

    /// The cue words of the document's language.
    pub fn cues(&self) -> &'static Cues {
        Cues::get(self.doc.lang)
    }

    /// The text of the prose run a claim was read from.
    pub fn run_text(&self, c: &Claim) -> &'a str {
        self.doc.runs.get(c.run).map_or("", |r| r.text.as_str())
    }

    /// The sentence holding a claim, as a byte range of its run's text (the whole run when the
    /// segmenter found none). A binary search: a paragraph may hold thousands of sentences.
    pub fn sentence(&self, c: &Claim) -> (usize, usize) {
        let Some(run) = self.doc.runs.get(c.run) else { return (0, 0) };
        let at = c.local.0;
        let i = run.sentences.partition_point(|&(s, _)| s <= at);
        match i.checked_sub(1).and_then(|i| run.sentences.get(i)) {
            Some(&(s, e)) if at < e => (s, e),
            _ => (0, run.text.len()),
        }
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
    /// someone else is theirs, not the draft's. Only the 1,000 bytes before the claim are read
    /// (bytes, not chars: the marks are « » “ ” and "), so that a paragraph of any length costs
    /// the same per claim.
    pub fn quoted(&self, c: &Claim) -> bool {
        let text = self.run_text(c).as_bytes();
        let end = c.local.0.min(text.len());
        let window = text.get(end.saturating_sub(1000)..end).unwrap_or_default();
        let (mut guillemets, mut curly, mut straight) = (0i32, 0i32, 0usize);
        // Every mark starts with '"', 0xC2 or 0xE2: only those bytes are looked at.
        for i in memchr::memchr3_iter(b'"', 0xC2, 0xE2, window) {
            match (window.get(i), window.get(i + 1), window.get(i + 2)) {
                (Some(b'"'), _, _) => straight += 1,
                (Some(0xC2), Some(0xAB), _) => guillemets += 1,
                (Some(0xC2), Some(0xBB), _) => guillemets -= 1,
                (Some(0xE2), Some(0x80), Some(0x9C)) => curly += 1,
                (Some(0xE2), Some(0x80), Some(0x9D)) => curly -= 1,
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

    /// The claims of the sentence of `c` (itself included), found by binary search.
    pub fn sentence_claims(&self, c: &Claim) -> impl Iterator<Item = (usize, &'a Claim)> {
        let (s, e) = self.sentence(c);
        let run = c.run;
        let items = &self.claims.items;
        let start = items.partition_point(|o| (o.run, o.local.0) < (run, s));
        items.iter().enumerate().skip(start).take_while(move |(_, o)| o.run == run && o.local.0 < e)
    }

    /// The claims whose span starts inside `span`, found by binary search (claims are in file
    /// order).
    pub fn claims_within(&self, span: Span) -> impl Iterator<Item = &'a Claim> {
        let items = &self.claims.items;
        let start = items.partition_point(|o| o.span.start < span.start);
        items.iter().skip(start).take_while(move |o| o.span.start < span.end)
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
