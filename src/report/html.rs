//! `--format html`: one self-contained page to review a run. A summary on top; per file, the
//! draft's text with each finding's words highlighted in place (evidence highlighted apart); a
//! side list of findings by severity and rule with message and evidence; clicking a finding
//! scrolls to it and shows its evidence.
//!
//! The draft is data: every byte of it, and of paths and messages, goes through [`escape`], so
//! a `<script>` in a draft is shown, never run. The page loads nothing (no external asset) and
//! its Content-Security-Policy says so: `default-src 'none'`, and the one inline style and
//! script allowed by their SHA-256 hashes.

use super::{FileReport, Report};
use crate::diagnostic::Severity;
use crate::span::{LineIndex, Span};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

const CSS: &str = include_str!("html.css");
const JS: &str = include_str!("html.js");

/// Text for HTML text and attribute values alike: `& < > " '` as entities.
fn escape(s: &str) -> String {
    super::escape(s, super::Markup::Html)
}

/// SHA-256 (FIPS 180-4), for the CSP hashes of the page's own style and script.
fn sha256(data: &[u8]) -> [u8; 32] {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
        0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
        0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
        0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
        0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
        0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
        0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut h: [u32; 8] =
        [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    let mut msg = data.to_vec();
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&(data.len() as u64).wrapping_mul(8).to_be_bytes());
    for chunk in msg.chunks_exact(64) {
        let mut w = [0u32; 64];
        for (slot, word) in w.iter_mut().zip(chunk.chunks_exact(4)) {
            *slot = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16].wrapping_add(s0).wrapping_add(w[i - 7]).wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for (k, wi) in K.iter().zip(w) {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh.wrapping_add(s1).wrapping_add(ch).wrapping_add(*k).wrapping_add(wi);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            (hh, g, f, e, d, c, b, a) = (g, f, e, d.wrapping_add(t1), c, b, a, t1.wrapping_add(t2));
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 32];
    for (o, x) in out.chunks_exact_mut(4).zip(h) {
        o.copy_from_slice(&x.to_be_bytes());
    }
    out
}

fn base64(data: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [chunk[0], chunk.get(1).copied().unwrap_or(0), chunk.get(2).copied().unwrap_or(0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ABC[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The page's Content-Security-Policy: nothing from anywhere, but its own style and script.
pub fn content_security_policy() -> String {
    format!(
        "default-src 'none'; style-src 'sha256-{}'; script-src 'sha256-{}'; base-uri 'none'; form-action 'none'",
        base64(&sha256(CSS.as_bytes())),
        base64(&sha256(JS.as_bytes()))
    )
}

/// A span to highlight: a finding's words (`related: None`) or one piece of its evidence.
struct Mark {
    span: Span,
    finding: String,
    related: Option<String>,
    severity: Severity,
}

/// `offset` clamped to the text and moved back to a char boundary.
fn boundary(src: &str, offset: usize) -> usize {
    let mut at = offset.min(src.len());
    while !src.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::Error => "sev-error",
        Severity::Warning => "sev-warning",
        Severity::Info => "sev-info",
    }
}

/// Ids of a file's findings: "f<file>-<n>", evidence "f<file>-<n>-r<k>", lines "f<file>-L<n>".
fn finding_id(file: usize, n: usize) -> String {
    format!("f{file}-{}", n + 1)
}

/// The draft's text, line by line, with every highlighted span cut into pieces that never
/// cross a line or another span's edge, so overlapping spans need no nested tags.
fn source(out: &mut String, fid: usize, file: &FileReport) {
    let src = file.src.as_str();
    let mut marks = Vec::new();
    for (n, d) in file.diagnostics.iter().enumerate() {
        let id = finding_id(fid, n);
        let clamp = |s: Span| {
            let start = boundary(src, s.start);
            Span::new(start, boundary(src, s.end).max(start))
        };
        marks.push(Mark { span: clamp(d.span), finding: id.clone(), related: None, severity: d.severity });
        for (k, r) in d.related.iter().enumerate() {
            let related = Some(format!("{id}-r{k}"));
            marks.push(Mark { span: clamp(r.span), finding: id.clone(), related, severity: d.severity });
        }
    }
    marks.sort_by_key(|m| (m.span.start, m.span.end));
    let mut cuts: Vec<usize> = marks.iter().flat_map(|m| [m.span.start, m.span.end]).collect();
    cuts.sort_unstable();
    cuts.dedup();

    let lines = LineIndex::new(src);
    let mut count = lines.line_count();
    if count > 1 && lines.line_span(src, count - 1).is_empty() {
        count -= 1; // the empty "line" after a final newline
    }
    let (mut next, mut active): (usize, Vec<&Mark>) = (0, Vec::new());
    out.push_str("<div class=\"source\">\n");
    for line in 0..count {
        let ls = lines.line_span(src, line);
        let _ = write!(
            out,
            "<div class=\"line\" id=\"f{fid}-L{}\"><span class=\"ln\">{}</span><span class=\"lt\">",
            line + 1,
            line + 1
        );
        let first = cuts.partition_point(|&c| c <= ls.start);
        let ends = cuts.get(first..).unwrap_or_default().iter().copied().take_while(|&c| c < ls.end).chain([ls.end]);
        let mut pos = ls.start;
        for cut in ends {
            active.retain(|m| m.span.end > pos);
            while let Some(m) = marks.get(next).filter(|m| m.span.start <= pos) {
                let id = m.related.as_deref().unwrap_or(&m.finding);
                let _ = write!(out, "<span class=\"anchor\" id=\"{id}\"></span>");
                if m.span.end > pos {
                    active.push(m);
                }
                next += 1;
            }
            let text = src.get(pos..cut).unwrap_or("");
            if !text.is_empty() {
                segment(out, text, &active);
            }
            pos = cut;
        }
        out.push_str("</span></div>\n");
    }
    out.push_str("</div>\n");
}

/// One piece of text under the marks covering it.
fn segment(out: &mut String, text: &str, active: &[&Mark]) {
    if active.is_empty() {
        out.push_str(&escape(text));
        return;
    }
    let mut primary: Vec<&str> = Vec::new();
    let mut related: Vec<&str> = Vec::new();
    let mut pieces: Vec<&str> = Vec::new();
    let mut severity = None;
    for m in active {
        match &m.related {
            None => {
                primary.push(&m.finding);
                severity = severity.max(Some(m.severity));
            }
            Some(r) => {
                related.push(&m.finding);
                pieces.push(r);
            }
        }
    }
    for list in [&mut primary, &mut related, &mut pieces] {
        list.sort_unstable();
        list.dedup();
    }
    out.push_str("<mark class=\"hl");
    if let Some(s) = severity {
        let _ = write!(out, " p {}", severity_class(s));
    }
    if !related.is_empty() {
        out.push_str(" r");
    }
    out.push('"');
    if !primary.is_empty() {
        let _ = write!(out, " data-p=\"{}\"", primary.join(" "));
    }
    if !related.is_empty() {
        let _ = write!(out, " data-r=\"{}\" data-rel=\"{}\"", related.join(" "), pieces.join(" "));
    }
    let _ = write!(out, ">{}</mark>", escape(text));
}

/// One finding in the side list.
fn item(out: &mut String, fid: usize, n: usize, file: &FileReport) {
    let Some(d) = file.diagnostics.get(n) else { return };
    let id = finding_id(fid, n);
    let p = file.position(d.span.start);
    let sev = severity_class(d.severity);
    let _ = write!(
        out,
        "<li class=\"finding {sev}\" tabindex=\"0\" data-finding=\"{id}\" data-line=\"f{fid}-L{}\" data-related-count=\"{}\">\
         <p class=\"where\"><span class=\"badge {sev}\">{}</span> <a class=\"goto\" href=\"#{id}\">{}:{}:{}</a></p>\
         <p class=\"message\">{}</p>",
        p.line,
        d.related.len(),
        d.severity.as_str(),
        escape(&file.path),
        p.line,
        p.column,
        escape(&d.message)
    );
    if !d.related.is_empty() {
        out.push_str("<ul class=\"evidence\">");
        for (k, r) in d.related.iter().enumerate() {
            let rp = file.position(r.span.start);
            let _ = write!(
                out,
                "<li><a href=\"#{id}-r{k}\" data-rel=\"{id}-r{k}\">{}:{}</a> {}: <q>{}</q></li>",
                rp.line,
                rp.column,
                escape(&r.message),
                escape(file.text(r.span))
            );
        }
        out.push_str("</ul>");
    }
    if let Some(help) = &d.help {
        let _ = write!(out, "<p class=\"help\">help: {}</p>", escape(help));
    }
    for f in &d.fixes {
        let _ = write!(
            out,
            "<p class=\"help\">fix: <q>{}</q> → <q>{}</q></p>",
            escape(file.text(f.span)),
            escape(&f.replacement)
        );
    }
    out.push_str("</li>\n");
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The whole page as a string.
pub fn page(report: &Report) -> String {
    let s = &report.summary;
    let mut out = String::new();
    let title =
        format!("factlint: {} in {}", plural(s.findings(), "finding", "findings"), plural(s.files, "file", "files"));
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        content_security_policy(),
        escape(&title)
    );
    // Files with findings get a number (their ids' prefix); clean files are only listed.
    let flagged: Vec<(usize, &FileReport)> =
        report.files.iter().filter(|f| !f.diagnostics.is_empty()).enumerate().map(|(i, f)| (i + 1, f)).collect();
    let clean: Vec<&FileReport> = report.files.iter().filter(|f| f.diagnostics.is_empty()).collect();

    out.push_str("<header class=\"summary\" id=\"summary\">\n<h1>factlint report</h1>\n");
    let _ = writeln!(
        out,
        "<p class=\"counts\"><span class=\"n\" data-count=\"findings\">{}</span> findings in \
         <span class=\"n\" data-count=\"files\">{}</span> files checked \
         (<span class=\"n\" data-count=\"flagged\">{}</span> with findings): \
         <span class=\"badge sev-error\"><span data-count=\"errors\">{}</span> errors</span> \
         <span class=\"badge sev-warning\"><span data-count=\"warnings\">{}</span> warnings</span> \
         <span class=\"badge sev-info\"><span data-count=\"infos\">{}</span> info</span></p>",
        s.findings(),
        s.files,
        flagged.len(),
        s.errors,
        s.warnings,
        s.infos
    );
    if !flagged.is_empty() {
        out.push_str("<table class=\"by-file\"><thead><tr><th>file</th><th>errors</th><th>warnings</th><th>info</th></tr></thead><tbody>\n");
        for (fid, f) in &flagged {
            let n = |sev| f.diagnostics.iter().filter(|d| d.severity == sev).count();
            let _ = writeln!(
                out,
                "<tr><td><a href=\"#f{fid}\">{}</a></td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                escape(&f.path),
                n(Severity::Error),
                n(Severity::Warning),
                n(Severity::Info)
            );
        }
        out.push_str("</tbody></table>\n");
        let mut by_rule: BTreeMap<&str, usize> = BTreeMap::new();
        for (_, f) in &flagged {
            for d in &f.diagnostics {
                *by_rule.entry(d.rule).or_default() += 1;
            }
        }
        out.push_str("<table class=\"by-rule\"><thead><tr><th>rule</th><th>findings</th></tr></thead><tbody>\n");
        for (rule, n) in by_rule {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td class=\"num\" data-rule=\"{}\">{n}</td></tr>",
                escape(rule),
                escape(rule)
            );
        }
        out.push_str("</tbody></table>\n");
    }
    if !clean.is_empty() {
        let _ = write!(
            out,
            "<details class=\"clean\"><summary>{} without findings</summary><ul>",
            plural(clean.len(), "file", "files")
        );
        for f in &clean {
            let _ = write!(out, "<li>{}</li>", escape(&f.path));
        }
        out.push_str("</ul></details>\n");
    }
    out.push_str("</header>\n<div class=\"layout\">\n<main>\n");
    if flagged.is_empty() {
        out.push_str("<p class=\"clean\">No findings.</p>\n");
    }
    for (fid, f) in &flagged {
        let _ = writeln!(
            out,
            "<section class=\"file\" id=\"f{fid}\" data-path=\"{}\">\n<h2>{} <small>({})</small></h2>",
            escape(&f.path),
            escape(&f.path),
            plural(f.diagnostics.len(), "finding", "findings")
        );
        source(&mut out, *fid, f);
        out.push_str("</section>\n");
    }
    out.push_str("</main>\n<aside aria-label=\"findings\">\n<h2>Findings</h2>\n");
    for (sev, heading) in [(Severity::Error, "Errors"), (Severity::Warning, "Warnings"), (Severity::Info, "Info")] {
        let mut by_rule: BTreeMap<&str, Vec<(usize, usize)>> = BTreeMap::new();
        for (fid, f) in &flagged {
            for (n, d) in f.diagnostics.iter().enumerate().filter(|(_, d)| d.severity == sev) {
                by_rule.entry(d.rule).or_default().push((*fid, n));
            }
        }
        if by_rule.is_empty() {
            continue;
        }
        let total: usize = by_rule.values().map(Vec::len).sum();
        let _ = writeln!(
            out,
            "<section class=\"severity\" data-severity=\"{}\"><h3>{heading} ({total})</h3>",
            sev.as_str()
        );
        for (rule, list) in by_rule {
            let _ = writeln!(out, "<h4>{} ({})</h4>\n<ol class=\"findings\">", escape(rule), list.len());
            for (fid, n) in list {
                if let Some((_, f)) = flagged.get(fid - 1) {
                    item(&mut out, fid, n, f);
                }
            }
            out.push_str("</ol>\n");
        }
        out.push_str("</section>\n");
    }
    let _ = write!(
        out,
        "</aside>\n</div>\n<footer>factlint {}</footer>\n<script>{JS}</script>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION")
    );
    out
}

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(page(report).as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostic;

    fn hex(b: &[u8]) -> String {
        b.iter().map(|x| format!("{x:02x}")).collect()
    }

    #[test]
    fn hashes_like_sha256() {
        for (input, want) in [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
            ),
        ] {
            assert_eq!(hex(&sha256(input.as_bytes())), want, "{input:?}");
        }
        for (input, want) in [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg==")] {
            assert_eq!(base64(input.as_bytes()), want);
        }
    }

    #[test]
    fn escapes_everything_markup_can_use() {
        assert_eq!(escape("<script>a&&b</script>"), "&lt;script&gt;a&amp;&amp;b&lt;/script&gt;");
        assert_eq!(escape("\"x\" 'y'"), "&quot;x&quot; &#39;y&#39;");
    }

    #[test]
    fn cuts_overlapping_spans_into_flat_pieces() {
        let src = "A 301 <b> sur\nles 270.\n";
        let at = |s: &str| src.find(s).unwrap();
        let d = Diagnostic::new("part-exceeds-whole", Severity::Error, Span::new(at("301"), at("301") + 3), "m".into())
            .related(Span::new(at("301"), at("sur") + 3), "the frame")
            .related(Span::new(at("270"), at("270") + 3), "the whole");
        let file = FileReport::new("a.md".into(), src.into(), vec![d]);
        let mut out = String::new();
        source(&mut out, 1, &file);
        assert!(out.contains("<span class=\"anchor\" id=\"f1-1\"></span><span class=\"anchor\" id=\"f1-1-r0\"></span><mark class=\"hl p sev-error r\" data-p=\"f1-1\" data-r=\"f1-1\" data-rel=\"f1-1-r0\">301</mark><mark class=\"hl r\" data-r=\"f1-1\" data-rel=\"f1-1-r0\"> &lt;b&gt; sur</mark>"), "{out}");
        assert!(out.contains("id=\"f1-L2\"><span class=\"ln\">2</span><span class=\"lt\">les <span class=\"anchor\" id=\"f1-1-r1\"></span><mark class=\"hl r\" data-r=\"f1-1\" data-rel=\"f1-1-r1\">270</mark>.</span></div>"), "{out}");
        assert!(!out.contains("f1-L3"), "no empty line after the final newline");
    }
}
