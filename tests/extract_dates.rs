//! Temporal extraction end to end: fixtures through the real reader (snapshots in
//! snapshots/extract/), behaviour checks on what rules rely on, and property tests (dates rendered
//! in each language's formats read back; arbitrary text never panics).

use chrono::{Datelike, NaiveDate};
use factlint::extract::{extract, Anchor, Claim, ClaimKind, Claims, DateOrder, ExtractOptions};
use factlint::source::{Document, Format, Lang, ReadOptions};
use proptest::prelude::*;
use std::fmt::Write as _;
use std::path::Path;

fn read<'s>(src: &'s str, lang: Option<Lang>, pub_date: Option<NaiveDate>) -> Document<'s> {
    Document::read(src, Format::Markdown, &ReadOptions { lang, pub_date, ..ReadOptions::default() })
}

fn claims_of(doc: &Document<'_>, options: &ExtractOptions) -> Claims {
    extract(doc, options)
}

fn is_temporal(c: &Claim) -> bool {
    matches!(
        c.kind,
        ClaimKind::Date(_) | ClaimKind::Time(_) | ClaimKind::Duration(_) | ClaimKind::Offset(_) | ClaimKind::Age(_)
    )
}

/// One line per temporal claim: kind, text, and the JSON fields `factlint extract` prints (spans
/// written as the text they cover, so the snapshot reads without offsets).
fn render(doc: &Document<'_>, claims: &Claims) -> String {
    let mut out = String::new();
    for c in claims.items.iter().filter(|c| is_temporal(c)) {
        let mut fields = serde_json::Map::new();
        c.kind.json_fields(&mut fields);
        for key in ["anchor", "subject", "person"] {
            if let Some(serde_json::Value::Object(o)) = fields.get(key) {
                let (s, e) = (o["start"].as_u64().unwrap() as usize, o["end"].as_u64().unwrap() as usize);
                let text = doc.src.get(s..e).unwrap_or("?").to_string();
                fields.insert(key.into(), serde_json::Value::String(text));
            }
        }
        let _ = writeln!(out, "{:8} {:?} {}", c.kind.name(), doc.text(c.span), serde_json::Value::Object(fields));
    }
    out
}

#[test]
fn reads_fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/extract/dates");
    let mut paths: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    assert!(paths.len() >= 10, "fixtures missing in {}", dir.display());
    for path in paths {
        let src = std::fs::read_to_string(&path).unwrap();
        let doc = read(&src, None, None);
        let claims = claims_of(&doc, &ExtractOptions::default());
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        insta::with_settings!({snapshot_path => "../snapshots/extract", prepend_module_to_snapshot => false, input_file => &path}, {
            insta::assert_snapshot!(format!("dates__{name}"), render(&doc, &claims));
        });
    }
}

/// The temporal claims of `text` as (kind, text as written).
fn found(lang: Lang, text: &str) -> Vec<(&'static str, String)> {
    let doc = read(text, Some(lang), NaiveDate::from_ymd_opt(2024, 11, 20));
    let claims = claims_of(&doc, &ExtractOptions::default());
    claims.items.iter().filter(|c| is_temporal(c)).map(|c| (c.kind.name(), doc.text(c.span).to_string())).collect()
}

#[test]
fn claims_whole_expressions_so_numbers_skip_them() {
    for (lang, text, want) in [
        (Lang::Fr, "Le 12 février 2022.", ("date", "12 février 2022")),
        (Lang::Fr, "Pendant 48 heures.", ("duration", "48 heures")),
        (Lang::Fr, "Jean Dupont, 78 ans, a parlé.", ("age", "78 ans")),
        (Lang::En, "On February 12, 2022.", ("date", "February 12, 2022")),
    ] {
        let doc = read(text, Some(lang), NaiveDate::from_ymd_opt(2024, 11, 20));
        let claims = claims_of(&doc, &ExtractOptions::default());
        // Names are read too; what matters here is that no number is read inside the expression.
        let got: Vec<_> = claims
            .items
            .iter()
            .filter(|c| c.kind.name() != "name")
            .map(|c| (c.kind.name(), doc.text(c.span)))
            .collect();
        assert_eq!(got, [want], "{text:?}");
    }
}

#[test]
fn resolves_against_the_publication_date_only() {
    let text = "Le vote du 20 décembre et celui du 7 novembre.";
    let date = |d: &Document<'_>| -> Vec<String> {
        claims_of(d, &ExtractOptions::default())
            .items
            .iter()
            .filter_map(|c| match &c.kind {
                ClaimKind::Date(d) => Some(format!("{} {:?}", d.value(), d.year_source)),
                _ => None,
            })
            .collect()
    };
    let jan = read(text, Some(Lang::Fr), NaiveDate::from_ymd_opt(2025, 1, 10));
    assert_eq!(date(&jan), ["2024-12-20 PrevYear", "2024-11-07 PrevYear"]);
    let nov = read(text, Some(Lang::Fr), NaiveDate::from_ymd_opt(2024, 11, 20));
    assert_eq!(date(&nov), ["2024-12-20 PubYear", "2024-11-07 PubYear"]);
    let none = read(text, Some(Lang::Fr), None);
    assert_eq!(date(&none), ["XXXX-12-20 Unresolved", "XXXX-11-07 Unresolved"]);
}

#[test]
fn links_offsets_to_their_anchor_and_subject() {
    let src = "Le 12 février 2022, soit deux semaines avant le 26 février 2022, puis la veille du scrutin.";
    let doc = read(src, Some(Lang::Fr), NaiveDate::from_ymd_opt(2024, 11, 20));
    let claims = claims_of(&doc, &ExtractOptions::default());
    let offsets: Vec<_> = claims
        .items
        .iter()
        .filter_map(|c| match &c.kind {
            ClaimKind::Offset(o) => Some((doc.text(c.span), o)),
            _ => None,
        })
        .collect();
    let (text, o) = offsets[0];
    assert_eq!(text, "deux semaines avant");
    assert!(matches!(o.anchor, Anchor::Date(s) if doc.text(s) == "26 février 2022"));
    assert_eq!(o.subject.map(|s| doc.text(s)), Some("12 février 2022"));
    assert_eq!(o.date, NaiveDate::from_ymd_opt(2022, 2, 12), "the day the offset lands on");
    let (text, o) = offsets[1];
    assert_eq!(text, "la veille");
    assert!(matches!(o.anchor, Anchor::Event(s) if doc.text(s) == "scrutin"));
}

#[test]
fn reads_numeric_dates_by_language_and_configuration() {
    let value = |lang, options: &ExtractOptions, text: &str| -> Vec<String> {
        let doc = read(text, Some(lang), None);
        claims_of(&doc, options)
            .items
            .iter()
            .filter_map(|c| match &c.kind {
                ClaimKind::Date(d) => Some(format!("{}{}", d.value(), if d.ambiguous { " ambiguous" } else { "" })),
                _ => None,
            })
            .collect()
    };
    let default = ExtractOptions::default();
    assert_eq!(value(Lang::Fr, &default, "Le 03/04/2024."), ["2024-04-03"]);
    assert_eq!(value(Lang::En, &default, "On 03/04/2024."), ["2024-03-04"]);
    let dmy = ExtractOptions { date_order: Some(DateOrder::Dmy), ..ExtractOptions::default() };
    assert_eq!(value(Lang::En, &dmy, "On 03/04/2024."), ["2024-04-03"]);
    let unresolved = ExtractOptions { ambiguous_dates_unresolved: true, ..ExtractOptions::default() };
    assert_eq!(value(Lang::En, &unresolved, "On 03/04/2024."), ["2024-XX-XX ambiguous"]);
    assert_eq!(value(Lang::En, &unresolved, "On 03/24/2024."), ["2024-03-24"]);
}

#[test]
fn leaves_what_is_not_temporal() {
    for (lang, text) in [
        (Lang::Fr, "Le score était de 3-1, puis 2 sur 3 ; la version 1.2.3, page 12, service 24/7."),
        (Lang::Fr, "Il a exercé trois mandats ; la planète Mars ; un jour, il reviendra."),
        (Lang::En, "The score was 3-1, 2 of 3, version 1.2.3, page 12, 24/7 and 9/11."),
        (Lang::En, "This may take a while; they march on; a second round; every Tuesday."),
        (Lang::Fr, "Lyon (69) et Paris (75) ; le code 133-03-03-2020."),
        (Lang::Fr, "Une année difficile, une journée de grève, jusqu'à deux heures du matin."),
    ] {
        assert_eq!(found(lang, text), [], "{text:?}");
    }
}

#[test]
fn marks_impossible_dates_and_birth_dates() {
    let doc = read("Né le 14 juin 1946, il cite le 31 avril 2023.", Some(Lang::Fr), None);
    let dates: Vec<_> = claims_of(&doc, &ExtractOptions::default())
        .items
        .iter()
        .filter_map(|c| match &c.kind {
            ClaimKind::Date(d) => Some((d.value(), d.birth, d.invalid)),
            _ => None,
        })
        .collect();
    assert_eq!(dates, [("1946-06-14".to_string(), true, false), ("2023-04-31".to_string(), false, true)]);
}

const FR_MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const FR_DAYS: [&str; 7] = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];
const EN_DAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

fn en_ordinal(d: u32) -> String {
    let suffix = match (d % 10, d % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{d}{suffix}")
}

/// `date` written in format `k` of `lang`, and whether the format names the weekday.
fn render_date(lang: Lang, date: NaiveDate, k: usize) -> (String, bool) {
    let (y, m, d) = (date.year(), date.month(), date.day());
    let w = date.weekday().num_days_from_monday() as usize;
    match lang {
        Lang::Fr => {
            let month = FR_MONTHS[m as usize - 1];
            let day = if d == 1 { "1er".to_string() } else { d.to_string() };
            match k % 5 {
                0 => (format!("{day} {month} {y}"), false),
                1 => (format!("{} {day} {month} {y}", FR_DAYS[w]), true),
                2 => (format!("{d:02}/{m:02}/{y}"), false),
                3 => (format!("{d:02}.{m:02}.{y}"), false),
                _ => (format!("{y}-{m:02}-{d:02}"), false),
            }
        }
        Lang::En => {
            let month = EN_MONTHS[m as usize - 1];
            match k % 6 {
                0 => (format!("{month} {d}, {y}"), false),
                1 => (format!("{}, {} {d}, {y}", EN_DAYS[w], &month[..3]), true),
                2 => (format!("{d} {month} {y}"), false),
                3 => (format!("{} of {month} {y}", en_ordinal(d)), false),
                4 => (format!("{m}/{d}/{y}"), false),
                _ => (format!("{y}-{m:02}-{d:02}"), false),
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn reads_back_rendered_dates(days in 0i64..100_000, k in 0usize..30, fr in any::<bool>()) {
        let date = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + chrono::Days::new(days as u64);
        let lang = if fr { Lang::Fr } else { Lang::En };
        let (written, named) = render_date(lang, date, k);
        let text = format!("{} {written}.", if fr { "Le" } else { "On" });
        let doc = read(&text, Some(lang), NaiveDate::from_ymd_opt(2024, 11, 20));
        let claims = claims_of(&doc, &ExtractOptions::default());
        let dates: Vec<_> = claims.items.iter().filter_map(|c| match &c.kind {
            ClaimKind::Date(d) => Some((doc.text(c.span), d)),
            _ => None,
        }).collect();
        prop_assert_eq!(dates.len(), 1, "{:?} gave {:?}", text, claims.items);
        let (span_text, d) = dates[0];
        prop_assert_eq!(span_text, written.as_str());
        prop_assert_eq!(d.naive(), Some(date), "{:?}", text);
        prop_assert_eq!(d.weekday.map(|w| w.0), named.then(|| date.weekday()));
        prop_assert!(!claims.items.iter().any(|c| c.kind.name() == "number"), "a number inside {:?}", text);
    }

    #[test]
    fn never_panics_on_arbitrary_text(text in "\\PC{0,200}", fr in any::<bool>(), dated in any::<bool>()) {
        let lang = if fr { Lang::Fr } else { Lang::En };
        let pub_date = dated.then(|| NaiveDate::from_ymd_opt(2024, 2, 29).unwrap());
        let doc = read(&text, Some(lang), pub_date);
        let claims = claims_of(&doc, &ExtractOptions::default());
        for c in &claims.items {
            prop_assert!(c.span.start <= c.span.end && c.span.end <= text.len());
        }
    }

    #[test]
    fn never_panics_on_temporal_soup(
        words in proptest::collection::vec(proptest::sample::select(vec![
            "le", "1er", "31", "29", "février", "avril", "2023", "9999", "0000", "12/02/", "/", ".", "-", "h", "14h",
            "30", "deux", "semaines", "avant", "après", "la", "veille", "du", "il", "y", "a", "ans", "âgé", "de",
            "né", "mardi", "dernier", "prochain", "ce", "mi-", "fin", "printemps", "été", ",", "(", ")", "soit",
            "Feb.", "the", "of", "5th", "ago", "later", "aged", "-year-old", "p.m.", "noon", "ET", "since", "May",
            "½", "1/2", "et", "demi", "\u{a0}", "\u{202f}", "’", "é", "2:30", "48", "quinze", "jours", "decade",
        ]), 0..40),
        fr in any::<bool>(),
    ) {
        let text = words.join(" ");
        let lang = if fr { Lang::Fr } else { Lang::En };
        let doc = read(&text, Some(lang), NaiveDate::from_ymd_opt(2024, 12, 31));
        let claims = claims_of(&doc, &ExtractOptions::default());
        for c in &claims.items {
            prop_assert!(text.get(c.span.start..c.span.end).is_some());
        }
    }
}
