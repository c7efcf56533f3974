//! What the fuzz targets share: how the fuzzer's bytes become a draft, each extractor family run
//! on its own, and the invariants every output must keep whatever the input.

use factlint::extract::{date, frames, name, number, Claim, ClaimKind, Claims, ExtractOptions, Lexicon, RunCx};
use factlint::source::{Document, Format, Lang, ReadOptions};

/// The first byte picks the language (French, English or detected); the rest, decoded lossily so
/// that no input is wasted, is the draft.
pub fn split(data: &[u8]) -> (Option<Lang>, String) {
    let (head, rest) = data.split_first().map_or((0, data), |(h, r)| (*h, r));
    let lang = match head % 3 {
        0 => Some(Lang::Fr),
        1 => Some(Lang::En),
        _ => None,
    };
    (lang, String::from_utf8_lossy(rest).into_owned())
}

/// The draft read in `format`, with a publication date so that relative dates resolve.
pub fn document(src: &str, format: Format, lang: Option<Lang>) -> Document<'_> {
    let opts = ReadOptions { lang, pub_date: chrono::NaiveDate::from_ymd_opt(2024, 2, 29), ..ReadOptions::default() };
    let doc = Document::read(src, format, &opts);
    assert_document(&doc);
    doc
}

/// Every run maps its text back to whole characters of the file, in order.
pub fn assert_document(doc: &Document<'_>) {
    for run in &doc.runs {
        let span = run.span(0, run.text.len());
        assert!(span.start <= span.end && span.text(doc.src).is_some(), "run span {span:?} outside the file");
        for &(s, e) in &run.sentences {
            assert!(s <= e && run.text.get(s..e).is_some(), "sentence {s}..{e} not a char range of the run");
        }
    }
}

/// A claim's span is a char range of the file, its local range one of its run; its values are
/// finite (a value beyond f64 is skipped, not read as infinity).
pub fn assert_claims(doc: &Document<'_>, claims: &[Claim]) {
    for c in claims {
        assert!(
            c.span.start <= c.span.end && c.span.text(doc.src).is_some(),
            "claim span {:?} not in the file",
            c.span
        );
        let run = doc.runs.get(c.run).expect("a claim names an existing run");
        assert!(run.text.get(c.local.0..c.local.1).is_some(), "claim local {:?} not in its run", c.local);
        let values = match &c.kind {
            ClaimKind::Number(n) => vec![n.value],
            ClaimKind::Percent(p) => vec![p.value],
            ClaimKind::Money(m) => vec![m.value],
            ClaimKind::Range(r) => vec![r.low, r.high],
            _ => vec![],
        };
        assert!(values.iter().all(|v| v.is_finite()), "{:?}", c.kind);
    }
}

/// One extractor family, run alone over every run of the document.
#[derive(Clone, Copy)]
pub enum Family {
    Numbers,
    Dates,
    Names,
}

pub fn extract_family(doc: &Document<'_>, family: Family) -> Claims {
    let lex = Lexicon::get(doc.lang);
    let options = ExtractOptions::default();
    let mut claims = Claims::default();
    let mut candidates = Vec::new();
    let mut seen = name::Seen::default();
    for (run_index, run) in doc.runs.iter().enumerate() {
        candidates.clear();
        lex.prefilter.candidates(&run.text, &mut candidates);
        let cx = RunCx { run_index, run, lex, doc, candidates: &candidates, options: &options };
        let first = claims.items.len();
        match family {
            Family::Numbers => number::scan(&cx, first, &mut claims.items),
            Family::Dates => date::scan(&cx, &mut claims.items),
            Family::Names => name::scan(&cx, first, &mut claims.items, &mut seen),
        }
        if let Some(new) = claims.items.get_mut(first..) {
            new.sort_by_key(|c| c.local);
        }
        if matches!(family, Family::Numbers) {
            frames::scan(&cx, first, &mut claims);
        }
    }
    assert_claims(doc, &claims.items);
    claims
}
