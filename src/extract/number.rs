//! Numeric claims: numbers in digits and words, percentages, ordinals, money and ranges, with
//! their approximators ("environ", "more than") and the noun phrase they count.
//!
//! Reads a run's text at the prefilter's candidates (digit runs and `[numbers]` lexicon words)
//! and produces [`NumberClaim`], [`PercentClaim`], [`OrdinalClaim`], [`MoneyClaim`] and
//! [`RangeClaim`]. The grammar lives in [`super::number_digits`] (digits),
//! [`super::number_words`] (words), [`super::quantity`] (prefixes, units, ranges, what is not a
//! number) and [`super::counted`] (the counted noun phrase).

use super::prefilter::{CandidateKind, Prefilter};
use super::quantity::{self, Quantity, Value};
use super::{Approx, Claim, ClaimKind, RunCx};
use crate::span::Span;
use serde::Deserialize;
use serde_json::{json, Map, Value as Json};
use std::sync::OnceLock;

/// The `[numbers]` table of `rules/lang/<code>.toml`. Every list is data: adding a language is
/// translating these lists (see the comments in `rules/lang/fr.toml`).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumberLexicon {
    /// Words that connect a part to its whole: "sur", "of", "out of".
    #[serde(default)]
    pub part_whole: Vec<String>,
    /// Words between a part and its whole that make the two a share with a value ("1 sur 3",
    /// "one in five"): no article may follow them. A slash between integers is one too.
    #[serde(default)]
    pub share_connectors: Vec<String>,
    /// Articles and determiners that may stand between a connector and the whole.
    #[serde(default)]
    pub articles: Vec<String>,
    /// Cardinal words and their values; 100 multiplies, 1000 and up are scales.
    #[serde(default)]
    pub cardinals: Vec<(String, u64)>,
    /// Cardinal words that are also articles ("un", "a", "one"): they count only where the text
    /// clearly counts.
    #[serde(default)]
    pub article_one: Vec<String>,
    /// "un"/"une" alone is a pronoun that counts ("il en reste un"); "a" alone never is.
    #[serde(default)]
    pub lone_article_counts: bool,
    /// The decimal mark of the language: "," (French: "3,5"; "1.000" groups thousands) or ".".
    #[serde(default)]
    pub decimal_mark: String,
    /// Fraction words that are a share with no number before them: "moitié", "half".
    #[serde(default)]
    pub lone_fractions: Vec<String>,
    /// "de", "of": between a fraction or a scale and what it applies to.
    #[serde(default)]
    pub of_words: Vec<String>,
    /// Words before "second"/"seconde" that make it the unit of time, and before "moitié" an adverb.
    #[serde(default)]
    pub per_words: Vec<String>,
    /// Adjectives agree in number with their noun (French): "grands électeurs" is one phrase,
    /// "members voted" is not.
    #[serde(default)]
    pub adjectives_agree: bool,
    /// Number words that are also adjectives ("neuf"): they count only before a noun.
    #[serde(default)]
    pub adjective_numbers: Vec<String>,
    /// Ordinal words ("deuxième", "fifth"); plural or after an article they are denominators.
    #[serde(default)]
    pub ordinals: Vec<(String, u64)>,
    /// Denominators that are not ordinals: "demi", "tiers", "quart", "half".
    #[serde(default)]
    pub fractions: Vec<(String, u64)>,
    /// Nouns that multiply the count before them: "douzaine", "dozen".
    #[serde(default)]
    pub multipliers: Vec<(String, u64)>,
    /// Nouns that give a round, approximate count: "dizaine", "couple".
    #[serde(default)]
    pub approx_counts: Vec<(String, u64)>,
    /// Qualifiers before a value and their [`Approx`] (`"about"`, `"more_than"`, …).
    #[serde(default)]
    pub approx_before: Vec<(String, String)>,
    /// Qualifiers after a value: "environ", "or so".
    #[serde(default)]
    pub approx_after: Vec<(String, String)>,
    /// Words for a negative sign: "moins", "minus".
    #[serde(default)]
    pub minus: Vec<String>,
    /// Decimal point in words: "virgule", "point".
    #[serde(default)]
    pub decimal_words: Vec<String>,
    /// "et"/"and" inside compound numbers.
    #[serde(default)]
    pub and_words: Vec<String>,
    /// "et demi", "and a half" after a value.
    #[serde(default)]
    pub half_after: Vec<String>,
    /// Percent signs and words.
    #[serde(default)]
    pub percent: Vec<String>,
    /// Case-sensitive letters glued to digits that scale them: "k", "M", "bn".
    #[serde(default)]
    pub suffixes: Vec<(String, u64)>,
    /// Currency words and symbols after a value, with their ISO 4217 code.
    #[serde(default)]
    pub currencies: Vec<(String, String)>,
    /// Currency symbols and codes before a value.
    #[serde(default)]
    pub currency_prefixes: Vec<(String, String)>,
    /// "entre … et …", "between … and …".
    #[serde(default)]
    pub range_between: Vec<(String, String)>,
    /// "de … à …", "from … to …".
    #[serde(default)]
    pub range_from: Vec<(String, String)>,
    /// "10 à 20", "10-20", "10 to 20".
    #[serde(default)]
    pub range_to: Vec<String>,
    /// Words before "de 10 à 20" that make it a change between two values, not a range.
    #[serde(default)]
    pub change_words: Vec<String>,
    /// Letters glued to digits that make an ordinal: "er", "e", "st", "th".
    #[serde(default)]
    pub ordinal_suffixes: Vec<String>,
    /// Letters glued to a Roman numeral that make an ordinal: "XXIe".
    #[serde(default)]
    pub roman_suffixes: Vec<String>,
    /// Words after which a number is an identifier: "page", "article", "version".
    #[serde(default)]
    pub labels: Vec<String>,
    /// Words after a number that make it a street number.
    #[serde(default)]
    pub streets: Vec<String>,
    /// Words after a number that make it a time of day: "h", "pm".
    #[serde(default)]
    pub time_after: Vec<String>,
    /// Words before "un"/"one" that make it a pronoun.
    #[serde(default)]
    pub not_one_before: Vec<String>,
    /// Words before a 4-digit number that make it a year: "en", "in".
    #[serde(default)]
    pub year_before: Vec<String>,
    /// Adjectives that stand for an omitted noun: "nécessaires", "needed".
    #[serde(default)]
    pub anaphoric: Vec<String>,
    /// Nouns whose singular is their plural: "pays", "series".
    #[serde(default)]
    pub invariant: Vec<String>,
    /// Irregular plurals and their singular.
    #[serde(default)]
    pub irregular: Vec<(String, String)>,
    /// Words that end a counted noun phrase.
    #[serde(default)]
    pub stop_words: Vec<String>,
    /// Words that join the last item of a list.
    #[serde(default)]
    pub list_and: Vec<String>,
    /// Words that leave a list open ("notamment", "including"): no count is checked then.
    #[serde(default)]
    pub list_open: Vec<String>,
    /// Words that introduce the total of parts: "soit", "a total of".
    #[serde(default)]
    pub total_markers: Vec<String>,
    /// Words that join parts: "et", "plus".
    #[serde(default)]
    pub part_join: Vec<String>,
    /// Nouns of time that make "sur"/"of" a period: "jours", "years", "derniers".
    #[serde(default)]
    pub period_nouns: Vec<String>,
    /// Units of length that make "sur" a dimension: "mètres", "feet".
    #[serde(default)]
    pub dimension_nouns: Vec<String>,
    /// The lists above, folded and sorted for matching; built on first use.
    #[serde(skip)]
    compiled: OnceLock<quantity::Compiled>,
    /// [`quantity::Compiled::word_heads`] of each word of the prefilter, by its index; built on
    /// first use.
    #[serde(skip)]
    word_heads: OnceLock<Vec<u32>>,
}

impl NumberLexicon {
    /// Where a numeric parser may start besides digits: number words, approximators, signs,
    /// currency symbols, range openers and Roman numerals with an ordinal suffix.
    pub fn trigger_words(&self) -> Vec<String> {
        let mut words: Vec<String> = Vec::new();
        let pairs_u = [&self.cardinals, &self.ordinals, &self.fractions, &self.multipliers, &self.approx_counts];
        for list in pairs_u {
            words.extend(list.iter().map(|(w, _)| w.clone()));
        }
        // Ordinal plurals ("cinquièmes", "fifths") are denominators of fractions.
        words.extend(self.ordinals.iter().map(|(w, _)| format!("{w}s")));
        words.extend(self.approx_before.iter().map(|(w, _)| w.clone()));
        words.extend(self.currency_prefixes.iter().map(|(w, _)| w.clone()));
        words.extend(self.range_between.iter().map(|(w, _)| w.clone()));
        words.extend(self.minus.iter().cloned());
        words.extend(quantity::VULGAR.iter().map(|(c, _)| c.to_string()));
        for numeral in quantity::roman_numerals() {
            for suffix in &self.roman_suffixes {
                words.push(format!("{numeral}{suffix}"));
            }
        }
        // English tens glued to a unit: "twentyfifth", "fortysecond".
        let tens = self.cardinals.iter().filter(|(w, v)| (20..100).contains(v) && !w.contains(' '));
        let units: Vec<&String> = self
            .cardinals
            .iter()
            .chain(&self.ordinals)
            .filter(|(w, v)| (1..10).contains(v) && !w.contains(' '))
            .map(|(w, _)| w)
            .collect();
        if !self.adjectives_agree {
            for (t, _) in tens {
                words.extend(units.iter().map(|u| format!("{t}{u}")));
            }
        }
        // The prefilter ignores ASCII case only: "deuxieme" and "zero" are written without their
        // accents often enough to be triggers too.
        let folded: Vec<String> = words.iter().map(|w| w.chars().map(quantity::fold).collect()).collect();
        words.extend(folded);
        words
    }

    /// The compiled lists (built once per lexicon).
    pub fn compiled(&self) -> &quantity::Compiled {
        self.compiled.get_or_init(|| quantity::Compiled::new(self))
    }

    /// The [`quantity::Compiled::word_heads`] bits of each word of `prefilter` (that of this
    /// lexicon), by the index a [`CandidateKind::Word`] candidate gives: looked up once per
    /// word of the lexicon rather than at each candidate.
    pub fn word_heads(&self, prefilter: &Prefilter) -> &[u32] {
        self.word_heads.get_or_init(|| {
            let lex = self.compiled();
            prefilter.words().map(|w| lex.word_heads(w)).collect()
        })
    }
}

/// How a number is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// "1 200", "3,5", "10k".
    Digits,
    /// "deux cent mille", "ninety-nine", "1,5 million" (digits with a scale word count as words).
    Words,
    /// A share of a whole: "la moitié", "two-thirds", "3/4" is not one (that is a part/whole).
    Fraction,
}

/// The thing a number counts: "grands électeurs" in "295 grands électeurs".
#[derive(Clone, Debug, PartialEq)]
pub struct Counted {
    /// Bytes of the original file.
    pub span: Span,
    /// Byte range in the run's text.
    pub local: (usize, usize),
    /// Normalized key that rules compare across the document: lowercase, singular, accents kept
    /// ("grands électeurs" → "grand électeur", "chefs d'État" → "chef d'état").
    pub key: String,
    /// The text as written.
    pub text: String,
    /// The noun is left out and an adjective stands for it: "les 270 nécessaires", "the 270
    /// needed". The number names a threshold or subset the text refers back to, not a total.
    pub anaphoric: bool,
}

/// A number: "295 grands électeurs", "environ 70", "deux tiers".
#[derive(Clone, Debug, PartialEq)]
pub struct NumberClaim {
    pub value: f64,
    /// "environ", "plus de", "at least"…; `None` for an exact value.
    pub approx: Option<Approx>,
    /// The noun phrase after the number, when there is one.
    pub counted: Option<Counted>,
    pub form: Form,
}

/// "45 %", "45 pour cent", "45 percent". Percentage points ("3 points de pourcentage") are a
/// [`NumberClaim`] counting "point de pourcentage": a difference, never a share of a whole.
#[derive(Clone, Debug, PartialEq)]
pub struct PercentClaim {
    /// The number before the sign (45.5 for "45,5 %").
    pub value: f64,
    pub approx: Option<Approx>,
}

/// "1er", "2e", "IIe", "second", "deuxième", "21st".
#[derive(Clone, Debug, PartialEq)]
pub struct OrdinalClaim {
    pub value: i64,
    /// Written in Roman numerals ("XXIe siècle").
    pub roman: bool,
}

/// "5 millions d'euros", "$5m", "5 M€", "£3.2bn".
#[derive(Clone, Debug, PartialEq)]
pub struct MoneyClaim {
    /// The amount in units of the currency (5000000 for "5 M€").
    pub value: f64,
    /// ISO 4217 code.
    pub currency: String,
    pub approx: Option<Approx>,
}

/// What the two ends of a range measure.
#[derive(Clone, Debug, PartialEq)]
pub enum RangeUnit {
    /// Plain numbers: "entre 10 et 20 personnes".
    Number,
    /// "10 à 20 %".
    Percent,
    /// "entre 2 et 3 milliards d'euros": the ISO 4217 code.
    Money(String),
}

/// "entre 10 et 20", "de 10 à 20", "10-20", "between 10 and 20", "10 to 20". Only when
/// `low < high`: "3-1" is a score and "de 20 à 10" a change, neither is a range.
#[derive(Clone, Debug, PartialEq)]
pub struct RangeClaim {
    pub low: f64,
    pub high: f64,
    pub unit: RangeUnit,
    /// "environ 10 à 20".
    pub approx: Option<Approx>,
    /// The noun phrase after the range: "10 à 20 personnes".
    pub counted: Option<Counted>,
}

/// A value as JSON: an integer when it is one.
pub fn json_number(v: f64) -> Json {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        json!(v as i64)
    } else {
        json!(v)
    }
}

fn approx_field(out: &mut Map<String, Json>, approx: Option<Approx>) {
    if let Some(a) = approx {
        out.insert("approx".into(), json!(a.as_str()));
    }
}

impl NumberClaim {
    pub fn json_fields(&self, out: &mut Map<String, Json>) {
        out.insert("value".into(), json_number(self.value));
        approx_field(out, self.approx);
        if let Some(c) = &self.counted {
            out.insert("counted".into(), json!(c.text));
        }
    }
}
impl PercentClaim {
    pub fn json_fields(&self, out: &mut Map<String, Json>) {
        out.insert("value".into(), json_number(self.value));
        approx_field(out, self.approx);
    }
}
impl OrdinalClaim {
    pub fn json_fields(&self, out: &mut Map<String, Json>) {
        out.insert("value".into(), json!(self.value));
    }
}
impl MoneyClaim {
    pub fn json_fields(&self, out: &mut Map<String, Json>) {
        out.insert("value".into(), json_number(self.value));
        out.insert("currency".into(), json!(self.currency));
        approx_field(out, self.approx);
    }
}
impl RangeClaim {
    pub fn json_fields(&self, out: &mut Map<String, Json>) {
        out.insert("value".into(), json!({"low": json_number(self.low), "high": json_number(self.high)}));
        approx_field(out, self.approx);
    }
}

/// Reads the numeric claims of a run. `first` is the index of the run's first claim in `out`:
/// the temporal claims already there are not read again.
pub fn scan(cx: &RunCx<'_>, first: usize, out: &mut Vec<Claim>) {
    let text = cx.text();
    let lex = cx.lex.numbers.compiled();
    let word_heads = cx.lex.numbers.word_heads(&cx.lex.prefilter);
    // Temporal claims sorted by start; candidates come in text order, so one cursor walks both
    // (a scan of every temporal claim per candidate made long runs quadratic).
    let mut temporal: Vec<(usize, usize)> = out.get(first..).unwrap_or_default().iter().map(|c| c.local).collect();
    temporal.sort_unstable();
    let mut cursor = 0;
    let overlaps_temporal = |from: usize, s: usize, e: usize| {
        temporal.get(from..).unwrap_or_default().iter().take_while(|&&(ts, _)| ts < e).any(|&(ts, te)| s < te && ts < e)
    };
    let mut resume = 0;
    for cand in cx.candidates {
        // Temporal claims ending before this candidate can overlap nothing further on, except a
        // long one that an earlier, shorter claim hides: keep the cursor at the first that ends
        // after the candidate among those starting before it.
        while temporal.get(cursor).is_some_and(|&(_, te)| te <= cand.at) {
            cursor += 1;
        }
        let from = cursor.saturating_sub(8);
        if cand.at < resume || overlaps_temporal(from, cand.at, cand.at + 1) {
            continue;
        }
        let digits = cand.kind == CandidateKind::Digits;
        // "1e10", ".0012G", "2,33 k": glued readings the quantity reader leaves alone.
        if digits && super::number_glued::may_read(lex, text, cand.at) {
            match super::number_glued::read(lex, text, cand.at) {
                Some(super::number_glued::Glued::Found { start, end, value }) => {
                    let before = temporal.partition_point(|&(ts, _)| ts < start).saturating_sub(8);
                    if !overlaps_temporal(from.min(before), start, end) {
                        // "1,1^23 pourcent"
                        let (end, value) = match percent_after(cx, text, end) {
                            Some(l) => (end + l, Value::Percent(value)),
                            None => (end, Value::Number { value, form: Form::Digits, countable: true }),
                        };
                        resume = end;
                        push(cx, text, lex, Quantity { start, end, value, approx: None }, out);
                        continue;
                    }
                }
                Some(super::number_glued::Glued::Skip(end)) => {
                    resume = end;
                    continue;
                }
                None => {}
            }
        }
        let read = match cand.kind {
            CandidateKind::Word(ix) => match word_heads.get(ix as usize) {
                Some(&heads) => quantity::read_with(lex, text, cand.at, false, heads),
                None => quantity::read(lex, text, cand.at, false),
            },
            CandidateKind::Digits => quantity::read(lex, text, cand.at, true),
        };
        match read {
            quantity::Read::Found(q) => {
                if overlaps_temporal(
                    from.min(temporal.partition_point(|&(ts, _)| ts < q.start).saturating_sub(8)),
                    q.start,
                    q.end,
                ) {
                    continue;
                }
                resume = q.end;
                push(cx, text, lex, q, out);
            }
            quantity::Read::Skip(end) => resume = end,
            quantity::Read::Nothing => {}
        }
    }
}

/// A percent sign or word after `end` (one space at most): its length with the space.
fn percent_after(cx: &RunCx<'_>, text: &str, end: usize) -> Option<usize> {
    let rest = text.get(end..)?;
    let gap = rest.len() - rest.trim_start_matches(quantity::is_space).len();
    let r = rest.get(gap..)?;
    cx.lex.numbers.percent.iter().find_map(|p| {
        let folded: String = p.chars().map(quantity::fold).collect();
        quantity::phrase(&folded, r).map(|l| gap + l)
    })
}

fn push(cx: &RunCx<'_>, text: &str, lex: &quantity::Compiled, q: Quantity, out: &mut Vec<Claim>) {
    let counted = |end: usize, value: f64| {
        super::counted::after(lex, text, end, value).map(|(s, e, key, anaphoric)| Counted {
            span: cx.run.span(s, e),
            local: (s, e),
            key,
            text: text.get(s..e).unwrap_or_default().to_string(),
            anaphoric,
        })
    };
    // "12 février 2022", "March 2022": a year, which counts nothing (the date reader takes it).
    let after_month = |start: usize| {
        let head = text.get(..start).unwrap_or_default().trim_end();
        let word_start = head.rfind(|c: char| !c.is_alphabetic() && c != '.').map_or(0, |i| i + 1);
        let word = head.get(word_start..).unwrap_or_default();
        !word.is_empty()
            && cx.lex.dates.months.words().any(|m| m.eq_ignore_ascii_case(word) || word.to_lowercase() == m)
    };
    let kind = match q.value {
        Value::Number { value, form, countable } => {
            let countable =
                countable && !(form == Form::Digits && (1000.0..=2100.0).contains(&value) && after_month(q.start));
            let counted = if countable { counted(q.end, value) } else { None };
            ClaimKind::Number(NumberClaim { value, approx: q.approx, counted, form })
        }
        Value::Percent(value) => ClaimKind::Percent(PercentClaim { value, approx: q.approx }),
        Value::Ordinal { value, roman } => ClaimKind::Ordinal(OrdinalClaim { value, roman }),
        Value::Money { value, currency } => {
            ClaimKind::Money(MoneyClaim { value, currency: currency.to_string(), approx: q.approx })
        }
        Value::Range { low, high, unit } => {
            let counted = if unit == RangeUnit::Number { counted(q.end, high) } else { None };
            ClaimKind::Range(RangeClaim { low, high, unit, approx: q.approx, counted })
        }
    };
    out.push(cx.claim(q.start, q.end, kind));
}
