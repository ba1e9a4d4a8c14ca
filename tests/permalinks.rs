//! A newsroom moves in: addresses follow a pattern, come from the file name
//! (a fixed typo in a title never moves a page), old addresses redirect,
//! and an address once published never breaks silently.

mod common;

use common::{Site, broken_with, builds, sel};

const ART: &str = "content/articles/tin/mot.md";
const ART2: &str = "content/articles/tin/hai.md";
const SITE: &str = "content/site.yaml";

/// The good fixture with its site.yaml's `slug_from: title` replaced by `extra`.
fn with_site(s: &Site, extra: &str) {
    let y = s.read(SITE).replace("slug_from: title\n", "");
    s.write(SITE, y + extra);
}

fn html(site: &Site, rel: &str) -> scraper::Html {
    scraper::Html::parse_document(&site.read(&format!("output/{rel}")))
}

#[test]
fn slugs_come_from_the_file_name_by_default() {
    let (site, _) = builds(|s| with_site(s, ""));
    assert!(site.path("output/kinh-te/mot/index.html").is_file());
}

#[test]
fn fixing_a_title_keeps_the_address() {
    let (site, _) = builds(|s| {
        with_site(s, "");
        let a = s.read(ART).replace(
            "Đường Lê Lợi được nâng cấp",
            "Đường Lê Lợi được nâng cấp xong",
        );
        s.write(ART, a);
    });
    let doc = html(&site, "kinh-te/mot/index.html");
    let h1: String = doc.select(&sel("h1")).next().unwrap().text().collect();
    assert_eq!(h1, "Đường Lê Lợi được nâng cấp xong");
}

#[test]
fn a_hugo_style_pattern_uses_the_file_name() {
    let (site, _) = builds(|s| with_site(s, "permalinks: { article: \"/posts/:file/\" }\n"));
    assert!(site.path("output/posts/mot/index.html").is_file());
    assert!(site.path("output/posts/hai/index.html").is_file());
}

#[test]
fn a_portal_pattern_ending_in_html_writes_that_file() {
    let (site, _) = builds(|s| {
        with_site(
            s,
            "permalinks: { article: \"/tin-tuc/:year/:month/:slug-:file.html\" }\n",
        )
    });
    assert!(site.path("output/tin-tuc/2024/05/mot-mot.html").is_file());
    // The list pages link to it, and the sitemap names it.
    let home = site.read("output/index.html");
    assert!(home.contains("/tin-tuc/2024/05/mot-mot.html"), "{home}");
    let sitemap = site.read("output/sitemap.xml");
    assert!(
        sitemap.contains("https://thu.example.gov.vn/tin-tuc/2024/05/mot-mot.html"),
        "{sitemap}"
    );
}

#[test]
fn an_unknown_token_is_an_error_at_its_line() {
    let (_, out) = broken_with(
        |s| with_site(s, "permalinks:\n  article: \"/:nam/:slug/\"\n"),
        &[],
        1,
    );
    out.assert_error("E0003", &format!("{SITE}:10"));
    assert!(
        out.stderr.contains("unknown token `:nam`"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_pattern_that_gives_two_articles_one_address_names_both() {
    let (_, out) = broken_with(
        |s| with_site(s, "permalinks: { article: \"/tin/:year/\" }\n"),
        &[],
        1,
    );
    out.assert_error("E0104", ART2);
    assert!(out.stderr.contains(ART), "{}", out.stderr);
}

#[test]
fn an_alias_is_a_redirect_page_to_the_article() {
    let (site, _) = builds(|s| {
        let a = s.read(ART).replacen(
            "---\n",
            "---\naliases: [\"/tin-tuc/123/\", \"/old/bai.html\"]\n",
            1,
        );
        s.write(ART, a);
    });
    for rel in ["tin-tuc/123/index.html", "old/bai.html"] {
        let doc = html(&site, rel);
        let target = "https://thu.example.gov.vn/kinh-te/duong-le-loi-duoc-nang-cap/";
        let canonical = doc.select(&sel("link[rel=canonical]")).next().unwrap();
        assert_eq!(canonical.value().attr("href"), Some(target));
        let refresh = doc.select(&sel("meta[http-equiv=refresh]")).next().unwrap();
        assert_eq!(
            refresh.value().attr("content"),
            Some(&*format!("0; url={target}"))
        );
        let robots = doc.select(&sel("meta[name=robots]")).next().unwrap();
        assert_eq!(robots.value().attr("content"), Some("noindex"));
        let link = doc.select(&sel("a")).next().unwrap();
        assert_eq!(link.value().attr("href"), Some(target));
    }
    let sitemap = site.read("output/sitemap.xml");
    assert!(!sitemap.contains("tin-tuc/123"), "{sitemap}");
}

#[test]
fn an_alias_over_a_page_names_both_files() {
    let (_, out) = broken_with(
        |s| {
            let a = s
                .read(ART)
                .replacen("---\n", "---\naliases: [\"/gioi-thieu/\"]\n", 1);
            s.write(ART, a);
        },
        &[],
        1,
    );
    out.assert_error("E0104", ART);
    assert!(
        out.stderr.contains("content/pages/gioi-thieu.md"),
        "{}",
        out.stderr
    );
}

#[test]
fn an_alias_that_is_no_path_is_an_error_at_its_line() {
    let (_, out) = broken_with(
        |s| {
            let a = s
                .read(ART)
                .replacen("---\n", "---\naliases: [\"../../etc\"]\n", 1);
            s.write(ART, a);
        },
        &[],
        1,
    );
    out.assert_error("E0103", &format!("{ART}:2"));
}

#[test]
fn redirect_files_for_netlify_and_nginx_list_every_alias() {
    let (site, _) = builds(|s| {
        s.write(
            SITE,
            s.read(SITE) + "redirects: { files: [netlify, nginx] }\n",
        );
        let a = s
            .read(ART)
            .replacen("---\n", "---\naliases: [\"/tin-tuc/123/\"]\n", 1);
        s.write(ART, a);
    });
    let netlify = site.read("output/_redirects");
    assert_eq!(
        netlify,
        "/tin-tuc/123/ /kinh-te/duong-le-loi-duoc-nang-cap/ 301\n"
    );
    let nginx = site.read("output/.chiso/nginx-redirects.conf");
    assert!(nginx.contains("map $uri $chiso_redirect {"), "{nginx}");
    assert!(
        nginx.contains("    /tin-tuc/123/ /kinh-te/duong-le-loi-duoc-nang-cap/;"),
        "{nginx}"
    );
}

#[test]
fn a_link_to_an_alias_resolves_with_a_warning() {
    let (_, out) = builds(|s| {
        let a = s
            .read(ART)
            .replacen("---\n", "---\naliases: [\"/tin-tuc/123/\"]\n", 1);
        s.write(ART, a);
        s.write(ART2, s.read(ART2) + "\nXem [bài cũ](/tin-tuc/123/).\n");
    });
    out.assert_diag("warning", "W0113", ART2);
    assert!(
        out.stderr.contains("/kinh-te/duong-le-loi-duoc-nang-cap/"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_published_address_that_disappears_is_a_warning_with_the_alias_to_add() {
    let site = Site::good_built();
    let list = site.read("output/.chiso/urls.txt");
    assert!(
        list.contains("/kinh-te/duong-le-loi-duoc-nang-cap/\tcontent/articles/tin/mot.md"),
        "{list}"
    );
    // The article moves: a new slug.
    let a = site
        .read(ART)
        .replacen("---\n", "---\nslug: duong-le-loi\n", 1);
    site.write(ART, a);
    let out = site.run(&["build"]);
    out.assert_code(0);
    out.assert_diag("warning", "W0112", ART);
    assert!(
        out.stderr
            .contains("aliases: [\"/kinh-te/duong-le-loi-duoc-nang-cap/\"]"),
        "{}",
        out.stderr
    );
    // Still warned next time, and an error for CI.
    let ci = site.run(&["check", "--deny-warnings"]);
    ci.assert_code(1);
    // Accepted once: quiet from then on.
    site.run(&["build", "--accept-removed"]).assert_code(0);
    let after = site.run(&["build", "--deny-warnings"]);
    after.assert_code(0);
    // Or kept with an alias: no warning either.
    assert!(
        !site
            .read("output/.chiso/urls.txt")
            .contains("duoc-nang-cap")
    );
}

#[test]
fn an_alias_keeps_a_moved_address_published() {
    let site = Site::good_built();
    let a = site.read(ART).replacen(
        "---\n",
        "---\nslug: duong-le-loi\naliases: [\"/kinh-te/duong-le-loi-duoc-nang-cap/\"]\n",
        1,
    );
    site.write(ART, a);
    let out = site.run(&["build", "--deny-warnings"]);
    out.assert_code(0);
    assert!(
        site.path("output/kinh-te/duong-le-loi-duoc-nang-cap/index.html")
            .is_file()
    );
}
