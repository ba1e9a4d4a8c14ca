//! What readers see, checked in a real browser (issue 10): Debian's headless
//! Chromium driven over the DevTools protocol (`tests/browser/cdp.rs`), the
//! sample site built into a temp dir and served on 127.0.0.1
//! (`tests/browser/server.rs`), axe-core vendored in `tests/browser/axe-core/`,
//! and the Nu HTML checker (`vnu.jar`, installed by
//! `scripts/install-test-tools.sh`).
//!
//! Runs only with `CHISO_BROWSER_TESTS=1` (which `.ci/run` sets); then a
//! missing tool is a failure. Without it, one line says the tests were
//! skipped. One browser serves the whole binary; pages are checked in batches.
//! Linux only (the browser is tied to the test process with prctl).
#![cfg(target_os = "linux")]

#[path = "browser/cdp.rs"]
mod cdp;
#[path = "browser/charts.rs"]
mod charts;
mod common;
#[path = "browser/images.rs"]
mod images;
#[path = "browser/portal.rs"]
mod portal;
#[path = "browser/portal_layout.rs"]
mod portal_layout;
#[path = "browser/search.rs"]
mod search;
#[path = "browser/server.rs"]
mod server;

use cdp::{Browser, Tab, load_problems};
use serde_json::Value;
use server::StaticServer;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Mutex, MutexGuard, Once, OnceLock};
use std::time::{Duration, Instant};

const AXE: &str = include_str!("browser/axe-core/axe.min.js");

/// Whether to run; prints the one skip line (past the test harness's
/// capture, once per binary) when not.
fn enabled() -> bool {
    if std::env::var("CHISO_BROWSER_TESTS").is_ok_and(|v| v == "1") {
        return true;
    }
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let _ = writeln!(
            std::io::stderr(),
            "browser tests skipped: set CHISO_BROWSER_TESTS=1 (scripts/install-test-tools.sh installs Chromium, Java and vnu.jar)"
        );
    });
    false
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Build a site (`root` holds content/) into `out` with the real binary.
fn build(root: &Path, out: &Path) {
    let o = Command::new(common::BIN)
        .arg("build")
        .arg("--root")
        .arg(root)
        .arg("--output")
        .arg(out)
        .output()
        .expect("run chiso build");
    assert!(
        o.status.success(),
        "chiso build {}: {}",
        root.display(),
        String::from_utf8_lossy(&o.stderr)
    );
}

/// Every HTML page of a built site, as URL paths (`/`, `/kinh-te/`, `/404.html`).
fn pages(out: &Path) -> Vec<String> {
    let mut v: Vec<String> = walkdir::WalkDir::new(out)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(out)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            match rel.strip_suffix("index.html") {
                Some(dir) => format!("/{dir}"),
                None => format!("/{rel}"),
            }
        })
        .collect();
    v.sort();
    v
}

/// The browser, the built sample site and its server, shared by the tests.
struct Env {
    browser: Browser,
    server: StaticServer,
    out: PathBuf,
    pages: Vec<String>,
}

static ENV: OnceLock<Mutex<Option<Env>>> = OnceLock::new();
static SITE_DIR: OnceLock<PathBuf> = OnceLock::new();

extern "C" fn cleanup() {
    if let Some(m) = ENV.get()
        && let Ok(mut g) = m.lock()
    {
        g.take();
    }
    if let Some(d) = SITE_DIR.get() {
        let _ = std::fs::remove_dir_all(d);
    }
}

fn env() -> MutexGuard<'static, Option<Env>> {
    let m = ENV.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir").keep();
        let _ = SITE_DIR.set(dir.clone());
        // SAFETY: registering a plain function to run at exit.
        unsafe {
            libc::atexit(cleanup);
        }
        let out = dir.join("site");
        build(&repo(), &out);
        let server = StaticServer::start(&out).expect("static server");
        let browser = Browser::launch().unwrap_or_else(|e| {
            panic!("CHISO_BROWSER_TESTS=1 but Chromium could not start: {e} (run scripts/install-test-tools.sh)")
        });
        let pages = pages(&out);
        Mutex::new(Some(Env {
            browser,
            server,
            out,
            pages,
        }))
    });
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// A page's failures, collected so one run reports them all.
#[derive(Default)]
struct Failures(Vec<String>);

impl Failures {
    fn add(&mut self, page: &str, what: impl std::fmt::Display) {
        self.0.push(format!("{page}: {what}"));
    }

    #[track_caller]
    fn assert_none(&self, what: &str) {
        assert!(
            self.0.is_empty(),
            "{what}: {} problems\n{}",
            self.0.len(),
            self.0.join("\n")
        );
    }
}

const AXE_RUN: &str = r#"axe.run(document, {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  rules: { 'heading-order': { enabled: true } },
  resultTypes: ['violations']
}).then(r => r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' — ' +
  v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')))"#;

/// Layout facts of the loaded page: overflow and charts.
const LAYOUT: &str = r#"(() => {
  const out = [];
  const de = document.documentElement;
  if (de.scrollWidth > de.clientWidth + 1)
    out.push('horizontal overflow: scrollWidth ' + de.scrollWidth + ' > ' + de.clientWidth);
  document.querySelectorAll('figure.chart svg, svg[role]').forEach((s, i) => {
    const r = s.getBoundingClientRect();
    const name = (s.closest('figure') || {}).id || ('svg #' + i);
    if (!(r.width > 0 && r.height > 0)) out.push('chart ' + name + ' has an empty box');
    if (s.getAttribute('role') !== 'img') out.push('chart ' + name + ' lacks role="img"');
    const t = s.querySelector(':scope > title');
    if (!t || !t.textContent.trim()) out.push('chart ' + name + ' lacks a <title>');
  });
  // Charts stay within 30rem (an article's, within its 36rem measure) and
  // their title below the page's headings.
  const px = sel => { const e = document.querySelector(sel); return e ? parseFloat(getComputedStyle(e).fontSize) : 1e9; };
  const heading = Math.min(px('main h1, header h1'), px('main h2'));
  document.querySelectorAll('figure.chart > svg').forEach(s => {
    const r = s.getBoundingClientRect();
    const name = s.closest('figure').id;
    const cap = s.closest('.article') ? 577 : 481;
    if (r.width > cap) out.push('chart ' + name + ' is ' + Math.round(r.width) + ' px wide (cap ' + (cap > 481 ? 36 : 30) + 'rem)');
    const vb = s.viewBox.baseVal;
    const t = s.querySelector('text[font-weight="bold"]');
    if (t && vb && vb.width) {
      const size = parseFloat(t.getAttribute('font-size')) * r.width / vb.width;
      if (size >= heading) out.push('chart ' + name + ' title ' + size.toFixed(1) + ' px ≥ heading ' + heading + ' px');
    }
  });
  // A unit's name in the unit list stays on one line (two narrow columns
  // broke "Huyện Tam / Đường"): one line box per link.
  document.querySelectorAll('.unit-list a').forEach(a => {
    if (a.getClientRects().length > 1) out.push('unit name split over lines: ' + a.textContent);
  });
  return out;
})()"#;

/// Load every page of the sample site at one size and run every reader check.
fn check_every_page(w: u32, h: u32, mobile: bool) {
    let mut g = env();
    let env = g.as_mut().expect("browser env");
    let origin = env.server.origin();
    let tab = env.browser.new_tab().expect("tab");
    env.browser.emulate(&tab, w, h, mobile).expect("emulate");
    let mut f = Failures::default();
    for page in env.pages.clone() {
        let url = format!("{origin}{page}");
        let events = match env.browser.goto(&tab, &url) {
            Ok(e) => e,
            Err(e) => {
                f.add(&page, e);
                continue;
            }
        };
        for p in load_problems(&events, &origin) {
            f.add(&page, p);
        }
        match env.browser.eval(&tab, LAYOUT) {
            Ok(Value::Array(v)) => v
                .iter()
                .for_each(|p| f.add(&page, p.as_str().unwrap_or(""))),
            other => f.add(&page, format!("layout check: {other:?}")),
        }
        if let Err(e) = env.browser.eval(&tab, AXE) {
            f.add(&page, format!("axe inject: {e}"));
            continue;
        }
        match env.browser.eval(&tab, AXE_RUN) {
            Ok(Value::Array(v)) => v
                .iter()
                .for_each(|p| f.add(&page, format!("axe {}", p.as_str().unwrap_or("")))),
            other => f.add(&page, format!("axe run: {other:?}")),
        }
    }
    env.browser.close_tab(&tab).expect("close");
    f.assert_none(&format!(
        "{} pages at {w}×{h}{}",
        env.pages.len(),
        if mobile { " (mobile)" } else { "" }
    ));
}

#[test]
fn every_page_passes_the_reader_checks_on_a_360px_phone() {
    if !enabled() {
        return;
    }
    check_every_page(360, 800, true);
}

#[test]
fn every_page_passes_the_reader_checks_on_a_1280px_desktop() {
    if !enabled() {
        return;
    }
    check_every_page(1280, 800, false);
}

const TEXT: &str = "document.body ? document.body.innerText : ''";

#[test]
fn every_page_reads_the_same_without_javascript() {
    if !enabled() {
        return;
    }
    let mut g = env();
    let env = g.as_mut().expect("browser env");
    let origin = env.server.origin();
    let b = &mut env.browser;
    let with_js = b.new_tab().expect("tab");
    let no_js = b.new_tab().expect("tab");
    b.emulate(&with_js, 360, 800, true).unwrap();
    b.emulate(&no_js, 360, 800, true).unwrap();
    b.tab_call(
        &no_js,
        "Emulation.setScriptExecutionDisabled",
        serde_json::json!({ "value": true }),
    )
    .unwrap();
    let mut f = Failures::default();
    for page in env.pages.clone() {
        if page == "/tim-kiem/" {
            continue; // says search needs JavaScript: tests/browser/search.rs
        }
        let url = format!("{origin}{page}");
        let (Ok(_), Ok(_)) = (b.goto(&with_js, &url), b.goto(&no_js, &url)) else {
            f.add(&page, "did not load");
            continue;
        };
        let a = b.eval(&with_js, TEXT).unwrap_or_default();
        let n = b.eval(&no_js, TEXT).unwrap_or_default();
        if a.as_str().unwrap_or("").trim().is_empty() {
            f.add(&page, "no text");
        }
        if a != n {
            f.add(&page, "text differs with JavaScript disabled");
        }
    }
    b.close_tab(&with_js).unwrap();
    b.close_tab(&no_js).unwrap();
    f.assert_none("pages without JavaScript");
}

/// The tallest header row of every index table on the year pages, in lines
/// of the table's own line height, at 360 px.
#[test]
fn year_table_header_row_is_at_most_three_lines_tall_at_360px() {
    if !enabled() {
        return;
    }
    let mut g = env();
    let env = g.as_mut().expect("browser env");
    let origin = env.server.origin();
    let year_pages: Vec<String> = env
        .pages
        .iter()
        .filter(|p| {
            p.starts_with("/chi-so/")
                && p.trim_end_matches('/')
                    .rsplit('/')
                    .next()
                    .is_some_and(|s| s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
        })
        .cloned()
        .collect();
    assert!(year_pages.len() >= 5, "year pages: {year_pages:?}");
    let b = &mut env.browser;
    let tab = b.new_tab().unwrap();
    b.emulate(&tab, 360, 800, true).unwrap();
    let mut f = Failures::default();
    for page in &year_pages {
        b.goto(&tab, &format!("{origin}{page}")).unwrap();
        let v = b
            .eval(
                &tab,
                r#"[...document.querySelectorAll('table.data-table thead tr')].map(tr => {
                     const lh = parseFloat(getComputedStyle(tr.querySelector('th')).lineHeight) || 20;
                     return tr.getBoundingClientRect().height / lh;
                   })"#,
            )
            .unwrap();
        let rows = v.as_array().cloned().unwrap_or_default();
        if rows.is_empty() {
            f.add(page, "no index table");
        }
        for lines in rows.iter().filter_map(Value::as_f64) {
            // Padding adds a fraction of a line; 3.5 lines is "at most ~3".
            if lines > 3.5 {
                f.add(page, format!("header row is {lines:.1} lines tall"));
            }
        }
    }
    b.close_tab(&tab).unwrap();
    f.assert_none("year tables at 360 px");
}

fn vnu_jar() -> PathBuf {
    repo().join("tests/browser/node_modules/vnu-jar/build/dist/vnu.jar")
}

/// The Nu HTML checker over every page of the sample site and of the fixture
/// sites: zero errors.
#[test]
fn every_page_of_the_sample_and_fixture_sites_is_valid_html() {
    if !enabled() {
        return;
    }
    let jar = vnu_jar();
    assert!(
        jar.is_file(),
        "{} missing: run scripts/install-test-tools.sh",
        jar.display()
    );
    let tmp = tempfile::tempdir().unwrap();
    let mut dirs = vec![env().as_ref().expect("env").out.clone()];
    let sites = repo().join("tests/fixtures/sites");
    for e in std::fs::read_dir(&sites).unwrap() {
        let e = e.unwrap();
        if e.path().join("content").is_dir() {
            let out = tmp.path().join(e.file_name());
            build(&e.path(), &out);
            dirs.push(out);
        }
    }
    let t = Instant::now();
    let o = Command::new("java")
        .args(["-Xss8m", "-jar"])
        .arg(&jar)
        .args(["--errors-only", "--skip-non-html"])
        .args(&dirs)
        .output()
        .expect("java (run scripts/install-test-tools.sh)");
    let mut report = String::from_utf8_lossy(&o.stderr).into_owned();
    for d in &dirs {
        report = report.replace(&format!("\"file:{}", d.display()), "\"");
    }
    assert!(
        o.status.success() && report.trim().is_empty(),
        "Nu HTML checker ({:.1} s) found errors:\n{}",
        t.elapsed().as_secs_f64(),
        report
    );
}

// ---------------------------------------------------------------------------
// serve in the browser

struct Serve {
    child: std::process::Child,
    port: u16,
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_serve(root: &Path, out: &Path) -> Serve {
    use std::io::BufRead;
    #[allow(clippy::zombie_processes)] // waited for in Serve::drop
    let mut child = Command::new(common::BIN)
        .args(["serve", "--port", "0", "--root"])
        .arg(root)
        .arg("--output")
        .arg(out)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("start chiso serve");
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stderr)
            .lines()
            .map_while(Result::ok)
        {
            let _ = tx.send(line);
        }
    });
    let mut s = Serve { child, port: 0 };
    let deadline = Instant::now() + Duration::from_secs(60);
    while s.port == 0 {
        let line = rx
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            .expect("serve printed its address");
        if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
            s.port = rest.split('/').next().unwrap().parse().unwrap();
        }
    }
    std::thread::spawn(move || while rx.recv().is_ok() {});
    s
}

fn wait_for(b: &mut Browser, tab: &Tab, what: &str, expr: &str) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if b.eval(tab, expr).ok() == Some(Value::Bool(true)) {
            return;
        }
        let _ = b.pump_until(Duration::from_millis(100), |_| false);
        b.take_events(tab);
    }
    panic!("timed out waiting for {what}");
}

#[test]
fn serve_reloads_the_open_article_and_shows_then_clears_the_error_overlay() {
    if !enabled() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    common::copy_tree(&repo().join("tests/fixtures/sites/basic"), &root);
    let serve = start_serve(&root, &tmp.path().join("out"));
    let mut g = env();
    let b = &mut g.as_mut().expect("browser env").browser;
    let tab = b.new_tab().unwrap();
    let url = format!("http://127.0.0.1:{}/tin-tuc/bai-ba/", serve.port);
    b.goto(&tab, &url).unwrap();
    let body = "document.querySelector('.article-body').innerText";
    let text = b.eval(&tab, body).unwrap();
    assert!(text.as_str().unwrap().contains("Thân bài ba."), "{text}");
    // Mark this document: a reload replaces it, so the mark goes.
    b.eval(&tab, "window.__before_reload = 1").unwrap();

    let file = root.join("content/articles/tin-tuc/ba.md");
    let md = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, md.replace("Thân bài ba.", "Thân bài ba, đã sửa.")).unwrap();
    wait_for(
        b,
        &tab,
        "the page to reload with the edit",
        &format!("!window.__before_reload && {body}.includes('đã sửa')"),
    );

    std::fs::write(&file, "---\ntitle: [\n").unwrap();
    wait_for(
        b,
        &tab,
        "the error overlay",
        "!!document.getElementById('chiso-overlay') && document.getElementById('chiso-overlay').innerText.includes('ba.md')",
    );

    std::fs::write(&file, md.replace("Thân bài ba.", "Thân bài ba, sửa lại.")).unwrap();
    wait_for(
        b,
        &tab,
        "the page to recover",
        &format!("!document.getElementById('chiso-overlay') && {body}.includes('sửa lại')"),
    );
    b.close_tab(&tab).unwrap();
}
