//! JUnit XML for CI test views: one `testcase` per file, one `failure` per finding.

use super::{escape, FileReport, Markup, Report};
use std::io::{self, Write};

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
        let path = escape(&file.path, Markup::XmlAttribute);
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
                escape(d.rule, Markup::XmlAttribute),
                escape(
                    &format!("{}:{}: {}: {}", p.line, p.column, d.severity.as_str(), d.message),
                    Markup::XmlAttribute
                ),
                escape(&details(file, d), Markup::XmlText)
            )?;
        }
        writeln!(out, "    </testcase>")?;
    }
    writeln!(out, "  </testsuite>")?;
    writeln!(out, "</testsuites>")
}

#[cfg(test)]
mod tests {
    use super::{escape, Markup};

    #[test]
    fn escapes_markup_and_characters_xml_cannot_carry() {
        assert_eq!(
            escape(r#"<a href="x">'&'</a>"#, Markup::XmlText),
            "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;"
        );
        assert_eq!(escape("a\u{1}b\u{b}c\u{ffff}", Markup::XmlText), "a\u{fffd}b\u{fffd}c\u{fffd}");
        assert_eq!(escape("a\tb\nc\rd", Markup::XmlText), "a\tb\nc\rd");
        assert_eq!(escape("a\tb\nc\rd", Markup::XmlAttribute), "a&#9;b&#10;c&#13;d");
        assert_eq!(escape("]]> é", Markup::XmlText), "]]&gt; é");
    }
}
