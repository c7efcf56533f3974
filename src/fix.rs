//! Safe fixes: applied to a draft's text until nothing changes, shown as a unified diff
//! (`check --diff`), or written back in place (`check --fix`) through a temporary file and a
//! rename, never over a file that changed since it was read.

use crate::check::{self, RunOptions};
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Fix};
use crate::error::Error;
use crate::source::Format;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Rounds of check-and-fix before giving up on reaching a fixpoint (ruff stops at 100; a fix
/// here never creates another, so two rounds are the norm).
const MAX_ROUNDS: usize = 10;

/// Applies the fixes of `diagnostics` to `src`; returns the new text and how many findings were
/// fixed. Findings are taken in order of their first fix; one whose fixes overlap a fix already
/// taken is left for a later round, and a fix whose span is not a char range of `src` is skipped.
pub fn apply(src: &str, diagnostics: &[Diagnostic]) -> (String, usize) {
    let mut findings: Vec<&[Fix]> = diagnostics.iter().map(|d| d.fixes.as_slice()).filter(|f| !f.is_empty()).collect();
    findings.sort_by_key(|f| f.iter().map(|x| (x.span.start, x.span.end)).min());
    let mut taken: Vec<&Fix> = Vec::new();
    let mut fixed = 0;
    for fixes in findings {
        let valid = fixes.iter().all(|f| f.span.start <= f.span.end && src.get(f.span.start..f.span.end).is_some());
        let clash = fixes.iter().enumerate().any(|(i, f)| {
            taken.iter().copied().chain(fixes.get(..i).unwrap_or_default()).any(|t| {
                t.span.overlaps(f.span)
                    || t.span.start == f.span.start
                    || (f.span.is_empty() && t.span.contains(f.span))
            })
        });
        if valid && !clash {
            taken.extend(fixes);
            fixed += 1;
        }
    }
    taken.sort_by_key(|f| f.span.start);
    let mut out = String::with_capacity(src.len());
    let mut at = 0;
    for f in taken {
        out.push_str(src.get(at..f.span.start).unwrap_or(""));
        out.push_str(&f.replacement);
        at = f.span.end;
    }
    out.push_str(src.get(at..).unwrap_or(""));
    (out, fixed)
}

/// A draft after its fixes: the new text, the findings fixed, and what remains.
pub struct Fixed {
    pub text: String,
    pub fixed: usize,
    pub remaining: Vec<Diagnostic>,
}

/// Checks and fixes `src` again and again until no fix applies (at most [`MAX_ROUNDS`]).
pub fn fix_text(src: &str, format: Format, config: &Config, run: &RunOptions) -> Fixed {
    let mut text = src.to_string();
    let mut fixed = 0;
    let mut remaining = check::check_text(&text, format, config, run).diagnostics;
    for _ in 0..MAX_ROUNDS {
        let (next, n) = apply(&text, &remaining);
        if n == 0 || next == text {
            break;
        }
        fixed += n;
        text = next;
        remaining = check::check_text(&text, format, config, run).diagnostics;
    }
    Fixed { text, fixed, remaining }
}

/// A unified diff of `old` → `new` with `--- a/path` and `+++ b/path` headers; empty when equal.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    let diff = similar::TextDiff::from_lines(old, new);
    let path = path.trim_start_matches('/');
    diff.unified_diff().context_radius(3).header(&format!("a/{path}"), &format!("b/{path}")).to_string()
}

/// Writes `new` over `path`, which must still hold exactly `old` (the text it was read as):
/// a temporary file in the same folder, the original's permissions, then a rename. A read-only
/// file, or one that changed on disk since it was read, is left untouched and named in the error.
///
/// Whatever fails, or wherever the process is killed, `path` holds either `old` or `new`, never a
/// mix: the rename is the only step that touches it. A failure removes the temporary file; a kill
/// (nothing can clean up after SIGKILL) leaves it beside the draft as `.NAME.factlint-PID-N.tmp`.
pub fn write_back(path: &Path, old: &str, new: &str) -> Result<(), Error> {
    let err = |source: io::Error| Error::Write { path: path.to_path_buf(), source };
    let refuse = |why: &str| err(io::Error::new(io::ErrorKind::PermissionDenied, why.to_string()));
    // Once the temporary file exists, say that the draft itself was not touched.
    let err_untouched =
        |source: io::Error| err(io::Error::new(source.kind(), format!("{source}; fixes not written, file unchanged")));
    let meta = std::fs::metadata(path).map_err(err)?;
    if meta.permissions().readonly() {
        return Err(refuse("the file is read-only; fixes not written"));
    }
    let unchanged = || std::fs::read(path).map(|now| now == old.as_bytes());
    if !unchanged().map_err(err)? {
        return Err(refuse("the file changed since it was read, or is not UTF-8; fixes not written"));
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let (mut tmp, mut f) = Temp::create(&dir, path).map_err(err_untouched)?;
    f.write_all(new.as_bytes()).map_err(err_untouched)?;
    f.set_permissions(meta.permissions()).map_err(err_untouched)?;
    f.sync_all().map_err(err_untouched)?;
    drop(f);
    // Last look before the rename: an editor may have saved meanwhile.
    if !unchanged().map_err(err_untouched)? {
        return Err(refuse("the file changed while fixes were written; fixes not written"));
    }
    std::fs::rename(&tmp.path, path).map_err(err_untouched)?;
    tmp.renamed = true;
    // The rename is durable once the folder is synced; the text is right either way.
    if let Ok(d) = std::fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// A temporary file beside the draft, removed unless the rename consumed it.
struct Temp {
    path: PathBuf,
    renamed: bool,
}

impl Temp {
    /// `.NAME.factlint-PID-N.tmp`: hidden, named after the draft, unique within this process
    /// (N counts) and across processes (PID). `create_new` never opens an existing file: a
    /// stale one left by a killed run under a reused PID is stepped over, not written into.
    fn create(dir: &Path, draft: &Path) -> io::Result<(Temp, std::fs::File)> {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let name = draft.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let mut tries = 0;
        loop {
            let n = NEXT.fetch_add(1, Ordering::Relaxed);
            let path = dir.join(format!(".{name}.factlint-{}-{n}.tmp", std::process::id()));
            match std::fs::OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(file) => return Ok((Temp { path, renamed: false }, file)),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && tries < 16 => tries += 1,
                Err(e) => return Err(e),
            }
        }
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        if !self.renamed {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;
    use crate::span::Span;

    fn finding(fixes: &[(usize, usize, &str)]) -> Diagnostic {
        let mut d = Diagnostic::new("name-variant", Severity::Warning, Span::new(0, 1), "m".into());
        for &(s, e, r) in fixes {
            d = d.fix(Span::new(s, e), r);
        }
        d
    }

    #[test]
    fn applies_fixes_without_overlap() {
        let src = "Dolnald Trump et Donald Trumpp";
        let ds = [finding(&[(0, 7, "Donald")]), finding(&[(24, 30, "Trump")]), finding(&[(3, 9, "x")])];
        assert_eq!(apply(src, &ds), ("Donald Trump et Donald Trump".to_string(), 2));
        // Out of range or inside a char: skipped, never a panic.
        let ds = [finding(&[(0, 99, "x")]), finding(&[(1, 2, "x")])];
        assert_eq!(apply("éa", &ds), ("éa".to_string(), 0));
        // All of a finding's fixes or none.
        let ds = [finding(&[(0, 1, "A")]), finding(&[(2, 3, "C"), (0, 1, "Z")])];
        assert_eq!(apply("abc", &ds), ("Abc".to_string(), 1));
    }

    #[test]
    fn diffs_with_headers() {
        let d = unified_diff("a.md", "one\nDolnald\nthree\n", "one\nDonald\nthree\n");
        assert!(d.starts_with("--- a/a.md\n+++ b/a.md\n@@"), "{d}");
        assert!(d.contains("-Dolnald\n+Donald\n"), "{d}");
        assert_eq!(unified_diff("a.md", "same", "same"), "");
    }
}
