//! Inline suppressions: HTML comments in a draft that silence findings.
//!
//! Reads the raw source (the comments are not prose, so the Markdown reader never shows them to
//! anyone) and filters a file's findings. Five directives, each with optional comma-separated rule
//! ids (none: every rule) and an optional reason after `--`:
//!
//! ```markdown
//! <!-- factlint-disable-next-line part-exceeds-whole -- the figure is quoted as said -->
//! <!-- factlint-disable-line -->            (at the end of the line it silences)
//! <!-- factlint-disable weekday-mismatch, impossible-date -->  …  <!-- factlint-enable -->
//! <!-- factlint-disable-file name-variant -->
//! ```
//!
//! A suppression that silences nothing, an unknown rule id and an `enable` that closes nothing
//! are reported as `unused-suppression` findings (info), so suppressions do not outlive the text
//! they were written for.

use crate::config::{nearest, RuleSettings};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{RuleMeta, KNOWN_IDS, RULES};
use crate::source::Format;
use crate::span::{LineIndex, Span};
use memchr::memmem;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1};
use nom::character::complete::{char, multispace0, multispace1};
use nom::combinator::{all_consuming, opt, rest, value, verify};
use nom::multi::separated_list1;
use nom::sequence::{delimited, preceded};
use nom::{IResult, Parser};

/// `unused-suppression`: not a content rule (it reads comments, not claims), so it is not in
/// `RULES`; `factlint explain unused-suppression` prints this, and `[rules]` may set its level.
pub static META: RuleMeta = RuleMeta {
    id: "unused-suppression",
    default_severity: Severity::Info,
    summary: "a factlint-disable comment that silences nothing, or names an unknown rule",
    docs: "## What it flags
A suppression comment that no longer silences anything: `<!-- factlint-disable-next-line
part-exceeds-whole -->` above a line where part-exceeds-whole finds nothing, a
`factlint-disable` … `factlint-enable` region with no finding of its rules inside, a rule id
that does not exist (`weekday-mistmatch`), or a `factlint-enable` that closes no region.

## Why it matters
A suppression outlives the sentence it was written for: once the text is rewritten it would
silently hide the next real slip on that line. Reporting the stale ones keeps them honest.

## Flags
- fr: `<!-- factlint-disable-next-line part-exceeds-whole -->` above « 2 sièges sur 3 ».
- en: `<!-- factlint-disable weekday-mismatch -->` around a paragraph whose weekdays are right.

## Leaves alone
- A suppression of a rule switched off in factlint.toml or not run: it cannot be judged.
- A suppression that silences at least one finding of each rule it names.

## Settings
Its level, like any rule's: `[rules] unused-suppression = \"off\"`.
",
};

/// What a comment asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    NextLine,
    Line,
    File,
    Disable,
    Enable,
}

impl Kind {
    fn keyword(self) -> &'static str {
        match self {
            Kind::NextLine => "factlint-disable-next-line",
            Kind::Line => "factlint-disable-line",
            Kind::File => "factlint-disable-file",
            Kind::Disable => "factlint-disable",
            Kind::Enable => "factlint-enable",
        }
    }
}

/// A directive as written: its kind and rule ids (empty: all rules), ids as offsets in the body.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Parsed<'a> {
    kind: Kind,
    ids: Vec<&'a str>,
}

type PResult<'i, O> = IResult<&'i str, O, ()>;

// KEYWORD := "factlint-disable-next-line" | "factlint-disable-line" | "factlint-disable-file"
//          | "factlint-disable" | "factlint-enable"        (longest first; then a space or the end)
fn keyword(i: &str) -> PResult<'_, Kind> {
    let mut word = alt((
        value(Kind::NextLine, tag("factlint-disable-next-line")),
        value(Kind::Line, tag("factlint-disable-line")),
        value(Kind::File, tag("factlint-disable-file")),
        value(Kind::Disable, tag("factlint-disable")),
        value(Kind::Enable, tag("factlint-enable")),
    ));
    let (rest, kind) = word.parse(i)?;
    if rest.is_empty() || rest.starts_with(char::is_whitespace) {
        Ok((rest, kind))
    } else {
        Err(nom::Err::Error(()))
    }
}

// ID := [A-Za-z0-9_-]+, not starting with "-" (so "--" opens the reason)
fn id(i: &str) -> PResult<'_, &str> {
    verify(take_while1(|c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_'), |s: &str| !s.starts_with('-'))
        .parse(i)
}

// IDS := ID (SP* "," SP* ID)*
fn ids(i: &str) -> PResult<'_, Vec<&str>> {
    separated_list1(delimited(multispace0, char(','), multispace0), id).parse(i)
}

// REASON := "--" ANY*
fn reason(i: &str) -> PResult<'_, &str> {
    preceded(tag("--"), rest).parse(i)
}

// DIRECTIVE := SP* KEYWORD [SP+ IDS] SP* [REASON] SP*       (the text between "<!--" and "-->")
fn directive(i: &str) -> PResult<'_, Parsed<'_>> {
    let (i, _) = multispace0(i)?;
    let (i, kind) = keyword(i)?;
    let (i, ids) = opt(preceded(multispace1, ids)).parse(i)?;
    let (i, _) = (multispace0, opt(reason), multispace0).parse(i)?;
    all_consuming(multispace0).parse(i)?;
    Ok(("", Parsed { kind, ids: ids.unwrap_or_default() }))
}

/// One `<!-- … -->` comment that speaks to factlint.
#[derive(Clone, Debug)]
struct Comment<'a> {
    /// The whole comment, `<!--` to `-->`.
    span: Span,
    /// `None`: it starts with "factlint-" but is no directive.
    parsed: Option<Parsed<'a>>,
    /// Rule ids with their file spans (parallel to `parsed.ids`).
    id_spans: Vec<Span>,
}

/// Byte ranges of fenced code blocks (``` or ~~~), where a comment is an example, not a directive.
fn fences(src: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<(usize, u8, usize)> = None; // (start, fence char, fence length)
    let mut at = 0;
    for line in src.split_inclusive('\n') {
        let trimmed = line.trim_start_matches(' ');
        let indent = line.len() - trimmed.len();
        let fence_char = trimmed.bytes().next().filter(|c| matches!(c, b'`' | b'~'));
        let run = fence_char.map_or(0, |c| trimmed.bytes().take_while(|b| *b == c).count());
        match (open, fence_char) {
            (None, Some(c)) if indent <= 3 && run >= 3 => open = Some((at, c, run)),
            (Some((start, oc, olen)), Some(c))
                if c == oc && run >= olen && indent <= 3 && trimmed[run..].trim().is_empty() =>
            {
                out.push(Span::new(start, at + line.len()));
                open = None;
            }
            _ => {}
        }
        at += line.len();
    }
    if let Some((start, _, _)) = open {
        out.push(Span::new(start, src.len()));
    }
    out
}

/// The factlint comments of a draft, in order. A cheap scan: memmem for "<!--", then a parse of
/// the comments that start with "factlint-".
fn comments(src: &str, format: Format) -> Vec<Comment<'_>> {
    let mut out = Vec::new();
    let mut code: Option<Vec<Span>> = None;
    let bytes = src.as_bytes();
    let mut from = 0;
    while let Some(rel) = bytes.get(from..).and_then(|b| memmem::find(b, b"<!--")) {
        let start = from + rel;
        let body_start = start + 4;
        let Some(body_len) = bytes.get(body_start..).and_then(|b| memmem::find(b, b"-->")) else { break };
        let end = body_start + body_len + 3;
        from = end;
        let Some(body) = src.get(body_start..body_start + body_len) else { continue };
        if !body.trim_start().starts_with("factlint-") {
            continue;
        }
        if format == Format::Markdown {
            let code = code.get_or_insert_with(|| fences(src));
            if code.iter().any(|f| f.start <= start && start < f.end) {
                continue;
            }
        }
        let parsed = directive(body).ok().map(|(_, p)| p);
        let id_spans = parsed
            .iter()
            .flat_map(|p| &p.ids)
            .map(|id| {
                // Each id is a slice of `body`; its offset gives its file span.
                let at = body_start + (id.as_ptr() as usize - body.as_ptr() as usize);
                Span::new(at, at + id.len())
            })
            .collect();
        out.push(Comment { span: Span::new(start, end), parsed, id_spans });
    }
    out
}

/// Where a suppression applies: findings whose primary span starts in `region`.
struct Scope {
    /// Index into the comments.
    comment: usize,
    /// `None`: every rule.
    rule: Option<usize>,
    region: Span,
    used: usize,
}

/// Drops the findings the draft's comments suppress and adds `unused-suppression` findings.
/// `settings` says which rules ran (a suppression of a rule that did not run is not judged) and
/// the level of `unused-suppression` itself.
pub fn apply(src: &str, format: Format, settings: &RuleSettings, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let comments = comments(src, format);
    if comments.is_empty() {
        return diagnostics;
    }
    let lines = LineIndex::new(src);
    let line_region = |line: usize| {
        let s = lines.line_span(src, line);
        Span::new(s.start, lines.line_span(src, line + 1).start.max(s.end))
    };
    let mut scopes: Vec<Scope> = Vec::new();
    let mut unmatched_enables = Vec::new();
    // Open `disable` regions: (comment, rule index or None, start).
    let mut open: Vec<(usize, Option<usize>, usize)> = Vec::new();
    for (ci, c) in comments.iter().enumerate() {
        let Some(p) = &c.parsed else { continue };
        let rules: Vec<Option<usize>> =
            if p.ids.is_empty() { vec![None] } else { (0..p.ids.len()).map(Some).collect() };
        let region = match p.kind {
            Kind::NextLine => {
                // The first non-blank line after the comment.
                let mut line = lines.line_of(c.span.end) + 1;
                while line + 1 < lines.line_count()
                    && lines.line_span(src, line).text(src).is_some_and(|t| t.trim().is_empty())
                {
                    line += 1;
                }
                line_region(line)
            }
            Kind::Line => line_region(lines.line_of(c.span.start)),
            Kind::File => Span::new(0, src.len()),
            Kind::Disable => {
                open.extend(rules.iter().map(|r| (ci, *r, c.span.end)));
                continue;
            }
            Kind::Enable => {
                let names: Vec<&str> = p.ids.clone();
                let before = open.len();
                let mut closed = Vec::new();
                open.retain(|&(oc, rule, start)| {
                    let name = rule.and_then(|r| comments.get(oc)?.parsed.as_ref()?.ids.get(r).copied());
                    let closes = names.is_empty() || name.is_some_and(|n| names.contains(&n));
                    if closes {
                        closed.push((oc, rule, start));
                    }
                    !closes
                });
                for (oc, rule, start) in closed {
                    scopes.push(Scope { comment: oc, rule, region: Span::new(start, c.span.start), used: 0 });
                }
                if open.len() == before {
                    unmatched_enables.push(ci);
                }
                continue;
            }
        };
        scopes.extend(rules.into_iter().map(|rule| Scope { comment: ci, rule, region, used: 0 }));
    }
    for (oc, rule, start) in open {
        scopes.push(Scope { comment: oc, rule, region: Span::new(start, src.len()), used: 0 });
    }

    let rule_name = |s: &Scope| s.rule.and_then(|r| comments.get(s.comment)?.parsed.as_ref()?.ids.get(r).copied());
    let mut kept = Vec::with_capacity(diagnostics.len());
    for d in diagnostics {
        let mut suppressed = false;
        for s in scopes.iter_mut() {
            let applies = match s.rule {
                None => true,
                Some(_) => rule_name(s) == Some(d.rule),
            };
            if applies && s.region.start <= d.span.start && d.span.start < s.region.end.max(s.region.start + 1) {
                s.used += 1;
                suppressed = true;
            }
        }
        if !suppressed {
            kept.push(d);
        }
    }

    let Some(severity) = settings.severity(&META) else { return kept };
    let ran = |id: &str| RULES.iter().any(|r| r.meta().id == id && settings.severity(r.meta()).is_some());
    let any_ran = RULES.iter().any(|r| settings.severity(r.meta()).is_some());
    let mut known: Vec<&str> = KNOWN_IDS.to_vec();
    known.push(META.id);
    let mut report = |span: Span, message: String| {
        kept.push(
            Diagnostic::new(META.id, severity, span, message)
                .help("delete the comment, or the rule id that no longer applies"),
        );
    };
    for c in &comments {
        let Some(p) = &c.parsed else {
            let body = src.get(c.span.start + 4..c.span.end - 3).unwrap_or("").trim();
            let word = body.split_whitespace().next().unwrap_or("");
            let kinds = [Kind::NextLine, Kind::Line, Kind::File, Kind::Disable, Kind::Enable].map(Kind::keyword);
            let hint = nearest(word, &kinds).map(|k| format!("; did you mean \"{k}\"?")).unwrap_or_default();
            report(c.span, format!("\"{word}\" is not a factlint directive{hint}"));
            continue;
        };
        for (id, span) in p.ids.iter().zip(&c.id_spans) {
            if !known.contains(id) {
                let hint = nearest(id, &known).map(|k| format!("; did you mean \"{k}\"?")).unwrap_or_default();
                report(*span, format!("unknown rule \"{id}\" in \"{}\"{hint}", p.kind.keyword()));
            }
        }
    }
    for s in &scopes {
        if s.used > 0 {
            continue;
        }
        let Some(c) = comments.get(s.comment) else { continue };
        let Some(p) = &c.parsed else { continue };
        let (span, what) = match (s.rule, rule_name(s)) {
            (Some(r), Some(name)) => {
                if !ran(name) {
                    continue; // unknown (reported above), off, or not implemented: cannot be judged
                }
                (c.id_spans.get(r).copied().unwrap_or(c.span), format!("no {name} finding"))
            }
            _ => {
                if !any_ran {
                    continue;
                }
                (c.span, "no finding".to_string())
            }
        };
        let first = lines.position(src, s.region.start).line;
        let last = lines.position(src, s.region.end.saturating_sub(1).max(s.region.start)).line;
        let place = match p.kind {
            Kind::File => "in the file".to_string(),
            _ if first == last => format!("on line {first}"),
            _ => format!("between lines {first} and {last}"),
        };
        report(span, format!("\"{}\" suppresses nothing: {what} {place}", p.kind.keyword()));
    }
    for ci in unmatched_enables {
        let Some(c) = comments.get(ci) else { continue };
        report(c.span, "\"factlint-enable\" closes no \"factlint-disable\" above it".to_string());
    }
    kept.sort_by(|a, b| (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule)));
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::RuleSettings;

    #[test]
    fn reads_directives() {
        let k = |kind, ids: &[&'static str]| Some(Parsed { kind, ids: ids.to_vec() });
        for (input, want) in [
            (" factlint-disable-next-line part-exceeds-whole ", k(Kind::NextLine, &["part-exceeds-whole"])),
            ("factlint-disable-next-line", k(Kind::NextLine, &[])),
            (" factlint-disable-line -- quoted as said ", k(Kind::Line, &[])),
            (
                " factlint-disable-file name-variant,weekday-mismatch ",
                k(Kind::File, &["name-variant", "weekday-mismatch"]),
            ),
            (" factlint-disable a , b -- reason, with commas ", k(Kind::Disable, &["a", "b"])),
            (" factlint-enable\n", k(Kind::Enable, &[])),
            (" factlint-disable --reason", k(Kind::Disable, &[])),
        ] {
            assert_eq!(directive(input).ok().map(|(_, p)| p), want, "{input:?}");
        }
        for no in [
            " factlint-disabled ",
            " factlint-disable-next ",
            " factlint-ignore x ",
            " factlint-disable a b ",
            " factlint-disable a, ",
            " factlint-disable -x ",
            "factlint-disable-file--",
        ] {
            assert!(directive(no).is_err(), "{no:?}");
        }
    }

    #[test]
    fn finds_fenced_code() {
        let src = "a\n```md\n<!-- x -->\n```\nb\n~~~~\nc\n~~~\nd\n";
        let f = fences(src);
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].text(src), Some("```md\n<!-- x -->\n```\n"));
        assert_eq!(
            f[1].text(src),
            Some("~~~~\nc\n~~~\nd\n"),
            "a shorter fence does not close; the block runs to the end"
        );
    }

    fn finding(src: &str, needle: &str) -> Diagnostic {
        let at = src.find(needle).unwrap();
        Diagnostic::new("part-exceeds-whole", Severity::Error, Span::new(at, at + needle.len()), "m".into())
    }

    fn run(src: &str, needles: &[&str]) -> Vec<(String, String)> {
        let ds = needles.iter().map(|n| finding(src, n)).collect();
        apply(src, Format::Markdown, &RuleSettings::default(), ds)
            .into_iter()
            .map(|d| (d.rule.to_string(), src[d.span.start..d.span.end].to_string()))
            .collect()
    }

    #[test]
    fn suppresses_the_next_line_only() {
        let src = "<!-- factlint-disable-next-line part-exceeds-whole -- as quoted -->\nA 301 B.\nC 302 D.\n";
        assert_eq!(run(src, &["301", "302"]), [("part-exceeds-whole".into(), "302".into())]);
        let src = "<!-- factlint-disable-next-line -->\n\nA 301 B.\n";
        assert_eq!(run(src, &["301"]), [], "blank lines between the comment and the text are skipped");
        let src = "A 301 B. <!-- factlint-disable-line -->\nC 302 D.\n";
        assert_eq!(run(src, &["301", "302"]), [("part-exceeds-whole".into(), "302".into())]);
    }

    #[test]
    fn suppresses_regions_and_files() {
        let src = "A 300.\n<!-- factlint-disable part-exceeds-whole -->\nB 301.\n<!-- factlint-enable -->\nC 302.\n";
        assert_eq!(
            run(src, &["300", "301", "302"]),
            [("part-exceeds-whole".into(), "300".into()), ("part-exceeds-whole".into(), "302".into())]
        );
        let src = "<!-- factlint-disable -->\nB 301.\n\nC 302.\n";
        assert_eq!(run(src, &["301", "302"]), [], "an unclosed region runs to the end");
        let src = "A 301.\n\n<!-- factlint-disable-file -->\n";
        assert_eq!(run(src, &["301"]), []);
    }

    #[test]
    fn reports_suppressions_that_suppress_nothing() {
        let src = "<!-- factlint-disable-next-line part-exceeds-whole -->\nA 3 B.\n";
        let got = apply(src, Format::Markdown, &RuleSettings::default(), vec![]);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].rule, "unused-suppression");
        assert_eq!(got[0].severity, Severity::Info);
        assert_eq!(got[0].span.text(src), Some("part-exceeds-whole"));
        assert_eq!(
            got[0].message,
            "\"factlint-disable-next-line\" suppresses nothing: no part-exceeds-whole finding on line 2"
        );
        // A rule that did not run cannot be judged; an unknown one is named.
        let src = "<!-- factlint-disable weekday-mismatch, weekday-mistmatch -->\nA.\n<!-- factlint-enable -->\n";
        let mut weekday_off = RuleSettings::default();
        weekday_off.set("weekday-mismatch", None);
        let got = apply(src, Format::Markdown, &weekday_off, vec![]);
        let messages: Vec<&str> = got.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            ["unknown rule \"weekday-mistmatch\" in \"factlint-disable\"; did you mean \"weekday-mismatch\"?"]
        );
        // Off in the configuration: no report at all.
        let mut off = RuleSettings::default();
        off.set("unused-suppression", None);
        assert!(apply("<!-- factlint-disable-file -->", Format::Markdown, &off, vec![]).is_empty());
        // A stray enable and a misspelt directive.
        let got =
            apply("<!-- factlint-enable -->\n<!-- factlint-disabel x -->\n", Format::Markdown, &off.clone(), vec![]);
        assert!(got.is_empty());
        let got = apply(
            "<!-- factlint-enable -->\n<!-- factlint-disabel x -->\n",
            Format::Markdown,
            &RuleSettings::default(),
            vec![],
        );
        let messages: Vec<&str> = got.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "\"factlint-enable\" closes no \"factlint-disable\" above it",
                "\"factlint-disabel\" is not a factlint directive; did you mean \"factlint-disable\"?"
            ]
        );
    }

    #[test]
    fn leaves_alone_comments_in_code_and_other_comments() {
        let src = "```\n<!-- factlint-disable-file -->\n```\nA 301.\n<!-- expect: part-exceeds-whole -->\n";
        assert_eq!(run(src, &["301"]), [("part-exceeds-whole".into(), "301".into())]);
        // Plain text keeps its comments as written, and they still count there.
        let src = "<!-- factlint-disable-file -->\nA 301.\n";
        assert!(apply(src, Format::Text, &RuleSettings::default(), vec![finding(src, "301")]).is_empty());
    }
}
