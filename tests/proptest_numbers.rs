//! Issue 4's round trip through the whole check: a random value rendered in French or English
//! conventions (grouped digits, decimal comma or point, scale words and suffixes, number words in
//! both spellings of French), embedded in a Markdown draft, must come back from `check_text` as
//! one number claim over exactly the rendered text, with exactly the rendered value.

use factlint::check::{check_text, RunOptions};
use factlint::config::Config;
use factlint::extract::ClaimKind;
use factlint::source::{Format, Lang};
use proptest::prelude::*;

/// The number and percent claims of a draft, as (text, value).
fn numbers(src: &str, lang: Lang) -> Vec<(String, f64)> {
    let run = RunOptions { lang: Some(lang), pub_date: None };
    let checked = check_text(src, Format::Markdown, &Config::default(), &run);
    let text = |c: &factlint::extract::Claim| checked.doc.text(c.span).to_string();
    checked
        .claims
        .items
        .iter()
        .filter_map(|c| match &c.kind {
            ClaimKind::Number(n) => Some((text(c), n.value)),
            ClaimKind::Percent(p) => Some((text(c), p.value)),
            _ => None,
        })
        .collect()
}

/// `written` in a sentence of its own, read back: one number (or percentage), over `written`, worth `want`
/// (to the last bit for integers; to 1e-12 relative for decimals times a scale).
fn reads_back(lang: Lang, written: &str, want: f64) -> Result<(), TestCaseError> {
    let sentence = match lang {
        Lang::Fr => "Selon la mairie, {} habitants vivent dans la commune.\n",
        Lang::En => "According to the council, {} residents live in the town.\n",
    };
    reads_back_in(sentence, lang, written, want)
}

/// As [`reads_back`], in a sentence of the caller's, `{}` marking where the value goes.
fn reads_back_in(sentence: &str, lang: Lang, written: &str, want: f64) -> Result<(), TestCaseError> {
    let src = sentence.replace("{}", written);
    let got = numbers(&src, lang);
    prop_assert_eq!(got.len(), 1, "{:?} → {:?}", src, got);
    let (text, value) = &got[0];
    prop_assert_eq!(text.as_str(), written, "{:?}", src);
    prop_assert!((value - want).abs() <= want.abs() * 1e-12, "{:?} read as {}, not {}", src, value, want);
    Ok(())
}

// ---- digits ----

/// `n` with its thousands grouped by `sep` ("" for none).
fn grouped(n: u64, sep: &str) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

/// The thousands separators each language's copy uses: French typesets U+202F or U+00A0 (or a
/// plain space, or a point in older copy); English a comma, or a space in SI style.
fn separators(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Fr => &["\u{202f}", "\u{a0}", " ", ".", ""],
        Lang::En => &[",", " ", "\u{a0}", ""],
    }
}

fn lang() -> impl Strategy<Value = Lang> {
    prop_oneof![Just(Lang::Fr), Just(Lang::En)]
}

/// A language and one of its separators.
fn lang_sep() -> impl Strategy<Value = (Lang, &'static str)> {
    lang().prop_flat_map(|l| (Just(l), proptest::sample::select(separators(l))))
}

// ---- French number words ----

const FR_UNITS: [&str; 17] = [
    "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze", "treize",
    "quatorze", "quinze", "seize",
];
const FR_TENS: [&str; 7] = ["", "dix", "vingt", "trente", "quarante", "cinquante", "soixante"];

/// French words for 1..=999, as a list of words to be joined. `last`: nothing follows (not even
/// "mille"), so "vingts" and "cents" take their plural s ("quatre-vingts", "deux cents", but
/// "quatre-vingt mille", "deux cent trois").
fn fr_words(n: u64, last: bool) -> Vec<String> {
    let (h, r) = (n / 100, n % 100);
    let mut words = Vec::new();
    match h {
        0 => {}
        1 => words.push("cent".to_string()),
        _ => {
            words.push(FR_UNITS[h as usize].to_string());
            words.push(if r == 0 && last { "cents" } else { "cent" }.to_string());
        }
    }
    let (t, u) = (r / 10, r % 10);
    match r {
        0 => {}
        1..=16 => words.push(FR_UNITS[r as usize].to_string()),
        17..=19 => words.push(format!("dix-{}", FR_UNITS[u as usize])),
        20..=69 if u == 0 => words.push(FR_TENS[t as usize].to_string()),
        20..=69 if u == 1 => words.extend([FR_TENS[t as usize].to_string(), "et".into(), "un".into()]),
        20..=69 => words.push(format!("{}-{}", FR_TENS[t as usize], FR_UNITS[u as usize])),
        71 => words.extend(["soixante".to_string(), "et".into(), "onze".into()]),
        70..=79 => words.push(format!("soixante-{}", fr_below_20(r - 60))),
        80 => words.push(if last { "quatre-vingts" } else { "quatre-vingt" }.to_string()),
        _ => words.push(format!("quatre-vingt-{}", fr_below_20(r - 80))),
    }
    words
}

fn fr_below_20(n: u64) -> String {
    match n {
        0..=16 => FR_UNITS[n as usize].to_string(),
        _ => format!("dix-{}", FR_UNITS[(n - 10) as usize]),
    }
}

/// French words for 1..=999,999: traditional spelling (hyphens only below 100, except around
/// "et") or the 1990 rectified one (hyphens between all the words: "deux-cent-vingt-et-un").
fn render_fr(n: u64, rectified: bool) -> String {
    let (th, r) = (n / 1000, n % 1000);
    let mut words = Vec::new();
    match th {
        0 => {}
        1 => words.push("mille".to_string()),
        _ => {
            words.extend(fr_words(th, false));
            words.push("mille".to_string());
        }
    }
    if r > 0 {
        words.extend(fr_words(r, true));
    }
    words.join(if rectified { "-" } else { " " })
}

// ---- English number words ----

/// English words below twenty, and the tens.
fn en_unit(n: u64) -> &'static str {
    let units = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen \
                 sixteen seventeen eighteen nineteen";
    units.split_whitespace().nth(n as usize).unwrap_or("?")
}

fn en_ten(n: u64) -> &'static str {
    "twenty thirty forty fifty sixty seventy eighty ninety".split(' ').nth(n as usize - 2).unwrap_or("?")
}

/// English words for 1..=999; `and`: British "two hundred and five".
fn en_words(n: u64, and: bool) -> Vec<String> {
    let (h, r) = (n / 100, n % 100);
    let mut words = Vec::new();
    if h > 0 {
        words.extend([en_unit(h).to_string(), "hundred".into()]);
        if and && r > 0 {
            words.push("and".into());
        }
    }
    match r {
        0 => {}
        1..=19 => words.push(en_unit(r).to_string()),
        _ if r % 10 == 0 => words.push(en_ten(r / 10).to_string()),
        _ => words.push(format!("{}-{}", en_ten(r / 10), en_unit(r % 10))),
    }
    words
}

/// English words for 1..=999,999, American ("two hundred five") or British ("two hundred and
/// five", "two thousand and five").
fn render_en(n: u64, british: bool) -> String {
    let (th, r) = (n / 1000, n % 1000);
    let mut words = Vec::new();
    if th > 0 {
        words.extend(en_words(th, british));
        words.push("thousand".into());
        if british && r > 0 && r < 100 {
            words.push("and".into());
        }
    }
    if r > 0 {
        words.extend(en_words(r, british));
    }
    words.join(" ")
}

#[test]
fn renderers_spell_as_dictionaries_do() {
    for (n, traditional, rectified) in [
        (21, "vingt et un", "vingt-et-un"),
        (71, "soixante et onze", "soixante-et-onze"),
        (80, "quatre-vingts", "quatre-vingts"),
        (99, "quatre-vingt-dix-neuf", "quatre-vingt-dix-neuf"),
        (200, "deux cents", "deux-cents"),
        (203, "deux cent trois", "deux-cent-trois"),
        (80_000, "quatre-vingt mille", "quatre-vingt-mille"),
        (200_000, "deux cent mille", "deux-cent-mille"),
        (1_080, "mille quatre-vingts", "mille-quatre-vingts"),
        (21_001, "vingt et un mille un", "vingt-et-un-mille-un"),
    ] {
        assert_eq!(render_fr(n, false), traditional);
        assert_eq!(render_fr(n, true), rectified);
    }
    assert_eq!(render_en(99, false), "ninety-nine");
    assert_eq!(render_en(200_000, false), "two hundred thousand");
    assert_eq!(render_en(2_005, true), "two thousand and five");
    assert_eq!(render_en(305_120, true), "three hundred and five thousand one hundred and twenty");
    assert_eq!(grouped(1_234_567, "\u{202f}"), "1\u{202f}234\u{202f}567");
    assert_eq!(grouped(999, ","), "999");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    #[test]
    fn grouped_digits((lang, sep) in lang_sep(), n in 0u64..1_000_000_000_000) {
        reads_back(lang, &grouped(n, sep), n as f64)?;
    }

    #[test]
    fn decimal_comma_and_point((lang, sep) in lang_sep(), int in 0u64..1_000_000, frac in "[0-9]{0,3}[1-9]") {
        // French "3,5", English "3.5"; the point is then no thousands separator in French.
        let sep = if sep == "." { "\u{202f}" } else { sep };
        let mark = if lang == Lang::Fr { "," } else { "." };
        let written = format!("{}{mark}{frac}", grouped(int, sep));
        let want: f64 = format!("{int}.{frac}").parse().expect("a decimal");
        reads_back(lang, &written, want)?;
    }

    #[test]
    fn scale_words_and_suffixes(lang in lang(), int in 1u64..1000, frac in proptest::option::of(1u32..10), k in 0usize..4) {
        let (words, mark): (&[(&str, &str, f64)], &str) = match lang {
            // (singular, plural, value); a suffix is glued to the digits.
            Lang::Fr => (&[(" million", " millions", 1e6), (" milliard", " milliards", 1e9), ("M", "M", 1e6), ("Md", "Md", 1e9)], ","),
            Lang::En => (&[(" million", " million", 1e6), (" billion", " billion", 1e9), ("bn", "bn", 1e9), ("M", "M", 1e6)], "."),
        };
        let (one, many, scale) = words[k];
        let figure = match frac {
            Some(f) => format!("{int}{mark}{f}"),
            None => int.to_string(),
        };
        // French takes the plural from 2 on ("1,5 million", "2 millions").
        let word = if lang == Lang::Fr && int >= 2 { many } else { one };
        let value: f64 = format!("{int}.{}", frac.unwrap_or(0)).parse().expect("a decimal");
        reads_back(lang, &format!("{figure}{word}"), value * scale)?;
    }

    #[test]
    fn percentages(lang in lang(), int in 0u64..1000, frac in proptest::option::of("[0-9]?[1-9]"), k in 0usize..3) {
        let (mark, signs): (&str, [&str; 3]) = match lang {
            Lang::Fr => (",", ["\u{202f}%", "\u{a0}%", " pour cent"]),
            Lang::En => (".", ["%", " percent", " per cent"]),
        };
        let figure = match &frac {
            Some(f) => format!("{int}{mark}{f}"),
            None => int.to_string(),
        };
        let value: f64 = format!("{int}.{}", frac.as_deref().unwrap_or("0")).parse().expect("a decimal");
        let sentence = match lang {
            Lang::Fr => "Le taux de participation atteint {} dans la commune.\n",
            Lang::En => "Turnout reached {} in the town.\n",
        };
        reads_back_in(sentence, lang, &format!("{figure}{}", signs[k]), value)?;
    }

    #[test]
    fn signed_values(lang in lang(), n in 1u64..1_000_000, minus in proptest::sample::select(vec!["-", "−", "+"])) {
        let sentence = match lang {
            Lang::Fr => "Le solde du compte passe à {} cette fois.\n",
            Lang::En => "The account balance moved to {} this time.\n",
        };
        let want = if minus == "+" { n as f64 } else { -(n as f64) };
        reads_back_in(sentence, lang, &format!("{minus}{n}"), want)?;
    }

    #[test]
    fn french_words(n in 2u64..1_000_000, rectified in any::<bool>()) {
        reads_back(Lang::Fr, &render_fr(n, rectified), n as f64)?;
    }

    #[test]
    fn english_words(n in 2u64..1_000_000, british in any::<bool>()) {
        reads_back(Lang::En, &render_en(n, british), n as f64)?;
    }

    #[test]
    fn millions_in_words(lang in lang(), n in 2u64..1000) {
        let written = match lang {
            Lang::Fr => format!("{} millions", render_fr(n, false)),
            Lang::En => format!("{} million", render_en(n, false)),
        };
        reads_back(lang, &written, n as f64 * 1e6)?;
    }
}
