//! Frames: relations between the numeric claims of one run that rules need. A part and its
//! whole ("295 … sur les 270", "12 of the 10 members", "3 out of 4"), an announced count and its
//! list ("trois pays : la France et l'Allemagne"), parts with their stated total ("12 hommes et
//! 9 femmes, soit 21 personnes").
//!
//! Each frame is read only where its wording is unambiguous: "sur" meaning "over a period" ("sur
//! les 10 derniers jours") or "by" ("3 mètres sur 2"), an open list ("notamment"), an approximate
//! part: no frame.

use super::number::{Counted, Form, NumberClaim};
use super::quantity::{is_space, phrase, Compiled};
use super::{Claim, ClaimKind, Claims, RunCx};
use crate::span::Span;

/// "X sur Y", "X des Y", "X of Y", "X out of Y", "X/Y": claim `part` (a number) is given as a
/// part of claim `whole` (a number).
///
/// What the whole is comes with its claim: `NumberClaim::counted` of `whole` holds the noun, and
/// `Counted::anaphoric` is true for "sur les 270 nécessaires" / "of the 270 needed", where the
/// whole is a threshold the text refers back to rather than a total. The connector's text says
/// whether an article made the whole definite ("sur les", "of the").
#[derive(Clone, Debug, PartialEq)]
pub struct PartWhole {
    /// Index of the part in `Claims::items`.
    pub part: usize,
    /// Index of the whole in `Claims::items`.
    pub whole: usize,
    /// The connector as written, with its article ("sur les", "of the", "out of", "/").
    pub connector: Span,
}

/// "trois pays : la France et l'Allemagne", "two reasons: A, B and C": an announced count and
/// the items listed after it, in the same sentence, the list closed (no "notamment", "such as",
/// "etc."). Read only with two items or more.
#[derive(Clone, Debug, PartialEq)]
pub struct ListCount {
    /// Index of the count (a number with a counted noun) in `Claims::items`.
    pub count: usize,
    /// Each item as written, without separators.
    pub items: Vec<Span>,
    /// The whole list, from the first item to the last.
    pub list: Span,
}

/// "12 hommes et 9 femmes, soit 21 personnes", "12 men and 9 women, a total of 21": parts and
/// their stated total, all exact numbers (or all money in one currency, or all percentages).
#[derive(Clone, Debug, PartialEq)]
pub struct TotalFrame {
    /// Indexes of the parts in `Claims::items`, in text order (two or more).
    pub parts: Vec<usize>,
    /// Index of the total in `Claims::items`.
    pub total: usize,
    /// The words that announce the total ("soit", "a total of").
    pub marker: Span,
}

/// Finds the frames among the run's claims, `claims.items[first..]`.
pub fn scan(cx: &RunCx<'_>, first: usize, claims: &mut Claims) {
    let lex = cx.lex.numbers.compiled();
    let text = cx.text();
    let n = claims.items.len();
    for i in first..n {
        let pw =
            part_whole(cx, lex, text, &claims.items, i).or_else(|| money_part_whole(cx, lex, text, &claims.items, i));
        if let Some(pw) = pw {
            claims.part_wholes.push(pw);
        }
        if let Some(list) = list_count(cx, lex, text, &claims.items, i) {
            claims.lists.push(list);
        }
        if i >= first + 2 {
            let total = total_frame(cx, lex, text, &claims.items, first, i)
                .or_else(|| tail_total(cx, lex, text, &claims.items, first, i));
            if let Some(total) = total {
                claims.totals.push(total);
            }
        }
    }
}

fn number(c: &Claim) -> Option<&NumberClaim> {
    match &c.kind {
        ClaimKind::Number(n) if n.form != Form::Fraction => Some(n),
        _ => None,
    }
}

/// End of a claim with the noun it counts.
fn end_with_counted(c: &Claim) -> usize {
    match &c.kind {
        ClaimKind::Number(NumberClaim { counted: Some(Counted { local, .. }), .. }) => local.1,
        _ => c.local.1,
    }
}

/// The first `n` words of `text` from `at` (letters only), lowercase-insensitive checks later.
fn words_from(text: &str, at: usize, n: usize) -> impl Iterator<Item = &str> {
    text.get(at..)
        .unwrap_or_default()
        .split(|c: char| is_space(c) || matches!(c, ',' | '.' | ';' | ':' | '(' | ')'))
        .filter(|w| !w.is_empty())
        .take(n)
}

// PART_WHOLE := NUMBER [COUNTED] GAP CONNECTOR [GAP ARTICLE] GAP NUMBER | INT "/" INT COUNTED
fn part_whole(cx: &RunCx<'_>, lex: &Compiled, text: &str, items: &[Claim], i: usize) -> Option<PartWhole> {
    let part = items.get(i)?;
    let whole = items.get(i + 1)?;
    let (p, w) = (number(part)?, number(whole)?);
    let after = end_with_counted(part);
    let between = text.get(after..whole.local.0)?;
    let lead = between.len() - between.trim_start_matches(is_space).len();
    let core = between.trim_matches(is_space);
    let slash = core == "/" && between.len() == 1;
    if slash {
        // "3/4 des membres": a slash is a part of a whole only between integers with a noun;
        // "24/7", "9/11" and dates are not.
        let ints = p.value.fract() == 0.0 && w.value.fract() == 0.0 && p.counted.is_none();
        if !ints || w.counted.is_none() {
            return None;
        }
    } else {
        if lead == 0 {
            return None;
        }
        let cl = Compiled::starts_with(&lex.part_whole, core)?;
        let rest = core.get(cl..)?.trim_start_matches(is_space);
        let article_ok = rest.is_empty() || lex.articles.iter().any(|a| phrase(a, rest) == Some(rest.len()));
        if !article_ok {
            return None;
        }
    }
    // "sur les 10 derniers jours", "over 3 years": a period; "3 mètres sur 2": a dimension.
    let period = words_from(text, whole.local.1, 2).any(|w| Compiled::is_in(&lex.period_nouns, w));
    let dimension = words_from(text, part.local.1, 1).any(|w| Compiled::is_in(&lex.dimension_nouns, w))
        || words_from(text, whole.local.1, 1).any(|w| Compiled::is_in(&lex.dimension_nouns, w));
    if period || dimension {
        return None;
    }
    let start = after + lead;
    let end = whole.local.0 - (between.len() - between.trim_end_matches(is_space).len());
    Some(PartWhole { part: i, whole: i + 1, connector: cx.run.span(start, end) })
}

// MONEY_PART_WHOLE := MONEY GAP CONNECTOR [GAP ARTICLE] GAP MONEY, one currency
//   "12 millions d'euros sur les 10 millions d'euros prévus", "$12 million of the $10 million"
fn money_part_whole(cx: &RunCx<'_>, lex: &Compiled, text: &str, items: &[Claim], i: usize) -> Option<PartWhole> {
    let (part, whole) = (items.get(i)?, items.get(i + 1)?);
    let (ClaimKind::Money(p), ClaimKind::Money(w)) = (&part.kind, &whole.kind) else { return None };
    if p.currency != w.currency {
        return None;
    }
    let between = text.get(part.local.1..whole.local.0)?;
    let lead = between.len() - between.trim_start_matches(is_space).len();
    let core = between.trim_matches(is_space);
    if lead == 0 {
        return None;
    }
    let cl = Compiled::starts_with(&lex.part_whole, core)?;
    let rest = core.get(cl..)?.trim_start_matches(is_space);
    if !(rest.is_empty() || lex.articles.iter().any(|a| phrase(a, rest) == Some(rest.len()))) {
        return None;
    }
    // "2 milliards d'euros sur 5 ans" has no money after "sur"; "sur les 10 derniers jours"
    // neither; a period noun right after the whole still says "over".
    if words_from(text, whole.local.1, 2).any(|w| Compiled::is_in(&lex.period_nouns, w)) {
        return None;
    }
    let start = part.local.1 + lead;
    Some(PartWhole { part: i, whole: i + 1, connector: cx.run.span(start, start + core.len()) })
}

// LIST_COUNT := INT COUNTED [GAP] ":" GAP ITEM ("," GAP ITEM)* [","] GAP AND GAP ITEM END
fn list_count(cx: &RunCx<'_>, lex: &Compiled, text: &str, items: &[Claim], i: usize) -> Option<ListCount> {
    let claim = items.get(i)?;
    let n = number(claim)?;
    let counted = n.counted.as_ref()?;
    if n.approx.is_some() || counted.anaphoric || n.value.fract() != 0.0 || !(2.0..=20.0).contains(&n.value) {
        return None;
    }
    let rest = text.get(counted.local.1..)?;
    let colon = rest.trim_start_matches(is_space);
    let after_colon = match colon.strip_prefix(':') {
        Some(a) => a,
        None => clause_colon(cx, text, claim.local.0, rest)?,
    };
    let list_start = counted.local.1 + (rest.len() - after_colon.len());
    let body = after_colon;
    let stop = list_end(body);
    let list = body.get(..stop)?;
    if Compiled::is_in(&lex.list_open, list.trim()) || has_open_word(lex, list) {
        return None;
    }
    // Split on commas, then the last piece on the conjunction.
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut offset = 0;
    let pieces: Vec<&str> = list.split(',').collect();
    let count = pieces.len();
    let mut joined = false;
    for (k, piece) in pieces.into_iter().enumerate() {
        let piece_at = list_start + offset;
        offset += piece.len() + 1;
        let trimmed_lead = piece.len() - piece.trim_start_matches(is_space).len();
        let mut p = piece.trim_matches(is_space);
        let mut p_at = piece_at + trimmed_lead;
        // ", and C" (serial comma)
        if k > 0 {
            if let Some(l) = lex.list_and.iter().find_map(|a| phrase(a, p)) {
                joined = true;
                let skip = l + (p.len() - l - p.get(l..)?.trim_start_matches(is_space).len());
                p = p.get(skip..)?;
                p_at += skip;
            }
        }
        if k + 1 == count {
            if let Some((a, b)) = split_and(lex, p) {
                joined = true;
                spans.push((p_at + a.0, p_at + a.1));
                spans.push((p_at + b.0, p_at + b.1));
                continue;
            }
        }
        spans.push((p_at, p_at + p.len()));
    }
    let long = spans.iter().any(|&(s, e)| {
        text.get(s..e).is_none_or(|t| t.trim().is_empty() || t.split(is_space).filter(|w| !w.is_empty()).count() > 6)
    });
    if spans.len() < 2 || long || (!joined && spans.len() < n.value as usize) {
        return None;
    }
    let (first_s, last_e) = (spans.first()?.0, spans.last()?.1);
    Some(ListCount {
        count: i,
        items: spans.iter().map(|&(s, e)| cx.run.span(s, e)).collect(),
        list: cx.run.span(first_s, last_e),
    })
}

// SUBJECT_LIST := [WORD] COUNT COUNTED GAP WORDS(1..=5) GAP0 ":"   "Quatre pays ont exprimé leur opposition :"
/// The text after the colon when the count opens its sentence (after one word at most: "Les
/// trois pays ont signé :") and a short clause of plain words leads to the colon: the list then
/// names the sentence's subject.
fn clause_colon<'t>(cx: &RunCx<'_>, text: &str, count_at: usize, rest: &'t str) -> Option<&'t str> {
    let (start, _) = cx.run.sentences.iter().copied().rfind(|&(s, e)| s <= count_at && count_at < e)?;
    let head = text.get(start..count_at)?;
    if head.split(is_space).filter(|w| !w.is_empty()).count() > 1
        || !head.chars().all(|c| c.is_alphabetic() || is_space(c))
    {
        return None;
    }
    let at = rest.find(':')?;
    let clause = rest.get(..at)?;
    let words = clause.split(is_space).filter(|w| !w.is_empty()).count();
    let plain = clause.chars().all(|c| c.is_alphabetic() || is_space(c) || matches!(c, '\'' | '’' | '-'));
    // "Les 12 membres du jury ont voté : 7 pour et 5 contre": a breakdown, not the list.
    let after = rest.get(at + 1..)?;
    let breakdown = after.trim_start_matches(is_space).starts_with(|c: char| c.is_ascii_digit());
    ((1..=5).contains(&words) && plain && !breakdown).then_some(after)
}

/// Where a list ends: the first sentence or clause mark, a period after a lone capital ("M.
/// Petit", "J. Smith") being an initial, not an end.
fn list_end(body: &str) -> usize {
    body.char_indices()
        .find(|&(k, c)| match c {
            '.' => {
                let word = body.get(..k).unwrap_or_default().rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
                !(word.chars().count() == 1 && word.chars().all(char::is_uppercase))
            }
            '!' | '?' | ';' | ':' | '\n' | '(' => true,
            _ => false,
        })
        .map_or(body.len(), |(k, _)| k)
}

fn has_open_word(lex: &Compiled, list: &str) -> bool {
    list.char_indices()
        .filter(|&(k, _)| {
            k == 0 || list.get(..k).and_then(|h| h.chars().next_back()).is_some_and(|c| !c.is_alphanumeric())
        })
        .any(|(k, _)| list.get(k..).is_some_and(|r| lex.list_open.iter().any(|o| phrase(o, r).is_some())))
}

/// "la France et l'Allemagne" → the two items' ranges in `p`.
fn split_and(lex: &Compiled, p: &str) -> Option<((usize, usize), (usize, usize))> {
    for (k, c) in p.char_indices() {
        if !is_space(c) {
            continue;
        }
        let after = k + c.len_utf8();
        let Some(r) = p.get(after..) else { continue };
        if let Some(l) = lex.list_and.iter().find_map(|a| phrase(a, r)) {
            let r2 = r.get(l..)?;
            let g = r2.len() - r2.trim_start_matches(is_space).len();
            if g == 0 {
                continue;
            }
            let left = p.get(..k)?.trim_end_matches(is_space);
            let b_start = after + l + g;
            if left.is_empty() || b_start >= p.len() {
                return None;
            }
            return Some(((0, left.len()), (b_start, p.len())));
        }
    }
    None
}

// TOTAL := PART ((", " | GAP JOIN GAP) PART)+ [","] GAP MARKER GAP TOTAL_NUMBER
fn total_frame(
    cx: &RunCx<'_>,
    lex: &Compiled,
    text: &str,
    items: &[Claim],
    first: usize,
    t: usize,
) -> Option<TotalFrame> {
    let total = items.get(t)?;
    let prev = items.get(t - 1)?;
    let kind = same_kind_key(total)?;
    let between = text.get(end_with_counted(prev)..total.local.0)?;
    let core = between.trim_start_matches(is_space).trim_start_matches(',').trim_matches(is_space);
    let ml = Compiled::starts_with(&lex.total_markers, core)?;
    if core.len() != ml {
        return None;
    }
    let marker_start = total.local.0 - (between.len() - between.trim_end_matches(is_space).len()) - core.len();
    let mut parts = vec![t - 1];
    let mut joined = false;
    let mut k = t - 1;
    let counted = |c: &Claim| matches!(&c.kind, ClaimKind::Number(NumberClaim { counted: Some(_), .. }));
    // Read backwards: the join word comes first ("… et 9 femmes"), then commas ("12 hommes, ").
    while k > first {
        let cur = items.get(k)?;
        let before = items.get(k - 1)?;
        if same_kind_key(before) != Some(kind) || counted(before) != counted(prev) {
            break;
        }
        let sep = text.get(end_with_counted(before)..cur.local.0)?;
        let sep_core = sep.trim_matches(is_space);
        let word = sep_core.trim_start_matches(',').trim_start_matches(is_space);
        let join = !word.is_empty() && lex.part_join.iter().any(|j| phrase(j, word) == Some(word.len()));
        if !joined && join {
            joined = true;
        } else if !(joined && sep_core == ",") {
            // A figure like the parts just before, set apart by a clause rather than a colon
            // ("5 sided with the city after a long debate, 3 dissented and 1 abstained"): it may
            // be a part too, and the sum is unknown.
            if joined && sep_core.chars().any(char::is_alphabetic) && !sep_core.ends_with(':') {
                return None;
            }
            break;
        }
        parts.push(k - 1);
        k -= 1;
    }
    drop_restated_whole(lex, text, items, first, total, &mut parts);
    if parts.len() < 2 || !joined {
        return None;
    }
    parts.reverse();
    Some(TotalFrame { parts, total: t, marker: cx.run.span(marker_start, marker_start + core.len()) })
}

/// Drops the first of `parts` (last in this reversed list) when it is the whole the total
/// restates and does not open the list: "Of the 40 candidates, 12 passed, 20 failed and 8
/// withdrew, a total of 40" sums 12, 20 and 8.
fn drop_restated_whole(
    lex: &Compiled,
    text: &str,
    items: &[Claim],
    first: usize,
    total: &Claim,
    parts: &mut Vec<usize>,
) {
    let Some(&p) = parts.last() else { return };
    let Some(c) = items.get(p) else { return };
    let prev_end = if p > first { items.get(p - 1).map_or(0, end_with_counted) } else { 0 };
    let lead = text.get(prev_end.min(c.local.0)..c.local.0).unwrap_or_default().trim_end_matches(is_space);
    let opens = lead.is_empty()
        || lead.ends_with([':', '.', '!', '?', ','])
        || lead.rsplit(is_space).next().is_some_and(|w| lex.part_join.iter().any(|j| phrase(j, w) == Some(w.len())));
    let restated = matches!((number(c), number(total)), (Some(a), Some(b)) if a.value == b.value);
    if !opens && restated {
        parts.pop();
    }
}

/// Claims that can be summed together: exact numbers, percentages, or money of one currency.
fn same_kind_key(c: &Claim) -> Option<&str> {
    match &c.kind {
        ClaimKind::Number(n) if n.approx.is_none() && n.form != Form::Fraction => Some("n"),
        ClaimKind::Percent(p) if p.approx.is_none() => Some("%"),
        ClaimKind::Money(m) if m.approx.is_none() => Some(&m.currency),
        _ => None,
    }
}

/// Whether `t` is at most six words of letters: the rest of a part's clause ("voted in favour",
/// "in logistics", "against", « ont donné raison à la ville »).
fn tail_words(t: &str) -> bool {
    let words = t.split(is_space).filter(|w| !w.is_empty());
    let mut n = 0;
    for w in words {
        n += 1;
        if n > 6 || !w.chars().all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-')) {
            return false;
        }
    }
    n <= 6
}

/// A separator between two parts, after the first part's clause: `TAIL ("," | [","] GAP JOIN)`.
/// Some(true) when a join word ends it.
fn part_separator(lex: &Compiled, sep: &str) -> Option<bool> {
    let sep = sep.trim_end_matches(is_space);
    if let Some(head) = sep.strip_suffix(',') {
        return tail_words(head).then_some(false);
    }
    let cut = sep.rfind(is_space)?;
    let (head, word) = (sep.get(..cut)?, sep.get(cut..)?.trim_start_matches(is_space));
    if !lex.part_join.iter().any(|j| phrase(j, word) == Some(word.len())) {
        return None;
    }
    let head = head.trim_end_matches(is_space);
    let head = head.strip_suffix(',').unwrap_or(head);
    tail_words(head).then_some(true)
}

// TAIL_TOTAL := PART TAIL SEP (PART TAIL SEP)* PART TAIL "," GAP MARKER GAP TOTAL
//   TAIL := up to four words of letters; SEP := "," | [","] GAP JOIN; the first PART opens the
//   list (after ":", "," or a join word, or at the start of the sentence)
//   "38 voted in favour, 9 against, and 6 abstained, a total of 51 votes"
//   "310 on the production lines and 90 in logistics, a total of 420"
//   | PART TAIL SEP … PART TAIL "," GAP TOTAL [COUNTED] GAP MARKER ("." | "," | ";" | END)
//   "9 ont voté pour, 4 contre et 3 se sont abstenus, 15 au total."
fn tail_total(
    cx: &RunCx<'_>,
    lex: &Compiled,
    text: &str,
    items: &[Claim],
    first: usize,
    t: usize,
) -> Option<TotalFrame> {
    let total = items.get(t)?;
    let last = items.get(t.checked_sub(1)?)?;
    let kind = same_kind_key(total)?;
    if same_kind_key(last) != Some(kind) {
        return None;
    }
    let end_last = end_with_counted(last);
    let between = text.get(end_last..total.local.0)?;
    let comma = between.rfind(',')?;
    let (tail, marker) = (between.get(..comma)?, between.get(comma + 1..)?.trim_matches(is_space));
    if !tail_words(tail) {
        return None;
    }
    let (marker_start, marker_len) = if lex.total_markers.iter().any(|m| phrase(m, marker) == Some(marker.len())) {
        let lead = between.get(comma + 1..)?;
        (end_last + comma + 1 + (lead.len() - lead.trim_start_matches(is_space).len()), marker.len())
    } else if marker.is_empty() {
        // "…, 51 votes in all.": the marker after the total, closing the clause.
        let end_total = end_with_counted(total);
        let after = text.get(end_total..)?;
        let gap = after.len() - after.trim_start_matches(is_space).len();
        let rest = after.get(gap..)?;
        let len = lex.total_markers.iter().filter_map(|m| phrase(m, rest)).max()?;
        let closes = rest.get(len..)?.trim_start_matches(is_space);
        if !(closes.is_empty() || closes.starts_with(['.', ',', ';', '!', '?'])) {
            return None;
        }
        (end_total + gap, len)
    } else {
        return None;
    };
    let mut parts = vec![t - 1];
    let mut joined = false;
    let mut k = t - 1;
    while k > first {
        let (before, cur) = (items.get(k - 1)?, items.get(k)?);
        if same_kind_key(before) != Some(kind) {
            break;
        }
        let sep = text.get(end_with_counted(before)..cur.local.0)?;
        let Some(join) = part_separator(lex, sep) else {
            // A figure of the same kind just before, not joined as a part: only a colon shows
            // that the list starts after it ("420 workers: 310 …"); after a long clause ("5 ont
            // donné raison à la ville, 2 …") the list may hold it, and its sum is unknown.
            if !sep.trim_end_matches(is_space).ends_with(':') {
                return None;
            }
            break;
        };
        joined |= join;
        parts.push(k - 1);
        k -= 1;
    }
    // The first part opens the list: "Of the council's 51 members, 38 voted…" lists 38, not the
    // whole.
    let join_word = |w: &str| lex.part_join.iter().any(|j| phrase(j, w) == Some(w.len()));
    while let Some(&p) = parts.last() {
        let c = items.get(p)?;
        let prev_end = if p > first { items.get(p - 1).map_or(0, end_with_counted) } else { 0 };
        let lead = text.get(prev_end.min(c.local.0)..c.local.0)?.trim_end_matches(is_space);
        let opens = lead.is_empty()
            || lead.ends_with([':', '.', '!', '?', ','])
            || lead.rsplit(is_space).next().is_some_and(join_word);
        if opens {
            break;
        }
        // Only the whole, restated by the total, may stand first without opening the list; any
        // other part that does not open it leaves the list's start unknown ("par 98 voix pour").
        if !matches!((number(c), number(total)), (Some(a), Some(b)) if a.value == b.value) {
            return None;
        }
        parts.pop();
    }
    if parts.len() < 2 || !joined {
        return None;
    }
    parts.reverse();
    Some(TotalFrame { parts, total: t, marker: cx.run.span(marker_start, marker_start + marker_len) })
}
