//! The write stage under crashes, overlapping builds and deploy files
//! (issue 9, items 1–6): whatever happens, `output/` ends as a complete site
//! identical to a clean build, nothing chiso set aside is left behind, and
//! the deploy's own files (`keep_in_output`) survive.
//!
//! Crashes are injected with `CHISO_TEST_CRASH_AT=<step>` (the process
//! aborts at that step of the swap, see src/output/swap.rs) and the
//! two-rename fallback is forced with `CHISO_TEST_SWAP=rename`.

mod common;

use common::{BIN, Out, Site, assert_same_tree, snapshot};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

type Tree = BTreeMap<PathBuf, Vec<u8>>;

const KEEP_YAML: &str = "keep_in_output: [\".git\", \"CNAME\", \".nojekyll\"]\n";
const KEPT: &[(&str, &str)] = &[
    (".git/HEAD", "ref: refs/heads/gh-pages\n"),
    ("CNAME", "thu.example.vn\n"),
];

/// The small site with a keep list, and a clean build of it elsewhere.
fn site_with_reference() -> (Site, Tree) {
    let site = Site::fixture("sites/basic");
    let yaml = site.read("content/site.yaml");
    site.write("content/site.yaml", format!("{yaml}{KEEP_YAML}"));
    let reference = tempfile::tempdir().unwrap();
    let out = reference.path().join("clean");
    site.run(&["build", "--output", out.to_str().unwrap()])
        .assert_code(0);
    (site, snapshot(&out))
}

/// Another root with a broken article, for builds that fail on content.
fn broken_site() -> Site {
    let broken = Site::fixture("sites/basic");
    broken.write("content/articles/tin-tuc/mot.md", "no front matter here\n");
    broken
}

/// Build `site` once and add the deploy's files to its output.
fn build_with_deploy_files(site: &Site) {
    site.run(&["build"]).assert_code(0);
    for (rel, text) in KEPT {
        site.write(&format!("output/{rel}"), text);
    }
}

/// `out` is the clean build plus exactly the deploy's files.
#[track_caller]
fn assert_complete(out: &Path, reference: &Tree) {
    let mut tree = snapshot(out);
    for (rel, text) in KEPT {
        let got = tree.remove(Path::new(rel));
        assert_eq!(
            got.as_deref(),
            Some(text.as_bytes()),
            "kept file {rel} in {}",
            out.display()
        );
    }
    assert_same_tree(&tree, reference);
}

/// Folders chiso set aside next to `out` (`.<name>.chiso-*`, not the lock
/// file), after waiting for the detached deleters.
fn leftovers(out: &Path) -> Vec<String> {
    let prefix = format!(".{}.chiso-", out.file_name().unwrap().to_string_lossy());
    let list = || -> Vec<String> {
        std::fs::read_dir(out.parent().unwrap())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.path().is_dir())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(&prefix))
            .collect()
    };
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let left = list();
        if left.is_empty() || Instant::now() > deadline {
            return left;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[track_caller]
fn assert_no_leftovers(out: &Path) {
    let left = leftovers(out);
    assert!(left.is_empty(), "left behind: {left:?}");
}

fn spawn_build(root: &Path, out: &Path, extra: &[&str]) -> Child {
    spawn_build_env(root, out, extra, &[])
}

fn spawn_build_env(root: &Path, out: &Path, extra: &[&str], env: &[(&str, &str)]) -> Child {
    Command::new(BIN)
        .envs(env.iter().copied())
        .arg("build")
        .args(extra)
        .arg("--root")
        .arg(root)
        .arg("--output")
        .arg(out)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start chiso build")
}

fn finish(child: Child) -> Out {
    let o = child.wait_with_output().unwrap();
    Out {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

/// Steps of the swap, as named in src/output/swap.rs.
const STEPS: &[&str] = &[
    "rendered",
    "marked",
    "keeping",
    "kept",
    "exchanged",
    "published",
];

fn crash_then_recover(mode: &str, step: &str) {
    let (site, reference) = site_with_reference();
    let broken = broken_site();
    build_with_deploy_files(&site);
    let out = site.path("output");
    let env = [("CHISO_TEST_CRASH_AT", step), ("CHISO_TEST_SWAP", mode)];
    let crashed = site.run_env(&["build"], &env);
    assert_eq!(crashed.code, -1, "{mode}/{step}: the build did not crash");
    // A build that fails on content repairs the output and leaves it whole.
    let failed = broken.run_env(
        &["build", "--output", out.to_str().unwrap()],
        &[("CHISO_TEST_SWAP", mode)],
    );
    failed.assert_code(1);
    failed.assert_error("E0101", "content/articles/tin-tuc/mot.md");
    assert_complete(&out, &reference);
    let good = site.run_env(&["build"], &[("CHISO_TEST_SWAP", mode)]);
    good.assert_code(0);
    assert_complete(&out, &reference);
    assert_no_leftovers(&out);
}

#[test]
fn crash_at_each_step_of_the_exchange_never_loses_the_site() {
    for step in STEPS {
        crash_then_recover("exchange", step);
    }
}

#[test]
fn crash_at_each_step_of_the_two_rename_fallback_never_loses_the_site() {
    for step in STEPS.iter().chain(&["aside"]) {
        crash_then_recover("rename", step);
    }
}

#[test]
fn crash_between_the_two_renames_with_no_later_build_still_leaves_a_whole_copy() {
    // The state the crash leaves: no output, but a complete copy beside it
    // that the next build (even a failing one) puts back.
    let (site, reference) = site_with_reference();
    build_with_deploy_files(&site);
    let env = [
        ("CHISO_TEST_CRASH_AT", "aside"),
        ("CHISO_TEST_SWAP", "rename"),
    ];
    assert_eq!(site.run_env(&["build"], &env).code, -1);
    let out = site.path("output");
    assert!(!out.exists());
    site.run(&["check"]).assert_code(0);
    let broken = broken_site();
    broken
        .run(&["build", "--output", out.to_str().unwrap()])
        .assert_code(1);
    assert_complete(&out, &reference);
    assert_no_leftovers(&out);
}

/// The small site with an article whose lead photo is `a.jpg` and whose
/// body shows `body`.
fn photo_site(site: &Site, body: &str) {
    site.write(
        "content/articles/tin-tuc/anh.md",
        format!(
            "---\ntitle: \"Ảnh\"\ndate: 2024-05-01T08:00:00+07:00\nsummary: \"Sapo.\"\nimage: \"/images/a.jpg\"\nimage_caption: \"Ruộng\"\n---\n![Nương]({body})\n"
        ),
    );
}

fn fixture_photo(name: &str) -> Vec<u8> {
    std::fs::read(common::fixtures().join("images").join(name)).unwrap()
}

/// Photos change (one replaced, one removed, one added) and the build
/// that publishes the change crashes at `step`: the next build, even a
/// failing one, leaves every page with its photos, and a good build then
/// leaves the same tree as a clean one.
fn photos_crash_then_recover(mode: &str, step: &str) {
    let site = Site::fixture("sites/basic");
    photo_site(&site, "/images/b.jpg");
    site.write(
        "content/static/images/a.jpg",
        fixture_photo("gps-rotated.jpg"),
    );
    site.write("content/static/images/b.jpg", fixture_photo("cmyk.jpg"));
    site.run(&["build"]).assert_code(0);
    let mut changed = fixture_photo("gps-rotated.jpg");
    changed.push(0);
    site.write("content/static/images/a.jpg", changed);
    std::fs::remove_file(site.path("content/static/images/b.jpg")).unwrap();
    site.write("content/static/images/c.jpg", fixture_photo("cmyk.jpg"));
    photo_site(&site, "/images/c.jpg");
    let reference = tempfile::tempdir().unwrap();
    let clean = reference.path().join("clean");
    site.run(&["build", "--output", clean.to_str().unwrap()])
        .assert_code(0);
    let out = site.path("output");
    let env = [("CHISO_TEST_CRASH_AT", step), ("CHISO_TEST_SWAP", mode)];
    let crashed = site.run_env(&["build"], &env);
    assert_eq!(crashed.code, -1, "{mode}/{step}: the build did not crash");
    broken_site()
        .run_env(
            &["build", "--output", out.to_str().unwrap()],
            &[("CHISO_TEST_SWAP", mode)],
        )
        .assert_code(1);
    common::assert_named_images_exist(&out);
    site.run_env(&["build"], &[("CHISO_TEST_SWAP", mode)])
        .assert_code(0);
    assert_same_tree(&snapshot(&out), &snapshot(&clean));
    assert_no_leftovers(&out);
}

#[test]
fn crash_at_each_step_while_photos_change_never_leaves_a_page_without_its_photo() {
    for step in [
        "rendered",
        "carrying",
        "marked",
        "keeping",
        "kept",
        "exchanged",
        "published",
    ] {
        photos_crash_then_recover("exchange", step);
    }
    for step in ["carrying", "kept", "aside", "exchanged"] {
        photos_crash_then_recover("rename", step);
    }
}

/// Hold the output's lock from the test, as a running build would.
#[cfg(unix)]
fn hold_lock(site: &Site) -> std::fs::File {
    let f = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(site.path(".output.chiso-lock"))
        .unwrap();
    rustix::fs::flock(&f, rustix::fs::FlockOperation::LockExclusive).unwrap();
    f
}

#[cfg(unix)]
#[test]
fn second_build_of_one_output_waits_or_fails_with_no_wait() {
    let (site, reference) = site_with_reference();
    build_with_deploy_files(&site);
    let out = site.path("output");
    let lock = hold_lock(&site);

    let busy = site.run(&["build", "--no-wait"]);
    busy.assert_code(2);
    assert!(
        busy.diags()
            .iter()
            .any(|(s, c, _)| s == "error" && c == "E0602"),
        "{}",
        busy.stderr
    );
    assert!(
        busy.stderr
            .contains("another chiso build (or serve) is writing")
    );

    let waiting = spawn_build(site.root(), &out, &[]);
    std::thread::sleep(Duration::from_millis(400));
    let mut waiting = waiting;
    assert!(waiting.try_wait().unwrap().is_none(), "did not wait");
    drop(lock);
    let done = finish(waiting);
    done.assert_code(0);
    assert_eq!(
        done.stderr
            .matches("waiting for another chiso build (or serve)")
            .count(),
        1
    );
    assert_complete(&out, &reference);
    assert_no_leftovers(&out);
}

#[test]
fn good_and_failing_build_at_once_leave_the_good_site() {
    let (site, reference) = site_with_reference();
    let broken = broken_site();
    build_with_deploy_files(&site);
    let out = site.path("output");
    for round in 0..6 {
        let (a, b) = match round % 3 {
            // The good build pauses with every page staged: the failing one
            // starts meanwhile, waits, and must not touch its folder.
            0 => {
                let pause = [("CHISO_TEST_PAUSE_AT", "rendered")];
                let a = spawn_build_env(site.root(), &out, &[], &pause);
                std::thread::sleep(Duration::from_millis(250));
                (a, spawn_build(broken.root(), &out, &[]))
            }
            1 => {
                let a = spawn_build(site.root(), &out, &[]);
                (a, spawn_build(broken.root(), &out, &[]))
            }
            _ => {
                let b = spawn_build(broken.root(), &out, &[]);
                (spawn_build(site.root(), &out, &[]), b)
            }
        };
        finish(a).assert_code(0);
        let failed = finish(b);
        failed.assert_code(1);
        assert!(failed.stderr.contains("left untouched"));
        if round % 3 == 0 {
            assert!(
                failed
                    .stderr
                    .contains("waiting for another chiso build (or serve)")
            );
        }
        assert_complete(&out, &reference);
    }
    assert_no_leftovers(&out);
}

#[test]
fn stress_four_overlapping_builds_some_failing_twenty_rounds() {
    let (site, reference) = site_with_reference();
    let broken = broken_site();
    build_with_deploy_files(&site);
    let out = site.path("output");
    let started = Instant::now();
    for round in 0..20 {
        // Two good and two failing builds, started in a different order
        // every round, a few milliseconds apart.
        let mut kids: Vec<(bool, Child)> = Vec::new();
        for i in 0..4 {
            let good = (i + round) % 2 == 0;
            let root = if good { site.root() } else { broken.root() };
            kids.push((good, spawn_build(root, &out, &[])));
            std::thread::sleep(Duration::from_millis((round % 3) as u64 * 3));
        }
        for (good, kid) in kids {
            finish(kid).assert_code(if good { 0 } else { 1 });
        }
        assert_complete(&out, &reference);
    }
    assert_no_leftovers(&out);
    eprintln!("80 builds in {:.1} s", started.elapsed().as_secs_f64());
}

#[test]
fn keep_in_output_carries_deploy_files_into_the_new_output() {
    let (site, reference) = site_with_reference();
    build_with_deploy_files(&site);
    site.write("output/.nojekyll", "");
    site.write("output/stray.txt", "not listed");
    site.run(&["build"]).assert_code(0);
    assert!(site.path("output/.nojekyll").is_file());
    assert!(!site.path("output/stray.txt").exists());
    std::fs::remove_file(site.path("output/.nojekyll")).unwrap();
    assert_complete(&site.path("output"), &reference);
    // A failing build leaves them too, with the rest of the output.
    let broken = broken_site();
    let out = site.path("output");
    broken
        .run(&["build", "--output", out.to_str().unwrap()])
        .assert_code(1);
    assert_complete(&out, &reference);
}

#[test]
fn keep_in_output_keeps_git_by_default() {
    let site = Site::fixture("sites/basic");
    site.run(&["build"]).assert_code(0);
    site.write("output/.git/HEAD", "ref: refs/heads/gh-pages\n");
    site.run(&["build"]).assert_code(0);
    assert_eq!(site.read("output/.git/HEAD"), "ref: refs/heads/gh-pages\n");
}

#[test]
fn keep_in_output_rejects_paths_at_their_line() {
    let site = Site::fixture("sites/basic");
    let yaml = site.read("content/site.yaml");
    let line = yaml.lines().count() + 4;
    site.write(
        "content/site.yaml",
        format!("{yaml}keep_in_output:\n  - .git\n  - CNAME\n  - a/b\n  - ..\n"),
    );
    let out = site.run(&["check"]);
    out.assert_code(1);
    out.assert_error("E0003", &format!("content/site.yaml:{line}"));
    out.assert_error("E0003", &format!("content/site.yaml:{}", line + 1));
    assert_eq!(out.diags().len(), 2, "{}", out.stderr);
}

#[test]
fn keep_in_output_naming_a_generated_file_fails_and_keeps_the_output() {
    let site = Site::fixture("sites/basic");
    site.run(&["build"]).assert_code(0);
    let before = site.snapshot_output();
    let yaml = site.read("content/site.yaml");
    site.write(
        "content/site.yaml",
        format!("{yaml}keep_in_output: [\"index.html\"]\n"),
    );
    let out = site.run(&["build"]);
    out.assert_code(2);
    out.assert_error("E0601", "content/site.yaml");
    assert_same_tree(&site.snapshot_output(), &before);
    assert_no_leftovers(&site.path("output"));
}

#[test]
fn serve_refuses_an_output_folder_that_build_publishes() {
    let site = Site::fixture("sites/basic");
    site.run(&["build"]).assert_code(0);
    let before = site.snapshot_output();
    let out = site.run(&["serve", "--port", "0", "--output", "output"]);
    out.assert_code(2);
    assert!(
        out.diags().iter().any(|(_, c, _)| c == "E0601"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("chiso build"), "{}", out.stderr);
    assert_same_tree(&site.snapshot_output(), &before);
}

#[cfg(unix)]
#[test]
fn output_inside_content_through_a_symlink_is_refused() {
    let site = Site::fixture("sites/basic");
    std::os::unix::fs::symlink(site.path("content/static"), site.path("sl")).unwrap();
    for cmd in ["build", "check"] {
        let out = site.run(&[cmd, "--output", "sl/deep/out"]);
        out.assert_code(2);
        assert!(
            out.diags().iter().any(|(_, c, _)| c == "E0601"),
            "{}",
            out.stderr
        );
        assert!(out.stderr.contains("inside content/"), "{}", out.stderr);
    }
    assert!(!site.path("content/static/deep").exists());
}

#[test]
fn empty_output_folder_is_replaced_without_leftovers() {
    let (site, reference) = site_with_reference();
    std::fs::create_dir(site.path("output")).unwrap();
    site.run(&["build"]).assert_code(0);
    assert_same_tree(&site.snapshot_output(), &reference);
    assert_no_leftovers(&site.path("output"));
}

#[test]
fn no_build_publishes_a_folder_while_serve_writes_it() {
    use std::io::{BufRead, BufReader};
    let site = Site::fixture("sites/basic");
    let out = site.path("preview");
    #[allow(clippy::zombie_processes)] // killed and waited for below
    let mut serve = Command::new(BIN)
        .args(["serve", "--port", "0", "--root"])
        .arg(site.root())
        .arg("--output")
        .arg(&out)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(serve.stderr.take().unwrap()).lines();
    let started = lines.any(|l| l.is_ok_and(|l| l.contains("http://127.0.0.1:")));
    let busy = site.run(&["build", "--no-wait", "--output", "preview"]);
    let _ = serve.kill();
    let _ = serve.wait();
    assert!(started, "serve did not start");
    busy.assert_code(2);
    assert!(
        busy.diags().iter().any(|(_, c, _)| c == "E0602"),
        "{}",
        busy.stderr
    );
    // Once serve is gone, a build replaces its folder, scripts and all.
    site.run(&["build", "--output", "preview"]).assert_code(0);
    common::assert_no_active_content(&out);
    assert_no_leftovers(&out);
}
