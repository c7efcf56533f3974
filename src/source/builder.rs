//! The run builder shared by the Markdown, HTML and plain-text readers: it copies prose out of
//! the original file piece by piece, so that every byte of a run's text maps back to the file,
//! and it cuts out what a reader cannot see as markup but is still not prose: bare URLs
//! ("https://…", "www.…") and e-mail addresses, which GFM autolinks and pulldown-cmark leaves as
//! text, and line breaks (read as one space, so that "1\n000" is the number "1 000").

use super::{ProseRun, PLACEHOLDER};

const PLACEHOLDER_STR: &str = "\u{2063}";

pub(super) struct Builder<'s> {
    src: &'s str,
    runs: Vec<ProseRun>,
    run: ProseRun,
    /// File offset where the last URL cut out ends: prose before it is part of that URL (a URL
    /// may span several pulldown-cmark text events, split at `_`, `*` or an entity).
    cut_until: usize,
}

impl<'s> Builder<'s> {
    pub fn new(src: &'s str) -> Self {
        Builder { src, runs: Vec::new(), run: ProseRun::default(), cut_until: 0 }
    }

    /// Ends the current run; a run with no readable character is dropped.
    pub fn flush(&mut self) {
        let readable = self.run.text.chars().any(|c| !c.is_whitespace() && c != PLACEHOLDER);
        if readable {
            self.runs.push(std::mem::take(&mut self.run));
        } else {
            self.run.text.clear();
            self.run.pieces.clear();
            self.run.heading = false;
        }
    }

    /// Room for `bytes` more bytes of text in the current run (a block's size, known at its start).
    pub fn reserve(&mut self, bytes: usize) {
        self.run.text.reserve(bytes);
    }

    /// Ends the current run and starts a heading.
    pub fn heading(&mut self) {
        self.flush();
        self.run.heading = true;
    }

    /// `src[start..end]` is prose as written: copied exactly, except bare URLs (one placeholder
    /// each) and line breaks (one space each).
    pub fn prose(&mut self, start: usize, end: usize) {
        let end = end.min(self.src.len());
        let mut at = start.max(self.cut_until.min(end));
        while at < end && !self.src.is_char_boundary(at) {
            at += 1;
        }
        let bytes = self.src.as_bytes();
        while at < end {
            let line_end = bytes.get(at..end).and_then(|b| memchr::memchr2(b'\n', b'\r', b)).map_or(end, |i| at + i);
            self.line(at, line_end);
            if line_end >= end {
                break;
            }
            let mut after = line_end + 1;
            if bytes.get(line_end) == Some(&b'\r') && bytes.get(after) == Some(&b'\n') && after < end {
                after += 1;
            }
            // The next line's indentation goes with the break: one space in all.
            while after < end && matches!(bytes.get(after), Some(b' ' | b'\t')) {
                after += 1;
            }
            self.run.push_mapped(" ", line_end, after);
            at = after.max(self.cut_until.min(end));
        }
    }

    /// One line of prose (no line break inside), with its URLs cut out.
    fn line(&mut self, mut at: usize, end: usize) {
        while at < end {
            let Some((url_start, url_end)) = find_url(self.src, at, end) else { break };
            if let Some(before) = self.src.get(at..url_start) {
                self.run.push_exact(before, at);
            }
            self.run.push_mapped(PLACEHOLDER_STR, url_start, url_end);
            self.cut_until = url_end;
            at = url_end;
        }
        if at < end {
            if let Some(rest) = self.src.get(at..end) {
                self.run.push_exact(rest, at);
            }
        }
    }

    /// Text that stands for `src[start..end]` without being a copy of it (a decoded entity).
    pub fn mapped(&mut self, text: &str, start: usize, end: usize) {
        if start >= self.cut_until {
            self.run.push_mapped(text, start, end);
        }
    }

    /// A line break inside a paragraph: read as one space.
    pub fn space(&mut self, start: usize, end: usize) {
        self.mapped(" ", start, end);
    }

    /// Something that is not prose but sits inside it (inline code, an image, a URL): one
    /// character no parser reads across, mapped to the whole construct.
    pub fn placeholder(&mut self, start: usize, end: usize) {
        let after_placeholder = self.run.text.ends_with(PLACEHOLDER)
            && self.run.pieces.last().is_some_and(|p| !p.exact && p.len == PLACEHOLDER_STR.len() && p.src_end == start);
        if after_placeholder {
            // Two constructs side by side (`a``b`, an image in a link) read as one.
            if let Some(last) = self.run.pieces.last_mut() {
                last.src_end = end.max(last.src_end);
            }
            return;
        }
        self.mapped(PLACEHOLDER_STR, start, end);
    }

    pub fn finish(mut self) -> Vec<ProseRun> {
        self.flush();
        self.runs
    }
}

/// The first bare URL or e-mail address of `src[from..end]` as a file range: "http://",
/// "https://" (any case) or "www." at the start of a word, followed by a letter or digit, up to the next space, `<`, `>`,
/// `|`, quote or guillemet, less trailing punctuation and unbalanced closing brackets (the GFM
/// extended-autolink rules). The end may lie beyond `end` (a URL split across markup events),
/// never beyond the line.
pub(super) fn find_url(src: &str, from: usize, end: usize) -> Option<(usize, usize)> {
    let bytes = src.as_bytes();
    let mut at = from;
    while at < end {
        let i = at + memchr::memchr3(b':', b'.', b'@', bytes.get(at..end)?)?;
        at = i + 1;
        if bytes.get(i) == Some(&b'@') {
            if let Some(email) = email(src, from, i) {
                return Some(email);
            }
            continue;
        }
        let start = if bytes.get(i) == Some(&b':') {
            if bytes.get(i + 1..i + 3) != Some(b"//") {
                continue;
            }
            let s = match (
                i.checked_sub(5).and_then(|s| bytes.get(s..i)),
                i.checked_sub(4).and_then(|s| bytes.get(s..i)),
            ) {
                (Some(h), _) if h.eq_ignore_ascii_case(b"https") => i - 5,
                (_, Some(h)) if h.eq_ignore_ascii_case(b"http") => i - 4,
                _ => continue,
            };
            if !bytes.get(i + 3).is_some_and(u8::is_ascii_alphanumeric) {
                continue;
            }
            s
        } else {
            let Some(s) = i.checked_sub(3) else { continue };
            if !bytes.get(s..i).is_some_and(|w| w.eq_ignore_ascii_case(b"www"))
                || !bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric)
            {
                continue;
            }
            s
        };
        if start < from || src.get(..start).and_then(|b| b.chars().next_back()).is_some_and(char::is_alphanumeric) {
            continue;
        }
        let url_end = trim_url(src, start, scan_url(src, start));
        let prefix = if bytes.get(i) == Some(&b':') { i + 3 } else { i + 1 };
        if url_end > prefix {
            return Some((start, url_end));
        }
    }
    None
}

// EMAIL := LOCAL "@" DOMAIN ; LOCAL := (ALNUM | "." | "_" | "+" | "-"){1,64} ; DOMAIN := LABEL ("." LABEL)+
/// The e-mail address around the `@` at `at` (GFM autolinks those too), not starting before
/// `from`.
fn email(src: &str, from: usize, at: usize) -> Option<(usize, usize)> {
    let bytes = src.as_bytes();
    let local = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'+' | b'-');
    let before = bytes.get(from..at)?;
    let len = before.iter().rev().take(65).take_while(|b| local(b)).count();
    let start = at - len;
    if len == 0 || len > 64 || src.get(..start).and_then(|b| b.chars().next_back()).is_some_and(char::is_alphanumeric) {
        return None;
    }
    let domain = bytes.get(at + 1..)?;
    let mut len = domain.iter().take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_')).count();
    while len > 0 && domain.get(len - 1) == Some(&b'.') {
        len -= 1;
    }
    let domain = domain.get(..len)?;
    let valid = domain.first().is_some_and(u8::is_ascii_alphanumeric)
        && domain.last().is_some_and(u8::is_ascii_alphanumeric)
        && domain.contains(&b'.');
    valid.then_some((start, at + 1 + len))
}

/// Where a URL starting at `start` stops: at a space, a line break or a character that cannot
/// be part of one as written in prose.
fn scan_url(src: &str, start: usize) -> usize {
    let bytes = src.as_bytes();
    let mut i = start;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            if b.is_ascii_whitespace() || matches!(b, b'<' | b'>' | b'|' | b'"' | b'`') {
                return i;
            }
            i += 1;
        } else {
            let Some(c) = src.get(i..).and_then(|s| s.chars().next()) else { return i };
            if c.is_whitespace() || matches!(c, '«' | '»' | '“' | '”' | '‘' | '’') {
                return i;
            }
            i += c.len_utf8();
        }
    }
    i
}

/// GFM's trailing-punctuation rule: "(voir www.x.fr)." keeps ")." out of the URL, and a
/// trailing entity reference ("&quot;") is not part of it either.
fn trim_url(src: &str, start: usize, mut end: usize) -> usize {
    let bytes = src.as_bytes();
    while end > start {
        let url = bytes.get(start..end).unwrap_or_default();
        let count = |c: u8| url.iter().filter(|&&b| b == c).count();
        match url.last() {
            Some(b'?' | b'!' | b'.' | b',' | b':' | b'*' | b'_' | b'~' | b'\'') => end -= 1,
            Some(b')') if count(b')') > count(b'(') => end -= 1,
            Some(b']') if count(b']') > count(b'[') => end -= 1,
            Some(b';') => {
                end -= 1;
                let name = url.iter().rev().skip(1).take_while(|b| b.is_ascii_alphanumeric()).count();
                if name > 0 && url.len() >= name + 2 && url.get(url.len() - name - 2) == Some(&b'&') {
                    end -= name + 1;
                }
            }
            _ => return end,
        }
    }
    start
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls(src: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut at = 0;
        while let Some((s, e)) = find_url(src, at, src.len()) {
            out.push(&src[s..e]);
            at = e;
        }
        out
    }

    #[test]
    fn reads_urls() {
        for (src, want) in [
            ("voir https://example.com/a/b?x=1 pour", vec!["https://example.com/a/b?x=1"]),
            ("(see http://x.org/2024/11.)", vec!["http://x.org/2024/11"]),
            ("Visit www.example.com.", vec!["www.example.com"]),
            ("HTTPS://X.FR, puis WWW.Y.FR!", vec!["HTTPS://X.FR", "WWW.Y.FR"]),
            ("a (https://fr.wikipedia.org/wiki/Lyon_(ville)) b", vec!["https://fr.wikipedia.org/wiki/Lyon_(ville)"]),
            ("«https://x.fr/é»", vec!["https://x.fr/é"]),
            ("| https://x.fr|5 |", vec!["https://x.fr"]),
            ("<a href=https://x.fr>", vec!["https://x.fr"]),
            ("https://a.b https://c.d", vec!["https://a.b", "https://c.d"]),
            ("www.x.fr/?a=1&amp; b", vec!["www.x.fr/?a=1"]),
            ("www.x.fr/a;b; c", vec!["www.x.fr/a;b"]),
            ("écrire à jean.dupont+2024@ville.example.fr.", vec!["jean.dupont+2024@ville.example.fr"]),
            ("(contact: a_b@c.d)", vec!["a_b@c.d"]),
        ] {
            assert_eq!(urls(src), want, "{src:?}");
        }
        for no in [
            "3.5 et 1.000",
            "awww.x.fr",
            "http:/x.fr",
            "https:// x.fr",
            "www. example",
            "www.",
            "ftp://x.fr",
            "le site.fr",
            "a:b",
            "xhttps://a.b",
            "@AFP",
            "a@b",
            "a@b.",
            "a@-b.c",
            "é@b.fr",
            "3 @ 5.2",
        ] {
            assert!(urls(no).is_empty(), "{no:?}: {:?}", urls(no));
        }
    }

    #[test]
    fn cuts_urls_and_line_breaks() {
        let src = "Voir https://x.fr/2024 et\r\n1\n000 www.y.com.";
        let mut b = Builder::new(src);
        b.prose(0, src.len());
        let runs = b.finish();
        let run = &runs[0];
        assert_eq!(run.text, "Voir \u{2063} et 1 000 \u{2063}.");
        assert_eq!(run.span(5, 8).text(src), Some("https://x.fr/2024"));
        assert_eq!(run.span(11, 12).text(src), Some("\r\n"));
        let num = run.text.find("1 000").unwrap();
        assert_eq!(run.span(num, num + 5).text(src), Some("1\n000"));
    }

    #[test]
    fn drops_runs_without_prose() {
        let src = "`x`  ";
        let mut b = Builder::new(src);
        b.placeholder(0, 3);
        b.prose(3, 5);
        assert!(b.finish().is_empty());
    }
}
