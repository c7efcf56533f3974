//! `--diff-base REF`: the lines added or changed since a git revision, read from
//! `git diff --unified=0 REF`. A file git does not track is new: all its lines count.

use crate::error::Error;
use nom::bytes::complete::tag;
use nom::character::complete::{digit1, not_line_ending};
use nom::combinator::{map_res, opt};
use nom::sequence::preceded;
use nom::{IResult, Parser};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;

type PResult<'i, O> = IResult<&'i str, O, ()>;

fn number(i: &str) -> PResult<'_, usize> {
    map_res(digit1, str::parse).parse(i)
}

// HUNK := "@@ -" N ["," N] " +" START ["," COUNT] " @@" ANY*      (COUNT defaults to 1)
fn hunk(i: &str) -> PResult<'_, (usize, usize)> {
    let (i, _) = (tag("@@ -"), number, opt(preceded(tag(","), number)), tag(" +")).parse(i)?;
    let (i, start) = number(i)?;
    let (i, count) = opt(preceded(tag(","), number)).parse(i)?;
    let (i, _) = (tag(" @@"), not_line_ending).parse(i)?;
    Ok((i, (start, count.unwrap_or(1))))
}

/// A path of a `+++ b/…` line: git quotes names with unusual bytes C-style ("b/caf\303\251.md").
fn unquote(s: &str) -> Option<String> {
    let Some(inner) = s.strip_prefix('"').and_then(|s| s.strip_suffix('"')) else {
        return Some(s.trim_end_matches('\t').to_string());
    };
    let mut bytes = Vec::new();
    let mut it = inner.bytes().peekable();
    while let Some(b) = it.next() {
        if b != b'\\' {
            bytes.push(b);
            continue;
        }
        match it.next()? {
            b'n' => bytes.push(b'\n'),
            b't' => bytes.push(b'\t'),
            b'a' => bytes.push(7),
            b'b' => bytes.push(8),
            b'f' => bytes.push(12),
            b'r' => bytes.push(b'\r'),
            b'v' => bytes.push(11),
            d @ b'0'..=b'7' => {
                let mut v = u32::from(d - b'0');
                for _ in 0..2 {
                    let n = it.next().filter(u8::is_ascii_digit)?;
                    v = v * 8 + u32::from(n - b'0');
                }
                bytes.push(u8::try_from(v).ok()?);
            }
            other => bytes.push(other),
        }
    }
    String::from_utf8(bytes).ok()
}

/// Changed lines per file (paths relative to the repository root), 1-based inclusive ranges.
pub fn parse_diff(diff: &str) -> HashMap<String, Vec<(usize, usize)>> {
    let mut out: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
    let mut current: Option<String> = None;
    for line in diff.lines() {
        if let Some(raw) = line.strip_prefix("+++ ") {
            current = unquote(raw).and_then(|p| p.strip_prefix("b/").map(str::to_string)); // not /dev/null
            if let Some(p) = &current {
                out.entry(p.clone()).or_default();
            }
        } else if line.starts_with("diff --git ") {
            current = None;
        } else if let (Some(path), Ok((_, (start, count)))) = (&current, hunk(line)) {
            if count > 0 {
                out.entry(path.clone()).or_default().push((start, start + count - 1));
            }
        }
    }
    out
}

/// The lines changed since a revision, for every file of the repository.
#[derive(Debug)]
pub struct ChangedLines {
    root: PathBuf,
    changed: HashMap<String, Vec<(usize, usize)>>,
    tracked: HashSet<String>,
}

fn git(dir: &Path, args: &[&str]) -> Result<String, Error> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "core.quotepath=off"])
        .args(args)
        .output()
        .map_err(|e| Error::Usage(format!("--diff-base needs git: {e}")))?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        return Err(Error::Usage(format!("--diff-base: git {}: {}", args.join(" "), err.trim())));
    }
    String::from_utf8(out.stdout)
        .map_err(|_| Error::Usage(format!("--diff-base: git {} printed non-UTF-8", args.join(" "))))
}

impl ChangedLines {
    /// Asks git, run in the current folder, what changed since `reference`.
    pub fn load(reference: &str) -> Result<ChangedLines, Error> {
        if reference.starts_with('-') {
            return Err(Error::Usage(format!("--diff-base: {reference:?} is not a git revision")));
        }
        let here = Path::new(".");
        let root = PathBuf::from(git(here, &["rev-parse", "--show-toplevel"])?.trim_end_matches(['\n', '\r']));
        let commit = format!("{reference}^{{commit}}");
        git(&root, &["rev-parse", "--verify", "--quiet", &commit])
            .map_err(|_| Error::Usage(format!("--diff-base: unknown git revision {reference:?}")))?;
        let diff = git(&root, &["diff", "--no-color", "--no-ext-diff", "--unified=0", "-M", reference, "--"])?;
        let tracked =
            git(&root, &["ls-files", "-z"])?.split('\0').filter(|p| !p.is_empty()).map(String::from).collect();
        let root = std::fs::canonicalize(&root).unwrap_or(root);
        Ok(ChangedLines { root, changed: parse_diff(&diff), tracked })
    }

    /// Whether 1-based `line` of the file at `path` (as reported) is new since the revision. A file
    /// outside the repository or not a file (stdin) counts as new.
    pub fn contains(&self, path: &str, line: usize) -> bool {
        let Ok(abs) = std::fs::canonicalize(path) else { return true };
        let Ok(rel) = abs.strip_prefix(&self.root) else { return true };
        let rel = rel.to_string_lossy().replace('\\', "/");
        if let Some(ranges) = self.changed.get(&rel) {
            return ranges.iter().any(|&(a, b)| a <= line && line <= b);
        }
        !self.tracked.contains(&rel)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_hunk_headers() {
        for (input, want) in [
            ("@@ -3,0 +4,2 @@ heading", (4, 2)),
            ("@@ -1 +1 @@", (1, 1)),
            ("@@ -10,2 +9,0 @@", (9, 0)),
            ("@@ -0,0 +1,12 @@", (1, 12)),
        ] {
            assert_eq!(hunk(input).map(|(_, h)| h), Ok(want), "{input}");
        }
        for no in ["@@ -a +1 @@", "@@@ -1 +1 @@@", "+++ b/x", "@@ -1 +1"] {
            assert!(hunk(no).is_err(), "{no}");
        }
    }

    #[test]
    fn reads_a_diff() {
        let diff = "diff --git a/a.md b/a.md\nindex 1..2 100644\n--- a/a.md\n+++ b/a.md\n@@ -2,0 +3,2 @@\n+x\n+y\n@@ -9 +11 @@\n-old\n+new\n\
                    diff --git a/gone.md b/gone.md\n--- a/gone.md\n+++ /dev/null\n@@ -1,3 +0,0 @@\n-a\n-b\n-c\n\
                    diff --git \"a/caf\\303\\251.md\" \"b/caf\\303\\251.md\"\n--- \"a/caf\\303\\251.md\"\n+++ \"b/caf\\303\\251.md\"\n@@ -1 +1 @@\n-a\n+b\n\
                    diff --git a/d.md b/d.md\n--- a/d.md\n+++ b/d.md\n@@ -4,2 +3,0 @@\n-x\n-y\n";
        let got = parse_diff(diff);
        assert_eq!(got.get("a.md"), Some(&vec![(3, 4), (11, 11)]));
        assert_eq!(got.get("café.md"), Some(&vec![(1, 1)]));
        assert_eq!(got.get("d.md"), Some(&vec![]), "only deletions: changed, but no line is new");
        assert!(!got.contains_key("gone.md") && !got.contains_key("/dev/null"));
        assert_eq!(unquote("\"b/a\\\"b\\tc\""), Some("b/a\"b\tc".into()));
        assert_eq!(unquote("\"\\777\""), None, "out of byte range");
    }
}
