//! First contentful paint of the sample site's article page under Chromium's
//! "Slow 3G" preset (issue 10): 2,000 ms latency, 50,000 B/s down and up,
//! cache off. Builds the sample site, serves it on 127.0.0.1 (the browser
//! tests' tiny server), loads the page `--runs` times (default 5) in Debian's
//! headless Chromium and prints every figure and the median. For comparison
//! it also loads the same page with the stylesheet linked instead of inlined
//! (how the default theme wrote it before issue 10): one round trip more.
//!
//! ```sh
//! cargo bench --bench slow3g                 # the article page with the lead image
//! cargo bench --bench slow3g -- --runs 9 --path /kinh-te/
//! ```
//!
//! A benchmark, not a timed test: `cargo test` does not build it.

#[path = "../tests/browser/cdp.rs"]
mod cdp;
#[path = "../tests/browser/server.rs"]
mod server;

use serde_json::json;
use std::path::PathBuf;
use std::time::Duration;

/// The article with the lead image and a chart: the heaviest article page.
const ARTICLE: &str = "/cai-cach-hanh-chinh/phong-tho-gan-phong-trao-thi-dua-lao-dong-gioi-lao-dong-sang-tao-voi-cai-cach-hanh-chinh/";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let opt = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let runs: usize = opt("--runs")
        .and_then(|r| r.parse().ok())
        .unwrap_or(5)
        .max(1);
    let path = opt("--path").unwrap_or_else(|| ARTICLE.to_string());

    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("site");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_chiso"))
        .arg("build")
        .arg("--root")
        .arg(&root)
        .arg("--output")
        .arg(&out)
        .output()
        .expect("run chiso build");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let page = out.join(path.trim_start_matches('/')).join("index.html");
    let html_bytes = std::fs::metadata(&page).map(|m| m.len()).unwrap_or(0);
    let css_bytes = std::fs::metadata(out.join("assets/style.css"))
        .map(|m| m.len())
        .unwrap_or(0);
    // The same page with the stylesheet as a <link>, beside the real one.
    let html = std::fs::read_to_string(&page).expect("the page");
    let linked = match (html.find("<style>"), html.find("</style>")) {
        (Some(a), Some(b)) if a < b => format!(
            "{}<link rel=\"stylesheet\" href=\"/assets/style.css\">{}",
            &html[..a],
            &html[b + "</style>".len()..]
        ),
        _ => html.clone(),
    };
    std::fs::create_dir_all(out.join("__linked")).expect("dir");
    std::fs::write(out.join("__linked/index.html"), linked).expect("write");
    let server = server::StaticServer::start(&out).expect("server");

    let mut b = cdp::Browser::launch().unwrap_or_else(|e| {
        panic!("{e}: run scripts/install-test-tools.sh");
    });
    println!(
        "slow 3G (2 s latency, 50 KB/s, cache off), {path}: HTML {html_bytes} B, style.css {css_bytes} B"
    );
    let linked = measure(&mut b, &format!("{}/__linked/", server.origin()), runs);
    report("stylesheet linked (before)", &linked, runs);
    let inlined = measure(&mut b, &format!("{}{path}", server.origin()), runs);
    report("as built, stylesheet inlined", &inlined, runs);
}

fn report(what: &str, fcps: &[f64], runs: usize) {
    println!(
        "first contentful paint, {what}: median {:.2} s of {runs} (min {:.2} s, max {:.2} s); target ≤ 2.5 s",
        fcps[fcps.len() / 2],
        fcps[0],
        fcps[fcps.len() - 1]
    );
}

/// FCP in seconds of `runs` loads of `url`, sorted.
fn measure(b: &mut cdp::Browser, url: &str, runs: usize) -> Vec<f64> {
    let mut fcps = Vec::new();
    for run in 0..runs {
        // A fresh tab each run: nothing cached, nothing kept in memory.
        let tab = b.new_tab().expect("tab");
        b.emulate(&tab, 360, 800, true).expect("emulate");
        b.tab_call(
            &tab,
            "Network.setCacheDisabled",
            json!({ "cacheDisabled": true }),
        )
        .expect("cache off");
        b.tab_call(
            &tab,
            "Network.emulateNetworkConditions",
            json!({
                "offline": false,
                "latency": 2000,
                "downloadThroughput": 50_000,
                "uploadThroughput": 50_000,
                "connectionType": "cellular3g",
            }),
        )
        .expect("throttle");
        b.goto(&tab, url).expect("load");
        let _ = b.pump_until(Duration::from_millis(200), |_| false);
        let v = b
            .eval(
                &tab,
                "(performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime || 0",
            )
            .expect("fcp");
        let fcp = v.as_f64().unwrap_or(0.0) / 1000.0;
        println!("  run {}: {fcp:.2} s  {url}", run + 1);
        fcps.push(fcp);
        b.close_tab(&tab).expect("close");
    }
    fcps.sort_by(|a, b| a.total_cmp(b));
    fcps
}
