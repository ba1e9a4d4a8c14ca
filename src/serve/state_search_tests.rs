//! serve's search index after edits is the one a fresh build writes.

use super::*;
use std::collections::BTreeMap;

/// A copy of the basic fixture site.
pub(super) fn basic_site(tmp: &Path) -> PathBuf {
    let root = tmp.join("site");
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sites/basic");
    for e in walkdir::WalkDir::new(&src) {
        let e = e.unwrap();
        let dest = root.join(e.path().strip_prefix(&src).unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
    root
}

/// The options of a serve of `root` whose "now" is 2030 (every fixture
/// article is published), and its state after the first, full build into
/// `out`.
pub(super) fn started(root: &Path, out: &Path) -> (BuildOptions, State) {
    let opts = BuildOptions {
        root: root.to_path_buf(),
        now: crate::Now {
            ts: "2030-01-01T00:00:00Z".parse().unwrap(),
            ..Default::default()
        },
        ..Default::default()
    };
    let mut state = State::new(opts.clone(), out.to_path_buf());
    state.rebuild(&Dirty::full()).unwrap();
    (opts, state)
}

/// Every file under tim-kiem/ of an output: path → bytes (serve's live
/// reload script taken out of the search page).
fn search_files(out: &Path) -> BTreeMap<String, Vec<u8>> {
    let dir = out.join("tim-kiem");
    walkdir::WalkDir::new(&dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(out)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let mut bytes = std::fs::read(e.path()).unwrap();
            if rel.ends_with(".html") {
                bytes = String::from_utf8(bytes)
                    .unwrap()
                    .replace(LIVE_RELOAD, "")
                    .into_bytes();
            }
            (rel, bytes)
        })
        .collect()
}

fn edit(state: &mut State, root: &Path, rel: &str, f: impl FnOnce(String) -> Option<String>) {
    let path = root.join(rel);
    match f(std::fs::read_to_string(&path).unwrap_or_default()) {
        Some(text) => std::fs::write(&path, text).unwrap(),
        None => std::fs::remove_file(&path).unwrap(),
    }
    let mut dirty = Dirty::default();
    dirty.add(Path::new(rel));
    state.rebuild(&dirty).unwrap();
}

#[test]
fn serves_search_index_after_edits_is_byte_for_byte_a_fresh_builds() {
    let tmp = tempfile::tempdir().unwrap();
    let root = basic_site(tmp.path());
    let serve_out = tmp.path().join("serve-out");
    let (opts, mut state) = started(&root, &serve_out);
    let build_out = tmp.path().join("build-out");
    let fresh = |n: &str| {
        let out = build_out.join(n);
        crate::build(&BuildOptions {
            output: Some(out.clone()),
            ..opts.clone()
        })
        .unwrap();
        search_files(&out)
    };
    let start = search_files(&serve_out);
    assert!(
        start.keys().any(|p| p.starts_with("tim-kiem/i/")),
        "{start:?}"
    );
    assert_eq!(start, fresh("0"));

    let mot = "content/articles/tin-tuc/mot.md";
    edit(&mut state, &root, mot, |t| {
        Some(format!("{t}\nCâu mới về thảo quả Mường So.\n"))
    });
    let after_edit = search_files(&serve_out);
    assert_ne!(after_edit, start, "the edit is indexed");
    assert_eq!(after_edit, fresh("1"));

    edit(&mut state, &root, mot, |t| {
        Some(t.replace("Bài một: ngày Chủ nhật", "Bài một: Nậm Xe"))
    });
    assert_eq!(search_files(&serve_out), fresh("2"));

    let new = "content/articles/tin-tuc/moi.md";
    edit(&mut state, &root, new, |_| {
        Some("---\ntitle: \"Bài mới về Nậm Xe\"\ndate: 2024-07-01 08:00\ncategory: \"Tin tức\"\nsummary: \"Sapo.\"\n---\nThân bài.\n".into())
    });
    assert_eq!(search_files(&serve_out), fresh("3"));

    edit(&mut state, &root, new, |_| None);
    edit(&mut state, &root, "content/articles/kinh-te/bon.md", |_| {
        None
    });
    assert_eq!(
        search_files(&serve_out),
        fresh("4"),
        "no fragment left behind"
    );
}

/// serve's index takes an article as it was at the last update only while
/// all its document is made of is the same: an edit of one article's
/// category spelling renames the category of the articles it did not
/// touch, and they are indexed again under the new name, as a build would.
#[test]
fn an_edit_that_renames_a_category_reindexes_the_articles_it_did_not_touch() {
    let tmp = tempfile::tempdir().unwrap();
    let root = basic_site(tmp.path());
    let serve_out = tmp.path().join("serve-out");
    let (opts, mut state) = started(&root, &serve_out);
    let fresh = |n: &str| {
        let out = tmp.path().join("build-out").join(n);
        crate::build(&BuildOptions {
            output: Some(out.clone()),
            ..opts.clone()
        })
        .unwrap();
        search_files(&out)
    };
    // An edit first, so the next update knows every other article.
    edit(&mut state, &root, "content/articles/tin-tuc/mot.md", |t| {
        Some(format!("{t}\nMột câu nữa.\n"))
    });
    assert_eq!(search_files(&serve_out), fresh("0"));
    edit(&mut state, &root, "content/articles/kinh-te/nam.md", |t| {
        Some(t.replace("category: \"Kinh tế\"", "category: \"Kinh Tế\""))
    });
    let after = search_files(&serve_out);
    let bon = after
        .values()
        .map(|b| String::from_utf8_lossy(b))
        .find(|b| b.contains("\"t\":\"Bài bốn\""))
        .expect("the fragment of Bài bốn");
    assert!(bon.contains("\"c\":\"Kinh Tế\""), "{bon}");
    assert_eq!(after, fresh("1"));
}
