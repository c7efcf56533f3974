//! SARIF 2.1.0 for GitHub code scanning.

use super::Report;
use crate::rules::RULES;
use serde_json::json;
use std::io::{self, Write};

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let rules: Vec<_> = RULES
        .iter()
        .map(|r| {
            let m = r.meta();
            json!({"id": m.id, "name": m.id, "shortDescription": {"text": m.summary}, "fullDescription": {"text": m.docs},
                   "defaultConfiguration": {"level": m.default_severity.as_str().replace("info", "note")}})
        })
        .collect();
    let mut results = Vec::new();
    for file in &report.files {
        for d in &file.diagnostics {
            let s = file.position(d.span.start);
            let e = file.position(d.span.end);
            results.push(json!({
                "ruleId": d.rule,
                "level": d.severity.as_str().replace("info", "note"),
                "message": {"text": d.message},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": file.path},
                    "region": {"startLine": s.line, "startColumn": s.column, "endLine": e.line, "endColumn": e.column,
                               "byteOffset": d.span.start, "byteLength": d.span.len()}}}],
            }));
        }
    }
    let doc = json!({
        "version": "2.1.0",
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "runs": [{"tool": {"driver": {"name": "factlint", "version": env!("CARGO_PKG_VERSION"), "rules": rules}},
                  "columnKind": "unicodeCodePoints", "results": results}],
    });
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}
