//! Issue 20, item 12's second half: no `.<out>.chiso-*` folder is ever left
//! beside the output — not after overlapping builds, a failed build, a
//! build killed with SIGKILL at any moment, nor a deleter killed half-way —
//! and the clean-up removes only what is provably chiso's: its name shape,
//! a marker inside (or nothing at all), its maker no longer running, never
//! through a symbolic link. Real processes (the built binary); bounded loops.

mod common;

use common::{BIN, Site, assert_same_tree, snapshot};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// `.<out>.chiso-*` folders beside `out` (not the lock file), after giving
/// the detached deleters up to 20 s.
fn leftovers(out: &Path) -> Vec<String> {
    let prefix = format!(".{}.chiso-", out.file_name().unwrap().to_string_lossy());
    let list = || -> Vec<String> {
        std::fs::read_dir(out.parent().unwrap())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.path().symlink_metadata().is_ok_and(|m| !m.is_file()))
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

fn spawn(root: &Path, out: &Path, env: &[(&str, &str)]) -> Child {
    Command::new(BIN)
        .envs(env.iter().copied())
        .args(["build", "--root"])
        .arg(root)
        .arg("--output")
        .arg(out)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start chiso build")
}

fn code(child: Child) -> i32 {
    let o = child.wait_with_output().unwrap();
    o.status.code().unwrap_or(-1)
}

/// The small site, built once, and a clean build of it elsewhere.
fn built_site() -> (Site, std::collections::BTreeMap<PathBuf, Vec<u8>>) {
    let site = Site::fixture("sites/basic");
    let reference = tempfile::tempdir().unwrap();
    let clean = reference.path().join("clean");
    site.run(&["build", "--output", clean.to_str().unwrap()])
        .assert_code(0);
    site.run(&["build"]).assert_code(0);
    (site, snapshot(&clean))
}

/// Wait (at most 20 s) until the detached deleters have claimed every
/// folder beside `out` (`.<out>.chiso-del-<stamp>-<pid>`) and ended (an
/// aborted one may take a while to write its core dump).
fn wait_for_deleters(out: &Path) {
    let deadline = Instant::now() + Duration::from_secs(20);
    let prefix = format!(".{}.chiso-", out.file_name().unwrap().to_string_lossy());
    let busy = |n: &str| match n.strip_prefix(&prefix) {
        Some(rest) if rest.starts_with("del-") => rest
            .rsplit('-')
            .next()
            .is_some_and(|pid| Path::new("/proc").join(pid).exists()),
        Some(rest) => rest != "lock",
        None => false,
    };
    while Instant::now() < deadline
        && std::fs::read_dir(out.parent().unwrap())
            .unwrap()
            .filter_map(|e| e.ok())
            .any(|e| busy(&e.file_name().to_string_lossy()))
    {
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// A process id that no process has now: a child that has ended.
fn dead_pid() -> u32 {
    let mut c = Command::new("true").spawn().unwrap();
    let pid = c.id();
    c.wait().unwrap();
    pid
}

/// A name of chiso's shape for a folder beside `out` made by `pid`.
fn own_name(out: &Path, kind: &str, pid: u32) -> PathBuf {
    let name = out.file_name().unwrap().to_string_lossy();
    out.with_file_name(format!(".{name}.chiso-{kind}-01700000000000000000-{pid}"))
}

#[test]
fn an_empty_staging_folder_of_a_killed_build_is_removed_by_the_next_build() {
    let (site, reference) = built_site();
    let out = site.path("output");
    // What a build killed between creating its folder and its marker leaves,
    // and what a deleter killed after its last file leaves.
    let pid = dead_pid();
    for kind in ["new", "old", "del"] {
        std::fs::create_dir(own_name(&out, kind, pid)).unwrap();
    }
    site.run(&["build"]).assert_code(0);
    assert_no_leftovers(&out);
    assert_same_tree(&snapshot(&out), &reference);
}

#[test]
fn a_build_crashing_right_after_creating_its_staging_folder_leaves_nothing_behind() {
    let (site, reference) = built_site();
    let out = site.path("output");
    for step in ["created", "emptied"] {
        let crashed = spawn(site.root(), &out, &[("CHISO_TEST_CRASH_AT", step)]);
        let _ = code(crashed);
        if step == "emptied" {
            // The build ended well; its deleter crashes on its own time.
            wait_for_deleters(&out);
        }
        site.run(&["build"]).assert_code(0);
        assert_no_leftovers(&out);
        assert_same_tree(&snapshot(&out), &reference);
    }
}

#[cfg(unix)] // symlinks
#[test]
fn what_only_looks_like_a_staging_folder_is_never_deleted() {
    let (site, _) = built_site();
    let out = site.path("output");
    let dead = dead_pid();
    // Not empty, no marker: the user's, or not provably chiso's.
    let full = own_name(&out, "new", dead);
    std::fs::create_dir(&full).unwrap();
    std::fs::write(full.join("ghi-chu.txt"), "của người dùng").unwrap();
    // Empty, but its maker still runs (this test).
    let live = own_name(&out, "old", std::process::id());
    std::fs::create_dir(&live).unwrap();
    // A link of the shape, to an empty folder and to a marked one.
    let away = tempfile::tempdir().unwrap();
    std::fs::create_dir(away.path().join("trong")).unwrap();
    std::fs::create_dir(away.path().join("co-dau")).unwrap();
    std::fs::write(away.path().join("co-dau/.chiso-staging"), "").unwrap();
    std::fs::write(away.path().join("co-dau/quy.txt"), "x").unwrap();
    let link_empty = own_name(&out, "del", dead);
    std::os::unix::fs::symlink(away.path().join("trong"), &link_empty).unwrap();
    let link_marked = own_name(&out, "old", dead);
    std::os::unix::fs::symlink(away.path().join("co-dau"), &link_marked).unwrap();
    site.run(&["build"]).assert_code(0);
    std::thread::sleep(Duration::from_millis(300));
    assert!(full.join("ghi-chu.txt").is_file());
    assert!(live.is_dir());
    assert!(link_empty.symlink_metadata().is_ok() && away.path().join("trong").is_dir());
    assert!(link_marked.symlink_metadata().is_ok());
    assert!(away.path().join("co-dau/quy.txt").is_file());
}

#[test]
fn two_deleters_given_one_folder_leave_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("output");
    for round in 0..5 {
        let old = own_name(&out, "old", dead_pid());
        for i in 0..40 {
            let sub = old.join(format!("bai-{i}"));
            std::fs::create_dir_all(&sub).unwrap();
            for j in 0..20 {
                std::fs::write(sub.join(format!("{j}.html")), "x").unwrap();
            }
        }
        std::fs::write(old.join(".chiso-staging"), "").unwrap();
        let kids: Vec<Child> = (0..3)
            .map(|_| {
                Command::new(BIN)
                    .arg("__remove-old")
                    .arg(&old)
                    .spawn()
                    .unwrap()
            })
            .collect();
        for k in kids {
            let _ = code(k);
        }
        let left = leftovers(&out);
        assert!(left.is_empty(), "round {round}: left behind {left:?}");
    }
}

#[test]
fn three_builds_at_once_one_failing_ten_rounds_leave_no_staging_folder() {
    let (site, reference) = built_site();
    let broken = Site::fixture("sites/basic");
    broken.write("content/articles/tin-tuc/mot.md", "no front matter here\n");
    let out = site.path("output");
    for round in 0..10 {
        let mut kids = Vec::new();
        for i in 0..3 {
            let good = (i + round) % 3 != 0;
            let root = if good { site.root() } else { broken.root() };
            kids.push((good, spawn(root, &out, &[])));
        }
        for (good, kid) in kids {
            assert_eq!(code(kid), if good { 0 } else { 1 }, "round {round}");
        }
        assert_same_tree(&snapshot(&out), &reference);
    }
    assert_no_leftovers(&out);
}

#[test]
fn builds_killed_with_sigkill_at_any_moment_leave_no_staging_folder() {
    let (site, reference) = built_site();
    let out = site.path("output");
    for delay_ms in [0, 1, 3, 6, 10, 15, 25, 40, 60, 90, 130, 200] {
        let mut kid = spawn(site.root(), &out, &[]);
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = kid.kill(); // SIGKILL
        let _ = kid.wait();
        // Whatever it left, the next build puts right.
        site.run(&["build"]).assert_code(0);
        assert_same_tree(&snapshot(&out), &reference);
    }
    assert_no_leftovers(&out);
}

// ------------------------------------- item 11: the output as a mount point

/// Nothing named `.chiso-*` inside `out` either (where a staging folder
/// for a mount would go).
#[track_caller]
fn assert_no_staging_inside(out: &Path) {
    let inside: Vec<String> = std::fs::read_dir(out)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("chiso-new") || n.contains("chiso-old"))
        .collect();
    assert!(inside.is_empty(), "inside the output: {inside:?}");
}

#[test]
fn an_output_that_cannot_be_swapped_fails_clearly_and_leaves_no_staging_folder() {
    let (site, reference) = built_site();
    let out = site.path("output");
    let before = snapshot(&out);
    let run = site.run_env(
        &["build"],
        &[("CHISO_TEST_SWAP", "busy"), ("CHISO_LANG", "en")],
    );
    assert_ne!(run.code, 0, "{}", run.stderr);
    run.assert_error("E0601", out.to_str().unwrap());
    assert!(run.stderr.contains("mount point"), "{}", run.stderr);
    assert!(
        run.stderr.contains("--output output/site"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("disk space"), "{}", run.stderr);
    assert_same_tree(&snapshot(&out), &before);
    assert_same_tree(&snapshot(&out), &reference);
    assert_no_leftovers(&out);
    assert_no_staging_inside(&out);
}

/// With a real tmpfs on `output/` (skipped where this test may not mount):
/// refused before anything is rendered, the mount's files untouched; a
/// folder inside the mount builds.
#[cfg(target_os = "linux")]
#[test]
fn an_output_that_is_a_mount_point_is_refused_before_rendering() {
    let site = Site::fixture("sites/basic");
    let out = site.path("output");
    std::fs::create_dir_all(&out).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=8m", "tmpfs"])
        .arg(&out)
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("skipped: cannot mount a tmpfs here (needs root or a mount namespace)");
        return;
    }
    struct Unmount(PathBuf);
    impl Drop for Unmount {
        fn drop(&mut self) {
            let _ = Command::new("umount").arg(&self.0).status();
        }
    }
    let _guard = Unmount(out.clone());
    // `check` finds what `build` would.
    for cmd in ["check", "build"] {
        let run = site.run_env(&[cmd], &[("CHISO_LANG", "en")]);
        assert_ne!(run.code, 0, "{cmd}: {}", run.stderr);
        run.assert_error("E0601", out.to_str().unwrap());
        assert!(run.stderr.contains("mount point"), "{}", run.stderr);
    }
    let names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.is_empty(), "the mount was written to: {names:?}");
    assert_no_leftovers(&out);
    // The advice works: a folder inside the mount.
    site.run(&["build", "--output", "output/site"])
        .assert_code(0);
    assert!(out.join("site/index.html").is_file());
    assert_no_leftovers(&out.join("site"));
}
