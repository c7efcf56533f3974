//! From the paths on the command line to the list of drafts: folders are walked recursively,
//! honouring .gitignore; only draft extensions are taken from folders; named files always are.

use crate::error::Error;
use std::path::{Path, PathBuf};

/// Extensions taken when walking a folder.
pub const DRAFT_EXTENSIONS: &[&str] = &["md", "markdown", "mdx", "txt", "text", "html", "htm"];

/// A file to check, or why a path could not be used.
#[derive(Debug)]
pub enum Input {
    File { path: PathBuf, explicit: bool },
    Stdin,
    Failed(Error),
}

fn is_draft(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| DRAFT_EXTENSIONS.iter().any(|d| e.eq_ignore_ascii_case(d)))
}

/// Expands `paths` into inputs, in a stable order (each argument's files sorted by path).
pub fn inputs(paths: &[PathBuf]) -> Vec<Input> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Input::Stdin);
            continue;
        }
        let meta = match std::fs::metadata(p) {
            Ok(m) => m,
            Err(source) => {
                out.push(Input::Failed(Error::Read { path: p.clone(), source }));
                continue;
            }
        };
        if meta.is_file() {
            out.push(Input::File { path: p.clone(), explicit: true });
            continue;
        }
        if !meta.is_dir() {
            // A FIFO, socket or device: reading it could block forever or never end.
            out.push(Input::Failed(Error::Decode { path: p.clone(), message: "not a regular file; skipped".into() }));
            continue;
        }
        let mut files = Vec::new();
        let walker = ignore::WalkBuilder::new(p).require_git(false).follow_links(false).build();
        for entry in walker {
            match entry {
                Ok(e) => {
                    if e.file_type().is_some_and(|t| t.is_file()) && is_draft(e.path()) {
                        files.push(e.into_path());
                    }
                }
                Err(err) => {
                    out.push(Input::Failed(Error::Decode { path: p.clone(), message: format!("while walking: {err}") }))
                }
            }
        }
        files.sort();
        out.extend(files.into_iter().map(|path| Input::File { path, explicit: false }));
    }
    out
}
