//! Shares as values: "1 sur 3", "un sur trois", "one in five", "one out of three", "1 over 3",
//! "3/4", "-4/5", and mixed numbers "2 1/4". The part and the whole stay two number claims
//! (rules read them through [`super::PartWhole`]); this adds one claim over the whole share whose
//! value is the quotient, for `factlint extract` only: it goes to [`super::Claims::shares`], which
//! no rule reads, so that no value is counted twice.
//!
//! Only a bare share is read: no counted noun between the part and the whole ("un Français sur
//! trois", "295 grands électeurs sur les 270 nécessaires" are not), no article ("sur les 3"), no
//! approximation, and a slash only between plain integers over a usual denominator ("12/03",
//! "9/11", "24/7", "120/130 km/h", "2003/2004" are not shares).

use super::number::{Form, NumberClaim};
use super::quantity::{is_space, phrase};
use super::{Claim, ClaimKind, Claims, RunCx};
use serde_json::{json, Map, Value as Json};

/// A share read as a value: `value` = `part` / `whole`, plus `integer` for a mixed number.
#[derive(Clone, Debug, PartialEq)]
pub struct ShareClaim {
    pub value: f64,
    pub part: f64,
    pub whole: f64,
    /// "2 1/4": the integer before the fraction.
    pub integer: Option<f64>,
}

impl ShareClaim {
    pub fn json_fields(&self, out: &mut Map<String, Json>) {
        out.insert("value".into(), super::number::json_number(self.value));
        let (p, w) = (super::number::json_number(self.part), super::number::json_number(self.whole));
        match self.integer {
            None => out.insert("ratio".into(), json!({"part": p, "whole": w})),
            Some(i) => {
                out.insert("fraction".into(), json!({"integer": super::number::json_number(i), "part": p, "whole": w}))
            }
        };
    }
}

fn number(c: &Claim) -> Option<&NumberClaim> {
    match &c.kind {
        ClaimKind::Number(n) if n.form != Form::Fraction && n.value.is_finite() => Some(n),
        _ => None,
    }
}

/// Digits of `text` at `s..e`, all ASCII digits.
fn plain_digits(text: &str, s: usize, e: usize) -> Option<&str> {
    text.get(s..e).filter(|t| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()))
}

/// Denominators of shares written with a slash. Any other is more likely a date ("9/11",
/// "7/14"), a pair of values ("120/130 km/h", "50/60 Hz") or a season ("2003/2004").
const SLASH_DENOMINATORS: [f64; 10] = [2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 16.0, 100.0, 1000.0];

// SLASH_SHARE := ["-"] INT "/" INT, integers with no leading zero, |part| < whole, not a date
fn slash_share(text: &str, part: &Claim, p: &NumberClaim, whole: &Claim, w: &NumberClaim) -> bool {
    if text.get(part.local.1..whole.local.0) != Some("/") || p.counted.is_some() {
        return false;
    }
    let part_digits = text.get(part.local.0..part.local.1).map(|t| t.trim_start_matches(['-', '−']));
    let part_digits = part_digits.filter(|t| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()));
    let (Some(pd), Some(wd)) = (part_digits, plain_digits(text, whole.local.0, whole.local.1)) else { return false };
    if pd.starts_with('0') || wd.starts_with('0') || pd.len() > 4 || wd.len() > 4 {
        return false;
    }
    let (pv, wv) = (p.value.abs(), w.value);
    // "24/7", "12/03": not a proper fraction; "9/11", "120/130": no usual denominator.
    let unusual = !SLASH_DENOMINATORS.contains(&wv);
    let chained = text.get(whole.local.1..).is_some_and(|r| {
        r.starts_with(['/', '-', '.']) && r.get(1..).is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
    });
    let before = text.get(..part.local.0).and_then(|h| h.chars().next_back());
    let glued_before = before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '.' | ',' | '-'));
    wv >= 2.0 && pv < wv && !unusual && !chained && !glued_before && p.approx.is_none() && w.approx.is_none()
}

// WORD_SHARE := NUMBER GAP CONNECTOR GAP NUMBER [COUNTED], CONNECTOR from `share_connectors`;
//   "over" is read by the quantity reader as a qualifier of the whole ("over 3"): it is taken
//   back as the connector.
fn word_share(
    connectors: &[String],
    text: &str,
    part: &Claim,
    p: &NumberClaim,
    whole: &Claim,
    w: &NumberClaim,
) -> bool {
    if p.counted.is_some() || p.approx.is_some() || w.counted.as_ref().is_some_and(|c| c.anaphoric) {
        return false;
    }
    let Some(between) = text.get(part.local.1..whole.local.0) else { return false };
    let lead = between.len() - between.trim_start_matches(is_space).len();
    if lead == 0 {
        return false;
    }
    let core = between.trim_matches(is_space);
    let connector_at = |s: &str| connectors.iter().find_map(|c| phrase(c, s));
    let connector = if core.is_empty() {
        // "one over three": the whole claim opens with its connector.
        let whole_text = text.get(whole.local.0..whole.local.1).unwrap_or_default();
        w.approx.is_some()
            && connector_at(whole_text).is_some_and(|l| whole_text.get(l..).is_some_and(|r| r.starts_with(is_space)))
    } else {
        connector_at(core) == Some(core.len()) && between.ends_with(is_space) && w.approx.is_none()
    };
    let whole_ok = w.value >= 1.0 && w.value.fract() == 0.0;
    // "in 2020": a year is no whole.
    let year = w.form == Form::Digits && (1000.0..=2100.0).contains(&w.value) && core.is_empty();
    connector && whole_ok && !year
}

/// Finds the shares among the run's claims `claims.items[first..]` and adds them to
/// `claims.shares`.
pub fn scan(cx: &RunCx<'_>, first: usize, claims: &mut Claims) {
    let connectors = &cx.lex.numbers.compiled().share_connectors;
    let text = cx.text();
    let items = claims.items.get(first..).unwrap_or_default();
    for (k, pair) in items.windows(2).enumerate() {
        let [part, whole] = pair else { continue };
        let (Some(p), Some(w)) = (number(part), number(whole)) else { continue };
        let slash = slash_share(text, part, p, whole, w);
        if !slash && !word_share(connectors, text, part, p, whole, w) {
            continue;
        }
        let share = ShareClaim { value: p.value / w.value, part: p.value, whole: w.value, integer: None };
        // "2 1/4": an integer, one or two spaces, then a slash share.
        let integer = k.checked_sub(1).and_then(|j| items.get(j)).filter(|_| slash && p.value > 0.0).and_then(|int| {
            let n = number(int)?;
            let gap = text.get(int.local.1..part.local.0)?;
            let spaced = !gap.is_empty() && gap.chars().count() <= 2 && gap.chars().all(is_space);
            let digits = text.get(int.local.0..int.local.1)?.trim_start_matches(['-', '−']);
            let plain = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
            (spaced && plain && n.counted.is_none() && n.approx.is_none()).then_some((int, n.value))
        });
        let (start, share) = match integer {
            Some((int, i)) => {
                let sign = if i < 0.0 { -1.0 } else { 1.0 };
                let value = i + sign * share.value;
                (int.local.0, ShareClaim { value, integer: Some(i), ..share })
            }
            None => (part.local.0, share),
        };
        claims.shares.push(cx.claim(start, whole.local.1, ClaimKind::Share(share)));
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::{extract, ClaimKind, ExtractOptions};
    use crate::source::{Document, Format, Lang, ReadOptions};

    /// The shares of `text`: their text and value.
    fn shares(text: &str, lang: Lang) -> Vec<(String, f64)> {
        let doc = Document::read(text, Format::Text, &ReadOptions { lang: Some(lang), ..ReadOptions::default() });
        let claims = extract(&doc, &ExtractOptions::default());
        claims
            .shares
            .iter()
            .filter_map(|c| match &c.kind {
                ClaimKind::Share(s) => Some((doc.text(c.span).to_string(), (s.value * 1e9).round() / 1e9)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn reads_bare_shares() {
        for (lang, text, span, value) in [
            (Lang::Fr, "Un sur trois a voté.", "Un sur trois", 0.333333333),
            (Lang::Fr, "Il a eu 1 sur 20 seulement.", "1 sur 20", 0.05),
            (Lang::Fr, "Les 3/4 des membres.", "3/4", 0.75),
            (Lang::Fr, "Soit -4/5 en tout.", "-4/5", -0.8),
            (Lang::Fr, "Il faut 2 1/4 tasses.", "2 1/4", 2.25),
            (Lang::En, "One in five adults.", "One in five", 0.2),
            (Lang::En, "one out of three voted", "one out of three", 0.333333333),
            (Lang::En, "two out of five hundred sets", "two out of five hundred", 0.004),
            (Lang::En, "It is 1 over 3.", "1 over 3", 0.333333333),
            (Lang::En, "only 20/100 passed", "20/100", 0.2),
        ] {
            assert_eq!(shares(text, lang), vec![(span.to_string(), value)], "{text:?}");
        }
    }

    #[test]
    fn leaves_what_is_no_bare_share() {
        for (lang, text) in [
            (Lang::Fr, "Un Français sur trois a voté."),
            (Lang::Fr, "295 grands électeurs sur les 270 nécessaires."),
            (Lang::Fr, "Un jour sur deux, il pleut."),
            (Lang::Fr, "Le 12/03/2024 et le 12/03, puis 24/7."),
            (Lang::Fr, "Il a fait 3 mètres sur 2."),
            (Lang::Fr, "Environ 1 sur 3."),
            (Lang::En, "After 9/11 and on 7/14, open 24/7."),
            (Lang::En, "The score was 3-1 and 2/1."),
            (Lang::En, "Prices rose 5 in 2020."),
            (Lang::En, "He scored 3 over 3 years."),
            (Lang::En, "Files 01/04 and A3/4."),
            (Lang::Fr, "Vents de 120/130 km/h, saison 2003/2004, courant 50/60 Hz."),
            (Lang::En, "2 of the 5 members"),
            (Lang::En, "the 5G and 4G networks, the A320, COVID-19"),
        ] {
            assert_eq!(shares(text, lang), vec![], "{text:?}");
        }
    }
}
