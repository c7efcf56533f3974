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

/// A span to underline: `^` for the primary span, `-` for evidence, with its label.
struct Mark<'a> {
    span: Span,
    primary: bool,
    label: &'a str,
}

/// The part of a source line to print: long lines (minified HTML, a paragraph without breaks) are
/// cut to the marks and some context, so output stays proportional to the findings.
struct Window {
    shown: Span,
    cut_left: bool,
    cut_right: bool,
}

const CONTEXT: usize = 60;
const LONG_LINE: usize = 240;

fn window(file: &FileReport, line: Span, marks: &[&Mark<'_>]) -> Window {
    if line.len() <= LONG_LINE || marks.is_empty() {
        return Window { shown: line, cut_left: false, cut_right: false };
    }
    let first = marks.iter().map(|m| m.span.start).min().unwrap_or(line.start);
    let last = marks.iter().map(|m| m.span.end.min(line.end)).max().unwrap_or(line.end).min(first + LONG_LINE);
    let mut start = first.saturating_sub(CONTEXT).max(line.start);
    let mut end = (last + CONTEXT).min(line.end);
    while !file.src.is_char_boundary(start) {
        start -= 1;
    }
    while !file.src.is_char_boundary(end) {
        end += 1;
    }
    Window { shown: Span::new(start, end), cut_left: start > line.start, cut_right: end < line.end }
}

/// Prints the source lines of `marks` once each, in order, with the marks under them.
fn snippet(out: &mut dyn Write, file: &FileReport, marks: &[Mark<'_>], st: &Style) -> io::Result<()> {
    let mut lines: Vec<usize> = marks.iter().map(|m| file.position(m.span.start).line).collect();
    lines.sort_unstable();
    lines.dedup();
    let width = lines.last().map_or(1, |l| l.to_string().len());
    let bar = st.paint("1;34", "|");
    writeln!(out, "{:width$} {bar}", "")?;
    let mut previous: Option<usize> = None;
    for &line in &lines {
        if previous.is_some_and(|p| line > p + 1) {
            writeln!(out, "{}", st.paint("1;34", "..."))?;
        }
        previous = Some(line);
        let line_span = file.lines.line_span(&file.src, line - 1);
        let on_line: Vec<&Mark<'_>> = marks.iter().filter(|m| file.position(m.span.start).line == line).collect();
        let window = window(file, line_span, &on_line);
        let shown = file.text(window.shown).replace('\t', " ");
        let (pre, post) = (if window.cut_left { "…" } else { "" }, if window.cut_right { "…" } else { "" });
        writeln!(out, "{} {bar} {pre}{shown}{post}", st.paint("1;34", &format!("{line:>width$}")))?;
        for m in on_line {
            let column = file.text(Span::new(window.shown.start, m.span.start.max(window.shown.start))).chars().count()
                + 1
                + usize::from(window.cut_left);
            let end = m.span.end.min(line_span.end).max(m.span.start);
            let len = file.text(Span::new(m.span.start, end)).chars().count().max(1);
            let (c, code) = if m.primary { ('^', "1;31") } else { ('-', "1;34") };
            let underline: String = std::iter::repeat_n(c, len).collect();
            let label = if m.label.is_empty() { String::new() } else { format!(" {}", m.label) };
            writeln!(
                out,
                "{:width$} {bar} {}{}",
                "",
                " ".repeat(column - 1),
                st.paint(code, &format!("{underline}{label}"))
            )?;
        }
    }
    Ok(())
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
            let mut marks = vec![Mark { span: d.span, primary: true, label: "" }];
            marks.extend(d.related.iter().map(|r| Mark { span: r.span, primary: false, label: &r.message }));
            snippet(out, file, &marks, &st)?;
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
