//! Known constants: `rules/facts/*.toml` (bundled with `include_str!`) and the user's `[[facts]]`
//! in factlint.toml, one schema for both.
//!
//! A fact names a value ("538"), what it is (`total` of a body or the `threshold` needed to win),
//! how a draft names the counted thing (`aliases` on their own, or `units` in a sentence naming one
//! of the `subjects`), where it does not apply (`context`, `unless`) and when it holds
//! (`valid_from`, `valid_until`). The bundled files keep test sentences beside each fact
//! (`[[fact.test]]`), run by tests/facts.rs.

use chrono::NaiveDate;
use serde::Deserialize;
use std::sync::OnceLock;
use toml::Spanned;

/// What a fact's value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FactKind {
    /// The size of the whole body: 538 electors, 577 deputies.
    Total,
    /// What is needed to win: 270 electoral votes, 289 seats.
    Threshold,
    /// A plain count, spoken of only with a total cue.
    Count,
}

/// One constant: "the US Electoral College has 538 electors".
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    /// Stable id: "us-electoral-college-total".
    pub id: String,
    /// The value.
    pub value: f64,
    /// Noun phrases that name the counted thing on their own, in any language: "grands électeurs",
    /// "electoral votes".
    #[serde(default)]
    pub aliases: Vec<String>,
    /// What the value is: "total" (the whole, the default) or "threshold" (needed to win).
    #[serde(default)]
    pub kind: Option<String>,
    /// Names of the body: "Sénat", "Security Council". With one of them in the sentence, a
    /// generic unit ("sièges", "members") names the counted thing too.
    #[serde(default)]
    pub subjects: Vec<String>,
    /// Generic counted nouns that need a subject in the same sentence: "sièges", "seats".
    #[serde(default)]
    pub units: Vec<String>,
    /// When not empty, one of these words must occur in the document ("États-Unis" for "grands
    /// électeurs", which also elect the French Senate).
    #[serde(default)]
    pub context: Vec<String>,
    /// The fact does not apply in a paragraph holding one of these words ("Québec" for
    /// "Assemblée nationale").
    #[serde(default)]
    pub unless: Vec<String>,
    /// Valid from this date (YYYY-MM-DD), inclusive.
    #[serde(default)]
    pub valid_from: Option<Spanned<String>>,
    /// Valid until this date (YYYY-MM-DD), exclusive.
    #[serde(default)]
    pub valid_until: Option<Spanned<String>>,
    /// A sentence to cite in messages.
    #[serde(default)]
    pub source: Option<String>,
    /// Test sentences (bundled files: `[[fact.test]]`).
    #[serde(default)]
    pub test: Vec<FactTest>,
}

/// A sentence that must (or must not) be flagged against its fact.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactTest {
    /// "fr" or "en".
    pub lang: String,
    pub text: String,
    /// True when `known-fact` must flag the sentence.
    pub flags: bool,
    /// The publication date (default 2024-11-20).
    #[serde(default)]
    pub date: Option<String>,
}

impl Fact {
    /// Checks the values serde cannot; the error carries the byte offset of the bad value.
    pub fn validate(&self) -> Result<(), (usize, String)> {
        for d in [&self.valid_from, &self.valid_until].into_iter().flatten() {
            if NaiveDate::parse_from_str(d.get_ref(), "%Y-%m-%d").is_err() {
                return Err((d.span().start, format!("invalid date {:?}; expected YYYY-MM-DD", d.get_ref())));
            }
        }
        if let Some(k) = &self.kind {
            if !matches!(k.as_str(), "total" | "threshold" | "count") {
                return Err((
                    0,
                    format!("fact {}: invalid kind {k:?}; expected \"total\", \"threshold\" or \"count\"", self.id),
                ));
            }
        }
        if self.aliases.is_empty() && (self.units.is_empty() || self.subjects.is_empty()) {
            return Err((0, format!("fact {}: give `aliases`, or `units` with `subjects`", self.id)));
        }
        if !self.value.is_finite() {
            return Err((0, format!("fact {}: the value must be a finite number", self.id)));
        }
        Ok(())
    }

    pub fn kind(&self) -> FactKind {
        match self.kind.as_deref() {
            Some("threshold") => FactKind::Threshold,
            Some("count") => FactKind::Count,
            _ => FactKind::Total,
        }
    }

    fn date(d: &Option<Spanned<String>>) -> Option<NaiveDate> {
        d.as_ref().and_then(|d| NaiveDate::parse_from_str(d.get_ref(), "%Y-%m-%d").ok())
    }

    pub fn valid_from(&self) -> Option<NaiveDate> {
        Fact::date(&self.valid_from)
    }

    pub fn valid_until(&self) -> Option<NaiveDate> {
        Fact::date(&self.valid_until)
    }

    /// Whether the fact holds at some day of `from..=to`. With no date at all, only a fact that
    /// still holds (no `valid_until`) applies: a draft without a date speaks of the present.
    pub fn holds_during(&self, when: Option<(NaiveDate, NaiveDate)>) -> bool {
        match when {
            None => self.valid_until.is_none(),
            Some((from, to)) => {
                self.valid_from().is_none_or(|start| to >= start) && self.valid_until().is_none_or(|end| from < end)
            }
        }
    }
}

/// The bundled files, by name (tests/facts.rs runs their test sentences).
pub const BUNDLED: &[(&str, &str)] = &[
    ("france.toml", include_str!("../rules/facts/france.toml")),
    ("international.toml", include_str!("../rules/facts/international.toml")),
    ("united-states.toml", include_str!("../rules/facts/united-states.toml")),
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FactFile {
    #[serde(default)]
    fact: Vec<Fact>,
}

/// Parses one facts file (`[[fact]]` tables), validating each fact.
pub fn parse_file(text: &str) -> Result<Vec<Fact>, String> {
    let file: FactFile = toml::from_str(text).map_err(|e| e.to_string())?;
    for f in &file.fact {
        f.validate().map_err(|(_, m)| m)?;
    }
    Ok(file.fact)
}

/// Every bundled fact, parsed once.
pub fn bundled() -> &'static [Fact] {
    static FACTS: OnceLock<Vec<Fact>> = OnceLock::new();
    FACTS.get_or_init(|| {
        // The files are part of the binary and tests/facts.rs parses each: a failure here is a
        // build defect, not an input error.
        BUNDLED
            .iter()
            .flat_map(|(name, text)| {
                #[allow(clippy::expect_used)]
                parse_file(text).map_err(|e| format!("rules/facts/{name}: {e}")).expect("bundled facts are valid")
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_bundled_facts() {
        let facts = bundled();
        for (id, value) in [
            ("us-electoral-college-total", 538.0),
            ("us-electoral-college-majority", 270.0),
            ("us-senate-seats", 100.0),
            ("us-house-seats", 435.0),
            ("fr-assemblee-nationale-seats", 577.0),
            ("fr-assemblee-nationale-majority", 289.0),
            ("fr-senat-seats", 348.0),
            ("eu-member-states", 27.0),
            ("eu-member-states-2013", 28.0),
            ("un-security-council-members", 15.0),
        ] {
            let f = facts.iter().find(|f| f.id == id);
            assert_eq!(f.map(|f| f.value), Some(value), "{id}");
        }
        let mut ids: Vec<&str> = facts.iter().map(|f| f.id.as_str()).collect();
        let n = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), n, "fact ids are unique");
    }

    #[test]
    fn holds_during_its_period_only() {
        let eu28 = bundled().iter().find(|f| f.id == "eu-member-states-2013").expect("bundled");
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("valid");
        assert!(eu28.holds_during(Some((day(2015, 1, 1), day(2015, 12, 31)))));
        assert!(eu28.holds_during(Some((day(2013, 1, 1), day(2013, 12, 31)))));
        assert!(!eu28.holds_during(Some((day(2020, 2, 1), day(2020, 2, 1)))));
        assert!(!eu28.holds_during(Some((day(2012, 1, 1), day(2012, 12, 31)))));
        assert!(!eu28.holds_during(None));
    }

    #[test]
    fn rejects_bad_facts() {
        for bad in [
            "[[fact]]\nid = \"x\"\nvalue = 1\n",
            "[[fact]]\nid = \"x\"\nvalue = 1\naliases = [\"a\"]\nkind = \"max\"\n",
            "[[fact]]\nid = \"x\"\nvalue = 1\naliases = [\"a\"]\nvalid_from = \"2020-13-01\"\n",
            "[[fact]]\nid = \"x\"\nvalue = 1\naliases = [\"a\"]\ncolour = \"red\"\n",
        ] {
            assert!(parse_file(bad).is_err(), "{bad}");
        }
        assert!(parse_file("[[fact]]\nid = \"x\"\nvalue = 1\naliases = [\"a\"]\n").is_ok());
    }
}
