//! The editorial workflow around a run: baselines (`--baseline`, `--write-baseline`), changed
//! lines only (`--diff-base`), and the progress bar. These narrow or record a run's findings
//! after the rules; they never change what a rule finds.

pub mod baseline;
pub mod diffbase;
pub mod progress;

use crate::error::Error;
use crate::report::FileReport;
use std::path::PathBuf;

/// The options of `check` that this module owns (flattened into `CheckArgs`).
#[derive(clap::Args, Debug, Clone, Default)]
pub struct WorkflowArgs {
    /// Report only findings not recorded in this baseline file (see --write-baseline).
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    pub baseline: Option<PathBuf>,
    /// Record the current findings in FILE (JSON) as the baseline; they are then not reported.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Report only findings on lines added or changed since this git revision (e.g. origin/main).
    #[arg(long, value_name = "GIT-REF")]
    pub diff_base: Option<String>,
}

/// Applies the options to a run's files: writes the baseline, then keeps the findings that are
/// on changed lines and not in the baseline. What was dropped is counted on stderr.
pub fn apply(args: &WorkflowArgs, mut files: Vec<FileReport>) -> Result<Vec<FileReport>, Error> {
    let mut baseline = None;
    if let Some(path) = &args.write_baseline {
        let entries = baseline::entries(&files);
        let n = entries.len();
        baseline::write(path, entries)?;
        eprintln!("factlint: wrote {n} finding{} to the baseline {}", plural(n), path.display());
        return Ok(files
            .into_iter()
            .map(|mut f| {
                f.diagnostics.clear();
                f
            })
            .collect());
    }
    if let Some(path) = &args.baseline {
        baseline = Some((path, baseline::Baseline::load(path)?));
    }
    let changed = args.diff_base.as_deref().map(diffbase::ChangedLines::load).transpose()?;
    if baseline.is_none() && changed.is_none() {
        return Ok(files);
    }
    let (mut in_baseline, mut unchanged) = (0, 0);
    for file in &mut files {
        // Fingerprints are taken over all the file's findings, as --write-baseline took them.
        let fingerprints = baseline::fingerprints(file);
        let lines = baseline::lines(file);
        let mut keep = Vec::with_capacity(file.diagnostics.len());
        for (i, d) in std::mem::take(&mut file.diagnostics).into_iter().enumerate() {
            let line = lines.get(i).copied().unwrap_or(1);
            if changed.as_ref().is_some_and(|c| !c.contains(&file.path, line)) {
                unchanged += 1;
            } else if let (Some((_, b)), Some(fp)) = (&baseline, fingerprints.get(i)) {
                if b.contains(&file.path, fp) {
                    in_baseline += 1;
                } else {
                    keep.push(d);
                }
            } else {
                keep.push(d);
            }
        }
        file.diagnostics = keep;
    }
    if let (Some((path, _)), true) = (&baseline, in_baseline > 0) {
        eprintln!(
            "factlint: {in_baseline} finding{} in the baseline {} not shown",
            plural(in_baseline),
            path.display()
        );
    }
    if let (Some(reference), true) = (&args.diff_base, unchanged > 0) {
        eprintln!("factlint: {unchanged} finding{} on lines unchanged since {reference} not shown", plural(unchanged));
    }
    Ok(files)
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
