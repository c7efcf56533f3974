//! A Markdown summary for a pull-request comment.

use super::Report;
use std::io::{self, Write};

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let s = &report.summary;
    writeln!(out, "## factlint")?;
    writeln!(out)?;
    if s.findings() == 0 {
        return writeln!(out, "No findings in {} file(s).", s.files);
    }
    writeln!(
        out,
        "{} finding(s) in {} file(s): {} error(s), {} warning(s), {} info.",
        s.findings(),
        s.files,
        s.errors,
        s.warnings,
        s.infos
    )?;
    writeln!(out)?;
    writeln!(out, "| Location | Severity | Rule | Message |")?;
    writeln!(out, "| --- | --- | --- | --- |")?;
    for file in &report.files {
        for d in &file.diagnostics {
            let p = file.position(d.span.start);
            writeln!(
                out,
                "| `{}:{}:{}` | {} | `{}` | {} |",
                cell(&file.path),
                p.line,
                p.column,
                d.severity.as_str(),
                d.rule,
                cell(&d.message)
            )?;
        }
    }
    Ok(())
}
