//! Html → Document: offsets always land on whole characters of the file.
#![no_main]

use factlint::source::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (lang, src) = factlint_fuzz::split(data);
    factlint_fuzz::document(&src, Format::Html, lang);
});
