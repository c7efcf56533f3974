//! The command line: `check`, `extract`, `rules`, `explain`, `init`.

use crate::check::{self, RunOptions};
use crate::config::{self, Config};
use crate::diagnostic::Severity;
use crate::error::Error;
use crate::report::{self, FileReport, OutputFormat, Report, Summary};
use crate::rules::{self, RULES};
use crate::source::{Format, Lang};
use crate::walk::{self, Input};
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::io::{self, BufRead, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(
    name = "factlint",
    version,
    about = "Checks the numbers, dates and names of editorial drafts for contradictions"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Lint files and folders (recursive, honours .gitignore); `-` reads stdin.
    Check(CheckArgs),
    /// Print the claims found, as JSON.
    Extract(ExtractArgs),
    /// List the rules with their id, default severity and summary.
    Rules,
    /// Print a rule's documentation.
    Explain {
        /// A rule id, e.g. part-exceeds-whole.
        id: String,
    },
    /// Write a commented factlint.toml in the current folder (never overwrites one).
    Init,
}

#[derive(Args, Debug, Clone)]
pub struct CommonArgs {
    /// Files and folders to read; `-` is stdin. Default: the current folder.
    pub paths: Vec<PathBuf>,
    /// Language of the drafts (default: front matter, then config, then detection).
    #[arg(long, value_enum, default_value_t = LangArg::Auto)]
    pub lang: LangArg,
    /// Publication date for drafts whose front matter has none (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub pub_date: Option<NaiveDate>,
    /// Use this configuration file instead of looking for factlint.toml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Name to report for stdin input (also picks its format by extension).
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,
    /// Read JSON lines {"id","text","lang"?,"pub_date"?} from stdin; write one JSON line per input line.
    #[arg(long)]
    pub jsonl: bool,
    /// Worker threads (default: all cores).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    pub format: OutputFormat,
    /// Exit 1 when a finding at or above this severity is found.
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    pub fail_on: FailOn,
    /// Colour in the human format: auto (on a terminal, unless NO_COLOR is set), always, never.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
    /// Apply safe fixes in place (atomic write); the report then shows what remains.
    #[arg(long, conflicts_with_all = ["diff", "jsonl"])]
    pub fix: bool,
    /// Print the safe fixes as a unified diff instead of the report; nothing is written.
    #[arg(long, conflicts_with = "jsonl")]
    pub diff: bool,
    #[command(flatten)]
    pub workflow: crate::workflow::WorkflowArgs,
}

#[derive(Args, Debug)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    /// Output format (json only for now).
    #[arg(long, value_enum, default_value_t = ExtractFormat::Json)]
    pub format: ExtractFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Auto,
    Fr,
    En,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| format!("invalid date {s:?}; expected YYYY-MM-DD"))
}

impl LangArg {
    fn lang(self) -> Option<Lang> {
        match self {
            LangArg::Auto => None,
            LangArg::Fr => Some(Lang::Fr),
            LangArg::En => Some(Lang::En),
        }
    }
}

/// Prints an error to stderr as `factlint: …`, with its cause chain.
pub fn print_error(e: &dyn std::error::Error) {
    let mut stderr = io::stderr().lock();
    let _ = write!(stderr, "factlint: {e}");
    let mut source = e.source();
    while let Some(s) = source {
        let text = s.to_string();
        if !e.to_string().contains(&text) {
            let _ = write!(stderr, ": {text}");
        }
        source = s.source();
    }
    let _ = writeln!(stderr);
}

/// Runs `f` on one input; a panic (a bug) becomes a message naming the input, not a crash of
/// the whole run.
fn guarded<T>(what: &str, f: impl FnOnce() -> T) -> Option<T> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(v) => Some(v),
        Err(payload) => {
            let msg = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            eprintln!("factlint: {what}: internal error, skipped (please report this bug): {msg}");
            None
        }
    }
}

/// Runs the command; the exit code is settled once, here.
pub fn main(cli: Cli) -> ExitCode {
    // Panics are reported per input by `guarded`; the default hook's backtrace is noise.
    std::panic::set_hook(Box::new(|_| {}));
    let result = match cli.command {
        Command::Check(args) => run_check(args),
        Command::Extract(args) => run_extract(args),
        Command::Rules => list_rules(),
        Command::Explain { id } => explain(&id),
        Command::Init => init(),
    };
    match result {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            print_error(&e);
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &Error) -> bool {
    matches!(e, Error::Write { source, .. } if source.kind() == io::ErrorKind::BrokenPipe)
}

fn stdout_error(source: io::Error) -> Error {
    Error::Write { path: PathBuf::from("<stdout>"), source }
}

/// Configuration per folder, loaded once each; `--config` wins for every file.
struct Configs {
    explicit: Option<Config>,
    by_dir: HashMap<PathBuf, Option<PathBuf>>,
    loaded: HashMap<PathBuf, Config>,
    default: Config,
}

impl Configs {
    fn new(explicit: Option<&Path>) -> Result<Configs, Error> {
        let explicit = explicit.map(Config::load).transpose()?;
        Ok(Configs { explicit, by_dir: HashMap::new(), loaded: HashMap::new(), default: Config::default() })
    }

    fn for_dir(&mut self, dir: &Path) -> Result<&Config, Error> {
        if let Some(c) = &self.explicit {
            return Ok(c);
        }
        let abs = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
        let found = self.by_dir.entry(abs.clone()).or_insert_with(|| config::discover(&abs)).clone();
        match found {
            None => Ok(&self.default),
            Some(path) => {
                if !self.loaded.contains_key(&path) {
                    let c = Config::load(&path)?;
                    self.loaded.insert(path.clone(), c);
                }
                Ok(self.loaded.get(&path).unwrap_or(&self.default))
            }
        }
    }

    fn for_file(&mut self, path: &Path) -> Result<&Config, Error> {
        let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        self.for_dir(dir)
    }
}

/// One unit of work: a draft's name, text and configuration.
struct Job {
    path: String,
    /// The file to write fixes to (`None` for stdin).
    file: Option<PathBuf>,
    format: Format,
    src: String,
    config: Config,
}

/// A draft to check, not read yet: files are read and decoded on the worker threads, one at a
/// time each, so a run holds the drafts being checked, never the whole corpus.
enum Source {
    /// Standard input, read when the inputs are gathered.
    Read(Job),
    File {
        path: PathBuf,
        /// Named on the command line (read even when it looks binary).
        explicit: bool,
        config: Config,
    },
}

impl Source {
    /// The draft's name in reports.
    fn name(&self) -> String {
        match self {
            Source::Read(job) => job.path.clone(),
            Source::File { path, .. } => display(path),
        }
    }

    /// Reads and decodes the draft: `Ok(None)` for a binary file met while walking a folder
    /// (not a draft, skipped without a word).
    fn load(self) -> Result<Option<Job>, Error> {
        let (path, explicit, config) = match self {
            Source::Read(job) => return Ok(Some(job)),
            Source::File { path, explicit, config } => (path, explicit, config),
        };
        let bytes = std::fs::read(&path).map_err(|source| Error::Read { path: path.clone(), source })?;
        if !explicit
            && check::looks_binary(&bytes)
            && !bytes.starts_with(&[0xFF, 0xFE])
            && !bytes.starts_with(&[0xFE, 0xFF])
        {
            return Ok(None);
        }
        let src = check::decode(&path, bytes)?;
        Ok(Some(Job { format: Format::from_path(&path), path: display(&path), file: Some(path), src, config }))
    }
}

/// What a worker made of one [`Source`]: `None` when it panicked (reported by [`guarded`]), an
/// error when the draft could not be read, `Ok(None)` for a binary file met while walking.
/// Errors are printed and panics and errors counted here, in input order.
fn settle<T>(outcome: Option<Result<Option<T>, Error>>, failed: &mut usize) -> Option<T> {
    match outcome {
        Some(Ok(done)) => done,
        Some(Err(e)) => {
            print_error(&e);
            *failed += 1;
            None
        }
        None => {
            *failed += 1;
            None
        }
    }
}

/// Finds every input and its configuration, in order; errors are printed and counted. Standard
/// input is read here, files later by [`Source::load`].
fn gather(common: &CommonArgs, configs: &mut Configs, failed: &mut usize) -> Result<Vec<Source>, Error> {
    let paths = if common.paths.is_empty() { vec![PathBuf::from(".")] } else { common.paths.clone() };
    let mut sources = Vec::new();
    for input in walk::inputs(&paths) {
        match input {
            Input::Failed(e) => {
                print_error(&e);
                *failed += 1;
            }
            Input::Stdin => {
                let mut bytes = Vec::new();
                io::stdin()
                    .lock()
                    .read_to_end(&mut bytes)
                    .map_err(|source| Error::Read { path: "<stdin>".into(), source })?;
                let name = common.stdin_filename.clone().unwrap_or_else(|| "<stdin>".to_string());
                let config = configs.for_dir(Path::new("."))?.for_path(Path::new(&name));
                match check::decode(Path::new(&name), bytes) {
                    Ok(src) => sources.push(Source::Read(Job {
                        format: Format::from_path(Path::new(&name)),
                        path: name,
                        file: None,
                        src,
                        config,
                    })),
                    Err(e) => {
                        print_error(&e);
                        *failed += 1;
                    }
                }
            }
            Input::File { path, explicit } => {
                let config = configs.for_file(&path)?.for_path(&path);
                if !explicit && !config.selects(&path) {
                    continue;
                }
                sources.push(Source::File { path, explicit, config });
            }
        }
    }
    Ok(sources)
}

fn display(path: &Path) -> String {
    let s = path.to_string_lossy();
    s.strip_prefix("./").unwrap_or(&s).to_string()
}

fn run_options(common: &CommonArgs) -> RunOptions {
    RunOptions { lang: common.lang.lang(), pub_date: common.pub_date }
}

fn pool(threads: Option<usize>) -> Result<rayon::ThreadPool, Error> {
    let mut b = rayon::ThreadPoolBuilder::new();
    if let Some(n) = threads {
        if n == 0 {
            return Err(Error::Usage("--threads must be at least 1".into()));
        }
        b = b.num_threads(n);
    }
    b.build().map_err(|e| Error::Usage(format!("cannot start worker threads: {e}")))
}

/// What checking one draft gives: its report, the diff text of its fixes, and a write error.
type CheckedFile = (FileReport, String, Option<Error>);

/// Checks one draft, and fixes it or diffs its fixes when asked.
fn check_one(job: Job, args: &CheckArgs, run: &RunOptions) -> CheckedFile {
    let checked = check::check_text(&job.src, job.format, &job.config, run);
    for w in &checked.doc.warnings {
        eprintln!("factlint: {}: {w}", job.path);
    }
    let diagnostics = checked.diagnostics;
    if !(args.fix || args.diff) || !diagnostics.iter().any(|d| !d.fixes.is_empty()) {
        return (FileReport::new(job.path, job.src, diagnostics), String::new(), None);
    }
    let fixed = crate::fix::fix_text(&job.src, job.format, &job.config, run);
    if args.diff {
        let diff = crate::fix::unified_diff(&job.path, &job.src, &fixed.text);
        return (FileReport::new(job.path, job.src, diagnostics), diff, None);
    }
    let written = match &job.file {
        Some(file) if fixed.text != job.src => crate::fix::write_back(file, &job.src, &fixed.text),
        _ => return (FileReport::new(job.path, job.src, diagnostics), String::new(), None),
    };
    match written {
        Ok(()) => {
            eprintln!("factlint: {}: fixed {} {}", job.path, fixed.fixed, plural(fixed.fixed, "finding"));
            (FileReport::new(job.path, fixed.text, fixed.remaining), String::new(), None)
        }
        Err(e) => (FileReport::new(job.path, job.src, diagnostics), String::new(), Some(e)),
    }
}

fn run_check(args: CheckArgs) -> Result<ExitCode, Error> {
    let mut configs = Configs::new(args.common.config.as_deref())?;
    if args.common.jsonl {
        return check_jsonl(&args, &mut configs);
    }
    if args.fix && args.common.paths.iter().any(|p| p.as_os_str() == "-") {
        return Err(Error::Usage("--fix cannot write to standard input; use --diff to see the fixes".into()));
    }
    let mut failed = 0;
    let sources = gather(&args.common, &mut configs, &mut failed)?;
    let run = run_options(&args.common);
    let pool = pool(args.common.threads)?;
    let progress = crate::workflow::progress::Progress::new(sources.len());
    let outcomes: Vec<Option<Result<Option<CheckedFile>, Error>>> = pool.install(|| {
        use rayon::prelude::*;
        sources
            .into_par_iter()
            .map(|source| {
                let outcome =
                    guarded(&source.name(), || source.load().map(|job| job.map(|job| check_one(job, &args, &run))));
                progress.tick();
                outcome
            })
            .collect()
    });
    progress.finish();
    let mut files = Vec::with_capacity(outcomes.len());
    let mut diffs = String::new();
    for outcome in outcomes {
        let Some((file, diff, error)) = settle(outcome, &mut failed) else { continue };
        if let Some(e) = error {
            print_error(&e);
            failed += 1;
        }
        diffs.push_str(&diff);
        files.push(file);
    }
    let files = crate::workflow::apply(&args.workflow, files)?;
    let mut summary = Summary { files: files.len(), ..Summary::default() };
    for f in &files {
        for d in &f.diagnostics {
            summary.add(d);
        }
    }
    let report = Report { files, summary };
    let color = match args.color {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    };
    let mut out = io::BufWriter::new(io::stdout().lock());
    if args.diff {
        out.write_all(diffs.as_bytes()).map_err(stdout_error)?;
    } else {
        report::render(args.format, &report, &mut out, color).map_err(stdout_error)?;
    }
    out.flush().map_err(stdout_error)?;
    Ok(exit_code(
        failed,
        &report.files.iter().flat_map(|f| &f.diagnostics).map(|d| d.severity).collect::<Vec<_>>(),
        args.fail_on,
    ))
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_string()
    } else {
        format!("{word}s")
    }
}

fn exit_code(failed: usize, severities: &[Severity], fail_on: FailOn) -> ExitCode {
    if failed > 0 {
        return ExitCode::from(2);
    }
    match fail_on.threshold() {
        Some(t) if severities.iter().any(|s| *s >= t) => ExitCode::from(1),
        _ => ExitCode::SUCCESS,
    }
}

/// One `--jsonl` input line.
#[derive(serde::Deserialize)]
struct JsonlIn {
    id: Value,
    text: String,
    lang: Option<String>,
    pub_date: Option<String>,
}

fn parse_jsonl_line(line: &str, run: &RunOptions) -> Result<(Value, String, RunOptions), (Value, String)> {
    let input: JsonlIn = serde_json::from_str(line).map_err(|e| {
        let id = serde_json::from_str::<Value>(line).ok().and_then(|v| v.get("id").cloned()).unwrap_or(Value::Null);
        (id, format!("invalid input line: {e}"))
    })?;
    let mut opts = run.clone();
    if let Some(l) = &input.lang {
        opts.lang = Some(Lang::parse(l).ok_or_else(|| (input.id.clone(), format!("unknown lang {l:?}")))?);
    }
    if let Some(d) = &input.pub_date {
        opts.pub_date = Some(parse_date(d).map_err(|e| (input.id.clone(), e))?);
    }
    Ok((input.id, input.text, opts))
}

/// What one `--jsonl` line produced.
struct JsonlOut {
    value: Value,
    severities: Vec<Severity>,
    failed: bool,
}

/// Lines per batch: enough to keep every core busy, few enough to keep memory flat.
const JSONL_BATCH: usize = 512;

/// Streams stdin's JSON lines through `process` in parallel batches, writing one line out per line
/// in, in input order. Memory is bounded by one batch, whatever the length of the input.
fn jsonl_stream(
    threads: Option<usize>,
    process: impl Fn(usize, &str) -> JsonlOut + Sync,
) -> Result<(usize, Vec<Severity>), Error> {
    use rayon::prelude::*;
    let pool = pool(threads)?;
    let mut out = io::BufWriter::new(io::stdout().lock());
    let (mut failed, mut severities) = (0, Vec::new());
    let mut lines = io::stdin().lock().lines().enumerate();
    loop {
        let mut batch = Vec::with_capacity(JSONL_BATCH);
        for (n, line) in lines.by_ref() {
            let line = line.map_err(|source| Error::Read { path: format!("<stdin> line {}", n + 1).into(), source })?;
            if !line.trim().is_empty() {
                batch.push((n, line));
            }
            if batch.len() == JSONL_BATCH {
                break;
            }
        }
        if batch.is_empty() {
            break;
        }
        let results: Vec<JsonlOut> = pool.install(|| batch.par_iter().map(|(n, line)| process(*n, line)).collect());
        for r in results {
            failed += usize::from(r.failed);
            severities.extend(r.severities);
            serde_json::to_writer(&mut out, &r.value).map_err(|e| stdout_error(e.into()))?;
            writeln!(out).map_err(stdout_error)?;
        }
    }
    out.flush().map_err(stdout_error)?;
    Ok((failed, severities))
}

fn jsonl_error(n: usize, id: Value, message: &str, key: &str) -> JsonlOut {
    eprintln!("factlint: <stdin> line {}: {message}", n + 1);
    JsonlOut { value: json!({"id": id, "error": message, key: []}), severities: Vec::new(), failed: true }
}

fn check_jsonl(args: &CheckArgs, configs: &mut Configs) -> Result<ExitCode, Error> {
    let config = configs.for_dir(Path::new("."))?.clone();
    let run = run_options(&args.common);
    let (failed, severities) = jsonl_stream(args.common.threads, |n, line| {
        let (id, text, opts) = match parse_jsonl_line(line, &run) {
            Ok(parsed) => parsed,
            Err((id, message)) => return jsonl_error(n, id, &message, "diagnostics"),
        };
        let path = match &id {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let Some(diagnostics) =
            guarded(&path, || check::check_text(&text, Format::Markdown, &config, &opts).diagnostics)
        else {
            return jsonl_error(n, id, "internal error", "diagnostics");
        };
        let severities = diagnostics.iter().map(|d| d.severity).collect();
        let file = FileReport::new(path, text, diagnostics);
        let ds: Vec<Value> = file.diagnostics.iter().map(|d| report::json::diagnostic(&file, d)).collect();
        JsonlOut { value: json!({"id": id, "diagnostics": ds}), severities, failed: false }
    })?;
    Ok(exit_code(failed, &severities, args.fail_on))
}

/// The claims of one document as `extract` prints them.
fn claims_json(checked: &check::Checked<'_>) -> Vec<Value> {
    // Shares ("1 sur 3" = 0.333…) are printed among the claims, in text order; rules never see them.
    let mut all: Vec<&crate::extract::Claim> = checked.claims.items.iter().collect();
    for share in &checked.claims.shares {
        let at = all.partition_point(|c| (c.span.start, c.span.end) <= (share.span.start, share.span.end));
        all.insert(at, share);
    }
    all.into_iter()
        .map(|c| {
            let mut obj = serde_json::Map::new();
            obj.insert("kind".into(), json!(c.kind.name()));
            obj.insert("start".into(), json!(c.span.start));
            obj.insert("end".into(), json!(c.span.end));
            obj.insert("text".into(), json!(checked.doc.text(c.span)));
            c.kind.json_fields(&mut obj);
            Value::Object(obj)
        })
        .collect()
}

/// Writes one file's pretty JSON as an element of the `files` array of `extract`'s document, as
/// `serde_json::to_writer_pretty` lays the whole document out. Returns the count written so far.
fn write_file_json(out: &mut impl Write, buf: &[u8], written: usize) -> Result<usize, Error> {
    let head: &[u8] = if written == 0 { b"{\n  \"version\": 1,\n  \"files\": [\n    " } else { b",\n    " };
    out.write_all(head).map_err(stdout_error)?;
    // JSON strings escape their line breaks: every break here is the layout's, indented twice.
    for (k, line) in buf.split(|&b| b == b'\n').enumerate() {
        if k > 0 {
            out.write_all(b"\n    ").map_err(stdout_error)?;
        }
        out.write_all(line).map_err(stdout_error)?;
    }
    Ok(written + 1)
}

fn run_extract(args: ExtractArgs) -> Result<ExitCode, Error> {
    let mut configs = Configs::new(args.common.config.as_deref())?;
    let run = run_options(&args.common);
    if args.common.jsonl {
        let config = configs.for_dir(Path::new("."))?.clone();
        let (failed, _) = jsonl_stream(args.common.threads, |n, line| {
            let (id, text, opts) = match parse_jsonl_line(line, &run) {
                Ok(parsed) => parsed,
                Err((id, message)) => return jsonl_error(n, id, &message, "claims"),
            };
            let claims = guarded(&id.to_string(), || {
                let checked = check::extract_text(&text, Format::Markdown, &config, &opts);
                (checked.doc.lang.code(), claims_json(&checked))
            });
            match claims {
                Some((lang, claims)) => JsonlOut {
                    value: json!({"id": id, "lang": lang, "claims": claims}),
                    severities: Vec::new(),
                    failed: false,
                },
                None => jsonl_error(n, id, "internal error", "claims"),
            }
        })?;
        return Ok(if failed > 0 { ExitCode::from(2) } else { ExitCode::SUCCESS });
    }
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut failed = 0;
    let sources = gather(&args.common, &mut configs, &mut failed)?;
    // The document `{"version": 1, "files": [...]}` as `serde_json::to_writer_pretty` lays it out,
    // written file by file: holding every file's claims as one tree cost more than extracting them.
    // Files are read on every thread, a chunk at a time, and written in input order.
    use rayon::prelude::*;
    let pool = pool(args.common.threads)?;
    let mut written = 0;
    let mut sources = sources.into_iter();
    loop {
        let chunk: Vec<Source> = sources.by_ref().take(64).collect();
        if chunk.is_empty() {
            break;
        }
        let files: Vec<Option<Result<Option<Vec<u8>>, Error>>> = pool.install(|| {
            chunk
                .into_par_iter()
                .map(|source| {
                    guarded(&source.name(), || {
                        let Some(job) = source.load()? else { return Ok(None) };
                        let checked = check::extract_text(&job.src, job.format, &job.config, &run);
                        let file = json!({
                            "path": job.path,
                            "lang": checked.doc.lang.code(),
                            "pub_date": checked.doc.pub_date.map(|d| d.to_string()),
                            "claims": claims_json(&checked),
                        });
                        serde_json::to_vec_pretty(&file).map(Some).map_err(|e| Error::Decode {
                            path: PathBuf::from(&job.path),
                            message: format!("claims could not be written as JSON: {e}"),
                        })
                    })
                })
                .collect()
        });
        for file in files {
            if let Some(buf) = settle(file, &mut failed) {
                written = write_file_json(&mut out, &buf, written)?;
            }
        }
    }
    let tail: &[u8] = if written == 0 { b"{\n  \"version\": 1,\n  \"files\": []\n}" } else { b"\n  ]\n}" };
    out.write_all(tail).map_err(stdout_error)?;
    writeln!(out).map_err(stdout_error)?;
    out.flush().map_err(stdout_error)?;
    Ok(if failed > 0 { ExitCode::from(2) } else { ExitCode::SUCCESS })
}

fn list_rules() -> Result<ExitCode, Error> {
    let mut out = io::stdout().lock();
    let width = RULES.iter().map(|r| r.meta().id.len()).max().unwrap_or(0);
    for r in RULES {
        let m = r.meta();
        writeln!(out, "{:width$}  {:7}  {}", m.id, m.default_severity.as_str(), m.summary).map_err(stdout_error)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn explain(id: &str) -> Result<ExitCode, Error> {
    let meta = rules::find(id).map(|r| r.meta()).or((id == crate::suppress::META.id).then_some(&crate::suppress::META));
    let Some(m) = meta else {
        let ids: Vec<&str> = RULES.iter().map(|r| r.meta().id).collect();
        let hint = config::nearest(id, &ids).map(|n| format!("; did you mean \"{n}\"?")).unwrap_or_default();
        return Err(Error::Usage(format!("unknown rule {id:?}{hint} (`factlint rules` lists them)")));
    };
    let mut out = io::stdout().lock();
    writeln!(out, "# {} ({})\n\nFlags {}.\n", m.id, m.default_severity.as_str(), m.summary).map_err(stdout_error)?;
    let docs: String = m.docs.lines().map(|l| l.strip_prefix(' ').unwrap_or(l)).collect::<Vec<_>>().join("\n");
    writeln!(out, "{}", docs.trim()).map_err(stdout_error)?;
    Ok(ExitCode::SUCCESS)
}

fn init() -> Result<ExitCode, Error> {
    let path = Path::new(config::FILE_NAME);
    crate::fsutil::write_new(path, config::INIT_TEMPLATE.as_bytes())?;
    println!("wrote {}", path.display());
    Ok(ExitCode::SUCCESS)
}
