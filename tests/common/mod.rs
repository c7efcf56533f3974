//! What the binary's integration tests share: running factlint as a user does, reading its
//! output, scratch folders. Each test crate uses part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The binary under test, without colour whatever the environment says.
pub fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_factlint"));
    c.env_remove("NO_COLOR").env("CARGO_TERM_COLOR", "never");
    c
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    bin().current_dir(dir).args(args).output().expect("factlint runs")
}

/// Runs factlint from the repository root.
pub fn run(args: &[&str]) -> Output {
    run_in(&root(), args)
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The run's stdout as JSON, or a panic that shows both outputs.
pub fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}\n{}", stdout(o), stderr(o)))
}

/// A scratch folder `target/test-scratch/<name>` (no temp-dir crate needed), emptied first.
pub fn scratch(name: &str) -> PathBuf {
    let dir = root().join("target").join("test-scratch").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// A French draft with one finding (part-exceeds-whole on line 5).
pub const FLAGGED_FR: &str =
    "---\ndate: 2024-11-12\nlang: fr\n---\nLe parti a obtenu 312 sièges sur les 300 à pourvoir.\n";
