//! One report model, many renderers. Only the renderers know their output formats; `json.rs` alone
//! knows the JSON contract of DESIGN.md.

pub mod github;
pub mod gitlab;
pub mod html;
pub mod human;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod sarif;

use crate::diagnostic::{Diagnostic, Severity};
use crate::span::{LineIndex, Position, Span};
use std::cell::Cell;
use std::io::{self, Write};

/// Where [`escape`]d text goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Markup {
    /// HTML text and attribute values alike.
    Html,
    /// XML character data.
    XmlText,
    /// An XML attribute value.
    XmlAttribute,
}

/// Text for HTML or XML: `& < > " '` as entities (`'` as `&#39;` in HTML, `&apos;` in XML). In
/// XML, characters XML 1.0 cannot carry (controls other than tab, newline and carriage return;
/// U+FFFE, U+FFFF) become U+FFFD, and in attributes tab and line breaks are written as character
/// references so that they survive attribute normalization.
pub fn escape(s: &str, to: Markup) -> String {
    let xml = to != Markup::Html;
    let attribute = to == Markup::XmlAttribute;
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' if xml => out.push_str("&apos;"),
            '\'' => out.push_str("&#39;"),
            '\t' if attribute => out.push_str("&#9;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\r' if attribute => out.push_str("&#13;"),
            '\t' | '\n' | '\r' => out.push(c),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' if xml => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// The findings of one file, with what is needed to place them.
pub struct FileReport {
    /// The path as the user gave or the walk found it ("-" paths become "<stdin>").
    pub path: String,
    /// The file's text; kept only when there are findings to show.
    pub src: String,
    pub lines: LineIndex,
    pub diagnostics: Vec<Diagnostic>,
    /// The last position computed (line start, offset, column): columns on a very long line are
    /// counted on from there, not from the line start each time.
    last: Cell<(usize, usize, usize)>,
}

impl FileReport {
    pub fn new(path: String, src: String, diagnostics: Vec<Diagnostic>) -> FileReport {
        let src = if diagnostics.is_empty() { String::new() } else { src };
        let lines = LineIndex::new(&src);
        FileReport { path, src, lines, diagnostics, last: Cell::new((usize::MAX, 0, 0)) }
    }

    /// Line and column of `offset`, in time proportional to the distance from the previous call
    /// on the same line (renderers ask in increasing order).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.src.len());
        while !self.src.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.lines.line_of(offset);
        let line_start = self.lines.line_span(&self.src, line).start.min(offset);
        let (last_line, last_offset, last_column) = self.last.get();
        let column = if last_line == line_start && last_offset <= offset {
            last_column + self.src.get(last_offset..offset).map_or(0, |s| s.chars().count())
        } else if last_line == line_start && offset - line_start > last_offset - offset {
            last_column - self.src.get(offset..last_offset).map_or(0, |s| s.chars().count())
        } else {
            1 + self.src.get(line_start..offset).map_or(0, |s| s.chars().count())
        };
        self.last.set((line_start, offset, column));
        Position { offset, line: line + 1, column }
    }
    pub fn text(&self, span: Span) -> &str {
        span.text(&self.src).unwrap_or("")
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Summary {
    pub fn add(&mut self, d: &Diagnostic) {
        match d.severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Info => self.infos += 1,
        }
    }
    pub fn findings(&self) -> usize {
        self.errors + self.warnings + self.infos
    }
}

/// A run's result: files in a stable order (path, then offset within each file).
pub struct Report {
    pub files: Vec<FileReport>,
    pub summary: Summary,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    Human,
    Json,
    Sarif,
    Github,
    Gitlab,
    Junit,
    Markdown,
    Html,
}

/// Writes `report` in `format`. `color` only affects the human format.
pub fn render(format: OutputFormat, report: &Report, out: &mut dyn Write, color: bool) -> io::Result<()> {
    match format {
        OutputFormat::Human => human::render(report, out, color),
        OutputFormat::Json => json::render(report, out),
        OutputFormat::Sarif => sarif::render(report, out),
        OutputFormat::Github => github::render(report, out),
        OutputFormat::Markdown => markdown::render(report, out),
        OutputFormat::Gitlab => gitlab::render(report, out),
        OutputFormat::Junit => junit::render(report, out),
        OutputFormat::Html => html::render(report, out),
    }
}
