//! French or English? Each language scores its frequent function words ("le", "des", "the",
//! "which"), French its elisions ("l'", "d'", "qu'") and accented words, English its
//! contractions ("don't", "it's"). The first 64 KB of prose are plenty; a tie is English.

use super::Lang;

/// Bytes of prose read at most: past this, the answer no longer changes.
const BUDGET: usize = 64 * 1024;

/// The language of the runs' text.
pub fn detect<'a>(texts: impl Iterator<Item = &'a str>) -> Lang {
    let (mut fr, mut en) = (0usize, 0usize);
    let mut read = 0;
    for text in texts {
        let mut cut = BUDGET.saturating_sub(read).min(text.len());
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let text = text.get(..cut).unwrap_or("");
        read += text.len();
        for word in text.split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’')) {
            let (f, e) = score(word);
            fr += f;
            en += e;
        }
        if read >= BUDGET {
            break;
        }
    }
    if fr > en {
        Lang::Fr
    } else {
        Lang::En
    }
}

/// Points for French and for English of one word.
fn score(word: &str) -> (usize, usize) {
    if word.is_empty() {
        return (0, 0);
    }
    if let Some((head, tail)) = word.split_once(['\'', '’']) {
        let tail = tail.trim_start_matches(['\'', '’']);
        if tail.is_empty() || head.is_empty() {
            return (0, 0);
        }
        if ["l", "d", "qu", "n", "s", "c", "j", "m", "t", "jusqu", "lorsqu", "puisqu", "quoiqu"]
            .iter()
            .any(|e| e.eq_ignore_ascii_case(head))
        {
            return (2, 0); // l'État, d'abord, qu'il
        }
        if ["s", "t", "re", "ll", "ve", "m", "d"].iter().any(|e| e.eq_ignore_ascii_case(tail)) {
            return (0, 2); // it's, don't, they're, we'll
        }
        return (0, 0);
    }
    let mut buf = [0u8; 12];
    let Some(lower) = lowercase(word, &mut buf) else {
        return (usize::from(word.chars().any(is_french_letter)), 0);
    };
    match lower {
        "le" | "la" | "les" | "des" | "du" | "de" | "un" | "une" | "et" | "est" | "sont" | "dans" | "pour" | "sur"
        | "par" | "avec" | "qui" | "que" | "ne" | "pas" | "au" | "aux" | "ce" | "cette" | "ces" | "il" | "elle"
        | "ils" | "elles" | "nous" | "vous" | "leur" | "leurs" | "ont" | "sa" | "ses" | "mais" | "ou" | "lors"
        | "selon" | "aussi" | "comme" | "entre" | "chez" | "sans" | "sous" | "dont" | "cela" | "avait" | "deux"
        | "trois" | "ans" | "depuis" | "encore" | "en" | "à" | "où" | "été" | "était" | "être" | "après" | "très" => {
            (2, 0)
        }
        "the" | "of" | "and" | "to" | "in" | "is" | "was" | "for" | "with" | "that" | "by" | "as" | "at" | "from"
        | "are" | "were" | "be" | "been" | "has" | "have" | "had" | "this" | "which" | "it" | "its" | "not" | "but"
        | "or" | "said" | "will" | "would" | "their" | "they" | "he" | "she" | "who" | "after" | "before" | "about"
        | "than" | "also" | "there" | "these" | "those" | "when" | "what" | "into" | "over" | "two" | "three"
        | "years" => (0, 2),
        _ => (usize::from(word.chars().any(is_french_letter)), 0),
    }
}

/// `word` in lowercase (ASCII letters only; accented ones are kept as written), when short.
fn lowercase<'b>(word: &str, buf: &'b mut [u8; 12]) -> Option<&'b str> {
    let out = buf.get_mut(..word.len())?;
    for (o, b) in out.iter_mut().zip(word.bytes()) {
        *o = b.to_ascii_lowercase();
    }
    std::str::from_utf8(out).ok()
}

fn is_french_letter(c: char) -> bool {
    matches!(c, 'é' | 'è' | 'ê' | 'ë' | 'à' | 'â' | 'ç' | 'î' | 'ï' | 'ô' | 'û' | 'ù' | 'œ' | 'É' | 'È' | 'À' | 'Ç')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_french() {
        for text in [
            "Le scrutin a eu lieu hier.",
            "Élection présidentielle : résultats",
            "L'assemblée s'est réunie.",
            "Qu'importe.",
            "Trois candidats, deux tours.",
            "Il a annoncé 295 grands électeurs sur les 270 nécessaires, selon l'AFP, et la presse a suivi.",
            "Le président, dont le mandat s'achève en 2025, a présenté son budget devant les députés et les sénateurs réunis à Versailles.",
            "On the road again: c'est la vie, mais les gens ne sont pas d'accord avec le gouvernement.",
        ] {
            assert_eq!(detect([text].into_iter()), Lang::Fr, "{text}");
        }
    }

    #[test]
    fn detects_english() {
        for text in [
            "The vote was held yesterday.",
            "It's over.",
            "Election results",
            "Voters don't agree.",
            "He won 295 electoral votes of the 270 needed, according to the AP, and the press followed.",
            "The café served a crème brûlée to the president, who was in Paris for the summit with his ministers.",
            "",
            "295 270 2024",
            "Donald Trump",
        ] {
            assert_eq!(detect([text].into_iter()), Lang::En, "{text}");
        }
    }

    #[test]
    fn reads_long_texts_and_many_runs() {
        let fr = "Le conseil a voté le budget de la ville pour l'année qui vient. ".repeat(5_000);
        let en = "The council passed the city budget for the coming year. ".repeat(5_000);
        assert_eq!(detect([fr.as_str()].into_iter()), Lang::Fr);
        assert_eq!(detect([en.as_str()].into_iter()), Lang::En);
        // Only the first 64 KB count: a long English text with a French appendix stays English.
        assert_eq!(detect([en.as_str(), fr.as_str()].into_iter()), Lang::En);
        let runs = vec!["# Titre", "Le maire et les élus", "ont voté."];
        assert_eq!(detect(runs.into_iter()), Lang::Fr);
    }

    #[test]
    fn scores_words() {
        for (word, want) in [
            ("l'État", (2, 0)),
            ("jusqu'à", (2, 0)),
            ("don't", (0, 2)),
            ("Trump's", (0, 2)),
            ("aujourd'hui", (0, 0)),
            ("'", (0, 0)),
            ("The", (0, 2)),
            ("LES", (2, 0)),
            ("été", (2, 0)),
            ("présidentielle", (1, 0)),
            ("on", (0, 0)),
            ("an", (0, 0)),
            ("a", (0, 0)),
            ("xyz", (0, 0)),
        ] {
            assert_eq!(score(word), want, "{word}");
        }
    }
}
