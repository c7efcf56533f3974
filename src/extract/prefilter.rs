//! One cheap pass over a run's text that finds where a parser may start: digit runs and
//! lexicon words. Parsers run only there.
//!
//! Every candidate starts a word, so the pass only looks at word starts: a word whose shape
//! (first byte, length, last byte) is no lexicon first word's is skipped with one bit test;
//! the others are packed in a number (ASCII letters folded to lower case) and looked up in a
//! table of the lexicon's first words; the phrases that begin with it ("il y a", "un demi-")
//! are compared in place, longest first. Words that begin with a symbol ("$", "€") are tried where that symbol
//! stands. A hash lookup per word is about three times cheaper than an Aho-Corasick automaton
//! over every byte, and costs nothing to build.

use crate::fxhash::FxHashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CandidateKind {
    /// A run of ASCII digits starts here.
    Digits,
    /// A lexicon word starts here (index into the prefilter's word list).
    Word(u32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// Byte offset in the run's text, at the start of a word or digit run.
    pub at: usize,
    /// End of the digit run or of the word matched.
    pub end: usize,
    pub kind: CandidateKind,
}

/// Longest first-word of the lexicon looked up; longer words of the text are no lexicon word.
const MAX_TOKEN: usize = 63;

/// Byte classes of the scan: ASCII letters and digits make words; bytes of multi-byte
/// characters are decoded to tell.
const OTHER: u8 = 0;
const LETTER: u8 = 1;
const DIGIT: u8 = 2;
const HIGH: u8 = 4;
static CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            b'a'..=b'z' | b'A'..=b'Z' => LETTER,
            b'0'..=b'9' => DIGIT,
            0x80..=0xff => HIGH,
            _ => OTHER,
        };
        b += 1;
    }
    t
};

/// A phrase of a first word's list, with what rejects it without reading the phrase.
#[derive(Clone, Copy, Debug)]
struct Phrase {
    ix: u32,
    /// Byte length of the phrase.
    len: usize,
    /// The byte after the first word's following character, when the phrase is that long:
    /// most phrases that share a first word differ there.
    probe: Option<u8>,
    /// The phrase ends in a hyphen or an apostrophe ("un demi-", "aujourd'"): a letter may
    /// follow it.
    open_end: bool,
}

#[derive(Debug)]
pub struct Prefilter {
    words: Vec<String>,
    /// Each first word's phrases, longest first, one list after the other.
    phrases: Vec<Phrase>,
    /// First word of each lexicon phrase (ASCII lower case, at most 16 bytes, packed in a
    /// `u128`) → its phrases: one multiply to hash, no byte comparison.
    short: FxHashMap<u128, List>,
    /// The first words longer than 16 bytes, the same way.
    long: FxHashMap<Box<[u8]>, List>,
    /// Phrases that begin with a symbol, longest first, and the bytes they can begin with.
    symbols: Vec<Phrase>,
    symbol_lead: [bool; 256],
    /// Bit `z & 31` of `shapes[(a & 31) * 64 + n]`: some first word starts with byte `a`, is n
    /// bytes long and ends with byte `z` (ASCII case folded); the other words of the text are
    /// not looked up.
    shapes: Box<[u32; 32 * 64]>,
}

/// The phrases of one first word: `phrases[from..to]`, longest first. Those of
/// `phrases[from..tail]` are longer than the word and a character, so each has a probe byte;
/// bit `probe & 31` of `probes` is set for each. A text whose byte there sets no bit of
/// `probes` can only match the phrases of `phrases[tail..to]` (the word alone, or the word and
/// one character): on "le", "l'", "the", most lists are skipped whole.
#[derive(Clone, Copy, Debug)]
struct List {
    from: u32,
    tail: u32,
    to: u32,
    probes: u32,
}

/// Where a word's shape (first byte, length, last byte) sits in [`Prefilter::shapes`].
fn shape(word: &[u8]) -> (usize, u32) {
    let first = usize::from(word.first().map_or(0, u8::to_ascii_lowercase) & 31);
    let last = word.last().map_or(0, u8::to_ascii_lowercase) & 31;
    ((first << 6) | (word.len() & 63), 1 << last)
}

/// Words up to this many bytes are looked up by their packed bytes.
const SHORT: usize = 16;

/// [`pack`] of `text[at..at + len]` (`len` at most [`SHORT`]), read in one load when 16 bytes
/// follow `at`, its ASCII capitals folded all at once.
#[inline]
fn pack_at(text: &[u8], at: usize, len: usize) -> u128 {
    let Some(chunk) = text.get(at..at + SHORT).and_then(|c| <[u8; SHORT]>::try_from(c).ok()) else {
        return pack(text.get(at..at + len).unwrap_or_default());
    };
    ascii_lower(u128::from_le_bytes(chunk) & KEEP.get(len).copied().unwrap_or(u128::MAX))
}

/// `KEEP[n]`: the low `n` bytes of a `u128`.
static KEEP: [u128; SHORT + 1] = {
    let mut t = [u128::MAX; SHORT + 1];
    let mut n = 0;
    while n < SHORT {
        t[n] = (1u128 << (n * 8)) - 1;
        n += 1;
    }
    t
};

/// Each byte of `x` that is an ASCII capital, in lower case; the other bytes as they are.
fn ascii_lower(x: u128) -> u128 {
    const ONES: u128 = u128::from_le_bytes([0x01; 16]);
    const HIGH: u128 = ONES * 0x80;
    let low7 = x & !HIGH;
    // per byte, bit 7 of: low7 >= 'A', low7 > 'Z' (no carry crosses a byte: low7 < 0x80)
    let ge_a = low7 + ONES * (0x80 - u128::from(b'A'));
    let gt_z = low7 + ONES * (0x7f - u128::from(b'Z'));
    let upper = (ge_a & !gt_z) & !x & HIGH;
    x | (upper >> 2)
}

/// The bytes of a word of at most [`SHORT`] bytes, ASCII letters in lower case, as one number.
fn pack(word: &[u8]) -> u128 {
    let mut buf = [0u8; SHORT];
    if let Some(head) = buf.get_mut(..word.len()) {
        head.copy_from_slice(word);
    }
    buf.make_ascii_lowercase();
    u128::from_le_bytes(buf)
}

impl Prefilter {
    pub fn new(words: &[String]) -> Prefilter {
        let mut words: Vec<String> = words.iter().map(|w| w.to_lowercase()).filter(|w| !w.is_empty()).collect();
        words.sort();
        words.dedup();
        let mut by_token: FxHashMap<Box<[u8]>, Vec<u32>> = FxHashMap::default();
        let mut symbols = Vec::new();
        let mut symbol_lead = [false; 256];
        let mut shapes = Box::new([0u32; 32 * 64]);
        for (i, w) in words.iter().enumerate() {
            let Ok(i) = u32::try_from(i) else { break };
            let token = &w[..word_end(w, 0)];
            if token.is_empty() {
                symbols.push(i);
                symbol_lead[usize::from(w.as_bytes()[0])] = true;
            } else if token.len() <= MAX_TOKEN {
                let key: Vec<u8> = token.bytes().map(|b| b.to_ascii_lowercase()).collect();
                let (at, bit) = shape(&key);
                shapes[at] |= bit;
                by_token.entry(key.into_boxed_slice()).or_default().push(i);
            }
        }
        let len = |i: &u32| std::cmp::Reverse(words[*i as usize].len());
        let phrase = |ix: u32, word: usize| {
            let w = words[ix as usize].as_bytes();
            let open_end = words[ix as usize].chars().next_back().is_some_and(|c| !c.is_alphanumeric());
            Phrase { ix, len: w.len(), probe: w.get(word + 1).copied().filter(|_| w.len() > word + 1), open_end }
        };
        let mut phrases = Vec::new();
        let mut short = FxHashMap::default();
        let mut long = FxHashMap::default();
        let mut tokens: Vec<_> = by_token.into_iter().collect();
        tokens.sort();
        for (token, mut list) in tokens {
            list.sort_by_key(len);
            let from = phrases.len();
            phrases.extend(list.iter().map(|&ix| phrase(ix, token.len())));
            let listed = phrases.get(from..).unwrap_or_default();
            // longest first: the phrases without a probe byte are the last ones
            let tail = from + listed.iter().take_while(|p| p.probe.is_some()).count();
            let probes = listed.iter().filter_map(|p| p.probe).fold(0u32, |m, b| m | 1 << (b & 31));
            let index = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
            let range = List { from: index(from), tail: index(tail), to: index(phrases.len()), probes };
            if token.len() <= SHORT {
                short.insert(pack(&token), range);
            } else {
                long.insert(token, range);
            }
        }
        symbols.sort_by_key(len);
        let symbols = symbols.iter().map(|&ix| phrase(ix, 0)).collect();
        Prefilter { words, phrases, short, long, symbols, symbol_lead, shapes }
    }

    /// The phrases whose first word is the word of `text[at..at + len]` (any ASCII case) and
    /// that may stand there, judged by the byte after the word's next character; longest
    /// first.
    fn phrases_at(&self, text: &[u8], at: usize, len: usize) -> &[Phrase] {
        let list = if len <= SHORT {
            self.short.get(&pack_at(text, at, len))
        } else {
            let mut key = [0u8; MAX_TOKEN];
            let key = key.get_mut(..len).unwrap_or_default();
            key.copy_from_slice(text.get(at..at + len).unwrap_or_default());
            key.make_ascii_lowercase();
            self.long.get(&*key)
        };
        let Some(list) = list else { return &[] };
        let probe = text.get(at + len + 1).map_or(0, u8::to_ascii_lowercase);
        let from = if list.probes & (1 << (probe & 31)) != 0 { list.from } else { list.tail };
        self.phrases.get(from as usize..list.to as usize).unwrap_or_default()
    }

    pub fn word(&self, index: u32) -> &str {
        self.words.get(index as usize).map_or("", String::as_str)
    }

    /// Every word, in the order of the indexes [`CandidateKind::Word`] gives: what a table
    /// built once per lexicon word is indexed by.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(String::as_str)
    }

    /// Appends the candidates of `text`, sorted by position (a digit run before a word that
    /// starts at the same place).
    pub fn candidates(&self, text: &str, out: &mut Vec<Candidate>) {
        let bytes = text.as_bytes();
        // No word candidate starts inside the last word matched.
        let mut claimed = 0;
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            let class = CLASS[usize::from(b)];
            let starts_word = match class {
                LETTER | DIGIT => true,
                HIGH => latin1_letter(bytes, i) || char_at(text, i).is_some_and(char::is_alphanumeric),
                _ => false,
            };
            if !starts_word {
                if self.symbol_lead[usize::from(b)] && i >= claimed && !prev_is_word_char(text, i) {
                    if let Some(c) = self.first_match(text, i, 0, &self.symbols) {
                        claimed = c.end;
                        out.push(c);
                    }
                }
                i += if class == HIGH { char_at(text, i).map_or(1, char::len_utf8) } else { 1 };
                continue;
            }
            let start = i;
            i = word_end(text, i);
            if b.is_ascii_digit() {
                let digits = bytes.get(start..i).map_or(0, |w| w.iter().take_while(|c| c.is_ascii_digit()).count());
                out.push(Candidate { at: start, end: start + digits, kind: CandidateKind::Digits });
            }
            let len = i - start;
            let word = bytes.get(start..i).unwrap_or_default();
            if start >= claimed && len <= MAX_TOKEN && {
                let (at, bit) = shape(word);
                self.shapes.get(at).is_some_and(|s| s & bit != 0)
            } {
                let list = self.phrases_at(bytes, start, len);
                if let Some(c) = self.first_match(text, start, len, list) {
                    claimed = c.end;
                    out.push(c);
                }
            }
        }
    }

    /// The longest phrase of `list` that stands at `at` as whole words; `word` is the length
    /// of the word at `at`, already known to be the first word of each phrase of the list.
    fn first_match(&self, text: &str, at: usize, word: usize, list: &[Phrase]) -> Option<Candidate> {
        let rest = text.as_bytes().get(at..)?;
        list.iter().find_map(|p| {
            let end = at + p.len;
            if p.len == word {
                // the phrase is that word, and a word ends where no letter follows
                return Some(Candidate { at, end, kind: CandidateKind::Word(p.ix) });
            }
            // most phrases that share a first word differ at the next one: look there first
            if p.probe.is_some_and(|b| rest.get(word + 1).map(u8::to_ascii_lowercase) != Some(b)) {
                return None;
            }
            let w = self.word(p.ix);
            let here = rest.get(..w.len())?;
            if !here.eq_ignore_ascii_case(w.as_bytes()) || !text.is_char_boundary(end) {
                return None;
            }
            (p.open_end || !next_is_letter(text, end)).then_some(Candidate { at, end, kind: CandidateKind::Word(p.ix) })
        })
    }
}

/// End of the run of alphanumeric characters from `at`.
#[inline(always)]
fn word_end(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = at;
    // ASCII letters and digits, most of the text, in one tight loop
    while bytes.get(i).is_some_and(|&b| CLASS[usize::from(b)] & (LETTER | DIGIT) != 0) {
        i += 1;
    }
    if bytes.get(i).is_some_and(|&b| CLASS[usize::from(b)] == HIGH) {
        word_end_past_ascii(text, i)
    } else {
        i
    }
}

/// Whether a letter of U+00C0..=U+00FF ("é", "à", "ç"…: all but × and ÷) starts at `i`.
fn latin1_letter(bytes: &[u8], i: usize) -> bool {
    bytes.get(i) == Some(&0xC3)
        && bytes.get(i + 1).is_some_and(|&c| (0x80..=0xBF).contains(&c) && c != 0x97 && c != 0xB7)
}

/// [`word_end`] from a byte that is not ASCII.
#[inline(never)]
fn word_end_past_ascii(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = at;
    loop {
        match bytes.get(i) {
            Some(&b) if CLASS[usize::from(b)] & (LETTER | DIGIT) != 0 => i += 1,
            Some(0xC3) if latin1_letter(bytes, i) => i += 2,
            Some(&b) if CLASS[usize::from(b)] == HIGH => match char_at(text, i) {
                Some(c) if c.is_alphanumeric() => i += c.len_utf8(),
                _ => return i,
            },
            _ => return i,
        }
    }
}

fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..).and_then(|s| s.chars().next())
}

fn prev_is_word_char(text: &str, at: usize) -> bool {
    text.get(..at).and_then(|s| s.chars().next_back()).is_some_and(char::is_alphanumeric)
}

fn next_is_letter(text: &str, at: usize) -> bool {
    text.get(at..).and_then(|s| s.chars().next()).is_some_and(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn starts(words: &[&str], text: &str) -> Vec<usize> {
        let words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        let mut out = Vec::new();
        Prefilter::new(&words).candidates(text, &mut out);
        out.iter().map(|c| c.at).collect()
    }

    #[test]
    fn finds_words_and_digit_runs_at_word_starts() {
        assert_eq!(starts(&["deux"], "Les deux 12 et x34 deuxième"), [4, 9]);
        // a word that ends in a hyphen or an apostrophe is followed by a letter by design
        assert_eq!(starts(&["un", "un demi-"], "Un demi-million"), [0]);
        assert_eq!(starts(&["aujourd'"], "aujourd'hui"), [0]);
        // a whole word glued to letters is not one
        assert!(starts(&["un"], "une unité").is_empty());
        // accented words are whole words too; ASCII letters fold, others must match
        assert_eq!(starts(&["février"], "FÉVRIER, Février"), [10]);
        assert!(starts(&["mai"], "maïs").is_empty());
        // accented letters continue a word, × and ÷ end it
        assert_eq!(word_end("éàçÿ×2", 0), "éàçÿ".len());
        assert_eq!(word_end("aÀ÷", 0), "aÀ".len());
        assert_eq!(word_end("œuvre ", 0), "œuvre".len());
        // first words longer than the packed ones are looked up by their bytes
        assert_eq!(starts(&["extraordinairement"], "Vraiment EXTRAORDINAIREMENT"), [9]);
        assert!(starts(&["extraordinairement"], "extraordinairemenT2").is_empty());
    }

    #[test]
    fn pack_at_is_pack_of_the_word() {
        let text = "Le MAI, Février ÉTÉ zZ@[`{ 0123456789abcdefXYZ ÀÉ";
        let bytes = text.as_bytes();
        for at in 0..bytes.len() {
            for len in 0..=SHORT.min(bytes.len() - at) {
                assert_eq!(pack_at(bytes, at, len), pack(&bytes[at..at + len]), "{at} {len}");
            }
        }
        // every byte value, folded alone
        for b in 0..=255u8 {
            let mut one = [b; SHORT];
            one.make_ascii_lowercase();
            assert_eq!(ascii_lower(u128::from_le_bytes([b; SHORT])), u128::from_le_bytes(one), "{b}");
        }
    }

    #[test]
    fn probes_skip_the_longer_phrases_only() {
        let w = |s: &str| Some(s.to_string());
        let words = ["le", "le lendemain", "le mois dernier", "le 1er", "l'an", "l'été", "l"];
        assert_eq!(found(&words, "le lendemain"), [(0, 12, w("le lendemain"))]);
        assert_eq!(found(&words, "le matin"), [(0, 2, w("le"))]);
        assert_eq!(found(&words, "Le Mois dernier"), [(0, 15, w("le mois dernier"))]);
        assert_eq!(found(&words, "le 1er"), [(0, 6, w("le 1er")), (3, 4, None)]);
        assert_eq!(found(&words, "l'été, l'an, l'hiver"), [(0, 7, w("l'été")), (9, 13, w("l'an")), (15, 16, w("l"))]);
        assert_eq!(found(&words, "le"), [(0, 2, w("le"))]);
    }

    #[test]
    fn packs_and_shapes_fold_ascii_case_only() {
        assert_eq!(pack(b"Mai"), pack(b"mai"));
        assert_ne!(pack("É".as_bytes()), pack("é".as_bytes()));
        assert_ne!(pack(b"mai"), pack(b"mais"));
        assert_eq!(shape(b"Mai"), shape(b"mAI"));
        // same first byte and length, another last byte: another bit
        assert_ne!(shape(b"mai").1, shape(b"mao").1);
        assert_ne!(shape(b"mai").0, shape(b"mais").0);
    }

    fn found(words: &[&str], text: &str) -> Vec<(usize, usize, Option<String>)> {
        let words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        let p = Prefilter::new(&words);
        let mut out = Vec::new();
        p.candidates(text, &mut out);
        out.iter()
            .map(|c| match c.kind {
                CandidateKind::Digits => (c.at, c.end, None),
                CandidateKind::Word(i) => (c.at, c.end, Some(p.word(i).to_string())),
            })
            .collect()
    }

    #[test]
    fn longest_phrase_wins_and_hides_the_words_inside_it() {
        let w = |s: &str| Some(s.to_string());
        assert_eq!(found(&["il y a", "a", "trois"], "il y a trois ans"), [(0, 6, w("il y a")), (7, 12, w("trois"))]);
        // the longest phrase is glued to a letter: a shorter one still stands
        assert_eq!(found(&["il y a", "il"], "Il y avait"), [(0, 2, w("il"))]);
    }

    #[test]
    fn digits_come_before_a_word_at_the_same_place() {
        let w = |s: &str| Some(s.to_string());
        assert_eq!(found(&["1er"], "le 1er mai, 12e"), [(3, 4, None), (3, 6, w("1er")), (12, 14, None)]);
        assert_eq!(found(&[], "1,000 et 3.5"), [(0, 1, None), (2, 5, None), (9, 10, None), (11, 12, None)]);
    }

    #[test]
    fn symbols_start_phrases_where_they_stand() {
        let w = |s: &str| Some(s.to_string());
        assert_eq!(
            found(&["$", "us$", "€"], "$5, US$3 et 5€ ou a$"),
            [(0, 1, w("$")), (1, 2, None), (4, 7, w("us$")), (7, 8, None), (12, 13, None)]
        );
    }
}
