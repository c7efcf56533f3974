//! `percent-sum`: shares of one whole that cannot add up. Reads the percentages of each sentence
//! and the words between them: a run of shares of one whole ("52 % pour A, 47 % pour B et 9 %
//! pour C") must not exceed 100 % beyond rounding, nor fall clearly short of it when the text
//! presents it as exhaustive.

use crate::diagnostic::Diagnostic;
use crate::extract::{Claim, ClaimKind};
use crate::rules::calendar::date_of;
use crate::rules::context::fmt_num;
use crate::rules::cues::{contains_phrase, fold, longest_prefix};
use crate::rules::{Context, Rule, RuleMeta};

declare_rule! {
    /// ## What it flags
    /// Percentages given as shares of one whole, in one sentence, that add up to more than 100 %
    /// beyond rounding (half a point per share written as a whole number): « 52 % pour le
    /// candidat républicain, 47 % pour la démocrate et 9 % pour un autre candidat » (108 %); and,
    /// when the sentence presents them as the whole breakdown (« se répartissent », "split"),
    /// shares that fall clearly short of 100 %.
    ///
    /// ## Why it matters
    /// A distribution that exceeds the whole has a typo in one of its figures, and readers add
    /// these up.
    ///
    /// ## Flags
    /// - fr: « 52 % ont voté pour le candidat républicain, 47 % pour la candidate démocrate et 9 % pour un autre. »
    /// - en: "Housing gets 41% of the total, transport 33% and schools 36%."
    ///
    /// ## Leaves alone
    /// - Shares of different wholes: « 68 % des Français et 75 % des jeunes ».
    /// - Changes and comparisons: « passé de 45 % à 60 % », "up 12% from 95%", « 52 % contre 58 %
    ///   en 2019 ».
    /// - Answers to one question may each have their verb when the last share is those without
    ///   an answer (« 21 % ne se prononcent pas », "7% don't know"), but not across groups
    ///   (« parmi les électeurs de gauche … ; parmi ceux de droite … »).
    /// - Survey questions with several answers (« plusieurs réponses possibles »), answers to
    ///   different questions (« 58 % ne lui font pas confiance et 69 % estiment… »), rates per
    ///   group or item (« 42 % chez EELV », "Lyon (31%)").
    /// - Shares that fall short without being presented as the whole breakdown: « 40 % pour A et
    ///   35 % pour B » (others may exist).
    ///
    /// ## Settings
    /// None.
    PercentSum,
    id = "percent-sum",
    severity = Warning,
    summary = "shares of one whole that cannot add up",
}

/// "des voix", "of the vote", "of adults": the whole a share is taken of, folded; empty when
/// none is named. French "de" without an article names a category ("50 % de salaires"), not a
/// whole.
fn whole_of(after: &str) -> String {
    let t = after.trim_start();
    let mut words = t.split_whitespace();
    let Some(first) = words.next() else { return String::new() };
    let first = fold(first);
    let second = t.split_whitespace().nth(1).map(fold).unwrap_or_default();
    let article = matches!(first.as_str(), "des" | "du")
        || (first == "de" && (second == "la" || second.starts_with("l'")))
        || first.starts_with("d'")
        || first == "of";
    if article {
        let rest: Vec<String> = words.take(2).map(|w| fold(w.trim_end_matches([',', '.', ';']))).collect();
        return format!("{first} {}", rest.join(" "));
    }
    String::new()
}

fn percent_value(c: &Claim) -> Option<f64> {
    match &c.kind {
        ClaimKind::Percent(p) if p.approx.is_none() => Some(p.value),
        _ => None,
    }
}

/// What follows the share of a survey's respondents who gave no answer.
const NO_ANSWER: &[&str] = &[
    "ne se prononcent pas",
    "ne se prononce pas",
    "sans opinion",
    "sont sans opinion",
    "n'ont pas d'opinion",
    "n’ont pas d’opinion",
    "ne savent pas",
    "ne sait pas",
    "don't know",
    "do not know",
    "did not know",
    "didn't know",
    "ne savaient pas",
    "are undecided",
    "undecided",
    "no opinion",
    "had no opinion",
    "have no opinion",
];

impl Rule for PercentSum {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let cues = cx.cues();
        // Folded at the first sentence that needs them: most documents have none.
        let mut breaks: Option<Vec<String>> = None;
        let mut seen_sentence = None;
        for c in &cx.claims.items {
            if !matches!(c.kind, ClaimKind::Percent(_)) {
                continue;
            }
            let key = (c.run, cx.sentence(c));
            if seen_sentence == Some(key) {
                continue;
            }
            seen_sentence = Some(key);
            let claims: Vec<&Claim> = cx.sentence_claims(c).map(|(_, o)| o).collect();
            let shares: Vec<&Claim> =
                claims.iter().copied().filter(|o| matches!(o.kind, ClaimKind::Percent(_))).collect();
            if shares.len() < 2 {
                continue;
            }
            // An approximate share, a date (comparisons over time), a change word or a
            // several-answers survey: not one distribution.
            let Some(values) = shares.iter().map(|s| percent_value(s)).collect::<Option<Vec<f64>>>() else { continue };
            // Shares that add up, give or take rounding, are never flagged: the readings below
            // are made only for the others.
            let sum: f64 = values.iter().sum();
            let rounding: f64 = values.iter().map(|v| if v.fract() == 0.0 { 0.5 } else { 0.05 }).sum();
            if sum <= 100.0 + rounding && sum >= 100.0 - rounding - 2.0 {
                continue;
            }
            let sentence = cx.sentence_text(c);
            let folded = fold(sentence);
            if claims.iter().any(|o| date_of(o).is_some())
                || breaks
                    .get_or_insert_with(|| cues.percent.breaks.iter().map(|w| fold(w)).collect())
                    .iter()
                    .any(|w| crate::rules::cues::contains_folded(&folded, w))
                || shares.iter().any(|s| cx.quoted(s))
            {
                continue;
            }
            if shares.iter().any(|s| longest_prefix(cx.after(s).trim_start(), &cues.percent.not_share).is_some())
                || ["plusieurs réponses", "several answers", "multiple answers", "more than one answer"]
                    .iter()
                    .any(|w| contains_phrase(sentence, w))
            {
                continue;
            }
            // A distribution: no share in parentheses ("Lyon (31 %)": a rate per item) or given
            // per group ("42 % chez EELV"); each share after the first followed by a link word or
            // nothing ("47 % pour B", "transport 33% and schools 36%"), not by a verb of its own.
            let text = cx.run_text(c);
            let in_parens = |s: &Claim| {
                text.get(..s.local.0).is_some_and(|b| b.trim_end().ends_with('('))
                    || text.get(s.local.1..).is_some_and(|a| a.trim_start().starts_with(')'))
            };
            let followed = |s: &Claim, list: &[String]| {
                let after = cx.after(s).trim_start();
                after.is_empty() || longest_prefix(after, list).is_some()
            };
            let exhaustive = cues.percent.exhaustive.iter().any(|w| contains_phrase(sentence, w));
            // Answers to one question, the last share those without an answer ("21 % ne se
            // prononcent pas", "9% don't know"): each share may have its own verb.
            let answers = shares.last().is_some_and(|s| {
                let after = fold(cx.after(s));
                NO_ANSWER.iter().any(|w| after.trim_start().starts_with(&fold(w)))
            }) && shares.windows(2).all(|w| match w {
                // One group's answers: no "parmi"/"among" starting another group between.
                [a, b] => !cues.percent.per_group.iter().any(|g| contains_phrase(cx.between(a, b), g)),
                _ => true,
            });
            if shares.iter().any(|s| in_parens(s))
                || shares.iter().any(|s| longest_prefix(cx.after(s).trim_start(), &cues.percent.per_group).is_some())
                || !(exhaustive || answers || shares.iter().skip(1).all(|s| followed(s, &cues.percent.share_links)))
            {
                continue;
            }
            // One whole: every share names the same one, or only the first names it.
            let wholes: Vec<String> = shares.iter().map(|s| whole_of(cx.after(s))).collect();
            let first = wholes.first().cloned().unwrap_or_default();
            if !wholes.iter().skip(1).all(|w| w.is_empty() || *w == first) {
                continue;
            }
            // The shares follow one another closely: at most ten words between two.
            if shares.windows(2).any(|w| match w {
                [a, b] => cx.between(a, b).split_whitespace().count() > 10,
                _ => true,
            }) {
                continue;
            }
            let (Some(first_share), Some(last_share)) = (shares.first(), shares.last()) else { continue };
            let addition = values.iter().map(|v| format!("{} %", fmt_num(*v))).collect::<Vec<_>>().join(" + ");
            let text = if sum > 100.0 + rounding {
                format!("{addition} = {} %: shares of one whole exceed 100 %", fmt_num(sum))
            } else if exhaustive && shares.len() >= 2 && sum < 100.0 - rounding - 2.0 {
                format!("{addition} = {} %: the breakdown falls short of 100 %", fmt_num(sum))
            } else {
                continue;
            };
            let mut d = cx.diagnostic(self, first_share.span.cover(last_share.span), text);
            for s in &shares {
                d = d.related(s.span, "a share");
            }
            out.push(d.help("check each share; if they are shares of different wholes, say which"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testutil::{en, fr, Draft};

    #[test]
    fn flags_shares_over_100() {
        let mut d = Draft::new(&en("Housing gets 41% of the total, transport 33% and schools 36%."));
        d.percent("41%", 0, 41.0);
        d.percent("33%", 0, 33.0);
        d.percent("36%", 0, 36.0);
        assert_eq!(d.check(&PercentSum)[0].1, "41 % + 33 % + 36 % = 110 %: shares of one whole exceed 100 %");
    }

    #[test]
    fn leaves_alone_other_wholes_changes_and_rounding() {
        let mut d = Draft::new(&fr("Au total, 68 % des Français et 75 % des jeunes approuvent."));
        d.percent("68 %", 0, 68.0);
        d.percent("75 %", 0, 75.0);
        assert!(d.check(&PercentSum).is_empty());
        let mut d = Draft::new(&fr("Le taux est passé de 45 % à 60 %."));
        d.percent("45 %", 0, 45.0);
        d.percent("60 %", 0, 60.0);
        assert!(d.check(&PercentSum).is_empty());
        let mut d = Draft::new(&en("Results: 34% for A, 33% for B and 34% for C."));
        d.percent("34%", 0, 34.0);
        d.percent("33%", 0, 33.0);
        d.percent("34%", 1, 34.0);
        assert!(d.check(&PercentSum).is_empty(), "101 is within the rounding of three shares");
    }
}
