//! Lists of people whose spelling is known: the bundled `rules/names/*.txt` (format documented at
//! the top of each file) and the user's `[names]` of factlint.toml. Indexed once for exact
//! lookups (by folded full name and surname) and near ones (a SymSpell index of one-letter
//! deletions of each surname), so matching a name never scans the list.

use crate::config::Names;
use crate::fxhash::{fx_hash, FxHashMap, FxHashSet};
use std::sync::OnceLock;

/// The bundled files, embedded at build time.
pub const BUNDLED: &[(&str, &str)] = &[("rules/names/people.txt", include_str!("../../rules/names/people.txt"))];

/// Capitalized particles, as in `capitalized_particles` of rules/lang/*.toml: not a word of the
/// name when matching ("Marine Le Pen" has the words Marine and Pen).
const CAP_PARTICLES: &[&str] =
    &["Le", "La", "De", "Du", "Des", "Van", "Von", "Da", "Di", "Del", "Della", "Dos", "Ter", "Ten"];

/// Lowercase, without diacritics: the key names are grouped and compared by.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold`] into a reused buffer.
pub fn fold_into(s: &str, out: &mut String) {
    out.clear();
    fold_push(s, out);
}

/// [`fold`] appended to `out`.
pub fn fold_push(s: &str, out: &mut String) {
    if s.bytes().all(|b| b.is_ascii() && b != b'\n') {
        // ASCII without line breaks (one pass tells): copied and lowercased in bulk.
        let from = out.len();
        out.push_str(s);
        if let Some(added) = out.get_mut(from..) {
            added.make_ascii_lowercase();
        }
        return;
    }
    for c in s.chars() {
        if c.is_ascii() {
            // Lowercased without the Unicode tables; line breaks made spaces as below.
            out.push(if c == '\n' { ' ' } else { c.to_ascii_lowercase() });
            continue;
        }
        for c in c.to_lowercase() {
            fold_lower(c, out);
        }
    }
}

/// One lowercase character of [`fold_push`], its diacritics dropped.
fn fold_lower(c: char, out: &mut String) {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => out.push('a'),
        'ç' | 'ć' | 'č' => out.push('c'),
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => out.push('e'),
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => out.push('i'),
        'ñ' | 'ń' | 'ň' => out.push('n'),
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => out.push('o'),
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => out.push('u'),
        'ý' | 'ÿ' => out.push('y'),
        'ğ' => out.push('g'),
        'ł' => out.push('l'),
        'ř' => out.push('r'),
        'ś' | 'š' | 'ş' | 'ș' => out.push('s'),
        'ț' | 'ţ' | 'ť' => out.push('t'),
        'ž' | 'ź' | 'ż' => out.push('z'),
        'đ' | 'ď' => out.push('d'),
        'æ' => out.push_str("ae"),
        'œ' => out.push_str("oe"),
        'ß' => out.push_str("ss"),
        '’' => out.push('\''),
        '\u{a0}' | '\u{202f}' | '\n' => out.push(' '),
        c => out.push(c),
    }
}

/// Two spellings of one word close enough to be a slip: one edit apart (Damerau–Levenshtein
/// on folded letters) or differing only in accents or capitals. Words under four letters are
/// never compared ("Jon" and "John" are two names); an added "s" is a plural ("the Kennedys").
pub fn close(a: &str, b: &str) -> bool {
    if a == b || a.chars().count() < 4 || b.chars().count() < 4 {
        return false;
    }
    let (fa, fb) = (fold(a), fold(b));
    // "Saint-Étienne", "Sainte-Marie": places and saints, spelled every which way.
    if [&fa, &fb].iter().any(|f| f.starts_with("saint-") || f.starts_with("sainte-")) {
        return false;
    }
    if fa == fb {
        return true;
    }
    if fa.strip_suffix('s') == Some(fb.as_str()) || fb.strip_suffix('s') == Some(fa.as_str()) {
        return false;
    }
    strsim::damerau_levenshtein(&fa, &fb) == 1
}

/// A Bloom filter over words: [`WordFilter::may_hold`] is true for every word inserted and false
/// for most others, so a set is looked up only for the few words that pass. Two bits of 16,384
/// per word, both taken from the word's [`fx_hash`] (its high bits, the best mixed).
#[derive(Clone, Debug)]
pub struct WordFilter(Box<[u64; 256]>);

impl Default for WordFilter {
    fn default() -> Self {
        WordFilter(Box::new([0; 256]))
    }
}

impl WordFilter {
    /// The two bits of a hash: (word, mask) for each.
    fn bits(hash: u64) -> [(usize, u64); 2] {
        let bit = |i: u64| ((i >> 6) as usize, 1u64 << (i & 63));
        [bit(hash >> 50), bit((hash >> 36) & 0x3fff)]
    }

    pub fn insert(&mut self, word: &str) {
        self.insert_hash(fx_hash(word));
    }

    /// Inserts a word by its hash, well mixed (its high bits are used).
    pub fn insert_hash(&mut self, hash: u64) {
        for (w, mask) in Self::bits(hash) {
            if let Some(slot) = self.0.get_mut(w) {
                *slot |= mask;
            }
        }
    }

    /// Whether the word hashed to `hash` ([`fx_hash`]) may have been inserted.
    pub fn may_hold(&self, hash: u64) -> bool {
        Self::bits(hash).iter().all(|&(w, mask)| self.0.get(w).is_some_and(|slot| slot & mask != 0))
    }
}

/// A polynomial hash (as [`deletion_hashes`](super::name::deletion_hashes) gives) mixed so that
/// its high bits, which [`WordFilter`] reads, depend on all its bits.
fn mix(h: u64) -> u64 {
    (h ^ (h >> 29)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// One accepted spelling of a person.
#[derive(Debug)]
pub struct Spelling {
    /// As listed: "Vladimir Poutine".
    pub text: String,
    /// Its capitalized words, without particles and initials: ["Vladimir", "Poutine"].
    pub words: Vec<String>,
}

/// A set of people with their accepted spellings.
#[derive(Debug, Default)]
pub struct NameList {
    spellings: Vec<Spelling>,
    /// Folded words joined by spaces → spellings.
    by_words: FxHashMap<String, Vec<u32>>,
    /// Folded surname (and its one-letter deletions) → spellings.
    by_surname: FxHashMap<String, Vec<u32>>,
    /// The keys of `by_surname`, as a filter tested before the map: most keys looked up are
    /// none of them.
    surname_keys: WordFilter,
    /// The same keys by their [`deletion_hashes`](super::name::deletion_hashes), mixed: a word
    /// none of whose keys passes is near no listed surname, told without building its keys.
    surname_key_hashes: WordFilter,
    /// Folded surname phrases and last words: "le pen", "poutine", "gaulle", "de gaulle".
    surnames: FxHashSet<String>,
    /// `surnames`, as a filter tested before the set.
    surname_filter: WordFilter,
    /// Folded first words of listed spellings: "donald", "marine".
    given: FxHashSet<String>,
    next_group: u32,
    /// A word as written → its group of accepted variants ("Zelensky", "Zelenskyy", …).
    groups: FxHashMap<String, u32>,
}

/// What a near match found: the word at `position` should read `word`, as in `spelling`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Near<'a> {
    pub position: usize,
    pub word: &'a str,
    pub spelling: &'a str,
}

fn is_initial(token: &str) -> bool {
    !token.chars().any(char::is_lowercase)
}

/// The capitalized words of a listed spelling, and where its surname phrase starts.
fn words_of(text: &str) -> (Vec<String>, String) {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let mut words = Vec::new();
    let mut surname_from = 0;
    for (i, t) in tokens.iter().enumerate() {
        let particle = CAP_PARTICLES.contains(t) || t.chars().next().is_some_and(char::is_lowercase);
        let glued = t.find(['\'', '’', '-']).filter(|_| particle).map(|p| {
            let head = t.get(..p).unwrap_or("");
            let sep = t.get(p..).and_then(|r| r.chars().next()).map_or(1, char::len_utf8);
            (head, t.get(p + sep..).unwrap_or(""))
        });
        let word = match glued {
            Some((_, w)) if w.chars().next().is_some_and(char::is_uppercase) => w,
            _ if particle || is_initial(t) => continue,
            _ => t,
        };
        surname_from = i;
        words.push(word.to_string());
    }
    // The surname phrase: the last word with the particles written before it.
    let mut s = surname_from;
    while s > 0 && tokens.get(s - 1).is_some_and(|t| CAP_PARTICLES.contains(t) || t.starts_with(char::is_lowercase)) {
        s -= 1;
    }
    let surname = tokens.get(s..).map(|t| t.join(" ")).unwrap_or_default();
    (words, surname)
}

impl NameList {
    /// Reads a list in the rules/names format.
    pub fn parse(text: &str) -> NameList {
        let mut list = NameList::default();
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            list.add_person(line.split('|').map(str::trim).filter(|s| !s.is_empty()));
        }
        list
    }

    /// The user's people and variant groups.
    pub fn from_config(names: &Names) -> NameList {
        let mut list = NameList::default();
        for p in &names.people {
            list.add_person(std::iter::once(p.as_str()));
        }
        for group in &names.variants {
            list.add_person(group.iter().map(String::as_str));
        }
        list
    }

    fn add_person<'a>(&mut self, spellings: impl Iterator<Item = &'a str>) {
        let first = self.spellings.len();
        for text in spellings {
            let (words, surname) = words_of(text);
            if words.is_empty() {
                continue;
            }
            let id = self.spellings.len() as u32;
            let key = words.iter().map(|w| fold(w)).collect::<Vec<_>>().join(" ");
            self.by_words.entry(key).or_default().push(id);
            if let Some(last) = words.last() {
                let folded = fold(last);
                let hashes = &mut self.surname_key_hashes;
                super::name::deletion_hashes(&folded, |h| hashes.insert_hash(mix(h)));
                for k in std::iter::once(folded.clone()).chain(super::name::deletions(&folded)) {
                    self.surname_keys.insert(&k);
                    let ids = self.by_surname.entry(k).or_default();
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                }
                if folded.chars().count() >= 4 {
                    self.insert_surname(folded);
                }
            }
            self.insert_surname(fold(&surname));
            if let (Some(first), true) = (words.first(), words.len() >= 2) {
                self.given.insert(fold(first));
            }
            self.spellings.push(Spelling { text: text.to_string(), words });
        }
        // The surnames of one person's spellings are accepted variants of each other. Given
        // names are left out: "Édouard" and "Edouard" may be two different people.
        let person = self.spellings.get(first..).unwrap_or_default();
        let mut variants: Vec<&str> = person.iter().filter_map(|s| s.words.last()).map(String::as_str).collect();
        variants.sort_unstable();
        variants.dedup();
        if variants.len() < 2 {
            return;
        }
        let group = self.next_group;
        self.next_group += 1;
        for v in variants {
            self.groups.entry(v.to_string()).or_insert(group);
        }
    }

    fn insert_surname(&mut self, folded: String) {
        self.surname_filter.insert(&folded);
        self.surnames.insert(folded);
    }

    /// A folded surname phrase of a listed person: "poutine", "le pen", "de gaulle".
    pub fn is_surname(&self, folded: &str) -> bool {
        self.is_surname_hashed(folded, fx_hash(folded))
    }

    /// [`NameList::is_surname`] with the word's [`fx_hash`] computed by the caller: most words
    /// are no surname, and the filter says so without a lookup.
    pub fn is_surname_hashed(&self, folded: &str, hash: u64) -> bool {
        self.surname_filter.may_hold(hash) && self.surnames.contains(folded)
    }

    /// A folded first word of a listed full name.
    pub fn is_given(&self, folded: &str) -> bool {
        self.given.contains(folded)
    }

    /// The group of accepted variants a word belongs to.
    pub fn group(&self, word: &str) -> Option<u32> {
        self.groups.get(word).copied()
    }

    /// Whether these words are exactly a listed spelling.
    pub fn is_spelling(&self, words: &[&str]) -> bool {
        let mut key = String::with_capacity(words.iter().map(|w| w.len() + 1).sum());
        for (i, w) in words.iter().enumerate() {
            if i > 0 {
                key.push(' ');
            }
            fold_push(w, &mut key);
        }
        self.is_spelling_key(&key, words)
    }

    /// [`NameList::is_spelling`] given the words' [`fold`]s joined by spaces (its `key`).
    pub fn is_spelling_key(&self, key: &str, words: &[&str]) -> bool {
        self.by_words.get(key).is_some_and(|ids| {
            ids.iter().any(|&id| {
                self.spelling(id).is_some_and(|s| s.words.iter().map(String::as_str).eq(words.iter().copied()))
            })
        })
    }

    fn spelling(&self, id: u32) -> Option<&Spelling> {
        self.spellings.get(id as usize)
    }

    /// A listed spelling these words (two or more) are one slip away from: one word close
    /// (see [`close`], accents aside), the others equal, and the two words not accepted variants.
    pub fn near(&self, words: &[&str]) -> Option<Near<'_>> {
        if self.is_spelling(words) {
            return None;
        }
        self.near_unlisted(words)
    }

    /// [`NameList::near`] for words already known not to be a listed spelling.
    pub fn near_unlisted(&self, words: &[&str]) -> Option<Near<'_>> {
        if words.len() < 2 {
            return None;
        }
        self.near_unlisted_folded(words, &fold(words.last()?))
    }

    /// [`NameList::near_unlisted`] given the [`fold`] of the last word.
    pub fn near_unlisted_folded(&self, words: &[&str], last: &str) -> Option<Near<'_>> {
        let n = words.len();
        if n < 2 {
            return None;
        }
        let mut may = false;
        super::name::deletion_hashes(last, |h| may |= self.surname_key_hashes.may_hold(mix(h)));
        if !may {
            return None;
        }
        let mut best: Option<Near<'_>> = None;
        super::name::with_deletions(last, |key| {
            if !self.surname_keys.may_hold(fx_hash(key)) {
                return;
            }
            for &id in self.by_surname.get(key).map(Vec::as_slice).unwrap_or_default() {
                let Some(s) = self.spelling(id) else { continue };
                if s.words.len() != n {
                    continue;
                }
                let mut diff = (0..n).filter(|&j| s.words.get(j).map(String::as_str) != words.get(j).copied());
                let (Some(j), None) = (diff.next(), diff.next()) else { continue };
                let (Some(written), Some(listed)) = (words.get(j), s.words.get(j)) else { continue };
                let same_group = self.group(written).is_some() && self.group(written) == self.group(listed);
                if close(written, listed) && fold(written) != fold(listed) && !same_group && best.is_none() {
                    best = Some(Near { position: j, word: listed, spelling: &s.text });
                }
            }
        });
        best
    }
}

/// The bundled list, parsed once.
pub fn bundled() -> &'static NameList {
    static LIST: OnceLock<NameList> = OnceLock::new();
    LIST.get_or_init(|| {
        let mut text = String::new();
        for (_, file) in BUNDLED {
            text.push_str(file);
            text.push('\n');
        }
        NameList::parse(&text)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_fold_agrees_with_the_plain_one() {
        // The plain reading: every character lowercased, then mapped.
        let plain = |s: &str| {
            let mut out = String::new();
            for c in s.chars().flat_map(char::to_lowercase) {
                fold_lower(c, &mut out);
            }
            out
        };
        for s in ["", "Trump", "LE PEN\nX", "Élisabeth Borne", "Œdipe’s", "İstanbul", "\u{212a}elvin", "a\u{a0}b", "ẞ"]
        {
            let mut out = String::from("x");
            fold_push(s, &mut out);
            assert_eq!(out, format!("x{}", plain(s)), "{s:?}");
        }
    }

    #[test]
    fn word_filters_hold_what_was_inserted_and_little_else() {
        let mut f = WordFilter::default();
        let words: Vec<String> = (0..500).map(|i| format!("surname{i}")).collect();
        for w in &words {
            f.insert(w);
        }
        assert!(words.iter().all(|w| f.may_hold(fx_hash(w))));
        let others = (0..10_000).filter(|i| f.may_hold(fx_hash(&format!("other{i}")))).count();
        assert!(others < 300, "{others} false positives in 10,000");
        assert!(!WordFilter::default().may_hold(fx_hash("")));
        // Every surname of the bundled list passes its filter, and so does every key of the
        // near index.
        let list = bundled();
        assert!(list.surnames.iter().all(|s| list.is_surname(s)));
        assert!(list.by_surname.keys().all(|k| list.surname_keys.may_hold(fx_hash(k))));
    }

    #[test]
    fn reads_the_bundled_list() {
        let list = bundled();
        assert!(list.spellings.len() > 100);
        assert!(list.is_surname("poutine") && list.is_surname("le pen") && list.is_surname("de gaulle"));
        assert!(list.is_spelling(&["Vladimir", "Poutine"]));
        assert!(list.is_spelling(&["Vance"]), "J. D. Vance has one word");
        assert_eq!(list.group("Zelensky"), list.group("Zelenskyy"));
        assert!(list.group("Zelensky").is_some());
        assert_eq!(list.group("Putin"), list.group("Poutine"));
        // Every line parses into words, and no word is in two groups by accident.
        for s in &list.spellings {
            assert!(!s.words.is_empty(), "{}", s.text);
        }
    }

    #[test]
    fn finds_near_spellings() {
        let list = bundled();
        for (words, want) in [
            (&["Vladimir", "Poutinne"][..], "Poutine"),
            (&["Dolnald", "Trump"][..], "Donald"),
            (&["Emmanuel", "Macorn"][..], "Macron"),
            (&["Marine", "Pen"][..], ""),
        ] {
            let got = list.near(words).map(|n| n.word);
            assert_eq!(got.unwrap_or(""), want, "{words:?}");
        }
        for words in [
            &["Volodymyr", "Zelenskyy"][..],
            &["Vladimir", "Putin"],
            &["Emmanuel", "Macron"],
            &["Melenchon"],
            &["Jean-Luc", "Melenchon"],
            &["Jon", "Trump"],
        ] {
            assert_eq!(list.near(words), None, "{words:?}");
        }
    }

    #[test]
    fn compares_words() {
        for (a, b) in [("Dolnald", "Donald"), ("Trumpp", "Trump"), ("Mélenchon", "Melenchon"), ("Macorn", "Macron")] {
            assert!(close(a, b), "{a} {b}");
        }
        for (a, b) in [("Jon", "John"), ("Kennedys", "Kennedy"), ("Marine", "Marion"), ("Trump", "Trump")] {
            assert!(!close(a, b), "{a} {b}");
        }
    }
}
