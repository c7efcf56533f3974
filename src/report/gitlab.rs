//! GitLab Code Quality: a JSON array of issues, each with `description`, `check_name`,
//! `fingerprint`, `severity` and `location.path` / `location.lines.begin`, the fields GitLab
//! requires to show findings in a merge request.

use super::Report;
use crate::diagnostic::Severity;
use crate::workflow::baseline::fingerprints;
use serde_json::{json, Value};
use std::io::{self, Write};

/// GitLab's scale is info, minor, major, critical, blocker. An error cannot be right but blocks
/// nothing by itself, so it is `major`, as ESLint's GitLab formatter has it.
pub fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Info => "info",
    }
}

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut issues: Vec<Value> = Vec::new();
    for file in &report.files {
        for (d, fingerprint) in file.diagnostics.iter().zip(fingerprints(file)) {
            let begin = file.position(d.span.start).line;
            let end = file.position(d.span.end.max(d.span.start + 1) - 1).line.max(begin);
            issues.push(json!({
                "type": "issue",
                "engine_name": "factlint",
                "check_name": d.rule,
                "description": d.message,
                "categories": ["Bug Risk"],
                "fingerprint": fingerprint,
                "severity": severity(d.severity),
                "location": {"path": file.path, "lines": {"begin": begin, "end": end}},
            }));
        }
    }
    serde_json::to_writer_pretty(&mut *out, &issues)?;
    writeln!(out)
}
