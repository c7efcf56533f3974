//! Plain text: paragraphs are separated by blank lines; every byte of a paragraph is prose.

use super::ProseRun;

pub fn runs(src: &str, body_start: usize) -> Vec<ProseRun> {
    let mut runs = Vec::new();
    let mut run = ProseRun::default();
    let mut pos = body_start;
    while pos < src.len() {
        let end = src[pos..].find('\n').map_or(src.len(), |e| pos + e + 1);
        let line = &src[pos..end];
        if line.trim().is_empty() {
            if !run.text.is_empty() {
                runs.push(std::mem::take(&mut run));
            }
        } else {
            run.push_exact(line, pos);
        }
        pos = end;
    }
    if !run.text.is_empty() {
        runs.push(run);
    }
    runs
}
