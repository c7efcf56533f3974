//! GitHub Actions workflow commands: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::…`.

use super::Report;
use crate::diagnostic::Severity;
use std::io::{self, Write};

/// Escapes a property value (`%`, CR, LF, `:` and `,`).
fn property(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A").replace(':', "%3A").replace(',', "%2C")
}

/// Escapes the message (`%`, CR, LF).
fn data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for file in &report.files {
        for d in &file.diagnostics {
            let s = file.position(d.span.start);
            let e = file.position(d.span.end);
            let level = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            writeln!(
                out,
                "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                property(&file.path),
                s.line,
                s.column,
                e.line,
                e.column,
                property(&format!("factlint {}", d.rule)),
                data(&d.message)
            )?;
        }
    }
    Ok(())
}
