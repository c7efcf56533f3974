//! `name-variant`: a person's name spelled two ways in one draft, or one slip away from a
//! well-known spelling. Reads the `name` claims; compares them in groups (forms that agree on
//! every part but one word, lone surnames against the surnames of full names, the lists through
//! their index), never all pairs.

use crate::diagnostic::{Diagnostic, Severity};
use crate::extract::name::deletion_hashes;
use crate::extract::name::PartKind;
use crate::extract::name::{NameClaim, NamePart};
use crate::extract::name_list::{self, close, fold, NameList};
use crate::extract::{Claim, ClaimKind};
use crate::fxhash::{fx_hash, FxHashMap, FxHashSet};
use crate::rules::{Context, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// ## What it flags
    /// A name written once in a form one letter away from the form the rest of the draft uses
    /// for the same person: "Dolnald Trump" beside "Donald Trump" (the other words equal, one
    /// word at Damerau–Levenshtein distance 1, or differing only in accents), a lone "Trumpp"
    /// when "Donald Trump" is in the draft, and a name one letter away from a well-known
    /// spelling (`rules/names/*.txt`) or from the people of factlint.toml. The majority form
    /// wins; the fix replaces the misspelled word with its word.
    ///
    /// Two accepted spellings of one person mixed in one draft ("Zelensky" and "Zelenskyy") are
    /// an `info`: both are right, but a draft should pick one.
    ///
    /// ## Why it matters
    /// Spell checkers do not know proper nouns, and readers notice a misspelled name at once.
    /// The severity is `warning`, not `error`: a close name may belong to someone else, which
    /// only the author knows.
    ///
    /// ## Flags
    /// - fr: « Emmanuel Macron … Emmanuel Macron … Emmanuel Macorn » (the last one).
    /// - en: "Donald Trump … Donald Trump … Dolnald Trump", "Vladimir Poutinne" (a listed name).
    ///
    /// ## Leaves alone
    /// - Two people with close names each used several times: "Marine Le Pen" and "Jean-Marie
    ///   Le Pen", "Jon Smith" and "John Smithers"; words under four letters ("Jon", "John").
    /// - Accepted transliterations ("Putin", "Poutine") quoted in another language: names
    ///   inside quotation marks are neither flagged nor counted.
    /// - A family in the plural: « les Kennedy », "the Kennedys".
    /// - A capitalized word opening a sentence that the draft never used as a surname, and
    ///   headline capitals.
    ///
    /// ## Settings
    /// `[names]` in factlint.toml: `people = ["Jane Doe"]` (spellings to enforce) and
    /// `variants = [["Zelensky", "Zelenskyy"]]` (spellings that are all accepted).
    NameVariant,
    id = "name-variant",
    severity = Warning,
    summary = "a person's name spelled two ways",
}

/// The wording, in one place.
fn message(written: &str, meant: &str, evidence: &Evidence) -> String {
    match evidence {
        Evidence::Draft(n, None) => {
            format!("\"{written}\" looks like a misspelling of \"{meant}\" (used {})", times(*n))
        }
        Evidence::Draft(n, Some(word)) => {
            format!("\"{written}\" looks like a misspelling of \"{meant}\" (\"{word}\" used {})", times(*n))
        }
        Evidence::Bundled => format!("\"{written}\" looks like a misspelling of \"{meant}\", a well-known name"),
        Evidence::User => format!("\"{written}\" looks like a misspelling of \"{meant}\", a name in factlint.toml"),
    }
}

fn mixed_message(written: &str, majority: &str, n: usize) -> String {
    format!(
        "\"{written}\" is spelled \"{majority}\" elsewhere in the text (used {}); both spellings are accepted",
        times(n)
    )
}

fn accent_message(written: &str, meant: &str, n: usize) -> String {
    format!("\"{written}\" is written \"{meant}\" elsewhere in the text (used {}), with an accented capital", times(n))
}

/// Two words that differ only by an accent on their first letter: "Eric", "Éric".
fn accent_on_capital(a: &str, b: &str) -> bool {
    let (mut x, mut y) = (a.chars(), b.chars());
    let (Some(fa), Some(fb)) = (x.next(), y.next()) else { return false };
    fa != fb && fold(&fa.to_string()) == fold(&fb.to_string()) && x.eq(y)
}

fn times(n: usize) -> String {
    if n == 1 {
        "once".into()
    } else {
        format!("{n} times")
    }
}

enum Evidence<'a> {
    /// The draft uses the right form this many times, or the right word when named.
    Draft(usize, Option<&'a str>),
    Bundled,
    User,
}

/// One distinct way a name is written in the draft.
struct Form<'a> {
    name: &'a NameClaim,
    /// Its words as written.
    words: Vec<&'a str>,
    /// Its words [`fold`]ed and joined by spaces, once for every use below: the key the lists
    /// spell names by.
    key: String,
    /// Where each word's fold is in `key`.
    cuts: Vec<(usize, usize)>,
    /// Mentions (claims) written this way, in text order.
    mentions: Vec<&'a Claim>,
}

impl Form<'_> {
    /// The fold of its `j`-th word.
    fn folded(&self, j: usize) -> Option<&str> {
        self.cuts.get(j).and_then(|&(s, e)| self.key.get(s..e))
    }

    /// The fold of its last word.
    fn folded_last(&self) -> &str {
        self.cuts.len().checked_sub(1).and_then(|j| self.folded(j)).unwrap_or("")
    }

    /// The folds of its parts, word parts from `key`, particles folded into `buf`: `f` is called
    /// with each part's index, whether it is a word, and its fold.
    fn each_part_fold(&self, buf: &mut String, mut f: impl FnMut(usize, bool, &str)) {
        let mut words = 0..self.cuts.len();
        for (k, p) in self.name.parts.iter().enumerate() {
            let is_word = p.kind == PartKind::Word;
            match if is_word { words.next().and_then(|j| self.folded(j)) } else { None } {
                Some(w) => f(k, true, w),
                None => {
                    name_list::fold_into(self.name.part_text(p), buf);
                    f(k, is_word, buf);
                }
            }
        }
    }

    /// Its parts' folds joined by spaces, part `hole` written U+0001: the forms that agree on
    /// every part but that word share it.
    fn hole_key(&self, hole: usize) -> String {
        let mut key = String::with_capacity(self.name.name.len() + 4);
        let mut buf = String::new();
        self.each_part_fold(&mut buf, |k, _, text| {
            if k > 0 {
                key.push(' ');
            }
            key.push_str(if k == hole { "\u{1}" } else { text });
        });
        key
    }
}

/// Lone words times full names up to which a lone surname is compared with every full name's
/// surname of about its length; past it, through an index of their one-letter deletions.
const DIRECT_PAIRS: usize = 1 << 12;

/// What stands for the differing word in a bucket's hash (a part's own hash equal to it only
/// puts two buckets under one hash, which their keys then tell apart).
const HOLE: u64 = 1;

fn name_of(c: &Claim) -> Option<&NameClaim> {
    match &c.kind {
        ClaimKind::Name(n) if !n.quoted => Some(n),
        _ => None,
    }
}

/// The word parts of a mention.
fn word_parts(c: &Claim) -> Vec<&NamePart> {
    name_of(c).map(|n| n.words().collect()).unwrap_or_default()
}

impl Rule for NameVariant {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let user =
            (!cx.names.people.is_empty() || !cx.names.variants.is_empty()).then(|| NameList::from_config(cx.names));
        let lists: Vec<(&NameList, bool)> =
            user.iter().map(|l| (l, true)).chain([(name_list::bundled(), false)]).collect();

        // Distinct forms, and how many mentions use each word.
        // Sized once for every mention (most are distinct forms of one or two words).
        let mentions = cx.claims.items.iter().filter(|c| name_of(c).is_some()).count();
        let mut forms: Vec<Form<'_>> = Vec::with_capacity(mentions);
        let mut by_text: FxHashMap<&str, usize> = FxHashMap::with_capacity_and_hasher(mentions, Default::default());
        let mut support: FxHashMap<&str, usize> = FxHashMap::with_capacity_and_hasher(2 * mentions, Default::default());
        for c in &cx.claims.items {
            let Some(n) = name_of(c) else { continue };
            for p in n.words() {
                *support.entry(n.part_text(p)).or_default() += 1;
            }
            let i = *by_text.entry(n.name.as_str()).or_insert_with(|| {
                let words: Vec<&str> = n.words().map(|p| n.part_text(p)).collect();
                let mut key = String::with_capacity(n.name.len());
                let mut cuts = Vec::with_capacity(words.len());
                for (k, w) in words.iter().enumerate() {
                    if k > 0 {
                        key.push(' ');
                    }
                    let from = key.len();
                    name_list::fold_push(w, &mut key);
                    cuts.push((from, key.len()));
                }
                forms.push(Form { name: n, words, key, cuts, mentions: Vec::new() });
                forms.len() - 1
            });
            if let Some(f) = forms.get_mut(i) {
                f.mentions.push(c);
            }
        }
        let backed = |f: &Form<'_>| {
            lists
                .iter()
                .any(|(l, _)| l.is_spelling_key(&f.key, &f.words) || (f.words.len() == 1 && l.is_surname(&f.key)))
        };
        let same_group = |a: &str, b: &str| lists.iter().any(|(l, _)| l.group(a).is_some() && l.group(a) == l.group(b));
        let mut flagged: FxHashSet<usize> = FxHashSet::default();
        let mut findings: Vec<(usize, usize, usize, usize)> = Vec::new(); // loser form, word, winner form, word

        // Full forms that agree on every part but one word: bucketed by a hash of the other
        // parts' folds (the word's place marked), then, in the few buckets of two or more, by
        // those parts themselves (their `hole_key`), taken in the order of that key.
        let mut entries: Vec<(u64, usize, usize, usize)> = Vec::new(); // hash, form, word, part
        let mut hashes: Vec<(u64, bool)> = Vec::new(); // per part: its fold's hash, is a word
        let mut buf = String::new();
        for (fi, f) in forms.iter().enumerate().filter(|(_, f)| f.words.len() >= 2) {
            hashes.clear();
            f.each_part_fold(&mut buf, |_, is_word, text| hashes.push((fx_hash(text), is_word)));
            let words = hashes.iter().enumerate().filter(|(_, (_, is_word))| *is_word);
            for (word_index, (pi, _)) in words.enumerate() {
                let hole = hashes.iter().enumerate().fold(0u64, |acc, (k, &(x, _))| {
                    let x = if k == pi { HOLE } else { x };
                    (acc.rotate_left(5) ^ x).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
                });
                entries.push((hole, fi, word_index, pi));
            }
        }
        // By hash, then form and word: each bucket in the order its entries were made.
        entries.sort_unstable();
        let mut buckets: Vec<(String, Vec<(usize, usize)>)> = Vec::new();
        for same in entries.chunk_by(|a, b| a.0 == b.0).filter(|same| same.len() >= 2) {
            let from = buckets.len();
            for &(_, fi, word_index, pi) in same {
                let Some(key) = forms.get(fi).map(|f| f.hole_key(pi)) else { continue };
                match buckets.get_mut(from..).and_then(|b| b.iter_mut().find(|(k, _)| *k == key)) {
                    Some((_, members)) => members.push((fi, word_index)),
                    None => buckets.push((key, vec![(fi, word_index)])),
                }
            }
        }
        buckets.retain(|(_, members)| members.len() >= 2);
        buckets.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        for (_, bucket) in &buckets {
            for (fa, fb, j) in near_pairs(&forms, bucket) {
                {
                    let (Some(x), Some(y)) = (forms.get(fa), forms.get(fb)) else { continue };
                    let (Some(wx), Some(wy)) = (x.words.get(j), y.words.get(j)) else { continue };
                    if !close(wx, wy) || same_group(wx, wy) {
                        continue;
                    }
                    let (bx, by) = (backed(x), backed(y));
                    let (sx, sy) = (support.get(wx).copied().unwrap_or(0), support.get(wy).copied().unwrap_or(0));
                    let loser = match (bx, by) {
                        (true, false) => Some((fb, fa)),
                        (false, true) => Some((fa, fb)),
                        (true, true) => None,
                        (false, false) if sx >= 2 && sy == 1 => Some((fb, fa)),
                        (false, false) if sy >= 2 && sx == 1 => Some((fa, fb)),
                        _ => None,
                    };
                    if let Some((l, w)) = loser {
                        if flagged.insert(l) {
                            findings.push((l, j, w, j));
                        }
                    }
                }
            }
        }

        // A lone surname one letter from the surname of a full name of the draft.
        let exact_surnames: FxHashSet<&str> =
            forms.iter().filter(|f| f.words.len() >= 2).filter_map(|f| f.words.last().copied()).collect();
        // The surnames of full names, indexed at the first lone word to look up.
        let mut surnames: Option<Surnames> = None;
        let count = |words: fn(usize) -> bool| forms.iter().filter(|f| words(f.words.len())).count();
        let direct = count(|n| n == 1).saturating_mul(count(|n| n >= 2)) <= DIRECT_PAIRS;
        let mut near: Vec<usize> = Vec::new();
        for (fi, f) in forms.iter().enumerate() {
            let [w] = f.words.as_slice() else { continue };
            // A title may introduce someone else ("Prince Ching" beside "Li Hung Chang"): a titled
            // surname is flagged only for a keyboard slip, a doubled or swapped letter.
            let titled = f.mentions.iter().any(|m| name_of(m).is_some_and(|n| n.titled));
            if exact_surnames.contains(w) || flagged.contains(&fi) {
                continue;
            }
            let surnames = surnames.get_or_insert_with(|| {
                let full = forms.iter().enumerate().filter(|(_, f)| f.words.len() >= 2);
                Surnames::new(full.map(|(fi, f)| (fi, f.folded_last())), direct)
            });
            surnames.candidates(&f.key, &mut near);
            let best = near
                .iter()
                .filter_map(|&g| Some((g, *forms.get(g)?.words.last()?)))
                .filter(|(_, s)| close(w, s) && !same_group(w, s))
                .max_by_key(|(g, s)| (support.get(s).copied().unwrap_or(0), std::cmp::Reverse(*g)));
            let Some((g, s)) = best else { continue };
            if titled && !slip(w, s) {
                continue;
            }
            let (sl, sw) = (support.get(w).copied().unwrap_or(0), support.get(s).copied().unwrap_or(0));
            let backed_lone = backed(f);
            if !backed_lone && (sl == 1 || sl < sw) && flagged.insert(fi) {
                let last = forms.get(g).map_or(0, |x| x.words.len().saturating_sub(1));
                findings.push((fi, 0, g, last));
            }
        }

        for (l, j, w, wj) in findings {
            let (Some(loser), Some(winner)) = (forms.get(l), forms.get(w)) else { continue };
            let Some(right) = winner.words.get(wj).copied() else { continue };
            let lone = loser.words.len() == 1;
            let meant = if lone { right.to_string() } else { replace_word(loser, j, right) };
            // The evidence: how often the draft writes the right word, and, when that is the
            // whole form's count, the form ("Donald Trump" used 3 times).
            let count = support.get(right).copied().unwrap_or(0);
            let word = (!lone && count != winner.mentions.len()).then_some(right);
            let Some(first) = winner.mentions.first() else { continue };
            let on_word = lone || word.is_some();
            let evidence_span =
                if on_word { word_parts(first).get(wj).map_or(first.span, |p| p.span) } else { first.span };
            // "Eric" beside "Éric": French drops accents on capitals often enough to be a style
            // choice, worth a look rather than a warning.
            let capital_accent = loser.words.get(j).is_some_and(|w| accent_on_capital(w, right));
            for m in &loser.mentions {
                let Some(part) = word_parts(m).get(j).copied() else { continue };
                let text = if capital_accent {
                    accent_message(&loser.name.name, &meant, count)
                } else {
                    message(&loser.name.name, &meant, &Evidence::Draft(count, word))
                };
                let mut d = cx
                    .diagnostic(self, part.span, text)
                    .related(evidence_span, format!("used {}", times(count)))
                    .help("check the spelling; if these are two people, add both to [names] people in factlint.toml");
                if capital_accent {
                    d.severity = Severity::Info;
                }
                out.push(with_fix(cx, d, part.span, loser.name.part_text(part), right));
            }
        }

        // A full name one letter from a listed spelling.
        for (fi, f) in forms.iter().enumerate() {
            if f.words.len() < 2
                || flagged.contains(&fi)
                || lists.iter().any(|(l, _)| l.is_spelling_key(&f.key, &f.words))
            {
                continue;
            }
            // No list spells it so (tested above).
            let last = f.folded_last();
            let Some((near, user)) =
                lists.iter().find_map(|(l, user)| Some((l.near_unlisted_folded(&f.words, last)?, *user)))
            else {
                continue;
            };
            let meant = replace_word(f, near.position, near.word);
            let evidence = if user { Evidence::User } else { Evidence::Bundled };
            for m in &f.mentions {
                let Some(part) = word_parts(m).get(near.position).copied() else { continue };
                let d = cx
                    .diagnostic(self, part.span, message(&f.name.name, &meant, &evidence))
                    .help(format!("the listed spelling is \"{}\"", near.spelling));
                out.push(with_fix(cx, d, part.span, f.name.part_text(part), near.word));
            }
        }

        mixed_spellings(self, cx, &lists, out);
    }
}

type Used<'a> = (&'a str, usize, Span);

/// Two accepted spellings of one word in one draft: an `info` on each minority mention.
fn mixed_spellings(rule: &NameVariant, cx: &Context<'_>, lists: &[(&NameList, bool)], out: &mut Vec<Diagnostic>) {
    // (list, group) → the spellings used: (word, count, first mention's word span)
    let mut groups: FxHashMap<(usize, u32), Vec<Used<'_>>> = FxHashMap::default();
    let mut uses: Vec<(usize, u32, &str, Span)> = Vec::new();
    for c in &cx.claims.items {
        let Some(n) = name_of(c) else { continue };
        for p in n.words() {
            let w = n.part_text(p);
            let Some((li, g)) = lists.iter().enumerate().find_map(|(i, (l, _))| Some((i, l.group(w)?))) else {
                continue;
            };
            let entry = groups.entry((li, g)).or_default();
            match entry.iter_mut().find(|(x, _, _)| *x == w) {
                Some(e) => e.1 += 1,
                None => entry.push((w, 1, p.span)),
            }
            uses.push((li, g, w, p.span));
        }
    }
    for (li, g, w, span) in uses {
        let Some(entry) = groups.get(&(li, g)) else { continue };
        if entry.len() < 2 {
            continue;
        }
        // The majority spelling; on a tie, the one the draft used first.
        let Some(&(major, n, first)) = entry.iter().max_by_key(|(_, n, s)| (*n, std::cmp::Reverse(s.start))) else {
            continue;
        };
        if major == w {
            continue;
        }
        let mut d = cx
            .diagnostic(rule, span, mixed_message(w, major, n))
            .related(first, format!("used {}", times(n)))
            .help("pick one spelling for the whole text");
        d.severity = Severity::Info;
        out.push(with_fix(cx, d, span, w, major));
    }
}

/// Buckets up to this size are compared pair by pair, larger ones through a deletion index.
const SMALL_BUCKET: usize = 32;

/// The pairs of a bucket whose differing words may be one edit apart (every pair that is, and
/// others, which callers measure with [`close`]), in bucket order. "Jean X" forms share a bucket
/// for every X: a small bucket is compared pair by pair with [`one_edit`], a large one meets
/// through a deletion index.
fn near_pairs(forms: &[Form<'_>], bucket: &[(usize, usize)]) -> Vec<(usize, usize, usize)> {
    let folded: Vec<&str> = bucket.iter().map(|&(f, j)| forms.get(f).and_then(|f| f.folded(j)).unwrap_or("")).collect();
    if bucket.len() <= SMALL_BUCKET {
        let mut pairs = Vec::new();
        for (a, (&(fa, j), wa)) in bucket.iter().zip(&folded).enumerate() {
            for (&(fb, _), wb) in bucket.iter().zip(&folded).skip(a + 1) {
                if one_edit(wa, wb) {
                    pairs.push((fa, fb, j));
                }
            }
        }
        return pairs;
    }
    let mut index: Vec<(u64, usize)> = Vec::with_capacity(folded.iter().map(|w| w.len() + 1).sum());
    for (bi, w) in folded.iter().enumerate() {
        deletion_hashes(w, |key| index.push((key, bi)));
    }
    index.sort_unstable();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for ids in index.chunk_by(|a, b| a.0 == b.0) {
        for (a, &(_, x)) in ids.iter().enumerate() {
            pairs.extend(ids.iter().skip(a + 1).filter(|&&(_, y)| y != x).map(|&(_, y)| (x.min(y), x.max(y))));
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
        .into_iter()
        .filter_map(|(a, b)| {
            let (&(fa, j), &(fb, _)) = (bucket.get(a)?, bucket.get(b)?);
            Some((fa, fb, j))
        })
        .collect()
}

/// Whether two words are equal or one edit apart (Damerau–Levenshtein distance at most 1, on
/// characters): one character inserted, removed or replaced, or two adjacent ones swapped.
/// Two words [`close`] compares as close always are, once folded.
fn one_edit(a: &str, b: &str) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    let (long, short) = if la >= lb { (a, b) } else { (b, a) };
    if la.abs_diff(lb) > 1 {
        return false;
    }
    // The first character where they differ, at the same byte in both (the bytes before agree).
    let Some((i, (cl, cs))) =
        long.char_indices().zip(short.chars()).map(|((i, x), y)| (i, (x, y))).find(|(_, (x, y))| x != y)
    else {
        // One is the other, or the other with a character added at its end.
        return true;
    };
    let (after_l, after_s) = (long.get(i + cl.len_utf8()..), short.get(i + cs.len_utf8()..));
    if la != lb {
        // One character added at `i`.
        return long.get(i + cl.len_utf8()..) == short.get(i..);
    }
    // One replaced at `i`, or the two at `i` swapped.
    after_l == after_s
        || (after_l.is_some_and(|r| r.starts_with(cs))
            && after_s.is_some_and(|r| r.starts_with(cl))
            && long.get(i + cl.len_utf8() + cs.len_utf8()..) == short.get(i + cs.len_utf8() + cl.len_utf8()..))
}

/// The surnames (folded) of the full names of a draft, to find those one edit from a lone word.
enum Surnames {
    /// Few lone words, few names: each surname's character count, compared with the word's.
    Direct(Vec<(usize, usize)>),
    /// A sorted (key hash, form) index of each surname and its one-letter deletions.
    Index(Vec<(u64, usize)>),
}

impl Surnames {
    fn new<'s>(full: impl Iterator<Item = (usize, &'s str)>, direct: bool) -> Surnames {
        if direct {
            return Surnames::Direct(full.map(|(fi, s)| (s.chars().count(), fi)).collect());
        }
        let mut index = Vec::new();
        for (fi, last) in full {
            deletion_hashes(last, |k| index.push((k, fi)));
        }
        index.sort_unstable();
        Surnames::Index(index)
    }

    /// Into `out`, the forms whose surname may be one edit from the folded word `folded`: every
    /// one that is (see [`close`], which compares folds), and others, which callers measure.
    fn candidates(&self, folded: &str, out: &mut Vec<usize>) {
        out.clear();
        match self {
            Surnames::Direct(all) => {
                let n = folded.chars().count();
                out.extend(all.iter().filter(|&&(m, _)| m.abs_diff(n) <= 1).map(|&(_, fi)| fi));
            }
            Surnames::Index(index) => deletion_hashes(folded, |k| out.extend(with_key(index, k))),
        }
    }
}

/// The values of a sorted (key hash, value) index under one hash. Keys are words and their
/// one-letter deletions (a SymSpell index); a hash shared by chance only adds candidates, and
/// every candidate is compared with [`close`] before use.
fn with_key(index: &[(u64, usize)], hash: u64) -> impl Iterator<Item = usize> + '_ {
    let from = index.partition_point(|&(h, _)| h < hash);
    index.get(from..).unwrap_or_default().iter().take_while(move |&&(h, _)| h == hash).map(|&(_, v)| v)
}

/// One word is the other with a letter doubled or two letters swapped: "Hollandde", "Macorn".
fn slip(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (fold(a).chars().collect(), fold(b).chars().collect());
    let (long, short) = if a.len() > b.len() { (&a, &b) } else { (&b, &a) };
    if long.len() == short.len() + 1 {
        // Remove one letter of a doubled pair from the longer word.
        return (1..long.len()).any(|i| {
            long.get(i) == long.get(i - 1)
                && long.iter().enumerate().filter(|&(k, _)| k != i).map(|(_, c)| c).eq(short.iter())
        });
    }
    let diff: Vec<usize> = (0..a.len().min(b.len())).filter(|&i| a.get(i) != b.get(i)).collect();
    a.len() == b.len()
        && matches!(diff.as_slice(), [i, j] if *j == i + 1 && a.get(*i) == b.get(*j) && a.get(*j) == b.get(*i))
}

/// The form with its `j`-th word replaced.
fn replace_word(f: &Form<'_>, j: usize, right: &str) -> String {
    let mut words = f.name.words();
    let Some(part) = words.nth(j) else { return f.name.name.clone() };
    let (s, e) = part.at;
    format!("{}{right}{}", f.name.name.get(..s).unwrap_or(""), f.name.name.get(e..).unwrap_or(""))
}

/// Adds the fix only where the file holds exactly the word read (no entity or soft break).
fn with_fix(cx: &Context<'_>, d: Diagnostic, span: Span, written: &str, right: &str) -> Diagnostic {
    if cx.text(span) == written {
        d.fix(span, right)
    } else {
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_slips_from_other_names() {
        for (a, b) in [("Hollandde", "Hollande"), ("Macorn", "Macron"), ("Trmup", "Trump"), ("Philippe", "Phillippe")] {
            assert!(slip(a, b) && slip(b, a), "{a} {b}");
        }
        for (a, b) in [("Ching", "Chang"), ("Macon", "Macron"), ("Trump", "Trump"), ("Marine", "Marion")] {
            assert!(!slip(a, b), "{a} {b}");
        }
        assert!(accent_on_capital("Eric", "Éric") && !accent_on_capital("Stephane", "Stéphane"));
    }

    #[test]
    fn one_edit_is_what_the_distance_says() {
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "abc",
            "acb",
            "bac",
            "abcd",
            "abdc",
            "abxd",
            "abd",
            "bcd",
            "macron",
            "macorn",
            "macon",
            "marcon",
            "trump",
            "trumpp",
            "rtump",
            "éric",
            "eric",
            "érica",
            "ércia",
            "œuvre",
            "oeuvre",
            "zelensky",
            "zelenskyy",
            "zelenskiy",
            "ßa",
            "aß",
        ];
        let mut near = 0;
        for a in words {
            for b in words {
                let want = strsim::damerau_levenshtein(a, b) <= 1;
                assert_eq!(one_edit(a, b), want, "{a:?} {b:?}");
                near += usize::from(want && a != b);
            }
        }
        assert!(near >= 30, "{near}");
    }

    #[test]
    fn lone_surnames_meet_the_same_full_names_either_way() {
        // Each way gives every surname one edit from the word, and others that `close` drops.
        let surnames = ["macron", "macorn", "trump", "le pen", "zelenskyy", "borne", "bornes", "éric", "dupont"];
        let full = || surnames.iter().enumerate().map(|(i, s)| (i, *s));
        let (direct, index) = (Surnames::new(full(), true), Surnames::new(full(), false));
        let (mut a, mut b) = (Vec::new(), Vec::new());
        let mut found = 0;
        for word in ["macron", "macrn", "trumpp", "lepen", "zelensky", "born", "eric", "dupond", "xyz", ""] {
            direct.candidates(word, &mut a);
            index.candidates(word, &mut b);
            let near = |v: &[usize]| {
                let mut v: Vec<usize> = v
                    .iter()
                    .copied()
                    .filter(|&i| surnames.get(i).is_some_and(|s| strsim::damerau_levenshtein(s, word) <= 1))
                    .collect();
                v.sort_unstable();
                v.dedup();
                v
            };
            assert_eq!(near(&a), near(&b), "{word}");
            found += near(&a).len();
        }
        assert!(found >= 8, "{found}");
    }
}
