//! Word lists per language, from `rules/lang/<code>.toml` (embedded at build time).
//!
//! Each claim family owns one table of the file and the struct that reads it: `[numbers]` in
//! number.rs, `[dates]` in date.rs, `[names]` in name.rs.

use super::date::DateLexicon;
use super::name::NameLexicon;
use super::number::NumberLexicon;
use super::prefilter::Prefilter;
use crate::source::Lang;
use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LangFile {
    pub numbers: NumberLexicon,
    pub dates: DateLexicon,
    pub names: NameLexicon,
}

#[derive(Debug)]
pub struct Lexicon {
    pub lang: Lang,
    pub numbers: NumberLexicon,
    pub dates: DateLexicon,
    pub names: NameLexicon,
    pub prefilter: Prefilter,
}

pub const FR_TOML: &str = include_str!("../../rules/lang/fr.toml");
pub const EN_TOML: &str = include_str!("../../rules/lang/en.toml");

impl Lexicon {
    /// The built-in lexicon of `lang`, parsed once.
    pub fn get(lang: Lang) -> &'static Lexicon {
        static FR: OnceLock<Lexicon> = OnceLock::new();
        static EN: OnceLock<Lexicon> = OnceLock::new();
        match lang {
            Lang::Fr => FR.get_or_init(|| Lexicon::parse(Lang::Fr, FR_TOML)),
            Lang::En => EN.get_or_init(|| Lexicon::parse(Lang::En, EN_TOML)),
        }
    }

    fn parse(lang: Lang, toml_text: &str) -> Lexicon {
        // The files are part of the binary and tests/meta.rs parses both: a failure here is a
        // build defect, not an input error.
        #[allow(clippy::expect_used)]
        let file: LangFile = toml::from_str(toml_text).expect("rules/lang/*.toml is valid (tests check it)");
        let mut words: Vec<String> = Vec::new();
        words.extend(file.numbers.trigger_words());
        words.extend(file.dates.trigger_words());
        words.extend(file.names.trigger_words());
        let prefilter = Prefilter::new(&words);
        Lexicon { lang, numbers: file.numbers, dates: file.dates, names: file.names, prefilter }
    }
}
