//! The test sentences kept beside each bundled fact (`[[fact.test]]` in rules/facts/*.toml) go
//! through the real pipeline: `flags = true` sentences get exactly one `known-fact` finding,
//! the others none.

use chrono::NaiveDate;
use factlint::check::{check_text, RunOptions};
use factlint::config::Config;
use factlint::facts::{parse_file, BUNDLED};
use factlint::source::{Format, Lang};

#[test]
fn fact_test_sentences() {
    let mut failures = Vec::new();
    let mut n = 0;
    for (name, text) in BUNDLED {
        let facts = parse_file(text).unwrap_or_else(|e| panic!("rules/facts/{name}: {e}"));
        for fact in &facts {
            assert!(fact.test.len() >= 4, "{name}: fact {} needs test sentences, flagged and clean", fact.id);
            assert!(fact.test.iter().any(|t| t.flags) && fact.test.iter().any(|t| !t.flags), "{}", fact.id);
            for t in &fact.test {
                n += 1;
                let date = t.date.as_deref().unwrap_or("2024-11-20");
                let run = RunOptions {
                    lang: Lang::parse(&t.lang),
                    pub_date: NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(),
                };
                let checked = check_text(&t.text, Format::Text, &Config::default(), &run);
                let found: Vec<&str> =
                    checked.diagnostics.iter().filter(|d| d.rule == "known-fact").map(|d| d.message.as_str()).collect();
                if found.len() != usize::from(t.flags) {
                    failures.push(format!(
                        "{} [{}] {:?}: expected flags = {}, got {found:?}",
                        fact.id, t.lang, t.text, t.flags
                    ));
                }
            }
        }
    }
    assert!(n >= 50, "only {n} fact test sentences");
    assert!(failures.is_empty(), "{} of {n} fact test sentences fail:\n{}", failures.len(), failures.join("\n"));
}
