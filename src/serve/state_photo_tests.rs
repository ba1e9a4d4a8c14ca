//! serve's photo plan between edits: an edit that touches no photo opens
//! none; a photo replaced under the same name is probed again.

use super::search_tests::{basic_site, started};
use super::*;
use crate::load::image_probe::PROBED;

const PHOTO: &str = "content/static/images/anh.jpg";

fn probes_of(path: &Path) -> usize {
    PROBED
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .iter()
        .filter(|p| p.as_path() == path)
        .count()
}

fn rebuild_after(state: &mut State, rel: &str) {
    let mut dirty = Dirty::default();
    dirty.add(Path::new(rel));
    state.rebuild(&dirty).unwrap();
}

/// The lead photo's (width, height) attributes on the article's page.
fn lead_size(out: &Path) -> (String, String) {
    let html = std::fs::read_to_string(out.join("tin-tuc/anh/index.html")).unwrap();
    let doc = scraper::Html::parse_document(&html);
    let img = doc
        .select(&scraper::Selector::parse("article img").unwrap())
        .next()
        .expect("the lead photo");
    let attr = |n: &str| img.attr(n).unwrap_or_default().to_string();
    (attr("width"), attr("height"))
}

#[test]
fn a_body_edit_opens_no_photo_and_a_replaced_photo_is_probed_again() {
    let tmp = tempfile::tempdir().unwrap();
    let root = basic_site(tmp.path());
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/images");
    let photo = root.join(PHOTO);
    std::fs::copy(fixtures.join("gps-rotated.jpg"), &photo).unwrap();
    std::fs::write(
        root.join("content/articles/tin-tuc/anh.md"),
        "---\ntitle: \"Ảnh\"\nslug: anh\ndate: 2024-05-01T08:00:00+07:00\ncategory: \"Tin tức\"\nimage: \"/images/anh.jpg\"\n---\nThân bài.\n",
    )
    .unwrap();
    let out = tmp.path().join("out");
    let (_, mut state) = started(&root, &out);
    assert_eq!(probes_of(&photo), 1, "the first build probes the photo");
    // EXIF orientation 6: stored 480×300, shown 300×480.
    assert_eq!(lead_size(&out), ("300".into(), "480".into()));

    let hai = "content/articles/tin-tuc/hai.md";
    let text = std::fs::read_to_string(root.join(hai)).unwrap();
    std::fs::write(root.join(hai), format!("{text}\nMột câu nữa.\n")).unwrap();
    rebuild_after(&mut state, hai);
    assert_eq!(probes_of(&photo), 1, "a body edit opens no photo");

    // Same name, new bytes (a 160×100 photo).
    std::fs::copy(fixtures.join("cmyk.jpg"), &photo).unwrap();
    rebuild_after(&mut state, PHOTO);
    assert_eq!(probes_of(&photo), 2, "the replaced photo is probed again");
    assert_eq!(lead_size(&out), ("160".into(), "100".into()));
}

/// Every photo address a page names (`src` and each `srcset` entry) that
/// is under the photo folder, with the `width`/`height` of its `img`.
fn photo_refs(out: &Path, page: &str) -> Vec<(String, String, String)> {
    let html = std::fs::read_to_string(out.join(page)).unwrap();
    let doc = scraper::Html::parse_document(&html);
    let mut refs = Vec::new();
    for el in doc.select(&scraper::Selector::parse("img, source").unwrap()) {
        let (w, h) = (
            el.attr("width").unwrap_or_default().to_string(),
            el.attr("height").unwrap_or_default().to_string(),
        );
        let srcset = el.attr("srcset").unwrap_or_default();
        let urls = srcset
            .split(',')
            .filter_map(|c| c.split_whitespace().next())
            .chain(el.attr("src"));
        for u in urls.filter(|u| u.contains("anh-web/images/anh-")) {
            refs.push((u.to_string(), w.clone(), h.clone()));
        }
    }
    refs
}

#[test]
fn a_photo_replaced_under_its_name_renews_the_teasers_that_show_it() {
    let tmp = tempfile::tempdir().unwrap();
    let root = basic_site(tmp.path());
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/images");
    let photo = root.join(PHOTO);
    std::fs::copy(fixtures.join("gps-rotated.jpg"), &photo).unwrap();
    let anh = "content/articles/tin-tuc/anh.md";
    std::fs::write(
        root.join(anh),
        "---\ntitle: \"Ảnh\"\nslug: anh\ndate: 2029-05-01T08:00:00+07:00\ncategory: \"Tin tức\"\nimage: \"/images/anh.jpg\"\n---\nThân bài.\n\n![Ảnh trong bài](/images/anh.jpg)\n",
    )
    .unwrap();
    let out = tmp.path().join("out");
    let (_, mut state) = started(&root, &out);
    let before = photo_refs(&out, "index.html");
    assert!(!before.is_empty(), "the front page shows the photo");
    assert!(
        before
            .iter()
            .all(|(_, w, h)| w.is_empty() || (w.as_str(), h.as_str()) == ("300", "480"))
    );
    // An edit of the story itself: its teaser is now in serve's cache.
    let text = std::fs::read_to_string(root.join(anh)).unwrap();
    std::fs::write(root.join(anh), format!("{text}\nMột câu nữa.\n")).unwrap();
    rebuild_after(&mut state, anh);

    // Same name, new bytes: a 160×100 photo, which has no 360 px copy.
    std::fs::copy(fixtures.join("cmyk.jpg"), &photo).unwrap();
    rebuild_after(&mut state, PHOTO);
    let after = photo_refs(&out, "index.html");
    assert!(!after.is_empty(), "the front page still shows the photo");
    let story = photo_refs(&out, "tin-tuc/anh/index.html");
    assert!(story.len() > 3, "the lead photo and the one in the body");
    for (url, w, h) in after.iter().chain(&story) {
        let file = out.join(url.trim_start_matches('/'));
        assert!(
            file.is_file(),
            "a page names {url}, which is not in the output"
        );
        if !w.is_empty() {
            let (w, h): (u32, u32) = (w.parse().unwrap(), h.parse().unwrap());
            assert_eq!(
                w * 100,
                h * 160,
                "a page keeps the old photo's shape: {w}×{h}"
            );
        }
    }
}
