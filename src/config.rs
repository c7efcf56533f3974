//! `factlint.toml`: found from each draft's folder upward (stopping at the repository root), or
//! given with `--config`. Unknown keys and bad values are errors naming file, line and column.

use crate::diagnostic::Severity;
use crate::error::Error;
use crate::extract::DateOrder;
use crate::facts::Fact;
use crate::rules::{RuleMeta, KNOWN_IDS};
use crate::source::Lang;
use crate::span::LineIndex;
use chrono::NaiveDate;
use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml::Spanned;

pub const FILE_NAME: &str = "factlint.toml";

/// The file as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    lang: Option<Spanned<String>>,
    pub_date: Option<Spanned<String>>,
    date_order: Option<DateOrder>,
    #[serde(default)]
    ambiguous_dates_unresolved: bool,
    #[serde(default)]
    include: Vec<Spanned<String>>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    facts: Vec<Fact>,
    #[serde(default)]
    names: Names,
    #[serde(default)]
    overrides: Vec<Spanned<RawOverride>>,
}

/// `[[overrides]]`: rule levels for the files its globs match; later overrides win.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOverride {
    #[serde(default)]
    files: Vec<Spanned<String>>,
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, Spanned<String>>,
}

/// An override ready to use.
#[derive(Clone, Debug)]
struct Override {
    files: GlobSet,
    rules: Vec<(String, Option<Severity>)>,
}

/// The user's own names: people that must be spelled one way, and accepted variant spellings.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Names {
    /// Full names as they must be spelled: "Jane Doe".
    #[serde(default)]
    pub people: Vec<String>,
    /// Groups of spellings that are all correct: `[["Zelensky", "Zelenskyy"]]`.
    #[serde(default)]
    pub variants: Vec<Vec<String>>,
}

/// Rule severities after configuration: `None` for a rule switched off.
#[derive(Clone, Debug, Default)]
pub struct RuleSettings {
    overrides: BTreeMap<String, Option<Severity>>,
}

impl RuleSettings {
    pub fn severity(&self, meta: &RuleMeta) -> Option<Severity> {
        match self.overrides.get(meta.id) {
            Some(s) => *s,
            None => Some(meta.default_severity),
        }
    }
    pub fn set(&mut self, id: &str, severity: Option<Severity>) {
        self.overrides.insert(id.to_string(), severity);
    }
}

/// A configuration ready to use.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// The file it was read from (`None`: defaults).
    pub path: Option<PathBuf>,
    pub lang: Option<Lang>,
    pub pub_date: Option<NaiveDate>,
    pub date_order: Option<DateOrder>,
    pub ambiguous_dates_unresolved: bool,
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
    pub rules: RuleSettings,
    pub facts: Vec<Fact>,
    pub names: Names,
    overrides: Vec<Override>,
}

impl Config {
    /// Reads and validates a configuration file.
    pub fn load(path: &Path) -> Result<Config, Error> {
        if path.is_dir() {
            return Err(config_error(path, "", None, "is a directory, not a configuration file".into()));
        }
        let text = std::fs::read_to_string(path).map_err(|source| Error::Read { path: path.to_path_buf(), source })?;
        Config::parse(path, &text)
    }

    /// Parses configuration text; `path` names it in errors.
    pub fn parse(path: &Path, text: &str) -> Result<Config, Error> {
        let raw: RawConfig = toml::from_str(text)
            .map_err(|e| config_error(path, text, e.span().map(|s| s.start), e.message().trim().to_string()))?;
        let err = |at: usize, msg: String| config_error(path, text, Some(at), msg);
        let mut config = Config { path: Some(path.to_path_buf()), ..Config::default() };
        if let Some(l) = raw.lang {
            config.lang = Some(Lang::parse(l.get_ref()).ok_or_else(|| {
                err(l.span().start, format!("unknown language {:?}; expected \"fr\" or \"en\"", l.get_ref()))
            })?);
        }
        if let Some(d) = raw.pub_date {
            config.pub_date =
                Some(NaiveDate::parse_from_str(d.get_ref(), "%Y-%m-%d").map_err(|_| {
                    err(d.span().start, format!("invalid date {:?}; expected YYYY-MM-DD", d.get_ref()))
                })?);
        }
        config.date_order = raw.date_order;
        config.ambiguous_dates_unresolved = raw.ambiguous_dates_unresolved;
        config.include = globs(&raw.include, &err)?;
        config.exclude = globs(&raw.exclude, &err)?;
        for (id, severity) in rule_levels(&raw.rules, &err)? {
            config.rules.set(&id, severity);
        }
        for o in &raw.overrides {
            if o.get_ref().files.is_empty() {
                return Err(err(o.span().start, "an [[overrides]] entry needs `files = [\"glob\", …]`".into()));
            }
            let files = globs(&o.get_ref().files, &err)?.unwrap_or_else(GlobSet::empty);
            config.overrides.push(Override { files, rules: rule_levels(&o.get_ref().rules, &err)? });
        }
        for fact in &raw.facts {
            fact.validate().map_err(|(at, msg)| err(at, msg))?;
        }
        config.facts = raw.facts;
        config.names = raw.names;
        Ok(config)
    }

    /// `path` relative to the config's folder, as globs see it.
    fn relative(&self, path: &Path) -> PathBuf {
        let rel = match self.path.as_deref().and_then(Path::parent) {
            Some(base) if !base.as_os_str().is_empty() => match path.strip_prefix(base) {
                Ok(rel) => rel.to_path_buf(),
                Err(_) if base.is_absolute() && path.is_relative() => std::path::absolute(path)
                    .ok()
                    .and_then(|abs| abs.strip_prefix(base).ok().map(Path::to_path_buf))
                    .unwrap_or_else(|| path.to_path_buf()),
                Err(_) => path.to_path_buf(),
            },
            _ => path.to_path_buf(),
        };
        rel.strip_prefix("./").map(Path::to_path_buf).unwrap_or(rel)
    }

    /// The configuration for one file: this one with the `[[overrides]]` whose globs match it
    /// applied in order, so later overrides win.
    pub fn for_path(&self, path: &Path) -> Config {
        let mut config = self.clone();
        if self.overrides.is_empty() {
            return config;
        }
        let rel = self.relative(path);
        for o in self.overrides.iter().filter(|o| o.files.is_match(&rel)) {
            for (id, severity) in &o.rules {
                config.rules.set(id, *severity);
            }
        }
        config
    }

    /// Whether a file (relative to the config's folder) is to be checked by the include/exclude globs.
    pub fn selects(&self, path: &Path) -> bool {
        let rel = self.relative(path);
        let rel = rel.as_path();
        if let Some(ex) = &self.exclude {
            if ex.is_match(rel) {
                return false;
            }
        }
        match &self.include {
            Some(inc) => inc.is_match(rel),
            None => true,
        }
    }
}

/// `[rules]` tables: known ids (the content rules and `unused-suppression`), known levels.
fn rule_levels(
    table: &BTreeMap<Spanned<String>, Spanned<String>>,
    err: &dyn Fn(usize, String) -> Error,
) -> Result<Vec<(String, Option<Severity>)>, Error> {
    let mut known = KNOWN_IDS.to_vec();
    known.push(crate::suppress::META.id);
    let mut out = Vec::new();
    for (id, level) in table {
        if !known.contains(&id.get_ref().as_str()) {
            let hint = nearest(id.get_ref(), &known).map(|n| format!("; did you mean \"{n}\"?")).unwrap_or_default();
            return Err(err(id.span().start, format!("unknown rule {:?}{hint}", id.get_ref())));
        }
        let severity = match level.get_ref().as_str() {
            "off" => None,
            s => Some(Severity::parse(s).ok_or_else(|| {
                err(
                    level.span().start,
                    format!("invalid level {s:?}; expected \"error\", \"warning\", \"info\" or \"off\""),
                )
            })?),
        };
        out.push((id.get_ref().clone(), severity));
    }
    Ok(out)
}

fn globs(list: &[Spanned<String>], err: &dyn Fn(usize, String) -> Error) -> Result<Option<GlobSet>, Error> {
    if list.is_empty() {
        return Ok(None);
    }
    let mut b = GlobSetBuilder::new();
    for g in list {
        let glob = Glob::new(g.get_ref())
            .map_err(|e| err(g.span().start, format!("invalid glob {:?}: {}", g.get_ref(), e.kind())))?;
        b.add(glob);
    }
    b.build().map(Some).map_err(|e| err(0, e.to_string()))
}

fn config_error(path: &Path, text: &str, at: Option<usize>, message: String) -> Error {
    let (line, column) = match at {
        Some(at) => {
            let p = LineIndex::new(text).position(text, at);
            (p.line, p.column)
        }
        None => (0, 0),
    };
    Error::Config { path: path.to_path_buf(), line, column, message }
}

/// The closest known word, for "did you mean" hints.
pub fn nearest<'a>(word: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(word, k), *k))
        .filter(|(d, k)| *d <= (k.len() / 3).max(2))
        .min()
        .map(|(_, k)| k)
}

/// Finds the configuration of files in `dir`: the nearest `factlint.toml` from `dir` upward,
/// stopping at the folder that holds `.git`.
pub fn discover(dir: &Path) -> Option<PathBuf> {
    let mut cur = Some(dir);
    while let Some(d) = cur {
        let candidate = d.join(FILE_NAME);
        if candidate.exists() {
            return Some(candidate);
        }
        if d.join(".git").exists() {
            return None;
        }
        cur = d.parent();
    }
    None
}

/// The text `factlint init` writes.
pub const INIT_TEMPLATE: &str = include_str!("init_template.toml");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_init_template() {
        let c = Config::parse(Path::new("factlint.toml"), INIT_TEMPLATE);
        assert!(c.is_ok(), "{c:?}");
    }

    #[test]
    fn names_line_and_column_of_errors() {
        let e = Config::parse(Path::new("f.toml"), "lang = \"fr\"\nlangue = \"en\"\n").map(|_| ()).unwrap_err();
        let Error::Config { line, column, message, .. } = e else { panic!() };
        assert_eq!((line, column), (2, 1));
        assert!(message.contains("langue"), "{message}");
        let e = Config::parse(Path::new("f.toml"), "[rules]\nweekday-mismatc = \"off\"\n").map(|_| ()).unwrap_err();
        assert!(e.to_string().starts_with("f.toml:2:1: unknown rule"), "{e}");
        assert!(e.to_string().contains("did you mean \"weekday-mismatch\""), "{e}");
        let e = Config::parse(Path::new("f.toml"), "pub_date = \"2024-13-01\"\n").map(|_| ()).unwrap_err();
        assert!(e.to_string().starts_with("f.toml:1:12: invalid date"), "{e}");
        let e = Config::parse(Path::new("f.toml"), "[rules]\nweekday-mismatch = \"loud\"\n").map(|_| ()).unwrap_err();
        assert!(e.to_string().contains("2:20: invalid level"), "{e}");
    }

    #[test]
    fn selects_by_globs() {
        let c = Config::parse(Path::new("repo/factlint.toml"), "include = [\"**/*.md\"]\nexclude = [\"archive/**\"]\n")
            .unwrap();
        assert!(c.selects(Path::new("repo/drafts/a.md")));
        assert!(!c.selects(Path::new("repo/archive/a.md")));
        assert!(!c.selects(Path::new("repo/drafts/a.txt")));
    }

    #[test]
    fn overrides_apply_to_matching_files_and_later_ones_win() {
        let text = "[rules]\npart-exceeds-whole = \"warning\"\n\n\
                    [[overrides]]\nfiles = [\"archive/**\"]\n[overrides.rules]\npart-exceeds-whole = \"off\"\n\n\
                    [[overrides]]\nfiles = [\"archive/keep/**\", \"*.txt\"]\nrules = { part-exceeds-whole = \"info\" }\n";
        let c = Config::parse(Path::new("repo/factlint.toml"), text).unwrap();
        let meta = &crate::rules::part_exceeds_whole::PartExceedsWhole::META;
        let level = |p: &str| c.for_path(Path::new(p)).rules.severity(meta);
        assert_eq!(level("repo/drafts/a.md"), Some(Severity::Warning));
        assert_eq!(level("repo/archive/2019/a.md"), None);
        assert_eq!(level("repo/archive/keep/a.md"), Some(Severity::Info), "the later override wins");
        assert_eq!(level("repo/notes.txt"), Some(Severity::Info));
    }

    #[test]
    fn names_line_and_column_of_override_errors() {
        for (text, want) in [
            ("[[overrides]]\nfile = [\"a/**\"]\n", "f.toml:2:1: unknown field `file`"),
            (
                "[[overrides]]\nfiles = [\"a/**\"]\nrules = { part-exceeds-hole = \"off\" }\n",
                "f.toml:3:11: unknown rule",
            ),
            (
                "[[overrides]]\nfiles = [\"a/**\"]\nrules = { part-exceeds-whole = \"quiet\" }\n",
                "f.toml:3:32: invalid level",
            ),
            ("[[overrides]]\nfiles = [\"a/[**\"]\n", "f.toml:2:10: invalid glob"),
            (
                "[[overrides]]\n[overrides.rules]\npart-exceeds-whole = \"off\"\n",
                "f.toml:1:1: an [[overrides]] entry needs",
            ),
        ] {
            let e = Config::parse(Path::new("f.toml"), text).map(|_| ()).unwrap_err();
            assert!(e.to_string().starts_with(want), "{text}: {e}");
        }
        let c = Config::parse(Path::new("f.toml"), "[rules]\nunused-suppression = \"off\"\n");
        assert!(c.is_ok(), "{c:?}");
    }
}
