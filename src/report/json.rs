//! `check --format json`: the contract of DESIGN.md, exactly.

use super::{FileReport, Report};
use crate::diagnostic::Diagnostic;
use crate::span::Span;
use serde_json::{json, Value};
use std::io::{self, Write};

fn range(file: &FileReport, span: Span) -> (Value, Value) {
    let s = file.position(span.start);
    let e = file.position(span.end);
    (
        json!({"offset": s.offset, "line": s.line, "column": s.column}),
        json!({"offset": e.offset, "line": e.line, "column": e.column}),
    )
}

/// One diagnostic as a JSON object (also used by `--jsonl`).
pub fn diagnostic(file: &FileReport, d: &Diagnostic) -> Value {
    let (start, end) = range(file, d.span);
    let related: Vec<Value> = d
        .related
        .iter()
        .map(|r| {
            let (start, end) = range(file, r.span);
            json!({"path": file.path, "start": start, "end": end, "message": r.message})
        })
        .collect();
    let fixes: Vec<Value> = d
        .fixes
        .iter()
        .map(|f| {
            let (start, end) = range(file, f.span);
            json!({"start": start, "end": end, "replacement": f.replacement})
        })
        .collect();
    let mut v = json!({
        "path": file.path,
        "rule": d.rule,
        "severity": d.severity.as_str(),
        "message": d.message,
        "start": start,
        "end": end,
        "related": related,
        "fixes": fixes,
    });
    if let (Some(help), Some(obj)) = (&d.help, v.as_object_mut()) {
        obj.insert("help".into(), json!(help));
    }
    v
}

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let diagnostics: Vec<Value> =
        report.files.iter().flat_map(|f| f.diagnostics.iter().map(move |d| diagnostic(f, d))).collect();
    let s = &report.summary;
    let doc = json!({
        "version": 1,
        "diagnostics": diagnostics,
        "summary": {"files": s.files, "errors": s.errors, "warnings": s.warnings, "infos": s.infos},
    });
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}
