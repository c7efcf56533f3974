//! Markup → Document: the prose of a draft, with byte offsets into the original file.
//!
//! A [`Document`] holds prose runs (one per paragraph-level block), their sentences, the front
//! matter's publication date and language, and the language finally chosen. Code, URLs, HTML
//! tags, comments and attributes and front matter never reach a run; inline code, images and
//! URLs leave one [`PLACEHOLDER`] each, so that no parser reads across them.

mod builder;
pub mod detect;
pub mod front_matter;
pub mod html;
pub mod markdown;
pub mod segment;
pub mod text;

use crate::span::Span;
use chrono::NaiveDate;
use serde::Serialize;

/// A language factlint reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Fr,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }
    /// "fr", "fr-FR", "fr_CA", "French", "en-US", …
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        let head = s.split(['-', '_']).next().unwrap_or("");
        match head {
            "fr" | "fra" | "fre" | "french" | "français" | "francais" => Some(Lang::Fr),
            "en" | "eng" | "english" | "anglais" => Some(Lang::En),
            _ => None,
        }
    }
}

/// What stands in a run's text for something inside the prose that is not prose (inline code,
/// an image, a URL, a footnote mark): U+2063 INVISIBLE SEPARATOR, which is neither a letter,
/// a digit nor a space, so no parser reads a number or a word across it.
pub const PLACEHOLDER: char = '\u{2063}';

/// How the bytes are marked up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Text,
    Html,
}

impl Format {
    /// From the file name; anything unknown is read as Markdown, which is a superset of plain prose.
    pub fn from_path(path: &std::path::Path) -> Format {
        match path.extension().and_then(|e| e.to_str()).map(|e| e.to_ascii_lowercase()).as_deref() {
            Some("txt" | "text") => Format::Text,
            Some("html" | "htm" | "xhtml") => Format::Html,
            _ => Format::Markdown,
        }
    }
}

/// One piece of a run's text and where it came from. `exact` pieces are a byte-for-byte copy of
/// `src[src_start..src_start + len]`; other pieces (an entity, a soft break) map as a whole to
/// `src_start..src_end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece {
    pub text_start: usize,
    pub len: usize,
    pub src_start: usize,
    pub src_end: usize,
    pub exact: bool,
}

/// A run of prose (a paragraph, a heading, a list item, a table cell) as text with an offset map.
#[derive(Clone, Debug, Default)]
pub struct ProseRun {
    pub text: String,
    pub pieces: Vec<Piece>,
    /// Sentences as byte ranges of `text`.
    pub sentences: Vec<(usize, usize)>,
    /// True for a heading: it is prose, but not a sentence of running text.
    pub heading: bool,
}

impl ProseRun {
    /// Appends text copied verbatim from `src[src_start..]`.
    pub fn push_exact(&mut self, text: &str, src_start: usize) {
        if text.is_empty() {
            return;
        }
        let text_start = self.text.len();
        // Merge with the previous piece when contiguous in both text and source.
        if let Some(last) = self.pieces.last_mut() {
            if last.exact && last.src_end == src_start && last.text_start + last.len == text_start {
                last.len += text.len();
                last.src_end += text.len();
                self.text.push_str(text);
                return;
            }
        }
        self.pieces.push(Piece {
            text_start,
            len: text.len(),
            src_start,
            src_end: src_start + text.len(),
            exact: true,
        });
        self.text.push_str(text);
    }

    /// Appends text that stands for `src[src_start..src_end]` without being a copy of it.
    pub fn push_mapped(&mut self, text: &str, src_start: usize, src_end: usize) {
        if text.is_empty() {
            return;
        }
        let text_start = self.text.len();
        self.pieces.push(Piece { text_start, len: text.len(), src_start, src_end, exact: false });
        self.text.push_str(text);
    }

    fn piece_at(&self, offset: usize) -> Option<&Piece> {
        let i = match self.pieces.binary_search_by(|p| p.text_start.cmp(&offset)) {
            Ok(i) => i,
            Err(0) => return self.pieces.first(),
            Err(i) => i - 1,
        };
        self.pieces.get(i)
    }

    /// File offset of the start of text byte `offset`.
    pub fn src_start(&self, offset: usize) -> usize {
        match self.piece_at(offset) {
            Some(p) if p.exact => p.src_start + (offset.saturating_sub(p.text_start)).min(p.len),
            Some(p) if offset >= p.text_start + p.len => p.src_end,
            Some(p) => p.src_start,
            None => 0,
        }
    }

    /// File offset of the end of text bytes ending (exclusively) at `offset`.
    pub fn src_end(&self, offset: usize) -> usize {
        if offset == 0 {
            return self.src_start(0);
        }
        match self.piece_at(offset - 1) {
            Some(p) if p.exact => p.src_start + (offset - p.text_start).min(p.len),
            Some(p) => p.src_end,
            None => 0,
        }
    }

    /// The file span of text bytes `start..end`.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let s = self.src_start(start);
        let e = self.src_end(end).max(s);
        Span::new(s, e)
    }

    /// The sentence (as a text range) holding text offset `at`; the spaces between two sentences
    /// belong to the one before.
    pub fn sentence_of(&self, at: usize) -> (usize, usize) {
        let i = self.sentences.partition_point(|&(s, _)| s <= at);
        match i.checked_sub(1).and_then(|i| self.sentences.get(i)) {
            Some(&sentence) => sentence,
            None => self.sentences.first().copied().unwrap_or((0, self.text.len())),
        }
    }
}

/// Everything a reader found in the front matter that factlint uses.
#[derive(Clone, Debug, Default)]
pub struct FrontMatter {
    pub span: Option<Span>,
    pub date: Option<NaiveDate>,
    pub lang: Option<Lang>,
    /// A problem worth a warning on stderr: the front matter was read as far as possible.
    pub warning: Option<String>,
}

/// A draft ready for extraction.
#[derive(Clone, Debug)]
pub struct Document<'s> {
    pub src: &'s str,
    pub format: Format,
    pub runs: Vec<ProseRun>,
    pub front: FrontMatter,
    /// The language chosen: `--lang`, then front matter, then config, then detection.
    pub lang: Lang,
    /// The publication date: front matter, `--pub-date`, config, in that order.
    pub pub_date: Option<NaiveDate>,
    /// Problems worth telling the user about (malformed front matter, …).
    pub warnings: Vec<String>,
}

/// What the caller knows beyond the file itself.
#[derive(Clone, Debug, Default)]
pub struct ReadOptions {
    /// `--lang` (wins over everything).
    pub lang: Option<Lang>,
    /// The configuration's language (after the front matter).
    pub config_lang: Option<Lang>,
    /// `--pub-date` (after the front matter).
    pub pub_date: Option<NaiveDate>,
    /// The configuration's date (after `--pub-date`).
    pub config_pub_date: Option<NaiveDate>,
}

impl<'s> Document<'s> {
    /// Reads a draft. Never fails: what cannot be understood is left out of the prose.
    pub fn read(src: &'s str, format: Format, opts: &ReadOptions) -> Document<'s> {
        let (mut front, body_start) = front_matter::read(src);
        let mut runs = match format {
            Format::Text => text::runs(src, body_start),
            Format::Markdown => markdown::runs(src, body_start),
            Format::Html => html::runs(src, body_start, &mut front),
        };
        let lang = opts
            .lang
            .or(front.lang)
            .or(opts.config_lang)
            .unwrap_or_else(|| detect::detect(runs.iter().map(|r| r.text.as_str())));
        for run in &mut runs {
            run.sentences = segment::sentences(&run.text, lang);
        }
        let pub_date = front.date.or(opts.pub_date).or(opts.config_pub_date);
        let warnings = front.warning.iter().cloned().collect();
        Document { src, format, runs, front, lang, pub_date, warnings }
    }

    pub fn text(&self, span: Span) -> &'s str {
        span.text(self.src).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_offsets_through_pieces() {
        let src = "ab&amp;cd";
        let mut run = ProseRun::default();
        run.push_exact("ab", 0);
        run.push_mapped("&", 2, 7);
        run.push_exact("cd", 7);
        assert_eq!(run.text, "ab&cd");
        assert_eq!(run.span(0, 2).text(src), Some("ab"));
        assert_eq!(run.span(2, 3).text(src), Some("&amp;"));
        assert_eq!(run.span(3, 5).text(src), Some("cd"));
        assert_eq!(run.span(1, 4).text(src), Some("b&amp;c"));
    }

    #[test]
    fn finds_the_sentence_of_an_offset() {
        let mut run = ProseRun::default();
        run.push_exact("Un.  Deux. Trois", 0);
        run.sentences = segment::sentences(&run.text, Lang::Fr);
        assert_eq!(run.sentences, vec![(0, 3), (5, 10), (11, 16)]);
        for (at, want) in [(0, (0, 3)), (2, (0, 3)), (4, (0, 3)), (5, (5, 10)), (12, (11, 16)), (99, (11, 16))] {
            assert_eq!(run.sentence_of(at), want, "{at}");
        }
        assert_eq!(ProseRun::default().sentence_of(0), (0, 0));
    }

    #[test]
    fn reads_each_format() {
        let opts = ReadOptions::default();
        let html = Document::read("<html lang=fr><p>Le <b>budget</b> : 5&nbsp;M€.</p>", Format::Html, &opts);
        assert_eq!((html.lang, html.runs.len(), html.runs[0].text.as_str()), (Lang::Fr, 1, "Le budget : 5\u{a0}M€."));
        let md = Document::read("---\nlang: en\n---\nLe `code`.", Format::Markdown, &opts);
        assert_eq!((md.lang, md.runs[0].text.as_str()), (Lang::En, "Le \u{2063}."));
        let text = Document::read("Le `code`.", Format::Text, &opts);
        assert_eq!(text.runs[0].text, "Le `code`.");
    }
}
