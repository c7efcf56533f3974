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

/// The fixture's body repeated until the draft is about `bytes` long: a few hundred fixable names.
fn big_draft(bytes: usize) -> String {
    let fixture = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE)).unwrap();
    let body_at = fixture.rfind("---\n").unwrap() + 4;
    let (front, body) = fixture.split_at(body_at);
    let mut draft = front.to_string();
    while draft.len() < bytes {
        draft.push_str(body);
        draft.push('\n');
    }
    draft
}

/// Temporary files factlint left in `dir` (`.NAME.factlint-PID-N.tmp`), removed.
fn sweep_temps(dir: &Path) -> usize {
    let mut n = 0;
    for e in std::fs::read_dir(dir).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().into_owned();
        if name != "draft.md" {
            assert!(name.starts_with(".draft.md.factlint-") && name.ends_with(".tmp"), "unexpected file {name}");
            std::fs::remove_file(dir.join(&name)).unwrap();
            n += 1;
        }
    }
    n
}

#[cfg(unix)]
#[test]
fn fix_killed_at_any_point_leaves_the_original_or_the_fixed_text() {
    use std::time::{Duration, Instant};
    let dir = scratch("killed");
    let path = dir.join("draft.md");
    let original = big_draft(150_000);
    std::fs::write(&path, &original).unwrap();
    let out = factlint(&dir, &["check", "--fix", "--format", "json", "draft.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let fixed = std::fs::read_to_string(&path).unwrap();
    assert!(fixed.len() + 100 < original.len() && !fixed.contains("Dolnald"), "a run that is not killed fixes it all");

    let spawn = || {
        std::fs::write(&path, &original).unwrap();
        Command::new(env!("CARGO_BIN_EXE_factlint"))
            .args(["check", "--fix", "--format", "json", "draft.md"])
            .current_dir(&dir)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };
    let whole = |when: &str| {
        let now = std::fs::read(&path).unwrap();
        assert!(
            now == original.as_bytes() || now == fixed.as_bytes(),
            "killed {when}: draft.md is {} bytes, neither the original ({}) nor the fixed text ({})",
            now.len(),
            original.len(),
            fixed.len()
        );
    };
    // SIGKILL after a range of delays: while reading, checking, fixing, writing, or after the end.
    for ms in [0, 2, 5, 10, 20, 40, 80, 160, 320, 640] {
        let mut child = spawn();
        std::thread::sleep(Duration::from_millis(ms));
        child.kill().unwrap();
        child.wait().unwrap();
        whole(&format!("after {ms} ms"));
        sweep_temps(&dir);
    }
    // SIGKILL the moment the temporary file appears: the write itself is cut short.
    let mut hits = 0;
    for _ in 0..20 {
        let mut child = spawn();
        let start = Instant::now();
        loop {
            let temp = std::fs::read_dir(&dir).unwrap().any(|e| e.unwrap().file_name() != "draft.md");
            if temp || child.try_wait().unwrap().is_some() || start.elapsed() > Duration::from_secs(60) {
                child.kill().unwrap_or(());
                child.wait().unwrap();
                hits += usize::from(temp);
                break;
            }
        }
        whole("while the temporary file existed");
        sweep_temps(&dir);
        if hits >= 3 {
            break;
        }
    }
    assert!(hits > 0, "no kill landed while the temporary file existed");
    // A stale temporary file from a killed run does not stop the next run.
    std::fs::write(&path, &original).unwrap();
    std::fs::write(dir.join(".draft.md.factlint-1-0.tmp"), "half a fi").unwrap();
    assert_eq!(factlint(&dir, &["check", "--fix", "--format", "json", "draft.md"]).status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), fixed);
    assert_eq!(sweep_temps(&dir), 1, "the stale file is the user's to remove; no new one is left");
}

/// `sh -c` with a file size limit of `blocks` (512-byte units): writing past it fails with
/// EFBIG, as on a full disk. SIGXFSZ is ignored so that the write returns an error instead.
#[cfg(unix)]
fn factlint_with_file_limit(dir: &Path, blocks: usize, args: &str) -> Output {
    let script = format!("trap '' XFSZ; ulimit -f {blocks} && exec \"$0\" {args}");
    Command::new("sh")
        .args(["-c", &script, env!("CARGO_BIN_EXE_factlint")])
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

#[cfg(unix)]
#[test]
fn fix_leaves_the_file_whole_when_the_write_fails() {
    let dir = scratch("disk-full");
    let path = dir.join("draft.md");
    let original = big_draft(200_000);
    std::fs::write(&path, &original).unwrap();
    // 100 blocks = 51,200 bytes: the temporary file cannot hold the fixed draft.
    let out = factlint_with_file_limit(&dir, 100, "check --fix draft.md");
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("draft.md: cannot write:") && stderr.contains("file unchanged"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), original, "the draft is untouched");
    assert_eq!(sweep_temps(&dir), 0, "the temporary file is removed after a failed write");
    assert!(text(&out.stdout).contains("Dolnald"), "the report still shows the findings");
}

#[cfg(unix)]
#[test]
fn fix_leaves_the_file_whole_when_the_rename_fails() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("rename-fails");
    let sub = dir.join("drafts");
    std::fs::create_dir(&sub).unwrap();
    let path = sub.join("draft.md");
    let original = big_draft(2_000);
    std::fs::write(&path, &original).unwrap();
    // A folder where nothing may be created or replaced. Root ignores permission bits, so it
    // gets an append-only folder instead (chattr +a): the temporary file is created, the rename
    // over the draft is refused (EPERM), and the file system then forbids removing the temporary file.
    std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o555)).unwrap();
    let probe = sub.join("probe");
    let privileged = std::fs::write(&probe, "").is_ok();
    let _ = std::fs::remove_file(&probe);
    if privileged {
        std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o755)).unwrap();
        let locked = Command::new("chattr").args(["+a"]).arg(&sub).status().map(|s| s.success()).unwrap_or(false);
        if !locked {
            eprintln!("skipped: running as root without chattr +a, a folder cannot refuse writes");
            return;
        }
    }
    let out = factlint(&dir, &["check", "--fix", "drafts/draft.md"]);
    if privileged {
        let _ = Command::new("chattr").args(["-a"]).arg(&sub).status();
    }
    std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("drafts/draft.md: cannot write:") && stderr.contains("file unchanged"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), original, "the draft is untouched");
    if !privileged {
        assert_eq!(std::fs::read_dir(&sub).unwrap().count(), 1, "no temporary file left behind");
    }
}
