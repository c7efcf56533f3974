//! French or English? Counts frequent function words of each language.

use super::Lang;

pub fn detect<'a>(texts: impl Iterator<Item = &'a str>) -> Lang {
    let (mut fr, mut en) = (0usize, 0usize);
    for text in texts {
        for w in text.split(|c: char| !c.is_alphabetic() && c != '\'') {
            match w.to_lowercase().as_str() {
                "le" | "la" | "les" | "des" | "est" | "une" | "et" | "du" | "dans" | "pour" | "sur" | "qui" | "au" => {
                    fr += 1
                }
                "the" | "and" | "of" | "is" | "to" | "in" | "that" | "for" | "on" | "with" | "was" | "by" => en += 1,
                _ => {}
            }
            if fr + en > 400 {
                break;
            }
        }
        if fr + en > 400 {
            break;
        }
    }
    if fr > en {
        Lang::Fr
    } else {
        Lang::En
    }
}
