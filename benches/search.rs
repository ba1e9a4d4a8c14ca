//! Search cost at N articles (issue 12): build time with `search: false`
//! and with search on, interleaved, medians; then the bytes a reader's
//! browser downloads for the first query (page, script, meta, shards,
//! result fragments) and for each next one, measured in Debian's headless
//! Chromium over the browser tests' tiny server, with the gzip size of the
//! same files beside (what a compressing web server sends).
//!
//! ```sh
//! nice cargo bench --bench search                       # N = 10,000, 3 rounds
//! nice cargo bench --bench search -- --n 1000 --runs 1
//! ```
//!
//! The corpus is the build benchmark's (`benches/common/corpus.rs`), cached
//! in target/bench-corpus/. A benchmark, not a timed test.

#[path = "../tests/browser/cdp.rs"]
mod cdp;
#[path = "common/corpus.rs"]
mod corpus;
#[path = "../tests/browser/server.rs"]
mod server;

use serde_json::Value;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// Typed one after another, as a reader would: the first loads the page.
const QUERIES: &[&str] = &[
    "cải cách hành chính",
    "phong tho",
    "một cửa",
    "\"chuyển đổi số\"",
    "ban",
    "thảo quả mường so",
];

fn opt(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .cloned()
}

fn corpus_dir(n: usize, seed: u64) -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"));
    let dir = target.join(format!(
        "bench-corpus/n{n}-s{seed}-v{}",
        corpus::GENERATOR_VERSION
    ));
    if !dir.join("chiso/content/site.yaml").is_file() {
        eprintln!("generating the {n}-article corpus in {}", dir.display());
        corpus::generate(&dir, n, seed, true).expect("generate corpus");
    }
    corpus::layout(&dir).chiso
}

fn copy_tree(from: &Path, to: &Path) {
    let o = Command::new("cp")
        .arg("-a")
        .arg(from)
        .arg(to)
        .status()
        .expect("cp");
    assert!(o.success(), "cp -a {}", from.display());
}

/// Wall seconds of one `chiso build`.
fn build(site: &Path, out: &Path) -> f64 {
    let _ = std::fs::remove_dir_all(out);
    let t = Instant::now();
    let o = Command::new(env!("CARGO_BIN_EXE_chiso"))
        .args(["build", "--root"])
        .arg(site)
        .arg("--output")
        .arg(out)
        .output()
        .expect("chiso build");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    t.elapsed().as_secs_f64()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn gzip_len(bytes: &[u8]) -> usize {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).expect("gzip");
    e.finish().expect("gzip").len()
}

/// Bytes of the responses among `events` (from the tab's network events),
/// as sent, and gzipped from the files on disk; and the number of requests.
fn bytes_of(events: &[Value], origin: &str, out: &Path) -> (usize, usize, usize) {
    let (mut raw, mut gz, mut n) = (0, 0, 0);
    for v in events {
        if v["method"] != "Network.responseReceived" {
            continue;
        }
        let url = v["params"]["response"]["url"].as_str().unwrap_or("");
        let Some(path) = url.strip_prefix(origin) else {
            continue;
        };
        let path = path.split('?').next().unwrap_or("").trim_start_matches('/');
        let file = if path.is_empty() || path.ends_with('/') {
            out.join(path).join("index.html")
        } else {
            out.join(path)
        };
        let bytes = std::fs::read(&file).unwrap_or_default();
        raw += bytes.len();
        gz += gzip_len(&bytes);
        n += 1;
    }
    (raw, gz, n)
}

fn type_and_wait(b: &mut cdp::Browser, tab: &cdp::Tab, q: &str) -> Vec<Value> {
    let js = format!(
        "(() => {{ const i = document.getElementById('tu-khoa'); i.value = {};
         i.dispatchEvent(new Event('input')); return true; }})()",
        serde_json::to_string(q).unwrap()
    );
    b.eval(tab, &js).expect("type");
    let done = format!(
        "(() => {{ const s = document.getElementById('trang-thai').textContent;
         return s.includes({}) && (document.querySelectorAll('#ket-qua li').length > 0
           || s.startsWith('Không')); }})()",
        serde_json::to_string(&format!("“{q}”")).unwrap()
    );
    let mut events = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        let _ = b.pump_until(Duration::from_millis(100), |_| false);
        events.extend(b.take_events(tab));
        if b.eval(tab, &done).ok() == Some(Value::Bool(true)) {
            // Fragments of the shown results may still be arriving.
            let _ = b.pump_until(Duration::from_millis(300), |_| false);
            events.extend(b.take_events(tab));
            return events;
        }
    }
    panic!("no results for {q} in 60 s");
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n: usize = opt(&args, "--n")
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    let seed: u64 = opt(&args, "--seed")
        .and_then(|s| s.parse().ok())
        .unwrap_or(42);
    let runs: usize = opt(&args, "--runs")
        .and_then(|s| s.parse().ok())
        .unwrap_or(3)
        .max(1);
    let corpus = corpus_dir(n, seed);
    let tmp = tempfile::tempdir_in(std::env::temp_dir()).expect("temp dir");
    let site = tmp.path().join("site");
    copy_tree(&corpus, &site);
    let yaml_path = site.join("content/site.yaml");
    let yaml = std::fs::read_to_string(&yaml_path).expect("site.yaml");
    let out = tmp.path().join("out");
    let (mut off, mut on) = (Vec::new(), Vec::new());
    for round in 0..runs {
        for search in [round % 2 == 1, round % 2 == 0] {
            let extra = if search { "" } else { "search: false\n" };
            std::fs::write(&yaml_path, format!("{yaml}{extra}")).unwrap();
            let s = build(&site, &out);
            eprintln!(
                "round {round}: search {}: {s:.2} s",
                if search { "on" } else { "off" }
            );
            if search { on.push(s) } else { off.push(s) }
        }
    }
    // The last build of the loop above had search on (round 0 ends with on;
    // build once more with it on to be sure the output is the search one).
    std::fs::write(&yaml_path, &yaml).unwrap();
    build(&site, &out);
    let (m_off, m_on) = (median(off), median(on));
    let index_files = walkdir::WalkDir::new(out.join("tim-kiem"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.metadata().map(|m| m.len()).unwrap_or(0))
        .fold((0u64, 0usize), |(b, c), l| (b + l, c + 1));
    println!("search benchmark, N = {n} articles, {runs} rounds (median wall)");
    println!(
        "  build without search {m_off:.2} s, with search {m_on:.2} s: +{:.2} s = +{:.1} %",
        m_on - m_off,
        100.0 * (m_on - m_off) / m_off
    );
    println!(
        "  index: {} files, {:.1} MiB",
        index_files.1,
        index_files.0 as f64 / 1048576.0
    );

    let server = server::StaticServer::start(&out).expect("server");
    let origin = server.origin();
    let mut b = cdp::Browser::launch().expect("Chromium (scripts/install-test-tools.sh)");
    let tab = b.new_tab().expect("tab");
    let mut events = b
        .goto(&tab, &format!("{origin}/tim-kiem/"))
        .expect("search page");
    println!("  bytes per query (as served / gzipped), requests:");
    for (i, q) in QUERIES.iter().enumerate() {
        events.extend(type_and_wait(&mut b, &tab, q));
        let (raw, gz, reqs) = bytes_of(&events, &origin, &out);
        events.clear();
        let what = if i == 0 {
            "first (with page and script)"
        } else {
            "next"
        };
        println!(
            "    {q:<24} {:>8.1} KB / {:>7.1} KB  {reqs:>3} requests  {what}",
            raw as f64 / 1000.0,
            gz as f64 / 1000.0
        );
    }
    b.close_tab(&tab).ok();
}
