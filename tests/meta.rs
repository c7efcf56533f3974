//! Meta tests, after clippy's: the registry, the rule files, their docs, fixtures, snapshots and the
//! word lists stay in step. Each failure names what is missing.

use factlint::rules::{KNOWN_IDS, RULES};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn snake(id: &str) -> String {
    id.replace('-', "_")
}

fn pascal(id: &str) -> String {
    id.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
        })
        .collect()
}

fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok()).filter_map(|e| e.file_name().to_str().map(String::from)).collect())
        .unwrap_or_default();
    v.sort();
    v
}

#[test]
fn ids_are_unique_kebab_case_sorted_and_known() {
    let ids: Vec<&str> = RULES.iter().map(|r| r.meta().id).collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(ids, sorted, "RULES must be sorted by id, without duplicates");
    for id in ids {
        assert!(is_kebab(id), "{id}: not kebab-case");
        assert!(KNOWN_IDS.contains(&id), "{id}: missing from KNOWN_IDS");
    }
}

#[test]
fn each_rule_lives_in_its_own_file_under_its_struct_name() {
    for r in RULES {
        let id = r.meta().id;
        let path = root().join("src/rules").join(format!("{}.rs", snake(id)));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("{id}: {} is missing", path.display()));
        let needle = format!("{},\n    id = \"{id}\"", pascal(id));
        assert!(text.contains(&needle), "{id}: {} must declare `{}` with id \"{id}\"", path.display(), pascal(id));
        assert!(text.starts_with(&format!("//! `{id}`")), "{id}: the module doc must open with `{id}`");
    }
}

#[test]
fn docs_have_the_five_sections_in_order() {
    const SECTIONS: [&str; 5] = ["## What it flags", "## Why it matters", "## Flags", "## Leaves alone", "## Settings"];
    for r in RULES {
        let m = r.meta();
        let mut from = 0;
        for s in SECTIONS {
            let at = m.docs.get(from..).and_then(|d| d.find(&format!("{s}\n")));
            let Some(at) = at else { panic!("{}: section {s:?} missing or out of order", m.id) };
            from += at + s.len();
        }
        let flags = m.docs.split("## Flags").nth(1).and_then(|t| t.split("## Leaves alone").next()).unwrap_or("");
        assert!(flags.contains("fr:") && flags.contains("en:"), "{}: ## Flags needs an fr: and an en: example", m.id);
        assert!(!m.summary.ends_with('.'), "{}: the summary completes \"flags …\" without a period", m.id);
        assert!(m.summary.chars().next().is_some_and(char::is_lowercase), "{}: the summary opens lowercase", m.id);
    }
}

#[test]
fn each_rule_has_both_kinds_of_fixture_in_both_languages() {
    let fixtures = root().join("tests/fixtures/rules");
    let mut missing = Vec::new();
    for r in RULES {
        let id = r.meta().id;
        let files = names_in(&fixtures.join(id));
        for kind in ["flags_", "leaves_alone_"] {
            for lang in ["fr", "en"] {
                let suffix = format!(".{lang}.md");
                if !files.iter().any(|f| f.starts_with(kind) && f.ends_with(&suffix)) {
                    missing.push(format!("tests/fixtures/rules/{id}/{kind}*{suffix}"));
                }
            }
        }
    }
    let ids: BTreeSet<&str> = RULES.iter().map(|r| r.meta().id).collect();
    for dir in names_in(&fixtures) {
        if !ids.contains(dir.as_str()) {
            missing.push(format!("tests/fixtures/rules/{dir}: no rule has this id"));
        }
        for f in names_in(&fixtures.join(&dir)) {
            if !(f.starts_with("flags_") || f.starts_with("leaves_alone_"))
                || !(f.ends_with(".fr.md") || f.ends_with(".en.md"))
            {
                missing.push(format!(
                    "tests/fixtures/rules/{dir}/{f}: name it flags_<what>.<lang>.md or leaves_alone_<what>.<lang>.md"
                ));
            }
        }
    }
    assert!(missing.is_empty(), "fixtures:\n{}", missing.join("\n"));
}

#[test]
fn no_orphan_snapshot() {
    let fixtures = root().join("tests/fixtures/rules");
    let mut orphans = Vec::new();
    for snap in names_in(&root().join("snapshots/rules")) {
        let Some(stem) = snap.strip_suffix(".snap") else {
            orphans.push(format!("{snap}: only .snap files belong in snapshots/rules"));
            continue;
        };
        let Some((id, file)) = stem.split_once("__") else {
            orphans.push(snap);
            continue;
        };
        if !fixtures.join(id).join(file).exists() {
            orphans.push(format!("snapshots/rules/{snap}: no fixture {id}/{file}"));
        }
    }
    assert!(orphans.is_empty(), "orphan snapshots:\n{}", orphans.join("\n"));
}

/// Dotted paths of every key of a TOML table.
fn keys(prefix: &str, v: &toml::Value, out: &mut BTreeSet<String>) {
    if let toml::Value::Table(t) = v {
        for (k, v) in t {
            let path = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
            // Two levels are the schema (`[dates]` then `amounts`); below are words of the
            // language ("deux = 2"), which differ by design.
            if !prefix.contains('.') {
                keys(&path, v, out);
                out.insert(path);
            }
        }
    }
}

/// Every `<dir>/*.toml` has the keys of `<dir>/en.toml`.
fn same_keys_as_english(dir: &str) {
    let dir = root().join(dir);
    let read = |name: &str| -> BTreeSet<String> {
        let text = std::fs::read_to_string(dir.join(name)).expect("readable");
        let v: toml::Value = toml::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let mut out = BTreeSet::new();
        keys("", &v, &mut out);
        out
    };
    let en = read("en.toml");
    for name in names_in(&dir).into_iter().filter(|n| n.ends_with(".toml")) {
        let other = read(&name);
        let missing: Vec<_> = en.difference(&other).collect();
        assert!(missing.is_empty(), "{}/{name} lacks keys of en.toml: {missing:?}", dir.display());
    }
}

#[test]
fn each_lang_file_has_the_english_keys() {
    same_keys_as_english("rules/lang");
}

#[test]
fn each_cue_file_has_the_english_keys() {
    same_keys_as_english("rules/cues");
}
