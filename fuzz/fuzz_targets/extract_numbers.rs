//! The numbers extractor alone, over Markdown prose: no panic, spans inside the file.
#![no_main]

use factlint::source::Format;
use factlint_fuzz::Family;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (lang, src) = factlint_fuzz::split(data);
    let doc = factlint_fuzz::document(&src, Format::Markdown, lang);
    factlint_fuzz::extract_family(&doc, Family::Numbers);
});
