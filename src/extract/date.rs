//! Temporal claims, first part: the `[dates]` lexicon, the small combinators every temporal parser
//! shares, the date claim, and the grammar of calendar dates ("12 février 2022", "Tuesday, Nov. 5,
//! 2024", "2022-02-12", "en février", "fin 2023", "au printemps 2025", "mardi dernier").
//!
//! `&str` input, `complete` combinators, built bottom-up; each parser reads from the start of its
//! input and [`super::temporal`] picks where that is (prefilter candidates only). Partial dates are
//! completed from the publication date in [`super::resolve`], never from today's clock.
//! Times, durations, offsets and ages have their own files; their claim types are re-exported here.

use super::temporal::Ctx;
use super::RunCx;
use crate::span::Span;
use chrono::{NaiveDate, Weekday};
use nom::branch::alt;
use nom::bytes::complete::{take_while, take_while1};
use nom::character::complete::{char, satisfy};
use nom::combinator::{consumed, not, opt, peek, verify};
use nom::sequence::{preceded, terminated};
use nom::{IResult, Parser};
use serde::Deserialize;
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, HashMap, HashSet};

pub use super::age::AgeClaim;
pub use super::duration::{DurationClaim, Unit};
pub use super::offset::{Anchor, Direction, OffsetClaim};
pub use super::time::TimeClaim;

/// An error only means "no temporal expression here"; a unit error costs nothing.
pub type PResult<'i, O> = IResult<&'i str, O, ()>;

pub(crate) fn fail<'i, O>() -> PResult<'i, O> {
    Err(nom::Err::Error(()))
}

// ---------------------------------------------------------------------------------------------
// Shared combinators

/// Spaces as typeset copy has them: U+00A0, U+202F, U+2009, and a soft line break.
pub(crate) fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\t' | '\n' | '\r')
}

// GAP := one or more spaces
pub(crate) fn gap(i: &str) -> PResult<'_, &str> {
    take_while1(is_space).parse(i)
}

// GAP0 := zero or more spaces
pub(crate) fn gap0(i: &str) -> PResult<'_, &str> {
    take_while(is_space).parse(i)
}

// END := the next char is not a letter or digit ("mars" is not "marsupial")
pub(crate) fn end_of_word(i: &str) -> PResult<'_, ()> {
    not(satisfy(char::is_alphanumeric)).parse(i)
}

// NUM(m, n) := m to n ASCII digits, then no further digit
pub(crate) fn digits(min: usize, max: usize, i: &str) -> PResult<'_, u32> {
    // byte by byte: what `take_while_m_n`, `not(digit)` and `str::parse` answered, without them
    let bytes = i.as_bytes();
    let mut n = 0;
    let mut v: u32 = 0;
    while n < max {
        match bytes.get(n) {
            Some(&d) if d.is_ascii_digit() => {
                let Some(next) = v.checked_mul(10).and_then(|v| v.checked_add(u32::from(d - b'0'))) else {
                    return fail();
                };
                v = next;
                n += 1;
            }
            _ => break,
        }
    }
    if n == 0 || n < min || bytes.get(n).is_some_and(u8::is_ascii_digit) {
        return fail();
    }
    match i.get(n..) {
        Some(rest) => Ok((rest, v)),
        None => fail(),
    }
}

/// Byte offset of `sub` (a suffix or sub-slice of `text`) in `text`.
pub(crate) fn offset_in(text: &str, sub: &str) -> usize {
    (sub.as_ptr() as usize).saturating_sub(text.as_ptr() as usize).min(text.len())
}

/// A word list read from the lexicon: lowercase entries, longest first, each with its value, and
/// indexed by first character (the parsers try lists at every candidate: no linear scan).
#[derive(Clone, Debug)]
pub struct Words<T> {
    entries: Vec<(String, T)>,
    /// Per entry whose first byte is ASCII, the ASCII bytes (as bits) a text's second byte may be
    /// for the entry to be spelled there (see [`second_bytes`]); all bits for the others.
    accept: Vec<u128>,
    /// Entry indices by first character: ASCII in a table, the rest sorted for a binary search.
    ascii: Vec<Vec<usize>>,
    other: Vec<(char, Vec<usize>)>,
    /// Per ASCII first character, the union of `accept` over its entries.
    seconds: Vec<u128>,
    /// Per entry, its first bytes as [`fold8`] packs text (see [`prefix8`]): a text whose first
    /// bytes are ASCII and differ there cannot spell the entry.
    prefix: Vec<(u64, u64)>,
}

impl<T> Default for Words<T> {
    fn default() -> Self {
        Words {
            entries: Vec::new(),
            accept: Vec::new(),
            ascii: Vec::new(),
            other: Vec::new(),
            seconds: Vec::new(),
            prefix: Vec::new(),
        }
    }
}

/// Longest key [`word_key`] folds; a longer word is no entry's key.
const KEY_MAX: usize = 64;

/// The first word of `i` (its leading letters and digits) folded as [`same_char`] folds text
/// against a lowercase entry, into `buf`; `None` when it is longer than [`KEY_MAX`] bytes or holds
/// a capital whose lowercase is several characters (no entry spells those). An entry spelled at
/// `i` always has this key: its letters and digits up to its first other character.
pub(crate) fn word_key<'b>(i: &str, buf: &'b mut [u8; KEY_MAX]) -> Option<&'b [u8]> {
    let mut n = 0;
    let bytes = i.as_bytes();
    // ASCII letters and digits byte by byte, the usual case, and Latin-1 letters ("é", "À") by
    // their two bytes: a capital is its small letter less 0x20 in the second byte
    loop {
        match bytes.get(n) {
            Some(&b) if b.is_ascii_alphanumeric() => {
                *buf.get_mut(n)? = b.to_ascii_lowercase();
                n += 1;
            }
            Some(&b) if b.is_ascii() => return buf.get(..n),
            Some(&0xC3) if latin1_letter(bytes.get(n + 1)) => {
                let second = bytes.get(n + 1).copied().unwrap_or(0);
                let second = if second < 0x9F { second + 0x20 } else { second };
                buf.get_mut(n..n + 2)?.copy_from_slice(&[0xC3, second]);
                n += 2;
            }
            None => return buf.get(..n),
            Some(_) => break,
        }
    }
    let mut len = n;
    for c in i.get(n..)?.chars() {
        if !c.is_alphanumeric() {
            break;
        }
        let c = if c.is_uppercase() {
            let mut low = c.to_lowercase();
            match (low.next(), low.next()) {
                (Some(l), None) => l,
                _ => return None,
            }
        } else {
            c
        };
        c.encode_utf8(buf.get_mut(len..len + c.len_utf8())?);
        len += c.len_utf8();
    }
    buf.get(..len)
}

/// Whether the byte after a 0xC3 lead byte makes a Latin-1 letter: U+00C0..=U+00FF but the signs
/// × (0x97) and ÷ (0xB7).
pub(crate) fn latin1_letter(second: Option<&u8>) -> bool {
    matches!(second, Some(&s) if (0x80..=0xBF).contains(&s) && s != 0x97 && s != 0xB7)
}

/// `i` past its leading spaces ([`is_space`]), and hyphens with `hyphens`.
pub(crate) fn skip_spaces(i: &str, hyphens: bool) -> &str {
    let bytes = i.as_bytes();
    let mut n = 0;
    loop {
        n += match (bytes.get(n), bytes.get(n + 1), bytes.get(n + 2)) {
            (Some(b' ' | b'\t' | b'\n' | b'\r'), _, _) => 1,
            (Some(b'-'), _, _) if hyphens => 1,
            (Some(0xC2), Some(0xA0), _) => 2,
            (Some(0xE2), Some(0x80), Some(0xAF | 0x89)) => 3,
            _ => return i.get(n..).unwrap_or(""),
        };
    }
}

/// The word starts of `text[floor..end]` (both character boundaries), last first, while `f`
/// asks for more (a word start at `floor` counts even mid-word); with `sentence`, not past a "!",
/// "?", ";" or line break. A word is a run of letters and digits; ASCII and Latin-1 letters are
/// told from their bytes, the rest by the Unicode tables.
pub(crate) fn word_starts_back(text: &str, floor: usize, end: usize, sentence: bool, mut f: impl FnMut(usize) -> bool) {
    let bytes = text.as_bytes();
    // the start of the word being walked back over, once its first letter is known
    let mut word: Option<usize> = None;
    let mut end = end;
    loop {
        // the character before `end`: where it starts, and whether it is a letter or digit
        let class = match bytes.get(end.wrapping_sub(1)) {
            _ if end <= floor => None,
            Some(&b) if b.is_ascii_alphanumeric() => Some((end - 1, true)),
            Some(b'!' | b'?' | b';' | b'\n') if sentence => None,
            Some(b) if b.is_ascii() => Some((end - 1, false)),
            Some(&b) if end >= floor + 2 && bytes.get(end - 2) == Some(&0xC3) => {
                Some((end - 2, latin1_letter(Some(&b))))
            }
            _ => text
                .get(floor..end)
                .and_then(|t| t.chars().next_back())
                .map(|c| (end - c.len_utf8(), c.is_alphanumeric())),
        };
        if let Some((k, true)) = class {
            word = Some(k);
            end = k;
            continue;
        }
        if let Some(k) = word.take() {
            if !f(k) {
                return;
            }
        }
        match class {
            Some((k, false)) => end = k,
            _ => return,
        }
    }
}

/// Byte length of the first word of `i`: its leading letters and digits (what [`word_key`] folds).
pub(crate) fn word_len(i: &str) -> usize {
    let bytes = i.as_bytes();
    let mut n = 0;
    loop {
        match bytes.get(n) {
            Some(b) if b.is_ascii_alphanumeric() => n += 1,
            Some(b) if b.is_ascii() => return n,
            Some(&0xC3) if latin1_letter(bytes.get(n + 1)) => n += 2,
            None => return n,
            Some(_) => break,
        }
    }
    let rest = i.get(n..).unwrap_or("");
    n + rest.char_indices().find(|&(_, c)| !c.is_alphanumeric()).map_or(rest.len(), |(k, _)| k)
}

/// The key of a lowercase entry: its letters and digits up to its first other character.
fn entry_key(entry: &str) -> &str {
    entry.find(|c: char| !c.is_alphanumeric()).map_or(entry, |k| entry.get(..k).unwrap_or(""))
}

/// The word lists a grammar may open on, one bit each: [`DateLexicon::head`] tells which of them
/// may be read at a start, and each grammar (each date alternative) is tried only where one may.
pub mod opens {
    pub const DIGIT: u64 = 1 << 0;
    pub const WEEKDAYS: u64 = 1 << 1;
    pub const WEEKDAYS_FULL: u64 = 1 << 2;
    pub const DAY_WORDS: u64 = 1 << 3;
    pub const MONTHS: u64 = 1 << 4;
    pub const MONTHS_ALONE: u64 = 1 << 5;
    pub const PARTS: u64 = 1 << 6;
    pub const SEASONS: u64 = 1 << 7;
    pub const SEASON_PREFIXES: u64 = 1 << 8;
    pub const RELATIVE_PERIODS: u64 = 1 << 9;
    pub const REL_BEFORE: u64 = 1 << 10;
    pub const MONTH_CUES: u64 = 1 << 11;
    pub const YEAR_CUES: u64 = 1 << 12;
    pub const SINCE: u64 = 1 << 13;
    pub const BORN: u64 = 1 << 14;
    pub const RELATIVE_DAYS: u64 = 1 << 15;
    pub const AGO_PREFIXES: u64 = 1 << 16;
    pub const HENCE_PREFIXES: u64 = 1 << 17;
    pub const APPROX: u64 = 1 << 18;
    pub const IDIOMS: u64 = 1 << 19;
    pub const HALF_BEFORE: u64 = 1 << 20;
    pub const APPROX_AMOUNTS: u64 = 1 << 21;
    /// "une", "a" before an approximate amount ("une dizaine de jours").
    pub const ARTICLE: u64 = 1 << 22;
    pub const TENS: u64 = 1 << 23;
    pub const AMOUNTS: u64 = 1 << 24;
    pub const AGE_PREFIXES: u64 = 1 << 25;
    pub const AGE_NOUNS: u64 = 1 << 26;
    pub const AGED: u64 = 1 << 27;
    pub const TIME_WORDS: u64 = 1 << 28;
    /// A lead word (see `lead_list`): a whole first word, never loose.
    pub const LEAD: u64 = 1 << 29;
    /// A word some grammar may read: a run of letters and digits of some entry of the lexicon,
    /// or a word with an ASCII digit. A grammar that reads past a word not marked so cannot exist.
    pub const VOCAB: u64 = 1 << 30;
    /// The whole first word is a month cue ("en", "in"), an entry of one word.
    pub const CUE_MONTH_WORD: u64 = 1 << 31;
    /// The whole first word is a year cue ("en", "in"), an entry of one word.
    pub const CUE_YEAR_WORD: u64 = 1 << 32;
    /// A month or year cue of more than one word opens on this word ("au mois de", "in early",
    /// "l'année"): the cue is read in full.
    pub const CUE_PHRASE: u64 = 1 << 33;

    /// What a duration opens on: its approximation, an idiom, a half, an amount.
    pub const DURATION: u64 = DIGIT | APPROX | IDIOMS | HALF_BEFORE | APPROX_AMOUNTS | ARTICLE | TENS | AMOUNTS;
    /// What an age opens on: its prefix, noun or "aged", else its amount.
    pub const AGE: u64 = DIGIT | AGE_PREFIXES | AGE_NOUNS | AGED | TENS | AMOUNTS;
    /// What a time of day opens on: its hour, or a named time ("midi", "noon").
    pub const TIME: u64 = DIGIT | TIME_WORDS;
}

/// The first words of the lists in [`opens`], by key (see [`word_key`]).
#[derive(Debug, Default)]
struct Openers {
    /// Per key, the lists with an entry of that key.
    by_key: HashMap<Box<[u8]>, u64, KeyHash>,
    /// Lists with an entry without a key (it opens on a sign, or is longer than a key): they may
    /// open anywhere.
    loose: u64,
    /// Lists with an entry that opens on an ASCII digit.
    digit_led: u64,
    /// `by_key` for the keys of at most eight bytes, packed by [`pack_key`]: most words of a text
    /// are short, and a lookup of one integer costs less than of a byte string.
    short: HashMap<u64, u64, KeyHash>,
}

/// [`FOLD`] of a byte that is not ASCII.
const NOT_ASCII: u8 = 0x80;

/// Per byte: an ASCII letter or digit as [`word_key`] folds it (a small letter), 0 for another
/// ASCII byte, [`NOT_ASCII`] for the others.
static FOLD: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if !c.is_ascii() {
            NOT_ASCII
        } else if c.is_ascii_alphanumeric() {
            c.to_ascii_lowercase()
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Up to eight bytes as a little-endian integer (zeros past the end); `None` when longer. The
/// bytes of a key are never zero: keys of different lengths pack apart.
fn pack_key(key: &[u8]) -> Option<u64> {
    let mut buf = [0u8; 8];
    buf.get_mut(..key.len())?.copy_from_slice(key);
    Some(u64::from_le_bytes(buf))
}

impl Openers {
    /// Fills `short` from `by_key`, once every key is in.
    fn pack(&mut self) {
        self.short = self.by_key.iter().filter_map(|(k, &bits)| Some((pack_key(k)?, bits))).collect();
    }

    fn add(&mut self, bit: u64, words: impl Iterator<Item = impl AsRef<str>>) {
        for w in words {
            let w = w.as_ref();
            let key = entry_key(w);
            if w.starts_with(|c: char| c.is_ascii_digit()) {
                self.digit_led |= bit;
            }
            if key.is_empty() || key.len() > KEY_MAX {
                self.loose |= bit;
            } else {
                *self.by_key.entry(key.as_bytes().into()).or_default() |= bit;
            }
        }
    }

    /// Marks the keys of a cue list: `word` where an entry is that whole word, [`opens::CUE_PHRASE`]
    /// where an entry goes on past its first word (a keyless entry: everywhere).
    fn add_cues(&mut self, word: u64, cues: impl Iterator<Item = impl AsRef<str>>) {
        for w in cues {
            let w = w.as_ref();
            let key = entry_key(w);
            if w.starts_with(|c: char| c.is_ascii_digit()) {
                self.digit_led |= opens::CUE_PHRASE;
            }
            if key.is_empty() || key.len() > KEY_MAX {
                self.loose |= opens::CUE_PHRASE;
            } else {
                let bit = if key.len() == w.len() { word } else { opens::CUE_PHRASE };
                *self.by_key.entry(key.as_bytes().into()).or_default() |= bit;
            }
        }
    }
}

/// Which lists of [`opens`] may be read at a start (a digit sets [`opens::DIGIT`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Head(u64);

impl Head {
    /// Whether one of `lists` may be read here.
    pub fn may(self, lists: u64) -> bool {
        self.0 & lists != 0
    }

    /// Whether a grammar may begin at this start before its candidate: a digit, or a lead word.
    pub fn leads(self) -> bool {
        self.may(opens::DIGIT | opens::LEAD)
    }

    /// Whether some grammar may read this word (see [`opens::VOCAB`]): no reading that starts
    /// before a word that is not goes past it.
    pub fn readable(self) -> bool {
        self.may(opens::DIGIT | opens::VOCAB)
    }
}

/// Keys are short words: FxHash (SipHash cost more than the lookups it guards).
pub(crate) type KeyHash = crate::fxhash::FxBuild;

/// The key a character is indexed under: lowercase, typographic apostrophes and hyphens folded.
fn first_key(c: char) -> char {
    match c {
        '’' | 'ʼ' => '\'',
        '\u{2010}' | '\u{2011}' => '-',
        c if c.is_ascii() => c.to_ascii_lowercase(),
        c => c.to_lowercase().next().unwrap_or(c),
    }
}

impl<T: Copy> Words<T> {
    pub fn new(items: impl IntoIterator<Item = (String, T)>) -> Words<T> {
        let mut entries: Vec<(String, T)> =
            items.into_iter().map(|(w, v)| (w.to_lowercase(), v)).filter(|(w, _)| !w.is_empty()).collect();
        entries.sort_by_key(|(w, _)| std::cmp::Reverse(w.chars().count()));
        let mut ascii: Vec<Vec<usize>> = vec![Vec::new(); 128];
        let mut other: Vec<(char, Vec<usize>)> = Vec::new();
        for (k, (w, _)) in entries.iter().enumerate() {
            let Some(c) = w.chars().next().map(first_key) else { continue };
            if let Some(slot) = ascii.get_mut(c as usize) {
                slot.push(k);
            } else {
                match other.iter_mut().find(|(o, _)| *o == c) {
                    Some((_, v)) => v.push(k),
                    None => other.push((c, vec![k])),
                }
            }
        }
        other.sort_by_key(|(c, _)| *c);
        let accept: Vec<u128> = entries.iter().map(|(w, _)| second_bytes(w)).collect();
        let seconds = ascii
            .iter()
            .map(|list| list.iter().fold(0u128, |bits, &k| bits | accept.get(k).copied().unwrap_or(u128::MAX)))
            .collect();
        let prefix = entries.iter().map(|(w, _)| prefix8(w)).collect();
        Words { entries, accept, ascii, other, seconds, prefix }
    }

    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|(w, _)| w.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Whether no entry can be spelled at `i`, told from its first two bytes when they are ASCII:
    /// no entry opens on the first, or none accepts the second.
    #[inline]
    pub(crate) fn ruled_out(&self, i: &str) -> bool {
        match i.as_bytes() {
            [a, b, ..] if a.is_ascii() && b.is_ascii() => {
                let a = usize::from(a.to_ascii_lowercase());
                self.seconds.get(a).is_none_or(|bits| bits & (1u128 << b) == 0)
            }
            [a, ..] if a.is_ascii() => self.ascii.get(usize::from(a.to_ascii_lowercase())).is_none_or(Vec::is_empty),
            _ => false,
        }
    }

    fn candidates(&self, i: &str) -> impl Iterator<Item = &(String, T)> {
        let list = match i.chars().next().map(first_key) {
            Some(c) if c.is_ascii() => self.ascii.get(c as usize),
            Some(c) => {
                self.other.binary_search_by_key(&c, |(o, _)| *o).ok().and_then(|k| self.other.get(k)).map(|(_, v)| v)
            }
            None => None,
        };
        // The text's second byte, when its first two are ASCII: an entry that does not accept it
        // cannot be spelled there, nor can its stem.
        let next = match i.as_bytes() {
            [a, b, ..] if a.is_ascii() && b.is_ascii() => Some(1u128 << b),
            _ => None,
        };
        // its first eight bytes, against the first letters and digits of each entry
        let (text, wide) = fold8(i);
        list.into_iter().flatten().filter_map(move |&k| {
            if next.is_some_and(|bit| self.accept.get(k).copied().unwrap_or(u128::MAX) & bit == 0) {
                return None;
            }
            let (prefix, mask) = self.prefix.get(k).copied().unwrap_or_default();
            if wide & mask == 0 && (text ^ prefix) & mask != 0 {
                return None;
            }
            self.entries.get(k)
        })
    }

    // WORD(list) := a lexicon entry in any case, as a whole word, longest entry first; an
    // abbreviation may drop its dot ("Nov 5" for "nov.")
    #[inline]
    pub fn parse<'i>(&self, i: &'i str) -> PResult<'i, T> {
        // most texts are ruled out from their first two bytes: that check is inlined where the
        // list is read, the walk of the entries is not
        if self.ruled_out(i) {
            return fail();
        }
        self.spelled(i)
    }

    #[inline(never)]
    fn spelled<'i>(&self, i: &'i str) -> PResult<'i, T> {
        for (entry, value) in self.candidates(i) {
            if let Some(n) = match_entry(entry, i) {
                if let Some(rest) = i.get(n..) {
                    return Ok((rest, *value));
                }
            }
        }
        fail()
    }
}

impl<T: Copy> Words<T> {
    // WORD_GLUED(list) := a lexicon entry in any case, right before a digit ("h" in "14h30")
    pub fn parse_before_digit<'i>(&self, i: &'i str) -> PResult<'i, T> {
        if self.ruled_out(i) {
            return fail();
        }
        for (entry, value) in self.candidates(i) {
            if let Some(rest) = spell(entry, i).and_then(|n| i.get(n..)) {
                if rest.starts_with(|c: char| c.is_ascii_digit()) {
                    return Ok((rest, *value));
                }
            }
        }
        fail()
    }
}

impl Words<()> {
    fn plain(items: &[String]) -> Words<()> {
        Words::new(items.iter().map(|w| (w.clone(), ())))
    }
}

const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The first eight bytes of `i` (zeros past its end) as a little-endian word, ASCII capitals
/// folded to small letters and tabs to spaces; and the high bit of each byte that is not ASCII.
/// A byte after one that is not ASCII may be folded wrongly: compare only bytes before the first
/// such one.
fn fold8(i: &str) -> (u64, u64) {
    let bytes = i.as_bytes();
    let mut buf = [0u8; 8];
    let n = bytes.len().min(8);
    if let (Some(to), Some(from)) = (buf.get_mut(..n), bytes.get(..n)) {
        to.copy_from_slice(from);
    }
    let x = u64::from_le_bytes(buf);
    let wide = x & HIGH_BITS;
    // per ASCII byte b: high bit of b + 0x3F is b >= 'A', of b + 0x25 is b > 'Z'
    let capital = x.wrapping_add(0x3F3F_3F3F_3F3F_3F3F) & !x.wrapping_add(0x2525_2525_2525_2525) & HIGH_BITS;
    // per byte b of y: high bit of (b & 0x7F) + 0x7F, or of b, is b != 0 (no carry crosses bytes)
    let y = x ^ 0x0909_0909_0909_0909;
    let tab = !((y & !HIGH_BITS).wrapping_add(!HIGH_BITS) | y) & HIGH_BITS;
    // a tab (0x09) becomes a space (0x20): 0x09 ^ 0x29
    ((x | capital >> 2) ^ ((tab >> 7) * 0x29), wide)
}

/// The leading printable ASCII bytes of a lowercase entry (at most eight, a final dot left out:
/// the stem of an abbreviation is spelled without it) packed as [`fold8`] packs text, and the
/// mask of their bytes: a text spells those bytes only as written, in ASCII capitals, or a space
/// as a tab, unless it has a byte that is not ASCII among them (a Kelvin sign is a capital "k",
/// a no-break space a space).
fn prefix8(entry: &str) -> (u64, u64) {
    let (mut prefix, mut mask) = (0u64, 0u64);
    let stem = entry.strip_suffix('.').unwrap_or(entry);
    for (k, &b) in stem.as_bytes().iter().take(8).enumerate() {
        if !(b' '..=b'~').contains(&b) || b.is_ascii_uppercase() {
            break;
        }
        prefix |= u64::from(b) << (8 * k);
        mask |= 0xFF << (8 * k);
    }
    (prefix, mask)
}

/// The ASCII bytes (as bits) that may follow an ASCII first byte in a text that spells the
/// lowercase `entry` (as [`spell`] compares): its second character as written, in capitals, a
/// tab for a space, "'" for "’"; all bits when the entry has no second character or opens on a
/// character that is not ASCII (not told apart here).
fn second_bytes(entry: &str) -> u128 {
    let mut chars = entry.chars();
    let (Some(first), Some(second)) = (chars.next(), chars.next()) else { return u128::MAX };
    if !first.is_ascii() {
        return u128::MAX;
    }
    let bit = |c: char| if c.is_ascii() { 1u128 << (c as u32) } else { 0 };
    match second {
        ' ' => bit(' ') | bit('\t'),
        '’' => bit('\''),
        c if c.is_ascii_lowercase() => bit(c) | bit(c.to_ascii_uppercase()),
        // an ASCII text character is never a capital of another character
        c => bit(c),
    }
}

/// Byte length of the prefix of `i` that spells `entry` as a whole word.
fn match_entry(entry: &str, i: &str) -> Option<usize> {
    if let Some(n) = spell(entry, i) {
        if !needs_end(entry) || at_word_end(i, n) {
            return Some(n);
        }
    }
    let stem = entry.strip_suffix('.')?;
    if stem.chars().count() < 3 {
        return None;
    }
    let n = spell(stem, i)?;
    at_word_end(i, n).then_some(n)
}

fn needs_end(entry: &str) -> bool {
    entry.chars().next_back().is_some_and(char::is_alphanumeric)
}

fn at_word_end(i: &str, n: usize) -> bool {
    i.get(n..).is_some_and(|r| !r.chars().next().is_some_and(char::is_alphanumeric))
}

fn spell(entry: &str, i: &str) -> Option<usize> {
    // byte by byte while the bytes are the same (inside characters that are not ASCII too), or
    // ASCII on both sides (what `same_char` answers for two ASCII characters); where a character
    // that is not ASCII differs, it is compared whole from its first byte.
    let (eb, ib) = (entry.as_bytes(), i.as_bytes());
    let (mut ke, mut ki) = (0, 0);
    loop {
        let Some(&e) = eb.get(ke) else { return Some(ki) };
        let c = *ib.get(ki)?;
        if e == c {
            ke += 1;
            ki += 1;
            continue;
        }
        if e.is_ascii() && c.is_ascii() {
            if (e == b' ' && c == b'\t') || (c.is_ascii_uppercase() && c.to_ascii_lowercase() == e) {
                ke += 1;
                ki += 1;
                continue;
            }
            return None;
        }
        // the bytes before were the same: both characters start the same number of bytes back
        while ke > 0 && eb.get(ke).is_some_and(|&b| b & 0xC0 == 0x80) {
            ke -= 1;
            ki -= 1;
        }
        let e = entry.get(ke..)?.chars().next()?;
        let c = i.get(ki..)?.chars().next()?;
        if !same_char(e, c) {
            return None;
        }
        ke += e.len_utf8();
        ki += c.len_utf8();
    }
}

/// `e` from a lowercase entry, `c` from the text: case, apostrophes, hyphens and spaces as typeset.
fn same_char(e: char, c: char) -> bool {
    e == c
        || match e {
            ' ' => is_space(c),
            '\'' => matches!(c, '’' | 'ʼ' | '\''),
            '’' => matches!(c, '\'' | 'ʼ'),
            '-' => matches!(c, '\u{2010}' | '\u{2011}'),
            _ => c.is_uppercase() && c.to_lowercase().eq(std::iter::once(e)),
        }
}

// ---------------------------------------------------------------------------------------------
// The lexicon

/// Which part of a month or year: "début février", "mi-mars", "fin 2023"; or a season.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    Early,
    Mid,
    Late,
    Spring,
    Summer,
    Autumn,
    Winter,
}

impl Period {
    pub fn as_str(self) -> &'static str {
        match self {
            Period::Early => "early",
            Period::Mid => "mid",
            Period::Late => "late",
            Period::Spring => "spring",
            Period::Summer => "summer",
            Period::Autumn => "autumn",
            Period::Winter => "winter",
        }
    }
}

/// How a weekday or month named alone relates to the publication date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rel {
    Last,
    Next,
    This,
}

/// What a relative day is measured from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DayAnchor {
    /// "hier", "tomorrow".
    PubDate,
    /// "la veille [du scrutin]": a date of the context, or the phrase after a link word.
    Context,
    /// "the day before [the vote]": the phrase right after it, else a date of the context.
    Phrase,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRelativePeriod {
    words: Vec<String>,
    unit: Unit,
    delta: i32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRelativeDay {
    words: Vec<String>,
    days: i64,
    anchor: DayAnchor,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawApprox {
    #[serde(default)]
    about: Vec<String>,
    #[serde(default)]
    more_than: Vec<String>,
    #[serde(default)]
    less_than: Vec<String>,
    #[serde(default)]
    at_least: Vec<String>,
    #[serde(default)]
    at_most: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawUnit {
    words: Vec<String>,
    unit: Unit,
    #[serde(default = "one")]
    times: f64,
}

fn one() -> f64 {
    1.0
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIdiom {
    words: Vec<String>,
    amount: f64,
    unit: Unit,
}

/// The `[dates]` table as written in `rules/lang/<code>.toml` (see the comments there).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawDates {
    months: Vec<Vec<String>>,
    weekdays: Vec<Vec<String>>,
    day_suffixes: Vec<String>,
    day_words: BTreeMap<String, u32>,
    of: Vec<String>,
    month_first: bool,
    ambiguous_months: Vec<String>,
    months_capitalised: bool,
    recurring: Vec<String>,
    day_articles: Vec<String>,
    month_cues: Vec<String>,
    year_cues: Vec<String>,
    since: Vec<String>,
    early: Vec<String>,
    mid: Vec<String>,
    late: Vec<String>,
    seasons: Vec<Vec<String>>,
    season_prefixes: Vec<String>,
    season_links: Vec<String>,
    last_after: Vec<String>,
    next_after: Vec<String>,
    this_before: Vec<String>,
    last_before: Vec<String>,
    next_before: Vec<String>,
    relative_periods: Vec<RawRelativePeriod>,
    relative_days: Vec<RawRelativeDay>,
    anchor_links: Vec<String>,
    before: Vec<String>,
    after: Vec<String>,
    before_alone: Vec<String>,
    after_alone: Vec<String>,
    ago_prefixes: Vec<String>,
    ago_suffixes: Vec<String>,
    hence_prefixes: Vec<String>,
    hence_suffixes: Vec<String>,
    restate: Vec<String>,
    event_stops: Vec<String>,
    amounts: BTreeMap<String, f64>,
    indefinite: Vec<String>,
    article_weak_units: Vec<String>,
    tens: BTreeMap<String, f64>,
    tens_links: Vec<String>,
    approx_amounts: BTreeMap<String, f64>,
    approx_amount_links: Vec<String>,
    half_after: Vec<String>,
    half_before: Vec<String>,
    approx: RawApprox,
    units: Vec<RawUnit>,
    idioms: Vec<RawIdiom>,
    age_units: Vec<String>,
    age_prefixes: Vec<String>,
    age_nouns: Vec<String>,
    age_links: Vec<String>,
    aged: Vec<String>,
    year_old: Vec<String>,
    born: Vec<String>,
    time_words: BTreeMap<String, u32>,
    hour_marks: Vec<String>,
    am: Vec<String>,
    pm: Vec<String>,
    oclock: Vec<String>,
    day_parts: BTreeMap<String, bool>,
    time_cues: Vec<String>,
    duration_cues: Vec<String>,
    zones: Vec<String>,
}

/// The `[dates]` table of `rules/lang/<code>.toml`, compiled into word lists (longest first).
#[derive(Debug, Deserialize)]
#[serde(from = "RawDates")]
pub struct DateLexicon {
    pub months: Words<u32>,
    pub weekdays: Words<Weekday>,
    /// The first name of each weekday: those may stand alone ("mardi dernier").
    pub weekdays_full: Words<Weekday>,
    pub day_suffixes: Words<()>,
    pub day_words: Words<u32>,
    pub of: Words<()>,
    pub month_first: bool,
    /// Full month names that may stand alone ("février"; not "mars", the planet, nor "May").
    pub months_alone: Words<u32>,
    /// Month names that are also common words ("mars", "may", "march").
    pub ambiguous_months: Words<()>,
    /// Whether a month named alone must be capitalised (English).
    pub months_capitalised: bool,
    pub day_articles: Words<()>,
    /// "every Tuesday", "chaque mardi": a habit, not a date.
    pub recurring: Words<()>,
    pub month_cues: Words<()>,
    pub year_cues: Words<()>,
    pub since: Words<()>,
    pub parts: Words<Period>,
    pub seasons: Words<Period>,
    /// `true` for a prefix that points at the publication year ("cet été", "this summer").
    pub season_prefixes: Words<bool>,
    pub season_links: Words<()>,
    pub rel_after: Words<Rel>,
    pub rel_before: Words<Rel>,
    pub relative_periods: Words<(Unit, i32)>,
    pub relative_days: Words<(i64, DayAnchor)>,
    pub anchor_links: Words<()>,
    /// Direction words; `true` when an anchor phrase may follow ("avant le scrutin").
    pub directions: Words<(Direction, bool)>,
    pub ago_prefixes: Words<()>,
    pub ago_suffixes: Words<()>,
    pub hence_prefixes: Words<()>,
    pub hence_suffixes: Words<()>,
    pub restate: Words<()>,
    pub event_stops: Words<()>,
    pub amounts: Words<f64>,
    pub indefinite: Words<()>,
    pub article_weak_units: Words<()>,
    pub tens: Words<f64>,
    pub tens_links: Words<()>,
    pub approx_amounts: Words<f64>,
    pub approx_amount_links: Words<()>,
    pub half_after: Words<()>,
    pub half_before: Words<()>,
    pub approx: Words<super::Approx>,
    pub units: Words<(Unit, f64)>,
    pub idioms: Words<(f64, Unit)>,
    pub age_units: Words<()>,
    pub age_prefixes: Words<()>,
    pub age_nouns: Words<()>,
    pub age_links: Words<()>,
    pub aged: Words<()>,
    pub year_old: Words<()>,
    pub born: Words<()>,
    pub time_words: Words<u32>,
    pub hour_marks: Words<()>,
    pub am: Words<()>,
    pub pm: Words<()>,
    pub oclock: Words<()>,
    /// "du matin", "du soir": `true` after noon.
    pub day_parts: Words<bool>,
    pub time_cues: Words<()>,
    pub duration_cues: Words<()>,
    /// Time zones as written; an all-capital entry ("ET") matches only in capitals.
    pub zones: Vec<String>,
    /// Per zone: whether it is all capitals (then matched as written), and its lowercase.
    pub zone_folds: Vec<(bool, String)>,
    /// The ASCII bytes (as bits, small letters) a text may open on to spell a zone (see
    /// [`zone_starts`]).
    pub zone_starts: u128,
    /// The first words of the lists a date or an offset may open on (see [`opens`]).
    openers: Openers,
    triggers: HashSet<String, KeyHash>,
    /// Per word of the prefilter (by index), whether it is one of `triggers`, and if so the
    /// [`Head`] of a text that opens on it: made on first use.
    trigger_table: std::sync::OnceLock<Vec<(bool, Head)>>,
    /// Whether [`DateLexicon::after_number`] may rule grammars out (see there).
    number_gates: bool,
}

const WEEKDAYS: [Weekday; 7] =
    [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun];
const SEASONS: [Period; 4] = [Period::Spring, Period::Summer, Period::Autumn, Period::Winter];

impl From<RawDates> for DateLexicon {
    fn from(r: RawDates) -> DateLexicon {
        let months =
            Words::new(r.months.iter().zip(1u32..).flat_map(|(names, m)| names.iter().map(move |n| (n.clone(), m))));
        let weekdays = Words::new(
            r.weekdays.iter().zip(WEEKDAYS).flat_map(|(names, w)| names.iter().map(move |n| (n.clone(), w))),
        );
        let ambiguous = |w: &str| r.ambiguous_months.iter().any(|a| a.eq_ignore_ascii_case(w));
        let months_alone = Words::new(r.months.iter().zip(1u32..).flat_map(|(names, m)| {
            names.iter().filter(|n| !n.ends_with('.') && !ambiguous(n)).map(move |n| (n.clone(), m))
        }));
        let ambiguous_months = Words::plain(&r.ambiguous_months);
        let weekdays_full =
            Words::new(r.weekdays.iter().zip(WEEKDAYS).filter_map(|(names, w)| Some((names.first()?.clone(), w))));
        let seasons =
            Words::new(r.seasons.iter().zip(SEASONS).flat_map(|(names, p)| names.iter().map(move |n| (n.clone(), p))));
        let tagged = |lists: &[(&Vec<String>, Period)]| {
            Words::new(lists.iter().flat_map(|(l, p)| l.iter().map(move |w| (w.clone(), *p))))
        };
        let parts = tagged(&[(&r.early, Period::Early), (&r.mid, Period::Mid), (&r.late, Period::Late)]);
        let rel = |lists: &[(&Vec<String>, Rel)]| {
            Words::new(lists.iter().flat_map(|(l, p)| l.iter().map(move |w| (w.clone(), *p))))
        };
        let rel_after = rel(&[(&r.last_after, Rel::Last), (&r.next_after, Rel::Next)]);
        let rel_before = rel(&[(&r.last_before, Rel::Last), (&r.next_before, Rel::Next), (&r.this_before, Rel::This)]);
        let season_prefixes = Words::new(
            r.season_prefixes.iter().map(|w| (w.clone(), r.this_before.iter().any(|t| t.eq_ignore_ascii_case(w)))),
        );
        let directions = Words::new(
            r.before
                .iter()
                .map(|w| (w.clone(), (Direction::Before, true)))
                .chain(r.after.iter().map(|w| (w.clone(), (Direction::After, true))))
                .chain(r.before_alone.iter().map(|w| (w.clone(), (Direction::Before, false))))
                .chain(r.after_alone.iter().map(|w| (w.clone(), (Direction::After, false)))),
        );
        let approx = Words::new(
            [
                (&r.approx.about, super::Approx::About),
                (&r.approx.more_than, super::Approx::MoreThan),
                (&r.approx.less_than, super::Approx::LessThan),
                (&r.approx.at_least, super::Approx::AtLeast),
                (&r.approx.at_most, super::Approx::AtMost),
            ]
            .into_iter()
            .flat_map(|(l, a)| l.iter().map(move |w| (w.clone(), a))),
        );
        let map = |m: &BTreeMap<String, f64>| Words::new(m.iter().map(|(k, v)| (k.clone(), *v)));
        let lex = DateLexicon {
            months,
            weekdays,
            weekdays_full,
            day_suffixes: Words::plain(&r.day_suffixes),
            day_words: Words::new(r.day_words.iter().map(|(k, v)| (k.clone(), *v))),
            of: Words::plain(&r.of),
            month_first: r.month_first,
            months_alone,
            ambiguous_months,
            months_capitalised: r.months_capitalised,
            day_articles: Words::plain(&r.day_articles),
            recurring: Words::plain(&r.recurring),
            month_cues: Words::plain(&r.month_cues),
            year_cues: Words::plain(&r.year_cues),
            since: Words::plain(&r.since),
            parts,
            seasons,
            season_prefixes,
            season_links: Words::plain(&r.season_links),
            rel_after,
            rel_before,
            relative_periods: Words::new(
                r.relative_periods.iter().flat_map(|p| p.words.iter().map(move |w| (w.clone(), (p.unit, p.delta)))),
            ),
            relative_days: Words::new(
                r.relative_days.iter().flat_map(|d| d.words.iter().map(move |w| (w.clone(), (d.days, d.anchor)))),
            ),
            anchor_links: Words::plain(&r.anchor_links),
            directions,
            ago_prefixes: Words::plain(&r.ago_prefixes),
            ago_suffixes: Words::plain(&r.ago_suffixes),
            hence_prefixes: Words::plain(&r.hence_prefixes),
            hence_suffixes: Words::plain(&r.hence_suffixes),
            restate: Words::plain(&r.restate),
            event_stops: Words::plain(&r.event_stops),
            amounts: map(&r.amounts),
            indefinite: Words::plain(&r.indefinite),
            article_weak_units: Words::plain(&r.article_weak_units),
            tens: map(&r.tens),
            tens_links: Words::plain(&r.tens_links),
            approx_amounts: map(&r.approx_amounts),
            approx_amount_links: Words::plain(&r.approx_amount_links),
            half_after: Words::plain(&r.half_after),
            half_before: Words::plain(&r.half_before),
            approx,
            units: Words::new(r.units.iter().flat_map(|u| u.words.iter().map(move |w| (w.clone(), (u.unit, u.times))))),
            idioms: Words::new(
                r.idioms.iter().flat_map(|d| d.words.iter().map(move |w| (w.clone(), (d.amount, d.unit)))),
            ),
            age_units: Words::plain(&r.age_units),
            age_prefixes: Words::plain(&r.age_prefixes),
            age_nouns: Words::plain(&r.age_nouns),
            age_links: Words::plain(&r.age_links),
            aged: Words::plain(&r.aged),
            year_old: Words::plain(&r.year_old),
            born: Words::plain(&r.born),
            time_words: Words::new(r.time_words.iter().map(|(k, v)| (k.clone(), *v))),
            hour_marks: Words::plain(&r.hour_marks),
            am: Words::plain(&r.am),
            pm: Words::plain(&r.pm),
            oclock: Words::plain(&r.oclock),
            day_parts: Words::new(r.day_parts.iter().map(|(k, v)| (k.clone(), *v))),
            time_cues: Words::plain(&r.time_cues),
            duration_cues: Words::plain(&r.duration_cues),
            zones: r.zones.clone(),
            zone_folds: r.zones.iter().map(|z| (z.chars().all(|c| !c.is_lowercase()), z.to_lowercase())).collect(),
            zone_starts: zone_starts(&r.zones),
            openers: Openers::default(),
            triggers: HashSet::default(),
            trigger_table: std::sync::OnceLock::new(),
            number_gates: false,
        };
        let mut openers = Openers::default();
        openers.add(opens::WEEKDAYS, lex.weekdays.words());
        openers.add(opens::WEEKDAYS_FULL, lex.weekdays_full.words());
        openers.add(opens::DAY_WORDS, lex.day_words.words());
        openers.add(opens::MONTHS, lex.months.words());
        openers.add(opens::MONTHS_ALONE, lex.months_alone.words());
        openers.add(opens::PARTS, lex.parts.words());
        openers.add(opens::SEASONS, lex.seasons.words());
        openers.add(opens::SEASON_PREFIXES, lex.season_prefixes.words());
        openers.add(opens::RELATIVE_PERIODS, lex.relative_periods.words());
        openers.add(opens::REL_BEFORE, lex.rel_before.words());
        openers.add(opens::MONTH_CUES, lex.month_cues.words());
        openers.add(opens::YEAR_CUES, lex.year_cues.words());
        openers.add_cues(opens::CUE_MONTH_WORD, lex.month_cues.words());
        openers.add_cues(opens::CUE_YEAR_WORD, lex.year_cues.words());
        openers.add(opens::SINCE, lex.since.words());
        openers.add(opens::BORN, lex.born.words());
        openers.add(opens::RELATIVE_DAYS, lex.relative_days.words());
        openers.add(opens::AGO_PREFIXES, lex.ago_prefixes.words());
        openers.add(opens::HENCE_PREFIXES, lex.hence_prefixes.words());
        openers.add(opens::APPROX, lex.approx.words());
        openers.add(opens::IDIOMS, lex.idioms.words());
        openers.add(opens::HALF_BEFORE, lex.half_before.words());
        openers.add(opens::APPROX_AMOUNTS, lex.approx_amounts.words());
        openers.add(opens::ARTICLE, ["une", "a"].into_iter());
        openers.add(opens::TENS, lex.tens.words());
        openers.add(opens::AMOUNTS, lex.amounts.words());
        openers.add(opens::AGE_PREFIXES, lex.age_prefixes.words());
        openers.add(opens::AGE_NOUNS, lex.age_nouns.words());
        openers.add(opens::AGED, lex.aged.words());
        openers.add(opens::TIME_WORDS, lex.time_words.words());
        let triggers = lex.trigger_list().into_iter().map(|w| w.to_lowercase()).collect();
        // Words that can begin a grammar before its candidate ("il y a", "deux", "en", "né le"):
        // the scanner looks back only to those.
        let leads = Words::new(lex.lead_list().into_iter().map(|w| (w, ())));
        for k in lead_keys(&leads) {
            *openers.by_key.entry(k).or_default() |= opens::LEAD;
        }
        for k in vocab_keys(&lex) {
            *openers.by_key.entry(k).or_default() |= opens::VOCAB;
        }
        openers.pack();
        let number_gates = number_gates(&lex, &openers);
        DateLexicon { triggers, openers, number_gates, ..lex }
    }
}

impl DateLexicon {
    /// Words where a temporal parser may start (besides digits): months, weekdays, seasons, units,
    /// relative days and periods, times of day. Amounts are read backwards from their unit.
    pub fn trigger_words(&self) -> Vec<String> {
        self.trigger_list()
    }

    fn trigger_list(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut add = |it: &mut dyn Iterator<Item = &str>| out.extend(it.map(str::to_string));
        add(&mut self.months.words());
        add(&mut self.weekdays.words());
        add(&mut self.seasons.words());
        add(&mut self.units.words());
        add(&mut self.relative_days.words());
        add(&mut self.relative_periods.words());
        add(&mut self.time_words.words());
        add(&mut self.idioms.words());
        add(&mut self.half_before.words());
        // A dotted abbreviation also triggers without its dot ("Nov 5").
        let stems: Vec<String> = out
            .iter()
            .filter_map(|w| w.strip_suffix('.'))
            .filter(|s| s.chars().count() >= 3)
            .map(str::to_string)
            .collect();
        out.extend(stems);
        out
    }

    fn lead_list(&self) -> Vec<String> {
        let mut all: Vec<&str> = vec!["une", "a"];
        all.extend(self.months.words());
        all.extend(self.weekdays.words());
        all.extend(self.day_words.words());
        all.extend(self.month_cues.words());
        all.extend(self.year_cues.words());
        all.extend(self.since.words());
        all.extend(self.parts.words());
        all.extend(self.seasons.words());
        all.extend(self.season_prefixes.words());
        all.extend(self.rel_before.words());
        all.extend(self.relative_periods.words());
        all.extend(self.relative_days.words());
        all.extend(self.ago_prefixes.words());
        all.extend(self.hence_prefixes.words());
        all.extend(self.amounts.words());
        all.extend(self.indefinite.words());
        all.extend(self.tens.words());
        all.extend(self.approx_amounts.words());
        all.extend(self.half_before.words());
        all.extend(self.approx.words());
        all.extend(self.idioms.words());
        all.extend(self.age_prefixes.words());
        all.extend(self.age_nouns.words());
        all.extend(self.aged.words());
        all.extend(self.born.words());
        all.extend(self.time_words.words());
        all.extend(self.units.words());
        all.extend(self.recurring.words());
        all.extend(self.day_articles.words());
        all.extend(self.of.words());
        // a lead is matched as a prefix: keep each entry's first word only ("il" for "il y a")
        let mut out: Vec<String> = all
            .into_iter()
            .filter_map(|w| w.split([' ', '\'', '’', '-']).next().filter(|f| !f.is_empty()).map(str::to_string))
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// Which lists may be read at `i` (see [`Head`]): its first word is folded once, and looked up
    /// among the first words of every list.
    pub fn head(&self, i: &str) -> Head {
        let o = &self.openers;
        let bytes = i.as_bytes();
        if bytes.first().is_some_and(u8::is_ascii_digit) {
            return Head(opens::DIGIT | o.digit_led);
        }
        // the usual word: at most eight bytes of ASCII letters and digits and Latin-1 letters
        // ("été"), then an ASCII byte that is none (or the end); its key is its bytes folded as
        // `word_key` folds them, packed as `short` holds them
        let mut key = 0u64;
        let mut digit = false;
        let mut n = 0;
        loop {
            let f = bytes.get(n).map_or(0, |&b| FOLD.get(usize::from(b)).copied().unwrap_or(NOT_ASCII));
            if f == 0 {
                break;
            }
            if f == NOT_ASCII {
                // a Latin-1 letter: its lead byte, then its second byte in small letters
                let second = bytes.get(n + 1);
                if n > 6 || bytes.get(n) != Some(&0xC3) || !latin1_letter(second) {
                    return self.head_keyed(i);
                }
                let s = second.copied().unwrap_or(0);
                let s = if s < 0x9F { s + 0x20 } else { s };
                key |= (0xC3 | u64::from(s) << 8) << (8 * n);
                n += 2;
                continue;
            }
            if n == 8 {
                return self.head_keyed(i);
            }
            key |= u64::from(f) << (8 * n);
            digit |= f.is_ascii_digit();
            n += 1;
        }
        let keyed = if n == 0 { 0 } else { o.short.get(&key).copied().unwrap_or(if digit { opens::VOCAB } else { 0 }) };
        Head(keyed | o.loose)
    }

    /// [`Self::head`] of a word that is longer than eight bytes or not ASCII (not a digit start).
    fn head_keyed(&self, i: &str) -> Head {
        let o = &self.openers;
        let mut buf = [0u8; KEY_MAX];
        let keyed =
            match word_key(i, &mut buf) {
                // "14h30", "h30": a word with a digit may be read by the grammars that read digits
                Some(k) if !k.is_empty() => o.by_key.get(k).copied().unwrap_or_else(|| {
                    if k.iter().any(u8::is_ascii_digit) {
                        opens::VOCAB
                    } else {
                        0
                    }
                }),
                Some(_) => 0,
                // a word too long to fold, or with a capital that lowercases to several characters:
                // not known, so not ruled out
                None => opens::VOCAB,
            };
        Head(keyed | o.loose)
    }

    /// Which of the duration, age and time grammars may read the number that `i` opens on (a
    /// digit start; `before` is the text before it), told from what follows the number: a
    /// duration needs a unit or "et demi" after it (past spaces or a hyphen), an age a "-year-old"
    /// right after it, or a comma or bracket before it, a time of day at most two digits then ":"
    /// or an hour mark, "a.m.", "o'clock", "noon". Lists are ruled out from their first two bytes
    /// only ([`Words::ruled_out`]); all three may when the lexicon has an entry these checks
    /// cannot see (see [`number_gates`]).
    pub fn after_number(&self, before: &str, i: &str) -> AfterNumber {
        if !self.number_gates || !i.starts_with(|c: char| c.is_ascii_digit()) {
            return AfterNumber::ANY;
        }
        let bytes = i.as_bytes();
        let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
        let after_digits = i.get(digits..).unwrap_or("");
        // the end of the number: "1,5", "15.5", "1/2"
        let number = bytes.iter().take_while(|&&b| b.is_ascii_digit() || matches!(b, b',' | b'.' | b'/')).count();
        let tail = i.get(number..).unwrap_or("");
        let unit_at = skip_spaces(tail, true);
        let duration =
            !(self.idioms.ruled_out(i) && self.units.ruled_out(unit_at) && self.half_after.ruled_out(unit_at));
        let prev = before.trim_end_matches(is_space);
        let age = prev.ends_with([',', '(']) || !self.year_old.ruled_out(tail);
        let mark_at = skip_spaces(after_digits, false);
        let time = digits <= 2
            && (after_digits.starts_with(':')
                || ![&self.hour_marks, &self.am, &self.pm, &self.oclock].iter().all(|w| w.ruled_out(mark_at))
                || !self.time_words.ruled_out(mark_at));
        AfterNumber { duration, age, time }
    }

    /// Whether a duration may open on the number that `i` opens on (a digit start): a digit-led
    /// idiom not ruled out at the number, or a unit or "et demi" spelled where the number ends
    /// (past spaces or a hyphen), looked up in full as the grammar looks there: the first two
    /// bytes alone let "18 septembre", "20 millions" through. Always when the lexicon has an entry
    /// this cannot see (see [`number_gates`]).
    pub fn unit_may_follow(&self, i: &str) -> bool {
        if !self.number_gates || !i.starts_with(|c: char| c.is_ascii_digit()) {
            return true;
        }
        let bytes = i.as_bytes();
        // the end of the number: "1,5", "15.5", "1/2"
        let number = bytes.iter().take_while(|&&b| b.is_ascii_digit() || matches!(b, b',' | b'.' | b'/')).count();
        let unit_at = skip_spaces(i.get(number..).unwrap_or(""), true);
        !self.idioms.ruled_out(i) || self.units.parse(unit_at).is_ok() || self.half_after.parse(unit_at).is_ok()
    }

    /// Whether a prefilter word is one of this lexicon's triggers.
    pub fn is_trigger(&self, word: &str) -> bool {
        self.triggers.contains(word)
    }

    /// [`Self::is_trigger`] for the word of index `ix` of `prefilter` (the prefilter of this
    /// lexicon: its answers are kept by index on first use).
    pub fn is_trigger_at(&self, prefilter: &super::prefilter::Prefilter, ix: u32) -> bool {
        match self.trigger_table(prefilter).get(ix as usize) {
            Some(&(t, _)) => t,
            None => self.is_trigger(prefilter.word(ix)),
        }
    }

    /// [`Self::head`] of a text where the prefilter found its trigger word of index `ix`: the
    /// prefilter finds a word as a whole word, its ASCII letters in any case and its other
    /// characters as written, and a head is that of the first word folded: the word's own head.
    /// `None` for a word that is not a trigger.
    pub fn head_at(&self, prefilter: &super::prefilter::Prefilter, ix: u32) -> Option<Head> {
        match self.trigger_table(prefilter).get(ix as usize) {
            Some(&(true, head)) => Some(head),
            _ => None,
        }
    }

    fn trigger_table(&self, prefilter: &super::prefilter::Prefilter) -> &[(bool, Head)] {
        self.trigger_table.get_or_init(|| {
            prefilter
                .words()
                .map(|w| {
                    let t = self.is_trigger(w);
                    (t, if t { self.head(w) } else { Head(0) })
                })
                .collect()
        })
    }
}

/// Which grammars may read a number, from what follows it (see [`DateLexicon::after_number`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AfterNumber {
    pub duration: bool,
    pub age: bool,
    pub time: bool,
}

impl AfterNumber {
    /// Every grammar may.
    pub const ANY: AfterNumber = AfterNumber { duration: true, age: true, time: true };
}

/// Whether [`DateLexicon::after_number`] sees every way a duration, an age or a time of day may
/// read a number, and [`month_may_follow_day`] every way a day may: none of those grammars opens
/// on a digit but by its number (a digit-led idiom, "15 jours", is looked up at the number
/// itself), no entry looked for after the number opens on a digit, a sign of the number (",",
/// ".", "/"), or, where spaces and hyphens are skipped to reach it, on one of those, and a day's
/// suffixes are letters.
fn number_gates(lx: &DateLexicon, openers: &Openers) -> bool {
    use opens::*;
    fn opens_on<T: Copy>(w: &Words<T>, bad: impl Fn(char) -> bool) -> bool {
        w.words().any(|e| e.starts_with(&bad))
    }
    let led_by_digit = AGE_PREFIXES
        | AGE_NOUNS
        | AGED
        | TIME_WORDS
        | APPROX
        | HALF_BEFORE
        | APPROX_AMOUNTS
        | ARTICLE
        | TENS
        | AMOUNTS
        | WEEKDAYS
        | DAY_WORDS;
    let number_sign = |c: char| c.is_ascii_digit() || matches!(c, ',' | '.' | '/');
    let skipped = |c: char| number_sign(c) || is_space(c) || c == '-';
    openers.digit_led & led_by_digit == 0
        && lx.day_suffixes.words().all(|w| w.chars().all(char::is_alphanumeric))
        && !opens_on(&lx.months, is_space)
        && !opens_on(&lx.of, is_space)
        && !opens_on(&lx.units, skipped)
        && ![&lx.half_after, &lx.hour_marks, &lx.am, &lx.pm, &lx.oclock].iter().any(|w| opens_on(w, skipped))
        && !opens_on(&lx.time_words, skipped)
        && !opens_on(&lx.year_old, number_sign)
}

/// The ASCII bytes, folded to small letters, that a text opening on an ASCII byte must open on to
/// spell one of `zones` (as [`super::time::zone`] compares: an all-capital zone as written, the
/// others in any case): the first letter of each zone, folded. All bits when a zone is empty.
fn zone_starts(zones: &[String]) -> u128 {
    let mut bits = 0u128;
    for z in zones {
        match z.chars().next() {
            None => return u128::MAX,
            Some(c) => {
                for l in c.to_lowercase().chain(std::iter::once(c)) {
                    if l.is_ascii() {
                        bits |= 1u128 << (l.to_ascii_lowercase() as u32);
                    }
                }
            }
        }
    }
    bits
}

/// The whole alphanumeric words `leads` spells: an entry of letters and digits, or the stem of an
/// abbreviation (three characters or more) whose dot is dropped. Longer than 64 bytes: never read.
fn lead_keys(leads: &Words<()>) -> HashSet<Box<[u8]>, KeyHash> {
    let alnum = |w: &str| !w.is_empty() && w.len() <= KEY_MAX && w.chars().all(char::is_alphanumeric);
    let mut keys = HashSet::default();
    for w in leads.words() {
        if alnum(w) {
            keys.insert(w.as_bytes().into());
        }
        if let Some(stem) = w.strip_suffix('.').filter(|s| s.chars().count() >= 3 && alnum(s)) {
            keys.insert(stem.as_bytes().into());
        }
    }
    keys
}

/// The runs of letters and digits of every entry of every list the grammars read (and of the
/// words they spell in place: "une", "a", "et", "and"), folded as [`word_key`] folds text: a word
/// of the text that is none of these is read by no grammar.
fn vocab_keys(lx: &DateLexicon) -> HashSet<Box<[u8]>, KeyHash> {
    // every list, by name: a list added to the lexicon must be added here (the pattern has no `..`)
    let DateLexicon {
        months,
        weekdays,
        weekdays_full,
        day_suffixes,
        day_words,
        of,
        month_first: _,
        months_alone,
        ambiguous_months,
        months_capitalised: _,
        day_articles,
        recurring,
        month_cues,
        year_cues,
        since,
        parts,
        seasons,
        season_prefixes,
        season_links,
        rel_after,
        rel_before,
        relative_periods,
        relative_days,
        anchor_links,
        directions,
        ago_prefixes,
        ago_suffixes,
        hence_prefixes,
        hence_suffixes,
        restate,
        event_stops,
        amounts,
        indefinite,
        article_weak_units,
        tens,
        tens_links,
        approx_amounts,
        approx_amount_links,
        half_after,
        half_before,
        approx,
        units,
        idioms,
        age_units,
        age_prefixes,
        age_nouns,
        age_links,
        aged,
        year_old,
        born,
        time_words,
        hour_marks,
        am,
        pm,
        oclock,
        day_parts,
        time_cues,
        duration_cues,
        zones,
        zone_folds: _,
        zone_starts: _,
        openers: _,
        triggers: _,
        trigger_table: _,
        number_gates: _,
    } = lx;
    let lists: Vec<Box<dyn Iterator<Item = &str>>> = vec![
        Box::new(months.words()),
        Box::new(weekdays.words()),
        Box::new(weekdays_full.words()),
        Box::new(day_suffixes.words()),
        Box::new(day_words.words()),
        Box::new(of.words()),
        Box::new(months_alone.words()),
        Box::new(ambiguous_months.words()),
        Box::new(day_articles.words()),
        Box::new(recurring.words()),
        Box::new(month_cues.words()),
        Box::new(year_cues.words()),
        Box::new(since.words()),
        Box::new(parts.words()),
        Box::new(seasons.words()),
        Box::new(season_prefixes.words()),
        Box::new(season_links.words()),
        Box::new(rel_after.words()),
        Box::new(rel_before.words()),
        Box::new(relative_periods.words()),
        Box::new(relative_days.words()),
        Box::new(anchor_links.words()),
        Box::new(directions.words()),
        Box::new(ago_prefixes.words()),
        Box::new(ago_suffixes.words()),
        Box::new(hence_prefixes.words()),
        Box::new(hence_suffixes.words()),
        Box::new(restate.words()),
        Box::new(event_stops.words()),
        Box::new(amounts.words()),
        Box::new(indefinite.words()),
        Box::new(article_weak_units.words()),
        Box::new(tens.words()),
        Box::new(tens_links.words()),
        Box::new(approx_amounts.words()),
        Box::new(approx_amount_links.words()),
        Box::new(half_after.words()),
        Box::new(half_before.words()),
        Box::new(approx.words()),
        Box::new(units.words()),
        Box::new(idioms.words()),
        Box::new(age_units.words()),
        Box::new(age_prefixes.words()),
        Box::new(age_nouns.words()),
        Box::new(age_links.words()),
        Box::new(aged.words()),
        Box::new(year_old.words()),
        Box::new(born.words()),
        Box::new(time_words.words()),
        Box::new(hour_marks.words()),
        Box::new(am.words()),
        Box::new(pm.words()),
        Box::new(oclock.words()),
        Box::new(day_parts.words()),
        Box::new(time_cues.words()),
        Box::new(duration_cues.words()),
        Box::new(zones.iter().map(String::as_str)),
        // spelled in place by `tag_word`
        Box::new(["une", "a", "et", "and"].into_iter()),
    ];
    let mut keys = HashSet::default();
    let mut buf = [0u8; KEY_MAX];
    for w in lists.into_iter().flatten() {
        for run in w.split(|c: char| !c.is_alphanumeric()).filter(|r| !r.is_empty()) {
            if let Some(k) = word_key(run, &mut buf) {
                keys.insert(k.into());
            }
        }
    }
    keys
}

// ---------------------------------------------------------------------------------------------
// The date claim

/// The grain a date is written at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grain {
    Day,
    Month,
    Year,
}

impl Grain {
    pub fn as_str(self) -> &'static str {
        match self {
            Grain::Day => "day",
            Grain::Month => "month",
            Grain::Year => "year",
        }
    }
}

/// Where a date's year (or the whole date) comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearSource {
    /// Written in the text.
    Text,
    /// The publication year ("le 7 novembre" in a November article).
    PubYear,
    /// The year before the publication year, because the publication year would put the date
    /// more than two months after the publication date ("le 20 décembre" in a January article).
    PrevYear,
    /// Counted from the publication date: "mardi dernier", "l'an dernier", "mercredi 13".
    PubDate,
    /// Not known: no year in the text and no publication date (or no such day that year).
    Unresolved,
}

impl YearSource {
    pub fn as_str(self) -> Option<&'static str> {
        match self {
            YearSource::Text => Some("text"),
            YearSource::PubYear => Some("pub_year"),
            YearSource::PrevYear => Some("prev_year"),
            YearSource::PubDate => Some("pub_date"),
            YearSource::Unresolved => None,
        }
    }
}

/// A date as the text gives it, completed from the publication date where it must be.
#[derive(Clone, Debug, PartialEq)]
pub struct DateClaim {
    pub grain: Grain,
    /// `None` when the text gives no year and there is no publication date to take it from.
    pub year: Option<i32>,
    /// `None` at year grain, and for a day whose month is not known (a weekday named alone).
    pub month: Option<u32>,
    pub day: Option<u32>,
    /// The weekday named with the date, and where.
    pub weekday: Option<(Weekday, Span)>,
    pub year_source: YearSource,
    /// "31 avril", "29 février 2023": a day that does not exist; `year`/`month`/`day` as written.
    pub invalid: bool,
    /// "03/04/2024" in English when the configuration leaves such dates unresolved: `month` and
    /// `day` are `None`.
    pub ambiguous: bool,
    /// "mi-mars", "fin 2023", "au printemps 2025": which part of the month or year.
    pub period: Option<Period>,
    /// The days a month, year, part or season covers, first and last included.
    pub interval: Option<(NaiveDate, NaiveDate)>,
    /// "depuis 2019", "since March": the date a state has held since.
    pub since: bool,
    /// "né le 14 juin 1946", "born in 1946": a birth date.
    pub birth: bool,
}

impl DateClaim {
    /// The calendar day, when the date is valid and at day grain with a year.
    pub fn naive(&self) -> Option<NaiveDate> {
        if self.invalid || self.grain != Grain::Day {
            return None;
        }
        NaiveDate::from_ymd_opt(self.year?, self.month?, self.day?)
    }

    /// The first and last day the date covers (one day at day grain).
    pub fn days(&self) -> Option<(NaiveDate, NaiveDate)> {
        self.interval.or_else(|| self.naive().map(|d| (d, d)))
    }

    /// ISO 8601 at the date's grain, `XXXX`/`XX` where a part is unknown.
    pub fn value(&self) -> String {
        let y = self.year.map_or("XXXX".to_string(), |y| format!("{y:04}"));
        let m = self.month.map_or("XX".to_string(), |m| format!("{m:02}"));
        let d = self.day.map_or("XX".to_string(), |d| format!("{d:02}"));
        match self.grain {
            Grain::Day => format!("{y}-{m}-{d}"),
            Grain::Month => format!("{y}-{m}"),
            Grain::Year => y,
        }
    }

    pub fn json_fields(&self, out: &mut Map<String, Value>) {
        out.insert("value".into(), json!(self.value()));
        out.insert("grain".into(), json!(self.grain.as_str()));
        if let Some((w, _)) = self.weekday {
            out.insert("weekday".into(), json!(weekday_name(w)));
        }
        if let Some(r) = self.year_source.as_str() {
            out.insert("resolved".into(), json!(r));
        }
        if self.invalid {
            out.insert("invalid".into(), json!(true));
        }
        if self.ambiguous {
            out.insert("ambiguous".into(), json!(true));
        }
        if let Some(p) = self.period {
            out.insert("period".into(), json!(p.as_str()));
        }
        if let Some((a, b)) = self.interval {
            out.insert("interval".into(), json!({"start": a.to_string(), "end": b.to_string()}));
        }
        if self.since {
            out.insert("since".into(), json!(true));
        }
        if self.birth {
            out.insert("birth".into(), json!(true));
        }
    }
}

pub fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "monday",
        Weekday::Tue => "tuesday",
        Weekday::Wed => "wednesday",
        Weekday::Thu => "thursday",
        Weekday::Fri => "friday",
        Weekday::Sat => "saturday",
        Weekday::Sun => "sunday",
    }
}

/// Reads the temporal claims of a run into `out` (see [`super::temporal::scan`]).
pub fn scan(cx: &RunCx<'_>, out: &mut Vec<super::Claim>) {
    super::temporal::scan(cx, out);
}

// ---------------------------------------------------------------------------------------------
// The grammar of dates

/// How a date read from the text is to be completed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Spec {
    /// Day, month and year as far as written.
    Calendar,
    /// A numeric date that reads as `(a, b)` either way round: the two readings.
    Ambiguous,
    /// A part of a month or year, or a season; `this` for "cet été" (the publication year).
    Period(Period, bool),
    /// A weekday named alone: relative to the publication date, or bare (`None`).
    Weekday(Option<Rel>),
    /// "mercredi 13": a weekday and a day number.
    WeekdayDay,
    /// A month named alone with "dernier"/"last"/"prochain".
    Month(Rel),
    /// "l'an dernier", "le mois prochain".
    Relative(Unit, i32),
}

/// What the date grammar read, before resolution.
#[derive(Clone, Debug, PartialEq)]
pub struct DateRead<'i> {
    /// The date as written: no cue word ("en", "depuis", "né le").
    pub text: &'i str,
    pub weekday: Option<(Weekday, &'i str)>,
    pub day: Option<u32>,
    pub month: Option<u32>,
    pub year: Option<i32>,
    pub spec: Spec,
    pub since: bool,
    pub birth: bool,
}

impl<'i> DateRead<'i> {
    fn new(text: &'i str, spec: Spec) -> DateRead<'i> {
        DateRead { text, weekday: None, day: None, month: None, year: None, spec, since: false, birth: false }
    }
}

// DAY := NUM(1,2) [DAY_SUFFIX] END | DAY_WORD, in 1..=31 (month lengths are checked later)
pub fn day<'i>(lx: &DateLexicon, i: &'i str) -> PResult<'i, u32> {
    let num = |i: &'i str| {
        let (r, d) = digits(1, 2, i)?;
        let (r, _) = opt(|i| lx.day_suffixes.parse(i)).parse(r)?;
        let (r, _) = end_of_word(r)?;
        Ok((r, d))
    };
    verify(alt((num, |i| lx.day_words.parse(i))), |d: &u32| (1..=31).contains(d)).parse(i)
}

// YEAR := NUM(4) END, in 1000..=2199
pub fn year(i: &str) -> PResult<'_, i32> {
    let (r, y) = verify(|i| digits(4, 4, i), |y: &u32| (1000..=2199).contains(y)).parse(i)?;
    let (r, _) = end_of_word(r)?;
    Ok((r, y as i32))
}

// MONTH := WORD(months)
pub fn month<'i>(lx: &DateLexicon, i: &'i str) -> PResult<'i, u32> {
    lx.months.parse(i)
}

// MONTH_NAMED := MONTH, an ambiguous name ("may") capitalised where the language capitalises months
fn month_named<'i>(lx: &DateLexicon, i: &'i str) -> PResult<'i, u32> {
    if lx.months_capitalised && !i.starts_with(char::is_uppercase) {
        if let Ok((rest, ())) = lx.ambiguous_months.parse(i) {
            if lx.months.parse(i).is_ok_and(|(r, _)| r.len() == rest.len()) {
                return fail();
            }
        }
    }
    month(lx, i)
}

// YEAR_TAIL := [GAP0 ","] GAP YEAR                                  " 2022", ", 2022", " , 1994"
fn year_tail(i: &str) -> PResult<'_, i32> {
    preceded((opt((gap0, char(','))), gap), year).parse(i)
}

// MONTH_ALONE := WORD(months_alone), capitalised where the language asks it, not before a number
fn month_alone<'i>(lx: &DateLexicon, i: &'i str) -> PResult<'i, DateRead<'i>> {
    if lx.months_capitalised && !i.starts_with(char::is_uppercase) {
        return fail();
    }
    let (r, (text, m)) = consumed(|i| lx.months_alone.parse(i)).parse(i)?;
    let (r, _) = not((opt(char(',')), gap0, satisfy(|c: char| c.is_ascii_digit()))).parse(r)?;
    Ok((r, DateRead { month: Some(m), ..DateRead::new(text, Spec::Calendar) }))
}

// WEEKDAY := WORD(weekdays) [","] GAP
fn weekday_head<'i>(lx: &DateLexicon, i: &'i str) -> PResult<'i, (Weekday, &'i str)> {
    let (r, (text, w)) = consumed(|i| lx.weekdays.parse(i)).parse(i)?;
    let (r, _) = (opt(char(',')), gap).parse(r)?;
    Ok((r, (w, text)))
}

// DMY := [WEEKDAY] DAY [GAP OF] GAP MONTH [[","] GAP YEAR]         "mardi 5 novembre 2024", "5th of November"
fn day_month_year<'i>(lx: &DateLexicon, i: &'i str) -> PResult<'i, DateRead<'i>> {
    if !month_may_follow_day(lx, i) {
        return fail();
    }
    let (r, weekday) = opt(|i| weekday_head(lx, i)).parse(i)?;
    let body =
        (|i| day(lx, i), opt(char('.')), opt(preceded(gap, |i| lx.of.parse(i))), gap, |i| month(lx, i), opt(year_tail));
    let (r, (text, (d, _, _, _, m, y))) = consumed(body).parse(r)?;
    let text = joined(i, weekday.map(|w| w.1), text);
    Ok((r, DateRead { weekday, day: Some(d), month: Some(m), year: y, ..DateRead::new(text, Spec::Calendar) }))
}

// MDY := [WEEKDAY] MONTH GAP DAY [[","] GAP YEAR]                   "February 12, 2022", "Tuesday, Nov. 5, 2024"
fn month_day_year<'i>(lx: &DateLexicon, i: &'i str) -> PResult<'i, DateRead<'i>> {
    if !lx.month_first {
        return fail();
    }
    let (r, weekday) = opt(|i| weekday_head(lx, i)).parse(i)?;
    let body =
        (|i| month(lx, i), gap, opt(terminated(|i| lx.day_articles.parse(i), gap)), |i| day(lx, i), opt(year_tail));
    let (r, (text, (m, _, _, d, y))) = consumed(body).parse(r)?;
    let text = joined(i, weekday.map(|w| w.1), text);
    Ok((r, DateRead { weekday, day: Some(d), month: Some(m), year: y, ..DateRead::new(text, Spec::Calendar) }))
}

/// At a digit start, whether a month (or "of") may follow the day it opens on: one or two digits,
/// the letters of a suffix, a dot, spaces, then a word not ruled out from its first two bytes.
/// Any other start may (see [`number_gates`] for the lexicons this holds for).
fn month_may_follow_day(lx: &DateLexicon, i: &str) -> bool {
    let bytes = i.as_bytes();
    if !lx.number_gates || !bytes.first().is_some_and(u8::is_ascii_digit) {
        return true;
    }
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if digits > 2 {
        return false;
    }
    let rest = i.get(digits..).unwrap_or("");
    let rest = rest.get(word_len(rest)..).unwrap_or("");
    let r = skip_spaces(rest.strip_prefix('.').unwrap_or(rest), false);
    !(lx.months.ruled_out(r) && lx.of.ruled_out(r))
}

/// The text from the weekday (when there is one) to the end of `rest`.
fn joined<'i>(i: &'i str, head: Option<&'i str>, rest: &'i str) -> &'i str {
    match head {
        Some(_) => i.get(..offset_in(i, rest) + rest.len()).unwrap_or(rest),
        None => rest,
    }
}

// MY := MONTH [GAP0 ","] GAP [OF GAP] YEAR                          "février 2022", "Feb. 2022", "June of 1992"
fn month_year<'i>(lx: &DateLexicon, i: &'i str) -> PResult<'i, DateRead<'i>> {
    let of = opt(terminated(|i| lx.of.parse(i), gap));
    let century = |y: u32| if y < 40 { 2000 + y as i32 } else { 1900 + y as i32 };
    let full = year.map(|y| (y, false));
    let apostrophe = preceded(alt((char('\''), char('’'))), |i| digits(2, 2, i)).map(|y| (century(y), false));
    let bare = verify(|i| digits(2, 2, i), |y: &u32| *y > 31).map(|y| (century(y), true));
    let (r, (text, (m, comma, _, _, (y, bare), _))) =
        consumed((|i| month(lx, i), opt((gap0, char(','))), gap, of, alt((full, apostrophe, bare)), end_of_word))
            .parse(i)?;
    // A bare "92" is a year only right after the month and not before a word: "9 in April, 40 in
    // total" and "in May 45 workers" count, they do not date.
    let next_is_word = r.trim_start_matches([' ', '\u{a0}', '\u{202f}']).starts_with(char::is_alphabetic);
    if bare && (comma.is_some() || next_is_word) {
        return fail();
    }
    Ok((r, DateRead { month: Some(m), year: Some(y), ..DateRead::new(text, Spec::Calendar) }))
}

// MONTH_REL := MONTH GAP REL_AFTER | REL_BEFORE GAP MONTH         "février dernier", "last February"
fn month_rel<'i>(lx: &DateLexicon, i: &'i str) -> PResult<'i, DateRead<'i>> {
    let after = (|i| month_named(lx, i), gap, |i| lx.rel_after.parse(i)).map(|(m, _, r)| (m, r));
    let before = (|i| lx.rel_before.parse(i), gap, |i| month_named(lx, i)).map(|(r, _, m)| (m, r));
    let (r, (text, (m, rel))) = consumed(alt((after, before))).parse(i)?;
    Ok((r, DateRead { month: Some(m), ..DateRead::new(text, Spec::Month(rel)) }))
}

// CUED := MONTH_CUE GAP (MY | MONTH_REL | MONTH) | YEAR_CUE GAP YEAR     "en février", "en 2022"
fn cued<'i>(lx: &DateLexicon, head: Head, i: &'i str) -> PResult<'i, DateRead<'i>> {
    use opens::{CUE_MONTH_WORD, CUE_PHRASE, CUE_YEAR_WORD};
    // The text after a cue of `list` and its gap. A cue of one word is spelled at `i` exactly when
    // the head says `list` has that whole word and no cue of several words opens on it: then the
    // cue is the first word, without reading the list.
    let after_cue = |list: &Words<()>, word: u64| -> Option<&'i str> {
        let r = if head.may(CUE_PHRASE) {
            list.parse(i).ok()?.0
        } else if head.may(word) {
            i.get(word_len(i)..)?
        } else {
            return None;
        };
        gap(r).ok().map(|(r, _)| r)
    };
    if let Some(r) = after_cue(&lx.month_cues, CUE_MONTH_WORD) {
        if let Ok(found) = after_month_cue(lx, r) {
            return Ok(found);
        }
    }
    match after_cue(&lx.year_cues, CUE_YEAR_WORD) {
        Some(r) if r.starts_with(|c: char| c.is_ascii_digit()) => bare_year(r),
        _ => fail(),
    }
}

// AFTER_MONTH_CUE := MY | MONTH_REL | MONTH (capitalised where asked), not before a number
fn after_month_cue<'i>(lx: &DateLexicon, i: &'i str) -> PResult<'i, DateRead<'i>> {
    // each reading opens on a month or a relative word: rule them out from the first two bytes,
    // else look the word up once, before trying them ("de", "en" are mostly followed by others)
    if (lx.months.ruled_out(i) && lx.rel_before.ruled_out(i)) || !lx.head(i).may(opens::MONTHS | opens::REL_BEFORE) {
        return fail();
    }
    let month_alone = |i: &'i str| {
        let (r, (text, m)) = consumed(|i| month_named(lx, i)).parse(i)?;
        let (r, _) = not((opt(char(',')), gap0, satisfy(|c: char| c.is_ascii_digit()))).parse(r)?;
        Ok((r, DateRead { month: Some(m), ..DateRead::new(text, Spec::Calendar) }))
    };
    alt((|i| month_year(lx, i), |i| month_rel(lx, i), month_alone)).parse(i)
}

// BARE_YEAR := YEAR, not followed by a unit-like letter ("2022 personnes" is read by the caller's cue)
fn bare_year(i: &str) -> PResult<'_, DateRead<'_>> {
    let (r, (text, y)) = consumed(year).parse(i)?;
    let (r, _) = not((gap0, alt((char('%'), char('€'), char('$'))))).parse(r)?;
    // "2022-02-12" is a day, read by NUMERIC
    let (r, _) = not((alt((char('-'), char('/'), char('.'))), satisfy(|c: char| c.is_ascii_digit()))).parse(r)?;
    Ok((r, DateRead { year: Some(y), ..DateRead::new(text, Spec::Calendar) }))
}

// NUMERIC := A SEP B SEP Y | YEAR "-" MM "-" DD, SEP one of "/" "." "-" (the same twice)
// A, B := NUM(1,2); Y := NUM(4) | NUM(2) (two-digit years: "/" or two-digit A and B only)
pub fn numeric<'i>(cx: &Ctx<'_>, i: &'i str) -> PResult<'i, DateRead<'i>> {
    let lx = cx.lx;
    // both forms: one, two or four digits, a separator, a digit
    let bytes = i.as_bytes();
    let lead = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if !(matches!(lead, 1 | 2 | 4)
        && matches!(bytes.get(lead), Some(b'/' | b'.' | b'-'))
        && bytes.get(lead + 1).is_some_and(u8::is_ascii_digit))
    {
        return fail();
    }
    let iso = |i: &'i str| -> PResult<'i, (&'i str, i32, u32, u32)> {
        let dash = (year_digits, char('-'), |i| digits(1, 2, i), char('-'), |i| digits(1, 2, i));
        let slash = (year_digits, char('/'), |i| digits(1, 2, i), char('/'), |i| digits(1, 2, i));
        let (r, (text, (y, _, m, _, d))) = consumed(alt((dash, slash))).parse(i)?;
        Ok((r, (text, y, m, d)))
    };
    if let Ok((r, (text, y, m, d))) = iso(i) {
        let (r, _) = numeric_end(r)?;
        if (1..=12).contains(&m) && (1..=31).contains(&d) && text.len() >= 8 {
            return Ok((
                r,
                DateRead { year: Some(y), month: Some(m), day: Some(d), ..DateRead::new(text, Spec::Calendar) },
            ));
        }
        return fail();
    }
    let (r, (text, (a, sep, b, _, y))) = consumed((
        |i| digits(1, 2, i),
        alt((char('/'), char('.'), char('-'))),
        |i| digits(1, 2, i),
        |i: &'i str| {
            let (_, s) = peek(satisfy(|c| c == '/' || c == '.' || c == '-')).parse(i)?;
            char(s).parse(i)
        },
        alt((|i| digits(4, 4, i), |i| digits(2, 2, i))),
    ))
    .parse(i)?;
    // the separator must be the same twice
    let seps: Vec<char> = text.chars().filter(|c| matches!(c, '/' | '.' | '-')).collect();
    if seps.len() != 2 || seps.first() != seps.get(1) {
        return fail();
    }
    let (r, _) = numeric_end(r)?;
    let two_digit_year = y < 100;
    if two_digit_year && sep != '/' && (text.len() != 8) {
        return fail();
    }
    if sep == '-' && two_digit_year {
        return fail();
    }
    let year = if two_digit_year {
        let pivot = cx.pub_date.map_or(2030, |d| chrono::Datelike::year(&d) + 10) % 100;
        if (y as i32) <= pivot {
            2000 + y as i32
        } else {
            1900 + y as i32
        }
    } else {
        y as i32
    };
    let day_first = !lx.month_first || cx.options.date_order == Some(super::DateOrder::Dmy);
    let (d, m) = if day_first { (a, b) } else { (b, a) };
    let other_ok = (1..=12).contains(&d) && (1..=31).contains(&m);
    let this_ok = (1..=12).contains(&m) && (1..=31).contains(&d);
    let mut read = DateRead::new(text, Spec::Calendar);
    read.year = Some(year);
    if this_ok {
        read.day = Some(d);
        read.month = Some(m);
        if lx.month_first && cx.options.ambiguous_dates_unresolved && other_ok && d != m {
            read.spec = Spec::Ambiguous;
        }
    } else if other_ok && cx.options.date_order.is_none() {
        // "31/10/2024" in English, "02/22/2016" in French: only the other reading exists
        read.day = Some(m);
        read.month = Some(d);
    } else {
        return fail();
    }
    Ok((r, read))
}

fn year_digits(i: &str) -> PResult<'_, i32> {
    verify(|i| digits(4, 4, i), |y: &u32| (1000..=2199).contains(y)).map(|y| y as i32).parse(i)
}

// NUMERIC_END := END, and no further separator with a digit ("1.2.2024.5" is not a date)
fn numeric_end(i: &str) -> PResult<'_, ()> {
    let (r, _) = end_of_word(i)?;
    let (r, _) = not((alt((char('/'), char('.'), char('-'), char(':'), char(','))), satisfy(|c| c.is_ascii_digit())))
        .parse(r)?;
    Ok((r, ()))
}

// PART := PART_WORD [GAP] (MONTH [GAP YEAR] | YEAR)              "mi-mars", "fin 2023", "early 2024"
fn part<'i>(lx: &DateLexicon, i: &'i str) -> PResult<'i, DateRead<'i>> {
    let what = alt((
        (|i| month(lx, i), opt(preceded((opt(char(',')), gap), year))).map(|(m, y)| (Some(m), y)),
        year.map(|y| (None, Some(y))),
    ));
    let (r, (text, (p, _, (m, y)))) = consumed((|i| lx.parts.parse(i), gap0, what)).parse(i)?;
    let mut read = DateRead::new(text, Spec::Period(p, false));
    read.month = m;
    read.year = y;
    Ok((r, read))
}

// SEASON := [SEASON_PREFIX GAP] SEASON [GAP [LINK GAP] YEAR]     "au printemps 2025", "cet été", "the summer of 2024"
fn season<'i>(lx: &DateLexicon, i: &'i str) -> PResult<'i, DateRead<'i>> {
    let (r, prefix) = opt(terminated(|i| lx.season_prefixes.parse(i), gap0)).parse(i)?;
    let year_after = preceded((gap, opt(terminated(|i| lx.season_links.parse(i), gap))), year);
    let (r, (text, (s, y))) = consumed((|i| lx.seasons.parse(i), opt(year_after))).parse(r)?;
    let this = prefix == Some(true);
    if y.is_none() && !this {
        return fail();
    }
    let mut read = DateRead::new(text, Spec::Period(s, this && y.is_none()));
    read.year = y;
    if this && y.is_none() {
        // "cet été": the season word with its demonstrative
        read.text = i.get(..offset_in(i, r)).unwrap_or(text).trim_start();
    }
    Ok((r, read))
}

// WEEKDAY_REL := REL_BEFORE GAP WEEKDAY_FULL | WEEKDAY_FULL GAP REL_AFTER | WEEKDAY_FULL [GAP DAY]
fn weekday_alone<'i>(lx: &DateLexicon, i: &'i str) -> PResult<'i, DateRead<'i>> {
    if let Ok((r, (text, (rel, _, (wt, w))))) =
        consumed((|i| lx.rel_before.parse(i), gap, consumed(|i| lx.weekdays_full.parse(i)))).parse(i)
    {
        if dated_after(lx, r) {
            // "ce lundi 10 janvier 2017": the weekday belongs to the date that follows; the reader
            // starting at "lundi" takes both, so the weekday is checked against that date.
            return fail();
        }
        let read = DateRead { weekday: Some((w, wt)), ..DateRead::new(text, Spec::Weekday(Some(rel))) };
        return Ok((r, read));
    }
    let (r, (wt, w)) = consumed(|i| lx.weekdays_full.parse(i)).parse(i)?;
    if let Ok((r2, rel)) = preceded(gap, |i| lx.rel_after.parse(i)).parse(r) {
        let text = i.get(..offset_in(i, r2)).unwrap_or(wt);
        return Ok((r2, DateRead { weekday: Some((w, wt)), ..DateRead::new(text, Spec::Weekday(Some(rel))) }));
    }
    let article = opt(terminated(|i| lx.day_articles.parse(i), gap));
    if let Ok((r2, (_, _, d))) = (gap, article, |i| day(lx, i)).parse(r) {
        // "mercredi 13", not "mercredi 13 heures", "Friday 7/6" nor "mercredi 13 mars" (read by DMY)
        let unit = (gap0, alt((|i| lx.hour_marks.parse(i), |i| lx.units.parse(i).map(|(r, _)| (r, ())))));
        let numeric_tail = (alt((char('/'), char('.'), char('-'), char(':'))), satisfy(|c: char| c.is_ascii_digit()));
        let rest_ok = not(alt((unit.map(|_| ()), numeric_tail.map(|_| ())))).parse(r2);
        if rest_ok.is_ok() {
            let text = i.get(..offset_in(i, r2)).unwrap_or(wt);
            return Ok((
                r2,
                DateRead { weekday: Some((w, wt)), day: Some(d), ..DateRead::new(text, Spec::WeekdayDay) },
            ));
        }
    }
    Ok((r, DateRead { weekday: Some((w, wt)), ..DateRead::new(wt, Spec::Weekday(None)) }))
}

// DATED_AFTER := [GAP0 ","] GAP (DAY GAP MONTH | MONTH GAP DAY)    " 10 janvier", ", January 10"
fn dated_after(lx: &DateLexicon, r: &str) -> bool {
    let lead = (opt((gap0, char(','))), gap);
    let dmy = (|i| day(lx, i), gap, |i| month(lx, i)).map(|_| ());
    let mdy = (|i| month_named(lx, i), gap, |i| day(lx, i)).map(|_| ());
    preceded(lead, alt((dmy, mdy))).parse(r).is_ok()
}

// WEEKDAY_NUMERIC := WEEKDAY NUMERIC                               "samedi 23/06/2018"
fn weekday_numeric<'i>(cx: &Ctx<'_>, i: &'i str) -> PResult<'i, DateRead<'i>> {
    let (r, w) = weekday_head(cx.lx, i)?;
    let (r, read) = numeric(cx, r)?;
    let text = joined(i, Some(w.1), read.text);
    Ok((r, DateRead { weekday: Some(w), text, ..read }))
}

// RELATIVE := WORD(relative_periods)                              "l'an dernier", "last month"
fn relative_period<'i>(lx: &DateLexicon, i: &'i str) -> PResult<'i, DateRead<'i>> {
    let (r, (text, (unit, delta))) = consumed(|i| lx.relative_periods.parse(i)).parse(i)?;
    Ok((r, DateRead::new(text, Spec::Relative(unit, delta))))
}

// DATE := DMY | MDY | NUMERIC | MY | PART | SEASON | RELATIVE | MONTH_REL | WEEKDAY_REL | CUED
pub fn date<'i>(cx: &Ctx<'_>, i: &'i str) -> PResult<'i, DateRead<'i>> {
    let lx = cx.lx;
    alt((
        |i| day_month_year(lx, i),
        |i| month_day_year(lx, i),
        |i| numeric(cx, i),
        |i| month_year(lx, i),
        |i| part(lx, i),
        |i| season(lx, i),
        |i| relative_period(lx, i),
        |i| month_rel(lx, i),
        |i| weekday_numeric(cx, i),
        |i| weekday_alone(lx, i),
        |i| cued(lx, lx.head(i), i),
        |i| month_alone(lx, i),
    ))
    .parse(i)
}

// MARKED := SINCE GAP (DATE | MONTH | YEAR) | BORN GAP (DATE | YEAR) | DATE
pub fn marked_date<'i>(cx: &Ctx<'_>, i: &'i str) -> PResult<'i, DateRead<'i>> {
    let lx = cx.lx;
    let after_marker = |i: &'i str| {
        alt((
            |i| date(cx, i),
            |i: &'i str| {
                let (r, (text, m)) = consumed(|i| month_named(lx, i)).parse(i)?;
                Ok((r, DateRead { month: Some(m), ..DateRead::new(text, Spec::Calendar) }))
            },
            bare_year,
        ))
        .parse(i)
    };
    if let Ok((r, mut read)) = preceded((|i| lx.since.parse(i), gap0), after_marker).parse(i) {
        read.since = true;
        return Ok((r, read));
    }
    if let Ok((r, mut read)) = preceded((|i| lx.born.parse(i), gap), after_marker).parse(i) {
        read.birth = true;
        return Ok((r, read));
    }
    date(cx, i)
}

/// [`marked_date`] at a start whose [`Head`] is known: each alternative is tried only where a
/// list it opens on may be read (the others cannot match there), in the order of [`date`].
pub fn marked_date_at<'i>(cx: &Ctx<'_>, head: Head, i: &'i str) -> PResult<'i, DateRead<'i>> {
    use opens::*;
    if head.may(SINCE | BORN) {
        return marked_date(cx, i);
    }
    let lx = cx.lx;
    type Alternative<'a, 'i> = (u64, &'a dyn Fn(&'i str) -> PResult<'i, DateRead<'i>>);
    let alternatives: [Alternative<'_, 'i>; 12] = [
        (WEEKDAYS | DIGIT | DAY_WORDS, &|i| day_month_year(lx, i)),
        (WEEKDAYS | MONTHS, &|i| month_day_year(lx, i)),
        (DIGIT, &|i| numeric(cx, i)),
        (MONTHS, &|i| month_year(lx, i)),
        (PARTS, &|i| part(lx, i)),
        (SEASON_PREFIXES | SEASONS, &|i| season(lx, i)),
        (RELATIVE_PERIODS, &|i| relative_period(lx, i)),
        (MONTHS | REL_BEFORE, &|i| month_rel(lx, i)),
        (WEEKDAYS, &|i| weekday_numeric(cx, i)),
        (REL_BEFORE | WEEKDAYS_FULL, &|i| weekday_alone(lx, i)),
        (MONTH_CUES | YEAR_CUES, &|i| cued(lx, head, i)),
        (MONTHS_ALONE, &|i| month_alone(lx, i)),
    ];
    for (lists, parse) in alternatives {
        if head.may(lists) {
            if let Ok(found) = parse(i) {
                return Ok(found);
            }
        }
    }
    fail()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{ExtractOptions, Lexicon};
    use crate::source::Lang;

    fn with<R>(lang: Lang, f: impl FnOnce(&Ctx<'_>) -> R) -> R {
        let lex = Lexicon::get(lang);
        let options = ExtractOptions::default();
        let cx = Ctx { lx: &lex.dates, pub_date: NaiveDate::from_ymd_opt(2024, 11, 20), options: &options };
        f(&cx)
    }

    type Parts = (Option<u32>, Option<u32>, Option<i32>);

    fn parts(r: &DateRead<'_>) -> Parts {
        (r.day, r.month, r.year)
    }

    #[test]
    fn reads_words_as_typeset() {
        let lex = Lexicon::get(Lang::Fr);
        assert_eq!(lex.dates.months.parse("Février 2022"), Ok((" 2022", 2)));
        assert_eq!(lex.dates.months.parse("févr. 2022"), Ok((" 2022", 2)));
        assert_eq!(lex.dates.months.parse("AOÛT"), Ok(("", 8)));
        assert!(lex.dates.months.parse("marsupial").is_err());
        assert_eq!(lex.dates.relative_periods.parse("l’an dernier,").map(|(r, _)| r), Ok(","));
        let en = Lexicon::get(Lang::En);
        assert_eq!(en.dates.months.parse("Nov 5"), Ok((" 5", 11)));
        assert!(en.dates.months.parse("no").is_err());
    }

    #[test]
    fn folds_the_first_word_into_a_key() {
        let mut buf = [0u8; KEY_MAX];
        for (input, want) in [
            ("Nov. 5", Some("nov")),
            ("FÉVRIER 2022", Some("février")),
            ("l’an dernier", Some("l")),
            ("mi-mars", Some("mi")),
            ("1er mars", Some("1er")),
            ("Août", Some("août")),
            (" mars", Some("")),
            ("", Some("")),
        ] {
            let got = word_key(input, &mut buf).map(|k| String::from_utf8_lossy(k).into_owned());
            assert_eq!(got.as_deref(), want, "{input:?}");
        }
        // no entry spells a capital that lowercases to two characters, nor a word past the buffer
        assert_eq!(word_key("İstanbul", &mut buf), None);
        assert_eq!(word_key(&"a".repeat(KEY_MAX + 1), &mut buf), None);
        assert_eq!(word_key(&"a".repeat(KEY_MAX), &mut buf).map(<[u8]>::len), Some(KEY_MAX));
        // longest entry first, whole words, dotted abbreviations without their dot
        let w =
            Words::new([("il y a", 1), ("il", 2), ("-", 3), ("nov.", 4), ("ilot", 5)].map(|(w, v)| (w.to_string(), v)));
        assert_eq!(w.parse("Il y a deux ans"), Ok((" deux ans", 1)));
        assert_eq!(w.parse("il fait"), Ok((" fait", 2)));
        assert_eq!(w.parse("-3"), Ok(("3", 3)));
        assert_eq!(w.parse("NOV 5"), Ok((" 5", 4)));
        assert!(w.parse("ils").is_err() && w.parse("novembre").is_err() && w.parse(" il").is_err());
    }

    #[test]
    fn tells_which_lists_may_open_at_a_start() {
        use opens::*;
        let lx = &Lexicon::get(Lang::Fr).dates;
        for (input, yes, no) in [
            ("12 février", DIGIT | DURATION | AGE | TIME, MONTHS | SINCE),
            ("Février 2022", MONTHS | MONTHS_ALONE, DIGIT | SINCE | DURATION),
            ("en 2022", YEAR_CUES | MONTH_CUES, DIGIT | MONTHS),
            ("depuis trois ans", SINCE, MONTHS | DIGIT),
            ("Il y a deux ans", AGO_PREFIXES, MONTHS | DURATION),
            ("trois jours", AMOUNTS, MONTHS | SINCE),
            ("Lyon", 0, u64::MAX),
            ("«", 0, u64::MAX),
        ] {
            let head = lx.head(input);
            assert!(yes == 0 || head.may(yes), "{input:?} {head:?}");
            assert!(!head.may(no & !yes), "{input:?} {head:?}");
        }
    }

    #[test]
    fn knows_the_head_of_a_trigger_word_from_its_index() {
        use crate::extract::prefilter::CandidateKind;
        for lang in [Lang::Fr, Lang::En] {
            let lex = Lexicon::get(lang);
            let lx = &lex.dates;
            let words: Vec<String> = lex.prefilter.words().map(str::to_string).collect();
            let mut text = String::new();
            for w in &words {
                for form in [w.clone(), w.to_ascii_uppercase(), capitalised(w)] {
                    for tail in [" ", ", ", "’s ", "-x ", "\u{a0}12 ", ". "] {
                        text.push_str("x ");
                        text.push_str(&form);
                        text.push_str(tail);
                    }
                }
            }
            let mut cands = Vec::new();
            lex.prefilter.candidates(&text, &mut cands);
            let mut seen = 0;
            for c in cands {
                let CandidateKind::Word(ix) = c.kind else { continue };
                let want = lx.is_trigger(lex.prefilter.word(ix)).then(|| lx.head(&text[c.at..]));
                assert_eq!(lx.head_at(&lex.prefilter, ix), want, "{lang:?} {:?}", &text[c.at..c.end]);
                seen += usize::from(want.is_some());
            }
            assert!(seen > 100, "{lang:?} {seen}");
        }
    }

    fn capitalised(w: &str) -> String {
        let mut cs = w.chars();
        cs.next().map(|c| c.to_uppercase().chain(cs).collect()).unwrap_or_default()
    }

    #[test]
    fn reads_a_short_ascii_head_as_its_key_does() {
        for lang in [Lang::Fr, Lang::En] {
            let lx = &Lexicon::get(lang).dates;
            let mut inputs: Vec<String> = vocab_sample(lx);
            for w in [
                "",
                " ",
                "«",
                "-",
                "a",
                "A",
                "a ",
                "de la",
                "EN 2022",
                "h30",
                "H30 ",
                "14h30",
                "x1",
                "abcdefgh",
                "abcdefgh ",
                "abcdefghi",
                "ABCDEFGHI jour",
                "Jour",
                "jours,",
                "l'an",
                "l’an",
                "été",
                "Été",
                "mi-mars",
                "in2022",
                "the",
                "The",
                "THE",
                "lundi-",
                "k\u{212a}",
                "octobre.",
                "a\u{0300}",
                "ab\u{e9}",
                "année",
                "ANNÉE 2022",
                "Début",
                "dès",
                "abcdeéf",
                "abcdefé",
                "abcdefgé",
                "éééé",
                "ééééé",
                "é×",
                "é÷",
                "ßÿ",
                "Ü1",
                "é\u{153}",
            ] {
                inputs.push(w.to_string());
            }
            for i in &inputs {
                for cut in 0..=i.len() {
                    let Some(t) = i.get(cut..) else { continue };
                    if t.starts_with(|c: char| c.is_ascii_digit()) {
                        continue;
                    }
                    assert_eq!(lx.head(t), lx.head_keyed(t), "{lang:?} {t:?}");
                }
            }
        }
    }

    #[test]
    fn tells_the_first_letters_of_zones() {
        let bits = |s: &str| s.bytes().fold(0u128, |b, c| b | 1u128 << c);
        assert_eq!(zone_starts(&["UTC".into(), "heure de Paris".into(), "ET".into()]), bits("uhe"));
        assert_eq!(zone_starts(&["\u{c9}T".into()]), 0, "no ASCII byte opens it");
        assert_eq!(zone_starts(&["\u{212a}".into()]), bits("k"), "a Kelvin sign lowercases to k");
        assert_eq!(zone_starts(&[String::new()]), u128::MAX);
        for lang in [Lang::Fr, Lang::En] {
            let lx = &Lexicon::get(lang).dates;
            for z in &lx.zones {
                for t in [z.clone(), z.to_lowercase(), z.to_uppercase()] {
                    let b = t.as_bytes().first().copied().unwrap_or(0);
                    if super::super::time::zone(lx, &t).is_ok() && b.is_ascii() {
                        assert!(lx.zone_starts & (1u128 << b.to_ascii_lowercase()) != 0, "{t:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn tells_which_words_a_grammar_may_read() {
        let fr = &Lexicon::get(Lang::Fr).dates;
        let en = &Lexicon::get(Lang::En).dates;
        // a run of any entry ("il y a", "à la fin de l'", "heure de Paris"), of a word spelled in
        // place ("et"), a word with a digit, a word that cannot be folded
        for yes in ["il", "y", "fin", "l", "Paris", "et", "ans", "Février", "h30", "1er", "İstanbul"] {
            assert!(fr.head(yes).readable(), "{yes}");
        }
        for yes in ["year", "old", "o", "clock", "Eastern", "and", "a.m.", "of"] {
            assert!(en.head(yes).readable(), "{yes}");
        }
        for no in ["Lyon", "gouvernement", "annoncé", "ville"] {
            assert!(!fr.head(no).readable(), "{no}");
        }
        for no in ["government", "announced", "Lyon"] {
            assert!(!en.head(no).readable(), "{no}");
        }
    }

    #[test]
    fn reads_digits() {
        for (min, max, input, want) in [
            (1, 2, "12 mars", Some((" mars", 12))),
            (1, 2, "5h", Some(("h", 5))),
            (4, 4, "2022-02", Some(("-02", 2022))),
            (2, 2, "07", Some(("", 7))),
            (1, 4, "0", Some(("", 0))),
        ] {
            assert_eq!(digits(min, max, input).ok(), want, "{input:?}");
        }
        // too few, too many (a further digit), none, a digit that is not ASCII
        for (min, max, input) in [(2, 2, "7 "), (1, 2, "123"), (1, 2, "mars"), (1, 2, ""), (1, 2, "٣")] {
            assert!(digits(min, max, input).is_err(), "{input:?}");
        }
    }

    #[test]
    fn rules_out_from_the_first_two_bytes_only_what_no_entry_spells() {
        let bits = |s: &str| s.chars().fold(0u128, |b, c| b | 1u128 << (c as u32));
        for (entry, want) in [
            ("mars", bits("aA")),
            ("d'ici", bits("'")),
            ("d’ici", bits("'")),
            ("dès", 0),
            ("il y a", bits("lL")),
            ("a.m.", bits(".")),
            ("a m", bits(" \t")),
            ("2e", bits("eE")),
            ("h", u128::MAX),
            ("été", u128::MAX),
            ("’an", u128::MAX),
        ] {
            assert_eq!(second_bytes(entry), want, "{entry:?}");
        }
        let w = Words::new(
            [
                ("mars", 1),
                ("mi-", 2),
                ("l'an", 3),
                ("’an", 4),
                ("m", 5),
                ("2e", 6),
                ("été", 7),
                ("d’ici", 8),
                ("dès", 9),
            ]
            .map(|(w, v)| (w.to_string(), v)),
        );
        for input in [
            "Mars 2022",
            "mi-mars",
            "M. Dupont",
            "l'an",
            "L’an",
            "’an",
            "2e",
            "été",
            "Été",
            "m",
            "x",
            "d'ici",
            "de",
            "DÈS",
        ] {
            let spelled = w.candidates(input).count() > 0;
            assert_eq!(w.ruled_out(input), !spelled, "{input:?}");
        }
        // "m" is an entry: a text that opens on "m" is never ruled out, whatever follows
        assert!(!w.ruled_out("mx") && !w.ruled_out("m"));
        for input in ["xavier", "2 mars", "la", "Lyon", "é", ""] {
            assert!(w.parse(input).is_err(), "{input:?}");
        }
        let none: Words<u32> = Words::default();
        assert!(none.ruled_out("mars") && none.ruled_out("m") && none.parse("mars").is_err());
    }

    /// [`Words::parse`] without its filters: every entry under the text's first key, in order.
    fn parse_slowly<'i, T: Copy>(w: &Words<T>, i: &'i str) -> PResult<'i, T> {
        let key = i.chars().next().map(first_key);
        for (entry, value) in &w.entries {
            if entry.chars().next().map(first_key) != key {
                continue;
            }
            if let Some(rest) = match_entry(entry, i).and_then(|n| i.get(n..)) {
                return Ok((rest, *value));
            }
        }
        fail()
    }

    #[test]
    fn reads_each_list_as_its_unfiltered_walk_does() {
        fn check<T: Copy + PartialEq + std::fmt::Debug>(w: &Words<T>, inputs: &[String]) {
            for i in inputs {
                assert_eq!(w.parse(i), parse_slowly(w, i), "{i:?}");
            }
        }
        for lang in [Lang::Fr, Lang::En] {
            let lx = &Lexicon::get(lang).dates;
            let mut inputs: Vec<String> = Vec::new();
            for w in vocab_sample(lx) {
                let mut cap = w.chars();
                let cap = cap.next().map(|c| c.to_uppercase().chain(cap).collect::<String>()).unwrap_or_default();
                for v in [
                    w.clone(),
                    w.to_uppercase(),
                    cap,
                    w.replace('\'', "’"),
                    w.replace(' ', "\t"),
                    w.replace(' ', "\u{a0}"),
                    w.replace('k', "\u{212a}"),
                ] {
                    inputs.push(format!("{v} 2022"));
                    inputs.push(format!("{v}s"));
                    inputs.push(v.chars().take(2).collect());
                    inputs.push(v.chars().take(3).collect::<String>() + " x");
                    inputs.push(v);
                }
            }
            check(&lx.months, &inputs);
            check(&lx.weekdays, &inputs);
            check(&lx.month_cues, &inputs);
            check(&lx.year_cues, &inputs);
            check(&lx.since, &inputs);
            check(&lx.parts, &inputs);
            check(&lx.seasons, &inputs);
            check(&lx.season_prefixes, &inputs);
            check(&lx.relative_periods, &inputs);
            check(&lx.relative_days, &inputs);
            check(&lx.directions, &inputs);
            check(&lx.ago_prefixes, &inputs);
            check(&lx.amounts, &inputs);
            check(&lx.approx, &inputs);
            check(&lx.units, &inputs);
            check(&lx.half_before, &inputs);
            check(&lx.half_after, &inputs);
            check(&lx.age_prefixes, &inputs);
            check(&lx.year_old, &inputs);
            check(&lx.born, &inputs);
            check(&lx.am, &inputs);
            check(&lx.time_cues, &inputs);
            check(&lx.duration_cues, &inputs);
            check(&lx.event_stops, &inputs);
            for entry in vocab_sample(lx) {
                for i in &inputs {
                    assert_eq!(spell(&entry, i), spell_slowly(&entry, i), "{entry:?} {i:?}");
                }
            }
        }
    }

    /// Every entry of the lists the test above reads.
    fn vocab_sample(lx: &DateLexicon) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for list in [
            lx.months.words().collect::<Vec<_>>(),
            lx.month_cues.words().collect(),
            lx.year_cues.words().collect(),
            lx.parts.words().collect(),
            lx.seasons.words().collect(),
            lx.relative_periods.words().collect(),
            lx.relative_days.words().collect(),
            lx.directions.words().collect(),
            lx.ago_prefixes.words().collect(),
            lx.amounts.words().collect(),
            lx.approx.words().collect(),
            lx.units.words().collect(),
            lx.half_before.words().collect(),
            lx.age_prefixes.words().collect(),
            lx.year_old.words().collect(),
            lx.born.words().collect(),
            lx.am.words().collect(),
            lx.time_cues.words().collect(),
            lx.duration_cues.words().collect(),
            lx.event_stops.words().collect(),
        ] {
            out.extend(list.into_iter().map(str::to_string));
        }
        out.extend(["de la", "dès", "d'abord", "l'année", "lA", "a\tm", "À", "été", "x", ""].map(str::to_string));
        out
    }

    #[test]
    fn tells_a_prefilter_word_is_a_trigger_by_its_index() {
        for lang in [Lang::Fr, Lang::En] {
            let lex = Lexicon::get(lang);
            let mut n = 0;
            for ix in 0u32.. {
                let w = lex.prefilter.word(ix);
                if w.is_empty() {
                    break;
                }
                assert_eq!(lex.dates.is_trigger_at(&lex.prefilter, ix), lex.dates.is_trigger(w), "{w}");
                n += usize::from(lex.dates.is_trigger(w));
            }
            assert!(n > 50, "{lang:?}: {n} triggers");
            assert!(!lex.dates.is_trigger_at(&lex.prefilter, u32::MAX));
        }
    }

    /// [`spell`] character by character, as it was first written.
    fn spell_slowly(entry: &str, i: &str) -> Option<usize> {
        let mut chars = i.char_indices();
        for e in entry.chars() {
            let (_, c) = chars.next()?;
            if !same_char(e, c) {
                return None;
            }
        }
        Some(chars.next().map_or(i.len(), |(n, _)| n))
    }

    #[test]
    fn spells_as_character_by_character() {
        let entries =
            ["à la fin de l'", "l’an", "août", "k", "il y a", "mi-", "a.m.", "été", "déc.", "au-delà d’", "ème"];
        let texts = [
            "À LA FIN DE L’année",
            "à la fin de l'an",
            "à\tla fin",
            "L'an",
            "l’An",
            "lʼan",
            "AOÛT",
            "Août",
            "aoûts",
            "\u{212a}",
            "K",
            "Il\ty a",
            "il\u{a0}y a",
            "mi‐mars",
            "MI-mars",
            "A.M.",
            "Été",
            "ÉTÉ",
            "étè",
            "DÉC.",
            "Au-delà d'",
            "au‑delà d’",
            "ÈME",
            "",
            "à",
            "au",
        ];
        for e in entries {
            for t in texts {
                assert_eq!(spell(e, t), spell_slowly(e, t), "{e:?} {t:?}");
            }
        }
    }

    #[test]
    fn packs_ascii_bytes_to_compare_eight_at_once() {
        assert_eq!(prefix8("mars"), (u64::from_le_bytes(*b"mars\0\0\0\0"), 0xFFFF_FFFF));
        assert_eq!(prefix8("l'an"), (u64::from_le_bytes(*b"l'an\0\0\0\0"), 0xFFFF_FFFF));
        assert_eq!(prefix8("été"), (0, 0));
        assert_eq!(prefix8("2e").1, 0xFFFF);
        assert_eq!(prefix8("septembre").1, u64::MAX);
        assert_eq!(prefix8("in early").0, u64::from_le_bytes(*b"in early"));
        assert_eq!(prefix8("nov.").1, 0xFF_FFFF, "the stem of an abbreviation");
        assert_eq!(prefix8("a.m.").1, 0xFF_FFFF);
        assert_eq!(prefix8("début").1, 0xFF);
        assert_eq!(prefix8("x\ty").1, 0xFF, "an entry's tab is no text's tab folded");
        let (text, _) = fold8("In\tEarly");
        assert_eq!(text, u64::from_le_bytes(*b"in early"));
        let (text, wide) = fold8("MaRS 2022");
        assert_eq!(text, u64::from_le_bytes(*b"mars 202"));
        assert_eq!(wide, 0);
        let (text, wide) = fold8("Été");
        assert_eq!(wide & 0xFFFF, 0x8080);
        assert_eq!(text >> 40, 0);
        // every ASCII byte folds as `to_ascii_lowercase` does, a tab to a space
        for b in 0u8..0x80 {
            let folded = if b == b'\t' { b' ' } else { b.to_ascii_lowercase() };
            let (text, _) = fold8(std::str::from_utf8(&[b; 8]).unwrap_or(""));
            assert_eq!(text, u64::from_le_bytes([folded; 8]), "{b:#x}");
            for other in [0u8, b'a', 0x7F, b'\t'] {
                let (text, _) = fold8(std::str::from_utf8(&[b, other, b, b'x', other, b, 0, b]).unwrap_or(""));
                let f = |c: u8| if c == b'\t' { b' ' } else { c.to_ascii_lowercase() };
                let want = [f(b), f(other), f(b), b'x', f(other), f(b), 0, f(b)];
                assert_eq!(text, u64::from_le_bytes(want), "{b:#x} {other:#x}");
            }
        }
    }

    #[test]
    fn folds_latin1_letters_from_their_bytes() {
        fn reference(i: &str) -> Option<String> {
            let mut out = String::new();
            for c in i.chars().take_while(|c| c.is_alphanumeric()) {
                if c.is_uppercase() {
                    let mut low = c.to_lowercase();
                    match (low.next(), low.next()) {
                        (Some(l), None) => out.push(l),
                        _ => return None,
                    }
                } else {
                    out.push(c);
                }
            }
            (out.len() <= KEY_MAX).then_some(out)
        }
        let mut buf = [0u8; KEY_MAX];
        for c in '\u{a0}'..='\u{24f}' {
            for w in [format!("{c}"), format!("a{c}b"), format!("{c}{c} x"), format!("É{c}"), format!("{c}\u{3a3}")] {
                let got = word_key(&w, &mut buf).map(|k| String::from_utf8_lossy(k).into_owned());
                assert_eq!(got, reference(&w), "{w:?}");
                let len: usize = w.chars().take_while(|c| c.is_alphanumeric()).map(char::len_utf8).sum();
                assert_eq!(word_len(&w), len, "{w:?}");
            }
        }
        assert_eq!(word_len("août 2022"), "août".len());
        assert_eq!(word_len("l’an"), 1);
        assert_eq!(word_len("×2"), 0);
    }

    #[test]
    fn walks_word_starts_back_as_characters_do() {
        fn slowly(text: &str, floor: usize, end: usize, sentence: bool) -> Vec<usize> {
            let mut out = Vec::new();
            let mut back = text[floor..end].char_indices().rev().peekable();
            while let Some((k, c)) = back.next() {
                if sentence && matches!(c, '!' | '?' | ';' | '\n') {
                    break;
                }
                if c.is_alphanumeric() && !back.peek().is_some_and(|&(_, p)| p.is_alphanumeric()) {
                    out.push(floor + k);
                }
            }
            out
        }
        let text = "Él a dit : «×÷ 3ème» ; ΑΒΓ δ 東京 x!y?z\nw l’été ÀÉ1 ß";
        let bounds: Vec<usize> = (0..=text.len()).filter(|&k| text.is_char_boundary(k)).collect();
        for &floor in &bounds {
            for &end in bounds.iter().filter(|&&e| e >= floor) {
                for sentence in [false, true] {
                    let mut got = Vec::new();
                    word_starts_back(text, floor, end, sentence, |k| {
                        got.push(k);
                        true
                    });
                    assert_eq!(got, slowly(text, floor, end, sentence), "{floor} {end} {sentence}");
                }
            }
        }
        // stops when asked
        let mut got = Vec::new();
        word_starts_back("un deux trois", 0, 13, false, |k| {
            got.push(k);
            got.len() < 2
        });
        assert_eq!(got, [8, 3]);
    }

    #[test]
    fn skips_spaces_as_typeset() {
        for i in ["  x", "\u{a0}\u{202f}\u{2009}\t\n\rx", "- -x", "x", "", " \u{2008}x", "\u{a0}"] {
            assert_eq!(skip_spaces(i, false), i.trim_start_matches(is_space), "{i:?}");
            assert_eq!(skip_spaces(i, true), i.trim_start_matches(|c| is_space(c) || c == '-'), "{i:?}");
        }
    }

    /// [`cued`] as first written: both cue lists read in full.
    fn cued_slowly<'i>(lx: &DateLexicon, i: &'i str) -> PResult<'i, DateRead<'i>> {
        let by_month = preceded((|i| lx.month_cues.parse(i), gap), |i| after_month_cue(lx, i));
        let after_year = |i: &'i str| if i.starts_with(|c: char| c.is_ascii_digit()) { bare_year(i) } else { fail() };
        let by_year = preceded((|i| lx.year_cues.parse(i), gap), after_year);
        alt((by_month, by_year)).parse(i)
    }

    #[test]
    fn reads_a_cue_of_one_word_from_the_head() {
        use opens::*;
        let fr = &Lexicon::get(Lang::Fr).dates;
        assert!(fr.head("en 2022").may(CUE_MONTH_WORD | CUE_YEAR_WORD) && !fr.head("en 2022").may(CUE_PHRASE));
        assert!(!fr.head("courant").may(CUE_PHRASE) && fr.head("Courant").may(CUE_MONTH_WORD));
        for phrase in ["au mois de", "l’année", "d'ici", "jusqu'en", "mois de"] {
            assert!(fr.head(phrase).may(CUE_PHRASE), "{phrase}");
        }
        assert!(!fr.head("pour").may(CUE_MONTH_WORD) && fr.head("pour").may(CUE_YEAR_WORD));
        let en = &Lexicon::get(Lang::En).dates;
        assert!(en.head("in").may(CUE_PHRASE) && en.head("the").may(CUE_PHRASE) && !en.head("of").may(CUE_PHRASE));
        for lang in [Lang::Fr, Lang::En] {
            let lx = &Lexicon::get(lang).dates;
            let mut cues: Vec<String> = lx.month_cues.words().chain(lx.year_cues.words()).map(str::to_string).collect();
            cues.extend(
                ["EN", "En", "Dès", "DÈS", "in", "In", "the", "de la", "à la", "x", "«", "2022"].map(str::to_string),
            );
            for cue in &cues {
                for after in [
                    " février 2022",
                    " 2022",
                    "\u{a0}2022 personnes",
                    " mars",
                    " Mars dernier",
                    " May",
                    " may 2020",
                    " the year 2020",
                    " early May",
                    " 1er juin",
                    " juin, 3",
                    "2022",
                    " 20222",
                    "",
                ] {
                    let i = format!("{cue}{after}");
                    assert_eq!(cued(lx, lx.head(&i), &i), cued_slowly(lx, &i), "{i:?}");
                }
            }
        }
    }

    #[test]
    fn rules_out_a_day_only_where_no_month_follows() {
        for lang in [Lang::Fr, Lang::En] {
            let lx = &Lexicon::get(lang).dates;
            for n in ["1", "12", "1er", "21st", "5th", "2022", "123", "3e", "12."] {
                for t in
                    [" mars 2022", " March", "\u{a0}février", " of May", "  juin", " personnes", "/03/2022", "", " mai"]
                {
                    let i = format!("{n}{t}");
                    assert!(month_may_follow_day(lx, &i) || day_month_year(lx, &i).is_err(), "{lang:?} {i:?}");
                }
            }
            assert!(month_may_follow_day(lx, "mardi 5 mars") && !month_may_follow_day(lx, "2022 mars"));
        }
        let fr = &Lexicon::get(Lang::Fr).dates;
        assert!(!month_may_follow_day(fr, "12 personnes") && month_may_follow_day(fr, "1er. mars"));
    }

    #[test]
    fn reads_day_and_year() {
        let lx = &Lexicon::get(Lang::Fr).dates;
        for (input, left, want) in [("1er mars", " mars", 1), ("12 février", " février", 12), ("31", "", 31)] {
            assert_eq!(day(lx, input), Ok((left, want)), "{input:?}");
        }
        for no in ["32 mars", "0 mars", "123", "12h", "1ers"] {
            assert!(day(lx, no).is_err(), "{no}");
        }
        assert_eq!(year("2022,"), Ok((",", 2022)));
        for no in ["20220", "999", "2022a", "3000"] {
            assert!(year(no).is_err(), "{no}");
        }
    }

    #[test]
    fn reads_french_dates() {
        with(Lang::Fr, |cx| {
            for (input, left, want) in [
                ("12 février 2022 à Paris", " à Paris", (Some(12), Some(2), Some(2022))),
                ("1er mars 2024", "", (Some(1), Some(3), Some(2024))),
                ("mardi 5 novembre 2024.", ".", (Some(5), Some(11), Some(2024))),
                ("7 novembre,", ",", (Some(7), Some(11), None)),
                ("31 avril 2023", "", (Some(31), Some(4), Some(2023))),
                ("12\u{a0}févr. 2022", "", (Some(12), Some(2), Some(2022))),
                ("12/02/2022", "", (Some(12), Some(2), Some(2022))),
                ("12.02.2022 ", " ", (Some(12), Some(2), Some(2022))),
                ("2022-02-12", "", (Some(12), Some(2), Some(2022))),
                ("février 2022", "", (None, Some(2), Some(2022))),
                ("en février", "", (None, Some(2), None)),
                ("en 2022", "", (None, None, Some(2022))),
                ("fin 2023", "", (None, None, Some(2023))),
                ("mi-mars", "", (None, Some(3), None)),
                ("au printemps 2025", "", (None, None, Some(2025))),
                ("février", "", (None, Some(2), None)),
                ("samedi 23/06/2018", "", (Some(23), Some(6), Some(2018))),
                ("2015/08/12", "", (Some(12), Some(8), Some(2015))),
                ("02/22/2016", "", (Some(22), Some(2), Some(2016))),
            ] {
                let got = marked_date(cx, input).map(|(rest, r)| (rest, parts(&r)));
                assert_eq!(got, Ok((left, want)), "{input:?}");
            }
            for no in [
                "52 novembre",
                "5 novembres",
                "12 mois",
                "5 marsupiaux",
                "24/7",
                "9/11",
                "1.2.3",
                "2 sur 3",
                "3-1",
                "printemps",
            ] {
                assert!(marked_date(cx, no).is_err(), "{no}");
            }
        });
    }

    #[test]
    fn reads_english_dates() {
        with(Lang::En, |cx| {
            for (input, left, want) in [
                ("February 12, 2022", "", (Some(12), Some(2), Some(2022))),
                ("12 Feb. 2022", "", (Some(12), Some(2), Some(2022))),
                ("Tuesday, Nov. 5, 2024", "", (Some(5), Some(11), Some(2024))),
                ("5th of November 2024", "", (Some(5), Some(11), Some(2024))),
                ("on Nov. 7", "", (Some(7), Some(11), None)),
                ("02/12/2022", "", (Some(12), Some(2), Some(2022))),
                ("31/10/2022", "", (Some(31), Some(10), Some(2022))),
                ("in February 2022", "", (None, Some(2), Some(2022))),
                ("early 2024", "", (None, None, Some(2024))),
                ("May 5", "", (Some(5), Some(5), None)),
                ("Dec. 31 , 1994", "", (Some(31), Some(12), Some(1994))),
                ("June of 1992", "", (None, Some(6), Some(1992))),
                ("February", "", (None, Some(2), None)),
                ("Friday 5/12/2019", "", (Some(12), Some(5), Some(2019))),
                ("Tuesday the 19th", "", (Some(19), None, None)),
                ("June 92.", ".", (None, Some(6), Some(1992))),
                ("June '92", "", (None, Some(6), Some(1992))),
            ] {
                let input = input.strip_prefix("on ").unwrap_or(input);
                let got = marked_date(cx, input).map(|(rest, r)| (rest, parts(&r)));
                assert_eq!(got, Ok((left, want)), "{input:?}");
            }
            // a bare two-digit number after a comma or before a word counts, it does not date
            for no in [
                "may",
                "March",
                "August",
                "february",
                "24/7",
                "9/11",
                "version 2",
                "in 20 minutes",
                "of 2022-1",
                "April, 40 in total",
                "May 45 workers",
            ] {
                assert!(marked_date(cx, no).is_err(), "{no}");
            }
        });
    }

    #[test]
    fn reads_marks_and_relative_forms() {
        with(Lang::Fr, |cx| {
            let (_, r) = marked_date(cx, "né le 14 juin 1946").unwrap();
            assert!(r.birth && r.text == "14 juin 1946");
            let (_, r) = marked_date(cx, "depuis 2019").unwrap();
            assert!(r.since && r.text == "2019");
            let (_, r) = marked_date(cx, "mardi dernier").unwrap();
            assert_eq!(r.spec, Spec::Weekday(Some(Rel::Last)));
            let (_, r) = marked_date(cx, "ce lundi").unwrap();
            assert_eq!(r.spec, Spec::Weekday(Some(Rel::This)));
            // "ce lundi 10 janvier": the weekday goes with the date, read from "lundi"
            assert!(marked_date(cx, "ce lundi 10 janvier 2017").is_err());
            let (_, r) = marked_date(cx, "lundi 10 janvier 2017").unwrap();
            assert_eq!((r.weekday.map(|w| w.0), r.day), (Some(Weekday::Mon), Some(10)));
            let (_, r) = marked_date(cx, "mercredi 13,").unwrap();
            assert_eq!((r.spec, r.day), (Spec::WeekdayDay, Some(13)));
            let (_, r) = marked_date(cx, "l'an dernier").unwrap();
            assert_eq!(r.spec, Spec::Relative(Unit::Year, -1));
        });
        with(Lang::En, |cx| {
            let (_, r) = marked_date(cx, "born in 1946").unwrap();
            assert!(r.birth && r.year == Some(1946));
            let (_, r) = marked_date(cx, "last Tuesday").unwrap();
            assert_eq!(r.spec, Spec::Weekday(Some(Rel::Last)));
            let (_, r) = marked_date(cx, "since March").unwrap();
            assert!(r.since && r.month == Some(3));
        });
    }
}
