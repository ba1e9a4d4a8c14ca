//! Issue 20, "files outside the site" and "caches taken on faith": what a
//! hostile contributor or an unlucky CI system leaves on disk (a tampered
//! photo manifest, symbolic links, a cache folder shared with the user's
//! own files, poisoned cache entries) never makes chiso delete, overwrite
//! or publish anything outside the site. Loops are bounded; every fixture
//! is a temporary copy of a small site.

mod common;

use common::{Site, fixtures};
use std::path::Path;

const ARTICLE: &str = "content/articles/tin/anh.md";

/// The good fixture with one article whose lead photo is
/// `content/static/images/anh.jpg`.
fn photo_site() -> Site {
    let s = Site::fixture("good");
    s.write(
        ARTICLE,
        "---\ntitle: \"Ảnh\"\ndate: 2024-05-01T08:00:00+07:00\nimage: \"/images/anh.jpg\"\n---\nThân bài.\n",
    );
    s.write("content/static/images/anh.jpg", photo());
    s
}

fn photo() -> Vec<u8> {
    std::fs::read(fixtures().join("images/gps-rotated.jpg")).unwrap()
}

fn append(path: &Path, text: &str) {
    let mut old = std::fs::read_to_string(path).unwrap();
    old.push_str(text);
    std::fs::write(path, old).unwrap();
}

// ------------------------------------------------ item 1: photo manifest

#[test]
fn a_tampered_photo_manifest_line_never_deletes_outside_the_output() {
    let s = photo_site();
    s.run(&["build"]).assert_code(0);
    let manifest = s.path("output/anh-web/.chiso-carried");
    assert!(manifest.is_file(), "the photo folder has its manifest");
    s.write("victim.txt", "a file of the user's");
    append(
        &manifest,
        "x\tanh-web/../../victim.txt\nx\tanh-web/../../content/site.yaml\nx\t/etc/hostname\n",
    );
    s.run(&["build"]).assert_code(0);
    assert!(s.path("victim.txt").is_file(), "victim.txt was deleted");
    assert!(
        s.path("content/site.yaml").is_file(),
        "site.yaml was deleted"
    );
    // The folder was not trusted: written whole, with a manifest of its own.
    let text = std::fs::read_to_string(&manifest).unwrap();
    assert!(!text.contains(".."), "{text}");
    assert!(s.path("output/anh-web/images/anh-300.webp").is_file());
}

#[cfg(unix)]
#[test]
fn a_symlinked_folder_in_the_photo_folder_is_never_deleted_through() {
    let s = photo_site();
    s.run(&["build"]).assert_code(0);
    let away = tempfile::tempdir().unwrap();
    std::fs::write(away.path().join("victim.txt"), "mine").unwrap();
    std::os::unix::fs::symlink(away.path(), s.path("output/anh-web/lien-ket")).unwrap();
    append(
        &s.path("output/anh-web/.chiso-carried"),
        "x\tanh-web/lien-ket/victim.txt\n",
    );
    s.run(&["build"]).assert_code(0);
    assert!(
        away.path().join("victim.txt").is_file(),
        "deleted through a link"
    );
}

#[cfg(unix)]
#[test]
fn a_photo_folder_that_is_a_symlink_is_never_written_through() {
    let s = photo_site();
    s.run(&["build"]).assert_code(0);
    let away = tempfile::tempdir().unwrap();
    common::copy_tree(&s.path("output/anh-web"), away.path());
    std::fs::write(away.path().join("victim.txt"), "mine").unwrap();
    append(
        &away.path().join(".chiso-carried"),
        "x\tanh-web/victim.txt\n",
    );
    std::fs::remove_dir_all(s.path("output/anh-web")).unwrap();
    std::os::unix::fs::symlink(away.path(), s.path("output/anh-web")).unwrap();
    // A second photo: new files to move into the carried folder.
    s.write("content/static/images/hai.jpg", photo());
    s.write(
        "content/articles/tin/hai.md",
        "---\ntitle: \"Hai\"\ndate: 2024-05-02T08:00:00+07:00\nimage: \"/images/hai.jpg\"\n---\nThân bài.\n",
    );
    s.run(&["build"]).assert_code(0);
    assert!(
        away.path().join("victim.txt").is_file(),
        "deleted through a link"
    );
    assert!(
        !away.path().join("images/hai-300.webp").exists(),
        "written through a link"
    );
    let meta = s.path("output/anh-web").symlink_metadata().unwrap();
    assert!(meta.is_dir(), "the published photo folder is a real folder");
    assert!(s.path("output/anh-web/images/hai-300.webp").is_file());
}

#[cfg(unix)]
#[test]
fn a_listed_photo_replaced_by_a_symlink_is_not_published() {
    let s = photo_site();
    s.run(&["build"]).assert_code(0);
    let secret = s.path("secret.txt");
    std::fs::write(&secret, "token").unwrap();
    let f = s.path("output/anh-web/images/anh-300.webp");
    std::fs::remove_file(&f).unwrap();
    std::os::unix::fs::symlink(&secret, &f).unwrap();
    s.run(&["build"]).assert_code(0);
    let meta = f.symlink_metadata().unwrap();
    assert!(meta.file_type().is_file(), "a link was published");
    assert_ne!(std::fs::read(&f).unwrap(), b"token");
}

#[cfg(unix)]
#[test]
fn a_symlink_named_like_a_set_aside_output_is_never_emptied() {
    let s = photo_site();
    s.run(&["build"]).assert_code(0);
    let away = tempfile::tempdir().unwrap();
    std::fs::write(away.path().join(".chiso-output"), "x").unwrap();
    std::fs::write(away.path().join("victim.txt"), "mine").unwrap();
    std::os::unix::fs::symlink(away.path(), s.path(".output.chiso-old-1-1")).unwrap();
    s.run(&["build"]).assert_code(0);
    assert!(
        away.path().join("victim.txt").is_file(),
        "emptied through a link"
    );
}

// ------------------------------------------- item 2: links in static/

#[cfg(unix)]
#[test]
fn a_static_symlink_to_the_git_config_is_refused_and_never_published() {
    let s = Site::fixture("good");
    s.write(
        ".git/config",
        "[http]\n\textraheader = AUTHORIZATION: basic c2VjcmV0\n",
    );
    std::fs::create_dir_all(s.path("content/static")).unwrap();
    std::os::unix::fs::symlink("../../.git/config", s.path("content/static/leak.txt")).unwrap();
    let out = s.run(&["build"]);
    out.assert_code(1);
    out.assert_error("E0005", "content/static/leak.txt");
    assert!(
        !s.path("output/leak.txt").exists(),
        "the git config was published"
    );
    // A link that stays inside content/static/ is still followed.
    std::fs::remove_file(s.path("content/static/leak.txt")).unwrap();
    s.write("content/static/tai-lieu/goc.txt", "ok");
    std::os::unix::fs::symlink("tai-lieu/goc.txt", s.path("content/static/ban-sao.txt")).unwrap();
    s.run(&["build"]).assert_code(0);
    assert_eq!(s.read("output/ban-sao.txt"), "ok");
}

#[cfg(unix)]
#[test]
fn a_theme_static_symlink_to_the_site_config_is_refused() {
    let s = Site::fixture("good");
    let yaml = s.read("content/site.yaml");
    let theme = yaml
        .lines()
        .find_map(|l| l.strip_prefix("theme:"))
        .map_or("default", |t| t.trim().trim_matches('"'))
        .to_string();
    let dir = s.path(&format!("themes/{theme}/static"));
    std::fs::create_dir_all(&dir).unwrap();
    std::os::unix::fs::symlink(s.path("content/site.yaml"), dir.join("site.txt")).unwrap();
    let out = s.run(&["build"]);
    out.assert_code(1);
    out.assert_error("E0005", &format!("themes/{theme}/static/site.txt"));
}

// ------------------------------------------------ item 3: cache pruning

/// Set a file's or folder's modification time `secs` in the past.
fn age(path: &Path, secs: u64) {
    let t = std::time::SystemTime::now() - std::time::Duration::from_secs(secs);
    std::fs::File::open(path).unwrap().set_modified(t).unwrap();
}

#[test]
fn cache_pruning_never_deletes_a_folder_it_did_not_write() {
    let s = photo_site();
    let yaml = s.read("content/site.yaml");
    s.write("content/site.yaml", format!("{yaml}\ncache_dir: bo-nho\n"));
    // The user's own folders where the cache keeps its photos: one named
    // like nothing chiso writes, one named like an entry but holding a
    // folder of its own.
    let mine = s.path("bo-nho/images/anh-goc-2019");
    s.write("bo-nho/images/anh-goc-2019/le-hoi.jpg", "mine");
    let lookalike = format!("bo-nho/images/{}-{}", "a".repeat(32), "b".repeat(16));
    s.write(&format!("{lookalike}/ban-goc/x.jpg"), "mine");
    let week = 8 * 24 * 3600;
    age(&mine, week);
    age(&s.path(&lookalike), week);
    // A stale entry of the cache's own is still pruned.
    let stale = format!("bo-nho/images/{}-{}", "c".repeat(32), "d".repeat(16));
    s.write(&format!("{stale}/300.webp"), "old");
    age(&s.path(&stale), week);
    s.run(&["build"]).assert_code(0);
    assert!(
        mine.join("le-hoi.jpg").is_file(),
        "the user's folder was pruned"
    );
    assert!(s.path(&format!("{lookalike}/ban-goc/x.jpg")).is_file());
    assert!(!s.path(&stale).exists(), "a stale entry of the cache stays");
}

#[test]
fn a_cache_dir_inside_the_site_files_is_refused_at_its_line() {
    for dir in [".", "content/static", "themes/x", "output/cache", ".."] {
        let s = Site::fixture("good");
        s.write("images/anh-goc-2019/le-hoi.jpg", "mine");
        let yaml = s.read("content/site.yaml");
        let line = yaml.lines().count() + 1;
        s.write("content/site.yaml", format!("{yaml}cache_dir: \"{dir}\"\n"));
        let out = s.run(&["check"]);
        out.assert_code(1);
        out.assert_error("E0603", &format!("content/site.yaml:{line}"));
        assert!(s.path("images/anh-goc-2019/le-hoi.jpg").is_file());
    }
}

#[test]
fn a_cache_dir_that_holds_the_output_given_on_the_command_line_is_refused() {
    let s = Site::fixture("good");
    let yaml = s.read("content/site.yaml");
    s.write("content/site.yaml", format!("{yaml}cache_dir: bo-nho\n"));
    let out = s.run(&["build", "--output", "bo-nho/site"]);
    out.assert_code(1);
    out.assert_error("E0603", "content/site.yaml");
    assert!(!s.path("bo-nho/site/index.html").exists());
}

// ------------------------------------------ item 4: serve's output folder

/// `chiso serve` on `root` (into `out`, or its temporary folder), killed
/// when dropped; the port it serves once it has built the site.
#[cfg(unix)] // the serve tests below are Unix-only
struct Serve(std::process::Child, u16);

#[cfg(unix)]
impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[cfg(unix)]
fn serve(root: &Path, out: Option<&Path>) -> Serve {
    use std::io::BufRead;
    let mut cmd = std::process::Command::new(common::BIN);
    cmd.env("CHISO_LANG", "en")
        .args(["serve", "--port", "0", "--root"])
        .arg(root);
    if let Some(out) = out {
        cmd.arg("--output").arg(out);
    }
    #[allow(clippy::zombie_processes)] // waited for in Serve::drop
    let mut child = cmd.stderr(std::process::Stdio::piped()).spawn().unwrap();
    let mut lines = std::io::BufReader::new(child.stderr.take().unwrap()).lines();
    let mut s = Serve(child, 0);
    // Bounded: serve prints its address once, after the first build.
    for line in lines.by_ref().take(200).map_while(Result::ok) {
        if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
            s.1 = rest.split('/').next().unwrap().parse().unwrap();
            break;
        }
    }
    assert_ne!(s.1, 0, "serve printed its address");
    std::thread::spawn(move || lines.for_each(drop));
    s
}

/// Wait (at most 60 s) until `f` holds.
#[cfg(unix)] // the serve tests below are Unix-only
fn wait_for(what: &str, mut f: impl FnMut() -> bool) {
    for _ in 0..600 {
        if f() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    panic!("timed out waiting for {what}");
}

#[cfg(unix)]
#[test]
fn serve_makes_a_temporary_folder_of_its_own_readable_by_its_user_only() {
    use std::os::unix::fs::PermissionsExt;
    let s = Site::fixture("sites/basic");
    let server = serve(s.root(), None);
    let pid = server.0.id();
    let prefix = format!("chiso-serve-{pid}-");
    let folder = std::fs::read_dir(std::env::temp_dir())
        .unwrap()
        .filter_map(|e| e.ok())
        .find(|e| e.file_name().to_string_lossy().starts_with(&prefix))
        .map(|e| e.path())
        .expect("a folder named chiso-serve-<pid>-<random>");
    assert!(
        !std::env::temp_dir()
            .join(format!("chiso-serve-{pid}"))
            .exists()
    );
    let mode = folder.metadata().unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o700, "{}", folder.display());
    assert!(folder.join("index.html").is_file());
}

#[cfg(unix)]
#[test]
fn serve_never_writes_through_a_symlink_in_its_output() {
    let s = Site::fixture("sites/basic");
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("xem-thu");
    let _server = serve(s.root(), Some(&out));
    assert!(out.join("rss.xml").is_file());
    let yaml_before = s.read("content/site.yaml");
    std::fs::remove_file(out.join("rss.xml")).unwrap();
    std::os::unix::fs::symlink(s.path("content/site.yaml"), out.join("rss.xml")).unwrap();
    // A new title: the feed changes, so serve writes it again.
    let article = s.path("content/articles/tin-tuc/ba.md");
    let text = std::fs::read_to_string(&article).unwrap();
    std::fs::write(&article, text.replacen("title: \"", "title: \"Mới: ", 1)).unwrap();
    wait_for("the feed written again", || {
        out.join("rss.xml")
            .symlink_metadata()
            .is_ok_and(|m| m.file_type().is_file())
    });
    assert_eq!(
        s.read("content/site.yaml"),
        yaml_before,
        "site.yaml was overwritten"
    );
}

// ------------------------------------------- item 9: poisoned caches

/// The one photo cache entry of `s` (after a build) and its WebP file.
fn cached_webp(s: &Site) -> std::path::PathBuf {
    walkdir::WalkDir::new(s.path(".chiso-cache/images"))
        .into_iter()
        .filter_map(|e| e.ok())
        .map(|e| e.into_path())
        .find(|p| p.extension().is_some_and(|x| x == "webp"))
        .expect("a cached WebP")
}

const PUBLISHED_WEBP: &str = "output/anh-web/images/anh-300.webp";

#[test]
fn a_poisoned_photo_cache_entry_is_encoded_again_not_published() {
    let s = photo_site();
    s.run(&["build"]).assert_code(0);
    let good = std::fs::read(s.path(PUBLISHED_WEBP)).unwrap();
    let cached = cached_webp(&s);
    // Random bytes of the same size, then a different "photo".
    let mut noise = good.clone();
    for (i, b) in noise.iter_mut().enumerate() {
        *b = (i as u8).wrapping_mul(31).wrapping_add(7);
    }
    for poison in [noise, b"RIFF\0\0\0\0WEBPVP8 other photo".to_vec()] {
        std::fs::write(&cached, &poison).unwrap();
        std::fs::remove_dir_all(s.path("output")).unwrap();
        s.run(&["build"]).assert_code(0);
        assert_eq!(std::fs::read(s.path(PUBLISHED_WEBP)).unwrap(), good);
        assert_eq!(std::fs::read(&cached).unwrap(), good, "the entry healed");
    }
}

#[test]
fn emptying_a_cache_file_never_empties_the_published_photo() {
    let s = photo_site();
    s.run(&["build"]).assert_code(0);
    let good = std::fs::read(s.path(PUBLISHED_WEBP)).unwrap();
    // Truncated in place (same inode), as a careless clean-up would.
    std::fs::File::create(cached_webp(&s)).unwrap();
    assert_eq!(std::fs::read(s.path(PUBLISHED_WEBP)).unwrap(), good);
}

#[test]
fn a_cache_entry_missing_a_file_heals_instead_of_failing_every_build() {
    let s = photo_site();
    s.run(&["build"]).assert_code(0);
    let good = std::fs::read(s.path(PUBLISHED_WEBP)).unwrap();
    std::fs::remove_file(cached_webp(&s)).unwrap();
    for _ in 0..2 {
        std::fs::remove_dir_all(s.path("output")).unwrap();
        s.run(&["build"]).assert_code(0);
        assert_eq!(std::fs::read(s.path(PUBLISHED_WEBP)).unwrap(), good);
    }
}

// --------------------------- item 13: removed addresses in the CI recipe

/// docs/deploy.md's recipe: each run is a fresh checkout with an empty
/// `output/` and `.chiso-cache` restored, then `chiso build --deny-warnings
/// --output output`. A run that loses a published address must say so.
#[test]
fn the_removed_address_warning_fires_in_the_ci_recipe_that_starts_from_an_empty_output() {
    let s = Site::fixture("sites/basic");
    let yaml = s.read("content/site.yaml");
    s.write(
        "content/site.yaml",
        format!("{yaml}contact: {{ email: \"bbt@example.vn\" }}\n"),
    );
    let recipe = ["build", "--deny-warnings", "--output", "output"];
    s.run(&recipe).assert_code(0);
    // The next run: a fresh checkout (no output/), the cache restored.
    std::fs::remove_dir_all(s.path("output")).unwrap();
    std::fs::remove_file(s.path("content/articles/tin-tuc/ba.md")).unwrap();
    let out = s.run(&recipe);
    assert!(
        out.diags().iter().any(|(_, c, _)| c == "W0112"),
        "no W0112\n{}",
        out.stderr
    );
    assert_ne!(out.code, 0, "--deny-warnings lets a lost address through");
}

// ------------------------------------- item 12: the deploy's own files

#[test]
fn cname_nojekyll_and_well_known_in_the_output_survive_a_build_by_default() {
    let s = Site::fixture("sites/basic");
    s.run(&["build"]).assert_code(0);
    s.write("output/CNAME", "thu.example.vn\n");
    s.write("output/.nojekyll", "");
    s.write(
        "output/.well-known/security.txt",
        "Contact: mailto:bbt@example.vn\n",
    );
    for _ in 0..2 {
        s.run(&["build"]).assert_code(0);
        assert_eq!(s.read("output/CNAME"), "thu.example.vn\n");
        assert!(s.path("output/.nojekyll").is_file());
        assert!(s.path("output/.well-known/security.txt").is_file());
    }
    // A CNAME the site publishes itself wins over the old one.
    s.write("content/static/CNAME", "moi.example.vn\n");
    s.run(&["build"]).assert_code(0);
    assert_eq!(s.read("output/CNAME"), "moi.example.vn\n");
}

#[test]
fn a_photo_edited_in_place_with_its_size_and_time_kept_is_encoded_again() {
    let s = photo_site();
    // Two photos of exactly the same length (the shorter one padded with
    // a JPEG comment segment).
    let src = s.path("content/static/images/anh.jpg");
    let cmyk = std::fs::read(fixtures().join("images/cmyk.jpg")).unwrap();
    let (a, b) = same_length(photo(), cmyk);
    std::fs::write(&src, &a).unwrap();
    s.run(&["build"]).assert_code(0);
    let before = common::snapshot(&s.path("output/anh-web/images"));
    // The other one written in place, its old modification time put back,
    // as `touch -r` or `exiftool -P` do.
    let t = std::fs::metadata(&src).unwrap().modified().unwrap();
    std::fs::write(&src, &b).unwrap();
    let f = std::fs::File::options().write(true).open(&src).unwrap();
    f.set_modified(t).unwrap();
    drop(f);
    std::fs::remove_dir_all(s.path("output")).unwrap();
    s.run(&["build"]).assert_code(0);
    let after = common::snapshot(&s.path("output/anh-web/images"));
    assert_ne!(after, before, "the old copies of the photo were published");
}

/// Two JPEGs made the same length: a comment segment (`FF FE`) right after
/// the start marker of the shorter one.
fn same_length(a: Vec<u8>, b: Vec<u8>) -> (Vec<u8>, Vec<u8>) {
    let pad = |mut short: Vec<u8>, to: usize| {
        let d = to - short.len();
        assert!((4..65_000).contains(&d), "fixtures of unsuitable sizes");
        let mut seg = vec![0xFF, 0xFE, ((d - 2) >> 8) as u8, (d - 2) as u8];
        seg.resize(d, b' ');
        short.splice(2..2, seg);
        short
    };
    if a.len() < b.len() {
        let n = b.len();
        (pad(a, n), b)
    } else {
        let n = a.len();
        (a, pad(b, n))
    }
}
