//! `--format html` in a real browser: headless Chromium renders the page, its scripts run, and
//! the DOM is read back (`--dump-dom`): findings present, counts right, evidence linked, the
//! selected finding's evidence shown, no console message (a CSP violation or an uncaught error
//! would log one), and a malicious draft shown as text with nothing of it run.
//!
//! Chromium is required: without it these tests fail loudly, unless FACTLINT_SKIP_BROWSER=1.
//! `.ci/run` installs Debian's chromium. Screenshots go to target/html-report/, never the repo.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn out_dir(name: &str) -> PathBuf {
    let dir = root().join("target").join("html-report").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("output dir");
    dir
}

fn factlint(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_factlint")).current_dir(dir).args(args).output().expect("factlint runs")
}

/// The browser, or `None` when it is missing and FACTLINT_SKIP_BROWSER=1 allows skipping.
fn chromium() -> Option<PathBuf> {
    let from_env = std::env::var_os("FACTLINT_CHROMIUM").map(PathBuf::from);
    let path = std::env::var_os("PATH").unwrap_or_default();
    let found = from_env.or_else(|| {
        ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
            .iter()
            .flat_map(|name| std::env::split_paths(&path).map(move |d| d.join(name)))
            .find(|p| p.is_file())
    });
    if found.is_none() {
        let msg = "\n\n*** The HTML report tests need a headless Chromium and none was found. ***\n\
                   Install it (Debian: apt-get install chromium) or point FACTLINT_CHROMIUM at one;\n\
                   set FACTLINT_SKIP_BROWSER=1 to skip these tests on this machine.\n";
        if std::env::var("FACTLINT_SKIP_BROWSER").as_deref() == Ok("1") {
            eprintln!("{msg}SKIPPED (FACTLINT_SKIP_BROWSER=1)");
            return None;
        }
        panic!("{msg}");
    }
    found
}

/// Runs headless Chromium on `url` with a fresh profile; returns (stdout, console lines).
fn browse(exe: &Path, dir: &Path, url: &str, extra: &[&str]) -> (String, Vec<String>) {
    let profile = dir.join(format!("profile-{}", extra.len()));
    let _ = std::fs::remove_dir_all(&profile);
    let (out, err) = (dir.join("stdout.txt"), dir.join("stderr.txt"));
    let mut child = Command::new(exe)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--enable-logging=stderr",
            "--v=0",
            "--virtual-time-budget=5000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out).expect("stdout file"))
        .stderr(std::fs::File::create(&err).expect("stderr file"))
        .spawn()
        .expect("chromium starts");
    let started = Instant::now();
    loop {
        match child.try_wait().expect("wait for chromium") {
            Some(status) => {
                assert!(status.success(), "chromium failed: {}", std::fs::read_to_string(&err).unwrap_or_default());
                break;
            }
            None if started.elapsed() > Duration::from_secs(120) => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("chromium did not finish within 120 s");
            }
            None => std::thread::sleep(Duration::from_millis(100)),
        }
    }
    let stdout = std::fs::read_to_string(&out).unwrap_or_default();
    let console = std::fs::read_to_string(&err)
        .unwrap_or_default()
        .lines()
        .filter(|l| l.contains(":CONSOLE") || l.contains("Uncaught") || l.contains("Content Security Policy"))
        .map(String::from)
        .collect();
    (stdout, console)
}

/// The attributes of every `<tag …>` start tag of a serialized DOM (Chromium writes attribute
/// values in double quotes, with `"` and `&` escaped).
fn tags(dom: &str, tag: &str) -> Vec<Vec<(String, String)>> {
    let open = format!("<{tag} ");
    let mut out = Vec::new();
    for (at, _) in dom.match_indices(&open) {
        let Some(end) = dom[at..].find('>') else { continue };
        let mut attrs = Vec::new();
        let mut rest = &dom[at + open.len()..at + end];
        while let Some(eq) = rest.find("=\"") {
            let name = rest[..eq].trim().to_string();
            let value_start = eq + 2;
            let Some(close) = rest[value_start..].find('"') else { break };
            attrs.push((name, rest[value_start..value_start + close].to_string()));
            rest = &rest[value_start + close + 1..];
        }
        out.push(attrs);
    }
    out
}

fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
}

fn count(dom: &str, what: &str) -> u64 {
    let needle = format!("data-count=\"{what}\">");
    let at = dom.find(&needle).unwrap_or_else(|| panic!("no {what} count")) + needle.len();
    dom[at..].split('<').next().unwrap().parse().unwrap()
}

#[test]
fn the_page_is_self_contained() {
    let o = factlint(&root(), &["check", "--format", "html", "examples"]);
    let page = String::from_utf8(o.stdout).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    let csp =
        page.split("http-equiv=\"Content-Security-Policy\" content=\"").nth(1).unwrap().split('"').next().unwrap();
    assert!(csp.starts_with("default-src 'none'; "), "{csp}");
    assert!(!csp.contains("unsafe-inline") && !csp.contains("http"), "{csp}");
    for a in tags(&page, "a") {
        assert!(attr(&a, "href").is_some_and(|h| h.starts_with('#')), "a link leaves the page: {a:?}");
    }
    for forbidden in [" src=", "<link", "<img", "<iframe", "@import", "url(", "http://", "https://"] {
        assert!(!page.contains(forbidden), "{forbidden}");
    }
    assert_eq!(page.matches("<script>").count(), 1);
    assert_eq!(page.matches("<style>").count(), 1);
}

#[test]
fn examples_page_works_in_a_browser() {
    let Some(exe) = chromium() else { return };
    let dir = out_dir("examples");
    let o = factlint(&root(), &["check", "--format", "html", "examples"]);
    assert_eq!(o.status.code(), Some(1));
    let page = dir.join("examples.html");
    std::fs::write(&page, &o.stdout).unwrap();
    let summary: serde_json::Value =
        serde_json::from_slice(&factlint(&root(), &["check", "--format", "json", "examples"]).stdout).unwrap();
    let summary = &summary["summary"];

    // Opened on the first finding, as a click on it would leave the page.
    let (dom, console) = browse(&exe, &dir, &format!("file://{}#f1-1", page.display()), &["--dump-dom"]);
    assert!(console.is_empty(), "console messages: {console:#?}");
    let html = tags(&dom, "html");
    assert_eq!(attr(&html[0], "data-ready"), Some("true"), "the script ran under the page's CSP");
    assert_eq!(attr(&html[0], "data-selected"), Some("f1-1"));

    let files = summary["files"].as_u64().unwrap();
    let (errors, warnings, infos) = (
        summary["errors"].as_u64().unwrap(),
        summary["warnings"].as_u64().unwrap(),
        summary["infos"].as_u64().unwrap(),
    );
    assert_eq!(
        (count(&dom, "files"), count(&dom, "errors"), count(&dom, "warnings"), count(&dom, "infos")),
        (files, errors, warnings, infos)
    );
    let items: Vec<_> = tags(&dom, "li").into_iter().filter(|a| attr(a, "data-finding").is_some()).collect();
    assert_eq!(items.len() as u64, errors + warnings + infos, "one list item per finding");
    let marks = tags(&dom, "mark");
    for item in &items {
        let id = attr(item, "data-finding").unwrap();
        assert_eq!(
            attr(item, "data-linked"),
            attr(item, "data-related-count"),
            "every piece of evidence is in the text: {item:?}"
        );
        let has = |key: &str| marks.iter().any(|m| attr(m, key).is_some_and(|v| v.split(' ').any(|x| x == id)));
        assert!(has("data-p"), "{id}'s words are highlighted");
        assert!(dom.contains(&format!("id=\"{id}\"")), "{id} has an anchor to scroll to");
    }
    // The selected finding: its words active, its evidence shown; nothing else.
    let first = items.iter().find(|a| attr(a, "data-finding") == Some("f1-1")).unwrap();
    assert!(attr(first, "class").unwrap().split(' ').any(|c| c == "active"));
    assert_ne!(attr(first, "data-related-count"), Some("0"), "the first example finding has evidence");
    for m in &marks {
        let classes: Vec<&str> = attr(m, "class").unwrap().split(' ').collect();
        let of = |key| attr(m, key).is_some_and(|v| v.split(' ').any(|x| x == "f1-1"));
        assert_eq!(classes.contains(&"shown"), of("data-r"), "{m:?}");
        assert_eq!(classes.contains(&"active"), of("data-p"), "{m:?}");
    }

    // A screenshot for people to look at, kept under target/.
    let png = dir.join("examples.png");
    let shot = format!("--screenshot={}", png.display());
    let (_, console) =
        browse(&exe, &dir, &format!("file://{}#f1-1", page.display()), &[&shot, "--window-size=1280,1600"]);
    assert!(console.is_empty(), "console messages: {console:#?}");
    let bytes = std::fs::read(&png).expect("screenshot written");
    assert!(bytes.starts_with(b"\x89PNG") && bytes.len() > 10_000, "{} bytes", bytes.len());
}

#[test]
fn a_malicious_draft_is_shown_and_never_run() {
    let Some(exe) = chromium() else { return };
    let dir = out_dir("malicious");
    let name = "<img src=x onerror=document.body.dataset.pwned=1>.md";
    let draft = "---\nlang: fr\ndate: 2024-11-12\n---\n\
                 <script>document.documentElement.dataset.pwned = 'script'</script>\n\n\
                 Le parti a obtenu 312 sièges sur les 300 à pourvoir. <img src=x onerror=\"document.documentElement.dataset.pwned='img'\">\n\
                 </textarea><textarea> </pre></title><svg onload=\"document.documentElement.dataset.pwned='svg'\"></svg>\n\
                 \"quoted' &amp; <iframe src=\"https://example.invalid/\"></iframe> <!-- a comment -->\n";
    std::fs::write(dir.join(name), draft).unwrap();
    let o = factlint(&dir, &["check", "--format", "html", name]);
    assert_eq!(o.status.code(), Some(1), "{}", String::from_utf8_lossy(&o.stderr));
    let page = dir.join("report.html");
    std::fs::write(&page, &o.stdout).unwrap();

    let (dom, console) = browse(&exe, &dir, &format!("file://{}", page.display()), &["--dump-dom"]);
    assert!(console.is_empty(), "console messages (a blocked load or script would log one): {console:#?}");
    assert!(dom.contains("data-ready=\"true\""), "the page's own script ran");
    assert!(!dom.contains("data-pwned"), "a draft's script ran");
    for element in ["<img", "<svg", "<textarea", "<iframe"] {
        assert!(!dom.contains(element), "{element} became an element");
    }
    assert_eq!(dom.matches("<script").count(), 1, "only the page's own script");
    assert_eq!(tags(&dom, "title").len() + dom.matches("<title>").count(), 1);
    // Shown as text, in the draft view and in the file's name.
    for text in [
        "&lt;script&gt;document.documentElement.dataset.pwned = 'script'&lt;/script&gt;",
        "&lt;/textarea&gt;&lt;textarea&gt; &lt;/pre&gt;&lt;/title&gt;",
        "\"quoted' &amp;amp; &lt;iframe",
        "&lt;img src=x onerror=document.body.dataset.pwned=1&gt;.md",
    ] {
        assert!(dom.contains(text), "not shown as text: {text}");
    }
    assert!(tags(&dom, "li").iter().any(|a| attr(a, "data-finding") == Some("f1-1")), "the finding is listed");
}
