//! Baselines: a JSON file of the findings a repository already has, so that CI reports only new
//! ones. A finding is known by a fingerprint of its path, rule and the normalized text of its spans
//! plus an occurrence index, never by line or offset, so edits above it do not make it new.

use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::report::FileReport;
use crate::span::LineIndex;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::Path;

/// The version of the file format; a file of another version is refused, not guessed at.
const VERSION: u32 = 1;

/// FNV-1a, 64 bits: stable across Rust releases and platforms, unlike `DefaultHasher`.
fn fnv1a(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.iter().chain(&[0xff]) {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// Whitespace runs as one space, trimmed: a reflowed paragraph keeps its fingerprints.
fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text a fingerprint is made of, before the occurrence index: rule, path, spans' text.
fn key(file: &FileReport, d: &Diagnostic) -> String {
    let mut key = format!("{}\u{0}{}\u{0}{}", file.path, d.rule, normalize(file.text(d.span)));
    for r in &d.related {
        key.push('\u{0}');
        key.push_str(&normalize(file.text(r.span)));
    }
    key
}

/// One fingerprint per finding of `file`, in order: 16 hex digits. Two findings with the same
/// rule and texts in one file are told apart by their rank among such findings.
pub fn fingerprints(file: &FileReport) -> Vec<String> {
    let mut seen: HashMap<String, u64> = HashMap::new();
    file.diagnostics
        .iter()
        .map(|d| {
            let key = key(file, d);
            let n = seen.entry(key.clone()).or_insert(0);
            let fp = fnv1a(&[key.as_bytes(), &n.to_le_bytes()]);
            *n += 1;
            format!("{fp:016x}")
        })
        .collect()
}

/// One recorded finding. `text` is there for people reading the file, `fingerprint` for matching.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub path: String,
    pub rule: String,
    pub text: String,
    pub fingerprint: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineFile {
    version: u32,
    findings: Vec<Entry>,
}

/// The findings of a baseline, ready to match.
#[derive(Debug, Default)]
pub struct Baseline {
    known: HashSet<(String, String)>,
}

impl Baseline {
    /// Reads a baseline file; a malformed one is a configuration error with line and column.
    pub fn load(path: &Path) -> Result<Baseline, Error> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Read { path: path.to_path_buf(), source })?;
        Baseline::parse(path, &text)
    }

    pub fn parse(path: &Path, text: &str) -> Result<Baseline, Error> {
        let file: BaselineFile = serde_json::from_str(text).map_err(|e| Error::Config {
            path: path.to_path_buf(),
            line: e.line(),
            column: e.column(),
            message: format!("not a factlint baseline: {e}"),
        })?;
        if file.version != VERSION {
            return Err(Error::Config {
                path: path.to_path_buf(),
                line: 0,
                column: 0,
                message: format!("baseline version {} is not supported (expected {VERSION})", file.version),
            });
        }
        Ok(Baseline { known: file.findings.into_iter().map(|e| (e.path, e.fingerprint)).collect() })
    }

    pub fn contains(&self, path: &str, fingerprint: &str) -> bool {
        self.known.contains(&(path.to_string(), fingerprint.to_string()))
    }
}

/// The entries of a run, in a stable order (path, rule, text, fingerprint) that edits do not shuffle.
pub fn entries(files: &[FileReport]) -> Vec<Entry> {
    let mut out: Vec<Entry> = files
        .iter()
        .flat_map(|f| {
            fingerprints(f).into_iter().zip(&f.diagnostics).map(move |(fingerprint, d)| Entry {
                path: f.path.clone(),
                rule: d.rule.to_string(),
                text: normalize(f.text(d.span)),
                fingerprint,
            })
        })
        .collect();
    out.sort();
    out
}

/// Writes `entries` to `path` atomically: a temporary file beside it, then a rename.
pub fn write(path: &Path, entries: Vec<Entry>) -> Result<(), Error> {
    let werr = |source| Error::Write { path: path.to_path_buf(), source };
    let mut json = serde_json::to_vec_pretty(&BaselineFile { version: VERSION, findings: entries })
        .map_err(|e| werr(std::io::Error::other(e)))?;
    json.push(b'\n');
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = std::fs::File::create(&tmp)
        .and_then(|mut f| f.write_all(&json).and_then(|_| f.sync_all()))
        .and_then(|_| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(werr)
}

/// Line of each finding, 1-based (for `--diff-base`).
pub fn lines(file: &FileReport) -> Vec<usize> {
    let index = LineIndex::new(&file.src);
    file.diagnostics.iter().map(|d| index.position(&file.src, d.span.start).line).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;
    use crate::span::Span;

    fn file(src: &str, needles: &[&str]) -> FileReport {
        let ds = needles
            .iter()
            .map(|n| {
                let at = src.find(n).unwrap();
                Diagnostic::new("part-exceeds-whole", Severity::Error, Span::new(at, at + n.len()), "m".into())
            })
            .collect();
        FileReport::new("a.md".into(), src.into(), ds)
    }

    #[test]
    fn fingerprints_survive_edits_above_and_reflowing() {
        let before = fingerprints(&file("Intro.\n\nA 301 B.\n", &["301"]));
        let after = fingerprints(&file("Intro.\n\nA new paragraph.\n\nA 301 B.\n", &["301"]));
        assert_eq!(before, after);
        assert_eq!(before[0].len(), 16);
        let other = fingerprints(&file("A 302 B.\n", &["302"]));
        assert_ne!(before, other);
    }

    #[test]
    fn fingerprints_tell_repeated_findings_apart() {
        let src = "301 then 301 again";
        let at2 = src.rfind("301").unwrap();
        let ds = vec![
            Diagnostic::new("part-exceeds-whole", Severity::Error, Span::new(0, 3), "m".into()),
            Diagnostic::new("part-exceeds-whole", Severity::Error, Span::new(at2, at2 + 3), "m".into()),
        ];
        let fps = fingerprints(&FileReport::new("a.md".into(), src.into(), ds));
        assert_ne!(fps[0], fps[1]);
        assert_eq!(normalize("  a \n\t b "), "a b");
    }

    #[test]
    fn reads_and_refuses_baseline_files() {
        let b = Baseline::parse(
            Path::new("b.json"),
            r#"{"version": 1, "findings": [{"path": "a.md", "rule": "r", "text": "3", "fingerprint": "00ff"}]}"#,
        )
        .unwrap();
        assert!(b.contains("a.md", "00ff"));
        assert!(!b.contains("b.md", "00ff"));
        let e = Baseline::parse(Path::new("b.json"), "{\"version\": 1,\n \"finding\": []}").unwrap_err();
        assert!(e.to_string().starts_with("b.json:2:"), "{e}");
        let e = Baseline::parse(Path::new("b.json"), r#"{"version": 7, "findings": []}"#).unwrap_err();
        assert!(e.to_string().contains("version 7"), "{e}");
    }
}
