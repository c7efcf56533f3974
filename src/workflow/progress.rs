//! A progress bar on stderr while many files are checked on a terminal; nothing when stderr is
//! piped, in CI, or on a dumb terminal, so logs and scripts never see it.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Below this many files a run is over before a bar would help.
const MIN_FILES: usize = 20;
const WIDTH: usize = 30;
const EVERY: Duration = Duration::from_millis(80);

/// Whether a bar is wanted: enough files, stderr a terminal, not CI, not `TERM=dumb`.
pub fn wanted(files: usize, stderr_is_terminal: bool, ci: Option<&str>, term: Option<&str>) -> bool {
    let in_ci = ci.is_some_and(|v| !v.is_empty() && v != "false" && v != "0");
    files > MIN_FILES && stderr_is_terminal && !in_ci && term != Some("dumb")
}

/// `[=========>          ] 12/40 files`
pub fn bar(done: usize, total: usize) -> String {
    let filled = (done.min(total) * WIDTH).checked_div(total).unwrap_or(WIDTH);
    let mut s = String::with_capacity(WIDTH + 24);
    s.push('[');
    for i in 0..WIDTH {
        s.push(match i.cmp(&filled) {
            std::cmp::Ordering::Less => '=',
            std::cmp::Ordering::Equal if done < total => '>',
            _ => ' ',
        });
    }
    s.push_str(&format!("] {done}/{total} files"));
    s
}

/// Counts finished files from any thread and redraws at most every 80 ms.
pub struct Progress {
    total: usize,
    done: AtomicUsize,
    last: Option<Mutex<Instant>>,
}

impl Progress {
    /// A bar for `total` files, shown only when [`wanted`].
    pub fn new(total: usize) -> Progress {
        let show = wanted(
            total,
            std::io::stderr().is_terminal(),
            std::env::var("CI").ok().as_deref(),
            std::env::var("TERM").ok().as_deref(),
        );
        let last = show.then(|| Mutex::new(Instant::now().checked_sub(EVERY).unwrap_or_else(Instant::now)));
        Progress { total, done: AtomicUsize::new(0), last }
    }

    pub fn tick(&self) {
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        let Some(last) = &self.last else { return };
        let Ok(mut last) = last.try_lock() else { return }; // another thread is drawing
        if last.elapsed() >= EVERY || done == self.total {
            *last = Instant::now();
            let _ = write!(std::io::stderr().lock(), "\r{}", bar(done, self.total));
        }
    }

    /// Erases the bar before the report is printed.
    pub fn finish(&self) {
        if self.last.is_some() {
            let _ = write!(std::io::stderr().lock(), "\r\x1b[2K");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_only_on_a_terminal_outside_ci() {
        assert!(wanted(21, true, None, Some("xterm-256color")));
        assert!(wanted(21, true, Some(""), None));
        assert!(wanted(21, true, Some("false"), None));
        assert!(!wanted(20, true, None, None), "few files");
        assert!(!wanted(500, false, None, None), "piped");
        assert!(!wanted(500, true, Some("true"), None), "CI");
        assert!(!wanted(500, true, Some("1"), None), "CI");
        assert!(!wanted(500, true, None, Some("dumb")));
    }

    #[test]
    fn draws_the_bar() {
        assert_eq!(bar(0, 30), format!("[>{}] 0/30 files", " ".repeat(29)));
        assert_eq!(bar(15, 30), format!("[{}>{}] 15/30 files", "=".repeat(15), " ".repeat(14)));
        assert_eq!(bar(30, 30), format!("[{}] 30/30 files", "=".repeat(30)));
        assert_eq!(bar(0, 0), format!("[{}] 0/0 files", "=".repeat(30)));
    }
}
