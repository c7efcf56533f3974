//! The editorial workflow as a user runs it: inline suppressions, `[[overrides]]`, baselines,
//! `--diff-base` in a scratch git repository, the gitlab and junit formats, SARIF against the
//! official 2.1.0 schema, the progress bar, and the CI integration files.

mod common;

use common::{bin, json, root, run, run_in, stderr, stdout, FLAGGED_FR};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn snapshot(name: &str, value: &str) {
    insta::with_settings!({snapshot_path => "../snapshots/workflow", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!(name, value);
    });
}

fn scratch(name: &str) -> PathBuf {
    common::scratch(&format!("workflow/{name}"))
}

/// (line, rule) of each finding of a `--format json` run.
fn findings(o: &Output) -> Vec<(String, u64, String)> {
    json(o)["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap().to_string(),
                d["start"]["line"].as_u64().unwrap(),
                d["rule"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

const FLAGGED_EN: &str = "---\ndate: 2024-11-12\nlang: en\n---\nIn the end 14 of the 12 members signed.\n";

#[test]
fn suppressions_silence_findings_and_report_stale_ones() {
    let o = run(&["check", "--format", "json", "tests/fixtures/workflow/suppressions.en.md"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let path = "tests/fixtures/workflow/suppressions.en.md";
    let want = [
        (path.to_string(), 18, "part-exceeds-whole".to_string()), // after the enable
        (path.to_string(), 20, "unused-suppression".to_string()), // "2 of the 10" is fine
        (path.to_string(), 23, "unused-suppression".to_string()), // weekday-mistmatch
    ];
    assert_eq!(findings(&o), want);
    let doc = json(&o);
    let ds = doc["diagnostics"].as_array().unwrap();
    assert_eq!(ds[1]["severity"], "info");
    assert_eq!(
        ds[1]["message"],
        "\"factlint-disable-next-line\" suppresses nothing: no part-exceeds-whole finding on line 21"
    );
    assert!(ds[2]["message"].as_str().unwrap().contains("did you mean \"weekday-mismatch\""), "{}", ds[2]);
    // Info findings do not fail the run by default; `--fail-on info` makes stale suppressions fail CI.
    let dir = scratch("stale");
    std::fs::write(dir.join("a.md"), "<!-- factlint-disable-file -->\nTwo of the three members agreed.\n").unwrap();
    assert_eq!(run_in(&dir, &["check", "a.md"]).status.code(), Some(0));
    assert_eq!(run_in(&dir, &["check", "--fail-on", "info", "a.md"]).status.code(), Some(1));
    std::fs::write(dir.join("factlint.toml"), "[rules]\nunused-suppression = \"off\"\n").unwrap();
    assert_eq!(run_in(&dir, &["check", "--fail-on", "info", "a.md"]).status.code(), Some(0));
}

#[test]
fn explain_knows_unused_suppression() {
    let o = run(&["explain", "unused-suppression"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("# unused-suppression (info)"), "{}", stdout(&o));
    for section in ["## What it flags", "## Why it matters", "## Flags", "## Leaves alone", "## Settings"] {
        assert!(stdout(&o).contains(section), "{section}");
    }
}

#[test]
fn overrides_set_rules_per_folder() {
    let dir = scratch("overrides");
    std::fs::create_dir_all(dir.join("drafts")).unwrap();
    std::fs::create_dir_all(dir.join("archive/2019")).unwrap();
    std::fs::write(dir.join("drafts/a.md"), FLAGGED_FR).unwrap();
    std::fs::write(dir.join("archive/2019/b.md"), FLAGGED_FR).unwrap();
    std::fs::write(dir.join("archive/c.md"), FLAGGED_EN).unwrap();
    std::fs::write(
        dir.join("factlint.toml"),
        "[[overrides]]\nfiles = [\"archive/**\"]\n[overrides.rules]\npart-exceeds-whole = \"off\"\n\n\
         [[overrides]]\nfiles = [\"archive/c.md\"]\nrules = { part-exceeds-whole = \"info\" }\n",
    )
    .unwrap();
    let o = run_in(&dir, &["check", "--format", "json", "."]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let got: Vec<(String, String)> = json(&o)["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["path"].to_string(), d["severity"].to_string()))
        .collect();
    assert_eq!(got, [("\"archive/c.md\"".into(), "\"info\"".into()), ("\"drafts/a.md\"".into(), "\"error\"".into())]);
    // The same globs, run from inside the folder and with the file named explicitly.
    let o = run_in(&dir.join("archive"), &["check", "--format", "json", "2019/b.md"]);
    assert_eq!(findings(&o), [], "{}", stderr(&o));
    // Errors point into the file.
    std::fs::write(dir.join("factlint.toml"), "[[overrides]]\nfiles = [\"a/**\"]\nrule = {}\n").unwrap();
    let o = run_in(&dir, &["check", "."]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("factlint.toml:3:1: unknown field `rule`"), "{}", stderr(&o));
}

#[test]
fn baseline_keeps_old_findings_quiet_and_reports_new_ones() {
    let dir = scratch("baseline");
    std::fs::write(dir.join("a.md"), FLAGGED_FR).unwrap();
    std::fs::write(dir.join("b.md"), FLAGGED_EN).unwrap();
    let o = run_in(&dir, &["check", "--write-baseline", "factlint-baseline.json", "."]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("wrote 2 findings to the baseline factlint-baseline.json"), "{}", stderr(&o));
    let written = std::fs::read_to_string(dir.join("factlint-baseline.json")).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&written).unwrap();
    assert_eq!(doc["version"], 1);
    let entries = doc["findings"].as_array().unwrap();
    assert_eq!(entries.len(), 2);
    assert_eq!((entries[0]["path"].as_str(), entries[0]["text"].as_str()), (Some("a.md"), Some("312")));
    assert_eq!(entries[0]["rule"], "part-exceeds-whole");
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "the write is a rename: {leftovers:?}");

    // Unrelated edits above the finding: still baselined.
    let edited = FLAGGED_FR.replace("---\nLe parti", "---\n# Résultats\n\nUn paragraphe ajouté depuis.\n\nLe parti");
    std::fs::write(dir.join("a.md"), &edited).unwrap();
    let o = run_in(&dir, &["check", "--baseline", "factlint-baseline.json", "--format", "json", "."]);
    assert_eq!(o.status.code(), Some(0), "{}\n{}", stdout(&o), stderr(&o));
    assert_eq!(findings(&o), []);
    assert!(stderr(&o).contains("2 findings in the baseline factlint-baseline.json not shown"), "{}", stderr(&o));

    // A new finding is reported, the old ones are not.
    std::fs::write(dir.join("a.md"), format!("{edited}\nPlus loin, 25 des 20 députés ont voté.\n")).unwrap();
    let o = run_in(&dir, &["check", "--baseline", "factlint-baseline.json", "--format", "json", "."]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(findings(&o), [("a.md".to_string(), 11, "part-exceeds-whole".to_string())]);

    // The same write twice gives the same bytes (stable order), and a broken baseline exits 2.
    run_in(&dir, &["check", "--write-baseline", "again.json", "."]);
    let first = std::fs::read(dir.join("again.json")).unwrap();
    run_in(&dir, &["check", "--threads", "1", "--write-baseline", "again.json", "."]);
    assert_eq!(first, std::fs::read(dir.join("again.json")).unwrap());
    std::fs::write(dir.join("broken.json"), "{\"version\": 1,\n  \"findings\": [}\n").unwrap();
    let o = run_in(&dir, &["check", "--baseline", "broken.json", "."]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("broken.json:2:"), "{}", stderr(&o));
    let o = run_in(&dir, &["check", "--baseline", "a.json", "--write-baseline", "b.json", "."]);
    assert_eq!(o.status.code(), Some(2), "the two options exclude each other");
}

fn git(dir: &Path, args: &[&str]) {
    let o = Command::new("git")
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .args(["-c", "user.name=factlint", "-c", "user.email=factlint@example.invalid", "-c", "commit.gpgsign=false"])
        .args(args)
        .output()
        .expect("git runs");
    assert!(o.status.success(), "git {args:?}: {}", stderr(&o));
}

#[test]
fn diff_base_reports_only_changed_lines() {
    let dir = scratch("diff-base");
    git(&dir, &["init", "-q"]);
    std::fs::create_dir_all(dir.join("drafts")).unwrap();
    std::fs::write(dir.join("drafts/a.md"), FLAGGED_FR).unwrap();
    std::fs::write(dir.join("drafts/same.md"), FLAGGED_EN).unwrap();
    git(&dir, &["add", "."]);
    git(&dir, &["commit", "-q", "-m", "first"]);
    // A line added at the top (which moves the old finding), and a new finding at the end.
    let changed =
        FLAGGED_FR.replace("---\nLe parti", "---\nIntro.\n\nLe parti") + "\nPlus loin, 25 des 20 députés ont voté.\n";
    std::fs::write(dir.join("drafts/a.md"), changed).unwrap();
    std::fs::write(dir.join("drafts/untracked.md"), FLAGGED_EN).unwrap();
    std::fs::write(dir.join("drafts/staged.md"), FLAGGED_EN).unwrap();
    git(&dir, &["add", "drafts/staged.md"]);

    let o = run_in(&dir, &["check", "--diff-base", "HEAD", "--format", "json", "."]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(
        findings(&o),
        [
            ("drafts/a.md".to_string(), 9, "part-exceeds-whole".to_string()),
            ("drafts/staged.md".to_string(), 5, "part-exceeds-whole".to_string()),
            ("drafts/untracked.md".to_string(), 5, "part-exceeds-whole".to_string()),
        ]
    );
    assert!(stderr(&o).contains("2 findings on lines unchanged since HEAD not shown"), "{}", stderr(&o));
    // From a subfolder, with relative paths.
    let o = run_in(&dir.join("drafts"), &["check", "--diff-base", "HEAD", "--format", "json", "a.md", "same.md"]);
    assert_eq!(findings(&o), [("a.md".to_string(), 9, "part-exceeds-whole".to_string())], "{}", stderr(&o));
    // A commit later, nothing is new.
    git(&dir, &["add", "."]);
    git(&dir, &["commit", "-q", "-m", "second"]);
    let o = run_in(&dir, &["check", "--diff-base", "HEAD", "--format", "json", "."]);
    assert_eq!((o.status.code(), findings(&o)), (Some(0), vec![]), "{}", stderr(&o));
    let o = run_in(&dir, &["check", "--diff-base", "HEAD~1", "--format", "json", "."]);
    assert_eq!(findings(&o).len(), 3, "{}", stderr(&o));
    // A revision git does not know is a usage error.
    let o = run_in(&dir, &["check", "--diff-base", "no-such-branch", "."]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown git revision \"no-such-branch\""), "{}", stderr(&o));
}

#[test]
fn gitlab_code_quality_on_the_examples() {
    let o = run(&["check", "--format", "gitlab", "examples"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    snapshot("examples.gitlab", &stdout(&o));
    let issues = json(&o);
    let issues = issues.as_array().expect("a JSON array");
    let findings = json(&run(&["check", "--format", "json", "examples"]))["diagnostics"].as_array().unwrap().len();
    assert_eq!(issues.len(), findings);
    let mut fingerprints = std::collections::HashSet::new();
    for i in issues {
        // The fields GitLab requires (docs.gitlab.com, "Code Quality report format").
        assert!(i["description"].as_str().is_some_and(|s| !s.is_empty()), "{i}");
        assert!(i["check_name"].as_str().is_some_and(|s| !s.is_empty()), "{i}");
        assert!(fingerprints.insert(i["fingerprint"].as_str().expect("fingerprint").to_string()), "unique: {i}");
        assert!(["info", "minor", "major", "critical", "blocker"].contains(&i["severity"].as_str().unwrap()), "{i}");
        let path = i["location"]["path"].as_str().expect("location.path");
        assert!(root().join(path).is_file(), "a repository-relative path: {path}");
        assert!(i["location"]["lines"]["begin"].as_u64().is_some_and(|l| l >= 1), "{i}");
    }
}

/// Parses XML with Python's standard library and returns its testcase names and failure counts.
fn parse_junit(name: &str, xml: &str) -> String {
    let dir = scratch(&format!("junit-parse-{name}"));
    std::fs::write(dir.join("report.xml"), xml).unwrap();
    let script = "import sys, xml.etree.ElementTree as ET\n\
                  root = ET.parse(sys.argv[1]).getroot()\n\
                  for tc in root.iter('testcase'):\n    \
                  print(tc.get('name'), len(tc.findall('failure')), [f.get('type') for f in tc.findall('failure')])\n";
    let o = Command::new("python3").arg("-c").arg(script).arg(dir.join("report.xml")).output().expect("python3 runs");
    assert!(o.status.success(), "not well-formed XML: {}", stderr(&o));
    stdout(&o)
}

#[test]
fn junit_on_the_examples() {
    let o = run(&["check", "--format", "junit", "examples"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    snapshot("examples.junit", &stdout(&o));
    let parsed = parse_junit("examples", &stdout(&o));
    assert_eq!(parsed.lines().count(), 3, "one testcase per file: {parsed}");
    assert!(parsed.contains("examples/notes-en.txt 0 []"), "{parsed}");
}

#[test]
fn junit_escapes_what_drafts_and_paths_contain() {
    let dir = scratch("junit-escape");
    let name = "a<b>&\"c'.md";
    std::fs::write(dir.join(name), "---\nlang: en\n---\nThen 14 of the 12 \u{1}members <x>&amp;\u{b} signed.\n")
        .unwrap();
    let o = run_in(&dir, &["check", "--format", "junit", name]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let parsed = parse_junit("escape", &stdout(&o));
    assert_eq!(parsed.trim(), format!("{name} 1 ['part-exceeds-whole']"), "the name survives escaping");
}

/// Validates SARIF with Python's `jsonschema` against the vendored official schema. Returns the
/// validator's complaints. Without python3 and jsonschema this fails, unless FACTLINT_SKIP_SCHEMA=1.
fn sarif_errors(sarif: &str) -> Option<String> {
    let dir = scratch("sarif-schema");
    std::fs::write(dir.join("out.sarif"), sarif).unwrap();
    let script = "import json, sys\n\
                  import jsonschema\n\
                  schema = json.load(open(sys.argv[1]))\n\
                  doc = json.load(open(sys.argv[2]))\n\
                  v = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())\n\
                  errs = sorted(v.iter_errors(doc), key=lambda e: list(e.absolute_path))\n\
                  print('\\n'.join(f'{list(e.absolute_path)}: {e.message}' for e in errs))\n";
    let schema = root().join("tests/fixtures/workflow/sarif-schema-2.1.0.json");
    let o = Command::new("python3").arg("-c").arg(script).arg(&schema).arg(dir.join("out.sarif")).output();
    match o {
        Ok(o) if o.status.success() => Some(stdout(&o)),
        other => {
            let why = match other {
                Ok(o) => stderr(&o),
                Err(e) => e.to_string(),
            };
            if std::env::var("FACTLINT_SKIP_SCHEMA").as_deref() == Ok("1") {
                eprintln!("SKIPPED: SARIF schema validation needs python3 with jsonschema ({why})");
                return None;
            }
            panic!(
                "SARIF schema validation needs python3 with jsonschema (pip install jsonschema; .ci/run does): {why}\n\
                 set FACTLINT_SKIP_SCHEMA=1 to skip"
            );
        }
    }
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let o = run(&["check", "--format", "sarif", "examples", "tests/fixtures/workflow/suppressions.en.md"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let sarif = stdout(&o);
    let doc: serde_json::Value = serde_json::from_str(&sarif).unwrap();
    let results = doc["runs"][0]["results"].as_array().unwrap();
    let first = &results[0];
    assert_eq!(first["relatedLocations"][0]["id"], 0);
    assert!(first["relatedLocations"][0]["message"]["text"].as_str().is_some_and(|m| !m.is_empty()), "{first}");
    assert!(first["partialFingerprints"]["factlint/v1"].as_str().is_some_and(|f| f.len() == 16), "{first}");
    let rules = doc["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
    for r in results {
        assert!(rules.iter().any(|d| d["id"] == r["ruleId"]), "every result has its descriptor: {r}");
    }
    let Some(errors) = sarif_errors(&sarif) else { return };
    assert_eq!(errors.trim(), "", "the SARIF does not match the schema");
    // The validator does catch a broken document.
    let broken = sarif.replacen("\"level\": \"error\"", "\"level\": \"fatal\"", 1);
    let errors = sarif_errors(&broken).unwrap_or_default();
    assert!(errors.contains("'fatal' is not one of"), "{errors}");
}

#[test]
fn no_progress_bar_when_piped_or_in_ci() {
    let dir = scratch("progress");
    for i in 0..25 {
        std::fs::write(dir.join(format!("d{i:02}.md")), FLAGGED_EN).unwrap();
    }
    let o = bin().current_dir(&dir).env_remove("CI").args(["check", "--format", "json", "."]).output().unwrap();
    assert_eq!(stderr(&o), "", "stderr is a pipe here");
    // On a terminal (a pseudo-terminal from script(1)) the bar shows, and is erased at the end.
    let Ok(script) = which("script") else { return };
    let cmd = format!("{} check --format json . >/dev/null", env!("CARGO_BIN_EXE_factlint"));
    let o = Command::new(&script)
        .current_dir(&dir)
        .env_remove("CI")
        .env("TERM", "xterm")
        .args(["-qec", &cmd, "/dev/null"])
        .output()
        .unwrap();
    let shown = stdout(&o);
    // Some "k/25 files" state is drawn (which one depends on thread timing), then erased.
    assert!(shown.contains("/25 files") && shown.contains("\x1b[2K"), "{shown:?}");
    let o = Command::new(&script)
        .current_dir(&dir)
        .env("CI", "true")
        .env("TERM", "xterm")
        .args(["-qec", &cmd, "/dev/null"])
        .output()
        .unwrap();
    assert!(!stdout(&o).contains("files"), "no bar in CI: {:?}", stdout(&o));
}

fn which(name: &str) -> Result<PathBuf, ()> {
    let path = std::env::var_os("PATH").ok_or(())?;
    std::env::split_paths(&path).map(|d| d.join(name)).find(|p| p.is_file()).ok_or(())
}

/// The `--flags` of a command line, as written in an integration file.
fn flags_in(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines().filter(|l| l.contains("factlint check")) {
        for word in line.split(|c: char| c.is_whitespace() || c == '"' || c == '\'' || c == '=') {
            if word.starts_with("--") && word.len() > 2 && word[2..].chars().all(|c| c.is_ascii_lowercase() || c == '-')
            {
                out.push(word.to_string());
            }
        }
    }
    out
}

#[test]
fn integration_files_are_well_formed_and_use_real_flags() {
    let help = stdout(&run(&["check", "--help"]));
    let action = std::fs::read_to_string(root().join("action.yml")).expect("action.yml at the repository root");
    for needle in [
        "name:",
        "description:",
        "inputs:\n",
        "  paths:\n",
        "  fail-on:\n",
        "  format:\n",
        "runs:\n  using: composite\n",
        "cargo install --locked --path",
        "github/codeql-action/upload-sarif@",
        "${{ github.action_path }}",
    ] {
        assert!(action.contains(needle), "action.yml lacks {needle:?}");
    }
    assert!(!action.contains('\t'), "YAML forbids tabs in indentation");
    let hooks = std::fs::read_to_string(root().join(".pre-commit-hooks.yaml")).expect(".pre-commit-hooks.yaml");
    for needle in [
        "- id: factlint\n",
        "  entry: factlint check\n",
        "  language: rust\n",
        "  types_or: [markdown, html, plain-text]\n",
    ] {
        assert!(hooks.contains(needle), ".pre-commit-hooks.yaml lacks {needle:?}");
    }
    let docs = std::fs::read_to_string(root().join("docs/integrations.md")).expect("docs/integrations.md");
    assert!(docs.contains("codequality:"), "the GitLab CI snippet names the report");
    let mut seen = 0;
    for text in [&action, &hooks, &docs] {
        for flag in flags_in(text) {
            assert!(
                help.contains(&format!("{flag} ")) || help.contains(&format!("{flag}\n")),
                "{flag} is not a flag of check"
            );
            seen += 1;
        }
    }
    assert!(seen >= 6, "the snippets name flags ({seen})");
}
