//! Byte spans of the original file and their line/column positions.

use serde::Serialize;

/// Bytes `start..end` of the original file, not of any cleaned-up text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    /// The text of the span, or `None` (never a panic) when it is not a char range of `src`.
    pub fn text(self, src: &str) -> Option<&str> {
        src.get(self.start..self.end)
    }
    pub fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }
    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// A resolved position: byte offset, 1-based line, 1-based column in Unicode scalar values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Position {
    pub offset: usize,
    pub line: usize,
    pub column: usize,
}

/// Line starts of a file. Lines end at "\n", "\r\n" or a lone "\r".
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(src: &str) -> Self {
        let bytes = src.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while let Some(rel) = memchr::memchr2(b'\n', b'\r', bytes.get(i..).unwrap_or_default()) {
            let at = i + rel;
            let next = if bytes.get(at) == Some(&b'\r') && bytes.get(at + 1) == Some(&b'\n') { at + 2 } else { at + 1 };
            starts.push(next);
            i = next;
        }
        LineIndex { starts }
    }

    /// The 0-based line holding `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(l) => l,
            Err(l) => l.saturating_sub(1),
        }
    }

    /// Byte range of 0-based line `line`, without its line ending.
    pub fn line_span(&self, src: &str, line: usize) -> Span {
        let start = self.starts.get(line).copied().unwrap_or(src.len());
        let mut end = self.starts.get(line + 1).copied().unwrap_or(src.len());
        let b = src.as_bytes();
        while end > start && matches!(b.get(end - 1), Some(b'\n' | b'\r')) {
            end -= 1;
        }
        Span::new(start, end.max(start))
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Position of `offset` (clamped to the file and moved back to a char boundary).
    pub fn position(&self, src: &str, offset: usize) -> Position {
        let mut offset = offset.min(src.len());
        while !src.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let start = self.starts.get(line).copied().unwrap_or(0).min(offset);
        let column = src.get(start..offset).map_or(0, |s| s.chars().count()) + 1;
        Position { offset, line: line + 1, column }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_line_endings() {
        let src = "a\nbé\r\nc\rd";
        let idx = LineIndex::new(src);
        assert_eq!(idx.line_count(), 4);
        assert_eq!(idx.position(src, 0), Position { offset: 0, line: 1, column: 1 });
        assert_eq!(idx.position(src, 5), Position { offset: 5, line: 2, column: 3 });
        assert_eq!(idx.position(src, 7), Position { offset: 7, line: 3, column: 1 });
        assert_eq!(idx.position(src, 9), Position { offset: 9, line: 4, column: 1 });
        assert_eq!(idx.line_span(src, 1).text(src), Some("bé"));
        // inside a multi-byte char: moved back, no panic
        assert_eq!(idx.position(src, 4), Position { offset: 3, line: 2, column: 2 });
        assert_eq!(idx.position(src, 100).offset, src.len());
    }
}
