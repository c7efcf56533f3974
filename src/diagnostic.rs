//! Findings: what a rule reports about one file.

use crate::span::Span;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

/// Evidence: another span of the same file with a short label ("the total").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    pub span: Span,
    pub message: String,
}

/// A safe edit: replace `span` with `replacement`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Fix {
    pub span: Span,
    pub replacement: String,
}

/// One finding in one file. report/ adds path, line and column; this type may change, the JSON may not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The rule id, e.g. "weekday-mismatch".
    pub rule: &'static str,
    pub severity: Severity,
    /// The words believed wrong, and no more.
    pub span: Span,
    /// Both values and the computation.
    pub message: String,
    pub related: Vec<Related>,
    /// What to check, when that is not obvious.
    pub help: Option<String>,
    /// Safe edits only; none when a person must choose.
    pub fixes: Vec<Fix>,
}

impl Diagnostic {
    pub fn new(rule: &'static str, severity: Severity, span: Span, message: String) -> Self {
        Diagnostic { rule, severity, span, message, related: Vec::new(), help: None, fixes: Vec::new() }
    }
    pub fn related(mut self, span: Span, message: impl Into<String>) -> Self {
        self.related.push(Related { span, message: message.into() });
        self
    }
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
    pub fn fix(mut self, span: Span, replacement: impl Into<String>) -> Self {
        self.fixes.push(Fix { span, replacement: replacement.into() });
        self
    }
}
