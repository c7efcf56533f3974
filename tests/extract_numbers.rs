//! Numeric extraction end to end: fixtures of our own (snapshots in snapshots/extract/), the
//! frames rules read, what must not be a number, and property tests (round trips of rendered
//! numbers, no panic on any input).

use factlint::extract::{self, Claim, ClaimKind, Claims, ExtractOptions, Form};
use factlint::source::{Document, Format, Lang, ReadOptions};
use proptest::prelude::*;
use serde_json::{json, Value};
use std::path::Path;

fn read(src: &str, lang: Lang) -> (Document<'_>, Claims) {
    let doc = Document::read(src, Format::Markdown, &ReadOptions { lang: Some(lang), ..ReadOptions::default() });
    let claims = extract::extract(&doc, &ExtractOptions::default());
    (doc, claims)
}

fn text<'a>(doc: &Document<'a>, c: &Claim) -> &'a str {
    doc.text(c.span)
}

/// The claims and frames of a document, as a reviewer reads them.
fn describe(doc: &Document<'_>, claims: &Claims) -> Value {
    let items: Vec<Value> = claims
        .items
        .iter()
        .map(|c| {
            let mut obj = serde_json::Map::new();
            obj.insert("kind".into(), json!(c.kind.name()));
            obj.insert("text".into(), json!(text(doc, c)));
            c.kind.json_fields(&mut obj);
            if let ClaimKind::Number(n) = &c.kind {
                if let Some(k) = &n.counted {
                    obj.insert("key".into(), json!(k.key));
                    if k.anaphoric {
                        obj.insert("anaphoric".into(), json!(true));
                    }
                }
            }
            Value::Object(obj)
        })
        .collect();
    let t = |i: usize| claims.get(i).map_or("?", |c| text(doc, c));
    let part_wholes: Vec<Value> = claims
        .part_wholes
        .iter()
        .map(|p| json!({"part": t(p.part), "connector": doc.text(p.connector), "whole": t(p.whole)}))
        .collect();
    let lists: Vec<Value> = claims
        .lists
        .iter()
        .map(|l| json!({"count": t(l.count), "items": l.items.iter().map(|s| doc.text(*s)).collect::<Vec<_>>()}))
        .collect();
    let totals: Vec<Value> = claims
        .totals
        .iter()
        .map(|f| json!({"parts": f.parts.iter().map(|&p| t(p)).collect::<Vec<_>>(), "marker": doc.text(f.marker), "total": t(f.total)}))
        .collect();
    let mut out = json!({"claims": items, "part_wholes": part_wholes, "lists": lists, "totals": totals});
    // Shares as values ("1 sur 3" = 0.333…): only `extract` prints them, rules never see them.
    if !claims.shares.is_empty() {
        let shares: Vec<Value> = claims
            .shares
            .iter()
            .map(|c| {
                let mut obj = serde_json::Map::new();
                obj.insert("text".into(), json!(text(doc, c)));
                c.kind.json_fields(&mut obj);
                Value::Object(obj)
            })
            .collect();
        out["shares"] = json!(shares);
    }
    out
}

#[test]
fn snapshots_fixtures() {
    let dir = Path::new("tests/fixtures/extract/numbers");
    let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    assert!(paths.len() >= 6);
    for path in paths {
        let src = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let lang = if name.contains(".fr.") { Lang::Fr } else { Lang::En };
        let (doc, claims) = read(&src, lang);
        insta::with_settings!({snapshot_path => "../snapshots/extract", prepend_module_to_snapshot => false}, {
            insta::assert_json_snapshot!(format!("numbers__{name}"), describe(&doc, &claims));
        });
    }
}

/// (kind, text, value) of every claim.
fn claims_of(src: &str, lang: Lang) -> Vec<(String, String, Value)> {
    let (doc, claims) = read(src, lang);
    claims
        .items
        .iter()
        .map(|c| {
            let mut obj = serde_json::Map::new();
            c.kind.json_fields(&mut obj);
            (c.kind.name().to_string(), text(&doc, c).to_string(), obj.remove("value").unwrap_or(Value::Null))
        })
        .collect()
}

#[test]
fn reads_quantities() {
    for (lang, src, kind, written, value) in [
        (Lang::Fr, "soit 1\u{202f}000 votes", "number", "1\u{202f}000", json!(1000)),
        (Lang::Fr, "soit 1\u{a0}000 votes", "number", "1\u{a0}000", json!(1000)),
        (Lang::Fr, "un total de 3,5 points", "number", "3,5", json!(3.5)),
        (Lang::Fr, "soit 1,5 million de votes", "number", "1,5 million", json!(1_500_000)),
        (Lang::Fr, "quatre-vingt-dix-neuf élus", "number", "quatre-vingt-dix-neuf", json!(99)),
        (Lang::Fr, "il reste soixante-dix places", "number", "soixante-dix", json!(70)),
        (Lang::Fr, "deux cent mille votants", "number", "deux cent mille", json!(200_000)),
        (Lang::Fr, "deux millions de votants", "number", "deux millions", json!(2_000_000)),
        (Lang::Fr, "45,5 % des voix", "percent", "45,5 %", json!(45.5)),
        (Lang::Fr, "45 pour cent des voix", "percent", "45 pour cent", json!(45)),
        (Lang::Fr, "soit 2,5^-1 % du total", "percent", "2,5^-1 %", json!(0.4)),
        (Lang::Fr, "soit 1e10 atomes", "number", "1e10", json!(10_000_000_000_u64)),
        (Lang::Fr, "un stock de ,0012G", "number", ",0012G", json!(1_200_000)),
        (Lang::Fr, "le 1er tour", "ordinal", "1er", json!(1)),
        (Lang::Fr, "la 1re fois", "ordinal", "1re", json!(1)),
        (Lang::Fr, "le IIe siècle", "ordinal", "IIe", json!(2)),
        (Lang::Fr, "la deuxième fois", "ordinal", "deuxième", json!(2)),
        (Lang::Fr, "5 millions d'euros", "money", "5 millions d'euros", json!(5_000_000)),
        (Lang::Fr, "coûte 5 M€", "money", "5 M€", json!(5_000_000)),
        (Lang::Fr, "1 200 dollars", "money", "1 200 dollars", json!(1200)),
        (Lang::Fr, "10 à 20 % des cas", "range", "10 à 20 %", json!({"low": 10, "high": 20})),
        (Lang::Fr, "de 10 à 20 élus", "range", "de 10 à 20", json!({"low": 10, "high": 20})),
        (Lang::En, "about 1,000 people", "number", "about 1,000", json!(1000)),
        (Lang::En, "2.3bn in debt", "number", "2.3bn", json!(2_300_000_000_u64)),
        (Lang::En, "a drop of -5 points", "number", "-5", json!(-5)),
        (Lang::En, "ninety-nine seats", "number", "ninety-nine", json!(99)),
        (Lang::En, "two hundred thousand votes", "number", "two hundred thousand", json!(200_000)),
        (Lang::En, "half a million people", "number", "half a million", json!(500_000)),
        (Lang::En, "45 per cent of them", "percent", "45 per cent", json!(45)),
        (Lang::En, "the 21st century", "ordinal", "21st", json!(21)),
        (Lang::En, "the second round", "ordinal", "second", json!(2)),
        (Lang::En, "the forty-second floor", "ordinal", "forty-second", json!(42)),
        (Lang::En, "the forty second floor", "ordinal", "forty second", json!(42)),
        (Lang::Fr, "la vingt seconde place", "ordinal", "vingt seconde", json!(22)),
        (Lang::En, "a forty-second clip", "duration", "forty-second", json!({"amount": 40, "unit": "second"})),
        (Lang::En, "profit of 3.5 mln", "number", "3.5 mln", json!(3_500_000)),
        (Lang::En, "sales of 1.2 bln", "number", "1.2 bln", json!(1_200_000_000)),
        (Lang::En, "$5m in fines", "money", "$5m", json!(5_000_000)),
        (Lang::En, "£3.2bn of debt", "money", "£3.2bn", json!(3_200_000_000_u64)),
        (Lang::En, "10 to 20 people", "range", "10 to 20", json!({"low": 10, "high": 20})),
        (Lang::En, "10-20 people", "range", "10-20", json!({"low": 10, "high": 20})),
    ] {
        let got = claims_of(src, lang);
        assert!(
            got.iter().any(|(k, t, v)| k == kind && t == written && *v == value),
            "{src:?}: want {kind} {written:?} = {value}, got {got:?}"
        );
    }
}

#[test]
fn reads_approximators() {
    for (lang, src, approx) in [
        (Lang::Fr, "environ 70 élus", "about"),
        (Lang::Fr, "près de 70 élus", "about"),
        (Lang::Fr, "plus de 70 élus", "more_than"),
        (Lang::Fr, "moins de 70 élus", "less_than"),
        (Lang::Fr, "au moins 70 élus", "at_least"),
        (Lang::Fr, "une dizaine d'élus", "about"),
        (Lang::En, "nearly 70 seats", "about"),
        (Lang::En, "some 70 seats", "about"),
        (Lang::En, "more than 70 seats", "more_than"),
        (Lang::En, "fewer than 70 seats", "less_than"),
        (Lang::En, "at least 70 seats", "at_least"),
        (Lang::En, "up to 70 seats", "at_most"),
    ] {
        let (_, claims) = read(src, lang);
        let got: Vec<_> = claims
            .items
            .iter()
            .filter_map(|c| match &c.kind {
                ClaimKind::Number(n) => n.approx.map(|a| a.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(got, [approx], "{src:?}");
    }
}

#[test]
fn leaves_alone_what_is_not_a_number() {
    for (lang, src) in [
        (Lang::Fr, "Le COVID-19 et le G7."),
        (Lang::Fr, "Un Boeing 737 et un A320."),
        (Lang::Fr, "La version 2.0 est sortie."),
        (Lang::Fr, "Rendez-vous à 14h30."),
        (Lang::Fr, "Appelez le 01 23 45 67 89."),
        (Lang::Fr, "Il habite au 12 rue de la Paix."),
        (Lang::Fr, "Le score est de 3-1."),
        (Lang::Fr, "Voir la page 12 et la note [3]."),
        (Lang::Fr, "Un voisin a une idée."),
        (Lang::Fr, "Un livre neuf."),
        (Lang::En, "Call 555-123-4567 at 3 pm."),
        (Lang::En, "He lives at 10 Downing Street."),
        (Lang::En, "A man, the one who left, a second later."),
        (Lang::En, "The server at 192.168.1.2 runs version 2.0."),
        (Lang::En, "An absurd run: 12345678901234567890123456789012345678901234567890."),
    ] {
        // Times and dates are the temporal reader's; no numeric claim may appear.
        let got: Vec<_> = claims_of(src, lang)
            .into_iter()
            .filter(|(kind, ..)| matches!(kind.as_str(), "number" | "percent" | "ordinal" | "money" | "range"))
            .collect();
        assert!(got.is_empty(), "{src:?}: {got:?}");
    }
}

#[test]
fn labels_keep_their_accents() {
    // "note 3" is a footnote label; "noté 15 sur 20" is a grade, the 15 is a number.
    let got = claims_of("Le jury l'a noté 15 sur 20, voir la note 3.", Lang::Fr);
    let numbers: Vec<_> = got.iter().filter(|(kind, ..)| kind == "number").map(|(_, text, ..)| text.as_str()).collect();
    assert!(numbers.contains(&"15"), "{got:?}");
    assert!(!numbers.contains(&"3"), "{got:?}");
}

#[test]
fn marks_the_anaphoric_whole() {
    let (_, claims) = read("Il a 295 grands électeurs sur les 270 nécessaires.", Lang::Fr);
    let [pw] = claims.part_wholes.as_slice() else { panic!("{:?}", claims.part_wholes) };
    let ClaimKind::Number(whole) = &claims.items[pw.whole].kind else { panic!() };
    let counted = whole.counted.as_ref().unwrap();
    assert!(counted.anaphoric);
    assert_eq!(counted.key, "nécessaire");
    let ClaimKind::Number(part) = &claims.items[pw.part].kind else { panic!() };
    assert_eq!(part.counted.as_ref().unwrap().key, "grand électeur");
}

#[test]
fn reads_frames_only_where_unambiguous() {
    for (lang, src, part_wholes, lists, totals) in [
        (Lang::Fr, "Il a 295 grands électeurs sur les 270 nécessaires.", 1, 0, 0),
        (Lang::Fr, "2 sur 3 ont voté, 270 sur 538 aussi.", 2, 0, 0),
        (Lang::Fr, "Il en faut 270 alors que 270 suffisent.", 0, 0, 0),
        (Lang::Fr, "15 morts sur les 10 derniers jours.", 0, 0, 0),
        (Lang::Fr, "La pièce fait 3 mètres sur 2.", 0, 0, 0),
        (Lang::Fr, "Trois pays : la France et l'Allemagne.", 0, 1, 0),
        (Lang::Fr, "Trois pays, notamment : la France et l'Allemagne.", 0, 0, 0),
        (Lang::Fr, "12 hommes et 9 femmes, soit 21 personnes.", 0, 0, 1),
        (Lang::En, "12 of the 10 members voted.", 1, 0, 0),
        (Lang::En, "3 out of 4 voters.", 1, 0, 0),
        (Lang::En, "Two reasons: cost, time and risk.", 0, 1, 0),
        (Lang::En, "Two reasons: including cost and time.", 0, 0, 0),
        (Lang::En, "12 men and 9 women, a total of 21 people.", 0, 0, 1),
        (Lang::En, "In 2020, 12 men and 9 women, a total of 21 people.", 0, 0, 1),
    ] {
        let (_, claims) = read(src, lang);
        assert_eq!(
            (claims.part_wholes.len(), claims.lists.len(), claims.totals.len()),
            (part_wholes, lists, totals),
            "{src:?}"
        );
    }
    let (_, claims) = read("In 2020, 12 men and 9 women, a total of 21 people.", Lang::En);
    assert_eq!(claims.totals[0].parts.len(), 2);
}

#[test]
fn keeps_shares_apart() {
    let (_, claims) = read("La moitié des voix et deux tiers des sièges.", Lang::Fr);
    let forms: Vec<_> = claims
        .items
        .iter()
        .filter_map(|c| match &c.kind {
            ClaimKind::Number(n) => Some((n.form, (n.value * 1000.0).round() / 1000.0)),
            _ => None,
        })
        .collect();
    assert_eq!(forms, [(Form::Fraction, 0.5), (Form::Fraction, 0.667)]);
}

/// Digits grouped as each language writes them.
fn render_digits(n: u64, lang: Lang, sep: &str) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push_str(sep);
        }
        out.push(c);
    }
    let _ = lang;
    out
}

const EN_UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const EN_TENS: [&str; 10] = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

fn en_below_1000(n: u64) -> String {
    let (h, r) = (n / 100, n % 100);
    let mut parts = Vec::new();
    if h > 0 {
        parts.push(format!("{} hundred", EN_UNITS[h as usize]));
    }
    if r > 0 || h == 0 {
        parts.push(if r < 20 {
            EN_UNITS[r as usize].to_string()
        } else if r % 10 == 0 {
            EN_TENS[(r / 10) as usize].to_string()
        } else {
            format!("{}-{}", EN_TENS[(r / 10) as usize], EN_UNITS[(r % 10) as usize])
        });
    }
    parts.join(" ")
}

fn render_en(n: u64) -> String {
    let (th, r) = (n / 1000, n % 1000);
    match (th, r) {
        (0, _) => en_below_1000(r),
        (_, 0) => format!("{} thousand", en_below_1000(th)),
        _ => format!("{} thousand {}", en_below_1000(th), en_below_1000(r)),
    }
}

const FR_UNITS: [&str; 17] = [
    "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze", "treize",
    "quatorze", "quinze", "seize",
];

fn fr_below_100(n: u64) -> String {
    let tens = ["", "", "vingt", "trente", "quarante", "cinquante", "soixante"];
    match n {
        0..=16 => FR_UNITS[n as usize].to_string(),
        17..=19 => format!("dix-{}", FR_UNITS[(n - 10) as usize]),
        20..=69 => {
            let (t, u) = (n / 10, n % 10);
            match u {
                0 => tens[t as usize].to_string(),
                1 => format!("{} et un", tens[t as usize]),
                _ => format!("{}-{}", tens[t as usize], FR_UNITS[u as usize]),
            }
        }
        70..=79 if n == 71 => "soixante et onze".to_string(),
        70..=79 => format!("soixante-{}", fr_below_100(n - 60)),
        80 => "quatre-vingts".to_string(),
        _ => format!("quatre-vingt-{}", fr_below_100(n - 80)),
    }
}

fn fr_below_1000(n: u64) -> String {
    let (h, r) = (n / 100, n % 100);
    let head = match h {
        0 => String::new(),
        1 => "cent".to_string(),
        _ => format!("{} cent", FR_UNITS[h as usize]),
    };
    match (h, r) {
        (0, _) => fr_below_100(r),
        (_, 0) => head,
        _ => format!("{head} {}", fr_below_100(r)),
    }
}

fn render_fr(n: u64) -> String {
    let (th, r) = (n / 1000, n % 1000);
    let thousands = match th {
        0 => String::new(),
        1 => "mille".to_string(),
        _ => format!("{} mille", fr_below_1000(th)),
    };
    match (th, r) {
        (0, _) => fr_below_1000(r),
        (_, 0) => thousands,
        _ => format!("{thousands} {}", fr_below_1000(r)),
    }
}

fn single_number(src: &str, lang: Lang) -> Option<(String, f64)> {
    let (doc, claims) = read(src, lang);
    match claims.items.as_slice() {
        [c] => match &c.kind {
            ClaimKind::Number(n) => Some((text(&doc, c).to_string(), n.value)),
            _ => None,
        },
        _ => None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn reads_back_rendered_digits(n in 0u64..10_000_000_000, sep in 0usize..5, fr in any::<bool>()) {
        let (lang, seps): (Lang, [&str; 5]) = if fr {
            (Lang::Fr, ["\u{202f}", "\u{a0}", " ", ".", ""])
        } else {
            (Lang::En, [",", "\u{a0}", " ", ",", ""])
        };
        let written = render_digits(n, lang, seps[sep]);
        let src = format!("Ils étaient {written} ce jour-là.");
        prop_assert_eq!(single_number(&src, lang), Some((written.clone(), n as f64)), "{}", src);
    }

    #[test]
    fn reads_back_decimals(int in 0u64..1_000_000, frac in 1u32..100, fr in any::<bool>()) {
        let (lang, sep, mark) = if fr { (Lang::Fr, "\u{202f}", ",") } else { (Lang::En, ",", ".") };
        let written = format!("{}{mark}{frac:02}", render_digits(int, lang, sep));
        let want = int as f64 + f64::from(frac) / 100.0;
        let src = format!("le taux vaut {written} environ");
        let (_, claims) = read(&src, lang);
        let got = claims.items.first().and_then(|c| match &c.kind {
            ClaimKind::Number(n) => Some(n.value),
            _ => None,
        });
        prop_assert!(got.is_some_and(|v| (v - want).abs() < 1e-6 * want.max(1.0)), "{} → {:?}", src, got);
    }

    #[test]
    fn reads_back_rendered_words(n in 2u64..1_000_000, fr in any::<bool>()) {
        let (lang, written) = if fr { (Lang::Fr, render_fr(n)) } else { (Lang::En, render_en(n)) };
        let src = format!("Il y avait {written} personnes.");
        let src = if fr { src } else { format!("There were {written} people.") };
        prop_assert_eq!(single_number(&src, lang), Some((written.clone(), n as f64)), "{}", src);
    }

    #[test]
    fn never_panics(s in "\\PC{0,200}", fr in any::<bool>()) {
        let lang = if fr { Lang::Fr } else { Lang::En };
        let _ = read(&s, lang);
    }

    #[test]
    fn never_panics_on_number_like_text(s in "[0-9 ,.\u{a0}\u{202f}%€$£kKMb/:+\\-–a-zé']{0,80}", fr in any::<bool>()) {
        let lang = if fr { Lang::Fr } else { Lang::En };
        let (doc, claims) = read(&s, lang);
        for c in &claims.items {
            prop_assert!(c.span.text(doc.src).is_some(), "claim span {:?} inside a character of {:?}", c.span, s);
        }
    }
}
