//! Front matter: a YAML (`---`) or TOML (`+++`) block at the very top of a draft. Only `date`
//! and `lang` are read; the block is never prose.

use super::{FrontMatter, Lang};
use crate::span::Span;
use chrono::NaiveDate;

/// Reads the front matter at the start of `src`; returns it and the offset where the body starts.
pub fn read(src: &str) -> (FrontMatter, usize) {
    let body = src.strip_prefix('\u{feff}').unwrap_or(src);
    let bom = src.len() - body.len();
    let fence = if body.starts_with("---") {
        "---"
    } else if body.starts_with("+++") {
        "+++"
    } else {
        return (FrontMatter::default(), 0);
    };
    // The opening fence must be alone on its line.
    let first_end = body.find('\n').unwrap_or(body.len());
    if body[..first_end].trim_end() != fence {
        return (FrontMatter::default(), 0);
    }
    let mut pos = first_end + 1;
    let inner_start = pos;
    while pos < body.len() {
        let end = body[pos..].find('\n').map_or(body.len(), |e| pos + e);
        let line = body[pos..end].trim_end();
        if line == fence || (fence == "---" && line == "...") {
            let mut front = parse(&body[inner_start.min(pos)..pos], fence == "+++");
            let stop = (end + 1).min(body.len());
            front.span = Some(Span::new(bom, bom + stop));
            return (front, bom + stop);
        }
        pos = end + 1;
    }
    // No closing fence: not front matter (a thematic break at the top of a Markdown file).
    (FrontMatter::default(), 0)
}

fn parse(inner: &str, toml: bool) -> FrontMatter {
    let mut front = FrontMatter::default();
    for line in inner.lines() {
        if line.starts_with([' ', '\t']) {
            continue; // nested values are not ours
        }
        let sep = if toml { '=' } else { ':' };
        let Some((key, value)) = line.split_once(sep) else { continue };
        let key = key.trim().trim_matches('"');
        let value = value.split(" #").next().unwrap_or("").trim().trim_matches(['"', '\'']);
        match key {
            "date" | "published" | "pubDate" | "publish_date" | "publication_date" => match parse_date(value) {
                Some(d) => front.date = Some(d),
                None => {
                    front.warning = Some(format!("front matter: cannot read the date {value:?}; expected YYYY-MM-DD"))
                }
            },
            "lang" | "language" | "locale" => match Lang::parse(value) {
                Some(l) => front.lang = Some(l),
                None => {
                    front.warning = Some(format!("front matter: unknown language {value:?}; factlint reads fr and en"))
                }
            },
            _ => {}
        }
    }
    front
}

/// "2024-11-20", "2024-11-20T10:00:00Z", "2024-11-20 10:00".
pub fn parse_date(value: &str) -> Option<NaiveDate> {
    let head = value.get(..10)?;
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_yaml_and_toml() {
        let (f, body) = read("---\ntitle: x\ndate: 2024-11-20\nlang: fr\n---\nTexte");
        assert_eq!(f.date, NaiveDate::from_ymd_opt(2024, 11, 20));
        assert_eq!(f.lang, Some(Lang::Fr));
        assert_eq!(body, 43);
        let (f, _) = read("+++\ndate = \"2022-02-12\"\nlang = \"en\"\n+++\nText");
        assert_eq!(f.date, NaiveDate::from_ymd_opt(2022, 2, 12));
        assert_eq!(f.lang, Some(Lang::En));
    }

    #[test]
    fn leaves_alone_a_thematic_break() {
        let (f, body) = read("---\nSome text\n");
        assert!(f.span.is_none());
        assert_eq!(body, 0);
    }
}
