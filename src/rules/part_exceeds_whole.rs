//! `part-exceeds-whole`: a part given as larger than the whole it belongs to. Reads the
//! part/whole frames of extraction ("X sur Y", "X of Y", "X out of Y"), whatever the figures are
//! written as: digits, number words, percentages, money, ranges, anaphoric wholes ("sur les 270
//! nécessaires").

use crate::diagnostic::Diagnostic;
use crate::extract::{Approx, Claim, ClaimKind, PartWhole};
use crate::rules::cues::longest_prefix;
use crate::rules::{Context, Rule, RuleMeta};

declare_rule! {
    /// ## What it flags
    /// A count given as a part of a whole that is smaller than it: "295 grands électeurs sur les
    /// 270 nécessaires", "12 of the 10 members", « quinze des douze élus », "€5 million of the
    /// €3 million budget", « 60 % des 40 % ». Approximations count only when they still prove it:
    /// "more than 300 of the 270" does, "about 280 of the 270" does not.
    ///
    /// ## Why it matters
    /// A part cannot exceed its whole: one of the two numbers is wrong, or the sentence says
    /// something other than what was meant (270 is the majority needed, not the total of 538).
    ///
    /// ## Flags
    /// - fr: « Il a obtenu 295 grands électeurs sur les 270 nécessaires. »
    /// - en: "Twelve of the 10 members voted", written "12 of the 10 members voted".
    ///
    /// ## Leaves alone
    /// - "2 sur 3", "270 sur 538", "7 of the 9 judges": the part is smaller.
    /// - "alors que 270 suffisent": no part/whole frame.
    /// - "15 morts sur les 10 derniers jours", "3 mètres sur 2": "sur" that means "over" or "by".
    /// - « environ 280 sur 270 », "up to 12 of the 10": an approximation that may be within.
    /// - Figures of different kinds (« 45 % des 30 députés »), amounts in different currencies,
    ///   counts of different things (« huit millions de maillots ornés des deux étoiles »).
    ///
    /// ## Settings
    /// None.
    PartExceedsWhole,
    id = "part-exceeds-whole",
    severity = Error,
    summary = "a part given as larger than its whole",
}

/// The smallest and largest value a figure may stand for, and its family (a count, a
/// percentage, an amount in a currency).
fn bounds(c: &Claim) -> Option<(f64, f64, String)> {
    let widen = |v: f64, approx: Option<Approx>| match approx {
        None => (v, v),
        Some(Approx::About) => (v * 0.9, v * 1.1),
        Some(Approx::MoreThan | Approx::AtLeast) => (v, f64::INFINITY),
        Some(Approx::LessThan | Approx::AtMost) => (0.0, v),
    };
    match &c.kind {
        ClaimKind::Number(n) => {
            let (lo, hi) = widen(n.value, n.approx);
            Some((lo, hi, "number".into()))
        }
        ClaimKind::Percent(p) => {
            let (lo, hi) = widen(p.value, p.approx);
            Some((lo, hi, "percent".into()))
        }
        ClaimKind::Money(m) => {
            let (lo, hi) = widen(m.value, m.approx);
            Some((lo, hi, m.currency.clone()))
        }
        ClaimKind::Range(r) => Some((r.low, r.high, "number".into())),
        _ => None,
    }
}

/// The figure as compared: the value, or the lower end of a part ("plus de 300").
fn shown(c: &Claim, v: f64) -> f64 {
    match &c.kind {
        ClaimKind::Number(n) => n.value,
        ClaimKind::Percent(p) => p.value,
        ClaimKind::Money(m) => m.value,
        _ => v,
    }
}

fn message(part: &str, part_value: f64, whole: &str, whole_value: f64) -> String {
    format!("\"{part}\" exceeds the whole it is counted in, \"{whole}\" ({} > {})", fmt(part_value), fmt(whole_value))
}

fn fmt(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

impl Rule for PartExceedsWhole {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for &PartWhole { part, whole, connector } in &cx.claims.part_wholes {
            let (Some(p), Some(w)) = (cx.claim(part), cx.claim(whole)) else { continue };
            let (Some((p_low, _, pf)), Some((_, w_high, wf))) = (bounds(p), bounds(w)) else { continue };
            // "15 morts sur les 10 derniers jours", "3 mètres sur 2": not a part of a whole.
            let not_whole = &cx.cues().part.not_whole;
            if longest_prefix(cx.after(w).trim_start(), not_whole).is_some()
                || longest_prefix(cx.after(p).trim_start(), not_whole).is_some()
            {
                continue;
            }
            // "huit millions de tuniques ornées des deux étoiles": the two count different things.
            fn key(c: &Claim) -> Option<&str> {
                match &c.kind {
                    ClaimKind::Number(n) => n.counted.as_ref().filter(|k| !k.anaphoric).map(|k| k.key.as_str()),
                    _ => None,
                }
            }
            // Only with a genitive connector ("des", "of"): "41 voix sur les 38 élus" still counts
            // votes of members.
            let genitive = matches!(
                crate::rules::cues::fold(cx.text(connector).trim()).as_str(),
                "des" | "de" | "du" | "of" | "of the" | "parmi" | "parmi les" | "among"
            );
            if let (true, Some(pk), Some(wk)) = (genitive, key(p), key(w)) {
                if pk != wk {
                    continue;
                }
            }
            // Only like with like; a part must exceed every value the whole may stand for.
            if pf != wf || p_low <= w_high {
                continue;
            }
            let text = message(cx.text(p.span), shown(p, p_low), cx.text(w.span), shown(w, w_high));
            let d = cx
                .diagnostic(self, p.span, text)
                .related(w.span, "the whole")
                .help("check both figures: a part cannot be larger than its whole");
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testutil::{en, fr, number, Draft};

    #[test]
    fn flags_parts_larger_than_wholes() {
        let mut d = Draft::new(&fr("Il a obtenu 295 grands électeurs sur les 270 nécessaires."));
        let p = d.counted("295", 0, 295.0, "grands électeurs");
        let w = d.number("270", 270.0);
        d.part_whole(p, w, "sur les");
        assert_eq!(d.check(&PartExceedsWhole).len(), 1);
        let mut d = Draft::new(&en("More than 300 of the 270 seats."));
        let p = d.add("More than 300", 0, number(300.0, Some(Approx::MoreThan), None));
        let w = d.number("270", 270.0);
        d.part_whole(p, w, "of the");
        assert_eq!(d.check(&PartExceedsWhole).len(), 1);
        let mut d = Draft::new(&en("It spent €5 million of the €3 million budget."));
        let p = d.money("€5 million", 5e6);
        let w = d.money("€3 million", 3e6);
        d.part_whole(p, w, "of the");
        assert_eq!(d.check(&PartExceedsWhole).len(), 1);
    }

    #[test]
    fn leaves_alone_approximations_and_mixed_kinds() {
        let mut d = Draft::new(&en("About 280 of the 270 seats."));
        let p = d.add("About 280", 0, number(280.0, Some(Approx::About), None));
        let w = d.number("270", 270.0);
        d.part_whole(p, w, "of the");
        assert!(d.check(&PartExceedsWhole).is_empty());
        let mut d = Draft::new(&fr("Soit 45 % des 30 députés."));
        let p = d.percent("45 %", 0, 45.0);
        let w = d.number("30", 30.0);
        d.part_whole(p, w, "des");
        assert!(d.check(&PartExceedsWhole).is_empty());
    }
}
