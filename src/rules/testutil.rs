//! Hand-built claims for the rules' unit tests: a draft goes through the real reader, then claims
//! are placed on words of it, so each rule's logic is tested apart from extraction.

use crate::config::RuleSettings;
use crate::diagnostic::Diagnostic;
use crate::extract::date::{Anchor, DateClaim, Direction, Grain, OffsetClaim, Unit, YearSource};
use crate::extract::number::{Counted, Form, MoneyClaim, NumberClaim, PercentClaim};
use crate::extract::{AgeClaim, Approx, Claim, ClaimKind, Claims, DurationClaim, ListCount, PartWhole, TotalFrame};
use crate::rules::{Context, Rule};
use crate::source::{Document, Format, ReadOptions};
use crate::span::Span;
use chrono::Weekday;

pub struct Draft {
    pub doc: Document<'static>,
    pub claims: Claims,
}

impl Draft {
    /// A Markdown draft (front matter allowed).
    pub fn new(src: &str) -> Draft {
        let src: &'static str = Box::leak(src.to_string().into_boxed_str());
        Draft { doc: Document::read(src, Format::Markdown, &ReadOptions::default()), claims: Claims::default() }
    }

    /// Run and local range of the `nth` (0-based) occurrence of `needle` in the prose.
    fn locate(&self, needle: &str, nth: usize) -> (usize, (usize, usize)) {
        let mut seen = 0;
        for (i, run) in self.doc.runs.iter().enumerate() {
            for (at, _) in run.text.match_indices(needle) {
                if seen == nth {
                    return (i, (at, at + needle.len()));
                }
                seen += 1;
            }
        }
        panic!("{needle:?} (occurrence {nth}) not in the draft")
    }

    pub fn span(&self, needle: &str, nth: usize) -> Span {
        let (run, (s, e)) = self.locate(needle, nth);
        self.doc.runs[run].span(s, e)
    }

    /// Adds a claim on the `nth` occurrence of `needle`; returns its index.
    pub fn add(&mut self, needle: &str, nth: usize, kind: ClaimKind) -> usize {
        let (run, local) = self.locate(needle, nth);
        let span = self.doc.runs[run].span(local.0, local.1);
        self.claims.items.push(Claim { span, run, local, kind });
        self.claims.items.sort_by_key(|c| (c.run, c.local.0));
        self.claims.items.iter().position(|c| c.span == span).expect("just added")
    }

    pub fn number(&mut self, needle: &str, value: f64) -> usize {
        self.add(needle, 0, number(value, None, None))
    }

    /// A number with the counted noun phrase right after it in the text.
    pub fn counted(&mut self, needle: &str, nth: usize, value: f64, noun: &str) -> usize {
        let (run, (s, e)) = self.locate(needle, nth);
        let text = &self.doc.runs[run].text;
        let at = text[e..].find(noun).map(|i| e + i).expect("counted noun after the number");
        let counted = Counted {
            span: self.doc.runs[run].span(at, at + noun.len()),
            local: (at, at + noun.len()),
            key: noun.to_lowercase(),
            text: noun.to_string(),
            anaphoric: false,
        };
        let _ = s;
        self.add(needle, nth, number(value, None, Some(counted)))
    }

    pub fn percent(&mut self, needle: &str, nth: usize, value: f64) -> usize {
        self.add(needle, nth, ClaimKind::Percent(PercentClaim { value, approx: None }))
    }

    pub fn date(&mut self, needle: &str, ymd: (i32, u32, u32), weekday: Option<(Weekday, &str)>) -> usize {
        let weekday = weekday.map(|(w, word)| (w, self.span(word, 0)));
        let (y, m, d) = ymd;
        self.add(
            needle,
            0,
            ClaimKind::Date(DateClaim {
                grain: Grain::Day,
                year: Some(y),
                month: Some(m),
                day: Some(d),
                weekday,
                year_source: YearSource::Text,
                invalid: chrono::NaiveDate::from_ymd_opt(y, m, d).is_none(),
                ambiguous: false,
                period: None,
                interval: None,
                since: false,
                birth: false,
            }),
        )
    }

    pub fn year(&mut self, needle: &str, y: i32) -> usize {
        self.add(
            needle,
            0,
            ClaimKind::Date(DateClaim {
                grain: Grain::Year,
                year: Some(y),
                month: None,
                day: None,
                weekday: None,
                year_source: YearSource::Text,
                invalid: false,
                ambiguous: false,
                period: None,
                interval: None,
                since: false,
                birth: false,
            }),
        )
    }

    pub fn offset(
        &mut self,
        needle: &str,
        amount: f64,
        unit: Unit,
        direction: Direction,
        anchor: Option<&str>,
    ) -> usize {
        let anchor = anchor.map_or(Anchor::Unknown, |a| Anchor::Date(self.span(a, 0)));
        self.add(
            needle,
            0,
            ClaimKind::Offset(OffsetClaim {
                amount,
                unit,
                direction,
                anchor,
                approx: None,
                since: false,
                date: None,
                subject: None,
            }),
        )
    }

    /// Marks the offset at `offset_needle` as restating the date at `subject_needle` ("le 1er mars,
    /// soit deux semaines après …"), as the extractor does.
    pub fn subject(&mut self, offset_needle: &str, subject_needle: &str) {
        let (o, s) = (self.span(offset_needle, 0), self.span(subject_needle, 0));
        for c in &mut self.claims.items {
            if let (true, ClaimKind::Offset(off)) = (c.span == o, &mut c.kind) {
                off.subject = Some(s);
            }
        }
    }

    pub fn duration(&mut self, needle: &str, amount: f64, unit: Unit, approx: Option<Approx>) -> usize {
        self.add(needle, 0, ClaimKind::Duration(DurationClaim { amount, unit, approx }))
    }

    pub fn age(&mut self, needle: &str, years: f64) -> usize {
        self.add(needle, 0, ClaimKind::Age(AgeClaim { years, person: None }))
    }

    pub fn money(&mut self, needle: &str, value: f64) -> usize {
        self.add(needle, 0, ClaimKind::Money(MoneyClaim { value, currency: "EUR".into(), approx: None }))
    }

    pub fn part_whole(&mut self, part: usize, whole: usize, connector: &str) {
        let connector = self.span(connector, 0);
        self.claims.part_wholes.push(PartWhole { part, whole, connector });
    }

    pub fn list(&mut self, count: usize, items: &[&str], list: &str) {
        let items = items.iter().map(|i| self.span(i, 0)).collect();
        let list = self.span(list, 0);
        self.claims.lists.push(ListCount { count, items, list });
    }

    pub fn total(&mut self, parts: &[usize], total: usize) {
        let marker = self.claims.items.get(total).map(|c| c.span).unwrap_or_default();
        self.claims.totals.push(TotalFrame { parts: parts.to_vec(), total, marker });
    }

    /// Findings of `rule` on the draft, as (text of the primary span, message).
    pub fn check(&self, rule: &dyn Rule) -> Vec<(String, String)> {
        self.diagnostics(rule).into_iter().map(|d| (self.doc.text(d.span).to_string(), d.message)).collect()
    }

    pub fn diagnostics(&self, rule: &dyn Rule) -> Vec<Diagnostic> {
        let settings = RuleSettings::default();
        let names = crate::config::Names::default();
        let cx = Context { doc: &self.doc, claims: &self.claims, settings: &settings, facts: &[], names: &names };
        let mut out = Vec::new();
        rule.check(&cx, &mut out);
        out
    }
}

pub fn number(value: f64, approx: Option<Approx>, counted: Option<Counted>) -> ClaimKind {
    ClaimKind::Number(NumberClaim { value, approx, counted, form: Form::Digits })
}

pub fn fr(body: &str) -> String {
    format!("---\nlang: fr\ndate: 2024-11-20\n---\n{body}\n")
}

pub fn en(body: &str) -> String {
    format!("---\nlang: en\ndate: 2024-11-20\n---\n{body}\n")
}
