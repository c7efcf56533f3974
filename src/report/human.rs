//! The terminal report, after rustc and ruff: `path:line:col: severity[rule] message`, the source
//! line with carets under the span, then each related span labelled.

use super::{FileReport, Report};
use crate::diagnostic::Severity;
use crate::span::Span;
use std::io::{self, Write};

struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
    fn severity(&self, s: Severity) -> String {
        match s {
            Severity::Error => self.paint("1;31", "error"),
            Severity::Warning => self.paint("1;33", "warning"),
            Severity::Info => self.paint("1;36", "info"),
        }
    }
}

/// Prints the source line of `span` with `marker` under it.
fn snippet(
    out: &mut dyn Write,
    file: &FileReport,
    span: Span,
    marker: char,
    label: &str,
    st: &Style,
) -> io::Result<()> {
    let pos = file.position(span.start);
    let line = file.lines.line_span(&file.src, pos.line - 1);
    let text = file.text(line);
    let gutter = pos.line.to_string();
    let pad = " ".repeat(gutter.len());
    writeln!(out, "{pad} {}", st.paint("1;34", "|"))?;
    writeln!(out, "{} {} {}", st.paint("1;34", &gutter), st.paint("1;34", "|"), text.replace('\t', " "))?;
    let before = pos.column - 1;
    let end = span.end.min(line.end).max(span.start);
    let width = file.text(Span::new(span.start, end)).chars().count().max(1);
    let marks: String = std::iter::repeat_n(marker, width).collect();
    let code = if marker == '^' { "1;31" } else { "1;34" };
    let label = if label.is_empty() { String::new() } else { format!(" {label}") };
    writeln!(
        out,
        "{pad} {} {}{}",
        st.paint("1;34", "|"),
        " ".repeat(before),
        st.paint(code, &format!("{marks}{label}"))
    )
}

pub fn render(report: &Report, out: &mut dyn Write, color: bool) -> io::Result<()> {
    let st = Style { on: color };
    for file in &report.files {
        for d in &file.diagnostics {
            let pos = file.position(d.span.start);
            writeln!(
                out,
                "{}: {}[{}] {}",
                st.paint("1", &format!("{}:{}:{}", file.path, pos.line, pos.column)),
                st.severity(d.severity),
                d.rule,
                st.paint("1", &d.message)
            )?;
            snippet(out, file, d.span, '^', "", &st)?;
            for r in &d.related {
                let rp = file.position(r.span.start);
                if rp.line != pos.line {
                    writeln!(out, "{} {}:{}:{}", st.paint("1;34", "  -->"), file.path, rp.line, rp.column)?;
                }
                snippet(out, file, r.span, '-', &r.message, &st)?;
            }
            if let Some(help) = &d.help {
                writeln!(out, "  {} {help}", st.paint("1;32", "= help:"))?;
            }
            for f in &d.fixes {
                writeln!(
                    out,
                    "  {} replace \"{}\" with \"{}\"",
                    st.paint("1;32", "= fix:"),
                    file.text(f.span),
                    f.replacement
                )?;
            }
            writeln!(out)?;
        }
    }
    let s = &report.summary;
    if s.findings() == 0 {
        writeln!(out, "No findings in {} {}.", s.files, plural(s.files, "file"))
    } else {
        writeln!(
            out,
            "Found {} {} ({} {}, {} {}, {} {}) in {} {}.",
            s.findings(),
            plural(s.findings(), "finding"),
            s.errors,
            plural(s.errors, "error"),
            s.warnings,
            plural(s.warnings, "warning"),
            s.infos,
            plural(s.infos, "info"),
            s.files,
            plural(s.files, "file")
        )
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 || word == "info" {
        word.to_string()
    } else {
        format!("{word}s")
    }
}
