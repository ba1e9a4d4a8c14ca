//! Search and the archive (issue 12), checked on built output: the index
//! is deterministic and written through staging with one owner per path,
//! `search: false` removes it, the archive lists every article by year and
//! month, newest first, paginated.

mod common;

use common::{Site, assert_same_tree, sel, snapshot};
use std::path::Path;

fn texts(doc: &scraper::Html, css: &str) -> Vec<String> {
    doc.select(&sel(css))
        .map(|e| e.text().collect::<String>().trim().to_string())
        .collect()
}

fn search_tree(out: &Path) -> std::collections::BTreeMap<std::path::PathBuf, Vec<u8>> {
    snapshot(&out.join("tim-kiem"))
}

#[test]
fn search_index_is_byte_identical_with_1_and_4_threads() {
    let site = Site::fixture("good");
    let mut trees = Vec::new();
    for (threads, out) in [("1", "out-1"), ("4", "out-4"), ("2", "out-2")] {
        let r = site.run_env(
            &["build", "--output", out],
            &[("RAYON_NUM_THREADS", threads)],
        );
        r.assert_code(0);
        trees.push(search_tree(&site.path(out)));
    }
    assert!(
        trees[0].keys().any(|p| p.ends_with("meta.json")),
        "{:?}",
        trees[0].keys().collect::<Vec<_>>()
    );
    assert!(trees[0].keys().any(|p| p.starts_with("i")));
    for t in &trees[1..] {
        assert_same_tree(&trees[0], t);
    }
}

#[test]
fn search_page_links_from_every_page_and_index_lists_no_list_pages() {
    let site = Site::good_built();
    let home = site.html("output/index.html");
    let link = sel("header form[action='/tim-kiem/'][method=get] input[name=q]");
    assert_eq!(
        home.select(&link).count(),
        1,
        "header search box sending to the search page"
    );
    let foot = sel("footer a[href='/luu-tru/']");
    assert_eq!(home.select(&foot).count(), 1, "footer link to the archive");
    let meta: serde_json::Value =
        serde_json::from_str(&site.read("output/tim-kiem/meta.json")).unwrap();
    let docs = meta["docs"].as_u64().unwrap() as usize;
    let urls: Vec<String> = (0..docs)
        .map(|i| {
            let f: serde_json::Value =
                serde_json::from_str(&site.read(&format!("output/tim-kiem/d/{i}.json"))).unwrap();
            f["u"].as_str().unwrap().to_string()
        })
        .collect();
    assert!(
        urls.iter().any(|u| u == "/gioi-thieu/"),
        "pages are indexed: {urls:?}"
    );
    assert!(
        !urls
            .iter()
            .any(|u| u == "/" || u.starts_with("/the/") || u.contains("/trang/")),
        "list pages are not: {urls:?}"
    );
    assert!(site.path("output/assets/search.js").is_file());
}

#[test]
fn search_false_builds_no_search_page_index_script_or_link_but_keeps_the_archive() {
    let site = Site::fixture("good");
    let yaml = site.read("content/site.yaml");
    site.write("content/site.yaml", format!("{yaml}search: false\n"));
    site.run(&["check"]).assert_code(0);
    site.run(&["build"]).assert_code(0);
    assert!(!site.path("output/tim-kiem").exists());
    assert!(!site.path("output/assets/search.js").exists());
    let home = site.html("output/index.html");
    assert_eq!(home.select(&sel("a[href='/tim-kiem/']")).count(), 0);
    assert!(site.path("output/luu-tru/index.html").is_file());
}

#[test]
fn a_misspelt_search_setting_fails_check_at_its_line() {
    let site = Site::fixture("good");
    let yaml = site.read("content/site.yaml");
    let line = yaml.lines().count() + 1;
    site.write(
        "content/site.yaml",
        format!("{yaml}search: {{ enable: false }}\n"),
    );
    let out = site.run(&["check"]);
    out.assert_error("E0003", &format!("content/site.yaml:{line}"));
}

#[test]
fn a_static_file_where_the_index_goes_is_a_clash_naming_both_owners() {
    let site = Site::fixture("good");
    site.write("content/static/tim-kiem/meta.json", "{}");
    let out = site.run(&["build"]);
    out.assert_code(1);
    assert!(
        out.stderr.contains("E0104") && out.stderr.contains("search page"),
        "{}",
        out.stderr
    );
    assert!(
        !site.path("output/tim-kiem").exists(),
        "a failed build publishes nothing"
    );
}

/// The good site with `n` more articles, one every 9 days back from
/// 2025-06-30, so they span months and years.
fn site_with_articles(n: usize) -> Site {
    let site = Site::fixture("good");
    for i in 0..n {
        let day = jiff::civil::date(2025, 6, 30)
            .checked_sub(jiff::Span::new().days(9 * i as i64))
            .unwrap();
        site.write(
            &format!("content/articles/tin/luu-{i:03}.md"),
            format!(
                "---\ntitle: \"Tin lưu trữ số {i}\"\ndate: {day}T08:00:00+07:00\ncategory: \"Tin tức\"\nsummary: \"Tóm tắt {i}.\"\n---\nNội dung {i}.\n"
            ),
        );
    }
    site
}

#[test]
fn archive_lists_articles_newest_first_by_year_and_month_with_pages() {
    let site = site_with_articles(70);
    site.run(&["build"]).assert_code(0);
    let p1 = site.html("output/luu-tru/index.html");
    let p2 = site.html("output/luu-tru/trang/2/index.html");
    assert!(!site.path("output/luu-tru/trang/3/index.html").exists());
    let dates = |d: &scraper::Html| -> Vec<String> {
        d.select(&sel(".archive-list time"))
            .map(|t| t.value().attr("datetime").unwrap().to_string())
            .collect()
    };
    let (d1, d2) = (dates(&p1), dates(&p2));
    assert_eq!(d1.len(), 50, "50 a page");
    let all: Vec<String> = d1.iter().chain(&d2).cloned().collect();
    let mut sorted = all.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(all, sorted, "newest first across pages");
    assert_eq!(
        texts(&p1, "h2").first().map(String::as_str),
        Some("Năm 2025")
    );
    assert_eq!(
        texts(&p1, "h3").first().map(String::as_str),
        Some("Tháng 6/2025")
    );
    assert!(texts(&p1, "h2").contains(&"Năm 2024".to_string()));
    // Each month heading is followed by that month's articles only.
    for h in p1.select(&sel("h3")) {
        let id = h.value().attr("id").unwrap();
        let ym = id.trim_start_matches("thang-");
        let list = h
            .next_siblings()
            .find_map(scraper::ElementRef::wrap)
            .unwrap();
        for t in list.select(&sel("time")) {
            assert!(t.value().attr("datetime").unwrap().starts_with(ym), "{id}");
        }
    }
    let next = p1.select(&sel("a[rel=next]")).next().unwrap();
    assert_eq!(next.value().attr("href"), Some("/luu-tru/trang/2/"));
    let prev = p2.select(&sel("a[rel=prev]")).next().unwrap();
    assert_eq!(prev.value().attr("href"), Some("/luu-tru/"));
}
