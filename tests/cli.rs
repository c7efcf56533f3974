//! The binary as a user runs it: every output format on examples/, exit codes, stdin, folders,
//! .gitignore, configuration errors, unreadable and non-UTF-8 files, `rules`, `explain`, `init`.

mod common;

use common::{bin, root, run, run_in, scratch, stderr, stdout, FLAGGED_FR};
use std::process::{Output, Stdio};

fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = bin()
        .current_dir(root())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("factlint runs");
    child.stdin.take().expect("stdin").write_all(input).expect("write stdin");
    child.wait_with_output().expect("factlint ends")
}

fn snapshot(name: &str, value: &str) {
    insta::with_settings!({snapshot_path => "../snapshots/cli", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!(name, value);
    });
}

const CLEAN_EN: &str =
    "---\ndate: 2024-11-12\nlang: en\n---\nTwo of the three members present agreed; 7 of the 9 judges concurred.\n";

#[test]
fn every_format_on_the_examples() {
    for format in ["human", "json", "sarif", "github", "markdown"] {
        let o = run(&["check", "--format", format, "examples"]);
        assert_eq!(o.status.code(), Some(1), "{format}: {}", stderr(&o));
        assert!(stderr(&o).is_empty(), "{format}: {}", stderr(&o));
        snapshot(&format!("examples.{format}"), &stdout(&o));
    }
}

#[test]
fn json_contract_holds_on_the_examples() {
    let o = run(&["check", "--format", "json", "examples"]);
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["summary"]["files"], 3);
    let ds = doc["diagnostics"].as_array().expect("diagnostics");
    assert!(!ds.is_empty());
    for d in ds {
        let path = d["path"].as_str().expect("path");
        let src = std::fs::read_to_string(root().join(path)).expect("example");
        let (s, e) = (d["start"]["offset"].as_u64().unwrap() as usize, d["end"]["offset"].as_u64().unwrap() as usize);
        assert!(s < e && e <= src.len(), "{d}");
        let line = src[..s].matches('\n').count() + 1;
        assert_eq!(d["start"]["line"], line, "{d}");
        let col = src[..s].rsplit('\n').next().unwrap().chars().count() + 1;
        assert_eq!(d["start"]["column"], col, "{d}");
        for key in ["rule", "severity", "message", "related", "fixes"] {
            assert!(d.get(key).is_some(), "{key} missing in {d}");
        }
    }
    // Deterministic order: path, then offset.
    let keys: Vec<(String, u64)> =
        ds.iter().map(|d| (d["path"].as_str().unwrap().to_string(), d["start"]["offset"].as_u64().unwrap())).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

#[test]
fn same_output_whatever_the_thread_count() {
    let one = run(&["check", "--format", "json", "--threads", "1", "examples"]);
    let two = run(&["check", "--format", "json", "--threads", "2", "examples"]);
    assert_eq!(one.stdout, two.stdout);
}

#[test]
fn sarif_has_what_code_scanning_needs() {
    let o = run(&["check", "--format", "sarif", "examples"]);
    let s: serde_json::Value = serde_json::from_slice(&o.stdout).expect("sarif json");
    assert_eq!(s["version"], "2.1.0");
    let run0 = &s["runs"][0];
    assert_eq!(run0["columnKind"], "unicodeCodePoints");
    let rules = run0["tool"]["driver"]["rules"].as_array().expect("rules");
    assert_eq!(rules.len(), factlint::rules::RULES.len());
    for r in run0["results"].as_array().expect("results") {
        assert!(rules.iter().any(|d| d["id"] == r["ruleId"]), "{r}");
        let region = &r["locations"][0]["physicalLocation"]["region"];
        assert!(region["startLine"].as_u64().unwrap() >= 1);
        assert!(["error", "warning", "note"].contains(&r["level"].as_str().unwrap()));
    }
}

#[test]
fn exit_codes_follow_fail_on() {
    let dir = scratch("exit-codes");
    std::fs::write(dir.join("flagged.md"), FLAGGED_FR).unwrap();
    std::fs::write(dir.join("clean.md"), CLEAN_EN).unwrap();
    assert_eq!(run_in(&dir, &["check", "flagged.md"]).status.code(), Some(1));
    assert_eq!(run_in(&dir, &["check", "clean.md"]).status.code(), Some(0));
    assert_eq!(run_in(&dir, &["check", "--fail-on", "never", "flagged.md"]).status.code(), Some(0));
    assert_eq!(run_in(&dir, &["check", "--fail-on", "error", "flagged.md"]).status.code(), Some(1));
    assert_eq!(run_in(&dir, &["check", "--fail-on", "info", "clean.md"]).status.code(), Some(0));
    let o = run_in(&dir, &["check", "missing.md"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("missing.md"), "{}", stderr(&o));
    let o = run_in(&dir, &["check", "--format", "yaml", "clean.md"]);
    assert_eq!(o.status.code(), Some(2), "usage errors exit 2");
}

#[test]
fn reads_stdin() {
    let o = run_stdin(&["check", "--format", "json", "-"], FLAGGED_FR.as_bytes());
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["diagnostics"][0]["path"], "<stdin>");
    assert_eq!(doc["diagnostics"][0]["rule"], "part-exceeds-whole");
    let o = run_stdin(&["check", "--stdin-filename", "drafts/a.md", "-"], FLAGGED_FR.as_bytes());
    assert!(stdout(&o).starts_with("drafts/a.md:5:"), "{}", stdout(&o));
}

#[test]
fn walks_folders_and_honours_gitignore() {
    let dir = scratch("walk");
    std::fs::create_dir_all(dir.join("drafts/old")).unwrap();
    std::fs::write(dir.join(".gitignore"), "old/\n").unwrap();
    std::fs::write(dir.join("drafts/a.md"), FLAGGED_FR).unwrap();
    std::fs::write(dir.join("drafts/b.txt"), CLEAN_EN).unwrap();
    std::fs::write(dir.join("drafts/old/c.md"), FLAGGED_FR).unwrap();
    std::fs::write(dir.join("drafts/image.png"), [0x89, b'P', b'N', b'G', 0, 0, 0, 1]).unwrap();
    std::fs::write(dir.join("drafts/data.md"), [b'a', 0, b'b']).unwrap();
    let o = run_in(&dir, &["check", "--format", "json", "."]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["summary"]["files"], 2, "a.md and b.txt; not old/ (ignored), not binary files");
    let paths: Vec<&str> = doc["diagnostics"].as_array().unwrap().iter().map(|d| d["path"].as_str().unwrap()).collect();
    assert_eq!(paths, ["drafts/a.md"]);
}

#[test]
fn a_bad_file_is_reported_and_the_others_checked() {
    let dir = scratch("bad-files");
    std::fs::write(dir.join("latin1.txt"), b"Le 12 f\xe9vrier 2022, 295 sur 270.").unwrap();
    std::fs::write(dir.join("flagged.md"), FLAGGED_FR).unwrap();
    std::fs::write(dir.join("binary.md"), [b'x', 0, 0, b'y']).unwrap();
    let o = run_in(&dir, &["check", "--format", "json", "latin1.txt", "binary.md", "flagged.md"]);
    assert_eq!(o.status.code(), Some(2), "an input error wins over findings");
    let err = stderr(&o);
    assert!(err.contains("latin1.txt: not UTF-8 at byte 7"), "{err}");
    assert!(err.contains("binary.md: binary file"), "{err}");
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["diagnostics"][0]["path"], "flagged.md");
    // UTF-16 with a BOM is decoded.
    let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain(FLAGGED_FR.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    std::fs::write(dir.join("utf16.md"), utf16).unwrap();
    let o = run_in(&dir, &["check", "utf16.md"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("unreadable");
    let f = dir.join("secret.md");
    std::fs::write(&f, FLAGGED_FR).unwrap();
    std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o000)).unwrap();
    // As root, permissions do not stop reads: a dangling link is unreadable for everyone.
    std::os::unix::fs::symlink(dir.join("gone.md"), dir.join("dangling.md")).unwrap();
    let target = if std::fs::read(&f).is_ok() { "dangling.md" } else { "secret.md" };
    std::fs::write(dir.join("ok.md"), FLAGGED_FR).unwrap();
    let o = run_in(&dir, &["check", target, "ok.md"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains(&format!("{target}: cannot read")), "{}", stderr(&o));
    assert!(stdout(&o).contains("ok.md:5:"), "the other file is still checked: {}", stdout(&o));
}

#[test]
fn config_errors_name_file_line_and_column() {
    let dir = scratch("config-errors");
    std::fs::write(dir.join("a.md"), CLEAN_EN).unwrap();
    let cases = [
        ("lang = \"fr\"\nlanguage = \"en\"\n", "factlint.toml:2:1: unknown field `language`"),
        (
            "[rules]\nweekday-mismatc = \"off\"\n",
            "factlint.toml:2:1: unknown rule \"weekday-mismatc\"; did you mean \"weekday-mismatch\"?",
        ),
        ("pub_date = \"2024-02-30\"\n", "factlint.toml:1:12: invalid date \"2024-02-30\""),
        ("[rules\n", "factlint.toml:1:7:"),
    ];
    for (text, want) in cases {
        std::fs::write(dir.join("factlint.toml"), text).unwrap();
        let o = run_in(&dir, &["check", "a.md"]);
        assert_eq!(o.status.code(), Some(2), "{text}");
        assert!(stderr(&o).contains(want), "{text}: {}", stderr(&o));
    }
    std::fs::remove_file(dir.join("factlint.toml")).unwrap();
    std::fs::create_dir(dir.join("conf.toml")).unwrap();
    let o = run_in(&dir, &["check", "--config", "conf.toml", "a.md"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("conf.toml: is a directory"), "{}", stderr(&o));
}

#[test]
fn config_switches_rules_off_and_changes_severity() {
    let dir = scratch("config-rules");
    std::fs::write(dir.join("a.md"), FLAGGED_FR).unwrap();
    std::fs::write(dir.join("factlint.toml"), "[rules]\npart-exceeds-whole = \"off\"\n").unwrap();
    assert_eq!(run_in(&dir, &["check", "a.md"]).status.code(), Some(0));
    std::fs::write(dir.join("factlint.toml"), "[rules]\npart-exceeds-whole = \"info\"\n").unwrap();
    let o = run_in(&dir, &["check", "--format", "json", "a.md"]);
    assert_eq!(o.status.code(), Some(0), "info is below the default --fail-on warning");
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["diagnostics"][0]["severity"], "info");
    // Discovered from the file's folder upward.
    std::fs::create_dir_all(dir.join("sub/deeper")).unwrap();
    std::fs::write(dir.join("sub/deeper/b.md"), FLAGGED_FR).unwrap();
    assert_eq!(run_in(&dir, &["check", "sub/deeper/b.md"]).status.code(), Some(0));
    // Excluded by glob when walking.
    std::fs::write(dir.join("factlint.toml"), "exclude = [\"sub/**\"]\n").unwrap();
    let o = run_in(&dir, &["check", "--format", "json", "."]);
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["summary"]["files"], 1);
}

#[test]
fn jsonl_batch_mode() {
    let input = concat!(
        r#"{"id": "a", "text": "Il a obtenu 295 voix sur les 270 exprimées.", "lang": "fr"}"#,
        "\n",
        r#"{"id": 2, "text": "Two of the three members agreed.", "lang": "en", "pub_date": "2024-11-12"}"#,
        "\n",
        "not json\n",
    );
    let o = run_stdin(&["check", "--jsonl"], input.as_bytes());
    assert_eq!(o.status.code(), Some(2), "a bad line is an input error");
    let lines: Vec<serde_json::Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 3, "one line out per line in");
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["diagnostics"][0]["rule"], "part-exceeds-whole");
    assert_eq!(lines[1]["id"], 2);
    assert_eq!(lines[1]["diagnostics"], serde_json::json!([]));
    assert!(lines[2]["error"].as_str().unwrap().contains("invalid input line"));
    let o = run_stdin(&["extract", "--jsonl"], input.lines().next().unwrap().as_bytes());
    let line: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(line["id"], "a");
    assert!(line["claims"].as_array().unwrap().iter().any(|c| c["value"] == 295));
}

#[test]
fn human_output_has_no_colour_when_piped_unless_asked() {
    let o = run(&["check", "examples/election-fr.md"]);
    assert!(!stdout(&o).contains('\x1b'));
    let o = run(&["check", "--color", "always", "examples/election-fr.md"]);
    assert!(stdout(&o).contains("\x1b["));
}

#[test]
fn rules_explain_init() {
    let o = run(&["rules"]);
    assert_eq!(o.status.code(), Some(0));
    for r in factlint::rules::RULES {
        assert!(stdout(&o).contains(r.meta().id));
    }
    let o = run(&["explain", "part-exceeds-whole"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("## Leaves alone"), "{}", stdout(&o));
    let o = run(&["explain", "part-exceeds-hole"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("did you mean \"part-exceeds-whole\""), "{}", stderr(&o));

    let dir = scratch("init");
    let o = run_in(&dir, &["init"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let written = std::fs::read_to_string(dir.join("factlint.toml")).unwrap();
    assert_eq!(written, factlint::config::INIT_TEMPLATE);
    std::fs::write(dir.join("factlint.toml"), "# mine\n").unwrap();
    let o = run_in(&dir, &["init"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("already exists"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(dir.join("factlint.toml")).unwrap(), "# mine\n", "never overwritten");
}

#[test]
fn extract_prints_claims_with_offsets() {
    let o = run(&["extract", "examples/election-fr.md"]);
    assert_eq!(o.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["version"], 1);
    let file = &doc["files"][0];
    assert_eq!(file["lang"], "fr");
    assert_eq!(file["pub_date"], "2024-11-20");
    let src = std::fs::read_to_string(root().join("examples/election-fr.md")).unwrap();
    for c in file["claims"].as_array().unwrap() {
        let (s, e) = (c["start"].as_u64().unwrap() as usize, c["end"].as_u64().unwrap() as usize);
        assert_eq!(c["text"].as_str().unwrap(), &src[s..e]);
    }
}
