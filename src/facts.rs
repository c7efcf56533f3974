//! Known constants: `rules/facts/*.toml` and the user's `[[facts]]` in factlint.toml.

use chrono::NaiveDate;
use serde::Deserialize;
use toml::Spanned;

/// One constant: "the US Electoral College has 538 electors".
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    /// Stable id: "us-electoral-college-total".
    pub id: String,
    /// The value.
    pub value: f64,
    /// Phrases that name the quantity, in any language: "grands électeurs", "electoral votes".
    #[serde(default)]
    pub aliases: Vec<String>,
    /// What the value is: "total" (the whole) or "threshold" (needed to win).
    #[serde(default)]
    pub kind: Option<String>,
    /// Valid from this date (YYYY-MM-DD), inclusive.
    #[serde(default)]
    pub valid_from: Option<Spanned<String>>,
    /// Valid until this date (YYYY-MM-DD), exclusive.
    #[serde(default)]
    pub valid_until: Option<Spanned<String>>,
    /// A sentence to cite in messages.
    #[serde(default)]
    pub source: Option<String>,
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
        Ok(())
    }
}
