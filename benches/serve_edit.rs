//! Serve benchmark (issue 5): time from saving one article to the reload
//! event, on an N-article site.
//!
//! ```text
//! cargo bench --bench serve_edit -- [--n 10000] [--edits 20] [--seed 42] [--disk] [--chiso PATH]
//! ```
//!
//! Generates the corpus (cached like the build bench), copies it to a folder
//! of its own in /dev/shm (or under target/ with `--disk`), starts `chiso serve --port 0`,
//! subscribes to its server-sent events, then appends a sentence to one
//! article `--edits` times and measures save → `event: reload`. It also
//! checks that the page on disk has the new sentence. Prints min, median and
//! max. Not a test: nothing here fails on time.

#[path = "common/corpus.rs"]
mod corpus;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn arg(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn copy_tree(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from) {
        let e = e.expect("walk corpus");
        let dest = to.join(e.path().strip_prefix(from).unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let n: usize = arg(&args, "--n").map_or(10_000, |v| v.parse().expect("--n N"));
    let edits: usize = arg(&args, "--edits").map_or(20, |v| v.parse().expect("--edits N"));
    let seed: u64 = arg(&args, "--seed").map_or(42, |v| v.parse().expect("--seed N"));
    let disk = args.iter().any(|a| a == "--disk");
    // Another chiso binary to compare (default: the one cargo built).
    let exe =
        arg(&args, "--chiso").map_or(PathBuf::from(env!("CARGO_BIN_EXE_chiso")), PathBuf::from);

    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let cache = manifest.join(format!(
        "target/bench-corpus/n{n}-s{seed}-v{}",
        corpus::GENERATOR_VERSION
    ));
    if !cache.join("chiso/content/site.yaml").is_file() {
        eprintln!("generating a {n}-article corpus in {}", cache.display());
        corpus::generate(&cache, n, seed, true).expect("generate corpus");
    }
    // A folder of this run's own, so two runs never share (nor delete) one.
    let unique = format!(
        "chiso-bench-serve-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos())
    );
    let base = if disk || !Path::new("/dev/shm").is_dir() {
        manifest.join("target").join(unique)
    } else {
        Path::new("/dev/shm").join(unique)
    };
    let site = base.join("site");
    copy_tree(&corpus::layout(&cache).chiso, &site);
    let out = base.join("out");

    let mut child = Command::new(&exe)
        .args(["serve", "--port", "0", "--root"])
        .arg(&site)
        .arg("--output")
        .arg(&out)
        .stderr(Stdio::piped())
        .spawn()
        .expect("start chiso serve");
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let t = Instant::now();
    let port: u16 = loop {
        let line = lines
            .next()
            .expect("serve output")
            .expect("read serve output");
        if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
            break rest.split('/').next().unwrap().parse().unwrap();
        }
    };
    eprintln!(
        "initial build and serve: {:.2} s",
        t.elapsed().as_secs_f64()
    );
    std::thread::spawn(move || for _ in lines {});

    let mut events = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    write!(
        events,
        "GET /__chiso/events HTTP/1.1\r\nHost: localhost\r\n\r\n"
    )
    .unwrap();
    events
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let mut reader = BufReader::new(events);

    let article = corpus::article_meta(seed, n / 2);
    let file = site.join("content/articles").join(article.rel_path());
    let page = out
        .join(article.url().trim_start_matches('/'))
        .join("index.html");
    let original = std::fs::read_to_string(&file).expect("article");
    let mut times = Vec::with_capacity(edits);
    for i in 0..edits {
        std::thread::sleep(Duration::from_millis(300));
        let marker = format!("Câu đo thời gian số {i}.");
        let t0 = Instant::now();
        std::fs::write(&file, format!("{original}\n{marker}\n")).unwrap();
        let mut line = String::new();
        loop {
            line.clear();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                panic!("event stream closed");
            }
            if line.trim() == "event: reload" {
                break;
            }
        }
        times.push(t0.elapsed().as_secs_f64() * 1000.0);
        let html = std::fs::read_to_string(&page).expect("page on disk");
        assert!(html.contains(&marker), "the page on disk has the edit");
    }
    std::fs::write(&file, &original).unwrap();
    let _ = child.kill();
    let _ = child.wait();
    times.sort_by(f64::total_cmp);
    println!(
        "serve, {n} articles ({}): save → page on disk and reload sent, {edits} edits: min {:.1} ms, median {:.1} ms, max {:.1} ms",
        if disk { "disk" } else { "tmpfs" },
        times[0],
        times[times.len() / 2],
        times[times.len() - 1]
    );
    let _ = std::fs::remove_dir_all(&base);
}
