//! Extraction: prose runs → typed claims (numbers, dates, names…) and the frames that relate them.
//!
//! One pass per run: the [`prefilter`] finds candidate positions (digits and lexicon words), then
//! each family's nom parsers are tried only there. Temporal claims are read first, so that
//! "12 février 2022" is a date and not the numbers 12 and 2022; numeric claims skip what a
//! temporal claim already covers; names come last.

pub mod age;
pub mod counted;
pub mod date;
pub mod duration;
pub mod frames;
pub mod lexicon;
pub mod name;
pub mod name_list;
pub mod number;
pub mod number_digits;
pub mod number_glued;
pub mod number_words;
pub mod offset;
pub mod prefilter;
pub mod quantity;
pub mod ratio;
pub mod resolve;
pub mod temporal;
pub mod time;

use crate::source::Document;
use crate::span::Span;
use serde_json::{Map, Value};

pub use age::AgeClaim;
pub use date::{DateClaim, Grain, Period, YearSource};
pub use duration::{DurationClaim, Unit};
pub use frames::{ListCount, PartWhole, TotalFrame};
pub use lexicon::Lexicon;
pub use name::NameClaim;
pub use number::{Counted, Form, MoneyClaim, NumberClaim, OrdinalClaim, PercentClaim, RangeClaim, RangeUnit};
pub use offset::{Anchor, Direction, OffsetClaim};
pub use ratio::ShareClaim;
pub use time::TimeClaim;

/// How a value is qualified: "environ 70", "plus de 70", "at least 70".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Approx {
    About,
    AtLeast,
    AtMost,
    MoreThan,
    LessThan,
}

impl Approx {
    pub fn as_str(self) -> &'static str {
        match self {
            Approx::About => "about",
            Approx::AtLeast => "at_least",
            Approx::AtMost => "at_most",
            Approx::MoreThan => "more_than",
            Approx::LessThan => "less_than",
        }
    }
}

/// What a claim says, by family.
#[derive(Clone, Debug, PartialEq)]
pub enum ClaimKind {
    Number(NumberClaim),
    Percent(PercentClaim),
    Ordinal(OrdinalClaim),
    Money(MoneyClaim),
    Range(RangeClaim),
    Date(DateClaim),
    Time(TimeClaim),
    Duration(DurationClaim),
    Offset(OffsetClaim),
    Age(AgeClaim),
    Name(NameClaim),
    /// A share as a value ("1 sur 3" = 0.333…), kind `number` in the JSON; only in
    /// [`Claims::shares`], never in [`Claims::items`].
    Share(ShareClaim),
}

impl ClaimKind {
    /// The `kind` of `factlint extract`'s JSON.
    pub fn name(&self) -> &'static str {
        match self {
            ClaimKind::Number(_) => "number",
            ClaimKind::Percent(_) => "percent",
            ClaimKind::Ordinal(_) => "ordinal",
            ClaimKind::Money(_) => "money",
            ClaimKind::Range(_) => "range",
            ClaimKind::Date(_) => "date",
            ClaimKind::Time(_) => "time",
            ClaimKind::Duration(_) => "duration",
            ClaimKind::Offset(_) => "offset",
            ClaimKind::Age(_) => "age",
            ClaimKind::Name(_) => "name",
            ClaimKind::Share(_) => "number",
        }
    }

    /// Writes `value` and the kind's extra fields (DESIGN.md, `extract --format json`).
    pub fn json_fields(&self, out: &mut Map<String, Value>) {
        match self {
            ClaimKind::Number(c) => c.json_fields(out),
            ClaimKind::Percent(c) => c.json_fields(out),
            ClaimKind::Ordinal(c) => c.json_fields(out),
            ClaimKind::Money(c) => c.json_fields(out),
            ClaimKind::Range(c) => c.json_fields(out),
            ClaimKind::Date(c) => c.json_fields(out),
            ClaimKind::Time(c) => c.json_fields(out),
            ClaimKind::Duration(c) => c.json_fields(out),
            ClaimKind::Offset(c) => c.json_fields(out),
            ClaimKind::Age(c) => c.json_fields(out),
            ClaimKind::Name(c) => c.json_fields(out),
            ClaimKind::Share(c) => c.json_fields(out),
        }
    }
}

/// One claim: what it says and exactly the text it was read from.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    /// Bytes of the original file.
    pub span: Span,
    /// The prose run it was read from, and its byte range in that run's text.
    pub run: usize,
    pub local: (usize, usize),
    pub kind: ClaimKind,
}

/// Every claim of a document, in text order, and the frames that relate them.
#[derive(Clone, Debug, Default)]
pub struct Claims {
    pub items: Vec<Claim>,
    /// "295 … sur les 270", "12 of the 10 members".
    pub part_wholes: Vec<PartWhole>,
    /// "trois pays : la France et l'Allemagne".
    pub lists: Vec<ListCount>,
    /// "12 hommes et 9 femmes, soit 21 personnes".
    pub totals: Vec<TotalFrame>,
    /// "1 sur 3" read as one value (0.333…), for `factlint extract` only: rules read the part
    /// and the whole in `items` and `part_wholes`, so that nothing is counted twice.
    pub shares: Vec<Claim>,
}

impl Claims {
    pub fn get(&self, i: usize) -> Option<&Claim> {
        self.items.get(i)
    }
}

/// Per-run scratch shared by the scanners: the run, its candidates and what is already claimed.
pub struct RunCx<'a> {
    pub run_index: usize,
    pub run: &'a crate::source::ProseRun,
    pub lex: &'a Lexicon,
    pub doc: &'a Document<'a>,
    pub candidates: &'a [prefilter::Candidate],
    pub options: &'a ExtractOptions,
}

impl RunCx<'_> {
    pub fn text(&self) -> &str {
        &self.run.text
    }
    /// A claim over run text `start..end`.
    pub fn claim(&self, start: usize, end: usize, kind: ClaimKind) -> Claim {
        Claim { span: self.run.span(start, end), run: self.run_index, local: (start, end), kind }
    }
}

/// Settings that change how text is read.
#[derive(Clone, Debug, Default)]
pub struct ExtractOptions {
    /// Numeric dates in English: month first (`mdy`, the default) or day first (`dmy`).
    pub date_order: Option<DateOrder>,
    /// Leave numeric dates such as 03/04/2024 unresolved when both readings are valid.
    pub ambiguous_dates_unresolved: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateOrder {
    Mdy,
    Dmy,
}

/// Extracts every claim of `doc`.
pub fn extract(doc: &Document<'_>, options: &ExtractOptions) -> Claims {
    let lex = Lexicon::get(doc.lang);
    let mut claims = Claims::default();
    let mut candidates = Vec::new();
    let mut names = name::Seen::default();
    for (run_index, run) in doc.runs.iter().enumerate() {
        candidates.clear();
        lex.prefilter.candidates(&run.text, &mut candidates);
        let cx = RunCx { run_index, run, lex, doc, candidates: &candidates, options };
        let first = claims.items.len();
        date::scan(&cx, &mut claims.items);
        number::scan(&cx, first, &mut claims.items);
        name::scan(&cx, first, &mut claims.items, &mut names);
        claims.items[first..].sort_by_key(|c| (c.local.0, c.local.1));
        frames::scan(&cx, first, &mut claims);
        ratio::scan(&cx, first, &mut claims);
    }
    claims
}
