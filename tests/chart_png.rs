//! Chart PNGs (issue 11): every chart figure links a 2× PNG and a 1200×630
//! share card that exist with those sizes; articles without a photo and
//! dataset pages share a chart's card; PNG bytes do not depend on threads;
//! `check` claims the same files and warns alike without drawing; the cache
//! is used and pruned.

mod common;

use common::{BIN, Site, built_sample, html_files, sel};
use std::path::Path;
use std::process::Command;

/// Width and height from a PNG's header.
fn png_size(path: &Path) -> (u32, u32) {
    let b = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(
        &b[..8],
        b"\x89PNG\r\n\x1a\n",
        "{} is no PNG",
        path.display()
    );
    assert_eq!(&b[12..16], b"IHDR");
    let n = |i: usize| u32::from_be_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
    (n(16), n(20))
}

/// The viewBox height of a chart SVG file.
fn svg_height(path: &Path) -> u32 {
    let s = std::fs::read_to_string(path).unwrap();
    let vb = s.split("viewBox=\"0 0 400 ").nth(1).unwrap();
    vb[..vb.find('"').unwrap()].parse().unwrap()
}

fn file_of(out: &Path, href: &str) -> std::path::PathBuf {
    let rel = href
        .strip_prefix("https://phongtho.example.gov.vn")
        .unwrap_or(href);
    out.join(rel.trim_start_matches('/'))
}

#[test]
fn every_chart_figure_links_its_png_and_share_card_at_their_sizes() {
    let out = built_sample();
    let mut figures = 0;
    for (path, doc) in html_files(out) {
        for fig in doc.select(&sel("figure.chart")) {
            let links: Vec<(String, String)> = fig
                .select(&sel("p.chart-download a"))
                .map(|a| {
                    let text = a.text().collect::<String>();
                    (text, a.value().attr("href").unwrap().to_string())
                })
                .collect();
            let find = |label: &str| {
                links
                    .iter()
                    .find(|(t, _)| t == label)
                    .map(|(_, h)| h.clone())
                    .unwrap_or_else(|| panic!("{}: no \"{label}\" in {links:?}", path.display()))
            };
            let svg = find("Tải biểu đồ (SVG)");
            let png = find("Tải ảnh (PNG)");
            let card = find("Ảnh chia sẻ (1200×630)");
            assert_eq!(png, svg.replace(".svg", ".png"));
            let h = svg_height(&file_of(out, &svg));
            assert_eq!(png_size(&file_of(out, &png)), (800, 2 * h), "{png}");
            assert_eq!(png_size(&file_of(out, &card)), (1200, 630), "{card}");
            figures += 1;
        }
    }
    assert!(figures > 20, "{figures} figures");
}

#[test]
fn article_without_a_photo_shares_its_first_charts_card() {
    let out = built_sample();
    let mut seen = 0;
    for (path, doc) in html_files(out) {
        let is_article = doc
            .select(&sel("meta[property='og:type']"))
            .any(|m| m.value().attr("content") == Some("article"));
        // A lead image that shares can show (SVG: Facebook and Zalo do not).
        let has_photo = doc
            .select(&sel(".lead-image img"))
            .filter_map(|i| i.value().attr("src"))
            .any(|src| !src.ends_with(".svg"));
        let Some(first) = doc.select(&sel("figure.chart a.chart-card")).next() else {
            continue;
        };
        if !is_article || has_photo {
            continue;
        }
        let meta = |p: &str| {
            doc.select(&sel(&format!("meta[property='{p}']")))
                .next()
                .and_then(|m| m.value().attr("content"))
                .map(str::to_string)
                .unwrap_or_else(|| panic!("{}: no {p}", path.display()))
        };
        let card = first.value().attr("href").unwrap();
        let image = meta("og:image");
        assert!(
            image.ends_with(card),
            "{}: og:image {image}, card {card}",
            path.display()
        );
        assert!(image.starts_with("https://"), "{image}");
        assert_eq!(meta("og:image:width"), "1200");
        assert_eq!(meta("og:image:height"), "630");
        assert!(meta("og:image:alt").starts_with("Biểu đồ: "));
        assert_eq!(png_size(&file_of(out, &image)), (1200, 630));
        seen += 1;
    }
    assert!(
        seen >= 1,
        "no article without a photo and with a chart in the sample"
    );
}

#[test]
fn dataset_pages_share_their_ranking_card() {
    let out = built_sample();
    let doc = scraper::Html::parse_document(
        &std::fs::read_to_string(out.join("chi-so/chi-so-cchc-lai-chau/index.html")).unwrap(),
    );
    let image = doc
        .select(&sel("meta[property='og:image']"))
        .next()
        .and_then(|m| m.value().attr("content"))
        .unwrap()
        .to_string();
    assert!(
        image.ends_with("/chi-so/chi-so-cchc-lai-chau/bieu-do/xep-hang-2022-1200x630.png"),
        "{image}"
    );
    assert_eq!(png_size(&file_of(out, &image)), (1200, 630));
}

const SMALL_DATA: &str = r#"title: "Chỉ số thử"
source:
  - { name: "Bộ Nội vụ" }
status: published
scale: { min: 0, max: 100, unit: "%", decimals: 2 }
units:
  - { key: "12", name: "Tỉnh Lai Châu", short: "Lai Châu 北京", slug: lai-chau }
results:
  - year: 2021
    out_of: 63
    scores:
      "12": { total: 80.5, rank: 31 }
  - year: 2022
    out_of: 63
    scores:
      "12": { total: 86.29, rank: 24 }
"#;

/// The good fixture with a one-unit dataset whose short name has two
/// characters the bundled font lacks.
fn site_with_data() -> Site {
    let s = Site::fixture("good");
    s.write("content/data/thu.yaml", SMALL_DATA);
    s
}

#[test]
fn check_claims_the_pngs_and_warns_about_the_font_as_build_does_without_drawing() {
    let s = site_with_data();
    let check = s.run(&["check"]);
    check.assert_code(0);
    check.assert_diag("warning", "W0850", "content/data/thu.yaml");
    assert!(check.stderr.contains("北 (U+5317)"), "{}", check.stderr);
    assert!(!s.path(".chiso-cache").exists(), "check wrote to the cache");
    let build = s.run(&["build"]);
    build.assert_code(0);
    assert_eq!(check.diags(), build.diags());
    let charts = s.path("output/chi-so/thu/bieu-do");
    assert_eq!(
        png_size(&charts.join("xep-hang-2022-1200x630.png")),
        (1200, 630)
    );
    assert_eq!(
        png_size(&charts.join("xep-hang-2022-360x189.png")),
        (360, 189)
    );
    // Built: every PNG is in the cache, three per chart (4 charts: the
    // download, the share card and its thumbnail), each with its content
    // hash (`<key>.sum`).
    let cached = std::fs::read_dir(s.path(".chiso-cache/charts"))
        .unwrap()
        .count();
    assert_eq!(cached, 24);
}

#[test]
fn a_warm_build_reuses_the_cache_and_prune_keeps_what_it_used() {
    let s = site_with_data();
    s.run(&["build"]).assert_code(0);
    let first = s.snapshot_output();
    let cache = s.path(".chiso-cache/charts");
    // An old entry no chart uses, and a cached PNG replaced by garbage of
    // the right name (a miss: drawn again, never published).
    let old = cache.join(format!("{}.png", "0".repeat(32)));
    std::fs::write(&old, b"\x89PNG stale").unwrap();
    let f = std::fs::File::options().write(true).open(&old).unwrap();
    f.set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(3 * 86_400))
        .unwrap();
    let some = std::fs::read_dir(&cache)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p != &old && p.extension().is_some_and(|x| x == "png"))
        .unwrap();
    std::fs::write(&some, b"not a png").unwrap();
    std::fs::remove_dir_all(s.path("output")).unwrap();
    s.run(&["build"]).assert_code(0);
    common::assert_same_tree(&first, &s.snapshot_output());
    assert!(!old.exists(), "an old unused entry survived pruning");
    assert_eq!(std::fs::read_dir(&cache).unwrap().count(), 24);
    assert!(
        png_size(&some).0 > 0,
        "the broken entry was not drawn again"
    );
}

#[test]
fn png_bytes_do_not_depend_on_the_thread_count() {
    let tmp = tempfile::tempdir().unwrap();
    let mut trees = Vec::new();
    for threads in ["1", "2"] {
        // Each build gets its own root, so its own (cold) cache: both draw.
        let root = tmp.path().join(format!("t{threads}"));
        common::copy_tree(&site_with_data().path("content"), &root.join("content"));
        let run = Command::new(BIN)
            .args(["build", "--root"])
            .arg(&root)
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .unwrap();
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        trees.push(common::snapshot(&root.join("output")));
    }
    let pngs = trees[0]
        .keys()
        .filter(|p| p.extension().is_some_and(|e| e == "png"))
        .count();
    assert_eq!(pngs, 12);
    common::assert_same_tree(&trees[0], &trees[1]);
}
