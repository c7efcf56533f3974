//! `part-exceeds-whole`: a part given as larger than the whole it belongs to.

use crate::diagnostic::Diagnostic;
use crate::extract::{Claim, ClaimKind, PartWhole};
use crate::rules::{Context, Rule, RuleMeta};

declare_rule! {
    /// ## What it flags
    /// A count given as a part of a whole that is smaller than it: "295 grands électeurs sur les
    /// 270 nécessaires", "12 of the 10 members".
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
    ///
    /// ## Settings
    /// None.
    PartExceedsWhole,
    id = "part-exceeds-whole",
    severity = Error,
    summary = "a part given as larger than its whole",
}

fn value(c: &Claim) -> Option<f64> {
    match &c.kind {
        ClaimKind::Number(n) => Some(n.value),
        _ => None,
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
        for &PartWhole { part, whole, .. } in &cx.claims.part_wholes {
            let (Some(p), Some(w)) = (cx.claim(part), cx.claim(whole)) else { continue };
            let (Some(pv), Some(wv)) = (value(p), value(w)) else { continue };
            if pv <= wv {
                continue;
            }
            let text = message(cx.text(p.span), pv, cx.text(w.span), wv);
            let d = cx
                .diagnostic(self, p.span, text)
                .related(w.span, "the whole")
                .help("check both figures: a part cannot be larger than its whole");
            out.push(d);
        }
    }
}
