//! The whole check (read, extract, rules, suppressions) and the fixes, in each format.
#![no_main]

use factlint::check::{check_text, RunOptions};
use factlint::config::Config;
use factlint::source::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let format = match data.get(1).map(|b| b % 3) {
        Some(0) => Format::Markdown,
        Some(1) => Format::Html,
        _ => Format::Text,
    };
    let (lang, src) = factlint_fuzz::split(data);
    let config = Config::default();
    let run = RunOptions { lang, pub_date: chrono::NaiveDate::from_ymd_opt(2024, 2, 29) };
    let checked = check_text(&src, format, &config, &run);
    factlint_fuzz::assert_document(&checked.doc);
    factlint_fuzz::assert_claims(&checked.doc, &checked.claims.items);
    for d in &checked.diagnostics {
        assert!(d.span.text(&src).is_some(), "diagnostic span {:?} not in the file", d.span);
        for r in &d.related {
            assert!(r.span.text(&src).is_some(), "related span {:?} not in the file", r.span);
        }
    }
    let _ = factlint::fix::apply(&src, &checked.diagnostics);
});
