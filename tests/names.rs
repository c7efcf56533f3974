//! `name-variant` fixtures: each file's findings, as (line, rule), must equal its
//! `<!-- expect: … -->` markers; then the human report is snapshotted.

use factlint::check::{check_text, RunOptions};
use factlint::config::Config;
use factlint::report::{self, FileReport, Report, Summary};
use factlint::source::Format;
use factlint::span::LineIndex;
use std::path::{Path, PathBuf};

const DIR: &str = "tests/fixtures/rules/name-variant";

fn fixtures() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(DIR))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    files
}

/// (line, rule) of every marker.
fn markers(src: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (i, line) in src.lines().enumerate() {
        let Some(at) = line.find("<!-- expect:") else { continue };
        let ids = line[at + "<!-- expect:".len()..].trim_end().trim_end_matches("-->");
        out.extend(ids.split(',').map(|id| (i + 1, id.trim().to_string())));
    }
    out.sort();
    out
}

#[test]
fn name_variant_fixtures() {
    let files = fixtures();
    for lang in ["en", "fr"] {
        for kind in ["flags_", "leaves_alone_"] {
            assert!(
                files.iter().any(|p| {
                    let name = p.file_name().unwrap().to_string_lossy().into_owned();
                    name.starts_with(kind) && name.ends_with(&format!(".{lang}.md"))
                }),
                "no {kind}*.{lang}.md fixture"
            );
        }
    }
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let src = std::fs::read_to_string(&path).unwrap();
        let checked = check_text(&src, Format::Markdown, &Config::default(), &RunOptions::default());
        let lines = LineIndex::new(&src);
        let mut got: Vec<(usize, String)> =
            checked.diagnostics.iter().map(|d| (lines.position(&src, d.span.start).line, d.rule.to_string())).collect();
        got.sort();
        assert_eq!(got, markers(&src), "{name}: findings (line, rule) differ from the markers");
        if name.starts_with("flags_") {
            assert!(!got.is_empty(), "{name} flags nothing");
        }
        let mut summary = Summary { files: 1, ..Summary::default() };
        checked.diagnostics.iter().for_each(|d| summary.add(d));
        let file = FileReport::new(format!("{DIR}/{name}"), src.clone(), checked.diagnostics);
        let mut out = Vec::new();
        report::human::render(&Report { files: vec![file], summary }, &mut out, false).unwrap();
        insta::with_settings!({
            snapshot_path => "../snapshots/names",
            prepend_module_to_snapshot => false,
            input_file => &path,
        }, {
            insta::assert_snapshot!(format!("name-variant__{name}"), String::from_utf8(out).unwrap());
        });
    }
}

/// Every fix of a `flags_` fixture, applied, leaves a text with no `name-variant` warning, and
/// applying the fixes again changes nothing.
#[test]
fn fixes_reach_a_fixpoint() {
    for path in fixtures() {
        let src = std::fs::read_to_string(&path).unwrap();
        let fixed = factlint::fix::fix_text(&src, Format::Markdown, &Config::default(), &RunOptions::default());
        assert!(
            fixed.remaining.iter().all(|d| d.fixes.is_empty()),
            "{}: fixes remain after fixing: {:?}",
            path.display(),
            fixed.remaining
        );
        let again = factlint::fix::fix_text(&fixed.text, Format::Markdown, &Config::default(), &RunOptions::default());
        assert_eq!(again.text, fixed.text, "{}", path.display());
        assert_eq!(again.fixed, 0);
    }
}

/// The user's own list: a newsroom's staff spelled one way, and variants it accepts.
#[test]
fn reads_the_users_names() {
    let config = Config::parse(
        Path::new("factlint.toml"),
        "[names]\npeople = [\"Ingrid Vasseur\"]\nvariants = [[\"Sedykh\", \"Sedych\"]]\n",
    )
    .unwrap();
    let src = "---\nlang: en\n---\nOur reporter Ingrid Vaseur filed from Lyon.\n\nAnna Sedykh met Anna Sedykh's lawyer; Sedych declined.\n";
    let checked = check_text(src, Format::Markdown, &config, &RunOptions::default());
    let found: Vec<(&str, String)> =
        checked.diagnostics.iter().map(|d| (d.severity.as_str(), d.message.clone())).collect();
    assert_eq!(
        found,
        [
            (
                "warning",
                "\"Ingrid Vaseur\" looks like a misspelling of \"Ingrid Vasseur\", a name in factlint.toml".into()
            ),
            (
                "info",
                "\"Sedych\" is spelled \"Sedykh\" elsewhere in the text (used 2 times); both spellings are accepted"
                    .into()
            ),
        ]
    );
}

/// A configured severity applies to the rule's warnings; its infos stay infos.
#[test]
fn keeps_infos_below_a_configured_severity() {
    let config = Config::parse(Path::new("factlint.toml"), "[rules]\nname-variant = \"error\"\n").unwrap();
    let src =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(DIR).join("flags_mixed_spellings.en.md"))
            .unwrap();
    let checked = check_text(&src, Format::Markdown, &config, &RunOptions::default());
    assert_eq!(checked.diagnostics.iter().map(|d| d.severity.as_str()).collect::<Vec<_>>(), ["info"]);
    let src = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(DIR).join("flags_listed_name.fr.md"))
        .unwrap();
    let checked = check_text(&src, Format::Markdown, &config, &RunOptions::default());
    assert_eq!(checked.diagnostics.iter().map(|d| d.severity.as_str()).collect::<Vec<_>>(), ["error"]);
}
