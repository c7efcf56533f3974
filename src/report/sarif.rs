//! SARIF 2.1.0 for GitHub code scanning: one `reportingDescriptor` per rule, results with their
//! evidence as `relatedLocations` and a `partialFingerprints` entry that survives edits above them.

use super::{FileReport, Report};
use crate::rules::{RuleMeta, RULES};
use crate::span::Span;
use crate::workflow::baseline::fingerprints;
use serde_json::{json, Value};
use std::io::{self, Write};

fn level(s: crate::diagnostic::Severity) -> String {
    s.as_str().replace("info", "note")
}

fn descriptor(m: &RuleMeta) -> Value {
    json!({"id": m.id, "name": m.id, "shortDescription": {"text": m.summary}, "fullDescription": {"text": m.docs},
           "defaultConfiguration": {"level": level(m.default_severity)}})
}

fn location(file: &FileReport, span: Span) -> Value {
    let s = file.position(span.start);
    let e = file.position(span.end);
    json!({"artifactLocation": {"uri": file.path},
           "region": {"startLine": s.line, "startColumn": s.column, "endLine": e.line, "endColumn": e.column,
                      "byteOffset": span.start, "byteLength": span.len()}})
}

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut rules: Vec<Value> = RULES.iter().map(|r| descriptor(r.meta())).collect();
    let mut results = Vec::new();
    for file in &report.files {
        for (d, fingerprint) in file.diagnostics.iter().zip(fingerprints(file)) {
            let related: Vec<Value> = d
                .related
                .iter()
                .enumerate()
                .map(|(i, r)| json!({"id": i, "physicalLocation": location(file, r.span), "message": {"text": r.message}}))
                .collect();
            let mut result = json!({
                "ruleId": d.rule,
                "level": level(d.severity),
                "message": {"text": d.message},
                "locations": [{"physicalLocation": location(file, d.span)}],
                "partialFingerprints": {"factlint/v1": fingerprint},
            });
            if let (false, Some(obj)) = (related.is_empty(), result.as_object_mut()) {
                obj.insert("relatedLocations".into(), Value::Array(related));
            }
            results.push(result);
        }
    }
    // unused-suppression is no content rule: described only when a result needs it.
    let meta = &crate::suppress::META;
    if results.iter().any(|r| r["ruleId"] == meta.id) {
        rules.push(descriptor(meta));
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
