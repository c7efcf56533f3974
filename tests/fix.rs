//! `check --fix` and `check --diff`: what is written, what is printed, and what is never
//! clobbered (read-only files, files changed on disk, stdin).

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const FIXTURE: &str = "tests/fixtures/fix/misspelled.en.md";

/// A fresh folder holding a copy of the fixture as `draft.md`.
fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("factlint-fix-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE), dir.join("draft.md")).unwrap();
    dir
}

fn factlint(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

fn snapshot(name: &str, value: &str) {
    insta::with_settings!({snapshot_path => "../snapshots/fix", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!(name, value);
    });
}

#[test]
fn diff_prints_the_fixes_and_writes_nothing() {
    let dir = scratch("diff");
    let before = std::fs::read(dir.join("draft.md")).unwrap();
    let out = factlint(&dir, &["check", "--diff", "draft.md"]);
    assert_eq!(out.status.code(), Some(1), "exit code as for check: warnings found");
    assert_eq!(std::fs::read(dir.join("draft.md")).unwrap(), before, "--diff writes nothing");
    snapshot("diff", &text(&out.stdout));
}

#[test]
fn fix_writes_in_place_and_reports_what_remains() {
    let dir = scratch("fix");
    let out = factlint(&dir, &["check", "--fix", "draft.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "factlint: draft.md: fixed 3 findings\n");
    snapshot("fix_report", &text(&out.stdout));
    let fixed = std::fs::read_to_string(dir.join("draft.md")).unwrap();
    snapshot("fixed_draft", &fixed);
    // Idempotence: a second run finds nothing to fix and changes nothing.
    let again = factlint(&dir, &["check", "--fix", "draft.md"]);
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(text(&again.stderr), "");
    assert_eq!(std::fs::read_to_string(dir.join("draft.md")).unwrap(), fixed);
    let leftovers: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(leftovers, ["draft.md"], "no temporary file left behind");
}

#[cfg(unix)]
#[test]
fn fix_keeps_the_file_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("mode");
    let path = dir.join("draft.md");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    assert_eq!(factlint(&dir, &["check", "--fix", "draft.md"]).status.code(), Some(0));
    assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o640);
}

#[test]
fn fix_leaves_a_read_only_file_untouched() {
    let dir = scratch("readonly");
    let path = dir.join("draft.md");
    let before = std::fs::read(&path).unwrap();
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).unwrap();
    let out = factlint(&dir, &["check", "--fix", "draft.md"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("draft.md") && stderr.contains("read-only"), "{stderr}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert!(text(&out.stdout).contains("Dolnald"), "the report still shows the findings");
}

#[test]
fn write_back_refuses_a_file_changed_on_disk() {
    let dir = scratch("changed");
    let path = dir.join("draft.md");
    let read = std::fs::read_to_string(&path).unwrap();
    // Someone saves the file after factlint read it.
    std::fs::write(&path, "An editor's newer text.\n").unwrap();
    let e = factlint::fix::write_back(&path, &read, "fixed text").unwrap_err();
    assert!(e.to_string().contains("draft.md") && e.to_string().contains("changed"), "{e}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "An editor's newer text.\n");
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1, "no temporary file left behind");
    // Unchanged, it is written.
    std::fs::write(&path, &read).unwrap();
    factlint::fix::write_back(&path, &read, "fixed text").unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "fixed text");
}

#[test]
fn fix_refuses_stdin() {
    let dir = scratch("stdin");
    let out = factlint(&dir, &["check", "--fix", "-"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--diff"), "{}", text(&out.stderr));
    let out = factlint(&dir, &["check", "--diff", "-"]);
    assert_eq!(out.status.code(), Some(0), "stdin can be diffed");
}
