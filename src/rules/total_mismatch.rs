//! `total-mismatch`: a stated total that is not the sum of its stated parts ("12 hommes et 9
//! femmes, soit 23 personnes"). Reads the total frames of extraction.

use crate::diagnostic::Diagnostic;
use crate::extract::{Claim, ClaimKind};
use crate::rules::context::fmt_num;
use crate::rules::{Context, Rule, RuleMeta};

declare_rule! {
    /// ## What it flags
    /// A total that its parts, as written, do not add up to: « 1 200 hommes et 1 350 femmes, soit
    /// 2 650 personnes » (2 550), "38 in favour, 9 against and 6 abstentions, a total of 51 votes"
    /// (53). Decimal figures may differ from their sum by the rounding of the parts.
    ///
    /// ## Why it matters
    /// Sums are the first thing a careful reader recomputes; a wrong one casts doubt on every
    /// figure around it.
    ///
    /// ## Flags
    /// - fr: « L'échantillon comptait 1 200 hommes et 1 350 femmes, soit 2 650 personnes. »
    /// - en: "38 voted in favour, 9 against, and 6 abstained, a total of 51 votes."
    ///
    /// ## Leaves alone
    /// - Parts that add up, including rounded decimals: « 1,2 million et 3,4 millions, soit
    ///   4,6 millions ».
    /// - Approximate parts or totals: « environ 300 », "about 1,000".
    /// - Parts of different kinds (a percentage and a count).
    /// - A list whose start is unclear: "approved by 98 votes for, 41 against and 12 abstentions"
    ///   is summed only from a part that opens the list (after ":", "," or "and"); "Of the
    ///   board's 15 members, 9 voted for…" leaves the whole out of the sum.
    ///
    /// ## Settings
    /// None.
    TotalMismatch,
    id = "total-mismatch",
    severity = Error,
    summary = "a stated total that is not the sum of its parts",
}

/// A value, its family, and half the unit of its last written digit (how far rounding may have
/// moved it): 0 for "2 650", 0.05 for "45,5 %", 50 000 for "1,2 million".
fn amount(cx: &Context<'_>, c: &Claim) -> Option<(f64, &'static str, f64)> {
    let (value, family) = match &c.kind {
        ClaimKind::Number(n) if n.approx.is_none() => (n.value, "number"),
        ClaimKind::Percent(p) if p.approx.is_none() => (p.value, "percent"),
        ClaimKind::Money(m) if m.approx.is_none() => (m.value, "money"),
        _ => return None,
    };
    let text = cx.text(c.span);
    let multiplier = text.chars().any(char::is_alphabetic);
    if !multiplier && value.fract() == 0.0 {
        return Some((value, family, 0.0));
    }
    let digits: String = text
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || matches!(c, ',' | '.'))
        .collect();
    let decimals =
        digits.rfind([',', '.']).map(|i| digits.len() - i - 1).filter(|&n| (1..=2).contains(&n)).unwrap_or(0);
    let mantissa: f64 = digits.replace(',', ".").parse().unwrap_or(value);
    let scale = if multiplier && mantissa > 0.0 { value / mantissa } else { 1.0 };
    let ulp = 0.5 * 10f64.powi(-i32::try_from(decimals).unwrap_or(0)) * scale;
    Some((value, family, ulp))
}

impl Rule for TotalMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        'frames: for frame in &cx.claims.totals {
            let Some(total) = cx.claim(frame.total) else { continue };
            let Some((tv, family, t_ulp)) = amount(cx, total) else { continue };
            if frame.parts.len() < 2 {
                continue;
            }
            let mut parts = Vec::new();
            for &i in &frame.parts {
                let Some(p) = cx.claim(i) else { continue 'frames };
                let Some((v, f, dec)) = amount(cx, p) else { continue 'frames };
                if f != family {
                    continue 'frames;
                }
                parts.push((p, v, dec));
            }
            let sum: f64 = parts.iter().map(|(_, v, _)| v).sum();
            let tolerance = t_ulp + parts.iter().map(|(_, _, u)| u).sum::<f64>() + 1e-9 * tv.abs().max(1.0);
            if (sum - tv).abs() <= tolerance {
                continue;
            }
            let addition = parts.iter().map(|(_, v, _)| fmt_num(*v)).collect::<Vec<_>>().join(" + ");
            let text = format!("{addition} = {}; the text says {}", fmt_num(sum), fmt_num(tv));
            let mut d = cx.diagnostic(self, total.span, text);
            for (p, _, _) in &parts {
                d = d.related(p.span, "a part");
            }
            out.push(d.help("check each part and the total"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testutil::{en, fr, Draft};

    #[test]
    fn flags_a_wrong_sum() {
        let mut d = Draft::new(&fr("L'échantillon comptait 1 200 hommes et 1 350 femmes, soit 2 650 personnes."));
        let a = d.number("1 200", 1200.0);
        let b = d.number("1 350", 1350.0);
        let t = d.number("2 650", 2650.0);
        d.total(&[a, b], t);
        assert_eq!(d.check(&TotalMismatch), vec![("2 650".into(), "1200 + 1350 = 2550; the text says 2650".into())]);
    }

    #[test]
    fn leaves_alone_right_and_rounded_sums() {
        let mut d = Draft::new(&en("38 voted for, 9 against and 4 abstained, a total of 51 votes."));
        let a = d.number("38", 38.0);
        let b = d.number("9", 9.0);
        let c = d.number("4", 4.0);
        let t = d.number("51", 51.0);
        d.total(&[a, b, c], t);
        assert!(d.check(&TotalMismatch).is_empty());
        let mut d = Draft::new(&fr("Soit 1,2 et 3,4 pour un total de 4,7."));
        let a = d.number("1,2", 1.2);
        let b = d.number("3,4", 3.4);
        let t = d.number("4,7", 4.7);
        d.total(&[a, b], t);
        assert!(d.check(&TotalMismatch).is_empty(), "within the rounding of three figures");
    }
}
