//! Bad input never crashes factlint: each case exits 0, 1 or 2 with a clear message (never 101,
//! the exit code of a panic) and the other files of the run are still checked.

mod common;

use common::{bin, scratch};
use std::path::Path;
use std::process::{Command, Output};

fn check(dir: &Path, args: &[&str]) -> Output {
    bin().current_dir(dir).arg("check").args(args).output().expect("runs")
}

const FLAGGED: &str = "---\nlang: fr\n---\nLe parti a obtenu 312 sièges sur les 300 à pourvoir.\n";

/// Runs `check --format json bad.md witness.md`: the exit code must be 1 or 2 (the witness has a
/// finding) and the witness must still be reported.
fn survives(name: &str, bad: &[u8]) -> Output {
    let dir = scratch(name);
    std::fs::write(dir.join("bad.md"), bad).unwrap();
    std::fs::write(dir.join("witness.md"), FLAGGED).unwrap();
    let o = check(&dir, &["--format", "json", "bad.md", "witness.md"]);
    let code = o.status.code();
    assert!(matches!(code, Some(1) | Some(2)), "{name}: exit {code:?}: {}", String::from_utf8_lossy(&o.stderr));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{name}: json: {e}"));
    let witnessed = doc["diagnostics"].as_array().unwrap().iter().any(|d| d["path"] == "witness.md");
    assert!(witnessed, "{name}: the other file was not checked");
    o
}

#[test]
fn empty_and_front_matter_only() {
    survives("empty", b"");
    survives("front-matter-only", b"---\ndate: 2024-01-01\nlang: en\n---\n");
    survives("unclosed-front-matter", b"---\ndate: 2024-01-01\nno end\n");
    let o = survives("malformed-front-matter", b"---\ndate: yesterday\nlang: klingon\n---\nText 12 of 10.\n");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("bad.md: front matter"), "a warning names the file: {err}");
}

#[test]
fn encodings() {
    let o = survives("invalid-utf8", b"Le 12 f\xe9vrier 2022.");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("bad.md: not UTF-8 at byte 7"));
    survives("nul-bytes", b"abc\0def 12 of 10");
    let utf16: Vec<u8> =
        [0xFE, 0xFF].into_iter().chain("Text 3 of 2.".encode_utf16().flat_map(u16::to_be_bytes)).collect();
    survives("utf16-be", &utf16);
    let utf16: Vec<u8> =
        [0xFF, 0xFE].into_iter().chain("Texte : 3 sur 2.".encode_utf16().flat_map(u16::to_le_bytes)).collect();
    survives("utf16-le", &utf16);
    survives("utf16-odd", &[0xFF, 0xFE, b'a']);
    survives("bom-utf8", "\u{feff}---\nlang: en\n---\nText.\n".as_bytes());
}

#[test]
fn line_endings_and_unicode() {
    survives("crlf", b"---\r\nlang: fr\r\n---\r\nIl y a 12 sur 10.\r\n\r\nFin.\r\n");
    survives("lone-cr", b"Il y a 12 sur 10.\rFin 3 of 2.\r");
    survives(
        "combining-rtl",
        "Le 5\u{301} novembre, \u{202e}12 sur 10\u{202c} et \u{5d0}\u{5d1} 45 % \u{200f}.".as_bytes(),
    );
    survives("astral", "🎉 12 🎉 sur 🎉 10 🎉 \u{10FFFF}".as_bytes());
}

#[test]
fn absurd_numbers_and_dates() {
    let digits = "9".repeat(10_000);
    survives("digit-run", format!("Il y a {digits} habitants sur {digits} et 10^400 cas.").as_bytes());
    survives("big-values", b"10^400 and 1e400 and 99999999999999999999999999999 of 3.");
    survives("far-years", "Le 12 février 99999, le 31 décembre 262143 et le lundi 1er janvier -5000.".as_bytes());
}

#[test]
fn deep_nesting() {
    let mut lists = String::new();
    for depth in 0..10_000 {
        lists.push_str(&" ".repeat(depth.min(400)));
        lists.push_str("- 12 of 10\n");
    }
    survives("deep-lists", lists.as_bytes());
    survives("deep-quotes", format!("{} 12 of 10\n", ">".repeat(10_000)).as_bytes());
    survives("deep-brackets", format!("{}12 sur 10{}", "[".repeat(10_000), "]".repeat(10_000)).as_bytes());
    // Each "- " or "1. " on one line opens a list inside the previous item: 10,000 levels deep.
    survives("deep-list-markers", format!("{}12 of 10\n", "- ".repeat(10_000)).as_bytes());
    survives("deep-mixed", format!("{}12 sur 10\n", "> 1. - ".repeat(5_000)).as_bytes());
    survives("deep-emphasis", format!("{}12 of 10{}", "*_".repeat(10_000), "_*".repeat(10_000)).as_bytes());
    // The same depth in HTML, which a witness in Markdown sits beside.
    let dir = scratch("deep-html");
    let html = format!("<p>{}12 of 10{}</p>", "<div><b>".repeat(10_000), "</b></div>".repeat(10_000));
    std::fs::write(dir.join("bad.html"), html).unwrap();
    std::fs::write(dir.join("witness.md"), FLAGGED).unwrap();
    let o = check(&dir, &["bad.html", "witness.md"]);
    assert_eq!(o.status.code(), Some(1), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("witness.md:4:"));
}

#[test]
fn a_huge_single_line() {
    // 50 MB without a line break: prose with a number, a date and a contradiction every 2 kB, so
    // the line carries some 25,000 findings (columns far into one line) without the run being
    // mostly the writing of a 600 MB report, as a contradiction every 70 bytes made it.
    let prose = "Les habitants de la vallée se retrouvent chaque semaine au marché couvert, où les étals \
                 de légumes, de fromages et de pain occupent la place jusqu’à midi. "
        .repeat(12);
    let unit = format!("{prose}Le conseil compte 45 membres et 12 sur 10 votent, le 5 mars 2024. ");
    let line = unit.repeat((50 << 20) / unit.len() + 1);
    assert!(line.len() >= 50 << 20 && !line.contains('\n'));
    let o = survives("huge-line", line.as_bytes());
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let on_the_line = doc["diagnostics"].as_array().unwrap().iter().filter(|d| d["path"] == "bad.md").count();
    assert!(on_the_line > 20_000, "findings all along the line: {on_the_line}");
}

#[cfg(unix)]
#[test]
fn special_paths() {
    let dir = scratch("special-paths");
    std::fs::write(dir.join("witness.md"), FLAGGED).unwrap();
    // A FIFO would block a reader forever: it is reported, not read.
    let fifo = dir.join("pipe.md");
    let made = Command::new("mkfifo").arg(&fifo).status().map(|s| s.success()).unwrap_or(false);
    assert!(made, "mkfifo is part of coreutils");
    let o = check(&dir, &["pipe.md", "witness.md"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("pipe.md: not a regular file"));
    assert!(String::from_utf8_lossy(&o.stdout).contains("witness.md:4:"));
    // A symlink loop, named and met while walking.
    std::os::unix::fs::symlink("loop.md", dir.join("loop.md")).unwrap();
    let o = check(&dir, &["loop.md", "witness.md"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("loop.md"));
    let o = check(&dir, &["."]);
    assert!(matches!(o.status.code(), Some(1) | Some(2)), "{:?}", o.status);
    assert!(String::from_utf8_lossy(&o.stdout).contains("witness.md:4:"));
    // A configuration file that is a directory.
    std::fs::create_dir(dir.join("cfg")).unwrap();
    let o = check(&dir, &["--config", "cfg", "witness.md"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("cfg: is a directory"));
}

/// The peak resident memory of a process, polled from /proc until it exits (VmHWM only grows).
#[cfg(target_os = "linux")]
fn peak_kib(mut child: std::process::Child) -> (u64, std::process::ExitStatus) {
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    loop {
        if let Ok(s) = std::fs::read_to_string(&status_file) {
            let hwm = s
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok());
            peak = peak.max(hwm.unwrap_or(0));
        }
        if let Some(status) = child.try_wait().expect("waits") {
            return (peak, status);
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

#[cfg(target_os = "linux")]
#[test]
fn memory_is_bounded_by_the_largest_file_not_the_corpus() {
    // 24 drafts of 4 MB: a run that held every draft at once would pass 96 MB
    let dir = scratch("bounded-memory");
    let line = "Le marché couvert ouvre ses portes chaque matin, et les habitants du quartier y viennent nombreux.\n";
    let draft = line.repeat((4 << 20) / line.len());
    for i in 0..24 {
        std::fs::write(dir.join(format!("draft-{i:02}.txt")), &draft).unwrap();
    }
    let child = bin()
        .current_dir(&dir)
        .args(["check", "--threads", "2", "--format", "json", "."])
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("runs");
    let (peak, status) = peak_kib(child);
    assert_eq!(status.code(), Some(0));
    assert!(peak > 0, "VmHWM was read");
    assert!(peak < 48 << 10, "peak {peak} KiB for 96 MB of drafts");
}
