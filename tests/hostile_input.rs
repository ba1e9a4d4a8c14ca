//! Hostile and unlucky input (issue 9): whatever is wrong gets a clear
//! diagnostic at file:line, `check` finds what `build` would, and the
//! previous output stays byte-for-byte as it was.

mod common;

use common::{Site, broken_with};

const ART: &str = "content/articles/tin/mot.md";

/// A small valid dataset whose unit slugs the test chooses.
fn dataset_with_unit_slug(slug: &str) -> String {
    format!(
        "title: \"Chỉ số thử\"\nsource:\n  - {{ name: \"Nguồn thử\" }}\nstatus: illustrative\n\
         scale: {{ max: 100, unit: \"điểm\", decimals: 2 }}\nunits:\n\
         \x20 - {{ key: \"1\", name: \"Huyện Một\", short: \"Một\", slug: \"{slug}\" }}\n\
         \x20 - {{ key: \"2\", name: \"Huyện Hai\", short: \"Hai\" }}\nresults:\n\
         \x20 - year: 2022\n    scores:\n      \"1\": {{ total: 70 }}\n      \"2\": {{ total: 60 }}\n"
    )
}

#[test]
fn static_file_cannot_replace_the_rss_feed() {
    let (_, out) = broken_with(|s| s.write("content/static/rss.xml", "<rss/>"), &[], 1);
    out.assert_error("E0104", "content/static/rss.xml");
    assert!(out.stderr.contains("the RSS feed"), "{}", out.stderr);
}

#[test]
fn static_file_cannot_replace_a_category_page() {
    let (_, out) = broken_with(
        |s| s.write("content/static/kinh-te/index.html", "<p>x</p>"),
        &[],
        1,
    );
    out.assert_error("E0104", "content/static/kinh-te/index.html");
    assert!(
        out.stderr.contains("category \"Kinh tế\""),
        "{}",
        out.stderr
    );
}

#[test]
fn static_file_cannot_replace_the_sitemap() {
    let (_, out) = broken_with(|s| s.write("content/static/sitemap.xml", "<x/>"), &[], 1);
    out.assert_error("E0104", "content/static/sitemap.xml");
}

#[test]
fn unit_slug_cannot_replace_a_year_page() {
    let (_, out) = broken_with(
        |s| s.write("content/data/thu.yaml", dataset_with_unit_slug("2022")),
        &[],
        1,
    );
    let found = out
        .diags()
        .iter()
        .any(|(sev, _, loc)| sev == "error" && loc.starts_with("content/data/thu.yaml"));
    assert!(found, "{}", out.stderr);
}

#[test]
fn two_owners_name_both_sources() {
    // A page whose slug is an article's category: both files are named.
    let (_, out) = broken_with(
        |s| s.write("content/static/gioi-thieu/index.html", "<p>x</p>"),
        &[],
        1,
    );
    out.assert_error("E0104", "content/static/gioi-thieu/index.html");
    assert!(
        out.stderr.contains("content/pages/gioi-thieu.md"),
        "{}",
        out.stderr
    );
    let _ = Site::fixture;
    let _ = ART;
}
