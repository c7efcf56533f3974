//! Writes that never lose data: a temporary file in the same folder, then a rename.

use crate::error::Error;
use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path`, which must not exist yet (`init` never overwrites).
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let werr = |source| Error::Write { path: path.to_path_buf(), source };
    let mut f =
        std::fs::OpenOptions::new().write(true).create_new(true).open(path).map_err(|source: std::io::Error| {
            if source.kind() == std::io::ErrorKind::AlreadyExists {
                Error::Usage(format!("{} already exists; not overwritten", path.display()))
            } else {
                werr(source)
            }
        })?;
    f.write_all(bytes).and_then(|_| f.sync_all()).map_err(werr)
}
