//! Rule fixtures: every `tests/fixtures/rules/<rule-id>/*.md` goes through the real pipeline.
//!
//! Each file's findings, as (line, rule), must equal its `<!-- expect: rule-id -->` markers (the
//! marker closes the line where the primary span starts; two ids: `<!-- expect: a, b -->`);
//! unmarked lines stay silent. Then the plain human report is snapshotted under
//! `snapshots/rules/<rule-id>__<file>.snap`, and every message is checked against STYLE.md §6.

use factlint::check::{check_text, RunOptions};
use factlint::config::Config;
use factlint::report::{human, FileReport, Report, Summary};
use factlint::source::Format;
use factlint::span::LineIndex;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Rules whose fixtures run here: every rule but `name-variant`, whose fixtures tests/names.rs
/// runs (its findings are left out here too).
fn active() -> Vec<&'static str> {
    factlint::rules::RULES.iter().map(|r| r.meta().id).filter(|&id| id != "name-variant").collect()
}

fn fixtures_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules")
}

/// `(line, rule)` pairs of the markers of `src`, 1-based lines.
fn expected(src: &str) -> BTreeSet<(usize, String)> {
    let mut out = BTreeSet::new();
    for (i, line) in src.lines().enumerate() {
        let Some(at) = line.find("<!-- expect:") else { continue };
        let rest = &line[at + "<!-- expect:".len()..];
        let ids = rest.split("-->").next().unwrap_or("");
        for id in ids.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            out.insert((i + 1, id.to_string()));
        }
    }
    out
}

fn sorted_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "md")).collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// STYLE.md §6: lowercase unless opening on the draft's words or a number; no final period.
fn message_problem(message: &str) -> Option<&'static str> {
    let first = message.chars().next()?;
    if first.is_uppercase() {
        return Some("opens with a capital letter (open lowercase, on a number or on the draft's quoted words)");
    }
    if message.ends_with('.') && !message.ends_with("..") {
        return Some("ends with a period");
    }
    for hedge in ["possible inconsistency", "may be wrong", "might be", "seems", "detected"] {
        if message.contains(hedge) {
            return Some("hedges or says nothing concrete");
        }
    }
    None
}

#[test]
fn fixtures_match_their_markers() {
    let root = fixtures_root();
    let mut failures = Vec::new();
    let mut seen = 0;
    let active = active();
    for &rule in &active {
        for path in sorted_files(&root.join(rule)) {
            seen += 1;
            let src = std::fs::read_to_string(&path).expect("fixture is UTF-8");
            let name = path.file_name().and_then(|n| n.to_str()).expect("file name").to_string();
            let checked = check_text(&src, Format::Markdown, &Config::default(), &RunOptions::default());
            let lines = LineIndex::new(&src);
            let want: BTreeSet<(usize, String)> =
                expected(&src).into_iter().filter(|(_, r)| active.contains(&r.as_str())).collect();
            let got: BTreeSet<(usize, String)> = checked
                .diagnostics
                .iter()
                .filter(|d| active.contains(&d.rule))
                .map(|d| (lines.position(&src, d.span.start).line, d.rule.to_string()))
                .collect();
            if want != got {
                let missing: Vec<_> = want.difference(&got).collect();
                let extra: Vec<_> = got.difference(&want).collect();
                failures.push(format!("{rule}/{name}: missing {missing:?}, unexpected {extra:?}"));
            }
            for d in &checked.diagnostics {
                if let Some(problem) = message_problem(&d.message) {
                    failures.push(format!("{rule}/{name}: message {:?} {problem}", d.message));
                }
            }
            let mut summary = Summary { files: 1, ..Summary::default() };
            for d in &checked.diagnostics {
                summary.add(d);
            }
            let report = Report {
                files: vec![FileReport::new(format!("{rule}/{name}"), src.clone(), checked.diagnostics)],
                summary,
            };
            let mut out = Vec::new();
            human::render(&report, &mut out, false).expect("render to memory");
            let text = String::from_utf8(out).expect("the report is UTF-8");
            insta::with_settings!({
                snapshot_path => "../snapshots/rules",
                prepend_module_to_snapshot => false,
                input_file => &path,
            }, {
                insta::assert_snapshot!(format!("{rule}__{name}"), text);
            });
        }
    }
    assert!(seen > 0, "no fixture found under {}", root.display());
    assert!(failures.is_empty(), "{} fixture problem(s):\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn reads_markers() {
    let src = "a\nb <!-- expect: weekday-mismatch -->\nc <!-- expect: a-b, c-d -->\n";
    let got: Vec<_> = expected(src).into_iter().collect();
    assert_eq!(got, vec![(2, "weekday-mismatch".to_string()), (3, "a-b".to_string()), (3, "c-d".to_string())]);
}
