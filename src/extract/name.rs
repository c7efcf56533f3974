//! Person names: "Donald Trump", "J. D. Vance", "Valéry Giscard d'Estaing", « M. Macron ».
//!
//! One pass over a run's bytes: a name may start only at a capital letter that opens a word;
//! small nom parsers read its parts from there (words, initials, particles, a title before).
//! What counts as a name:
//! - two or more capitalized words, with particles and initials between ("Charles de Gaulle");
//! - initials and a word ("J. D. Vance");
//! - one word after a title ("M. Macron", "Sen. Warren", « le président Macron »);
//! - one word (or "Le Pen") alone only when the document already used it as a surname, when it
//!   is the surname of a well-known person (rules/names), or, mid-sentence, when it is one letter
//!   away from a surname of the document: a likely misspelling that `name-variant` judges.
//!
//! Months, weekdays, places, institutions and common capitalized words (the `[names]` stop lists
//! of `rules/lang/*.toml`) never open a name. Elided articles ("d'Emmanuel Macron") and
//! possessives ("Trump's") are not part of the claim; a title is not either.

use super::name_list::{self, fold_into, WordFilter};
use super::{Claim, ClaimKind, RunCx};
use crate::fxhash::{fx_hash, FxHashMap, FxHashSet};
use crate::span::Span;
use nom::IResult;
use serde::Deserialize;
use serde_json::{json, Map, Value};
use std::sync::OnceLock;

/// The `[names]` table of `rules/lang/<code>.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NameLexicon {
    /// Titles that introduce a name: "M.", "Mme", "President", "président".
    #[serde(default)]
    pub titles: Vec<String>,
    /// Lowercase particles inside a name: "de", "von", "d'", "al-".
    #[serde(default)]
    pub particles: Vec<String>,
    /// Capitalized particles that may open a surname: "Le" (Le Pen), "Van", "De".
    #[serde(default)]
    pub capitalized_particles: Vec<String>,
    /// Elisions before a name that are not part of it: "d'", "l'", "qu'".
    #[serde(default)]
    pub elisions: Vec<String>,
    /// Capitalized words that never open or join a name: "Mais", "The", "Selon".
    #[serde(default)]
    pub common: Vec<String>,
    #[serde(default)]
    pub months: Vec<String>,
    #[serde(default)]
    pub weekdays: Vec<String>,
    /// Places and demonyms: never a name alone, allowed after a given name ("Jack London").
    #[serde(default)]
    pub places: Vec<String>,
    /// Institutions, parties, media, events: never part of a name.
    #[serde(default)]
    pub institutions: Vec<String>,
    #[serde(skip)]
    classes: OnceLock<Classes>,
}

/// What a capitalized word is, by the stop lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Title,
    /// Ends a name: common words, weekdays, institutions.
    Stop,
    /// Cannot open a name, may close one: months, places ("Theresa May", "George Washington").
    NotFirst,
    CapParticle,
}

#[derive(Debug, Default)]
struct Classes {
    words: FxHashMap<String, Class>,
    /// `words` by their [`sketch`]: an ASCII word is looked up in its bucket, compared without
    /// lowercasing or hashing it (most buckets are empty, the others hold a word or two).
    by_sketch: Vec<Vec<(String, Class)>>,
    /// Particles followed by a space ("de", "von").
    spaced: FxHashSet<String>,
    /// The byte length of the longest of `spaced`: a longer lowercase word is none of them.
    spaced_longest: usize,
    /// The first bytes of `spaced`: a word opening with another byte is none of them.
    spaced_first: GluedFirst,
    /// The character count of the longest title, lowercased: a longer word is no title.
    title_longest: usize,
    /// Particles glued to the next word ("d'", "al-").
    glued: Vec<String>,
    /// Whether a byte opens one of `glued`: a gap opening with any other byte has none.
    glued_first: GluedFirst,
}

/// A 12-bit digest of a word's lowercase bytes (ASCII letters lowercased on the way): its
/// length, first two bytes and last byte. Equal words have equal sketches; most different ones
/// do not.
fn sketch(w: &[u8]) -> usize {
    let at = |b: Option<&u8>| b.map_or(0, |b| usize::from(b.to_ascii_lowercase()));
    let mixed = ((w.len() * 131 + at(w.first())) * 131 + at(w.get(1))) * 131 + at(w.last());
    (mixed ^ (mixed >> 12)) % SKETCHES
}

/// How many values [`sketch`] takes.
const SKETCHES: usize = 4096;

/// A set of bytes.
#[derive(Debug)]
struct GluedFirst([bool; 256]);

impl Default for GluedFirst {
    fn default() -> Self {
        GluedFirst([false; 256])
    }
}

impl NameLexicon {
    /// Names start at capital letters found by their own pass, so no prefilter words.
    pub fn trigger_words(&self) -> Vec<String> {
        Vec::new()
    }

    fn classes(&self) -> &Classes {
        self.classes.get_or_init(|| {
            let mut c = Classes::default();
            let lists: [(&[String], Class); 7] = [
                (&self.titles, Class::Title),
                (&self.capitalized_particles, Class::CapParticle),
                (&self.common, Class::Stop),
                (&self.weekdays, Class::Stop),
                (&self.institutions, Class::Stop),
                (&self.months, Class::NotFirst),
                (&self.places, Class::NotFirst),
            ];
            for (list, class) in lists {
                for w in list {
                    c.words.entry(w.to_lowercase()).or_insert(class);
                }
            }
            c.by_sketch = vec![Vec::new(); SKETCHES];
            for (w, class) in &c.words {
                if let Some(bucket) = c.by_sketch.get_mut(sketch(w.as_bytes())) {
                    bucket.push((w.clone(), *class));
                }
            }
            for p in &self.particles {
                if p.ends_with(['\'', '’', '-']) {
                    if let Some(slot) = p.bytes().next().and_then(|b| c.glued_first.0.get_mut(usize::from(b))) {
                        *slot = true;
                    }
                    c.glued.push(p.clone());
                } else {
                    let p = p.to_lowercase();
                    c.spaced_longest = c.spaced_longest.max(p.len());
                    if let Some(slot) = p.bytes().next().and_then(|b| c.spaced_first.0.get_mut(usize::from(b))) {
                        *slot = true;
                    }
                    c.spaced.insert(p);
                }
            }
            c.title_longest = self.titles.iter().map(|t| t.to_lowercase().chars().count()).max().unwrap_or(0);
            c
        })
    }
}

/// One part of a name, as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartKind {
    /// A capitalized word: "Donald", "Jean-Luc", "O'Brien", "Gaulle".
    Word,
    /// "J.", "J.-L.", "J.D."
    Initial,
    /// "de", "von", "d'", "al-", "Le" in "Marine Le Pen".
    Particle,
}

#[derive(Clone, Debug, PartialEq)]
pub struct NamePart {
    /// Bytes of the original file.
    pub span: Span,
    /// Byte range in `NameClaim::name`.
    pub at: (usize, usize),
    pub kind: PartKind,
}

/// A person's name as written, without title, elision or possessive.
#[derive(Clone, Debug, PartialEq)]
pub struct NameClaim {
    pub name: String,
    pub parts: Vec<NamePart>,
    /// A title introduces it: "M. Macron".
    pub titled: bool,
    /// It stands inside quotation marks: « … », "…", “…”.
    pub quoted: bool,
}

impl NameClaim {
    pub fn json_fields(&self, out: &mut Map<String, Value>) {
        out.insert("value".into(), json!(self.name));
    }

    /// The text of one of its parts.
    pub fn part_text(&self, part: &NamePart) -> &str {
        self.name.get(part.at.0..part.at.1).unwrap_or("")
    }

    /// Its capitalized words, in order (particles and initials left out).
    pub fn words(&self) -> impl Iterator<Item = &NamePart> {
        self.parts.iter().filter(|p| p.kind == PartKind::Word)
    }
}

/// What the document has taught so far: surnames (folded), for lone mentions further on.
#[derive(Debug, Default)]
pub struct Seen {
    surnames: FxHashSet<String>,
    /// `surnames` as a filter, tested first: most words looked up are no surname.
    surname_filter: WordFilter,
    /// First words of full names ("donald"), and full names ("donald trump").
    given: FxHashSet<String>,
    full: FxHashSet<String>,
    /// A SymSpell index: every surname and each of its one-letter deletions, by the hash of that
    /// key, → the last entry of `links` for it; two words one edit apart share a key. A hash
    /// shared by chance only adds candidates, which are measured before use.
    near: FxHashMap<u64, u32>,
    /// Per entry: the surname (index in `list`) and the entry before it for the same key.
    links: Vec<(u32, u32)>,
    list: Vec<String>,
    /// Buffers reused from one capital to the next, and from run to run.
    scratch: Scratch,
}

/// The scan's reusable buffers: a folded word, the parts of a sequence, the particles pending
/// in a gap.
#[derive(Debug, Default)]
struct Scratch {
    buf: String,
    parts: Vec<Raw>,
    pending: Vec<Raw>,
}

/// The surnames (and given and full names) a draft's tables are first sized for.
const SURNAMES: usize = 32;

/// No entry before (the end of a chain of `Seen::links`).
const NO_LINK: u32 = u32::MAX;

impl Seen {
    fn learn(&mut self, folded: &str) {
        if folded.chars().count() < 4 || self.surnames.contains(folded) {
            return;
        }
        if self.list.is_empty() {
            // Sized once for a draft's few dozen surnames, not grown step by step.
            self.surnames.reserve(SURNAMES);
            self.list.reserve(SURNAMES);
            self.near.reserve(8 * SURNAMES);
            self.links.reserve(8 * SURNAMES);
        }
        self.surnames.insert(folded.to_string());
        self.surname_filter.insert(folded);
        let id = self.list.len() as u32;
        self.list.push(folded.to_string());
        let (near, links) = (&mut self.near, &mut self.links);
        deletion_hashes(folded, |key| {
            let entry = links.len() as u32;
            let before = near.insert(key, entry).unwrap_or(NO_LINK);
            links.push((id, before));
        });
    }

    /// Adds `folded` to a set unless it is there already (no copy then).
    fn remember(set: &mut FxHashSet<String>, folded: &str) {
        if set.capacity() == 0 {
            set.reserve(SURNAMES);
        }
        if !set.contains(folded) {
            set.insert(folded.to_string());
        }
    }

    /// A sentence-opening word is a given name, not an adverb, when the draft or the list used
    /// it as one.
    fn knows_given(&self, folded: &str) -> bool {
        self.given.contains(folded) || name_list::bundled().is_given(folded)
    }

    fn knows(&self, folded: &str) -> bool {
        let hash = fx_hash(folded);
        (self.surname_filter.may_hold(hash) && self.surnames.contains(folded))
            || name_list::bundled().is_surname_hashed(folded, hash)
    }

    /// A surname of the document one edit away from `folded`.
    fn near(&self, folded: &str) -> bool {
        if folded.chars().count() < 4 || self.list.is_empty() {
            return false;
        }
        let mut found = false;
        deletion_hashes(folded, |key| {
            if found {
                return;
            }
            let mut at = self.near.get(&key).copied().unwrap_or(NO_LINK);
            while let Some(&(id, before)) = self.links.get(at as usize) {
                if self.list.get(id as usize).is_some_and(|s| strsim::damerau_levenshtein(s, folded) == 1) {
                    found = true;
                    return;
                }
                at = before;
            }
        });
        found
    }
}

/// Calls `f` with the word, then with each of its one-character deletions in order (what
/// `once(word).chain(deletions(word))` yields), built in one reused buffer.
pub(crate) fn with_deletions(word: &str, mut f: impl FnMut(&str)) {
    f(word);
    let mut key = String::with_capacity(word.len());
    for (i, c) in word.char_indices() {
        key.clear();
        key.push_str(word.get(..i).unwrap_or(""));
        key.push_str(word.get(i + c.len_utf8()..).unwrap_or(""));
        f(&key);
    }
}

/// The hashes of a word and of each of its one-character deletions (the keys of
/// [`with_deletions`], last character's deletion first), computed without building the keys: a
/// polynomial hash of the bytes, whose value for the word less bytes `i..j` is that of the bytes
/// before `i`, shifted, plus that of the bytes from `j`. Two words one edit apart share a key,
/// so share a hash; a hash shared by chance only adds candidates, which callers measure.
pub(crate) fn deletion_hashes(word: &str, mut f: impl FnMut(u64)) {
    const B: u64 = 0x0100_0000_01b3;
    let bytes = word.as_bytes();
    // prefix[k]: the hash of the first k bytes.
    let mut small = [0u64; 33];
    let mut big = Vec::new();
    let prefix: &mut [u64] = match small.get_mut(..=bytes.len()) {
        Some(p) => p,
        None => {
            big.resize(bytes.len() + 1, 0);
            &mut big
        }
    };
    let mut h = 0u64;
    for (slot, &b) in prefix.iter_mut().skip(1).zip(bytes) {
        h = h.wrapping_mul(B).wrapping_add(u64::from(b) + 1);
        *slot = h;
    }
    f(h);
    // From the end: the hash of the bytes from `j`, and B to the power of their count.
    let (mut suffix, mut power) = (0u64, 1u64);
    for (i, c) in word.char_indices().rev() {
        let before = prefix.get(i).copied().unwrap_or(0);
        f(before.wrapping_mul(power).wrapping_add(suffix));
        for &b in bytes.get(i..i + c.len_utf8()).unwrap_or_default().iter().rev() {
            suffix = suffix.wrapping_add((u64::from(b) + 1).wrapping_mul(power));
            power = power.wrapping_mul(B);
        }
    }
}

/// The one-character deletions of a word.
pub(crate) fn deletions(word: &str) -> impl Iterator<Item = String> + '_ {
    word.char_indices().map(move |(i, c)| {
        let mut s = String::with_capacity(word.len());
        s.push_str(word.get(..i).unwrap_or(""));
        s.push_str(word.get(i + c.len_utf8()..).unwrap_or(""));
        s
    })
}

type PResult<'i, O> = IResult<&'i str, O, ()>;

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

// SEGMENT := UPPER LETTER*
// Hand-written (the nom reading is kept in the tests, which compare the two): the end of a
// segment starting at byte `at` of `i`, if one does.
fn segment_end(i: &str, at: usize) -> Option<usize> {
    let bytes = i.as_bytes();
    let mut end = match *bytes.get(at)? {
        b if b.is_ascii_uppercase() => at + 1,
        b if b.is_ascii() => return None,
        _ => {
            let c = i.get(at..)?.chars().next()?;
            if !c.is_uppercase() {
                return None;
            }
            at + c.len_utf8()
        }
    };
    while let Some(&b) = bytes.get(end) {
        if b.is_ascii_alphabetic() {
            end += 1;
        } else if b.is_ascii() {
            break;
        } else {
            match i.get(end..).and_then(|s| s.chars().next()) {
                Some(c) if c.is_alphabetic() => end += c.len_utf8(),
                _ => break,
            }
        }
    }
    Some(end)
}

// WORD := SEGMENT (("-" | APOS) SEGMENT)*, two letters at least, not all capitals:
// "Jean-Luc", "O'Brien", "McCain"; not "NATO", "A", "Trump's" (which reads "Trump")
fn word(i: &str) -> PResult<'_, &str> {
    let fail = || nom::Err::Error(());
    if let Some(found) = ascii_word_end(i.as_bytes()) {
        let end = found.ok_or_else(fail)?;
        return match (i.get(..end), i.get(end..)) {
            (Some(w), Some(rest)) => Ok((rest, w)),
            _ => Err(fail()),
        };
    }
    let mut end = segment_end(i, 0).ok_or_else(fail)?;
    loop {
        let joiner = match i.as_bytes().get(end) {
            Some(b'-' | b'\'') => 1,
            Some(0xE2) if i.get(end..).is_some_and(|s| s.starts_with('’')) => '’'.len_utf8(),
            _ => break,
        };
        match segment_end(i, end + joiner) {
            Some(e) => end = e,
            None => break,
        }
    }
    let (Some(w), Some(rest)) = (i.get(..end), i.get(end..)) else { return Err(fail()) };
    let ok = if w.is_ascii() {
        w.bytes().filter(u8::is_ascii_alphabetic).count() >= 2 && w.bytes().any(|b| b.is_ascii_lowercase())
    } else {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && w.chars().any(char::is_lowercase)
    };
    if ok {
        Ok((rest, w))
    } else {
        Err(fail())
    }
}

/// [`word`] read in one pass over ASCII bytes, its letters counted on the way: `Some(Some(end))`
/// for a word, `Some(None)` for none, `None` when a byte past ASCII is met where it may change
/// the reading (a letter, an uppercase letter after a joiner, "’"): then [`word`] reads it in
/// full.
fn ascii_word_end(bytes: &[u8]) -> Option<Option<usize>> {
    let first = *bytes.first()?;
    if !first.is_ascii_uppercase() {
        return first.is_ascii().then_some(None);
    }
    let (mut end, mut letters, mut lower) = (1, 1usize, false);
    loop {
        match bytes.get(end) {
            Some(b) if b.is_ascii_lowercase() => {
                lower = true;
                letters += 1;
                end += 1;
            }
            Some(b) if b.is_ascii_uppercase() => {
                letters += 1;
                end += 1;
            }
            Some(b'-' | b'\'') => match bytes.get(end + 1) {
                Some(b) if b.is_ascii_uppercase() => {
                    letters += 1;
                    end += 2;
                }
                Some(b) if !b.is_ascii() => return None,
                _ => break,
            },
            Some(b) if !b.is_ascii() => return None,
            _ => break,
        }
    }
    Some((letters >= 2 && lower).then_some(end))
}

/// The end of UPPER "." at byte `at` of `i`.
fn upper_dot(i: &str, at: usize) -> Option<usize> {
    let c = i.get(at..)?.chars().next()?;
    let after = at + c.len_utf8();
    (c.is_uppercase() && i.as_bytes().get(after) == Some(&b'.')).then_some(after + 1)
}

// INITIAL := UPPER "." (["-"] UPPER ".")*: "J.", "J.-L.", "J.D."
fn initial(i: &str) -> PResult<'_, &str> {
    let fail = || nom::Err::Error(());
    let mut end = upper_dot(i, 0).ok_or_else(fail)?;
    loop {
        let from = if i.as_bytes().get(end) == Some(&b'-') { end + 1 } else { end };
        match upper_dot(i, from) {
            Some(e) => end = e,
            None => break,
        }
    }
    match (i.get(..end), i.get(end..)) {
        (Some(w), Some(rest)) => Ok((rest, w)),
        _ => Err(fail()),
    }
}

// SEP := one space, U+00A0, U+202F or line break between two parts
// Hand-written (the nom reading is kept in the tests, which compare the two): by the bytes.
fn sep(i: &str) -> PResult<'_, char> {
    let (c, len) = match i.as_bytes() {
        [b' ', ..] => (' ', 1),
        [b'\n', ..] => ('\n', 1),
        [0xC2, 0xA0, ..] => ('\u{a0}', 2),
        [0xE2, 0x80, 0xAF, ..] => ('\u{202f}', 3),
        _ => return Err(nom::Err::Error(())),
    };
    i.get(len..).map(|rest| (rest, c)).ok_or(nom::Err::Error(()))
}

// SPACED_PARTICLE := a lowercase particle of the lexicon END SEP: "de ", "von "
// Hand-written (the nom reading is kept in the tests, which compare the two): the lowercase
// word is read byte by byte and given up once longer than the longest particle.
fn spaced_particle<'i>(cl: &Classes, i: &'i str) -> PResult<'i, &'i str> {
    let fail = || nom::Err::Error(());
    let bytes = i.as_bytes();
    if bytes.first().is_none_or(|&b| cl.spaced_first.0.get(usize::from(b)) != Some(&true)) {
        return Err(fail());
    }
    let mut end = 0;
    loop {
        match bytes.get(end) {
            Some(b) if b.is_ascii_lowercase() => end += 1,
            Some(b) if !b.is_ascii() => match i.get(end..).and_then(|r| r.chars().next()) {
                Some(c) if c.is_lowercase() => end += c.len_utf8(),
                _ => break,
            },
            _ => break,
        }
        if end > cl.spaced_longest {
            return Err(fail());
        }
    }
    let (Some(w), Some(rest)) = (i.get(..end), i.get(end..)) else { return Err(fail()) };
    if w.is_empty() || !cl.spaced.contains(w) {
        return Err(fail());
    }
    let (rest, _) = sep(rest)?;
    Ok((rest, w))
}

// GLUED_PARTICLE := "d'" | "al-" | … directly before a capital: "d'Estaing", "al-Assad"
fn glued_particle<'i>(cl: &Classes, i: &'i str) -> PResult<'i, usize> {
    if i.as_bytes().first().is_none_or(|&b| cl.glued_first.0.get(usize::from(b)) != Some(&true)) {
        return Err(nom::Err::Error(()));
    }
    for p in &cl.glued {
        if let Some(rest) = i.strip_prefix(p.as_str()) {
            if rest.chars().next().is_some_and(char::is_uppercase) {
                return Ok((rest, p.len()));
            }
        }
    }
    Err(nom::Err::Error(()))
}

/// A part read before deciding whether the sequence is a name (offsets in the run's text).
#[derive(Clone, Copy, Debug)]
struct Raw {
    start: usize,
    end: usize,
    kind: PartKind,
}

/// The sequence starting at `at` (its parts are in [`Scratch::parts`]), and where the scan
/// resumes.
struct Sequence {
    titled: bool,
    resume: usize,
}

fn class_of(cl: &Classes, w: &str, buf: &mut String) -> Option<Class> {
    // An ASCII word's lowercase is its bytes lowercased: a listed word equal to it but for the
    // case of ASCII letters is that lowercase, and has its sketch.
    if w.is_ascii() {
        let bucket = cl.by_sketch.get(sketch(w.as_bytes()))?;
        // Compared in place: `k` is lowercase, `w` ASCII.
        let same = |k: &str| k.len() == w.len() && k.bytes().zip(w.bytes()).all(|(a, b)| a == b.to_ascii_lowercase());
        return bucket.iter().find(|(k, _)| same(k)).map(|&(_, class)| class);
    }
    lower_into(w, buf);
    cl.words.get(buf.as_str()).copied()
}

/// `w` lowercased into `buf`.
fn lower_into(w: &str, buf: &mut String) {
    buf.clear();
    if w.is_ascii() {
        buf.push_str(w);
        buf.make_ascii_lowercase();
        return;
    }
    for c in w.chars() {
        if c.is_ascii() {
            buf.push(c.to_ascii_lowercase());
        } else {
            for l in c.to_lowercase() {
                buf.push(l);
            }
        }
    }
}

/// A title word at the start of `i` ("M.", "Sen.", "President"), with what follows it. `word`
/// is what [`word`] read at `i`, with its class: read once for both uses.
fn title<'i>(
    cl: &Classes,
    i: &'i str,
    word: Option<(&'i str, &'i str, Option<Class>)>,
    buf: &mut String,
) -> Option<&'i str> {
    // TITLE := (WORD | INITIAL) of the title class, or followed by a dot that completes one
    let (rest, w, class) = match word {
        Some(read) => read,
        None => {
            let (rest, w) = initial(i).ok()?;
            (rest, w, class_of(cl, w, buf))
        }
    };
    if let Some(after_dot) = rest.strip_prefix('.') {
        lower_into(w, buf);
        buf.push('.');
        if cl.words.get(buf.as_str()) == Some(&Class::Title) {
            return Some(after_dot);
        }
    }
    (class == Some(Class::Title)).then_some(rest)
}

/// Reads the sequence of capitalized parts at `at` (a capital letter that opens a word) into
/// `sc.parts`.
fn sequence(cl: &Classes, text: &str, at: usize, sc: &mut Scratch) -> Sequence {
    let Scratch { buf, parts, pending } = sc;
    parts.clear();
    // Whether a title precedes: read below, only for a sequence that has parts.
    let mut titled = false;
    let mut pos = at;
    let mut resume = at;
    while let Some(rest) = text.get(pos..) {
        let read = word(rest).ok().map(|(after, w)| (after, w, class_of(cl, w, buf)));
        if parts.is_empty() {
            if let Some(after) = title(cl, rest, read, buf) {
                resume = text.len() - after.len();
                match sep(after) {
                    Ok((next, _)) if next.chars().next().is_some_and(char::is_uppercase) => {
                        titled = true;
                        pos = text.len() - next.len();
                        continue;
                    }
                    _ => break,
                }
            }
        }
        let (after, kind, not_first) = if let Some((after, _, class)) = read {
            match class {
                Some(Class::Stop) => break,
                Some(Class::Title) if !parts.is_empty() && after.starts_with('.') => break,
                Some(Class::CapParticle) => (after, PartKind::Particle, false),
                Some(Class::NotFirst) => (after, PartKind::Word, true),
                _ => (after, PartKind::Word, false),
            }
        } else if let Ok((after, _)) = initial(rest) {
            (after, PartKind::Initial, false)
        } else {
            break;
        };
        if not_first && !parts.iter().any(|p| p.kind == PartKind::Word) {
            resume = resume.max(text.len() - after.len());
            break;
        }
        let end = text.len() - after.len();
        parts.push(Raw { start: pos, end, kind });
        resume = end;
        // GAP := SEP (SPACED_PARTICLE)* [GLUED_PARTICLE] before the next capital, or a glued
        // particle right after a word's end is not allowed ("Trump's").
        let Ok((mut next, _)) = sep(after) else { break };
        pending.clear();
        loop {
            let here = text.len() - next.len();
            if let Ok((n, p)) = spaced_particle(cl, next) {
                pending.push(Raw { start: here, end: here + p.len(), kind: PartKind::Particle });
                next = n;
            } else {
                break;
            }
        }
        let here = text.len() - next.len();
        if let Ok((n, len)) = glued_particle(cl, next) {
            pending.push(Raw { start: here, end: here + len, kind: PartKind::Particle });
            next = n;
        }
        if !next.chars().next().is_some_and(char::is_uppercase) {
            break;
        }
        parts.append(pending);
        pos = text.len() - next.len();
    }
    // A name ends with a word: "Plan B." is not a name ending in an initial.
    while parts.last().is_some_and(|p| p.kind != PartKind::Word) {
        parts.pop();
    }
    // « le président Macron »: the word before decides, when there is a name to title.
    if !parts.is_empty() && !titled {
        titled = title_before(cl, text, at, buf);
    }
    Sequence { titled, resume: resume.max(at + 1) }
}

/// The previous word before `at` is a title: « le président Macron ».
fn title_before(cl: &Classes, text: &str, at: usize, buf: &mut String) -> bool {
    let Some(before) = text.get(..at) else { return false };
    let Some(before) = before.strip_suffix([' ', '\u{a0}', '\u{202f}']) else { return false };
    // The word before, read back no further than the longest title: a longer word is none (a
    // lowercase has at least as many characters). It starts one byte past the character that
    // ends it, as first written: none when that character is wider than a byte.
    let mut start = 0;
    for (n, (i, c)) in before.char_indices().rev().enumerate() {
        if !(c.is_alphabetic() || c == '.' || c == '-') {
            start = i + 1;
            break;
        }
        if n >= cl.title_longest {
            return false;
        }
        start = i;
    }
    let Some(w) = before.get(start..) else { return false };
    !w.is_empty() && class_of(cl, w, buf) == Some(Class::Title)
}

/// Headline capitals ("Trump Wins Big In Ohio") say nothing about names.
fn title_case(text: &str) -> bool {
    let (mut long, mut capital) = (0, 0);
    for w in text.split_whitespace() {
        if w.chars().filter(|c| c.is_alphabetic()).count() >= 4 {
            long += 1;
            capital += usize::from(w.chars().next().is_some_and(char::is_uppercase));
        }
    }
    long >= 3 && capital * 10 >= long * 6
}

/// Quotation state, advanced through the text as the scan goes.
#[derive(Default)]
struct Quotes {
    pos: usize,
    depth: u32,
    straight: bool,
}

impl Quotes {
    fn advance(&mut self, text: &str, to: usize) {
        let Some(slice) = text.get(self.pos..to) else { return };
        // The marks are '"' and the characters led by 0xC2 (« ») and 0xE2 (“ ”): bytes never
        // found inside another character, so the slice is searched for them, not decoded.
        let bytes = slice.as_bytes();
        for i in memchr::memchr3_iter(b'"', 0xC2, 0xE2, bytes) {
            match (bytes.get(i), bytes.get(i + 1), bytes.get(i + 2)) {
                (Some(b'"'), _, _) => self.straight = !self.straight,
                (Some(0xC2), Some(0xAB), _) | (Some(0xE2), Some(0x80), Some(0x9C)) => self.depth += 1,
                (Some(0xC2), Some(0xBB), _) | (Some(0xE2), Some(0x80), Some(0x9D)) => {
                    self.depth = self.depth.saturating_sub(1)
                }
                _ => {}
            }
        }
        self.pos = to;
    }
    fn inside(&self) -> bool {
        self.depth > 0 || self.straight
    }
}

/// Whether byte `at` is the first letter or digit of one of `sentences` (sorted, disjoint
/// ranges of `text`): found by binary search, then only the sentence's head is read.
fn opens_sentence(text: &str, sentences: &[(usize, usize)], at: usize) -> bool {
    let k = sentences.partition_point(|&(s, _)| s <= at);
    let Some(&(s, e)) = k.checked_sub(1).and_then(|k| sentences.get(k)) else { return false };
    at < e
        && text.get(at..).and_then(|r| r.chars().next()).is_some_and(char::is_alphanumeric)
        && text.get(s..at).is_some_and(|head| !head.chars().any(char::is_alphanumeric))
}

/// Reads the names of a run into `out` (claims before `first` belong to other runs; those of
/// this run are dates and numbers, which names never overlap). `seen` carries the surnames
/// of the runs before.
pub fn scan(cx: &RunCx<'_>, first: usize, out: &mut Vec<Claim>, seen: &mut Seen) {
    let text = cx.text();
    if cx.run.heading && title_case(text) {
        return;
    }
    let cl = cx.lex.names.classes();
    // The dates and numbers of this run: a name never overlaps them.
    let taken = first..out.len();
    let mut quotes = Quotes::default();
    let mut sc = std::mem::take(&mut seen.scratch);
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(at) = next_capital(bytes, i) {
        i = at;
        let Some(c) = text.get(i..).and_then(|s| s.chars().next()) else { break };
        if !c.is_uppercase() || !opens_word(text, i) {
            i += c.len_utf8();
            continue;
        }
        let seq = sequence(cl, text, i, &mut sc);
        let resume = seq.resume;
        let taken = out.get(taken.clone()).unwrap_or_default();
        let mut quoted = || {
            quotes.advance(text, i);
            quotes.inside()
        };
        if let Some(claim) = judge(cx, cl, seq, &mut quoted, taken, seen, &mut sc) {
            out.push(claim);
        }
        i = resume;
    }
    seen.scratch = sc;
}

/// Whether a byte may start a capital: an ASCII capital, or a lead byte of at least 0xC3 (À and
/// beyond).
fn may_open_capital(b: u8) -> bool {
    b.is_ascii_uppercase() || b >= 0xC3
}

/// Whether the character at byte `at` is surely not a capital although its lead byte
/// [`may_open_capital`]: 0xC3 0x9F..=0xBF (ß, à…ÿ, ÷), U+2000..=U+203F (’, “, ”, —, …) and œ,
/// the lowercase letters and marks of French prose (tests check that none is uppercase).
fn lowercase_lead(bytes: &[u8], at: usize) -> bool {
    match (bytes.get(at), bytes.get(at + 1)) {
        (Some(0xC3), Some(&n)) => n >= 0x9F,
        (Some(0xE2), Some(0x80)) | (Some(0xC5), Some(0x93)) => true,
        _ => false,
    }
}

/// The first byte at or after `from` that [`may_open_capital`], less those of
/// [`lowercase_lead`]. Eight bytes are tested at once: a chunk's candidate bytes are found as a
/// bit mask, and a chunk with none is skipped whole.
fn next_capital(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let rest = bytes.get(from..)?;
    let mut chunks = rest.chunks_exact(8);
    for (k, chunk) in chunks.by_ref().enumerate() {
        let Ok(word) = <[u8; 8]>::try_from(chunk) else { break };
        let i = from + 8 * k;
        let x = u64::from_le_bytes(word);
        // Per byte, on its low seven bits (no carry crosses bytes): high bit set when >= 'A',
        // when > 'Z', and when >= 0x43 (with the byte's own high bit: a byte >= 0xC3).
        let low = x & !HIGH;
        let from_a = low + ONES * u64::from(0x80 - b'A');
        let past_z = low + ONES * u64::from(0x80 - b'[');
        let from_c3 = low + ONES * 0x3D;
        let mut candidates = ((from_a & !past_z & !x) | (x & from_c3)) & HIGH;
        while candidates != 0 {
            let at = i + (candidates.trailing_zeros() / 8) as usize;
            if !lowercase_lead(bytes, at) {
                return Some(at);
            }
            candidates &= candidates - 1;
        }
    }
    let i = from + (rest.len() - chunks.remainder().len());
    let tail = chunks.remainder();
    (0..tail.len())
        .map(|p| i + p)
        .find(|&at| bytes.get(at).is_some_and(|&b| may_open_capital(b)) && !lowercase_lead(bytes, at))
}

/// A capital opens a word after a non-letter, or after an elided article or particle
/// ("d'Emmanuel", "l'Élysée", "al-Assad").
fn opens_word(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or("");
    match before.chars().next_back() {
        None => true,
        Some(c) if c.is_alphanumeric() => false,
        Some(c) if is_apostrophe(c) || c == '-' => {
            // "O'Brien" and "Jean-Luc" are read from their first capital; a capital after an
            // apostrophe opens a word only when a lowercase elision precedes it.
            let head = &before[..before.len() - c.len_utf8()];
            let w: String = head.chars().rev().take_while(|c| c.is_alphabetic()).collect();
            !w.is_empty() && w.chars().all(char::is_lowercase)
        }
        Some(_) => true,
    }
}

/// Decides whether a sequence is a name and builds its claim.
#[allow(clippy::too_many_arguments)]
fn judge(
    cx: &RunCx<'_>,
    cl: &Classes,
    seq: Sequence,
    quoted: &mut dyn FnMut() -> bool,
    taken: &[Claim],
    seen: &mut Seen,
    sc: &mut Scratch,
) -> Option<Claim> {
    let text = cx.text();
    let Scratch { buf, parts, .. } = sc;
    let words = parts.iter().filter(|p| p.kind == PartKind::Word).count();
    // A capitalized particle opening two or more words is an article: "La Rochelle Hier".
    if words >= 2 && !seq.titled {
        while parts.first().is_some_and(|p| p.kind == PartKind::Particle) {
            parts.remove(0);
        }
    }
    let first = *parts.first()?;
    let last = *parts.last()?;
    let sentence_start = opens_sentence(text, &cx.run.sentences, first.start);
    // "Later Donald Trump", "Ensuite Trump": a sentence's first word before a known name is not
    // part of it, unless the draft or the list knows it as a given name.
    let mut words = words;
    if sentence_start && !seq.titled && words >= 2 && first.kind == PartKind::Word {
        let rest = parts.get(1).map_or(last.end, |p| p.start);
        fold_into(text.get(rest..last.end)?, buf);
        if seen.knows(buf) || seen.full.contains(buf.as_str()) {
            fold_into(text.get(first.start..first.end)?, buf);
            if !seen.knows_given(buf) {
                parts.remove(0);
                words -= 1;
                while parts.first().is_some_and(|p| p.kind == PartKind::Particle) && words >= 2 {
                    parts.remove(0);
                }
            }
        }
    }
    let first = *parts.first()?;
    let opens_with_initials = first.kind == PartKind::Initial;
    let full = words >= 2 || (opens_with_initials && words >= 1);
    if !full {
        // One word, maybe after particles ("Le Pen", "de Gaulle" when that surname is known).
        let particle = particle_before(cl, text, first.start);
        let with_particle = particle.and_then(|(ps, _)| {
            fold_into(text.get(ps..last.end)?, buf);
            seen.knows(buf).then_some(ps)
        });
        fold_into(text.get(first.start..last.end)?, buf);
        let known = with_particle.is_some() || seen.knows(buf);
        if !(seq.titled || known || (!sentence_start && !quoted() && seen.near(buf))) {
            return None;
        }
        if seq.titled {
            seen.learn(buf);
        }
        if let (Some(ps), Some((_, pe))) = (with_particle, particle) {
            parts.insert(0, Raw { start: ps, end: pe, kind: PartKind::Particle });
        }
    } else {
        // Learn the surname: the last word with the particles before it ("Le Pen", "de Gaulle").
        let mut s = parts.len() - 1;
        while s > 0 && parts.get(s - 1).is_some_and(|p| p.kind == PartKind::Particle) {
            s -= 1;
        }
        let from = parts.get(s).map_or(last.start, |p| p.start);
        fold_into(text.get(from..last.end)?, buf);
        seen.learn(buf);
        if first.kind == PartKind::Word {
            fold_into(text.get(first.start..first.end)?, buf);
            Seen::remember(&mut seen.given, buf);
        }
        fold_into(text.get(first.start..last.end)?, buf);
        Seen::remember(&mut seen.full, buf);
    }
    let (start, end) = (parts.first()?.start, last.end);
    if taken.iter().any(|c| c.local.0 < end && start < c.local.1) {
        return None;
    }
    let name = text.get(start..end)?.to_string();
    let parts = parts
        .iter()
        .map(|p| NamePart { span: cx.run.span(p.start, p.end), at: (p.start - start, p.end - start), kind: p.kind })
        .collect();
    let claim = NameClaim { name, parts, titled: seq.titled, quoted: quoted() };
    Some(cx.claim(start, end, ClaimKind::Name(claim)))
}

/// The lowercase particle written just before a lone surname: "de" in "de Gaulle", "al-" in
/// "al-Assad" (its range in the run's text).
fn particle_before(cl: &Classes, text: &str, start: usize) -> Option<(usize, usize)> {
    let before = text.get(..start)?;
    // Glued particles end with an apostrophe or a hyphen ("’" ends with byte 0x99).
    if matches!(before.as_bytes().last(), Some(b'\'' | b'-' | 0x99)) {
        if let Some(p) = cl.glued.iter().find(|p| p.len() > 2 && before.ends_with(p.as_str())) {
            return Some((start - p.len(), start));
        }
    }
    let trimmed = before.strip_suffix(' ')?;
    // The word before, read back no further than the longest spaced particle. It starts one
    // byte past the character that ends it, as first written: none when that character is
    // wider than a byte.
    let mut w_start = 0;
    for (i, c) in trimmed.char_indices().rev() {
        if !c.is_alphabetic() {
            w_start = i + 1;
            break;
        }
        if trimmed.len() - i > cl.spaced_longest {
            return None;
        }
    }
    let w = trimmed.get(w_start..)?;
    (!w.is_empty() && cl.spaced.contains(w)).then_some((w_start, w_start + w.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{extract, ExtractOptions};
    use crate::source::{Document, Format, Lang, ReadOptions};
    use nom::branch::alt;
    use nom::bytes::complete::{tag, take_while};
    use nom::character::complete::{char, satisfy};
    use nom::combinator::{opt, recognize, verify};
    use nom::multi::fold_many0;
    use nom::Parser;

    fn names(lang: Lang, text: &str) -> Vec<String> {
        let opts = ReadOptions { lang: Some(lang), ..ReadOptions::default() };
        let doc = Document::read(text, Format::Markdown, &opts);
        let claims = extract(&doc, &ExtractOptions::default());
        claims
            .items
            .iter()
            .filter_map(|c| match &c.kind {
                ClaimKind::Name(n) => {
                    assert_eq!(doc.text(c.span), n.name, "span and value agree");
                    Some(n.name.clone())
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn reads_parts() {
        for (input, left, want) in [
            ("Jean-Luc rit", " rit", "Jean-Luc"),
            ("O'Brien a dit", " a dit", "O'Brien"),
            ("Trump's plan", "'s plan", "Trump"),
            ("Élisabeth Borne", " Borne", "Élisabeth"),
            ("McCain said", " said", "McCain"),
        ] {
            assert_eq!(word(input), Ok((left, want)), "{input:?}");
        }
        for no in ["NATO", "A", "é", "UE a dit", "1er"] {
            assert!(word(no).is_err(), "{no}");
        }
        for (input, left, want) in [("J. D. Vance", " D. Vance", "J."), ("J.-L. Borloo", " Borloo", "J.-L.")] {
            assert_eq!(initial(input), Ok((left, want)), "{input:?}");
        }
        assert!(initial("Jo.").is_err());
    }

    // The grammar lines read with nom, to check the hand-written parsers against.
    fn nom_segment(i: &str) -> PResult<'_, &str> {
        recognize((satisfy(char::is_uppercase), take_while(char::is_alphabetic))).parse(i)
    }

    fn nom_word(i: &str) -> PResult<'_, &str> {
        let joiner = alt((tag("-"), recognize(satisfy(is_apostrophe))));
        verify(recognize((nom_segment, fold_many0((joiner, nom_segment), || (), |_, _| ()))), |w: &str| {
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            letters >= 2 && w.chars().any(char::is_lowercase)
        })
        .parse(i)
    }

    fn nom_initial(i: &str) -> PResult<'_, &str> {
        let one = (satisfy(char::is_uppercase), char('.'));
        let more = fold_many0((opt(char('-')), satisfy(char::is_uppercase), char('.')), || (), |_, _| ());
        recognize((one, more)).parse(i)
    }

    #[test]
    fn finds_the_next_capital_as_a_byte_scan_does() {
        let texts = [
            "",
            "a",
            "abcdefgh",
            "abcdefghZ",
            "@[`{ AZ az",
            "les élèves d'Émile et de Ÿves ont vu Ørsted",
            "tout en minuscules, sans rien à trouver ici, même après huit octets",
            "\u{80}\u{c2}\u{bf}x\u{e9}X\u{2019}Y",
            "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzQ",
            "l’œuvre « intégrale » d’Œdipe — où ça ? Ÿ … “Ⓐ” ß ÷ Þ ñ Ñ",
            "éééééééé’’’’’’’’ààààààààÀ",
        ];
        for text in texts {
            let bytes = text.as_bytes();
            for from in 0..=bytes.len() + 1 {
                let want = (from..bytes.len())
                    .find(|&at| bytes.get(at).is_some_and(|&b| may_open_capital(b)) && !lowercase_lead(bytes, at));
                assert_eq!(next_capital(bytes, from), want, "{text:?} from {from}");
            }
        }
    }

    #[test]
    fn deletion_hashes_hash_the_deletions() {
        // The same polynomial hash, of each key built.
        let plain =
            |key: &str| key.bytes().fold(0u64, |h, b| h.wrapping_mul(0x0100_0000_01b3).wrapping_add(u64::from(b) + 1));
        let long = "Abcdefghijklmnopqrstuvwxyz-Éèà-0123456789".repeat(2);
        for word in ["", "a", "ab", "trump", "trumpp", "élysée", "İstanbul", "œuvre", long.as_str()] {
            let mut want = Vec::new();
            with_deletions(word, |k| want.push(plain(k)));
            let mut got = Vec::new();
            deletion_hashes(word, |h| got.push(h));
            want.sort_unstable();
            got.sort_unstable();
            assert_eq!(got, want, "{word:?}");
        }
        let hashes = |w: &str| {
            let mut v = Vec::new();
            deletion_hashes(w, |h| v.push(h));
            v
        };
        // "macron" and "macorn" share "macon"; "trump" is a deletion of "trumpp".
        assert!(hashes("macron").iter().any(|h| hashes("macorn").contains(h)));
        assert!(hashes("trumpp").contains(&hashes("trump")[0]));
        assert!(!hashes("macron").iter().any(|h| hashes("lepen").contains(h)));
    }

    #[test]
    fn classes_words_whatever_their_case() {
        let cl = crate::extract::Lexicon::get(Lang::Fr).names.classes();
        let mut buf = String::new();
        let mut known = 0;
        for w in [
            "Le",
            "LE",
            "le",
            "Président",
            "Mars",
            "Paris",
            "Sénat",
            "M",
            "Abcdefghijklmnopqrstuvwxyz",
            "Mme",
            "Dupont",
        ] {
            let want = cl.words.get(&w.to_lowercase()).copied();
            assert_eq!(class_of(cl, w, &mut buf), want, "{w}");
            known += usize::from(want.is_some());
        }
        assert!(known >= 4, "{known}");
        // Every listed word is found, as written in any case; most others stay out of the sketches.
        for lang in [Lang::Fr, Lang::En] {
            let cl = crate::extract::Lexicon::get(lang).names.classes();
            for (w, class) in &cl.words {
                let capital = format!("{}{}", w.get(..1).unwrap_or("").to_uppercase(), w.get(1..).unwrap_or(""));
                for form in [w.clone(), w.to_uppercase(), capital] {
                    lower_into(&form, &mut buf);
                    if buf == *w {
                        assert_eq!(class_of(cl, &form, &mut buf), Some(*class), "{form}");
                    }
                }
            }
            let used = cl.by_sketch.iter().filter(|b| !b.is_empty()).count();
            let most = cl.by_sketch.iter().map(Vec::len).max().unwrap_or(0);
            assert!(used < 1200 && most <= 4, "most sketches hold no word, none many ({used}, {most})");
        }
    }

    #[test]
    fn spaced_particles_read_as_the_grammar() {
        // SPACED_PARTICLE with nom, as first written.
        fn nom_spaced<'i>(cl: &Classes, i: &'i str) -> PResult<'i, &'i str> {
            let (rest, w) = take_while::<_, _, ()>(|c: char| c.is_lowercase()).parse(i)?;
            if w.is_empty() || !cl.spaced.contains(w) {
                return Err(nom::Err::Error(()));
            }
            let (rest, _) = sep(rest)?;
            Ok((rest, w))
        }
        let mut found = 0;
        for lang in [Lang::Fr, Lang::En] {
            let cl = crate::extract::Lexicon::get(lang).names.classes();
            for input in [
                "de Gaulle",
                "von der Leyen",
                "van Gogh",
                "de",
                "de\u{a0}X",
                "dé X",
                "des X",
                "Le Pen",
                "a b",
                "",
                "delaaaaaaaaaaaaaaa x",
                "ǆ x",
                "der\nX",
                "de-X",
                "ibn Saud",
                "bin Salman",
                "da Silva",
                "du Pont",
            ] {
                assert_eq!(spaced_particle(cl, input), nom_spaced(cl, input), "{input:?}");
                found += usize::from(spaced_particle(cl, input).is_ok());
            }
        }
        assert!(found >= 6, "{found}");
    }

    #[test]
    fn words_before_read_as_first_written() {
        // title_before and particle_before as first written: the whole word read back.
        fn plain_title_before(cl: &Classes, text: &str, at: usize) -> bool {
            let Some(before) = text.get(..at) else { return false };
            let Some(before) = before.strip_suffix([' ', '\u{a0}', '\u{202f}']) else { return false };
            let start = before.rfind(|c: char| !(c.is_alphabetic() || c == '.' || c == '-')).map_or(0, |p| p + 1);
            let Some(w) = before.get(start..) else { return false };
            !w.is_empty() && class_of(cl, w, &mut String::new()) == Some(Class::Title)
        }
        fn plain_particle_before(cl: &Classes, text: &str, start: usize) -> Option<(usize, usize)> {
            let before = text.get(..start)?;
            if let Some(p) = cl.glued.iter().find(|p| p.len() > 2 && before.ends_with(p.as_str())) {
                return Some((start - p.len(), start));
            }
            let trimmed = before.strip_suffix(' ')?;
            let w_start = trimmed.rfind(|c: char| !c.is_alphabetic()).map_or(0, |p| p + 1);
            let w = trimmed.get(w_start..)?;
            (!w.is_empty() && cl.spaced.contains(w)).then_some((w_start, w_start + w.len()))
        }
        let texts = [
            "le président Macron et M. Dupont, Sen. Warren, President Biden",
            "«président Macron», ‘President Biden’, l’ex-président X, vice-président Y",
            "Charles de Gaulle, Bachar al-Assad, Ursula von der Leyen, «de Gaulle», ’de X",
            "Abdel el-Sisi, d’Estaing, d'Estaing, de la Fontaine, desdesdesdes Gaulle",
            "a\u{a0}président X, b\u{202f}président Y, présidentprésidentprésident Z",
            "",
            " X",
        ];
        let mut titled = 0;
        let mut particles = 0;
        for lang in [Lang::Fr, Lang::En] {
            let cl = crate::extract::Lexicon::get(lang).names.classes();
            for text in texts {
                for at in (0..=text.len() + 1).filter(|&at| text.is_char_boundary(at) || at > text.len()) {
                    let got = title_before(cl, text, at, &mut String::new());
                    assert_eq!(got, plain_title_before(cl, text, at), "{text:?} at {at}");
                    titled += usize::from(got);
                    let got = particle_before(cl, text, at);
                    assert_eq!(got, plain_particle_before(cl, text, at), "{text:?} at {at}");
                    particles += usize::from(got.is_some());
                }
            }
        }
        assert!(titled >= 4 && particles >= 8, "{titled} {particles}");
    }

    #[test]
    fn lowercase_leads_lead_no_capital() {
        let mut skipped = 0;
        for c in (0..=0x3000u32).filter_map(char::from_u32) {
            let mut b = [0u8; 4];
            let bytes = c.encode_utf8(&mut b).as_bytes();
            if lowercase_lead(bytes, 0) {
                assert!(!c.is_uppercase(), "{c:?}");
                skipped += 1;
            }
        }
        // ß…ÿ (33), U+2000..U+203F (64), œ.
        assert_eq!(skipped, 33 + 64 + 1);
        assert!(!lowercase_lead("Œ".as_bytes(), 0) && !lowercase_lead("À".as_bytes(), 0));
    }

    #[test]
    fn finds_sentence_openings_as_a_list_of_them_does() {
        let text = "« Déjà. » Puis 3 chats. Ensuite… (Rien) Ⓐb. x";
        let sentences = crate::source::segment::sentences(text, Lang::Fr);
        assert!(sentences.len() >= 3, "{sentences:?}");
        let starts: Vec<usize> = sentences
            .iter()
            .filter_map(|&(s, e)| {
                let sentence = text.get(s..e)?;
                sentence.char_indices().find(|(_, c)| c.is_alphanumeric()).map(|(i, _)| s + i)
            })
            .collect();
        for at in (0..=text.len()).filter(|&at| text.is_char_boundary(at)) {
            assert_eq!(opens_sentence(text, &sentences, at), starts.binary_search(&at).is_ok(), "at {at}");
        }
        assert!(!opens_sentence(text, &[], 0));
    }

    #[test]
    fn hand_written_parts_read_as_the_grammar() {
        let inputs = [
            "Jean-Luc rit",
            "O'Brien",
            "O’Brien a",
            "O’",
            "O'",
            "Trump's",
            "Jean-",
            "Jean--Luc",
            "A-B",
            "Ab-c",
            "ÉLISABETH",
            "Élisabeth",
            "Ŀa",
            "ǅemal",
            "Ⓐbc",
            "ⒶⒷ",
            "Aⓑ",
            "İstanbul",
            "Ab\u{301}c",
            "A",
            "",
            "a",
            "Ab1",
            "Ab_c",
            "Ab’Cd-Ef'Gh",
            "AB-Cd",
            "A.",
            "A.B.",
            "A.-B.",
            "A.-b.",
            "A.-",
            "J.D. Vance",
            "É.-P. Dupont",
            "A..",
            "Ab.",
            "Z",
            "Zz",
            "Ω",
            "Ωμέγα",
            "Straße",
            "ß",
            "Ǆ",
            "A\u{a0}B",
            "McCain",
            "NATO",
            "A-Bc",
            "Ab-Éc",
            "Ab'É",
            "Ab-",
            "O'Brien-Smith",
            "Ab\u{2019}Cd",
            "AbÉ",
            "ABé",
            "Ab-b",
            "Ab-\u{202f}",
        ];
        // SEP with nom, as first written.
        fn nom_sep(i: &str) -> PResult<'_, char> {
            satisfy(|c| matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\n')).parse(i)
        }
        for input in inputs.iter().chain(&[" x", "\nx", "\u{a0}x", "\u{202f}x", "\u{2009}x", "\u{c2}", "\tx"]) {
            for at in (0..=input.len()).filter(|&at| input.is_char_boundary(at)) {
                let rest = input.get(at..).unwrap_or("");
                assert_eq!(sep(rest), nom_sep(rest), "sep {rest:?}");
            }
        }
        for input in inputs {
            assert_eq!(word(input), nom_word(input), "word {input:?}");
            assert_eq!(initial(input), nom_initial(input), "initial {input:?}");
            for at in 0..=input.len() {
                let Some(rest) = input.get(at..) else { continue };
                let want = nom_segment(rest).ok().map(|(r, _)| input.len() - r.len());
                assert_eq!(segment_end(input, at), want, "segment {input:?} at {at}");
            }
        }
    }

    #[test]
    fn reads_names_in_french() {
        let lang = Lang::Fr;
        for (text, want) in [
            ("Le discours d'Emmanuel Macron a duré une heure.", vec!["Emmanuel Macron"]),
            (
                "Il cite Valéry Giscard d'Estaing et Charles de Gaulle.",
                vec!["Valéry Giscard d'Estaing", "Charles de Gaulle"],
            ),
            ("Hier, M. Macron a reçu Mme Borne.", vec!["Macron", "Borne"]),
            ("Marine Le Pen parle. Puis Le Pen se tait.", vec!["Marine Le Pen", "Le Pen"]),
            ("Il a vu Bachar al-Assad et Ursula von der Leyen.", vec!["Bachar al-Assad", "Ursula von der Leyen"]),
            ("Le président Lecornu et Jean-Marie Le Pen.", vec!["Lecornu", "Jean-Marie Le Pen"]),
            ("Donald Trump arrive. Trump repart lundi.", vec!["Donald Trump", "Trump"]),
            (
                "Jean Dupont arrive. Ensuite Dupont repart. Ensuite Jean Dupont revient.",
                vec!["Jean Dupont", "Dupont", "Jean Dupont"],
            ),
            ("Il a rencontré Vladimir Poutine. Plus tard, Poutinne a signé.", vec!["Vladimir Poutine", "Poutinne"]),
        ] {
            assert_eq!(names(lang, text), want, "{text}");
        }
        for text in [
            "Paris et Lyon votent en Mars.",
            "Lundi, le Sénat a voté.",
            "Selon le Conseil constitutionnel, la loi tient.",
            "Mais la France attend. Bruxelles répond.",
            "Le Monde et Libération titrent sur l'Europe.",
            "Ailleurs, Dupont pleut.",
        ] {
            assert_eq!(names(lang, text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn reads_names_in_english() {
        let lang = Lang::En;
        for (text, want) in [
            ("Smith's aides met J. D. Vance on Monday.", vec!["J. D. Vance"]),
            ("Donald Trump's aides met J. D. Vance on Monday.", vec!["Donald Trump", "J. D. Vance"]),
            ("Sen. Warren spoke after Mr. O'Brien.", vec!["Warren", "O'Brien"]),
            ("President Biden thanked Theresa May.", vec!["Biden", "Theresa May"]),
            ("The Kennedys met. John Kennedy left, then Kennedy came back.", vec!["John Kennedy", "Kennedy"]),
        ] {
            assert_eq!(names(lang, text), want, "{text}");
        }
        for text in [
            "The Senate voted on Tuesday in Washington.",
            "In March the United States and the European Union agreed.",
            "NATO and the UN met. Plan B. Then nothing.",
            "Yesterday Congress adjourned.",
        ] {
            assert_eq!(names(lang, text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn skips_headline_capitals() {
        let text = "# Trump Wins Big Victory In Ohio Primary\n\nThe vote was close.\n";
        assert_eq!(names(Lang::En, text), Vec::<String>::new());
    }
}
