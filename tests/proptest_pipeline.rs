//! No input crashes the whole check (read, extract, rules, suppressions, fixes), in any format:
//! arbitrary Unicode, and soups of the tokens the parsers care about. Every span the check
//! returns is a char range of the file, so reports and fixes can slice it.

use factlint::check::{check_text, RunOptions};
use factlint::config::Config;
use factlint::extract::ClaimKind;
use factlint::source::{Format, Lang};
use proptest::prelude::*;

/// Checks `src` in every format, both languages and detection, then applies the fixes.
fn check_everywhere(src: &str) -> Result<(), TestCaseError> {
    let config = Config::default();
    for format in [Format::Markdown, Format::Html, Format::Text] {
        for lang in [Some(Lang::Fr), Some(Lang::En), None] {
            let run = RunOptions { lang, pub_date: chrono::NaiveDate::from_ymd_opt(2024, 2, 29) };
            let checked = check_text(src, format, &config, &run);
            for c in &checked.claims.items {
                prop_assert!(c.span.text(src).is_some(), "claim {:?} of {:?}", c.span, src);
                prop_assert!(values(&c.kind).iter().all(|v| v.is_finite()), "{:?} in {:?}", c.kind, src);
            }
            for d in &checked.diagnostics {
                prop_assert!(d.span.text(src).is_some(), "finding {:?} of {:?}", d.span, src);
                for r in &d.related {
                    prop_assert!(r.span.text(src).is_some(), "evidence {:?} of {:?}", r.span, src);
                }
            }
            let (fixed, _) = factlint::fix::apply(src, &checked.diagnostics);
            prop_assert!(fixed.len() < src.len() + 4096, "fixes of {:?} grew it to {:?}", src, fixed);
        }
    }
    Ok(())
}

/// The numeric values a claim carries: beyond f64, a value is skipped, never infinite or NaN.
fn values(kind: &ClaimKind) -> Vec<f64> {
    match kind {
        ClaimKind::Number(n) => vec![n.value],
        ClaimKind::Percent(p) => vec![p.value],
        ClaimKind::Money(m) => vec![m.value],
        ClaimKind::Range(r) => vec![r.low, r.high],
        _ => vec![],
    }
}

#[test]
fn values_beyond_f64_are_skipped() {
    let nines = "9".repeat(400);
    let ten_thousand = "9".repeat(10_000);
    for src in [
        format!("Il y a {nines} habitants et {ten_thousand} votants, 1e400 cas, 10^400 fois."),
        format!("{nines},5 % des {nines} millions d'euros, entre {nines} et {ten_thousand} personnes."),
        format!("About {nines} billion dollars, {nines}.5 percent, {nines}bn people."),
    ] {
        check_everywhere(&src).unwrap();
    }
}

/// Tokens that steer the parsers: digits and their separators, signs, scales, months, weekdays,
/// part/whole and range words, accents and combining marks, bidi controls, Markdown and HTML.
fn tokens() -> impl Strategy<Value = String> {
    let token = proptest::sample::select(vec![
        "0",
        "1",
        "12",
        "31",
        "45",
        "99",
        "1999",
        "2024",
        "99999",
        "100000000000000000000",
        "3,5",
        "3.5",
        "1 000",
        "1\u{a0}000",
        "1\u{202f}000",
        "1,000",
        "1.000",
        ",",
        ".",
        " ",
        "\u{a0}",
        "\u{202f}",
        "-",
        "–",
        "−",
        "+",
        "%",
        " %",
        "‰",
        "sur",
        "des",
        "of",
        "out of",
        "/",
        "^",
        "e",
        "E",
        "10^",
        "e400",
        "million",
        "millions",
        "milliard",
        "bn",
        "M",
        "Md",
        "k",
        "€",
        "$",
        "£",
        "euros",
        "janvier",
        "février",
        "29",
        "février 2023",
        "mars",
        "décembre",
        "May",
        "Feb.",
        "June",
        "lundi",
        "mardi",
        "Monday",
        "1er",
        "2e",
        "IIe",
        "21st",
        "second",
        "deuxième",
        "soixante-dix",
        "quatre-vingt",
        "vingt et un",
        "mille",
        "ninety-nine",
        "hundred",
        "thousand",
        "a dozen",
        "la moitié",
        "two-thirds",
        "environ",
        "plus de",
        "at least",
        "entre",
        "et",
        "à",
        "between",
        "and",
        "to",
        "soit",
        "au total",
        "in total",
        "ans",
        "years old",
        "âgé de",
        "né le",
        "il y a",
        "ago",
        "depuis",
        "h",
        "14h30",
        "2:30",
        "p.m.",
        "Jean",
        "Dupont",
        "J.",
        "Marie-Claire",
        "O'Neil",
        "de",
        "Donald",
        "Dolnald",
        "Trump",
        "é",
        "e\u{301}",
        "\u{301}",
        "\u{200f}",
        "\u{202e}",
        "\u{2066}",
        "\u{5d0}",
        "\u{627}",
        "\u{feff}",
        "\n",
        "\r\n",
        "\r",
        "\n\n",
        "# ",
        "- ",
        "* ",
        "> ",
        "1. ",
        "`",
        "```",
        "**",
        "_",
        "[",
        "]",
        "(",
        ")",
        "](x)",
        "<!--",
        "-->",
        "<!-- factlint-disable-next-line -->",
        "<p>",
        "</p>",
        "<script>",
        "&amp;",
        "&#",
        ";",
        "---\n",
        "lang: fr\n",
        "date: 2024-02-29\n",
        "|",
        ":",
        "«",
        "»",
        "’",
        "'",
        "\"",
        "…",
        "🎉",
    ]);
    proptest::collection::vec(token, 0..48).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn arbitrary_unicode(src in "\\PC{0,160}") {
        check_everywhere(&src)?;
    }

    #[test]
    fn arbitrary_chars_with_controls(src in proptest::collection::vec(any::<char>(), 0..120)) {
        check_everywhere(&src.into_iter().collect::<String>())?;
    }

    #[test]
    fn interesting_tokens(src in tokens()) {
        check_everywhere(&src)?;
    }
}
