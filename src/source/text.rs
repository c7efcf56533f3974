//! Plain text: paragraphs are separated by blank lines, and a line opening on a bullet ("- ",
//! "* ", "• ", "– ") starts a run of its own. Every byte of a paragraph is prose except bare
//! URLs; line breaks inside a paragraph read as spaces.

use super::builder::Builder;
use super::ProseRun;

/// The prose runs of the plain text in `src[body_start..]`.
pub fn runs(src: &str, body_start: usize) -> Vec<ProseRun> {
    let bytes = src.as_bytes();
    let mut b = Builder::new(src);
    // The open paragraph: where it starts and where its last line's text ends.
    let mut open: Option<(usize, usize)> = None;
    let mut pos = body_start.min(src.len());
    while pos < src.len() {
        let (line_end, next) = match bytes.get(pos..).and_then(|b| memchr::memchr2(b'\n', b'\r', b)) {
            Some(i) if bytes.get(pos + i) == Some(&b'\r') && bytes.get(pos + i + 1) == Some(&b'\n') => {
                (pos + i, pos + i + 2)
            }
            Some(i) => (pos + i, pos + i + 1),
            None => (src.len(), src.len()),
        };
        let line = src.get(pos..line_end).unwrap_or("");
        let blank = line.trim().is_empty();
        if let Some((start, end)) = open {
            if blank || is_bullet(line) {
                b.reserve(end - start);
                b.prose(start, end);
                b.flush();
                open = None;
            }
        }
        if !blank {
            open = Some((open.map_or(pos, |(start, _)| start), line_end));
        }
        pos = next;
    }
    if let Some((start, end)) = open {
        b.prose(start, end);
    }
    b.finish()
}

// BULLET := SPACE* ("-" | "*" | "•" | "–" | "—") " "
fn is_bullet(line: &str) -> bool {
    let rest = line.trim_start_matches([' ', '\t']);
    ["- ", "* ", "• ", "– ", "— "].iter().any(|b| rest.starts_with(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_paragraphs() {
        for (src, want) in [
            ("Un.\nDeux.\n\nTrois.\n", vec!["Un. Deux.", "Trois."]),
            ("Un\r\n\r\n  \r\nDeux\r\nsuite", vec!["Un", "Deux suite"]),
            ("Old\rMac\r\rfile", vec!["Old Mac", "file"]),
            ("Liste :\n- un 1\n- deux 2\n  suite\n\nFin", vec!["Liste :", "- un 1", "- deux 2 suite", "Fin"]),
            ("1\n000 mots", vec!["1 000 mots"]),
            ("Voir https://x.fr/1 et www.y.fr.", vec!["Voir \u{2063} et \u{2063}."]),
            ("\n\n\n", vec![]),
            ("", vec![]),
        ] {
            let got: Vec<String> = runs(src, 0).into_iter().map(|r| r.text).collect();
            assert_eq!(got, want, "{src:?}");
        }
        for no in ["-1 degré", "*important*", "2024. Puis", "—suite"] {
            assert!(!is_bullet(no), "{no}");
        }
    }

    #[test]
    fn maps_line_breaks_to_the_file() {
        let src = "---\ndate: 2024-01-01\n---\nLe 1\r\n000e jour.";
        let (_, body) = crate::source::front_matter::read(src);
        let runs = runs(src, body);
        let run = &runs[0];
        assert_eq!(run.text, "Le 1 000e jour.");
        assert_eq!(run.span(3, 8).text(src), Some("1\r\n000"));
        assert_eq!(run.span(0, run.text.len()).text(src), Some("Le 1\r\n000e jour."));
    }
}
