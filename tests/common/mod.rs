//! Helpers for the integration tests: copy a fixture site into a temp dir,
//! run the real `chiso` binary on it, snapshot output folders, parse HTML.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

pub const BIN: &str = env!("CARGO_BIN_EXE_chiso");

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Copy every file under `from` into `to`, replacing what is there.
///
/// A `.chiso-cache` is never copied: tests that build a fixture in place
/// leave one there (with the published addresses of that build), and a copy
/// must start as clean as a fresh clone, whatever ran before.
pub fn copy_tree(from: &Path, to: &Path) {
    let walk = walkdir::WalkDir::new(from).sort_by_file_name();
    for entry in walk
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || e.file_name() != ".chiso-cache")
    {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

/// What the binary printed and returned.
#[derive(Debug)]
pub struct Out {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Out {
    /// Every `(code, location)` pair of the human format:
    /// `error[E0101]: …` followed by `  --> file:line:col`.
    pub fn diags(&self) -> Vec<(String, String, String)> {
        let mut out = Vec::new();
        let mut lines = self.stderr.lines().peekable();
        while let Some(l) = lines.next() {
            let sev = if l.starts_with("error[") {
                "error"
            } else if l.starts_with("warning[") {
                "warning"
            } else {
                continue;
            };
            let code = l[sev.len() + 1..sev.len() + 6].to_string();
            let loc = lines
                .peek()
                .and_then(|n| n.trim_start().strip_prefix("--> "))
                .unwrap_or("")
                .to_string();
            out.push((sev.to_string(), code, loc));
        }
        out
    }

    /// Assert a diagnostic with this code at `file:line` (any column), or at
    /// `file` alone when `at` has no line.
    #[track_caller]
    pub fn assert_diag(&self, severity: &str, code: &str, at: &str) {
        let found = self.diags().iter().any(|(s, c, loc)| {
            s == severity && c == code && (loc == at || loc.starts_with(&format!("{at}:")))
        });
        assert!(
            found,
            "expected {severity}[{code}] at {at}; got {:?}\n--- stderr:\n{}",
            self.diags(),
            self.stderr
        );
    }

    #[track_caller]
    pub fn assert_error(&self, code: &str, at: &str) {
        self.assert_diag("error", code, at);
    }

    #[track_caller]
    pub fn assert_code(&self, expected: i32) {
        assert_eq!(
            self.code, expected,
            "exit code\n--- stdout:\n{}\n--- stderr:\n{}",
            self.stdout, self.stderr
        );
    }
}

/// A site in a temporary folder.
pub struct Site {
    pub dir: tempfile::TempDir,
}

impl Site {
    /// A copy of `tests/fixtures/<name>`.
    pub fn fixture(name: &str) -> Site {
        let dir = tempfile::Builder::new()
            .prefix("chiso-test-")
            .tempdir()
            .unwrap();
        copy_tree(&fixtures().join(name), dir.path());
        Site { dir }
    }

    /// The good fixture, already built once into `output/`.
    pub fn good_built() -> Site {
        let s = Site::fixture("good");
        let out = s.run(&["build"]);
        out.assert_code(0);
        assert!(s.root().join("output/index.html").is_file());
        s
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root().join(rel)
    }

    pub fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap()
    }

    /// Overlay `tests/fixtures/bad/<case>` on this site.
    pub fn apply(&self, case: &str) {
        let from = fixtures().join("bad").join(case);
        assert!(from.is_dir(), "no fixture {}", from.display());
        copy_tree(&from, self.root());
    }

    /// `chiso <args…> --root <site>`, run from the site's root.
    pub fn run(&self, args: &[&str]) -> Out {
        self.run_env(args, &[])
    }

    pub fn run_env(&self, args: &[&str], env: &[(&str, &str)]) -> Out {
        let mut cmd = Command::new(BIN);
        // English unless a test asks for another language (tests/i18n.rs).
        cmd.env("CHISO_LANG", "en");
        cmd.args(args)
            .arg("--root")
            .arg(self.root())
            .current_dir(self.root());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let o = cmd.output().expect("run chiso");
        Out {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }

    pub fn snapshot_output(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        snapshot(&self.path("output"))
    }

    pub fn html(&self, rel: &str) -> scraper::Html {
        scraper::Html::parse_document(&self.read(rel))
    }
}

/// Every file under `dir` with its bytes (relative paths, sorted). Symbolic
/// links are recorded by target, not followed.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut m = BTreeMap::new();
    if !dir.exists() {
        return m;
    }
    for e in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let e = e.unwrap();
        let rel = e.path().strip_prefix(dir).unwrap().to_path_buf();
        if e.path_is_symlink() {
            let t = std::fs::read_link(e.path()).unwrap();
            m.insert(rel, t.to_string_lossy().as_bytes().to_vec());
        } else if e.file_type().is_file() {
            m.insert(rel, std::fs::read(e.path()).unwrap());
        }
    }
    m
}

/// Assert two snapshots are identical, naming the first differing file.
#[track_caller]
pub fn assert_same_tree(a: &BTreeMap<PathBuf, Vec<u8>>, b: &BTreeMap<PathBuf, Vec<u8>>) {
    let ka: Vec<_> = a.keys().collect();
    let kb: Vec<_> = b.keys().collect();
    assert_eq!(ka, kb, "the set of files differs");
    for (k, v) in a {
        assert!(&b[k] == v, "{} differs", k.display());
    }
}

pub fn sel(s: &str) -> scraper::Selector {
    scraper::Selector::parse(s).unwrap()
}

/// Every HTML file under `dir` (relative path, parsed).
pub fn html_files(dir: &Path) -> Vec<(PathBuf, scraper::Html)> {
    snapshot(dir)
        .into_iter()
        .filter(|(p, _)| p.extension().is_some_and(|e| e == "html"))
        .map(|(p, b)| {
            (
                p,
                scraper::Html::parse_document(&String::from_utf8(b).unwrap()),
            )
        })
        .collect()
}

/// Every local image address the HTML pages under `dir` name (`img` and
/// `source` src and srcset, `og:image`), as paths inside `dir`, with a
/// page that names each.
pub fn named_images(dir: &Path) -> BTreeMap<String, PathBuf> {
    let mut m = BTreeMap::new();
    let img = sel("img[src], img[srcset], source[srcset]");
    let og = sel("meta[property='og:image']");
    for (page, doc) in html_files(dir) {
        let mut urls: Vec<String> = Vec::new();
        for e in doc.select(&img) {
            urls.extend(e.value().attr("src").map(str::to_string));
            if let Some(set) = e.value().attr("srcset") {
                urls.extend(
                    set.split(',')
                        .filter_map(|c| c.split_whitespace().next())
                        .map(str::to_string),
                );
            }
        }
        urls.extend(
            doc.select(&og)
                .filter_map(|e| e.value().attr("content"))
                .map(str::to_string),
        );
        for u in urls {
            // The site's own absolute addresses (og:image) by their path.
            let local = match u.split_once("://") {
                Some((_, rest)) => rest.find('/').map_or("", |i| &rest[i..]),
                None => u.as_str(),
            };
            if let Some(rel) = local.strip_prefix('/') {
                m.entry(rel.to_string()).or_insert_with(|| page.clone());
            }
        }
    }
    m
}

/// Every image the pages under `dir` name is there.
#[track_caller]
pub fn assert_named_images_exist(dir: &Path) {
    let named = named_images(dir);
    assert!(!named.is_empty(), "no image named in {}", dir.display());
    for (rel, page) in named {
        assert!(
            dir.join(&rel).is_file(),
            "{} names {rel}, which is not in {}",
            page.display(),
            dir.display()
        );
    }
}

/// No `<script>` element but JSON-LD data, no `on*=` attribute and no `javascript:`/`data:`
/// URL anywhere in the HTML files under `dir`.
#[track_caller]
pub fn assert_no_active_content(dir: &Path) {
    let all = sel("*");
    let files = html_files(dir);
    assert!(!files.is_empty());
    for (path, doc) in &files {
        // JSON-LD blocks are data that browsers never run; their text
        // cannot hold `<`, so no string inside can close the element.
        for s in doc.select(&sel("script")) {
            // The one script chiso writes: the search page's own, from the
            // theme's assets, on the search page only.
            if let Some(src) = s.value().attr("src") {
                assert!(
                    path.ends_with("tim-kiem/index.html")
                        && src.contains("/assets/search.js?v=")
                        && !src.contains("://")
                        && s.text().collect::<String>().is_empty(),
                    "<script src={src:?}> in {}",
                    path.display()
                );
                continue;
            }
            assert_eq!(
                s.value().attr("type"),
                Some("application/ld+json"),
                "<script> in {}",
                path.display()
            );
            let t: String = s.text().collect();
            assert!(!t.contains('<'), "markup in JSON-LD in {}", path.display());
            serde_json::from_str::<serde_json::Value>(&t)
                .unwrap_or_else(|e| panic!("JSON-LD in {}: {e}", path.display()));
        }
        for el in doc.select(&all) {
            for (name, value) in el.value().attrs() {
                assert!(
                    !name.to_ascii_lowercase().starts_with("on"),
                    "event handler attribute {name}={value:?} on <{}> in {}",
                    el.value().name(),
                    path.display()
                );
                let v: String = value
                    .chars()
                    .filter(|c| !c.is_whitespace() && !c.is_control())
                    .collect::<String>()
                    .to_ascii_lowercase();
                assert!(
                    !v.starts_with("javascript:")
                        && !v.starts_with("vbscript:")
                        && !v.starts_with("data:"),
                    "unsafe URL {name}={value:?} in {}",
                    path.display()
                );
            }
        }
    }
}

/// Build the good site, break it with `breaker`, then run `check` and
/// `build`: both must fail with `exit`, and the output must be unchanged.
/// Returns the build's result.
#[track_caller]
pub fn broken_with(breaker: impl FnOnce(&Site), extra: &[&str], exit: i32) -> (Site, Out) {
    let site = Site::good_built();
    let before = site.snapshot_output();
    breaker(&site);
    let mut args = vec!["check"];
    args.extend_from_slice(extra);
    let check = site.run(&args);
    check.assert_code(exit);
    assert_same_tree(&before, &site.snapshot_output());
    args[0] = "build";
    let build = site.run(&args);
    build.assert_code(exit);
    assert!(
        build.stderr.contains("previous output was left untouched"),
        "{}",
        build.stderr
    );
    assert_same_tree(&before, &site.snapshot_output());
    // check and build report the same problems.
    assert_eq!(check.diags(), build.diags());
    (site, build)
}

/// A broken site from a fixture overlay; content error (exit 1).
#[track_caller]
pub fn broken(case: &str) -> Out {
    broken_with(|s| s.apply(case), &[], 1).1
}

/// Success after a good build; returns the site for inspection.
#[track_caller]
pub fn builds(breaker: impl FnOnce(&Site)) -> (Site, Out) {
    let site = Site::good_built();
    breaker(&site);
    let check = site.run(&["check"]);
    check.assert_code(0);
    let out = site.run(&["build"]);
    out.assert_code(0);
    (site, out)
}

/// Build the site at `root` into `out` with the real binary; panics with
/// its stderr if the build fails.
pub fn build_into(root: &Path, out: &Path) {
    let run = Command::new(BIN)
        .arg("build")
        .arg("--root")
        .arg(root)
        .arg("--output")
        .arg(out)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

/// The sample site (`content/`), built once per test binary into a
/// temporary folder that lives as long as the binary.
pub fn built_sample() -> &'static Path {
    static OUT: std::sync::OnceLock<(tempfile::TempDir, PathBuf)> = std::sync::OnceLock::new();
    let (_, out) = OUT.get_or_init(|| {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        build_into(Path::new(env!("CARGO_MANIFEST_DIR")), &out);
        (tmp, out)
    });
    out
}
