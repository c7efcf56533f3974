//! JUnit XML for CI test views: one `testcase` per file, one `failure` per finding.

use super::{FileReport, Report};
use std::io::{self, Write};

/// Text for XML: `& < > " '` as entities; characters XML 1.0 cannot carry (controls other than
/// tab, newline and carriage return; U+FFFE, U+FFFF) become U+FFFD. In attributes, tab and line
/// breaks are written as character references so they survive attribute normalization.
pub fn escape(s: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' if attribute => out.push_str("&#9;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\r' if attribute => out.push_str("&#13;"),
            '\t' | '\n' | '\r' => out.push(c),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// The body of a failure: the location and message, then the evidence and help.
fn details(file: &FileReport, d: &crate::diagnostic::Diagnostic) -> String {
    let p = file.position(d.span.start);
    let mut s = format!("{}:{}:{}: {}[{}] {}", file.path, p.line, p.column, d.severity.as_str(), d.rule, d.message);
    for r in &d.related {
        let rp = file.position(r.span.start);
        s.push_str(&format!("\n  {}:{}: {}: \"{}\"", rp.line, rp.column, r.message, file.text(r.span)));
    }
    if let Some(help) = &d.help {
        s.push_str(&format!("\n  help: {help}"));
    }
    s
}

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let tests = report.files.len();
    let failures = report.files.iter().filter(|f| !f.diagnostics.is_empty()).count();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(out, r#"<testsuites name="factlint" tests="{tests}" failures="{failures}" errors="0">"#)?;
    writeln!(out, r#"  <testsuite name="factlint" tests="{tests}" failures="{failures}" errors="0" skipped="0">"#)?;
    for file in &report.files {
        let path = escape(&file.path, true);
        if file.diagnostics.is_empty() {
            writeln!(out, r#"    <testcase name="{path}" classname="factlint" file="{path}"/>"#)?;
            continue;
        }
        writeln!(out, r#"    <testcase name="{path}" classname="factlint" file="{path}">"#)?;
        for d in &file.diagnostics {
            let p = file.position(d.span.start);
            writeln!(
                out,
                r#"      <failure type="{}" message="{}">{}</failure>"#,
                escape(d.rule, true),
                escape(&format!("{}:{}: {}: {}", p.line, p.column, d.severity.as_str(), d.message), true),
                escape(&details(file, d), false)
            )?;
        }
        writeln!(out, "    </testcase>")?;
    }
    writeln!(out, "  </testsuite>")?;
    writeln!(out, "</testsuites>")
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_markup_and_characters_xml_cannot_carry() {
        assert_eq!(escape(r#"<a href="x">'&'</a>"#, false), "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
        assert_eq!(escape("a\u{1}b\u{b}c\u{ffff}", false), "a\u{fffd}b\u{fffd}c\u{fffd}");
        assert_eq!(escape("a\tb\nc\rd", false), "a\tb\nc\rd");
        assert_eq!(escape("a\tb\nc\rd", true), "a&#9;b&#10;c&#13;d");
        assert_eq!(escape("]]> é", false), "]]&gt; é");
    }
}
