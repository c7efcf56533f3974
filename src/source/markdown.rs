//! Markdown (CommonMark with GFM tables, task lists, strikethrough and footnotes) read with
//! pulldown-cmark's offset iterator, one event at a time: no tree, no recursion, so 10,000
//! nested lists cost what 10,000 paragraphs do.
//!
//! Prose: the text of paragraphs, headings, list items, table cells, block quotes, footnotes
//! and link text. Not prose: code blocks, HTML blocks, inline code, images, autolinks, bare
//! URLs, link destinations, HTML comments and tags, struck-through text (deleted words are
//! not claims), footnote marks and the task-list box. A block ends the run it is in, so each
//! list item, table cell and quoted paragraph is a run of its own.

use super::builder::Builder;
use super::ProseRun;
use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};

const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_TASKLISTS)
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_GFM);

/// The prose runs of the Markdown in `src[body_start..]` (what follows the front matter).
pub fn runs(src: &str, body_start: usize) -> Vec<ProseRun> {
    let body = src.get(body_start..).unwrap_or("");
    let mut b = Builder::new(src);
    // Depth inside constructs whose text is not prose (code blocks, images, autolinks, …).
    let mut skip = 0usize;
    // Depth inside raw inline HTML elements whose text is not prose (`<code>…</code>`); reset at
    // each block, since an unclosed tag must not swallow the rest of the draft.
    let mut html_skip = 0usize;
    // For each open link: whether it is an autolink (its text is a URL). Links do not nest.
    let mut links: Vec<bool> = Vec::new();
    for (event, range) in Parser::new_ext(body, OPTIONS).into_offset_iter() {
        let (s, e) = (range.start + body_start, range.end + body_start);
        let prose = skip == 0 && html_skip == 0;
        match event {
            Event::Start(tag) => match tag {
                Tag::Emphasis | Tag::Strong | Tag::Superscript | Tag::Subscript => {}
                Tag::Link { link_type, .. } => {
                    let autolink = matches!(link_type, LinkType::Autolink | LinkType::Email);
                    if autolink {
                        if prose {
                            b.placeholder(s, e);
                        }
                        skip += 1;
                    }
                    links.push(autolink);
                }
                Tag::Image { .. } | Tag::Strikethrough => {
                    if prose {
                        b.placeholder(s, e);
                    }
                    skip += 1;
                }
                Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_) => {
                    b.flush();
                    html_skip = 0;
                    skip += 1;
                }
                Tag::Heading { .. } => {
                    b.heading();
                    b.reserve(e - s);
                    html_skip = 0;
                }
                Tag::Paragraph | Tag::TableCell => {
                    b.flush();
                    b.reserve(e - s);
                    html_skip = 0;
                }
                _ => {
                    b.flush();
                    html_skip = 0;
                }
            },
            Event::End(tag) => match tag {
                TagEnd::Emphasis | TagEnd::Strong | TagEnd::Superscript | TagEnd::Subscript => {}
                TagEnd::Link => {
                    if links.pop() == Some(true) {
                        skip = skip.saturating_sub(1);
                    }
                }
                TagEnd::Image | TagEnd::Strikethrough => skip = skip.saturating_sub(1),
                TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_) => {
                    skip = skip.saturating_sub(1);
                    html_skip = 0;
                }
                _ => {
                    b.flush();
                    html_skip = 0;
                }
            },
            Event::Text(text) if prose => {
                let raw = src.get(s..e).unwrap_or("");
                // Most text is borrowed from the very bytes of its range: no need to compare.
                let borrowed =
                    matches!(&text, CowStr::Borrowed(t) if t.as_ptr() == raw.as_ptr() && t.len() == raw.len());
                if borrowed || raw == &*text {
                    b.prose(s, e);
                } else if raw.len() > text.len() && raw.ends_with(&*text) {
                    // A backslash escape drops its backslash: "\|" in a table cell is "|".
                    b.prose(e - text.len(), e);
                } else {
                    // An entity or a numeric character reference: maps as a whole.
                    b.mapped(&text, s, e);
                }
            }
            Event::Code(_) | Event::FootnoteReference(_) | Event::InlineMath(_) | Event::DisplayMath(_) if prose => {
                b.placeholder(s, e)
            }
            Event::SoftBreak | Event::HardBreak if prose => b.space(s, e),
            Event::InlineHtml(html) => match inline_tag(&html) {
                InlineTag::Opaque { closing: false } => {
                    if prose {
                        b.placeholder(s, e);
                    }
                    html_skip += 1;
                }
                InlineTag::Opaque { closing: true } => html_skip = html_skip.saturating_sub(1),
                InlineTag::Break if prose => b.space(s, e),
                InlineTag::Mark if prose => b.placeholder(s, e),
                _ => {}
            },
            Event::Rule => b.flush(),
            _ => {}
        }
    }
    b.finish()
}

/// What an inline HTML tag does to the prose around it.
#[derive(Debug, PartialEq, Eq)]
enum InlineTag {
    /// Formatting (`<em>`, `<span>`, `<a href>`) or a comment: invisible, the text reads through.
    Transparent,
    /// `<br>`: a line break, read as a space.
    Break,
    /// An element whose content is not prose (`<code>`, `<del>`): skipped up to its end tag.
    Opaque { closing: bool },
    /// Anything else (`<sup>`, `<img>`): a placeholder, so "10<sup>6</sup>" is not read as 106.
    Mark,
}

// TAG := "<" ["/"] NAME (SPACE | "/" | ">") …  |  "<!--" …  ; NAME compared in any case
fn inline_tag(html: &str) -> InlineTag {
    let rest = html.strip_prefix('<').unwrap_or(html);
    let (closing, rest) = match rest.strip_prefix('/') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let len = rest.bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'-').count();
    let name = rest.get(..len).unwrap_or("");
    if name.is_empty() {
        return InlineTag::Transparent; // a comment, a processing instruction, a declaration
    }
    let is = |names: &[&str]| names.iter().any(|n| n.eq_ignore_ascii_case(name));
    let self_closing = html.trim_end_matches('>').ends_with('/');
    if is(OPAQUE) {
        if self_closing {
            InlineTag::Transparent
        } else {
            InlineTag::Opaque { closing }
        }
    } else if is(&["br"]) {
        InlineTag::Break
    } else if is(TRANSPARENT) {
        InlineTag::Transparent
    } else {
        InlineTag::Mark
    }
}

/// Inline elements whose content is not prose.
const OPAQUE: &[&str] =
    &["code", "kbd", "samp", "var", "tt", "script", "style", "textarea", "svg", "math", "del", "s", "strike"];
/// Inline elements that only format the prose they hold.
const TRANSPARENT: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "data", "dfn", "em", "font", "i", "ins", "mark", "q", "small", "span",
    "strong", "time", "u", "wbr", "nobr",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Each run's text, a `#` before headings.
    fn texts(src: &str) -> Vec<String> {
        runs(src, 0).iter().map(|r| format!("{}{}", if r.heading { "# " } else { "" }, r.text)).collect()
    }

    #[test]
    fn reads_prose() {
        for (src, want) in [
            ("Un *deux* **trois**.", vec!["Un deux trois."]),
            ("# Titre 2024\n\nTexte.", vec!["# Titre 2024", "Texte."]),
            ("Titre\n=====\nTexte", vec!["# Titre", "Texte"]),
            ("Le [rapport de 2023](https://x.fr/2022) dit", vec!["Le rapport de 2023 dit"]),
            ("a\\*b \\| c", vec!["a*b | c"]),
            ("1&nbsp;000 &amp; 5&#8239;%", vec!["1\u{a0}000 & 5\u{202f}%"]),
            ("1\n000 mots", vec!["1 000 mots"]),
            ("fin  \nligne\\\nsuite", vec!["fin ligne suite"]),
            ("- un\n- deux\n  - trois", vec!["un", "deux", "trois"]),
            ("> cité 1\n>\n> cité 2", vec!["cité 1", "cité 2"]),
            ("| a | b |\n|---|---|\n| 1 | 2 |", vec!["a", "b", "1", "2"]),
            ("- [x] fait 3", vec!["fait 3"]),
            ("Note[^1].\n\n[^1]: En 2020.", vec!["Note\u{2063}.", "En 2020."]),
            ("a <em>b</em> <span class=\"x\">c</span>", vec!["a b c"]),
            ("a<br>b <br/>c", vec!["a b  c"]),
            ("10<sup>6</sup> m", vec!["10\u{2063}6\u{2063} m"]),
            ("Texte.\n\n---\n\nSuite.", vec!["Texte.", "Suite."]),
        ] {
            assert_eq!(texts(src), want, "{src:?}");
        }
    }

    #[test]
    fn leaves_out_what_is_not_prose() {
        for (src, want) in [
            ("Un `295` deux", vec!["Un \u{2063} deux"]),
            ("```\n295 sur 270\n```\n\nTexte", vec!["Texte"]),
            ("    295 sur 270\n\nTexte", vec!["Texte"]),
            ("~~~rust\nlet x = 5;\n~~~", vec![]),
            ("Voir <https://x.fr/2024> et <a@b.fr>.", vec!["Voir \u{2063} et \u{2063}."]),
            ("Voir https://x.fr/2024/11/05 puis", vec!["Voir \u{2063} puis"]),
            ("Voir https://x.fr/a_b_c*d*e puis", vec!["Voir \u{2063} puis"]),
            ("Voir www.x.fr/2024.", vec!["Voir \u{2063}."]),
            ("**https://x.fr/1**, fin", vec!["\u{2063}, fin"]),
            ("Image ![3 chats en 2020](c.png) ici", vec!["Image \u{2063} ici"]),
            ("[![12](i.png)](l.html) x", vec!["\u{2063} x"]),
            ("a <!-- expect: x 12 --> b", vec!["a  b"]),
            ("<div>\n295 sur 270\n</div>\n\nTexte", vec!["Texte"]),
            ("<!--\n295\n-->\n\nTexte", vec!["Texte"]),
            ("Il y a ~~12~~ 13 cas", vec!["Il y a \u{2063} 13 cas"]),
            ("a <code>5</code> b <kbd>Ctrl</kbd>", vec!["a \u{2063} b \u{2063}"]),
            ("a <code>5\n\nb", vec!["a \u{2063}", "b"]),
            ("`a` `b`", vec![]),
        ] {
            assert_eq!(texts(src), want, "{src:?}");
        }
    }

    #[test]
    fn maps_every_piece_to_the_file() {
        let src = "# Le 5 nov.\n\nLe *score* : 1\n000 &amp; `x` voir https://a.b/c, [lien 3](u) \\* fin\n\n| 1 | 2 |\n|--|--|\n| 3&nbsp;% | 4 |\n";
        for run in runs(src, 0) {
            for p in &run.pieces {
                let text = &run.text[p.text_start..p.text_start + p.len];
                let original = &src[p.src_start..p.src_end];
                if p.exact {
                    assert_eq!(text, original);
                } else {
                    assert!(matches!(original, "\n" | "&amp;" | "&nbsp;" | "`x`" | "https://a.b/c"), "{original:?}");
                }
            }
        }
    }

    #[test]
    fn reads_deep_nesting_and_long_lines() {
        let lists = format!("{}x 5\n", "- ".repeat(10_000));
        assert_eq!(texts(&lists), vec!["x 5"]);
        let quotes = format!("{}x 5\n", "> ".repeat(10_000));
        assert_eq!(texts(&quotes), vec!["x 5"]);
        let mut indented = String::new();
        for depth in 0..2_000 {
            indented.push_str(&"  ".repeat(depth));
            indented.push_str("- a\n");
        }
        assert_eq!(runs(&indented, 0).len(), 2_000);
        let line = "Le 3.5 et 1 000 mots sur https://x.fr/a_b. ".repeat(50_000);
        let got = runs(&line, 0);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].text.matches('\u{2063}').count(), 50_000);
    }

    #[test]
    fn reads_inline_tags() {
        for (html, want) in [
            ("<code>", InlineTag::Opaque { closing: false }),
            ("</CODE>", InlineTag::Opaque { closing: true }),
            ("<code/>", InlineTag::Transparent),
            ("<del class=\"x\">", InlineTag::Opaque { closing: false }),
            ("<br>", InlineTag::Break),
            ("<BR />", InlineTag::Break),
            ("<span style=\"a\">", InlineTag::Transparent),
            ("</a>", InlineTag::Transparent),
            ("<!-- c -->", InlineTag::Transparent),
            ("<sup>", InlineTag::Mark),
            ("<img src=\"x.png\">", InlineTag::Mark),
            ("<section>", InlineTag::Mark),
        ] {
            assert_eq!(inline_tag(html), want, "{html}");
        }
    }
}
