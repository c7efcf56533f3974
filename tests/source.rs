//! The reader on whole drafts: each fixture in tests/fixtures/source/ is read as its extension
//! says, and its runs, sentences and offset map are snapshotted in snapshots/source/. Every
//! sentence is printed twice, as the run's text and as the bytes of the file its span covers,
//! so a wrong offset shows as a wrong quote.

use factlint::source::{Document, Format, ProseRun, ReadOptions};
use factlint::span::LineIndex;
use proptest::prelude::*;
use std::fmt::Write as _;
use std::path::Path;

/// Offsets are right: each exact piece is a copy of its bytes, pieces follow each other in the
/// file, and every span of the run falls on character boundaries.
fn check_offsets(src: &str, run: &ProseRun) {
    let mut last_end = 0;
    for p in &run.pieces {
        let text = run.text.get(p.text_start..p.text_start + p.len).expect("piece inside the text");
        let original = src.get(p.src_start..p.src_end).expect("piece on char boundaries of the file");
        if p.exact {
            assert_eq!(text, original, "exact piece");
        }
        assert!(p.src_start >= last_end, "pieces overlap or go backwards: {:?}", run.pieces);
        last_end = p.src_end;
    }
    for (start, end) in run.sentences.iter().copied().chain([(0, run.text.len())]) {
        assert!(run.text.get(start..end).is_some(), "sentence {start}..{end} inside the text");
        assert!(run.span(start, end).text(src).is_some(), "sentence {start}..{end} on char boundaries of the file");
    }
}

fn render(src: &str, doc: &Document<'_>) -> String {
    let lines = LineIndex::new(src);
    let at = |offset: usize| {
        let p = lines.position(src, offset);
        format!("{}:{}", p.line, p.column)
    };
    let mut out = String::new();
    let front = doc.front.span.map_or("none".to_string(), |s| format!("{}..{}", at(s.start), at(s.end)));
    let pub_date = doc.pub_date.map_or("none".to_string(), |d| d.to_string());
    writeln!(out, "lang: {}, pub_date: {pub_date}, front matter: {front}", doc.lang.code()).unwrap();
    for w in &doc.warnings {
        writeln!(out, "warning: {w}").unwrap();
    }
    for (i, run) in doc.runs.iter().enumerate() {
        check_offsets(src, run);
        let span = run.span(0, run.text.len());
        let kind = if run.heading { "heading" } else { "run" };
        writeln!(out, "\n{kind} {i} @ {}..{}: {:?}", at(span.start), at(span.end), run.text).unwrap();
        for p in run.pieces.iter().filter(|p| !p.exact) {
            let text = &run.text[p.text_start..p.text_start + p.len];
            writeln!(out, "  piece {text:?} <- {:?}", &src[p.src_start..p.src_end]).unwrap();
        }
        for &(start, end) in &run.sentences {
            let span = run.span(start, end);
            writeln!(out, "  sentence {:?}", &run.text[start..end]).unwrap();
            writeln!(out, "    file @ {}..{}: {:?}", at(span.start), at(span.end), &src[span.start..span.end]).unwrap();
        }
    }
    out
}

fn snapshot(name: &str) {
    let path = Path::new("tests/fixtures/source").join(name);
    let src = std::fs::read_to_string(&path).unwrap();
    let doc = Document::read(&src, Format::from_path(&path), &ReadOptions::default());
    let rendered = render(&src, &doc);
    insta::with_settings!({snapshot_path => "../snapshots/source", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!(name, rendered);
    });
}

#[test]
fn reads_a_french_markdown_draft() {
    snapshot("draft.fr.md");
}

#[test]
fn reads_an_english_markdown_draft_with_toml_front_matter() {
    snapshot("draft.en.md");
}

#[test]
fn reads_an_html_draft() {
    snapshot("draft.en.html");
}

#[test]
fn reads_a_plain_text_draft() {
    snapshot("draft.en.txt");
}

#[test]
fn chooses_the_language_in_order() {
    let fr_text = "---\nlang: en\n---\nLe conseil a voté le budget de la ville et les élus sont partis.";
    let opts = |lang, config_lang| ReadOptions { lang, config_lang, ..ReadOptions::default() };
    use factlint::source::Lang::{En, Fr};
    for (src, options, want) in [
        (fr_text, opts(Some(Fr), None), Fr),                      // --lang first
        (fr_text, opts(None, Some(Fr)), En),                      // then front matter
        ("Le conseil a voté.", opts(None, Some(En)), En),         // then config
        ("Le conseil a voté les budgets.", opts(None, None), Fr), // then detection
        ("The council passed it.", opts(None, None), En),
    ] {
        assert_eq!(Document::read(src, Format::Markdown, &options).lang, want, "{src:?}");
    }
}

#[test]
fn reports_front_matter_problems_and_reads_on() {
    let src = "---\ndate: 2024-13-45\nlang: fr\n---\nLe texte est lu : 12 sur 10.";
    let doc = Document::read(src, Format::Markdown, &ReadOptions::default());
    assert_eq!(doc.warnings, vec!["front matter, line 2: cannot read date \"2024-13-45\"; expected YYYY-MM-DD"]);
    assert_eq!(doc.lang, factlint::source::Lang::Fr);
    assert_eq!(doc.pub_date, None);
    assert_eq!(doc.runs.len(), 1);
    assert_eq!(doc.runs[0].text, "Le texte est lu : 12 sur 10.");
}

/// Markdown-, HTML- and front-matter-significant fragments, glued at random.
fn fragments() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a",
        "é",
        "1",
        "000",
        " ",
        "\n",
        "\r\n",
        "\n\n",
        ".",
        "?",
        "…",
        "»",
        "«",
        "*",
        "_",
        "`",
        "``",
        "~~",
        "[",
        "]",
        "(",
        ")",
        "<",
        ">",
        "</",
        "<p>",
        "</p>",
        "<code>",
        "<br>",
        "<!--",
        "-->",
        "&",
        "&amp;",
        "&nbsp;",
        "&#160;",
        "&#x",
        ";",
        "\\",
        "#",
        "- ",
        "> ",
        "| ",
        "---",
        "+++",
        "date: ",
        "lang: ",
        "2024-11-20",
        "https://",
        "www.",
        "x.fr",
        "M.",
        "\u{a0}",
        "\u{202f}",
        "    ",
        "\t",
        "![",
        "](",
        "[^1]",
        "<script>",
        "\"",
        "'",
        "=",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    #[test]
    fn any_input_reads_with_offsets_into_the_file(src in fragments()) {
        for format in [Format::Markdown, Format::Html, Format::Text] {
            let doc = Document::read(&src, format, &ReadOptions::default());
            for run in &doc.runs {
                check_offsets(&src, run);
            }
        }
    }
}
