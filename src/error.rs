//! The one error type of factlint: what went wrong and what to do about it.

use std::fmt;
use std::path::PathBuf;

#[derive(Debug)]
pub enum Error {
    /// A file or folder could not be read.
    Read { path: PathBuf, source: std::io::Error },
    /// A file is not text factlint can read (not UTF-8, binary).
    Decode { path: PathBuf, message: String },
    /// A configuration file is wrong; line and column are 1-based when known.
    Config { path: PathBuf, line: usize, column: usize, message: String },
    /// The command line asks for something impossible.
    Usage(String),
    /// A file could not be written.
    Write { path: PathBuf, source: std::io::Error },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Read { path, source } => write!(f, "{}: cannot read: {source}", path.display()),
            Error::Decode { path, message } => write!(f, "{}: {message}", path.display()),
            Error::Config { path, line, column, message } => {
                if *line > 0 {
                    write!(f, "{}:{line}:{column}: {message}", path.display())
                } else {
                    write!(f, "{}: {message}", path.display())
                }
            }
            Error::Usage(m) => write!(f, "{m}"),
            Error::Write { path, source } => write!(f, "{}: cannot write: {source}", path.display()),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Read { source, .. } | Error::Write { source, .. } => Some(source),
            _ => None,
        }
    }
}
