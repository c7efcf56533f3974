//! Front matter: a YAML (`---` … `---` or `...`) or TOML (`+++` … `+++`) block at the very top of
//! a draft, after an optional byte-order mark. It is cut here, before the Markdown parser sees
//! the file (pulldown-cmark's metadata option would also take a `---` run in mid-document).
//!
//! Only the publication date (`date`, or `publishDate` and its spellings, which win) and the
//! language (`lang`, `language`, `locale`) are read. YAML is read by hand, top-level
//! `key: value` lines only (nested blocks, lists and other keys are skipped), so that no input
//! can make a YAML library panic or allocate without bound; TOML goes through the `toml` crate,
//! with the same hand reader as a fallback when the block does not parse. A value that cannot
//! be read gives a warning naming its line; the rest of the file is still read.

use super::{FrontMatter, Lang};
use crate::span::Span;
use chrono::NaiveDate;
use std::borrow::Cow;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Yaml,
    Toml,
}

/// Reads the front matter at the start of `src`; returns it and the offset where the body starts
/// (0 when there is none).
pub fn read(src: &str) -> (FrontMatter, usize) {
    let body = src.strip_prefix('\u{feff}').unwrap_or(src);
    let bom = src.len() - body.len();
    let mut lines = Lines { src, pos: bom, end: src.len(), number: 0 };
    let Some(first) = lines.next() else { return (FrontMatter::default(), 0) };
    let kind = match first.text.trim_end() {
        "---" => Kind::Yaml,
        "+++" => Kind::Toml,
        _ => return (FrontMatter::default(), 0),
    };
    let inner_start = lines.pos;
    for line in lines.by_ref() {
        let t = line.text.trim_end();
        let closes = match kind {
            Kind::Yaml => t == "---" || t == "...",
            Kind::Toml => t == "+++",
        };
        if !closes {
            continue;
        }
        let inner = src.get(inner_start..line.start).unwrap_or("");
        if kind == Kind::Yaml && !looks_like_yaml(inner) {
            // "---", a paragraph, "---": thematic breaks or a setext heading, not metadata.
            return (FrontMatter::default(), 0);
        }
        let mut front = FrontMatter { span: Some(Span::new(bom, lines.pos)), ..FrontMatter::default() };
        let inner = Lines { src, pos: inner_start, end: line.start, number: 1 };
        match kind {
            Kind::Yaml => read_keys(inner, ':', &mut front),
            Kind::Toml => read_toml(src, inner_start, line.start, &mut front),
        }
        return (front, lines.pos);
    }
    // No closing fence: not front matter (a thematic break at the top of a Markdown file).
    (FrontMatter::default(), 0)
}

/// One line of the file: its 1-based number, its start, its text without the line ending.
struct Line<'s> {
    number: usize,
    start: usize,
    text: &'s str,
}

/// The lines of `src[pos..end]`, numbered from `number + 1`.
struct Lines<'s> {
    src: &'s str,
    pos: usize,
    end: usize,
    number: usize,
}

impl<'s> Iterator for Lines<'s> {
    type Item = Line<'s>;
    fn next(&mut self) -> Option<Line<'s>> {
        let rest = self.src.get(self.pos..self.end).filter(|r| !r.is_empty())?;
        let (text, len) = match rest.find('\n') {
            Some(i) => (rest.get(..i)?, i + 1),
            None => (rest, rest.len()),
        };
        let line = Line { number: self.number + 1, start: self.pos, text: text.strip_suffix('\r').unwrap_or(text) };
        self.pos += len;
        self.number += 1;
        Some(line)
    }
}

/// True when every line is blank, a comment, indented (nested), a list entry or `key:`.
fn looks_like_yaml(inner: &str) -> bool {
    inner.lines().all(|line| {
        let t = line.trim_end();
        t.is_empty()
            || t.starts_with(['#', ' ', '\t'])
            || t == "-"
            || t.starts_with("- ")
            || split_key(t, ':').is_some_and(|(key, _)| !key.is_empty())
    })
}

// LINE := KEY SEP VALUE ; KEY := a bare word or a quoted string ; SEP := ":" SPACE | ":" END (YAML) | "=" (TOML)
fn split_key(line: &str, sep: char) -> Option<(&str, &str)> {
    let (key, value) = if let Some(quote) = line.chars().next().filter(|c| matches!(c, '"' | '\'')) {
        let close = line.get(1..)?.find(quote)? + 1;
        let (key, rest) = (line.get(1..close)?, line.get(close + 1..)?);
        (key, rest.trim_start().strip_prefix(sep)?)
    } else {
        let at = match sep {
            ':' => line.find(": ").or_else(|| line.find(":\t")).or_else(|| line.strip_suffix(':').map(str::len))?,
            _ => line.find(sep)?,
        };
        (line.get(..at)?.trim_end(), line.get(at + 1..)?)
    };
    if sep == ':' && key.contains(char::is_whitespace) {
        return None;
    }
    Some((key.trim(), value.trim()))
}

/// Which keys give the publication date; explicit publication keys win over `date`.
fn date_rank(key: &str) -> Option<u8> {
    const PUBLICATION: &[&str] =
        &["publishdate", "publish_date", "published", "pubdate", "pub_date", "publication_date", "datepublished"];
    if key.eq_ignore_ascii_case("date") {
        Some(1)
    } else if PUBLICATION.iter().any(|k| k.eq_ignore_ascii_case(key)) {
        Some(2)
    } else {
        None
    }
}

fn is_lang_key(key: &str) -> bool {
    ["lang", "language", "locale"].iter().any(|k| k.eq_ignore_ascii_case(key))
}

/// The hand reader: top-level `key: value` (YAML) or `key = value` (TOML) lines.
fn read_keys(lines: Lines<'_>, sep: char, front: &mut FrontMatter) {
    let mut rank = 0;
    for line in lines {
        let t = line.text;
        if sep == '=' && t.trim_start().starts_with('[') {
            break; // a TOML table: its keys are not top-level
        }
        if t.starts_with([' ', '\t', '#', '-']) {
            continue; // nested, a comment, a list entry
        }
        let Some((key, raw)) = split_key(t, sep) else { continue };
        let key_rank = date_rank(key);
        if key_rank.is_none() && !is_lang_key(key) {
            continue;
        }
        let value = match scalar(raw) {
            Ok(Some(v)) => v,
            Ok(None) => continue, // empty, null, or a nested block below
            Err(()) => {
                warn(front, line.number, key, raw);
                continue;
            }
        };
        if let Some(r) = key_rank {
            if r <= rank {
                continue;
            }
            match parse_date(&value) {
                Some(d) => {
                    front.date = Some(d);
                    rank = r;
                }
                None => warn(front, line.number, key, raw),
            }
        } else if front.lang.is_none() {
            match Lang::parse(&value) {
                Some(l) => front.lang = Some(l),
                None => warn(front, line.number, key, raw),
            }
        }
    }
}

fn warn(front: &mut FrontMatter, line: usize, key: &str, raw: &str) {
    if front.warning.is_some() {
        return; // the first problem is the one to fix first
    }
    let shown = ['"', '\''].iter().find_map(|q| raw.strip_prefix(*q)?.strip_suffix(*q)).unwrap_or(raw);
    let expected = if is_lang_key(key) { "fr or en (fr-FR, en_US, … also read)" } else { "YYYY-MM-DD" };
    front.warning = Some(format!("front matter, line {line}: cannot read {key} {shown:?}; expected {expected}"));
}

/// A scalar value as written: plain (up to a ` #` comment), "double-quoted" or 'single-quoted'.
/// `Ok(None)` for nothing (empty, `~`, `null`); `Err` for what this reader does not read (a
/// flow list, a block scalar, an unclosed quote).
fn scalar(raw: &str) -> Result<Option<Cow<'_, str>>, ()> {
    let raw = raw.trim();
    let value: Cow<'_, str> = match raw.chars().next() {
        None => return Ok(None),
        Some('"') => {
            let mut out = String::new();
            let mut chars = raw.char_indices().skip(1);
            let end = loop {
                match chars.next() {
                    None => return Err(()),
                    Some((i, '"')) => break i + 1,
                    Some((_, '\\')) => out.push(chars.next().ok_or(())?.1),
                    Some((_, c)) => out.push(c),
                }
            };
            trailing_comment(raw.get(end..).unwrap_or(""))?;
            Cow::Owned(out)
        }
        Some('\'') => {
            let mut out = String::new();
            let mut rest = raw.get(1..).unwrap_or("");
            loop {
                let close = rest.find('\'').ok_or(())?;
                out.push_str(rest.get(..close).unwrap_or(""));
                rest = rest.get(close + 1..).unwrap_or("");
                match rest.strip_prefix('\'') {
                    Some(r) => {
                        out.push('\'');
                        rest = r;
                    }
                    None => break,
                }
            }
            trailing_comment(rest)?;
            Cow::Owned(out)
        }
        Some('[' | '{' | '|' | '>' | '&' | '*' | '!' | '@' | '`') => return Err(()),
        Some(_) => {
            let plain = raw.find(" #").or_else(|| raw.find("\t#")).map_or(raw, |i| raw.get(..i).unwrap_or(""));
            Cow::Borrowed(plain.trim_end())
        }
    };
    if matches!(&*value, "~" | "null" | "Null" | "NULL") && !raw.starts_with(['"', '\'']) {
        return Ok(None);
    }
    if value.trim().is_empty() {
        return Err(());
    }
    Ok(Some(value))
}

fn trailing_comment(rest: &str) -> Result<(), ()> {
    let rest = rest.trim_start();
    if rest.is_empty() || rest.starts_with('#') {
        Ok(())
    } else {
        Err(())
    }
}

fn read_toml(src: &str, start: usize, end: usize, front: &mut FrontMatter) {
    let inner = src.get(start..end).unwrap_or("");
    let table = match inner.parse::<toml::Table>() {
        Ok(table) => table,
        Err(error) => {
            let line = error.span().map_or(1, |s| inner.get(..s.start).map_or(0, |b| b.matches('\n').count()) + 1) + 1;
            let message = error.message().lines().next().unwrap_or("invalid TOML").to_string();
            front.warning = Some(format!("front matter, line {line}: {message}"));
            let warning = front.warning.take();
            read_keys(Lines { src, pos: start, end, number: 1 }, '=', front);
            front.warning = warning;
            return;
        }
    };
    let mut rank = 0;
    for (key, value) in &table {
        if let Some(r) = date_rank(key) {
            let date = match value {
                toml::Value::Datetime(dt) => {
                    dt.date.and_then(|d| NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into()))
                }
                toml::Value::String(s) => parse_date(s),
                _ => None,
            };
            match date {
                Some(d) if r > rank => {
                    front.date = Some(d);
                    rank = r;
                }
                Some(_) => {}
                None => {
                    let (line, raw) = toml_line(inner, key);
                    warn(front, line, key, raw);
                }
            }
        } else if is_lang_key(key) && front.lang.is_none() {
            match value.as_str().and_then(Lang::parse) {
                Some(l) => front.lang = Some(l),
                None => {
                    let (line, raw) = toml_line(inner, key);
                    warn(front, line, key, raw);
                }
            }
        }
    }
}

/// The file line and the value as written of a top-level TOML key (the table keeps no positions).
fn toml_line<'s>(inner: &'s str, key: &str) -> (usize, &'s str) {
    inner
        .lines()
        .enumerate()
        .find_map(|(i, l)| {
            split_key(l, '=').filter(|(k, _)| k.trim_matches(['"', '\'']) == key).map(|(_, v)| (i + 2, v))
        })
        .unwrap_or((1, ""))
}

// DATE := YYYY "-" M{1,2} "-" D{1,2} [("T" | "t" | " ") TIME [" "* ZONE]]
// TIME := HH ":" MM [":" SS ["." DIGITS]] ; ZONE := "Z" | ("+" | "-") HH [[":"] MM]
/// "2024-11-20", "2024-11-20T10:00:00+01:00", "2024-11-20 10:00:00 +0100". The date as written,
/// whatever the zone: it is the date the reader of the draft sees.
pub fn parse_date(value: &str) -> Option<NaiveDate> {
    let b = value.trim().as_bytes();
    let (year, i) = digits(b, 0, 4, 4)?;
    let i = expect(b, i, b'-')?;
    let (month, i) = digits(b, i, 1, 2)?;
    let i = expect(b, i, b'-')?;
    let (day, i) = digits(b, i, 1, 2)?;
    let date = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?;
    if i == b.len() {
        return Some(date);
    }
    let i = match b.get(i) {
        Some(b'T' | b't' | b' ') => i + 1,
        _ => return None,
    };
    let (hour, i) = digits(b, i, 2, 2)?;
    let i = expect(b, i, b':')?;
    let (minute, mut i) = digits(b, i, 2, 2)?;
    if b.get(i) == Some(&b':') {
        let (second, j) = digits(b, i + 1, 2, 2)?;
        i = j;
        if second > 60 {
            return None;
        }
        if b.get(i) == Some(&b'.') {
            i = digits(b, i + 1, 1, 9)?.1;
        }
    }
    if hour > 23 || minute > 59 {
        return None;
    }
    while b.get(i) == Some(&b' ') {
        i += 1;
    }
    match b.get(i) {
        None => Some(date),
        Some(b'Z' | b'z') if i + 1 == b.len() => Some(date),
        Some(b'+' | b'-') => {
            let zone = b.get(i + 1..)?;
            let all_digits = |z: &[u8]| z.iter().all(u8::is_ascii_digit);
            let ok = match zone.len() {
                2 | 4 => all_digits(zone),
                5 => zone.get(2) == Some(&b':') && all_digits(zone.get(..2)?) && all_digits(zone.get(3..)?),
                _ => false,
            };
            ok.then_some(date)
        }
        _ => None,
    }
}

/// `min..=max` ASCII digits at `i`, as a number, and the index after them.
fn digits(b: &[u8], i: usize, min: usize, max: usize) -> Option<(u32, usize)> {
    let n = b.get(i..)?.iter().take(max).take_while(|c| c.is_ascii_digit()).count();
    if n < min || b.get(i + n).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let value = b.get(i..i + n)?.iter().fold(0u32, |acc, d| acc.saturating_mul(10).saturating_add(u32::from(d - b'0')));
    Some((value, i + n))
}

fn expect(b: &[u8], i: usize, c: u8) -> Option<usize> {
    (b.get(i) == Some(&c)).then_some(i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn reads_dates() {
        for (value, want) in [
            ("2024-11-20", ymd(2024, 11, 20)),
            ("2024-1-5", ymd(2024, 1, 5)),
            ("2024-11-20T10:00:00+01:00", ymd(2024, 11, 20)),
            ("2024-11-20T23:30:00-05:00", ymd(2024, 11, 20)),
            ("2024-11-20T10:00:00Z", ymd(2024, 11, 20)),
            ("2024-11-20t10:00:00.123z", ymd(2024, 11, 20)),
            ("2024-11-20 10:00", ymd(2024, 11, 20)),
            ("2024-11-20 10:00:00 +0100", ymd(2024, 11, 20)),
            ("2024-11-20T10:00+01", ymd(2024, 11, 20)),
            ("2024-02-29", ymd(2024, 2, 29)),
        ] {
            assert_eq!(parse_date(value), want, "{value}");
        }
        for no in [
            "",
            "2024",
            "2024-11",
            "20/11/2024",
            "2024/11/20",
            "2023-02-29",
            "2024-13-01",
            "2024-11-20x",
            "2024-11-20T25:00",
            "2024-11-20T10",
            "2024-11-200",
            "12024-11-20",
            "2024-11-20T10:00:00+01:00 extra",
            "yesterday",
        ] {
            assert_eq!(parse_date(no), None, "{no}");
        }
    }

    #[test]
    fn reads_yaml() {
        for (src, date, lang) in [
            ("---\ntitle: x\ndate: 2024-11-20\nlang: fr\n---\nTexte", ymd(2024, 11, 20), Some(Lang::Fr)),
            (
                "\u{feff}---\r\ndate: \"2024-11-20T10:00:00+01:00\"\r\nlang: 'en_US'\r\n---\r\n",
                ymd(2024, 11, 20),
                Some(Lang::En),
            ),
            ("---\ndate: 2024-11-20 # publiée\nlanguage: fr-FR\n...\n", ymd(2024, 11, 20), Some(Lang::Fr)),
            ("---\n\"date\": 2024-11-20\nlocale: English\n---\n", ymd(2024, 11, 20), Some(Lang::En)),
            ("---\npublishDate: 2024-11-21\ndate: 2024-11-20\n---\n", ymd(2024, 11, 21), None),
            ("---\ndate: 2024-11-20\npublished: 2024-11-22\n---\n", ymd(2024, 11, 22), None),
            ("---\nDate: 2024-11-20\nLang: FR\n---\n", ymd(2024, 11, 20), Some(Lang::Fr)),
            // nested keys, lists and block scalars are not ours
            (
                "---\nmeta:\n  date: 2020-01-01\n  lang: en\ntags:\n- date: 2021-01-01\nsummary: |\n  lang: en\n---\n",
                None,
                None,
            ),
            ("---\ndate:\nlang: ~\n---\n", None, None),
            ("---\n---\nTexte", None, None),
        ] {
            let (front, body) = read(src);
            assert!(front.span.is_some(), "{src:?}");
            assert_eq!((front.date, front.lang, front.warning), (date, lang, None), "{src:?}");
            assert_eq!(front.span.map(|s| s.end), Some(body));
            assert!(matches!(src.get(body..), Some(rest) if !rest.starts_with(['-', '.', '\n'])), "{src:?}");
        }
    }

    #[test]
    fn warns_on_values_it_cannot_read() {
        for (src, warning) in [
            (
                "---\ndate: 20/11/2024\nlang: fr\n---\n",
                "front matter, line 2: cannot read date \"20/11/2024\"; expected YYYY-MM-DD",
            ),
            (
                "---\ntitle: x\ndate: \"2024-11-20\nlang: fr\n---\n",
                "front matter, line 3: cannot read date \"\\\"2024-11-20\"; expected YYYY-MM-DD",
            ),
            (
                "---\nlang: de\n---\n",
                "front matter, line 2: cannot read lang \"de\"; expected fr or en (fr-FR, en_US, … also read)",
            ),
            (
                "---\ndate: [2024-11-20]\n---\n",
                "front matter, line 2: cannot read date \"[2024-11-20]\"; expected YYYY-MM-DD",
            ),
        ] {
            let (front, body) = read(src);
            assert_eq!(front.warning.as_deref(), Some(warning), "{src:?}");
            assert_eq!(body, src.len());
        }
        // The rest is still read.
        let (front, _) = read("---\ndate: 2024-02-30\nlang: fr\n---\n");
        assert_eq!((front.date, front.lang), (None, Some(Lang::Fr)));
    }

    #[test]
    fn reads_toml() {
        for (src, date, lang) in [
            ("+++\ndate = \"2022-02-12\"\nlang = \"en\"\n+++\nText", ymd(2022, 2, 12), Some(Lang::En)),
            ("+++\ndate = 2022-02-12\nlang = 'fr-CA'\n+++\n", ymd(2022, 2, 12), Some(Lang::Fr)),
            ("+++\ndate = 2022-02-12T10:00:00+01:00\n[params]\nlang = \"en\"\n+++\n", ymd(2022, 2, 12), None),
            ("+++\ntags = [\"a\",\n  \"b\"]\npublishDate = 2022-02-13\n+++\n", ymd(2022, 2, 13), None),
        ] {
            let (front, body) = read(src);
            assert_eq!((front.date, front.lang, front.warning), (date, lang, None), "{src:?}");
            assert!(body > 0);
        }
        // Not TOML: a warning, and the hand reader still finds the date.
        let (front, _) = read("+++\ntitle = oops\ndate = 2022-02-12\nlang = \"fr\"\n+++\n");
        assert_eq!((front.date, front.lang), (ymd(2022, 2, 12), Some(Lang::Fr)));
        assert!(
            front.warning.as_deref().is_some_and(|w| w.starts_with("front matter, line 2: ")),
            "{:?}",
            front.warning
        );
        let (front, _) = read("+++\ndate = 12\n+++\n");
        assert_eq!(
            front.warning.as_deref(),
            Some("front matter, line 2: cannot read date \"12\"; expected YYYY-MM-DD")
        );
    }

    #[test]
    fn leaves_alone_what_is_not_front_matter() {
        for src in [
            "---\nSome text\n",
            "---\nUne phrase, pas une clé.\n---\n",
            "Texte\n---\ndate: 2024-01-01\n---\n",
            " ---\ndate: 2024-01-01\n---\n",
            "----\ndate: 2024-01-01\n----\n",
            "+++\ndate = 2024-01-01\n",
            "---",
            "",
            "\u{feff}",
        ] {
            let (front, body) = read(src);
            assert!(front.span.is_none() && front.date.is_none(), "{src:?}");
            assert_eq!(body, 0, "{src:?}");
        }
    }
}
