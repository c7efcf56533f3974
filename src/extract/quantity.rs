//! A quantity as prose writes it: an optional qualifier, sign or currency before a value, the
//! value in digits or words, then a unit (percent, currency, ordinal suffix), a second value
//! that makes a range, or a qualifier after it. Also what is NOT a quantity and must be skipped
//! whole: identifiers ("A320", "COVID-19", "Boeing 737", "article 49.3"), times ("14h30",
//! "3 pm"), phone numbers, street numbers, versions and IP addresses, footnote markers.
//!
//! Reads from a prefilter candidate of a run's text and returns byte offsets of that text.

use super::number::{NumberLexicon, RangeUnit};
use super::number_digits::{self, Mark};
use super::number_words::{self, WordKind};
use super::Approx;
use crate::fxhash::FxBuild;

/// A number word of the lexicon and what it does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Word {
    /// A cardinal: 0..99 add, 100 multiplies the group, 1000 and up are scales.
    Card(u64),
    /// An ordinal ("cinquième"); `true` when plural ("cinquièmes": a denominator).
    Ord(u64, bool),
    /// A denominator that is not an ordinal: "tiers", "half".
    Frac(u64),
    /// A noun that multiplies: "douzaine".
    Mult(u64),
    /// A noun that rounds: "dizaine".
    ApproxCount(u64),
}

/// Vulgar fraction characters.
pub const VULGAR: [(char, f64); 12] = [
    ('½', 0.5),
    ('⅓', 1.0 / 3.0),
    ('⅔', 2.0 / 3.0),
    ('¼', 0.25),
    ('¾', 0.75),
    ('⅕', 0.2),
    ('⅖', 0.4),
    ('⅗', 0.6),
    ('⅘', 0.8),
    ('⅙', 1.0 / 6.0),
    ('⅛', 0.125),
    ('⅞', 0.875),
];

/// Roman numerals I to XXXV, the range of centuries, kings and republics in copy.
pub fn roman_numerals() -> Vec<String> {
    (1..=35).map(roman).collect()
}

fn roman(mut n: u32) -> String {
    let mut s = String::new();
    for (v, r) in [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// Lowercase without accents, for matching words whatever their case or accents ("Deuxieme",
/// "deuxième"). The typographic apostrophe matches the straight one.
pub fn fold(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let c = c.to_lowercase().next().unwrap_or(c);
    match c {
        'à' | 'â' | 'ä' | 'á' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'î' | 'ï' | 'í' => 'i',
        'ô' | 'ö' | 'ó' => 'o',
        'ù' | 'û' | 'ü' | 'ú' => 'u',
        'ç' => 'c',
        'ÿ' => 'y',
        '’' => '\'',
        _ => c,
    }
}

/// Folds a lexicon entry; a hyphen between letters ("quatre-vingt") matches any separator.
fn fold_str(s: &str) -> String {
    if s.is_ascii() {
        // Most entries: a byte is a character.
        let b = s.as_bytes();
        let letter = |k: Option<usize>| k.and_then(|k| b.get(k)).is_some_and(u8::is_ascii_alphabetic);
        let folded = b.iter().enumerate().map(|(k, &c)| {
            if c == b'-' && letter(k.checked_sub(1)) && letter(Some(k + 1)) {
                ' '
            } else {
                char::from(c.to_ascii_lowercase())
            }
        });
        return folded.collect();
    }
    let chars: Vec<char> = s.chars().collect();
    let letter = |k: Option<&char>| k.is_some_and(|c| c.is_alphabetic());
    chars
        .iter()
        .enumerate()
        .map(|(k, &c)| {
            let inner = k > 0 && letter(chars.get(k - 1)) && letter(chars.get(k + 1));
            if c == '-' && inner {
                ' '
            } else {
                fold(c)
            }
        })
        .collect()
}

/// A space inside a number or between words: typed, no-break (U+00A0) or narrow no-break (U+202F).
pub fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\t')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '–' | '—')
}

/// SEP := spaces and hyphens between two words of a number, at most 4 characters ("vingt-trois",
/// "fifty - two"). Bytes read, or None.
pub fn word_sep(i: &str) -> Option<usize> {
    let mut n = 0;
    let mut len = 0;
    for c in i.chars() {
        if is_space(c) || is_hyphen(c) {
            n += 1;
            len += c.len_utf8();
            if n > 4 {
                return None;
            }
        } else {
            break;
        }
    }
    (len > 0).then_some(len)
}

/// GAP := spaces only (no hyphen), at most 3. Bytes read (0 when none).
fn gap(i: &str) -> usize {
    let mut len = 0;
    for (n, c) in i.chars().enumerate() {
        if !is_space(c) || n >= 3 {
            break;
        }
        len += c.len_utf8();
    }
    len
}

/// The most bytes of text [`phrase`] may read for the folded `entry`: a character of the entry
/// matches one of up to 4 bytes, a space a [`word_sep`] of up to 4 characters of 3 bytes.
fn phrase_reach(entry: &str) -> usize {
    entry.chars().map(|c| if c == ' ' { 12 } else { 4 }).sum()
}

/// The most bytes a [`gap`] reads: 3 spaces of up to 3 bytes (U+202F).
const GAP_BYTES: usize = 9;

/// Reads the folded `entry` at the start of `i`: a space in the entry matches any SEP, case and
/// accents are ignored, and an entry ending in a letter or digit must end a word. Bytes read.
pub fn phrase(entry: &str, i: &str) -> Option<usize> {
    let (eb, ib) = (entry.as_bytes(), i.as_bytes());
    let (mut e, mut pos) = (0, 0);
    while let Some(&ec) = eb.get(e) {
        if ec == b' ' {
            pos += word_sep(i.get(pos..)?)?;
            e += 1;
            continue;
        }
        let tb = *ib.get(pos)?;
        // Both ASCII (most of the time): fold is ASCII lowercase, one byte each.
        if ec.is_ascii() && tb.is_ascii() {
            if tb.to_ascii_lowercase() != ec {
                return None;
            }
            e += 1;
            pos += 1;
            continue;
        }
        let (Some(ech), Some(tc)) = (entry.get(e..)?.chars().next(), i.get(pos..)?.chars().next()) else {
            return None;
        };
        if fold(tc) != ech {
            return None;
        }
        e += ech.len_utf8();
        pos += tc.len_utf8();
    }
    let word_end = entry.chars().next_back().is_some_and(char::is_alphanumeric);
    if word_end && i.get(pos..).and_then(|r| r.chars().next()).is_some_and(char::is_alphanumeric) {
        return None;
    }
    Some(pos)
}

/// Whether folded `entry` may match at `i`, given the first byte of the folded first character
/// of `i`: [`phrase`] fails at once when the entry opens with another character, unless it
/// opens with a space (any SEP). What [`LeadIndex`] tells for each lead byte at once.
#[cfg(test)]
fn may_start(entry: &str, lead: Option<u8>) -> bool {
    match (entry.as_bytes().first(), lead) {
        (Some(&e), Some(l)) => e == l || e == b' ',
        _ => true,
    }
}

/// The first byte of the folded first character of `i` (None when `i` is empty).
fn lead(i: &str) -> Option<u8> {
    match i.as_bytes().first() {
        Some(b) if b.is_ascii() => return Some(b.to_ascii_lowercase()),
        None => return None,
        Some(_) => {}
    }
    let mut buf = [0u8; 4];
    i.chars().next().and_then(|c| fold(c).encode_utf8(&mut buf).as_bytes().first().copied())
}

/// Per lead byte, the indices of some of a list's entries that [`may_start`] there, in list
/// order: the entries [`phrase`] may match, found without reading the others.
#[derive(Debug, Default)]
struct LeadIndex {
    /// Bucket `b` is `order[starts[b]..starts[b + 1]]`.
    starts: Vec<usize>,
    order: Vec<usize>,
}

impl LeadIndex {
    /// Indexes the entries `(k, entry)` given, `k` their index in the list, in list order.
    fn new<'e>(entries: impl Iterator<Item = (usize, &'e str)>) -> LeadIndex {
        // Each entry and the one lead byte it may start at; `None` when it may start at any
        // ([`may_start`]: an empty entry or one opening with a space).
        let leads: Vec<(usize, Option<u8>)> =
            entries.map(|(k, e)| (k, e.as_bytes().first().copied().filter(|&b| b != b' '))).collect();
        if leads.is_empty() {
            // No entry: nothing to try anywhere ([`LeadIndex::at`] finds no bucket).
            return LeadIndex::default();
        }
        let mut used = [false; 256];
        for &(_, lead) in &leads {
            if let Some(slot) = lead.and_then(|b| used.get_mut(usize::from(b))) {
                *slot = true;
            }
        }
        let any: Vec<usize> = leads.iter().filter(|(_, lead)| lead.is_none()).map(|&(k, _)| k).collect();
        let mut starts = Vec::with_capacity(257);
        let mut order = Vec::new();
        for (b, used) in (0..=u8::MAX).zip(used) {
            starts.push(order.len());
            if used {
                order.extend(leads.iter().filter(|(_, lead)| lead.is_none_or(|l| l == b)).map(|&(k, _)| k));
            } else {
                order.extend_from_slice(&any);
            }
        }
        starts.push(order.len());
        LeadIndex { starts, order }
    }

    /// The entries worth trying at `i`; none when `i` is empty (no entry matches there).
    fn at(&self, i: &str) -> &[usize] {
        let Some(b) = lead(i) else { return &[] };
        let b = usize::from(b);
        match (self.starts.get(b), self.starts.get(b + 1)) {
            (Some(&s), Some(&e)) => self.order.get(s..e).unwrap_or_default(),
            _ => &[],
        }
    }
}

/// Whether a folded entry is one word: letters and digits only, shorter than a [`Key`].
/// [`phrase`] matches such an entry exactly where the letters and digits that open the text,
/// folded, are the entry: one look-up finds it, whatever the length of the list.
fn one_word(entry: &str) -> bool {
    !entry.is_empty() && entry.len() < 64 && entry.chars().all(char::is_alphanumeric)
}

/// The letters and digits that open `i`, folded ([`fold`]): the key and its length in `i`.
/// `None` when they do not fit the key (no entry is that long).
fn word_key(i: &str) -> Option<(Key, usize)> {
    let len = i.char_indices().find(|&(_, c)| !c.is_alphanumeric()).map_or(i.len(), |(k, _)| k);
    Some((Key::new(i.get(..len)?.chars().map(fold))?, len))
}

/// The letters and digits that open `bytes`, folded as [`word_key`] folds them, into `buf`:
/// the length of the key and of the word in `bytes`. Reads ASCII and the Latin-1 letters (two
/// bytes, lead byte 0xC3) a byte at a time, without decoding characters or Unicode tables; `None`
/// at any other character that may be a letter or digit, or when the key does not fit in `buf`
/// (16 bytes, a [`pack`]ed key): [`word_key`] reads those.
#[inline]
fn latin_key(bytes: &[u8], buf: &mut [u8; 16]) -> Option<(usize, usize)> {
    // ASCII letters and digits first, a byte each (most words are made of them only).
    let mut k = 0;
    for &b in bytes {
        let f = ASCII_FOLD[usize::from(b)];
        if f == 0 {
            break;
        }
        *buf.get_mut(k)? = f;
        k += 1;
    }
    match bytes.get(k) {
        Some(b) if !b.is_ascii() => latin_rest(bytes, k, buf),
        _ => Some((k, k)),
    }
}

/// [`latin_key`] from byte `n` of `bytes`, all ASCII before it, at a byte that is not.
#[inline(never)]
fn latin_rest(bytes: &[u8], n: usize, buf: &mut [u8; 16]) -> Option<(usize, usize)> {
    let (mut n, mut k) = (n, n);
    while let Some(&b) = bytes.get(n) {
        let f = ASCII_FOLD[usize::from(b)];
        if f != 0 {
            *buf.get_mut(k)? = f;
            k += 1;
            n += 1;
            continue;
        }
        if b.is_ascii() {
            return Some((k, n));
        }
        let c = bytes.get(n + 1).copied().unwrap_or(0);
        match (b, c) {
            // × and ÷ are the two Latin-1 signs among letters.
            (0xC3, 0x97 | 0xB7) => return Some((k, n)),
            (0xC3, 0x80..=0xBF) => {
                match fold_c3(c) {
                    Ok(plain) => {
                        *buf.get_mut(k)? = plain;
                        k += 1;
                    }
                    Err(lower) => {
                        buf.get_mut(k..k + 2)?.copy_from_slice(&[0xC3, lower]);
                        k += 2;
                    }
                }
                n += 2;
            }
            // No-break space, « and », and U+2000..U+203F (spaces, dashes, quotes): no letter.
            (0xC2, 0xA0 | 0xAB | 0xBB) | (0xE2, 0x80) => return Some((k, n)),
            _ => return None,
        }
    }
    Some((k, n))
}

/// The character U+00C0..U+00FF, bytes 0xC3 `c`, folded ([`fold`]): an ASCII letter (`Ok`), or
/// the second byte of a character of the same range (`Err`). Upper case À..Þ is 0x20 before
/// lower case, but for × (÷ is 0x20 further).
fn fold_c3(c: u8) -> Result<u8, u8> {
    let lower = if c <= 0x9E && c != 0x97 { c + 0x20 } else { c };
    match lower {
        0xA0..=0xA2 | 0xA4 => Ok(b'a'),
        0xA7 => Ok(b'c'),
        0xA8..=0xAB => Ok(b'e'),
        0xAD..=0xAF => Ok(b'i'),
        0xB3 | 0xB4 | 0xB6 => Ok(b'o'),
        0xB9..=0xBC => Ok(b'u'),
        0xBF => Ok(b'y'),
        _ => Err(lower),
    }
}

/// ASCII letters and digits in lower case, by byte; 0 for any other byte.
const ASCII_FOLD: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b: u8 = 0;
    while b < 128 {
        if b.is_ascii_alphanumeric() {
            table[b as usize] = b.to_ascii_lowercase();
        }
        b += 1;
    }
    table
};

/// A word of at most 16 bytes packed in an integer, first byte lowest: its hash is two
/// multiplies and its comparison one instruction. No byte of a `str` word is zero, so words of
/// different lengths differ.
fn pack(bytes: &[u8]) -> Option<u128> {
    if bytes.len() > 16 {
        return None;
    }
    Some(bytes.iter().rev().fold(0u128, |key, &b| (key << 8) | u128::from(b)))
}

/// Words (folded, letters and digits only, shorter than a [`Key`]) with a value each, looked up
/// by the word that opens a text.
#[derive(Debug)]
struct WordTable<V> {
    /// Words of at most 16 bytes, [`pack`]ed.
    short: std::collections::HashMap<u128, V, FxBuild>,
    /// Longer words.
    long: std::collections::HashMap<Vec<u8>, V, FxBuild>,
    /// Bit `n` is set when a word is `n` bytes long (`n` < 64).
    lens: u64,
    /// Bit `b` is set when a word opens with byte `b`.
    heads: [u64; 4],
}

impl<V> Default for WordTable<V> {
    fn default() -> Self {
        WordTable {
            short: std::collections::HashMap::default(),
            long: std::collections::HashMap::default(),
            lens: 0,
            heads: [0; 4],
        }
    }
}

impl<V: Copy> WordTable<V> {
    /// The value of `word` (a [`one_word`] entry), `merge`d with the one it has.
    fn insert(&mut self, word: &str, value: V, merge: impl Fn(V, V) -> V) {
        let slot = match pack(word.as_bytes()) {
            Some(key) => self.short.entry(key).or_insert(value),
            None => self.long.entry(word.as_bytes().to_vec()).or_insert(value),
        };
        *slot = merge(*slot, value);
        self.lens |= 1u64.checked_shl(u32::try_from(word.len()).unwrap_or(u32::MAX)).unwrap_or(0);
        let head = word.as_bytes().first().copied().map_or(0, usize::from);
        if let Some(bits) = self.heads.get_mut(head / 64) {
            *bits |= 1 << (head % 64);
        }
    }

    /// Whether a word is `n` bytes long.
    fn has_len(&self, n: usize) -> bool {
        n < 64 && self.lens & (1 << n) != 0
    }

    /// The value of the folded word `key`.
    fn value(&self, key: &[u8]) -> Option<V> {
        match pack(key) {
            Some(k) => self.short.get(&k).copied(),
            None => self.long.get(key).copied(),
        }
    }

    /// The word that opens `i` (its letters and digits, folded, as [`phrase`] compares them):
    /// its value and the bytes it covers in `i`.
    fn get(&self, i: &str) -> Option<(V, usize)> {
        let bytes = i.as_bytes();
        let &b = bytes.first()?;
        if b.is_ascii() {
            // Cheap refusal before the look-up: no word opens with this letter.
            let h = usize::from(b.to_ascii_lowercase());
            if self.heads.get(h / 64).is_none_or(|bits| bits & (1 << (h % 64)) == 0) {
                return None;
            }
        } else if self.short.is_empty() && self.long.is_empty() {
            return None;
        }
        let mut buf = [0u8; 16];
        if let Some((k, n)) = latin_key(bytes, &mut buf) {
            // ASCII and Latin-1 words of at most 16 bytes (most words), folded a byte at a time.
            if !self.has_len(k) {
                return None;
            }
            // `buf` is zero past the key: it is the key [`pack`]ed.
            return self.short.get(&u128::from_le_bytes(buf)).map(|&v| (v, n));
        }
        let (key, len) = word_key(i)?;
        if !self.has_len(key.len) {
            return None;
        }
        self.value(key.buf.get(..key.len)?).map(|v| (v, len))
    }
}

/// How [`first`] finds the longest entry at a place: one-word entries by a hash look-up of the
/// word there, the others (several words, apostrophes, symbols) by their lead byte.
#[derive(Debug, Default)]
struct Finder {
    /// One-word entries and the index of the first of each.
    words: WordTable<usize>,
    /// The other entries.
    lead: LeadIndex,
}

impl Finder {
    fn new<'e>(entries: impl Iterator<Item = &'e str> + Clone) -> Finder {
        let mut words = WordTable::default();
        for (k, e) in entries.clone().enumerate().filter(|(_, e)| one_word(e)) {
            words.insert(e, k, usize::min);
        }
        Finder { words, lead: LeadIndex::new(entries.enumerate().filter(|(_, e)| !one_word(e))) }
    }

    /// The one-word entry at the start of `i`: its index and the bytes it covers.
    fn word(&self, i: &str) -> Option<(usize, usize)> {
        self.words.get(i)
    }

    /// The first entry (in list order) that [`phrase`] matches at the start of `i`, with
    /// `entry(k)` the text of entry `k`: its index and the bytes read.
    fn first<'l>(&self, i: &str, entry: impl Fn(usize) -> Option<&'l str>) -> Option<(usize, usize)> {
        let word = self.word(i);
        if self.lead.order.is_empty() {
            return word;
        }
        for &k in self.lead.at(i) {
            if word.is_some_and(|(w, _)| w < k) {
                break;
            }
            if let Some(l) = entry(k).and_then(|e| phrase(e, i)) {
                return Some((k, l));
            }
        }
        word
    }
}

/// A word list of the lexicon, folded and sorted longest first, indexed for the two questions
/// the parsers ask: which entry opens this text ([`first`]) and is this word one
/// ([`Compiled::is_in`]). Reads as the slice of its entries.
#[derive(Debug, Default)]
pub struct List {
    entries: Vec<String>,
    finder: Finder,
    /// The entries, for [`Compiled::is_in`].
    members: WordTable<()>,
}

impl List {
    fn new(entries: Vec<String>) -> List {
        let finder = Finder::new(entries.iter().map(String::as_str));
        let mut members = WordTable::default();
        for e in &entries {
            members.insert(e, (), |(), ()| ());
        }
        List { entries, finder, members }
    }
}

impl std::ops::Deref for List {
    type Target = [String];
    fn deref(&self) -> &[String] {
        &self.entries
    }
}

/// A list of folded entries with a value each, sorted longest first and indexed like [`List`].
#[derive(Debug)]
pub struct Pairs<T> {
    entries: Vec<(String, T)>,
    finder: Finder,
}

impl<T> Default for Pairs<T> {
    fn default() -> Self {
        Pairs { entries: Vec::new(), finder: Finder::default() }
    }
}

impl<T> Pairs<T> {
    fn new(entries: Vec<(String, T)>) -> Pairs<T> {
        let finder = Finder::new(entries.iter().map(|(e, _)| e.as_str()));
        Pairs { entries, finder }
    }
}

impl<T> std::ops::Deref for Pairs<T> {
    type Target = [(String, T)];
    fn deref(&self) -> &[(String, T)] {
        &self.entries
    }
}

/// A word mapped char by char into a buffer on the stack, to look it up in a set without
/// allocating; `None` when it does not fit.
struct Key {
    buf: [u8; 64],
    len: usize,
}

impl Key {
    fn new(chars: impl Iterator<Item = char>) -> Option<Key> {
        let mut key = Key { buf: [0; 64], len: 0 };
        for c in chars {
            let n = c.len_utf8();
            let slot = key.buf.get_mut(key.len..key.len + n)?;
            c.encode_utf8(slot);
            key.len += n;
        }
        Some(key)
    }

    /// `word` as [`folded_eq`] reads it: folded, a hyphen as a space.
    fn folded(word: &str) -> Option<Key> {
        if word.is_ascii() {
            return Key::ascii(word, |b| if b == b'-' { b' ' } else { b.to_ascii_lowercase() });
        }
        Key::latin(word).unwrap_or_else(|| Key::new(word.chars().map(|c| if c == '-' { ' ' } else { fold(c) })))
    }

    /// [`Key::folded`] a byte at a time for ASCII, Latin-1 and U+2000..U+203F (spaces, dashes,
    /// quotes), the characters of most words: `None` at any other character, `Some(None)` when
    /// the key does not fit.
    fn latin(word: &str) -> Option<Option<Key>> {
        let mut key = Key { buf: [0; 64], len: 0 };
        let bytes = word.as_bytes();
        let mut n = 0;
        let push = |key: &mut Key, b: &[u8]| -> bool {
            let Some(slot) = key.buf.get_mut(key.len..key.len + b.len()) else { return false };
            slot.copy_from_slice(b);
            key.len += b.len();
            true
        };
        while let Some(&b) = bytes.get(n) {
            let (folded, read): ([u8; 3], usize) = match (b, bytes.get(n + 1).copied(), bytes.get(n + 2).copied()) {
                (b'-', _, _) => ([b' ', 0, 0], 1),
                (b, _, _) if b.is_ascii() => ([b.to_ascii_lowercase(), 0, 0], 1),
                (0xC3, Some(c), _) => match fold_c3(c) {
                    Ok(a) => ([a, 0, 0], 2),
                    Err(c) => ([0xC3, c, 0], 2),
                },
                (0xC2, Some(c), _) => ([0xC2, c, 0], 2),
                // The typographic apostrophe folds to the straight one.
                (0xE2, Some(0x80), Some(0x99)) => ([b'\'', 0, 0], 3),
                (0xE2, Some(0x80), Some(c)) => ([0xE2, 0x80, c], 3),
                _ => return None,
            };
            let width = if folded[0].is_ascii() { 1 } else { read };
            if !push(&mut key, folded.get(..width)?) {
                return Some(None);
            }
            n += read;
        }
        Some(Some(key))
    }

    /// An ASCII word (most words), mapped a byte at a time.
    fn ascii(word: &str, map: impl Fn(u8) -> u8) -> Option<Key> {
        let mut key = Key { buf: [0; 64], len: word.len() };
        let slot = key.buf.get_mut(..word.len())?;
        for (k, b) in slot.iter_mut().zip(word.bytes()) {
            *k = map(b);
        }
        Some(key)
    }

    fn as_str(&self) -> &str {
        self.buf.get(..self.len).and_then(|b| std::str::from_utf8(b).ok()).unwrap_or_default()
    }
}

/// The longest entry of `list` at the start of `i`: bytes read and the entry.
fn first<'l>(list: &'l List, i: &str) -> Option<(usize, &'l str)> {
    let (k, l) = list.finder.first(i, |k| list.entries.get(k).map(String::as_str))?;
    Some((l, list.entries.get(k)?.as_str()))
}

/// The longest entry of `list` at the start of `i`: bytes read and its value.
fn first_pair<'l, T>(list: &'l Pairs<T>, i: &str) -> Option<(usize, &'l T)> {
    let (k, l) = list.finder.first(i, |k| list.entries.get(k).map(|(e, _)| e.as_str()))?;
    Some((l, &list.entries.get(k)?.1))
}

fn folded_eq(word: &str, entry: &str) -> bool {
    word.chars().map(|c| if c == '-' { ' ' } else { fold(c) }).eq(entry.chars())
}

/// Labels keep their accents: "note" (a footnote) is not "noté" ("noté 15 sur 20").
fn lower_eq(word: &str, entry: &str) -> bool {
    word.chars().flat_map(char::to_lowercase).map(|c| if c == '’' { '\'' } else { c }).eq(entry.chars())
}

fn lowered(list: &[String]) -> Vec<String> {
    list.iter().map(|s| s.to_lowercase().replace('’', "'")).filter(|s| !s.is_empty()).collect()
}

fn sorted(list: &[String]) -> List {
    let mut v: Vec<String> = list.iter().map(|s| fold_str(s)).filter(|s| !s.is_empty()).collect();
    v.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    v.dedup();
    List::new(v)
}

fn sorted_pairs<T: Clone>(list: &[(String, T)]) -> Vec<(String, T)> {
    let mut v: Vec<(String, T)> =
        list.iter().map(|(s, t)| (fold_str(s), t.clone())).filter(|(s, _)| !s.is_empty()).collect();
    v.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
    v
}

fn indexed<T: Clone>(list: &[(String, T)]) -> Pairs<T> {
    Pairs::new(sorted_pairs(list))
}

fn folded_values(list: &[(String, String)]) -> Vec<(String, String)> {
    list.iter().map(|(k, v)| (k.clone(), fold_str(v))).collect()
}

fn approx_of(s: &str) -> Option<Approx> {
    Some(match s {
        "about" => Approx::About,
        "at_least" => Approx::AtLeast,
        "at_most" => Approx::AtMost,
        "more_than" => Approx::MoreThan,
        "less_than" => Approx::LessThan,
        _ => return None,
    })
}

/// The `[numbers]` lists, folded and sorted longest first, ready for matching.
#[derive(Debug, Default)]
pub struct Compiled {
    /// French conventions: "3,5" is a decimal and "1.000" a thousand.
    pub decimal_comma: bool,
    /// Adjectives agree with their noun (French).
    pub agreement: bool,
    lone_article_counts: bool,
    words: Pairs<Word>,
    /// Tens words that a unit word may follow glued ("twentyfifth"), sorted longest first,
    /// by lead byte: a prefix of a word, not a word.
    tens: Vec<(String, u64)>,
    tens_lead: LeadIndex,
    small: Pairs<Word>,
    article_one: List,
    lone_fractions: List,
    pub of_words: List,
    per_words: List,
    adjective_numbers: List,
    approx_before: Pairs<Approx>,
    approx_after: Pairs<Approx>,
    minus: List,
    decimal_words: List,
    and_words: List,
    half_after: List,
    percent: List,
    suffixes: Vec<(String, f64)>,
    /// Bit `b` is set when a suffix opens with byte `b`.
    suffix_leads: [u64; 4],
    currencies: Pairs<String>,
    currency_prefixes: Pairs<String>,
    /// Bytes of text after which a digit must stand for a currency prefix to read: the longest
    /// text an entry of `currency_prefixes` may match ([`phrase_reach`]) and a [`gap`].
    currency_reach: usize,
    range_between: Pairs<String>,
    range_from: Pairs<String>,
    range_to: List,
    change_words: List,
    ordinal_suffixes: List,
    roman_suffixes: List,
    /// Lowercase, accents kept (see [`lower_eq`]).
    labels: std::collections::HashSet<String, FxBuild>,
    /// `labels` by their bytes, for ASCII words looked up without building a [`Key`].
    label_table: WordTable<()>,
    streets: List,
    time_after: List,
    not_one_before: List,
    year_before: List,
    pub anaphoric: List,
    pub invariant: List,
    /// Nouns the plural rules do not apply to, folded: invariant ones (`None`) and irregular
    /// plurals with their singular; the first of equal irregular entries wins, an invariant
    /// entry wins over them. The value is the index of the irregular entry in `irregular_list`,
    /// [`INVARIANT`] for an invariant noun.
    nouns: WordTable<usize>,
    irregular_list: Vec<(String, String)>,
    pub stop_words: List,
    pub list_and: List,
    pub list_open: List,
    pub total_markers: List,
    pub part_join: List,
    pub period_nouns: List,
    pub dimension_nouns: List,
    pub part_whole: List,
    pub articles: List,
    /// `share_connectors` folded char by char ([`fold`]), in the lexicon's order.
    pub share_connectors: Vec<String>,
    /// The first words of entries, with the [`heads`] bits of their lists ([`Compiled::heads_at`]).
    heads: WordTable<u32>,
    /// No first word is too long for [`WordTable`]: a word missing from `heads` opens no entry.
    heads_exact: bool,
    /// By the lead byte of a text ([`lead`]), the [`heads`] bits of the lists with an entry that
    /// may open there; [`heads::BY_LEAD`] bits only, the others always set.
    lead_heads: Vec<u32>,
}

/// [`Compiled::label_table`]: the lowered labels by their bytes.
fn labels_table(labels: &[String]) -> WordTable<()> {
    let mut table = WordTable::default();
    for l in labels {
        table.insert(l, (), |(), ()| ());
    }
    table
}

/// The value of an invariant noun in [`Compiled::nouns`].
const INVARIANT: usize = usize::MAX;

/// [`Compiled::nouns`]: the first irregular entry of a plural, or [`INVARIANT`] when the noun is
/// invariant too.
fn nouns(irregular: &[(String, String)], invariant: &List) -> WordTable<usize> {
    let mut table = WordTable::default();
    for (k, (plural, _)) in irregular.iter().enumerate() {
        table.insert(plural, k, |first, _| first);
    }
    for noun in invariant.iter() {
        table.insert(noun, INVARIANT, |_, invariant| invariant);
    }
    table
}

/// Bits of [`Compiled::heads_at`]: the lists of which an entry may open a text.
mod heads {
    /// "entre", "between".
    pub const BETWEEN: u32 = 1;
    /// "environ", "plus de", "about".
    pub const APPROX: u32 = 1 << 1;
    /// "moins", "minus".
    pub const MINUS: u32 = 1 << 2;
    /// "EUR", "US$".
    pub const CURRENCY: u32 = 1 << 3;
    /// A number word ([`super::Compiled::word_at`]).
    pub const WORD: u32 = 1 << 4;
    /// A word that may continue a number after an article: a number word, "et"/"and", "et
    /// demi", "sur"/"of".
    pub const FOLLOW: u32 = 1 << 5;
    /// An article that is also a number word ("un", "a"): a one-word entry of `article_one`
    /// that [`super::Compiled::word_at`] reads alone as a cardinal.
    pub const ARTICLE: u32 = 1 << 6;
    // The lists read after a value, on the word that follows it.
    /// Any entry of `article_one` ([`super::Compiled::article_one_at`]).
    pub const ARTICLE_ONE: u32 = 1 << 7;
    /// "h", "pm": `time_after`.
    pub const TIME: u32 = 1 << 8;
    /// "rue", "street": `streets`.
    pub const STREET: u32 = 1 << 9;
    /// "pour cent", "percent": `percent`.
    pub const PERCENT: u32 = 1 << 10;
    /// "euros", "dollars": `currencies`.
    pub const UNIT: u32 = 1 << 11;
    /// "de", "of": `of_words`.
    pub const OF: u32 = 1 << 12;
    /// "à", "to": `range_to`.
    pub const RANGE_TO: u32 = 1 << 13;
    /// "environ", "or so": `approx_after`.
    pub const APPROX_AFTER: u32 = 1 << 14;
    /// "et demi", "and a half": `half_after`.
    pub const HALF: u32 = 1 << 15;
    /// What a text that opens with no letter gets: every list may match.
    pub const ALL: u32 = u32::MAX;
    /// The bits [`super::Compiled::next_heads`] tells by the lead byte of a text that opens with
    /// no letter: the lists read after a value, and currency prefixes.
    pub const BY_LEAD: u32 =
        CURRENCY | WORD | ARTICLE_ONE | TIME | STREET | PERCENT | UNIT | OF | RANGE_TO | APPROX_AFTER | HALF;
}

impl Compiled {
    pub fn new(lex: &NumberLexicon) -> Compiled {
        let mut words: Vec<(String, Word)> = Vec::new();
        words.extend(lex.cardinals.iter().map(|(w, v)| (w.clone(), Word::Card(*v))));
        for (w, v) in &lex.ordinals {
            words.push((w.clone(), Word::Ord(*v, false)));
            if !w.ends_with('s') {
                words.push((format!("{w}s"), Word::Ord(*v, true)));
            }
        }
        words.extend(lex.fractions.iter().map(|(w, v)| (w.clone(), Word::Frac(*v))));
        words.extend(lex.multipliers.iter().map(|(w, v)| (w.clone(), Word::Mult(*v))));
        words.extend(lex.approx_counts.iter().map(|(w, v)| (w.clone(), Word::ApproxCount(*v))));
        let words = sorted_pairs(&words);
        let tens = sorted_pairs(
            &lex.cardinals
                .iter()
                .filter(|(w, v)| (20..100).contains(v) && !w.contains(' '))
                .cloned()
                .collect::<Vec<_>>(),
        );
        let small: Vec<(String, Word)> = words
            .iter()
            .filter(|(w, word)| !w.contains(' ') && matches!(word, Word::Card(1..=9) | Word::Ord(1..=9, false)))
            .cloned()
            .collect();
        let tens_lead = LeadIndex::new(tens.iter().map(|(e, _)| e.as_str()).enumerate());
        let (small, words) = (Pairs::new(small), Pairs::new(words));
        let irregular = sorted_pairs(&lex.irregular);
        let mut suffixes: Vec<(String, f64)> = lex.suffixes.iter().map(|(s, v)| (s.clone(), *v as f64)).collect();
        suffixes.sort_by_key(|s| std::cmp::Reverse(s.0.len()));
        let approx = |l: &[(String, String)]| -> Pairs<Approx> {
            indexed(&l.iter().filter_map(|(w, a)| Some((w.clone(), approx_of(a)?))).collect::<Vec<_>>())
        };
        let invariant = sorted(&lex.invariant);
        let mut compiled = Compiled {
            decimal_comma: lex.decimal_mark == ",",
            agreement: lex.adjectives_agree,
            lone_article_counts: lex.lone_article_counts,
            words,
            tens,
            tens_lead,
            small,
            article_one: sorted(&lex.article_one),
            lone_fractions: sorted(&lex.lone_fractions),
            of_words: sorted(&lex.of_words),
            per_words: sorted(&lex.per_words),
            adjective_numbers: sorted(&lex.adjective_numbers),
            approx_before: approx(&lex.approx_before),
            approx_after: approx(&lex.approx_after),
            minus: sorted(&lex.minus),
            decimal_words: sorted(&lex.decimal_words),
            and_words: sorted(&lex.and_words),
            half_after: sorted(&lex.half_after),
            percent: sorted(&lex.percent),
            suffix_leads: suffixes.iter().filter_map(|(s, _)| s.as_bytes().first()).fold([0; 4], |mut bits, &b| {
                bits[usize::from(b / 64)] |= 1 << (b % 64);
                bits
            }),
            suffixes,
            // Currency codes are matched as written: "EUR" yes, "eur" is a word of some language.
            currencies: indexed(&lex.currencies),
            currency_prefixes: indexed(&lex.currency_prefixes),
            currency_reach: lex.currency_prefixes.iter().map(|(e, _)| phrase_reach(&fold_str(e))).max().unwrap_or(0)
                + GAP_BYTES,
            range_between: indexed(&folded_values(&lex.range_between)),
            range_from: indexed(&folded_values(&lex.range_from)),
            range_to: sorted(&lex.range_to),
            change_words: sorted(&lex.change_words),
            ordinal_suffixes: sorted(&lex.ordinal_suffixes),
            roman_suffixes: sorted(&lex.roman_suffixes),
            label_table: labels_table(&lowered(&lex.labels)),
            labels: lowered(&lex.labels).into_iter().collect(),
            streets: sorted(&lex.streets),
            time_after: sorted(&lex.time_after),
            not_one_before: sorted(&lex.not_one_before),
            year_before: sorted(&lex.year_before),
            anaphoric: sorted(&lex.anaphoric),
            nouns: nouns(&irregular, &invariant),
            invariant,
            irregular_list: irregular,
            stop_words: sorted(&lex.stop_words),
            list_and: sorted(&lex.list_and),
            list_open: sorted(&lex.list_open),
            total_markers: sorted(&lex.total_markers),
            part_join: sorted(&lex.part_join),
            period_nouns: sorted(&lex.period_nouns),
            dimension_nouns: sorted(&lex.dimension_nouns),
            part_whole: sorted(&lex.part_whole),
            articles: sorted(&lex.articles),
            share_connectors: lex.share_connectors.iter().map(|c| c.chars().map(fold).collect()).collect(),
            heads: WordTable::default(),
            heads_exact: true,
            lead_heads: Vec::new(),
        };
        compiled.index_heads();
        compiled
    }

    /// Fills [`Compiled::heads`]: the first word of each entry of the lists a quantity may open
    /// with, and of those that may follow an article in a number.
    fn index_heads(&mut self) {
        let mut table = WordTable::default();
        let mut exact = true;
        // The first word of `entry` gets `bits`; false when it is too long for the table.
        let mut add = |entry: &str, bits: u32| {
            let len = entry.char_indices().find(|&(_, c)| !c.is_alphanumeric()).map_or(entry.len(), |(k, _)| k);
            let word = entry.get(..len).unwrap_or_default();
            if !word.is_empty() && word.len() < 64 {
                table.insert(word, bits, |a, b| a | b);
            }
            word.len() < 64
        };
        for (e, _) in self.range_between.iter() {
            exact &= add(e, heads::BETWEEN);
        }
        for (e, _) in self.approx_before.iter() {
            exact &= add(e, heads::APPROX);
        }
        for e in self.minus.iter() {
            exact &= add(e, heads::MINUS);
        }
        for (e, _) in self.currency_prefixes.iter() {
            exact &= add(e, heads::CURRENCY);
        }
        for (e, _) in self.words.iter() {
            exact &= add(e, heads::WORD | heads::FOLLOW);
            // The other words of an entry ("un demi"), so that an article before one of them
            // is never taken for an article alone.
            for (k, sep) in e.match_indices(|c: char| !c.is_alphanumeric()) {
                exact &= add(e.get(k + sep.len()..).unwrap_or_default(), heads::FOLLOW);
            }
        }
        for a in self.article_one.iter().filter(|a| one_word(a)) {
            let card = self.words.finder.word(a).and_then(|(k, _)| self.words.get(k));
            if matches!(card, Some((_, Word::Card(_)))) {
                exact &= add(a, heads::ARTICLE);
            }
        }
        // A tens word glued to a unit ("twentyfifth") is one word; a tens word of several
        // ("quatre vingt") opens with its first.
        for (t, _) in &self.tens {
            if !one_word(t) {
                exact &= add(t, heads::WORD | heads::FOLLOW);
                continue;
            }
            let mut glued = t.clone();
            for (u, _) in self.small.iter() {
                glued.truncate(t.len());
                glued.push_str(u);
                exact &= one_word(u) && add(&glued, heads::WORD | heads::FOLLOW);
            }
        }
        for list in [&self.and_words, &self.half_after, &self.part_whole] {
            for e in list.iter() {
                exact &= add(e, heads::FOLLOW);
            }
        }
        let after = self.after_value_lists();
        for (list, bits) in after {
            for e in list.iter() {
                exact &= add(e, bits);
            }
        }
        for (e, _) in self.currencies.iter() {
            exact &= add(e, heads::UNIT);
        }
        for (e, _) in self.approx_after.iter() {
            exact &= add(e, heads::APPROX_AFTER);
        }
        self.heads = table;
        self.heads_exact = exact;
        self.index_lead_heads();
    }

    /// The lists read in the word after a value, each with its bit in [`Compiled::heads`].
    fn after_value_lists(&self) -> [(&List, u32); 7] {
        [
            (&self.time_after, heads::TIME),
            (&self.streets, heads::STREET),
            (&self.percent, heads::PERCENT),
            (&self.of_words, heads::OF),
            (&self.range_to, heads::RANGE_TO),
            (&self.half_after, heads::HALF),
            (&self.article_one, heads::ARTICLE_ONE),
        ]
    }

    /// Fills [`Compiled::lead_heads`]: an entry may open a text at its own first byte, or at
    /// any when it opens with a space (any SEP), as [`LeadIndex`] files it.
    fn index_lead_heads(&mut self) {
        let mut by_lead = vec![heads::ALL & !heads::BY_LEAD; 256];
        let mut add = |entry: &str, bits: u32| match entry.as_bytes().first() {
            Some(b' ') | None => by_lead.iter_mut().for_each(|b| *b |= bits),
            Some(&b) => {
                if let Some(slot) = by_lead.get_mut(usize::from(b)) {
                    *slot |= bits;
                }
            }
        };
        let lists = self.after_value_lists();
        for (list, bits) in lists {
            list.iter().for_each(|e| add(e, bits));
        }
        let pairs: [(&Pairs<String>, u32); 2] =
            [(&self.currencies, heads::UNIT), (&self.currency_prefixes, heads::CURRENCY)];
        for (list, bits) in pairs {
            list.iter().for_each(|(e, _)| add(e, bits));
        }
        self.approx_after.iter().for_each(|(e, _)| add(e, heads::APPROX_AFTER));
        // [`Compiled::word_at`] reads the number words, then tens words glued to a unit.
        self.words.iter().for_each(|(e, _)| add(e, heads::WORD));
        self.tens.iter().for_each(|(e, _)| add(e, heads::WORD));
        self.lead_heads = by_lead;
    }

    fn mark(&self) -> Mark {
        if self.decimal_comma {
            Mark::Comma
        } else {
            Mark::Point
        }
    }

    /// WORD := a number word of the lexicon, or (English) a tens word glued to a unit word:
    /// "twentyfifth". Bytes read and the word.
    pub fn word_at(&self, i: &str) -> Option<(usize, Word)> {
        if let Some((l, w)) = first_pair(&self.words, i) {
            return Some((l, *w));
        }
        let (tl, t) = self.tens_at(i)?;
        let (ul, u) = first_pair(&self.small, i.get(tl..)?)?;
        match *u {
            Word::Card(v) => Some((tl + ul, Word::Card(t + v))),
            Word::Ord(v, p) => Some((tl + ul, Word::Ord(t + v, p))),
            _ => None,
        }
    }

    /// The tens word that opens `i` as a prefix, glued to what follows or not: bytes and value.
    fn tens_at(&self, i: &str) -> Option<(usize, u64)> {
        let tens = self.tens_lead.at(i).iter().filter_map(|&k| self.tens.get(k));
        tens.into_iter().find_map(|(e, v)| {
            let mut pos = 0;
            for ec in e.chars() {
                let c = i.get(pos..)?.chars().next()?;
                if fold(c) != ec {
                    return None;
                }
                pos += c.len_utf8();
            }
            Some((pos, *v))
        })
    }

    /// Which lists may have an entry at the start of `i` ([`heads`] bits): looked up by the
    /// word that opens `i` when it opens with a letter; [`heads::ALL`] otherwise.
    fn heads_at(&self, i: &str) -> u32 {
        let letter = match i.as_bytes() {
            [b, ..] if b.is_ascii() => b.is_ascii_alphabetic(),
            // A Latin-1 letter (not × or ÷).
            [0xC3, c, ..] => !matches!(c, 0x97 | 0xB7),
            _ => i.chars().next().is_some_and(char::is_alphabetic),
        };
        if !self.heads_exact || !letter {
            return heads::ALL;
        }
        self.heads.get(i).map_or(0, |(b, _)| b)
    }

    /// The [`Compiled::heads_at`] bits of any text that opens with `word` (a lexicon word, as
    /// the prefilter lists it) in any ASCII case, then no letter or digit: they depend on the
    /// word's first letters and digits only, folded.
    pub fn word_heads(&self, word: &str) -> u32 {
        self.heads_at(word)
    }

    /// [`Compiled::heads_at`] for the text after a value: when it opens with no letter, the
    /// [`heads::BY_LEAD`] bits are those of its lead byte rather than all.
    fn next_heads(&self, i: &str) -> u32 {
        match self.heads_at(i) {
            heads::ALL => self.lead_heads_at(i) | !heads::BY_LEAD,
            bits => bits,
        }
    }

    /// The [`Compiled::lead_heads`] of `i`: 0 when it is empty (no entry matches there).
    fn lead_heads_at(&self, i: &str) -> u32 {
        lead(i).and_then(|b| self.lead_heads.get(usize::from(b))).copied().unwrap_or(0)
    }

    pub fn is_article_one(&self, word: &str) -> bool {
        self.article_one.iter().any(|a| folded_eq(word, a))
    }
    pub fn article_one_at(&self, i: &str) -> Option<usize> {
        first(&self.article_one, i).map(|(l, _)| l)
    }
    pub fn lone_fraction_ok(&self, word: &str) -> bool {
        self.lone_fractions.iter().any(|a| folded_eq(word, a))
    }
    pub fn and_word_at(&self, i: &str) -> Option<usize> {
        first(&self.and_words, i).map(|(l, _)| l)
    }
    pub fn half_after_at(&self, i: &str) -> Option<usize> {
        first(&self.half_after, i).map(|(l, _)| l)
    }
    pub fn decimal_word_at(&self, i: &str) -> Option<usize> {
        first(&self.decimal_words, i).map(|(l, _)| l)
    }
    /// Whether `word` (as written) is in `list` (folded): [`folded_eq`] to one of its entries.
    pub fn is_in(list: &List, word: &str) -> bool {
        let members = &list.members;
        let bytes = word.as_bytes();
        let map = |b: u8| if b == b'-' { b' ' } else { b.to_ascii_lowercase() };
        if word.is_ascii() && bytes.len() < 64 {
            // Cheap refusals first: no entry is as long or opens with this letter.
            let head = bytes.first().map_or(0, |&b| usize::from(map(b)));
            let headed = members.heads.get(head / 64).is_some_and(|bits| bits & (1 << (head % 64)) != 0);
            if !members.has_len(bytes.len()) || !headed {
                return false;
            }
            if bytes.len() <= 16 {
                let key = bytes.iter().rev().fold(0u128, |key, &b| (key << 8) | u128::from(map(b)));
                return members.short.contains_key(&key);
            }
        } else {
            // A word of letters and digits (no hyphen) is its key as [`latin_key`] folds it.
            let mut buf = [0u8; 16];
            if let Some((k, n)) = latin_key(bytes, &mut buf).filter(|&(_, n)| n == bytes.len()) {
                return n > 0 && members.has_len(k) && members.short.contains_key(&u128::from_le_bytes(buf));
            }
        }
        match Key::folded(word) {
            Some(key) => key.buf.get(..key.len).is_some_and(|k| members.value(k).is_some()),
            None => list.iter().any(|e| folded_eq(word, e)),
        }
    }
    /// What the lexicon says of the singular of `word`, in one look-up: `Some(None)` for an
    /// invariant noun ("pays"), `Some(Some(s))` for an irregular plural ("chevaux" → "cheval",
    /// the first entry [`folded_eq`] to `word`), `None` when the plural rules apply.
    pub fn singular_of(&self, word: &str) -> Option<Option<&str>> {
        let nouns = &self.nouns;
        if word.is_ascii() && word.len() <= 16 {
            // The folded key of an ASCII word is its bytes mapped one by one ([`Key::folded`]):
            // refused at once when no noun is as long or opens with that byte.
            let map = |b: u8| if b == b'-' { b' ' } else { b.to_ascii_lowercase() };
            let head = word.as_bytes().first().map_or(0, |&b| usize::from(map(b)));
            let headed = nouns.heads.get(head / 64).is_some_and(|bits| bits & (1 << (head % 64)) != 0);
            if !nouns.has_len(word.len()) || !headed {
                return None;
            }
            let key = word.bytes().rev().fold(0u128, |key, b| (key << 8) | u128::from(map(b)));
            return self.singular_entry(*nouns.short.get(&key)?);
        }
        // A word of letters and digits (no hyphen) is its key as [`latin_key`] folds it, as in
        // [`Compiled::is_in`]: most accented nouns ("années", "électeurs").
        let mut buf = [0u8; 16];
        if let Some((k, _)) = latin_key(word.as_bytes(), &mut buf).filter(|&(_, n)| n == word.len()) {
            if !nouns.has_len(k) {
                return None;
            }
            return self.singular_entry(*nouns.short.get(&u128::from_le_bytes(buf))?);
        }
        match Key::folded(word) {
            Some(key) => self.singular_entry(self.nouns.value(key.buf.get(..key.len)?)?),
            None if Compiled::is_in(&self.invariant, word) => Some(None),
            None => self.irregular_list.iter().find(|(p, _)| folded_eq(word, p)).map(|(_, s)| Some(s.as_str())),
        }
    }
    /// What the nouns table's entry `k` says of a singular (see [`Compiled::singular_of`]).
    fn singular_entry(&self, k: usize) -> Option<Option<&str>> {
        match k {
            INVARIANT => Some(None),
            k => Some(Some(self.irregular_list.get(k)?.1.as_str())),
        }
    }

    /// Labels keep their accents: [`lower_eq`] to one of them.
    fn is_label(&self, word: &str) -> bool {
        let table = &self.label_table;
        if word.is_ascii() && word.len() <= 16 {
            // The word's bytes in lower case are the label's: one look-up, refused at once when
            // no label is as long or opens with this byte.
            let head = word.as_bytes().first().map_or(0, |&b| usize::from(b.to_ascii_lowercase()));
            let headed = table.heads.get(head / 64).is_some_and(|bits| bits & (1 << (head % 64)) != 0);
            if !table.has_len(word.len()) || !headed {
                return false;
            }
            let key = word.bytes().rev().fold(0u128, |key, b| (key << 8) | u128::from(b.to_ascii_lowercase()));
            return table.short.contains_key(&key);
        }
        let key = if word.is_ascii() {
            Key::ascii(word, |b| b.to_ascii_lowercase())
        } else {
            Key::new(word.chars().flat_map(char::to_lowercase).map(|c| if c == '’' { '\'' } else { c }))
        };
        match key {
            Some(key) => self.labels.contains(key.as_str()),
            None => self.labels.iter().any(|e| lower_eq(word, e)),
        }
    }
    /// The longest entry of `list` at the start of `i`: bytes read.
    pub fn starts_with(list: &List, i: &str) -> Option<usize> {
        first(list, i).map(|(l, _)| l)
    }
}

/// What a value is.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `countable`: a noun phrase after it may be what it counts (not for a year after "en").
    Number {
        value: f64,
        form: super::number::Form,
        countable: bool,
    },
    Percent(f64),
    Ordinal {
        value: i64,
        roman: bool,
    },
    Money {
        value: f64,
        currency: String,
    },
    Range {
        low: f64,
        high: f64,
        unit: RangeUnit,
    },
}

/// A quantity read at run-text bytes `start..end`.
#[derive(Clone, Debug, PartialEq)]
pub struct Quantity {
    pub start: usize,
    pub end: usize,
    pub value: Value,
    pub approx: Option<Approx>,
}

/// The outcome of reading at a candidate.
#[derive(Clone, Debug, PartialEq)]
pub enum Read {
    Found(Quantity),
    /// Not a quantity, and nothing before this byte is one either ("COVID-19", "14h30").
    Skip(usize),
    Nothing,
}

/// A bare value before its unit.
#[derive(Clone, Copy, Debug)]
struct Bare {
    value: f64,
    end: usize,
    kind: WordKind,
    form: super::number::Form,
    /// A scale word or suffix ends it ("3 millions", "10k").
    scaled: bool,
    approx: bool,
    year_like: bool,
    /// Written in digits (ranges with "-" need digits on both sides).
    digits: bool,
    ordinal_roman: bool,
    /// The [`Compiled::next_heads`] bits of the text after the spaces after byte `.0`, when
    /// known.
    next: Option<(usize, u32)>,
}

enum BareRead {
    Bare(Bare),
    Skip(usize),
    Nothing,
}

fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at)?.chars().next_back()
}

/// The word before byte `at` (skipping spaces): its start and text. A word here may hold
/// apostrophes, points and "°" ("n°", "p.", "l'").
fn word_before(text: &str, at: usize) -> Option<(usize, &str)> {
    let head = text.get(..at)?;
    let trimmed = head.trim_end_matches(is_space);
    let end = trimmed.len();
    let bytes = trimmed.as_bytes();
    let mut start = end;
    while let Some(&b) = start.checked_sub(1).and_then(|k| bytes.get(k)) {
        // ASCII a byte at a time; other characters decoded.
        if b.is_ascii() {
            if !(b.is_ascii_alphanumeric() || matches!(b, b'\'' | b'.' | b'#' | b'-')) {
                break;
            }
            start -= 1;
            continue;
        }
        let Some(c) = trimmed.get(..start).and_then(|h| h.chars().next_back()) else { break };
        if !(c.is_alphanumeric() || matches!(c, '’' | '°' | 'º')) {
            break;
        }
        start -= c.len_utf8();
    }
    if start == end {
        return None;
    }
    Some((start, text.get(start..end)?))
}

/// The end of the identifier-like run starting at `at`: letters, digits and inner . - / : ,
fn chain_end(text: &str, at: usize) -> usize {
    let mut end = at;
    let mut it = text.get(at..).unwrap_or_default().char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let inner =
            matches!(c, '.' | '-' | '/' | ':' | ',' | '_') && it.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || inner {
            end = at + i + c.len_utf8();
        } else {
            break;
        }
    }
    end
}

/// "Boeing 737", "France 2", "COP 21": a capitalized word before the number, not opening a
/// sentence and not a lexicon word, names a thing; the number is part of that name.
/// `before` is the word before `at` ([`word_before`]).
fn after_proper_noun(lex: &Compiled, text: &str, before: Option<(usize, &str)>) -> bool {
    let Some((start, word)) = before else { return false };
    if word.ends_with('.') || !word.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let opens_sentence = match text.get(..start).map(|h| h.trim_end_matches(is_space)) {
        None | Some("") => true,
        Some(h) => h.ends_with(['.', '!', '?', ':', ';', '«', '"', '(', '\n', '—', '–', '“', '*', '#', '>']),
    };
    if opens_sentence {
        return false;
    }
    let lexicon_word = lex.word_at(word).is_some()
        || first_pair(&lex.approx_before, word).is_some()
        || Compiled::is_in(&lex.year_before, word)
        || first_pair(&lex.range_between, word).is_some()
        || first_pair(&lex.currency_prefixes, word).is_some();
    // A word in capitals ("EUR", "PIB") is not a product name either.
    let all_caps = word.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) && word.chars().count() > 1;
    !lexicon_word && !all_caps
}

/// Identifiers that a digit candidate may open or belong to: bytes to skip to, if any.
fn identifier(lex: &Compiled, text: &str, at: usize) -> Option<usize> {
    // Inside a URL the source reader left in the prose: "?q=30%25".
    let token_start = text.get(..at)?.rfind(is_space).map_or(0, |i| i + 1);
    let token_end = text.get(at..)?.find(is_space).map_or(text.len(), |i| at + i);
    let token = text.get(token_start..token_end)?;
    if (token.contains(':') && token.contains("://")) || token.starts_with("www.") {
        return Some(token_end);
    }
    let prev = char_before(text, at);
    let prev2 = prev.and_then(|p| char_before(text, at - p.len_utf8()));
    // "COVID-19", "SCP-173", "A-4"; "^12", "#3", "[12]"
    let code = matches!(prev, Some('-' | '‑' | '_' | '/' | '.')) && prev2.is_some_and(char::is_alphabetic);
    let marker = matches!(prev, Some('^' | '#' | '§' | '@'));
    let footnote = prev == Some('[')
        && text.get(at..).is_some_and(|r| r.trim_start_matches(|c: char| c.is_ascii_digit()).starts_with(']'));
    if code || marker || footnote {
        return Some(chain_end(text, at));
    }
    let before = word_before(text, at);
    if let Some((_, w)) = before {
        // "l'article 49.3": the label after its elided article.
        let w = w
            .rfind(['\'', '’'])
            .and_then(|i| w.get(i + w[i..].chars().next().map_or(1, char::len_utf8)..))
            .unwrap_or(w);
        if lex.is_label(w) {
            return Some(chain_end(text, at));
        }
    }
    if after_proper_noun(lex, text, before) {
        return Some(chain_end(text, at));
    }
    None
}

/// "01 23 45 67 89", "+33 6 12 34 56 78", "555-123-4567", "192.168.1.2", "2024-11-05": a run
/// of digit groups that no number reading explains. Bytes to skip to.
fn phone_or_dotted(text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let group = |from: usize| bytes.get(from..).map_or(0, |b| b.iter().take_while(|c| c.is_ascii_digit()).count());
    let plus = char_before(text, at) == Some('+');
    let mut pos = at;
    // The groups and separators, counted as read (no list: this runs at every digit candidate).
    let (mut groups, mut pairs, mut short) = (0, 0, true);
    let (mut first_sep, mut one_sep, mut spaced) = (None, true, false);
    loop {
        let n = group(pos);
        if n == 0 {
            break;
        }
        groups += 1;
        pairs += usize::from(n == 2);
        short &= n <= 2;
        pos += n;
        match bytes.get(pos) {
            Some(&s @ (b'.' | b'-' | b'/' | b' ')) if bytes.get(pos + 1).is_some_and(u8::is_ascii_digit) => {
                one_sep &= first_sep.is_none_or(|f| f == s);
                first_sep = first_sep.or(Some(s));
                spaced |= s == b' ';
                pos += 1;
            }
            _ => break,
        }
    }
    let end = pos;
    if groups < 2 {
        return None;
    }
    let spaced_phone = one_sep && first_sep == Some(b' ') && pairs >= 4 && short;
    let plus_phone = plus;
    // Three groups joined by "." or "-" (not a thousands grouping, checked by the caller's
    // number parser first) are versions, addresses, dates or phone numbers.
    let dotted = groups >= 3 && one_sep && matches!(first_sep, Some(b'.' | b'-' | b'/'));
    let mixed = !one_sep && !spaced;
    (spaced_phone || plus_phone || dotted || mixed).then_some(end)
}

/// Reads a value (digits or words) at `at`: its end and what it is, or why it is skipped.
fn bare(lex: &Compiled, text: &str, at: usize) -> BareRead {
    bare_in(lex, text, at, false)
}

/// `money`: after a currency symbol, where "m" means million ("$5m").
fn bare_in(lex: &Compiled, text: &str, at: usize, money: bool) -> BareRead {
    let Some(tail) = text.get(at..) else { return BareRead::Nothing };
    let first = tail.chars().next();
    if first.is_some_and(|c| c.is_ascii_digit()) {
        return bare_digits(lex, text, at, tail, money);
    }
    if let Some(c) = first {
        if let Some(&(_, v)) = VULGAR.iter().find(|(f, _)| *f == c) {
            return BareRead::Bare(Bare {
                value: v,
                end: at + c.len_utf8(),
                kind: WordKind::Fraction,
                form: super::number::Form::Fraction,
                scaled: false,
                approx: false,
                year_like: false,
                digits: false,
                ordinal_roman: false,
                next: None,
            });
        }
        if c.is_ascii_uppercase() {
            if let Some(b) = roman_ordinal(lex, text, at) {
                return BareRead::Bare(b);
            }
        }
    }
    bare_words(lex, text, at, tail)
}

// ROMAN_ORDINAL := [IVX]+ ROMAN_SUFFIX END, a canonical numeral: "XXIe", "IIe", "Ier"
fn roman_ordinal(lex: &Compiled, text: &str, at: usize) -> Option<Bare> {
    let tail = text.get(at..)?;
    let letters = tail.bytes().take_while(|b| matches!(b, b'I' | b'V' | b'X')).count();
    let numeral = tail.get(..letters)?;
    let value = (1..=39).find(|&n| roman(n) == numeral)?;
    let (sl, _) = first(&lex.roman_suffixes, tail.get(letters..)?)?;
    Some(Bare {
        value: f64::from(value),
        end: at + letters + sl,
        kind: WordKind::Ordinal,
        form: super::number::Form::Digits,
        scaled: false,
        approx: false,
        year_like: false,
        digits: false,
        ordinal_roman: true,
        next: None,
    })
}

fn bare_digits(lex: &Compiled, text: &str, at: usize, tail: &str, money: bool) -> BareRead {
    use super::number::Form;
    if let Some(end) = identifier(lex, text, at) {
        return BareRead::Skip(end);
    }
    let Ok((rest, d)) = number_digits::number(lex.mark(), tail) else {
        // An absurd digit run: skip it whole.
        let n = tail.bytes().take_while(u8::is_ascii_digit).count();
        return BareRead::Skip(at + n);
    };
    let mut end = at + d.len;
    // What the number parser left: "2022.123", "1.2.3", "192.168.1.2".
    if (rest.starts_with('.') || rest.starts_with(':')) && rest[1..].starts_with(|c: char| c.is_ascii_digit()) {
        return BareRead::Skip(chain_end(text, at));
    }
    if let Some(end) = phone_or_dotted(text, at).filter(|&e| e > end) {
        return BareRead::Skip(end);
    }
    let mut value = d.value;
    let mut scaled = false;
    let mut kind = WordKind::Cardinal;
    if rest.starts_with(char::is_alphabetic) {
        // "1er", "21st" (not "1,5e"); "10k", "2.3bn"; anything else glued is a unit or a code.
        let ord = if d.integer && !d.grouped { first(&lex.ordinal_suffixes, rest) } else { None };
        if let Some((l, _)) = ord {
            end += l;
            kind = WordKind::Ordinal;
        } else if let Some((l, s)) = lex.suffixes.iter().find_map(|(s, v)| suffix(s, rest).map(|l| (l, *v))) {
            value *= s;
            end += l;
            scaled = true;
        } else if let Some(l) = suffix("m", rest).filter(|_| money) {
            value *= 1e6;
            end += l;
            scaled = true;
        } else if currency_glued(lex, rest).is_none() {
            return BareRead::Skip(chain_end(text, at));
        }
    }
    let year_like = kind == WordKind::Cardinal
        && !scaled
        && d.integer
        && !d.grouped
        && d.lead_digits == 4
        && (1000.0..=2100.0).contains(&value);
    let mut form = Form::Digits;
    let mut next_heads = None;
    if kind == WordKind::Cardinal && !scaled {
        // "1,5 million", "3 millions", "322 hundred", "3 douzaines", "3 millions et demi"
        let hundred = !lex.decimal_comma;
        // The word after the spaces is read once for a scale and a multiplier, unless a hyphen
        // or an article ("half a million") puts the scale elsewhere.
        // The word after the spaces is looked up once for the lists that may open there.
        let rest = text.get(end..).unwrap_or_default();
        let g = gap(rest);
        let nb = lex.next_heads(rest.get(g..).unwrap_or_default());
        next_heads = Some((end, nb));
        let after = rest.get(g..).filter(|_| g > 0);
        let next = after.filter(|_| nb & heads::WORD != 0).and_then(|r| lex.word_at(r));
        let sep = word_sep(rest);
        let plain_sep = g > 0
            && sep == Some(g)
            && after.is_some_and(|r| nb & heads::ARTICLE_ONE == 0 || lex.article_one_at(r).is_none());
        let scale = if plain_sep {
            match next {
                Some((l, Word::Card(v))) if v >= 1000 || (hundred && v == 100) => Some((g + l, v as f64)),
                _ => None,
            }
        } else {
            number_words::scale_after(lex, text, end, hundred)
        };
        let multiplier = match next {
            Some((l, Word::Mult(m))) => Some((g + l, m as f64)),
            _ => None,
        };
        if let Some((l, s)) = scale {
            if s != 100.0 || d.integer {
                value *= s;
                end += l;
                scaled = true;
                form = Form::Words;
                if let Some(hl) = half(lex, text, end) {
                    value += 0.5 * s;
                    end += hl;
                }
            }
        } else if let Some((l, m)) = multiplier {
            value *= m;
            end += l;
            form = Form::Words;
        } else if let Some(hl) = if plain_sep { half_at(lex, after, g, nb) } else { half(lex, text, end) } {
            value += 0.5;
            end += hl;
        }
    }
    BareRead::Bare(Bare {
        value,
        end,
        kind,
        form,
        scaled,
        approx: false,
        year_like: year_like && !scaled,
        digits: true,
        ordinal_roman: false,
        next: next_heads,
    })
}

/// A case-sensitive suffix glued to digits, ending a word.
fn suffix(s: &str, rest: &str) -> Option<usize> {
    let after = rest.strip_prefix(s)?;
    (!after.starts_with(char::is_alphanumeric)).then_some(s.len())
}

/// A currency glued to the digits: "20€", "10$", "3.14US$".
fn currency_glued(lex: &Compiled, rest: &str) -> Option<usize> {
    first_pair(&lex.currencies, rest).map(|(l, _)| l)
}

fn half(lex: &Compiled, text: &str, end: usize) -> Option<usize> {
    let rest = text.get(end..)?;
    let sep = word_sep(rest)?;
    Some(sep + lex.half_after_at(rest.get(sep..)?)?)
}

/// [`half`] where the separator is `sep` bytes and `after` the text after it, with its
/// [`Compiled::heads_at`] bits `nb`.
fn half_at(lex: &Compiled, after: Option<&str>, sep: usize, nb: u32) -> Option<usize> {
    if nb & heads::HALF == 0 {
        return None;
    }
    Some(sep + lex.half_after_at(after?)?)
}

fn bare_words(lex: &Compiled, text: &str, at: usize, tail: &str) -> BareRead {
    use super::number::Form;
    let Some(w) = number_words::parse(lex, tail) else { return BareRead::Nothing };
    let end = at + w.len;
    let before = word_before(text, at).map(|(_, w)| w);
    let first_word_len = tail.find(|c: char| !c.is_alphanumeric()).unwrap_or(tail.len());
    let first_word = tail.get(..first_word_len).unwrap_or_default();
    if w.article_only && !article_counts(lex, text, end) {
        return BareRead::Nothing;
    }
    // "the one", "no one", "chaque un"
    if w.kind == WordKind::Cardinal
        && w.words == 1
        && w.value == 1.0
        && before.is_some_and(|b| Compiled::is_in(&lex.not_one_before, b))
    {
        return BareRead::Nothing;
    }
    // "un livre neuf": a number word that is also an adjective counts only before a noun.
    if w.words == 1 && Compiled::is_in(&lex.adjective_numbers, first_word) && !noun_follows(lex, text, end) {
        return BareRead::Nothing;
    }
    match w.kind {
        WordKind::Ordinal => {
            // "a second", "per second", "une seconde": the unit of time.
            if w.value == 2.0 && before.is_some_and(|b| Compiled::is_in(&lex.per_words, b) || lex.is_article_one(b)) {
                return BareRead::Nothing;
            }
        }
        WordKind::Fraction => {
            // "un tiers" (a third party), "a third term": a share only before "de"/"of" or alone.
            if w.lead_article && !(of_follows(lex, text, end) || ends_clause(text, end)) {
                return BareRead::Nothing;
            }
            // "à moitié" (half-done)
            if before.is_some_and(|b| Compiled::is_in(&lex.per_words, b)) {
                return BareRead::Nothing;
            }
        }
        WordKind::Cardinal => {}
    }
    let form = if w.kind == WordKind::Fraction { Form::Fraction } else { Form::Words };
    BareRead::Bare(Bare {
        value: w.value,
        end,
        kind: w.kind,
        form,
        scaled: w.scale.is_some(),
        approx: w.approx,
        year_like: false,
        digits: false,
        ordinal_roman: false,
        next: None,
    })
}

/// "un livre", "a new": an article ("un", "a"), spaces, then a word that opens no number word,
/// "et"/"and" or part/whole connector. [`number_words::parse`] reads the article alone there
/// and [`article_counts`] refuses it (no clause end, no connector): checked first, as most
/// articles are followed by such a word. `heads` are the [`Compiled::heads_at`] bits of `tail`.
fn article_before_word(lex: &Compiled, tail: &str, heads: u32) -> bool {
    if heads == heads::ALL || heads & heads::ARTICLE == 0 {
        return false;
    }
    let l = tail.char_indices().find(|&(_, c)| !c.is_alphanumeric()).map_or(tail.len(), |(k, _)| k);
    let rest = tail.get(l..).unwrap_or_default();
    let g = gap(rest);
    // Spaces only (at most three): the word after them is where the parsers look next.
    let Some(next) = rest.get(g..).filter(|r| g > 0 && r.starts_with(char::is_alphabetic)) else { return false };
    lex.heads_at(next) & (heads::WORD | heads::FOLLOW) == 0
}

/// "un", "a" alone count only when nothing but punctuation follows ("il en reste un.") or a
/// part/whole connector and a number ("un sur trois").
fn article_counts(lex: &Compiled, text: &str, end: usize) -> bool {
    if ends_clause(text, end) {
        return lex.lone_article_counts;
    }
    let Some(rest) = text.get(end..) else { return false };
    let g = gap(rest);
    let Some(r) = rest.get(g..) else { return false };
    let Some((cl, _)) = first(&lex.part_whole, r) else { return false };
    let Some(r2) = r.get(cl..) else { return false };
    let g2 = gap(r2);
    r2.get(g2..).is_some_and(|r3| r3.starts_with(|c: char| c.is_ascii_digit()) || lex.word_at(r3).is_some())
}

/// Nothing but closing punctuation up to the end of the clause.
fn ends_clause(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or_default().trim_start_matches(is_space);
    rest.is_empty() || rest.starts_with(['.', '!', '?', ';', ',', ')', ':', '»', '"', '”'])
}

fn of_follows(lex: &Compiled, text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or_default();
    let g = gap(rest);
    rest.get(g..).is_some_and(|r| first(&lex.of_words, r).is_some())
}

/// A lowercase word that is not a stop word follows: a noun, most likely.
fn noun_follows(lex: &Compiled, text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or_default();
    let g = gap(rest);
    if g == 0 {
        return false;
    }
    let r = rest.get(g..).unwrap_or_default();
    let wl = r.find(|c: char| !c.is_alphabetic()).unwrap_or(r.len());
    let word = r.get(..wl).unwrap_or_default();
    !word.is_empty() && word.starts_with(char::is_lowercase) && !Compiled::is_in(&lex.stop_words, word)
}

/// Reads the quantity that starts at candidate `at` of `text` (a digit run when `digits`).
pub fn read(lex: &Compiled, text: &str, at: usize, digits: bool) -> Read {
    let heads = text.get(at..).map_or(heads::ALL, |tail| lex.heads_at(tail));
    read_with(lex, text, at, digits, heads)
}

/// [`read`] with the [`Compiled::heads_at`] bits of the text at `at` (for a lexicon word, those
/// of the word: [`Compiled::word_heads`]).
pub fn read_with(lex: &Compiled, text: &str, at: usize, digits: bool, heads: u32) -> Read {
    let Some(tail) = text.get(at..) else { return Read::Nothing };
    if !digits {
        // A word that opens no list read below, nor a Roman numeral: what
        // [`unqualified_with`] refuses at once, refused before trying the lists one by one.
        if heads & (heads::BETWEEN | heads::APPROX | heads::MINUS | heads::CURRENCY | heads::WORD) == 0
            && !tail.starts_with(['I', 'V', 'X'])
        {
            return Read::Nothing;
        }
        // RANGE := BETWEEN GAP VALUE GAP AND GAP VALUE [UNIT]
        let may = |bit: u32| heads & bit != 0;
        if let Some((l, and)) = may(heads::BETWEEN).then(|| first_pair(&lex.range_between, tail)).flatten() {
            if let Some(q) = between(lex, text, at, at + l, and) {
                return Read::Found(q);
            }
            return Read::Nothing;
        }
        // QUALIFIED := APPROX GAP QUANTITY
        if let Some((l, &approx)) = may(heads::APPROX).then(|| first_pair(&lex.approx_before, tail)).flatten() {
            let p = at + l + gap(tail.get(l..).unwrap_or_default());
            if p == at + l && !tail.get(..l).is_some_and(|s| s.ends_with(['\'', '’'])) {
                return Read::Nothing;
            }
            return match unqualified(lex, text, p) {
                Read::Found(mut q) if q.approx.is_none() => {
                    q.start = at;
                    q.approx = Some(approx);
                    Read::Found(q)
                }
                other => other,
            };
        }
        // NEGATIVE := MINUS GAP QUANTITY ("moins 5", "minus five")
        if let Some((l, _)) = may(heads::MINUS).then(|| first(&lex.minus, tail)).flatten() {
            let g = gap(tail.get(l..).unwrap_or_default());
            if g > 0 {
                if let Read::Found(mut q) = unqualified(lex, text, at + l + g) {
                    if negate(&mut q.value) {
                        q.start = at;
                        return Read::Found(q);
                    }
                }
            }
            return Read::Nothing;
        }
    }
    unqualified_with(lex, text, at, heads)
}

fn negate(v: &mut Value) -> bool {
    match v {
        Value::Number { value, .. } | Value::Percent(value) => {
            *value = -*value;
            true
        }
        _ => false,
    }
}

/// QUANTITY := [CURRENCY [GAP]] [SIGN] VALUE [UNIT | RANGE_TO VALUE [UNIT]] [APPROX_AFTER]
fn unqualified(lex: &Compiled, text: &str, at: usize) -> Read {
    let heads = text.get(at..).map_or(heads::ALL, |tail| lex.heads_at(tail));
    unqualified_with(lex, text, at, heads)
}

/// [`unqualified`] with the [`Compiled::heads_at`] bits of the text at `at`.
fn unqualified_with(lex: &Compiled, text: &str, at: usize, heads: u32) -> Read {
    let Some(tail) = text.get(at..) else { return Read::Nothing };
    // A letter that opens no currency, number word or Roman numeral: no quantity here.
    if heads & (heads::CURRENCY | heads::WORD) == 0 && !tail.starts_with(['I', 'V', 'X']) {
        return Read::Nothing;
    }
    // "$5m", "€ 1000", "US$ 1MM", "EUR 125"
    // A prefix reads only before a digit: none near, no prefix is looked up ("a reporter").
    let currency = heads & heads::CURRENCY != 0
        && lex.lead_heads_at(tail) & heads::CURRENCY != 0
        && tail.bytes().take(lex.currency_reach).any(|b| b.is_ascii_digit());
    let prefix = if currency { first_pair(&lex.currency_prefixes, tail) } else { None };
    if let Some((l, iso)) = prefix.filter(|(l, _)| {
        let r = tail.get(*l..).unwrap_or_default();
        let r = r.get(gap(r)..).unwrap_or_default();
        r.starts_with(|c: char| c.is_ascii_digit())
    }) {
        let p = at + l + gap(tail.get(l..).unwrap_or_default());
        return match bare_in(lex, text, p, true) {
            BareRead::Bare(b) if b.kind == WordKind::Cardinal && b.digits => {
                let (end, value) = (b.end, b.value);
                // "$10-$20", "$5 to $10"
                if let Some((high, e)) = money_range_end(lex, text, end, iso) {
                    if value < high {
                        return Read::Found(Quantity {
                            start: at,
                            end: e,
                            value: Value::Range { low: value, high, unit: RangeUnit::Money(iso.to_ascii_uppercase()) },
                            approx: None,
                        });
                    }
                }
                Read::Found(Quantity {
                    start: at,
                    end,
                    value: Value::Money { value, currency: iso.to_ascii_uppercase() },
                    approx: None,
                })
            }
            BareRead::Skip(e) => Read::Skip(e),
            _ => Read::Nothing,
        };
    }
    let mut start = at;
    let mut sign = 1.0;
    if tail.starts_with(|c: char| c.is_ascii_digit()) {
        // "-5", "−5", "- 1.200.000" at the start of a run
        let head = text.get(..at).unwrap_or_default();
        let trimmed = head.trim_end_matches(is_space);
        if let Some(c @ ('-' | '−' | '+')) = trimmed.chars().next_back() {
            let sign_at = trimmed.len() - c.len_utf8();
            let tight = trimmed.len() == head.len();
            let before_sign = char_before(text, sign_at);
            let free = before_sign.is_none_or(|b| is_space(b) || b == '(');
            if free && (tight || sign_at == 0) {
                start = sign_at;
                sign = if c == '+' { 1.0 } else { -1.0 };
            }
        }
    }
    // "un livre", "a new"
    if article_before_word(lex, tail, heads) && !tail.starts_with(['I', 'V', 'X']) {
        return Read::Nothing;
    }
    let b = match bare(lex, text, at) {
        BareRead::Bare(b) if b.digits => {
            leading_decimal(lex, text, at, &mut start).map_or(b, |v| Bare { value: v, ..b })
        }
        BareRead::Bare(b) => b,
        BareRead::Skip(e) => return Read::Skip(e),
        BareRead::Nothing => return Read::Nothing,
    };
    if b.kind == WordKind::Ordinal {
        if sign < 0.0 || b.value.fract() != 0.0 || b.value > 9.0e15 {
            return Read::Nothing;
        }
        return Read::Found(Quantity {
            start,
            end: b.end,
            value: Value::Ordinal { value: b.value as i64, roman: b.ordinal_roman },
            approx: None,
        });
    }
    let value = b.value * sign;
    let approx = b.approx.then_some(Approx::About);
    let rest = text.get(b.end..).unwrap_or_default();
    // The word after the value, looked up once for the lists read there.
    let g = gap(rest);
    let r = rest.get(g..).unwrap_or_default();
    let nb = match b.next {
        Some((end, bits)) if end == b.end => bits,
        _ => lex.next_heads(r),
    };
    // Time of day, street numbers: "15 h", "3 pm", "12 rue de la Paix"
    if b.digits {
        let time = !b.scaled && nb & heads::TIME != 0 && first(&lex.time_after, r).is_some();
        let time_colon = rest.starts_with(':') && rest[1..].starts_with(|c: char| c.is_ascii_digit());
        let street = g > 0 && !b.scaled && b.value.fract() == 0.0 && street_follows(lex, r, nb);
        if time || time_colon || street {
            return Read::Skip(chain_end(text, at).max(b.end));
        }
    }
    // UNIT := [GAP] PERCENT | [GAP] [DE] CURRENCY | [GAP] SUFFIX CURRENCY ("5 M€")
    if let Some((l, unit)) = unit_at(lex, g, r, nb, b.scaled) {
        let value = match unit {
            Unit::Percent => Value::Percent(value),
            Unit::Money(iso, scale) => Value::Money { value: value * scale, currency: iso },
        };
        let end = b.end + l;
        let (end, approx) = approx_after(lex, text, end, approx);
        return Read::Found(Quantity { start, end, value, approx });
    }
    if b.kind == WordKind::Cardinal && nb & heads::RANGE_TO != 0 {
        if let Some(q) = range_after(lex, text, start, &b, value) {
            return q;
        }
    }
    let countable = !(b.year_like && year_context(lex, text, start)) && b.kind == WordKind::Cardinal;
    let (end, approx) =
        if nb & heads::APPROX_AFTER != 0 { approx_after(lex, text, b.end, approx) } else { (b.end, approx) };
    // "de 10 à 20" is read by range_after from the "de" before; a lone number stays a number.
    Read::Found(Quantity { start, end, value: Value::Number { value, form: b.form, countable }, approx })
}

/// ".77" in English, ",08" in French: a decimal with no integer part. `start` moves to the mark.
fn leading_decimal(lex: &Compiled, text: &str, at: usize, start: &mut usize) -> Option<f64> {
    let mark = if lex.decimal_comma { ',' } else { '.' };
    if char_before(text, at) != Some(mark) || *start != at {
        return None;
    }
    let before_mark = char_before(text, at - 1);
    if before_mark.is_some_and(|c| !is_space(c) && c != '(') {
        return None;
    }
    let digits = text.get(at..)?.bytes().take_while(u8::is_ascii_digit).count();
    let frac: f64 = format!("0.{}", text.get(at..at + digits)?).parse().ok()?;
    *start = at - 1;
    Some(frac)
}

/// "rue de la Paix", "Downing Street": a street word, first or after up to two capitalized names.
/// `nb` are the [`Compiled::heads_at`] bits of `r`.
fn street_follows(lex: &Compiled, r: &str, nb: u32) -> bool {
    let mut rest = r;
    for k in 0..3 {
        if (k > 0 || nb & heads::STREET != 0) && first(&lex.streets, rest).is_some() {
            return true;
        }
        // An upper-case letter is a letter: the test below fails at once on any other.
        if !rest.starts_with(char::is_uppercase) {
            return false;
        }
        let wl = rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len());
        let word = rest.get(..wl).unwrap_or_default();
        if word.is_empty() || !word.starts_with(char::is_uppercase) {
            return false;
        }
        let after = rest.get(wl..).unwrap_or_default();
        let g = gap(after);
        if g == 0 {
            return false;
        }
        rest = after.get(g..).unwrap_or_default();
    }
    false
}

fn year_context(lex: &Compiled, text: &str, at: usize) -> bool {
    word_before(text, at).is_some_and(|(_, w)| Compiled::is_in(&lex.year_before, w))
}

enum Unit {
    Percent,
    /// ISO code and the scale of a glued abbreviation ("M€" → 1e6).
    Money(String, f64),
}

fn unit_after(lex: &Compiled, text: &str, end: usize, scaled: bool) -> Option<(usize, Unit)> {
    let rest = text.get(end..)?;
    let g = gap(rest);
    let r = rest.get(g..)?;
    unit_at(lex, g, r, lex.next_heads(r), scaled)
}

/// [`unit_after`] past `g` bytes of spaces, `r` the text after them and `nb` its
/// [`Compiled::heads_at`] bits.
fn unit_at(lex: &Compiled, g: usize, r: &str, nb: u32, scaled: bool) -> Option<(usize, Unit)> {
    if let Some((l, _)) = (nb & heads::PERCENT != 0).then(|| first(&lex.percent, r)).flatten() {
        return Some((g + l, Unit::Percent));
    }
    if let Some((l, iso)) = (nb & heads::UNIT != 0).then(|| first_pair(&lex.currencies, r)).flatten() {
        return Some((g + l, Unit::Money(iso.to_ascii_uppercase(), 1.0)));
    }
    // "5 millions d'euros", "75 millions de $"
    if scaled && nb & heads::OF != 0 {
        if let Some((l, _)) = first(&lex.of_words, r) {
            let r2 = r.get(l..)?;
            let g2 = gap(r2);
            if let Some((cl, iso)) = first_pair(&lex.currencies, r2.get(g2..)?) {
                return Some((g + l + g2 + cl, Unit::Money(iso.to_ascii_uppercase(), 1.0)));
            }
        }
    }
    // "5 M€", "3 Md€", "120 MEUR", "5k€"
    // Suffixes are case-sensitive: none opens with another byte than its first.
    if !scaled && r.as_bytes().first().is_some_and(|&b| lex.suffix_leads[usize::from(b / 64)] & (1 << (b % 64)) != 0) {
        for (s, v) in &lex.suffixes {
            let Some(after) = r.strip_prefix(s.as_str()) else { continue };
            // No currency may open there: its lead byte says so in one look-up.
            if lex.lead_heads_at(after) & heads::UNIT == 0 {
                continue;
            }
            if let Some((cl, iso)) = first_pair(&lex.currencies, after) {
                return Some((g + s.len() + cl, Unit::Money(iso.to_ascii_uppercase(), *v)));
            }
        }
    }
    None
}

fn approx_after(lex: &Compiled, text: &str, end: usize, approx: Option<Approx>) -> (usize, Option<Approx>) {
    if approx.is_some() {
        return (end, approx);
    }
    let rest = text.get(end..).unwrap_or_default();
    let g = gap(rest);
    if g == 0 {
        return (end, approx);
    }
    match rest.get(g..).and_then(|r| first_pair(&lex.approx_after, r)) {
        Some((l, &a)) => (end + g + l, Some(a)),
        None => (end, approx),
    }
}

/// "10 à 20 %", "10-20", "10 to 20", and "de 10 à 20" / "from 10 to 20" when "de"/"from"
/// stands before `start`.
fn range_after(lex: &Compiled, text: &str, start: usize, low: &Bare, low_value: f64) -> Option<Read> {
    let rest = text.get(low.end..)?;
    let g = gap(rest);
    let r = rest.get(g..)?;
    let (tl, to) = first(&lex.range_to, r)?;
    let from = word_before(text, start).and_then(|(fs, w)| {
        lex.range_from
            .iter()
            .find(|(f, _)| folded_eq(w.trim_end_matches(['\'', '’']), f.trim_end_matches('\'')))
            .map(|(_, t)| (fs, t))
    });
    let dash = to == "-" || to == "–";
    if dash {
        // "10-20" or "10 - 20", digits on both sides
        let g2 = gap(r.get(tl..)?);
        if !low.digits || (g == 0) != (g2 == 0) {
            return None;
        }
    } else if g == 0 {
        return None;
    }
    // "de 10 à 20" needs its own "à"; a bare "à" after a number means "to" only for a range.
    if let Some((_, t)) = from {
        if !dash && !folded_eq(to, t) {
            return None;
        }
    }
    let r2 = r.get(tl..)?;
    let g2 = gap(r2);
    let high_at = low.end + g + tl + g2;
    if !dash && g2 == 0 {
        return None;
    }
    let high = match bare(lex, text, high_at) {
        BareRead::Bare(h) if h.kind == WordKind::Cardinal => h,
        _ => return None,
    };
    if dash && !high.digits {
        return None;
    }
    let mut low_v = low_value;
    // "2 à 3 milliards": the scale of the high end applies to the low end.
    if !low.scaled && high.scaled && high.digits == low.digits {
        if let Some(scale) = scale_of(lex, text, high_at, high.end) {
            low_v *= scale;
        }
    }
    let change =
        from.is_some_and(|(fs, _)| word_before(text, fs).is_some_and(|(_, w)| Compiled::is_in(&lex.change_words, w)));
    if low_v >= high.value || change {
        // "3-1" is a score: neither a range nor two counts.
        if dash && low.digits && high.digits && !low.scaled && !high.scaled {
            return Some(Read::Skip(high.end));
        }
        return None;
    }
    let start = from.map_or(start, |(fs, _)| fs);
    let (unit, end) = match unit_after(lex, text, high.end, high.scaled) {
        Some((l, Unit::Percent)) => (RangeUnit::Percent, high.end + l),
        Some((l, Unit::Money(iso, s))) => {
            low_v *= s;
            return Some(Read::Found(Quantity {
                start,
                end: high.end + l,
                value: Value::Range { low: low_v, high: high.value * s, unit: RangeUnit::Money(iso) },
                approx: None,
            }));
        }
        None => (RangeUnit::Number, high.end),
    };
    Some(Read::Found(Quantity { start, end, value: Value::Range { low: low_v, high: high.value, unit }, approx: None }))
}

/// The scale word ending `start..end` ("3 milliards" → 1e9).
fn scale_of(lex: &Compiled, text: &str, start: usize, end: usize) -> Option<f64> {
    let seg = text.get(start..end)?;
    let last_word_at = seg.rfind(|c: char| is_space(c) || is_hyphen(c)).map_or(0, |i| i + 1);
    match lex.word_at(seg.get(last_word_at..)?)? {
        (_, Word::Card(v)) if v >= 1000 => Some(v as f64),
        _ => None,
    }
}

/// "$10-$20", "$10 to $20": the high end and the range's end.
fn money_range_end(lex: &Compiled, text: &str, end: usize, iso: &str) -> Option<(f64, usize)> {
    let rest = text.get(end..)?;
    let g = gap(rest);
    let r = rest.get(g..)?;
    let (tl, _) = first(&lex.range_to, r)?;
    let r2 = r.get(tl..)?;
    let g2 = gap(r2);
    let r3 = r2.get(g2..)?;
    let pl = match first_pair(&lex.currency_prefixes, r3) {
        Some((l, iso2)) if iso2.eq_ignore_ascii_case(iso) => l,
        Some(_) => return None,
        None => 0,
    };
    let at = end + g + tl + g2 + pl;
    match bare(lex, text, at) {
        BareRead::Bare(h) if h.kind == WordKind::Cardinal && h.digits => Some((h.value, h.end)),
        _ => None,
    }
}

/// "entre 10 et 20 %", "between 10 and 20": `p` is just after "entre".
fn between(lex: &Compiled, text: &str, at: usize, p: usize, and: &str) -> Option<Quantity> {
    let g = gap(text.get(p..)?);
    if g == 0 {
        return None;
    }
    let low = match bare(lex, text, p + g) {
        BareRead::Bare(b) if b.kind == WordKind::Cardinal => b,
        _ => return None,
    };
    let rest = text.get(low.end..)?;
    // "entre 10 % et 20 %", "between $10 and $20" are left to the plain parsers.
    let g1 = gap(rest);
    let r = rest.get(g1..)?;
    let al = phrase(and, r)?;
    let r2 = r.get(al..)?;
    let g2 = gap(r2);
    let high_at = low.end + g1 + al + g2;
    let high = match bare(lex, text, high_at) {
        BareRead::Bare(b) if b.kind == WordKind::Cardinal => b,
        _ => return None,
    };
    let mut low_v = low.value;
    if !low.scaled && high.scaled {
        if let Some(s) = scale_of(lex, text, high_at, high.end) {
            low_v *= s;
        }
    }
    if low_v >= high.value {
        return None;
    }
    let (unit, end, low_v, high_v) = match unit_after(lex, text, high.end, high.scaled) {
        Some((l, Unit::Percent)) => (RangeUnit::Percent, high.end + l, low_v, high.value),
        Some((l, Unit::Money(iso, s))) => (RangeUnit::Money(iso), high.end + l, low_v * s, high.value * s),
        None => (RangeUnit::Number, high.end, low_v, high.value),
    };
    Some(Quantity { start: at, end, value: Value::Range { low: low_v, high: high_v, unit }, approx: None })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Lexicon;
    use crate::source::Lang;

    #[test]
    fn folds_entries_with_inner_hyphens_as_spaces() {
        for (entry, want) in [
            ("Quatre-Vingt", "quatre vingt"),
            ("quatre-vingt-dix", "quatre vingt dix"),
            ("-5", "-5"),
            ("a-", "a-"),
            ("a-1", "a-1"),
            ("US$", "us$"),
            ("Rs.", "rs."),
            ("", ""),
            ("Deuxième-Ligne", "deuxieme ligne"),
            ("é-É", "e e"),
            ("é-5", "e-5"),
        ] {
            assert_eq!(fold_str(entry), want, "{entry:?}");
        }
    }

    #[test]
    fn reads_suffixes_glued_to_a_currency_after_a_space() {
        let money = |lang: Lang, text: &str| match read(Lexicon::get(lang).numbers.compiled(), text, 0, true) {
            Read::Found(Quantity { value: Value::Money { value, currency }, end, .. }) => Some((value, currency, end)),
            _ => None,
        };
        for (lang, text, want) in [
            (Lang::Fr, "5 M€ de plus", Some((5e6, "EUR", 6))),
            (Lang::Fr, "3 Md€", Some((3e9, "EUR", 7))),
            (Lang::Fr, "120 MEUR", Some((120e6, "EUR", 8))),
            (Lang::Fr, "5 Mois", None),
            (Lang::Fr, "5 kilomètres", None),
            (Lang::Fr, "5 M", None),
            (Lang::En, "5 bn$", Some((5e9, "USD", 5))),
            (Lang::En, "5 members", None),
        ] {
            let got = money(lang, text);
            assert_eq!(got.as_ref().map(|(v, c, e)| (*v, c.as_str(), *e)), want, "{text:?}");
        }
    }

    #[test]
    fn phrase_reads_no_more_than_its_reach() {
        for (entry, input) in [
            ("us$", "US$ 5"),
            ("eur", "ÉÛR 5"),
            ("a total of", "a\u{202f}\u{202f}\u{202f}\u{202f}total - of 5"),
            ("$", "$5"),
            ("rs.", "Rs. 5"),
        ] {
            let read = phrase(entry, input).expect(input);
            assert!(read <= phrase_reach(entry), "{entry:?} {input:?}");
        }
        assert_eq!(phrase_reach("a b"), 20);
        assert_eq!(phrase_reach(""), 0);
    }

    /// Every word the lexicon's own lists and their variants hold, in several cases.
    fn words_of(lex: &NumberLexicon) -> Vec<String> {
        let lists = [&lex.labels, &lex.invariant, &lex.stop_words, &lex.streets, &lex.anaphoric];
        let mut words: Vec<String> = lists.into_iter().flatten().cloned().collect();
        words.extend(lex.irregular.iter().flat_map(|(p, s)| [p.clone(), s.clone()]));
        let mut out = Vec::new();
        for w in words {
            out.push(w.to_uppercase());
            out.push(format!("{w}s"));
            out.push(w.chars().skip(1).collect());
            out.push(w.replace(' ', "-"));
            out.push(w);
        }
        out.extend(
            [
                "",
                "x",
                "-",
                "l'article",
                "Page",
                "n°",
                "nº",
                "aaaaaaaaaaaaaaaaaa",
                "années",
                "ÉTATS",
                "œuvres",
                "éééééééééé",
            ]
            .map(String::from),
        );
        out
    }

    #[test]
    fn labels_are_found_by_their_bytes_as_by_their_key() {
        for lang in [Lang::Fr, Lang::En] {
            let numbers = &Lexicon::get(lang).numbers;
            let lex = numbers.compiled();
            for w in words_of(numbers) {
                let slow = lex.labels.iter().any(|e| lower_eq(&w, e));
                assert_eq!(lex.is_label(&w), slow, "{w:?}");
            }
        }
    }

    #[test]
    fn singulars_of_words_are_those_of_their_key() {
        for lang in [Lang::Fr, Lang::En] {
            let numbers = &Lexicon::get(lang).numbers;
            let lex = numbers.compiled();
            for w in words_of(numbers) {
                let slow = match Key::folded(&w) {
                    Some(key) => lex.nouns.value(&key.buf[..key.len]).map(|k| match k {
                        INVARIANT => None,
                        k => Some(lex.irregular_list[k].1.as_str()),
                    }),
                    None => None,
                };
                assert_eq!(lex.singular_of(&w), slow, "{w:?}");
            }
        }
    }

    #[test]
    fn matches_phrases_whatever_case_and_accents() {
        for (entry, input, want) in [
            ("pres de", "Près de 300", Some(8)),
            ("quatre vingt", "quatre-vingt-dix", Some(12)),
            ("quatre vingt", "quatre vingts", None),
            ("%", "% des voix", Some(1)),
            ("jusqu'a", "jusqu’à 12", Some(10)),
            ("un", "une", None),
        ] {
            assert_eq!(phrase(entry, input), want, "{entry:?} in {input:?}");
        }
    }

    /// Texts to try a list on: each entry as written, capitalized, glued to more letters, cut
    /// short, before a space or a hyphen, and some words of prose.
    fn probes(entries: &[&str]) -> Vec<String> {
        let mut out: Vec<String> = ["", " ", "-5", "Été 2020", "l'an", "Deuxième", "ÉNORME", "x", "1er", "½"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        for e in entries {
            let mut cap = e.chars();
            let cap: String = cap.next().map(|c| c.to_uppercase().chain(cap).collect()).unwrap_or_default();
            let short: String = e.chars().take(e.chars().count().saturating_sub(1)).collect();
            for p in [e.to_string(), cap, format!("{e}s"), format!("{e} x"), format!("{e}-y"), short] {
                out.push(p.clone());
                out.push(format!("{p}, et"));
            }
        }
        out
    }

    #[test]
    fn finds_the_entry_that_reading_entry_by_entry_finds() {
        for lang in [crate::source::Lang::Fr, crate::source::Lang::En] {
            let lex = crate::extract::Lexicon::get(lang).numbers.compiled();
            let pairs: [&Pairs<String>; 3] = [&lex.currencies, &lex.currency_prefixes, &lex.range_between];
            for list in pairs {
                let entries: Vec<&str> = list.iter().map(|(e, _)| e.as_str()).collect();
                for i in probes(&entries) {
                    let walk = list.iter().find_map(|(e, v)| phrase(e, &i).map(|l| (l, v)));
                    assert_eq!(first_pair(list, &i), walk, "{i:?}");
                }
            }
            let words: Vec<&str> = lex.words.iter().map(|(e, _)| e.as_str()).collect();
            for i in probes(&words) {
                let walk = lex.words.iter().find_map(|(e, v)| phrase(e, &i).map(|l| (l, v)));
                assert_eq!(first_pair(&lex.words, &i), walk, "{i:?}");
            }
            let lists = [&lex.percent, &lex.of_words, &lex.part_whole, &lex.articles, &lex.time_after, &lex.streets];
            for list in lists.into_iter().chain([&lex.stop_words, &lex.period_nouns, &lex.invariant, &lex.year_before])
            {
                let entries: Vec<&str> = list.iter().map(String::as_str).collect();
                for i in probes(&entries) {
                    let walk = list.iter().find_map(|e| phrase(e, &i).map(|l| (l, e.as_str())));
                    assert_eq!(first(list, &i), walk, "{i:?}");
                    let member = list.iter().any(|e| folded_eq(&i, e));
                    assert_eq!(Compiled::is_in(list, &i), member, "{i:?}");
                }
            }
        }
    }

    #[test]
    fn lead_index_buckets_hold_the_entries_that_may_start_there() {
        let entries = ["pres de", " x", "", "%", "plus", "p.", "moins", "€"];
        let index = LeadIndex::new(entries.iter().copied().enumerate());
        for b in 0..=u8::MAX {
            let want: Vec<usize> = (0..entries.len()).filter(|&k| may_start(entries[k], Some(b))).collect();
            let got = index.order.get(index.starts[usize::from(b)]..index.starts[usize::from(b) + 1]);
            assert_eq!(got, Some(&want[..]), "{b}");
        }
        let empty = LeadIndex::new(std::iter::empty());
        assert!(empty.at("plus").is_empty() && empty.at("").is_empty());
    }

    #[test]
    fn latin_key_folds_as_word_key() {
        for i in [
            "Deuxième",
            "ÉNORME fin",
            "çà",
            "Ærø",
            "straße",
            "ÿ",
            "x×y",
            "a÷b",
            "été’",
            "mi\u{a0}x",
            "«a»",
            "ab–c",
            "œuvre",
            "naïve",
            "Ǆ",
            "µm",
            "m²",
            "e\u{301}t",
            "12h",
            "A320-x",
            "",
            " x",
            "aaaaaaaaaaaaaaaaé",
            "aaaaaaaaaaaaaaaé",
        ] {
            let mut buf = [0u8; 16];
            let fast = latin_key(i.as_bytes(), &mut buf);
            let slow = word_key(i).map(|(key, len)| (key.buf[..key.len].to_vec(), len));
            if let Some((k, n)) = fast {
                let (key, len) = slow.expect(i);
                assert_eq!((&buf[..k], n), (&key[..], len), "{i:?}");
                assert!(buf[k..].iter().all(|&b| b == 0), "{i:?}");
            }
        }
        let mut buf = [0u8; 16];
        assert_eq!(latin_key("Été 2020".as_bytes(), &mut buf), Some((3, 5)));
        assert_eq!(&buf[..3], b"ete");
        assert_eq!(latin_key("œuvre".as_bytes(), &mut buf), None);
    }

    #[test]
    fn finds_the_word_before() {
        // The same walk a character at a time.
        let by_chars = |text: &str, at: usize| -> Option<(usize, String)> {
            let trimmed = text[..at].trim_end_matches(is_space);
            let start = trimmed
                .char_indices()
                .rev()
                .take_while(|&(_, c)| c.is_alphanumeric() || matches!(c, '\'' | '’' | '.' | '°' | 'º' | '#' | '-'))
                .last()
                .map(|(i, _)| i)?;
            Some((start, text[start..trimmed.len()].to_string()))
        };
        for text in [
            "l'article 49",
            "n° 5",
            "x \u{a0} 5",
            "(5",
            "Été 2020",
            "p. 12",
            "l’an 2000",
            "COVID-19",
            "#3",
            "5",
            "½ 3",
            "º 4",
        ] {
            let at = text
                .rfind(|c: char| !c.is_ascii_digit())
                .map_or(0, |k| k + text[k..].chars().next().map_or(1, char::len_utf8));
            let got = word_before(text, at).map(|(s, w)| (s, w.to_string()));
            assert_eq!(got, by_chars(text, at), "{text:?}");
        }
        assert_eq!(word_before("l'article 49", 10), Some((0, "l'article")));
        assert_eq!(word_before("(5", 1), None);
    }

    #[test]
    fn folds_latin_1_as_fold_does() {
        for c in 0x80..=0xBFu8 {
            let ch = std::str::from_utf8(&[0xC3, c]).ok().and_then(|s| s.chars().next()).expect("Latin-1");
            let mut want = [0u8; 4];
            let want = fold(ch).encode_utf8(&mut want).as_bytes().to_vec();
            let got = match fold_c3(c) {
                Ok(a) => vec![a],
                Err(b) => vec![0xC3, b],
            };
            assert_eq!(got, want, "{ch:?}");
        }
        for w in ["Électeurs", "chefs-d’État", "À-peu-près", "µm", "ÿ×÷ß", "l’ŒUVRE", "x", ""] {
            let slow = Key::new(w.chars().map(|c| if c == '-' { ' ' } else { fold(c) }));
            let want = slow.map(|k| k.as_str().to_string());
            match Key::latin(w) {
                Some(key) => assert_eq!(key.map(|k| k.as_str().to_string()), want, "{w:?}"),
                None => assert!(w.contains('Œ'), "{w:?}"),
            }
            assert_eq!(Key::folded(w).map(|k| k.as_str().to_string()), want, "{w:?}");
        }
    }

    /// The lists read after a value that match `i` all have their bit in `bits`.
    fn assert_after_value_heads(lex: &Compiled, bits: u32, i: &str) {
        let has = |bit: u32| bits & bit != 0;
        assert!(has(heads::ARTICLE_ONE) || lex.article_one_at(i).is_none(), "{i:?}");
        assert!(has(heads::TIME) || first(&lex.time_after, i).is_none(), "{i:?}");
        assert!(has(heads::STREET) || first(&lex.streets, i).is_none(), "{i:?}");
        assert!(has(heads::PERCENT) || first(&lex.percent, i).is_none(), "{i:?}");
        assert!(has(heads::OF) || first(&lex.of_words, i).is_none(), "{i:?}");
        assert!(has(heads::RANGE_TO) || first(&lex.range_to, i).is_none(), "{i:?}");
        assert!(has(heads::HALF) || lex.half_after_at(i).is_none(), "{i:?}");
        assert!(has(heads::UNIT) || first_pair(&lex.currencies, i).is_none(), "{i:?}");
        assert!(has(heads::APPROX_AFTER) || first_pair(&lex.approx_after, i).is_none(), "{i:?}");
    }

    #[test]
    fn word_heads_are_those_of_the_text_at_each_word_candidate() {
        for lang in [Lang::Fr, Lang::En] {
            let lexicon = Lexicon::get(lang);
            let lex = lexicon.numbers.compiled();
            let table = lexicon.numbers.word_heads(&lexicon.prefilter);
            let words: Vec<&str> = lexicon.prefilter.words().collect();
            assert_eq!(table.len(), words.len());
            assert!(words.len() > 100, "{lang:?}");
            // Each word in text as the prefilter finds it: in any ASCII case, then a space, a
            // sign or nothing.
            let mut text = String::new();
            for w in &words {
                for form in [
                    w.to_string(),
                    w.to_ascii_uppercase(),
                    w.get(..1).unwrap_or_default().to_ascii_uppercase() + w.get(1..).unwrap_or_default(),
                ] {
                    text.push_str(&format!("x {form} 12, {form}. {form}"));
                    text.push('\n');
                }
            }
            let mut candidates = Vec::new();
            lexicon.prefilter.candidates(&text, &mut candidates);
            let mut seen = 0;
            for c in candidates {
                if let crate::extract::prefilter::CandidateKind::Word(ix) = c.kind {
                    let tail = text.get(c.at..).unwrap_or_default();
                    assert_eq!(table.get(ix as usize).copied(), Some(lex.heads_at(tail)), "{tail:?}");
                    seen += 1;
                }
            }
            assert!(seen > 3 * words.len(), "{lang:?}: {seen}");
        }
    }

    #[test]
    fn next_heads_name_every_list_that_may_match() {
        for lang in [crate::source::Lang::Fr, crate::source::Lang::En] {
            let lex = crate::extract::Lexicon::get(lang).numbers.compiled();
            let mut entries: Vec<&str> =
                vec!["%", "€", "$", "- 3", "– 4", ", et", ". Il", "’", "\u{a0}%", "½", "(", ""];
            for list in [&lex.article_one, &lex.time_after, &lex.streets, &lex.percent, &lex.of_words, &lex.range_to] {
                entries.extend(list.iter().map(String::as_str));
            }
            entries.extend(lex.currencies.iter().map(|(e, _)| e.as_str()));
            entries.extend(lex.currency_prefixes.iter().map(|(e, _)| e.as_str()));
            entries.extend(lex.words.iter().map(|(e, _)| e.as_str()));
            for i in probes(&entries) {
                let bits = lex.next_heads(&i);
                assert!(bits & heads::WORD != 0 || lex.word_at(&i).is_none(), "{i:?}");
                assert_after_value_heads(lex, bits, &i);
                let currency = lex.lead_heads_at(&i) & heads::CURRENCY != 0;
                assert!(currency || first_pair(&lex.currency_prefixes, &i).is_none(), "{i:?}");
            }
            // A lead byte no list opens with tells them all out.
            assert_eq!(lex.next_heads(". Il") & heads::BY_LEAD, 0);
        }
    }

    #[test]
    fn heads_name_every_list_that_may_match() {
        for lang in [crate::source::Lang::Fr, crate::source::Lang::En] {
            let lex = crate::extract::Lexicon::get(lang).numbers.compiled();
            let mut entries: Vec<&str> = lex.words.iter().map(|(e, _)| e.as_str()).collect();
            entries.extend(lex.approx_before.iter().map(|(e, _)| e.as_str()));
            entries.extend(lex.currency_prefixes.iter().map(|(e, _)| e.as_str()));
            entries.extend(lex.range_between.iter().map(|(e, _)| e.as_str()));
            entries.extend(lex.minus.iter().map(String::as_str));
            entries.extend(["twentyfifth", "fortysecond", "Twentyone", "vingtdeux"]);
            let after = [
                &lex.article_one,
                &lex.time_after,
                &lex.streets,
                &lex.percent,
                &lex.of_words,
                &lex.range_to,
                &lex.half_after,
            ];
            for list in after {
                entries.extend(list.iter().map(String::as_str));
            }
            entries.extend(lex.currencies.iter().map(|(e, _)| e.as_str()));
            entries.extend(lex.approx_after.iter().map(|(e, _)| e.as_str()));
            for i in probes(&entries) {
                let bits = lex.heads_at(&i);
                let has = |bit: u32| bits & bit != 0;
                assert!(has(heads::WORD) || lex.word_at(&i).is_none(), "{i:?}");
                assert!(has(heads::APPROX) || first_pair(&lex.approx_before, &i).is_none(), "{i:?}");
                assert!(has(heads::CURRENCY) || first_pair(&lex.currency_prefixes, &i).is_none(), "{i:?}");
                assert!(has(heads::BETWEEN) || first_pair(&lex.range_between, &i).is_none(), "{i:?}");
                assert!(has(heads::MINUS) || first(&lex.minus, &i).is_none(), "{i:?}");
                assert!(has(heads::FOLLOW) || lex.and_word_at(&i).is_none(), "{i:?}");
                assert!(has(heads::FOLLOW) || first(&lex.part_whole, &i).is_none(), "{i:?}");
                assert_after_value_heads(lex, bits, &i);
            }
            assert_eq!(lex.heads_at("Journée"), 0);
            assert_eq!(lex.heads_at("5 jours"), heads::ALL);
        }
    }

    #[test]
    fn tells_articles_before_plain_words() {
        let fr = crate::extract::Lexicon::get(crate::source::Lang::Fr).numbers.compiled();
        let en = crate::extract::Lexicon::get(crate::source::Lang::En).numbers.compiled();
        for (lex, text, want) in [
            (fr, "un livre", true),
            (fr, "Une  journée", true),
            (fr, "un million", false),
            (fr, "un sur trois", false),
            (fr, "un et demi", false),
            (fr, "un.", false),
            (fr, "un-livre", false),
            (fr, "deux livres", false),
            (en, "a new one", true),
            (en, "an hour", true),
            (en, "a dozen", false),
            (en, "a twentyfifth", false),
            (en, "a 5", false),
            (en, "one book", false),
        ] {
            assert_eq!(article_before_word(lex, text, lex.heads_at(text)), want, "{text:?}");
            if want {
                // What the full reading finds there too.
                assert!(matches!(bare(lex, text, 0), BareRead::Nothing), "{text:?}");
            }
        }
    }

    #[test]
    fn reads_ranges_and_changes() {
        let lex = crate::extract::Lexicon::get(crate::source::Lang::Fr).numbers.compiled();
        let r = read(lex, "de 10 à 20 %", 3, true);
        assert!(matches!(r, Read::Found(Quantity { start: 0, value: Value::Range { .. }, .. })), "{r:?}");
        let r = read(lex, "passé de 20 à 10", 10, true);
        assert!(matches!(r, Read::Found(Quantity { value: Value::Number { .. }, .. })), "{r:?}");
        assert_eq!(read(lex, "score 3-1", 6, true), Read::Skip(9));
    }

    #[test]
    fn finds_identifier_runs() {
        for (text, at, skip_to) in [
            ("01 23 45 67 89 ici", 0, Some(14)),
            ("au 555-123-4567", 3, Some(15)),
            ("IP 192.168.1.2", 3, Some(14)),
            ("12 000 personnes", 0, None),
            ("10-20 ans", 0, None),
        ] {
            assert_eq!(phone_or_dotted(text, at), skip_to, "{text:?}");
        }
    }
}
