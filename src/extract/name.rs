//! Person names: "Donald Trump", "J. D. Vance", "Valéry Giscard d'Estaing".

use super::{Claim, RunCx};
use serde::Deserialize;
use serde_json::{json, Map, Value};

/// The `[names]` table of `rules/lang/<code>.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NameLexicon {
    /// Titles that introduce a name: "M.", "Mme", "President".
    #[serde(default)]
    pub titles: Vec<String>,
}

impl NameLexicon {
    pub fn trigger_words(&self) -> Vec<String> {
        Vec::new()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct NameClaim {
    pub name: String,
}

impl NameClaim {
    pub fn json_fields(&self, out: &mut Map<String, Value>) {
        out.insert("value".into(), json!(self.name));
    }
}

/// Reads the names of a run into `out` (claims before `first` belong to other runs).
pub fn scan(_cx: &RunCx<'_>, _first: usize, _out: &mut Vec<Claim>) {}
