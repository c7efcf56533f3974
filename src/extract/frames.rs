//! Frames: relations between claims of one run that rules need. A part and its whole ("295 …
//! sur les 270"), an announced count and its list, parts with their total.

use super::{Claim, ClaimKind, Claims, RunCx};
use crate::span::Span;

/// "X sur Y", "X of Y", "X out of Y": claim `part` is given as a part of claim `whole`.
#[derive(Clone, Debug, PartialEq)]
pub struct PartWhole {
    pub part: usize,
    pub whole: usize,
    /// The connector as written ("sur les", "of the").
    pub connector: Span,
}

/// "trois pays : la France et l'Allemagne": an announced count and the items listed after it.
#[derive(Clone, Debug, PartialEq)]
pub struct ListCount {
    pub count: usize,
    pub items: Vec<Span>,
    pub list: Span,
}

/// "12 hommes et 9 femmes, soit 21 personnes": parts and their stated total.
#[derive(Clone, Debug, PartialEq)]
pub struct TotalFrame {
    pub parts: Vec<usize>,
    pub total: usize,
}

/// Finds the frames among the run's claims, `claims.items[first..]`.
pub fn scan(cx: &RunCx<'_>, first: usize, claims: &mut Claims) {
    let text = cx.text();
    let n = claims.items.len();
    for i in first..n {
        let Some(Claim { kind: ClaimKind::Number(a), local, .. }) = claims.items.get(i) else { continue };
        let after = a.counted.as_ref().map_or(local.1, |c| c.local.1);
        let Some(next) = claims.items.get(i + 1) else { continue };
        if !matches!(next.kind, ClaimKind::Number(_)) {
            continue;
        }
        let Some(between) = text.get(after..next.local.0) else { continue };
        let between_norm = between.trim().to_lowercase();
        let connectors = &cx.lex.numbers.part_whole;
        let articles = &cx.lex.numbers.articles;
        let ok = connectors.iter().any(|c| {
            between_norm == *c
                || articles
                    .iter()
                    .any(|a| between_norm.strip_prefix(c.as_str()).map(str::trim_start) == Some(a.as_str()))
        });
        if ok {
            let start = after + (between.len() - between.trim_start().len());
            let end = next.local.0 - (between.len() - between.trim_end().len());
            claims.part_wholes.push(PartWhole { part: i, whole: i + 1, connector: cx.run.span(start, end) });
        }
    }
}
