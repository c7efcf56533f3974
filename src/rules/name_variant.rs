//! `name-variant`: a person's name spelled two ways in one draft, or one slip away from a
//! well-known spelling. Reads the `name` claims; compares them in groups (forms that agree on
//! every part but one word, lone surnames against the surnames of full names, the lists through
//! their index), never all pairs.

use crate::diagnostic::{Diagnostic, Severity};
use crate::extract::name::deletion_hashes;
use crate::extract::name::{NameClaim, NamePart};
use crate::extract::name_list::{self, close, fold, NameList};
use crate::extract::{Claim, ClaimKind};
use crate::fxhash::{FxHashMap, FxHashSet};
use crate::rules::{Context, Rule, RuleMeta};
use crate::span::Span;
use std::borrow::Cow;

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
    /// Its words [`fold`]ed, once for every use below.
    folded: Vec<String>,
    /// Mentions (claims) written this way, in text order.
    mentions: Vec<&'a Claim>,
}

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
        let mut forms: Vec<Form<'_>> = Vec::new();
        let mut by_text: FxHashMap<&str, usize> = FxHashMap::default();
        let mut support: FxHashMap<&str, usize> = FxHashMap::default();
        for c in &cx.claims.items {
            let Some(n) = name_of(c) else { continue };
            let words: Vec<&str> = n.words().map(|p| n.part_text(p)).collect();
            for w in &words {
                *support.entry(w).or_default() += 1;
            }
            let i = *by_text.entry(n.name.as_str()).or_insert_with(|| {
                let folded = words.iter().map(|w| fold(w)).collect();
                forms.push(Form { name: n, words, folded, mentions: Vec::new() });
                forms.len() - 1
            });
            if let Some(f) = forms.get_mut(i) {
                f.mentions.push(c);
            }
        }
        let backed = |f: &Form<'_>| {
            lists.iter().any(|(l, _)| {
                l.is_spelling(&f.words) || (f.words.len() == 1 && f.folded.first().is_some_and(|w| l.is_surname(w)))
            })
        };
        let same_group = |a: &str, b: &str| lists.iter().any(|(l, _)| l.group(a).is_some() && l.group(a) == l.group(b));
        let mut flagged: FxHashSet<usize> = FxHashSet::default();
        let mut findings: Vec<(usize, usize, usize, usize)> = Vec::new(); // loser form, word, winner form, word

        // Full forms that agree on every part but one word: bucket by the other parts.
        let mut buckets: FxHashMap<String, Vec<(usize, usize)>> = FxHashMap::default();
        for (fi, f) in forms.iter().enumerate().filter(|(_, f)| f.words.len() >= 2) {
            let mut word_index = 0;
            // The word parts' folds are the form's; only particles are folded here.
            let mut folded_words = f.folded.iter();
            let parts: Vec<(bool, Cow<'_, str>)> = f
                .name
                .parts
                .iter()
                .map(|p| {
                    let is_word = p.kind == crate::extract::name::PartKind::Word;
                    let word = if is_word { folded_words.next() } else { None };
                    let text = match word {
                        Some(w) => Cow::Borrowed(w.as_str()),
                        None => Cow::Owned(fold(f.name.part_text(p))),
                    };
                    (is_word, text)
                })
                .collect();
            for (pi, (is_word, _)) in parts.iter().enumerate() {
                if !is_word {
                    continue;
                }
                // The other parts, space-separated, this one as U+0001.
                let mut key = String::with_capacity(parts.iter().map(|(_, t)| t.len() + 1).sum());
                for (k, (_, t)) in parts.iter().enumerate() {
                    if k > 0 {
                        key.push(' ');
                    }
                    key.push_str(if k == pi { "\u{1}" } else { t });
                }
                buckets.entry(key).or_default().push((fi, word_index));
                word_index += 1;
            }
        }
        let mut keys: Vec<&String> = buckets.iter().filter(|(_, b)| b.len() >= 2).map(|(k, _)| k).collect();
        keys.sort();
        for key in keys {
            let Some(bucket) = buckets.get(key).filter(|b| b.len() >= 2) else { continue };
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
        // The surnames of full names by their keys, built at the first lone word to look up.
        let mut surnames: Option<Vec<(u64, usize)>> = None;
        for (fi, f) in forms.iter().enumerate() {
            let [w] = f.words.as_slice() else { continue };
            // A title may introduce someone else ("Prince Ching" beside "Li Hung Chang"): a titled
            // surname is flagged only for a keyboard slip, a doubled or swapped letter.
            let titled = f.mentions.iter().any(|m| name_of(m).is_some_and(|n| n.titled));
            if exact_surnames.contains(w) || flagged.contains(&fi) {
                continue;
            }
            let surnames = surnames.get_or_insert_with(|| {
                // A word gives one key per character, and itself.
                let keys =
                    forms.iter().filter(|f| f.words.len() >= 2).filter_map(|f| f.words.last()).map(|w| w.len() + 1);
                let mut index = Vec::with_capacity(keys.sum());
                for (fi, f) in forms.iter().enumerate().filter(|(_, f)| f.words.len() >= 2) {
                    let Some(last) = f.folded.last() else { continue };
                    deletion_hashes(last, |k| index.push((k, fi)));
                }
                index.sort_unstable();
                index
            });
            let mut near: Vec<usize> = Vec::new();
            let Some(folded) = f.folded.first() else { continue };
            deletion_hashes(folded, |k| near.extend(with_key(surnames, k)));
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
            if f.words.len() < 2 || flagged.contains(&fi) || lists.iter().any(|(l, _)| l.is_spelling(&f.words)) {
                continue;
            }
            // No list spells it so (tested above).
            let Some((near, user)) = lists.iter().find_map(|(l, user)| Some((l.near_unlisted(&f.words)?, *user)))
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

/// The pairs of a bucket whose differing words are one edit apart: "Jean X" forms share a
/// bucket for every X, so they meet through a deletion index, not pair by pair.
fn near_pairs(forms: &[Form<'_>], bucket: &[(usize, usize)]) -> Vec<(usize, usize, usize)> {
    // Two forms (most buckets): whether their words share a key, without an index to sort.
    if let [(fa, j), (fb, jb)] = *bucket {
        let folded = |f: usize, j: usize| forms.get(f).and_then(|f| f.folded.get(j));
        let (Some(a), Some(b)) = (folded(fa, j), folded(fb, jb)) else { return Vec::new() };
        return if share_key(a, b) { vec![(fa, fb, j)] } else { Vec::new() };
    }
    let words = bucket.iter().filter_map(|&(f, j)| forms.get(f).and_then(|f| f.words.get(j)));
    let mut index: Vec<(u64, usize)> = Vec::with_capacity(words.map(|w| w.len() + 1).sum());
    for (bi, &(f, j)) in bucket.iter().enumerate() {
        let Some(w) = forms.get(f).and_then(|f| f.folded.get(j)) else { continue };
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

/// Whether two words share a key of [`deletion_hashes`] (themselves or a one-letter deletion):
/// what [`near_pairs`] finds for a bucket of two.
fn share_key(a: &str, b: &str) -> bool {
    let mut small = [0u64; 33];
    let mut n = 0;
    let mut big: Vec<u64> = Vec::new();
    deletion_hashes(a, |key| {
        match small.get_mut(n) {
            Some(slot) => *slot = key,
            None => big.push(key),
        }
        n += 1;
    });
    let keys = small.get(..n.min(small.len())).unwrap_or_default();
    let mut shared = false;
    deletion_hashes(b, |key| shared |= keys.contains(&key) || big.contains(&key));
    shared
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
    fn two_words_share_a_key_when_one_edit_apart() {
        let long = "abcdefghijklmnopqrstuvwxyzabcdefghij";
        let longer = format!("{long}k");
        for (a, b) in
            [("macron", "macorn"), ("macron", "macron"), ("trump", "trumpp"), ("éric", "eric"), (long, longer.as_str())]
        {
            assert!(share_key(a, b) && share_key(b, a), "{a} {b}");
        }
        for (a, b) in
            [("macron", "mucrot"), ("ching", "chunky"), ("abc", "xyz"), (long, "abcdefghijklmnopqrstuvwxyzabcdefghzz")]
        {
            assert!(!share_key(a, b) && !share_key(b, a), "{a} {b}");
        }
    }
}
