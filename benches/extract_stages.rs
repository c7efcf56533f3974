//! Throughput of each extraction stage over a folder of drafts, in one process: reading
//! (Markdown → Document), the prefilter, the temporal scanner, the numeric scanner, names and
//! frames. The numeric figure is the one issue 4 asks for (an extract-only numeric MB/s).
//!
//! Usage: `cargo bench --bench extract_stages -- DIR [ROUNDS]` (benches/throughput.py generates
//! a corpus and runs it). Single thread; each stage is timed alone, on the claims the stages
//! before it left, exactly as `extract()` chains them. Prints MB/s of prose bytes per stage.

use factlint::extract::{date, frames, name, number, ratio, Claims, ExtractOptions, Lexicon, RunCx};
use factlint::source::{Document, Format, ReadOptions};
use std::time::{Duration, Instant};

const STAGES: [&str; 7] = ["read", "prefilter", "temporal", "numeric", "names", "frames+shares", "all"];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: extract_stages DIR [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(3);
    let mut files: Vec<(std::path::PathBuf, String)> = Vec::new();
    let mut entries: Vec<_> = match std::fs::read_dir(dir) {
        Ok(d) => d.filter_map(Result::ok).map(|e| e.path()).collect(),
        Err(e) => {
            eprintln!("{dir}: {e}");
            std::process::exit(2);
        }
    };
    entries.sort();
    for p in entries {
        if let Ok(text) = std::fs::read_to_string(&p) {
            files.push((p, text));
        }
    }
    let bytes: usize = files.iter().map(|(_, t)| t.len()).sum();
    let options = ExtractOptions::default();
    // Best of `rounds` per stage: the machine is shared.
    let mut best = [Duration::MAX; STAGES.len()];
    let mut claims_seen = 0;
    for _ in 0..rounds {
        let mut t = [Duration::ZERO; STAGES.len()];
        let mut seen = 0;
        for (path, text) in &files {
            let start = Instant::now();
            let doc = Document::read(text, Format::from_path(path), &ReadOptions::default());
            t[0] += start.elapsed();
            let lex = Lexicon::get(doc.lang);
            let mut claims = Claims::default();
            let mut candidates = Vec::new();
            let mut names = name::Seen::default();
            for (run_index, run) in doc.runs.iter().enumerate() {
                candidates.clear();
                let s = Instant::now();
                lex.prefilter.candidates(&run.text, &mut candidates);
                t[1] += s.elapsed();
                let cx = RunCx { run_index, run, lex, doc: &doc, candidates: &candidates, options: &options };
                let first = claims.items.len();
                let s = Instant::now();
                date::scan(&cx, &mut claims.items);
                t[2] += s.elapsed();
                let s = Instant::now();
                number::scan(&cx, first, &mut claims.items);
                t[3] += s.elapsed();
                let s = Instant::now();
                name::scan(&cx, first, &mut claims.items, &mut names);
                if let Some(new) = claims.items.get_mut(first..) {
                    new.sort_by_key(|c| (c.local.0, c.local.1));
                }
                t[4] += s.elapsed();
                let s = Instant::now();
                frames::scan(&cx, first, &mut claims);
                ratio::scan(&cx, first, &mut claims);
                t[5] += s.elapsed();
            }
            t[6] += start.elapsed();
            seen += claims.items.len();
        }
        claims_seen = seen;
        for (b, x) in best.iter_mut().zip(t) {
            *b = (*b).min(x);
        }
    }
    let mb = bytes as f64 / 1e6;
    println!("{} files, {mb:.1} MB, {claims_seen} claims; best of {rounds} rounds, 1 thread", files.len());
    println!("{:14} {:>9} {:>10}", "stage", "seconds", "MB/s");
    for (name, d) in STAGES.iter().zip(best) {
        let s = d.as_secs_f64();
        println!("{name:14} {s:9.3} {:10.1}", if s > 0.0 { mb / s } else { f64::INFINITY });
    }
}
