//! One draft from bytes to findings: decode, read, extract, run the rules.

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::extract::{self, Claims, ExtractOptions};
use crate::rules::{self, Context};
use crate::source::{Document, Format, Lang, ReadOptions};
use chrono::NaiveDate;
use std::path::Path;

/// What the command line says about every file.
#[derive(Clone, Debug, Default)]
pub struct RunOptions {
    /// `--lang fr|en` (`None`: auto).
    pub lang: Option<Lang>,
    /// `--pub-date`.
    pub pub_date: Option<NaiveDate>,
}

/// Decodes a file's bytes. UTF-8 (a BOM is kept in the text and skipped by the reader) and
/// UTF-16 with a BOM are read; anything else that is not UTF-8 is an error, and so is a binary file.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, Error> {
    if let Some(utf16) = decode_utf16(&bytes) {
        return utf16
            .ok_or_else(|| Error::Decode { path: path.to_path_buf(), message: "invalid UTF-16; skipped".into() });
    }
    if looks_binary(&bytes) {
        return Err(Error::Decode { path: path.to_path_buf(), message: "binary file (NUL bytes); skipped".into() });
    }
    String::from_utf8(bytes).map_err(|e| Error::Decode {
        path: path.to_path_buf(),
        message: format!(
            "not UTF-8 at byte {}; skipped (convert it with iconv -t UTF-8)",
            e.utf8_error().valid_up_to()
        ),
    })
}

/// A NUL byte in the first 8 KiB, as git and ripgrep judge it.
pub fn looks_binary(bytes: &[u8]) -> bool {
    memchr::memchr(0, &bytes[..bytes.len().min(8192)]).is_some()
}

fn decode_utf16(bytes: &[u8]) -> Option<Option<String>> {
    let le = match bytes {
        [0xFF, 0xFE, ..] => true,
        [0xFE, 0xFF, ..] => false,
        _ => return None,
    };
    let units = bytes[2..].chunks(2).map(|c| match (c, le) {
        ([a, b], true) => u16::from_le_bytes([*a, *b]),
        ([a, b], false) => u16::from_be_bytes([*a, *b]),
        _ => 0xFFFD,
    });
    Some(char::decode_utf16(units).collect::<Result<String, _>>().ok())
}

/// The document, claims and findings of one draft.
pub struct Checked<'s> {
    pub doc: Document<'s>,
    pub claims: Claims,
    pub diagnostics: Vec<Diagnostic>,
}

pub fn read<'s>(src: &'s str, format: Format, config: &Config, run: &RunOptions) -> Document<'s> {
    let opts = ReadOptions {
        lang: run.lang,
        config_lang: config.lang,
        pub_date: run.pub_date,
        config_pub_date: config.pub_date,
    };
    Document::read(src, format, &opts)
}

pub fn extract_options(config: &Config) -> ExtractOptions {
    ExtractOptions { date_order: config.date_order, ambiguous_dates_unresolved: config.ambiguous_dates_unresolved }
}

/// Reads and extracts one draft's text without running the rules (what `extract` prints).
pub fn extract_text<'s>(src: &'s str, format: Format, config: &Config, run: &RunOptions) -> Checked<'s> {
    let doc = read(src, format, config, run);
    let claims = extract::extract(&doc, &extract_options(config));
    Checked { doc, claims, diagnostics: Vec::new() }
}

/// Checks one draft's text.
pub fn check_text<'s>(src: &'s str, format: Format, config: &Config, run: &RunOptions) -> Checked<'s> {
    let doc = read(src, format, config, run);
    let claims = extract::extract(&doc, &extract_options(config));
    let cx =
        Context { doc: &doc, claims: &claims, settings: &config.rules, facts: &config.facts, names: &config.names };
    let diagnostics = crate::suppress::apply(src, format, &config.rules, rules::run(&cx));
    Checked { doc, claims, diagnostics }
}
