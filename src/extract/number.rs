//! Numeric claims: numbers in digits and words, percentages, ordinals, money, ranges, with their
//! approximators and the thing they count.

use super::prefilter::CandidateKind;
use super::{Approx, Claim, ClaimKind, RunCx};
use crate::span::Span;
use serde::Deserialize;
use serde_json::{json, Map, Value};

/// The `[numbers]` table of `rules/lang/<code>.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumberLexicon {
    /// Words that connect a part to its whole: "sur", "of", "out of".
    #[serde(default)]
    pub part_whole: Vec<String>,
    /// Articles and determiners that may stand between a connector and the whole.
    #[serde(default)]
    pub articles: Vec<String>,
}

impl NumberLexicon {
    pub fn trigger_words(&self) -> Vec<String> {
        Vec::new()
    }
}

/// The thing a number counts: "grands électeurs" in "295 grands électeurs".
#[derive(Clone, Debug, PartialEq)]
pub struct Counted {
    pub span: Span,
    /// Byte range in the run's text.
    pub local: (usize, usize),
    /// Normalized key (lowercase, singular) that rules compare across the document.
    pub key: String,
    /// The text as written.
    pub text: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct NumberClaim {
    pub value: f64,
    pub approx: Option<Approx>,
    pub counted: Option<Counted>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PercentClaim {
    pub value: f64,
    pub approx: Option<Approx>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct OrdinalClaim {
    pub value: i64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MoneyClaim {
    pub value: f64,
    /// ISO 4217 code.
    pub currency: String,
    pub approx: Option<Approx>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RangeClaim {
    pub low: f64,
    pub high: f64,
}

fn num(v: f64) -> Value {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        json!(v as i64)
    } else {
        json!(v)
    }
}

fn approx_field(out: &mut Map<String, Value>, approx: Option<Approx>) {
    if let Some(a) = approx {
        out.insert("approx".into(), json!(a.as_str()));
    }
}

impl NumberClaim {
    pub fn json_fields(&self, out: &mut Map<String, Value>) {
        out.insert("value".into(), num(self.value));
        approx_field(out, self.approx);
        if let Some(c) = &self.counted {
            out.insert("counted".into(), json!(c.text));
        }
    }
}
impl PercentClaim {
    pub fn json_fields(&self, out: &mut Map<String, Value>) {
        out.insert("value".into(), num(self.value));
        approx_field(out, self.approx);
    }
}
impl OrdinalClaim {
    pub fn json_fields(&self, out: &mut Map<String, Value>) {
        out.insert("value".into(), json!(self.value));
    }
}
impl MoneyClaim {
    pub fn json_fields(&self, out: &mut Map<String, Value>) {
        out.insert("value".into(), num(self.value));
        out.insert("currency".into(), json!(self.currency));
        approx_field(out, self.approx);
    }
}
impl RangeClaim {
    pub fn json_fields(&self, out: &mut Map<String, Value>) {
        out.insert("value".into(), json!({"low": num(self.low), "high": num(self.high)}));
    }
}

/// Reads the numeric claims of a run. `first` is the index of the run's first claim in `out`:
/// the temporal claims already there are not read again.
pub fn scan(cx: &RunCx<'_>, first: usize, out: &mut Vec<Claim>) {
    let text = cx.text();
    let bytes = text.as_bytes();
    let taken: Vec<(usize, usize)> = out.get(first..).unwrap_or_default().iter().map(|c| c.local).collect();
    let mut resume = 0;
    for cand in cx.candidates {
        if cand.at < resume || cand.kind != CandidateKind::Digits {
            continue;
        }
        if taken.iter().any(|&(s, e)| s <= cand.at && cand.at < e) {
            continue;
        }
        // DIGITS := 1-3 digits (GROUP_SEP 3 digits)* | digits
        let mut end = cand.end;
        let mut value: f64 = text[cand.at..cand.end].parse().unwrap_or(f64::NAN);
        if cand.end - cand.at <= 3 {
            loop {
                let rest = &text[end..];
                let sep_len = [" ", "\u{a0}", "\u{202f}"].iter().find(|s| rest.starts_with(*s)).map(|s| s.len());
                let Some(sep) = sep_len else { break };
                let group = &rest[sep..];
                let n = group.bytes().take_while(u8::is_ascii_digit).count();
                if n != 3 {
                    break;
                }
                value = value * 1000.0 + group[..3].parse::<f64>().unwrap_or(0.0);
                end += sep + 3;
            }
        }
        if !value.is_finite() || bytes.get(end).is_some_and(|b| b.is_ascii_alphanumeric()) {
            resume = end;
            continue;
        }
        let counted = counted_after(text, end);
        out.push(cx.claim(
            cand.at,
            end,
            ClaimKind::Number(NumberClaim {
                value,
                approx: None,
                counted: counted.map(|(s, e)| Counted {
                    span: cx.run.span(s, e),
                    local: (s, e),
                    key: text[s..e].to_lowercase(),
                    text: text[s..e].to_string(),
                }),
            }),
        ));
        resume = end;
    }
}

/// Up to two lowercase words after a number, the counted noun phrase.
fn counted_after(text: &str, end: usize) -> Option<(usize, usize)> {
    let rest = text.get(end..)?;
    let trimmed = rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
    if trimmed.len() == rest.len() {
        return None;
    }
    let start = end + rest.len() - trimmed.len();
    let mut words_end = start;
    let mut count = 0;
    let mut pos = start;
    for word in trimmed.split(' ') {
        let w = word.trim_end_matches([',', '.', ';', ':', ')']);
        if w.is_empty() || !w.chars().all(|c| c.is_alphabetic() || c == '\'' || c == '’' || c == '-') {
            break;
        }
        if !w.chars().next().is_some_and(char::is_lowercase) || matches!(w, "sur" | "of" | "out" | "des" | "de") {
            break;
        }
        words_end = pos + w.len();
        pos += word.len() + 1;
        count += 1;
        if count == 2 || w.len() != word.len() {
            break;
        }
    }
    (words_end > start).then_some((start, words_end))
}
