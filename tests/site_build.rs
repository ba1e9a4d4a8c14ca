//! Building whole sites: what a reader sees on article, list and report
//! pages. Each test builds a small fixture site with the real binary into a
//! temporary folder and parses the HTML.

use scraper::{Html, Selector};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

const BASIC: &str = "tests/fixtures/sites/basic";

fn chiso(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_chiso"))
        .args(args)
        .env("RAYON_NUM_THREADS", "2")
        .output()
        .expect("run chiso")
}

/// Build `root` into a fresh temp dir; panic with stderr on failure.
fn build(root: &str) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let o = chiso(&["build", "--root", root, "--output", out.to_str().unwrap()]);
    assert!(
        o.status.success(),
        "build failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    (tmp, out)
}

fn page(out: &Path, rel: &str) -> Html {
    let p = out.join(rel);
    let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    Html::parse_document(&text)
}

fn texts(doc: &Html, css: &str) -> Vec<String> {
    let sel = Selector::parse(css).unwrap();
    doc.select(&sel)
        .map(|e| {
            e.text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

fn attrs(doc: &Html, css: &str, attr: &str) -> Vec<String> {
    let sel = Selector::parse(css).unwrap();
    doc.select(&sel)
        .filter_map(|e| e.value().attr(attr).map(str::to_string))
        .collect()
}

fn all_files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut m = BTreeMap::new();
    for e in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let e = e.unwrap();
        if e.file_type().is_file() {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            m.insert(rel, std::fs::read(e.path()).unwrap());
        }
    }
    m
}

#[test]
fn sunday_date_line_uses_newsroom_weekday() {
    let (_t, out) = build(BASIC);
    let doc = page(&out, "tin-tuc/bai-mot-ngay-chu-nhat/index.html");
    assert_eq!(texts(&doc, ".date-line"), ["Chủ nhật, 23/06/2024 - 09:05"]);
    assert_eq!(
        attrs(&doc, ".date-line time", "datetime"),
        ["2024-06-23T09:05:00+07:00"]
    );
}

#[test]
fn date_near_midnight_utc_is_shown_in_vietnam_time() {
    // 16:59 UTC on Saturday 22/06 is 23:59 the same day in GMT+7; the
    // article without offset is local time.
    let (_t, out) = build(BASIC);
    let doc = page(&out, "tin-tuc/bai-hai-gan-nua-dem/index.html");
    assert_eq!(texts(&doc, ".date-line"), ["Thứ bảy, 22/06/2024 - 23:59"]);
    let doc = page(&out, "tin-tuc/bai-ba/index.html");
    assert_eq!(texts(&doc, ".date-line"), ["Thứ năm, 20/06/2024 - 08:00"]);
}

#[test]
fn article_page_has_the_seed_anatomy() {
    let (_t, out) = build(BASIC);
    let doc = page(&out, "tin-tuc/bai-mot-ngay-chu-nhat/index.html");
    assert_eq!(texts(&doc, "h1.article-title"), ["Bài một: ngày Chủ nhật"]);
    assert_eq!(texts(&doc, ".sapo"), ["Sapo bài một."]);
    assert_eq!(
        texts(&doc, ".lead-image figcaption"),
        ["Chú thích ảnh bài một."]
    );
    assert_eq!(attrs(&doc, ".lead-image img", "src"), ["/images/anh.svg"]);
    assert_eq!(texts(&doc, ".author"), ["A.B"]);
    assert_eq!(texts(&doc, ".breadcrumb a"), ["Tin tức"]);
    assert_eq!(texts(&doc, ".tags a"), ["Chuyển đổi số", "Phong Thổ"]);
    // Related: shares the tag "Phong Thổ", then the category; newest first.
    assert_eq!(
        texts(&doc, ".related .teaser-title"),
        ["Bài hai: gần nửa đêm", "Bài ba"]
    );
    assert_eq!(texts(&doc, ".related .teaser-summary")[0], "Sapo bài hai.");
    assert_eq!(attrs(&doc, "html", "lang"), ["vi"]);
}

#[test]
fn comment_section_is_closed_and_no_page_has_a_form_or_script() {
    let (_t, out) = build(BASIC);
    let doc = page(&out, "tin-tuc/bai-mot-ngay-chu-nhat/index.html");
    assert_eq!(texts(&doc, ".comments h2"), ["Bình luận"]);
    let notice = texts(&doc, ".comments .comments-notice").join(" ");
    assert!(notice.contains("bình luận đã đóng"), "{notice}");
    for (path, bytes) in all_files(&out) {
        if !path.ends_with(".html") {
            continue;
        }
        let doc = Html::parse_document(&String::from_utf8(bytes).unwrap());
        // The search page has the one form and script chiso writes: a
        // search box, and the theme's search.js (tests/search.rs).
        let search_page = path.ends_with("tim-kiem/index.html");
        // Every page's header has a search box: a GET form to the search
        // page, which sends nothing anywhere else.
        let header = "header form[role=search][method=get][action='/tim-kiem/']";
        let header_form = Selector::parse(header).unwrap();
        assert_eq!(
            doc.select(&header_form).count(),
            1,
            "header search in {path}"
        );
        for tag in ["form", "textarea", "iframe", "input"] {
            let sel = Selector::parse(&format!("{tag}:not({header}):not({header} *)")).unwrap();
            let allowed = usize::from(search_page && matches!(tag, "form" | "input"));
            assert_eq!(doc.select(&sel).count(), allowed, "<{tag}> in {path}");
        }
        // The only other scripts are JSON-LD data blocks, which browsers never run.
        let search_js = Selector::parse("script[src*='/assets/search.js?v=']").unwrap();
        assert_eq!(
            doc.select(&search_js).count(),
            usize::from(search_page),
            "{path}"
        );
        let scripts = Selector::parse("script:not([src*='/assets/search.js?v='])").unwrap();
        for s in doc.select(&scripts) {
            assert_eq!(
                s.value().attr("type"),
                Some("application/ld+json"),
                "<script> in {path}"
            );
        }
        // No third-party request: every src/href to another host is a plain link.
        for src in attrs(&doc, "[src]", "src") {
            assert!(!src.contains("://"), "external resource {src} in {path}");
        }
        for href in attrs(&doc, "link[href]", "href") {
            assert!(
                !href.contains("://thu.example.vn") || href.contains("thu.example.vn"),
                "{href}"
            );
            assert!(
                href.starts_with('/') || href.starts_with("https://thu.example.vn/"),
                "stylesheet or link {href} in {path}"
            );
        }
    }
}

#[test]
fn pagination_boundaries() {
    // 5 published articles (one draft), 2 per page: pages 1, 2, 3.
    let (_t, out) = build(BASIC);
    let p1 = page(&out, "index.html");
    let p2 = page(&out, "trang/2/index.html");
    let p3 = page(&out, "trang/3/index.html");
    assert!(!out.join("trang/4/index.html").exists());
    assert!(!out.join("trang/1/index.html").exists());
    // Page 1 is the front page: its featured and secondary stories.
    let front = texts(&p1, ".featured .lead-title, .featured .teaser-title");
    assert_eq!(front.len(), 5, "{front:?}");
    assert_eq!(texts(&p2, ".list .teaser-title").len(), 2);
    assert_eq!(texts(&p3, ".list .teaser-title"), ["Bài năm"]);
    assert!(attrs(&p1, ".pagination a[rel=prev]", "href").is_empty());
    assert_eq!(attrs(&p1, ".pagination a[rel=next]", "href"), ["/trang/2/"]);
    assert_eq!(attrs(&p3, ".pagination a[rel=prev]", "href"), ["/trang/2/"]);
    assert!(attrs(&p3, ".pagination a[rel=next]", "href").is_empty());
    assert_eq!(texts(&p2, ".pagination [aria-current=page]"), ["2"]);
    // Newest first across pages; the draft is absent.
    let all: Vec<String> = front[..2]
        .iter()
        .cloned()
        .chain(
            [&p2, &p3]
                .iter()
                .flat_map(|d| texts(d, ".list .teaser-title")),
        )
        .collect();
    assert_eq!(
        all,
        [
            "Bài một: ngày Chủ nhật",
            "Bài hai: gần nửa đêm",
            "Bài ba",
            "Bài bốn",
            "Bài năm"
        ]
    );
    // A category with exactly per-page articles has one page and no links.
    let kt = page(&out, "kinh-te/index.html");
    assert_eq!(texts(&kt, ".list .teaser-title"), ["Bài bốn", "Bài năm"]);
    assert!(texts(&kt, ".pagination").is_empty());
    assert!(!out.join("kinh-te/trang/2/index.html").exists());
}

#[test]
fn drafts_appear_only_with_the_drafts_flag() {
    let (_t, out) = build(BASIC);
    assert!(!out.join("kinh-te/ban-nhap/index.html").exists());
    let tmp = tempfile::tempdir().unwrap();
    let out2 = tmp.path().join("o");
    let o = chiso(&[
        "build",
        "--drafts",
        "--root",
        BASIC,
        "--output",
        out2.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(
        texts(&page(&out2, "kinh-te/ban-nhap/index.html"), "h1"),
        ["Bản nháp"]
    );
}

#[test]
fn theme_override_of_one_template_keeps_the_others() {
    let (_t, out, o) = build_variant(
        "themes/default/templates/partials/teaser.html",
        "<p class=\"my-teaser\"><a href=\"{{ t.url }}\">{{ t.title | upper }}</a></p>\n",
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let home = page(&out, "index.html");
    // The front page's secondary stories use the partial.
    let mine = texts(&home, ".my-teaser");
    assert_eq!(
        mine.first().map(String::as_str),
        Some("BÀI HAI: GẦN NỬA ĐÊM"),
        "{mine:?}"
    );
    assert!(texts(&home, "article.teaser").is_empty());
    // The article template is still the embedded default.
    let art = page(&out, "tin-tuc/bai-ba/index.html");
    assert_eq!(texts(&art, ".comments h2"), ["Bình luận"]);
}

/// Copy the basic fixture, add or replace one file, build it.
fn build_variant(rel: &str, text: &str) -> (tempfile::TempDir, PathBuf, std::process::Output) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    copy_dir(Path::new(BASIC), &root);
    let file = root.join(rel);
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(file, text).unwrap();
    let out = tmp.path().join("out");
    let o = chiso(&[
        "build",
        "--root",
        root.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
    ]);
    (tmp, out, o)
}

fn copy_dir(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from) {
        let e = e.unwrap();
        let rel = e.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
}

#[test]
fn two_builds_are_byte_identical() {
    let (_a, out_a) = build(BASIC);
    let (_b, out_b) = build(BASIC);
    let (a, b) = (all_files(&out_a), all_files(&out_b));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (k, v) in &a {
        assert!(v == &b[k], "{k} differs between two builds");
    }
}

#[test]
fn vietnamese_titles_give_ascii_urls() {
    let (_t, out, o) = build_variant(
        "content/articles/tin-tuc/nguyen-am.md",
        "---\ntitle: \"Đường ĂÂÊÔƠƯ àáảãạ ằắẳẵặ ầấẩẫậ èéẻẽẹ ềếểễệ ìíỉĩị òóỏõọ ồốổỗộ ờớởỡợ ùúủũụ ừứửữự ỳýỷỹỵ đĐ\"\ndate: 2024-01-01\ncategory: \"Tin tức\"\nsummary: \"x\"\n---\nx\n",
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let expected = "tin-tuc/duong-aaeoou-aaaaa-aaaaa-aaaaa-eeeee-eeeee-iiiii-ooooo-ooooo-ooooo-uuuuu-uuuuu-yyyyy-dd/index.html";
    assert!(out.join(expected).is_file(), "missing {expected}");
}

#[test]
fn report_pages_show_data_from_the_dataset() {
    let (_t, out) = build(BASIC);
    let ds = page(&out, "chi-so/thu/index.html");
    assert!(texts(&ds, "h1")[0].contains("Chỉ số thử"));
    assert!(
        texts(&ds, ".illustrative")
            .iter()
            .any(|t| t == "Số liệu minh họa")
    );
    assert_eq!(texts(&ds, ".commentary strong"), ["chỉ số thử"]);
    // The full table shows the null total as text, never 0.
    let cells = texts(&ds, ".data-table tbody tr th, .data-table tbody tr td");
    let at = cells.iter().position(|c| c == "Phong Thổ").unwrap();
    assert_eq!(
        cells[at..at + 4],
        [
            "Phong Thổ",
            "58,20 (4/4)",
            "không có số liệu",
            "72,10 (2/4)"
        ]
    );
    // Derived competition ranks 1, 1, 3, 4 in 2018 (a tie at 70).
    let y = page(&out, "chi-so/thu/2018/index.html");
    let ranks: Vec<String> = texts(&y, ".data-table tbody tr td:nth-child(2)");
    assert_eq!(ranks, ["1/4", "1/4", "3/4", "4/4"]);
    // Unit page: trend chart, the unit's rows, and articles tagged with it.
    let u = page(&out, "chi-so/thu/phong-tho/index.html");
    assert_eq!(texts(&u, "figure.chart-trend svg[role=img] title").len(), 1);
    assert_eq!(
        texts(&u, ".related .teaser-title"),
        ["Bài một: ngày Chủ nhật", "Bài hai: gần nửa đêm"]
    );
    // Standalone chart files parse as XML with title and desc.
    for name in [
        "xep-hang-2022.svg",
        "xu-huong-phong-tho.svg",
        "thay-doi-2020-2022.svg",
    ] {
        let svg = std::fs::read_to_string(out.join("chi-so/thu/bieu-do").join(name)).unwrap();
        let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{name}: {e}"));
        let root = doc.root_element();
        assert_eq!(root.attribute("role"), Some("img"));
        assert!(root.attribute("viewBox").is_some());
        assert!(root.children().any(|c| c.has_tag_name("title")));
        assert!(root.children().any(|c| c.has_tag_name("desc")));
    }
}

#[test]
fn shortcodes_take_numbers_from_the_data_and_skip_code() {
    let (_t, out) = build(BASIC);
    let doc = page(&out, "tin-tuc/bai-mot-ngay-chu-nhat/index.html");
    let body = texts(&doc, ".article-body p").join(" | ");
    assert!(body.contains("Giá trị: 72,10, hạng 2/4."), "{body}");
    // The chart is a figure (not inside a <p>) with an accessible SVG.
    assert_eq!(texts(&doc, ".article-body > figure.chart-trend").len(), 1);
    let desc = texts(&doc, "figure.chart-trend svg desc").join(" ");
    assert!(desc.contains("72,10"), "{desc}");
    assert!(desc.contains("không có số liệu"), "{desc}");
    // Code blocks and code spans keep their text.
    assert_eq!(
        texts(&doc, ".article-body pre code"),
        ["{{ chart(data=\"khong-co\", kind=\"trend\") }}"]
    );
    assert_eq!(
        texts(&doc, ".article-body p code"),
        ["{{ value(data=\"khong-co\") }}"]
    );
}

#[test]
fn unknown_dataset_in_a_shortcode_is_an_error_at_its_line() {
    let (_t, out, o) = build_variant(
        "content/articles/tin-tuc/sai.md",
        "---\ntitle: \"Sai\"\ndate: 2024-01-01\nsummary: \"x\"\n---\nDòng một.\n\n{{ chart(data=\"khong-co\", kind=\"trend\", unit=\"a\") }}\n\n{{ value(data=\"thu\", unit=\"phong-tho\", year=1999) }}\n",
    );
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("content/articles/tin-tuc/sai.md:8:1"), "{err}");
    assert!(err.contains("no dataset `khong-co`"), "{err}");
    assert!(
        err.contains("content/articles/tin-tuc/sai.md:10:1"),
        "{err}"
    );
    assert!(err.contains("no year 1999"), "{err}");
    assert!(!out.exists());
}

#[test]
fn sample_site_phong_tho_article_takes_its_numbers_from_the_data() {
    let (_t, out) = build(".");
    let dir = std::fs::read_dir(out.join("cai-cach-hanh-chinh"))
        .unwrap()
        .filter_map(|e| e.ok())
        .find(|e| e.file_name().to_string_lossy().starts_with("phong-tho"))
        .expect("the Phong Thổ article");
    let doc = page(
        &out,
        &format!(
            "cai-cach-hanh-chinh/{}/index.html",
            dir.file_name().to_string_lossy()
        ),
    );
    assert_eq!(texts(&doc, ".date-line"), ["Thứ hai, 20/05/2024 - 13:50"]);
    assert_eq!(texts(&doc, ".author"), ["C.T"]);
    assert_eq!(texts(&doc, ".lead-image figcaption").len(), 1);
    let body = texts(&doc, ".article-body").join(" ");
    for needle in ["72,10 điểm", "2/8", "tăng 6 bậc"] {
        assert!(body.contains(needle), "{needle} missing in {body}");
    }
    assert_eq!(texts(&doc, "figure.chart-trend").len(), 1);
    assert_eq!(texts(&doc, ".comments h2"), ["Bình luận"]);
}

#[test]
fn base_url_with_a_path_prefixes_every_internal_link() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let o = chiso(&[
        "build",
        "--root",
        BASIC,
        "--output",
        out.to_str().unwrap(),
        "--base-url",
        "https://xem-truoc.example.vn/huyen/",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let doc = page(&out, "tin-tuc/bai-mot-ngay-chu-nhat/index.html");
    // Markdown links, theme links, images and stylesheets all carry /huyen.
    assert!(
        attrs(&doc, ".article-body a", "href")
            .contains(&"/huyen/tin-tuc/bai-hai-gan-nua-dem/".to_string())
    );
    assert_eq!(
        attrs(&doc, ".lead-image img", "src"),
        ["/huyen/images/anh.svg"]
    );
    for href in attrs(&doc, "a[href^='/'], link[href^='/']", "href") {
        assert!(href.starts_with("/huyen/"), "{href} lacks the base path");
    }
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    assert!(sitemap.contains("<loc>https://xem-truoc.example.vn/huyen/tin-tuc/bai-ba/</loc>"));
}

#[test]
fn a_dataset_typed_in_another_style_builds_with_its_numbers() {
    // Block style, bare numeric unit keys, 4 decimals, a year with its own
    // fields, derived and published ranks, a null field and a null total.
    let (_t, out) = build("tests/fixtures/sites/foreign-data");
    let ds = page(&out, "chi-so/sipas-lai-chau/index.html");
    let commentary = texts(&ds, ".commentary p").join(" ");
    assert!(
        commentary.contains("Lai Châu năm 2023: 84,0001%, hạng 20/63."),
        "{commentary}"
    );
    let cells = texts(&ds, ".data-table tbody th, .data-table tbody td");
    let at = cells.iter().position(|c| c == "Lai Châu").unwrap();
    // 2021 ranks are derived (Điện Biên first); 2023 ranks are published.
    assert_eq!(
        cells[at..at + 3],
        ["Lai Châu", "80,1234 (2/3)", "84,0001 (20/63)"]
    );
    let at = cells.iter().position(|c| c == "Hà Giang").unwrap();
    assert_eq!(
        cells[at..at + 3],
        ["Hà Giang", "79,9999 (3/3)", "không có số liệu"]
    );
    // The ranking says 20/63 (out_of), though only 3 provinces are listed.
    let desc = texts(&ds, "figure.chart-ranking svg desc").join(" ");
    assert!(desc.contains("hạng 20/63"), "{desc}");
    // The 2023 field chart uses that year's own field set.
    let rows = texts(&ds, "figure.chart-fields table tbody tr th");
    assert_eq!(rows, ["Tiếp cận dịch vụ", "Dịch vụ số"]);
    let year = page(&out, "chi-so/sipas-lai-chau/2021/index.html");
    let head = texts(&year, ".data-table thead th").join(" | ");
    assert!(head.contains("Thủ tục hành chính"), "{head}");
    let lc = texts(&year, ".data-table tbody tr")
        .into_iter()
        .find(|r| r.starts_with("Lai Châu"))
        .unwrap();
    assert!(
        lc.contains("không có số liệu"),
        "null field shown as a gap: {lc}"
    );
}

#[test]
fn new_site_skeleton_builds_and_refuses_a_non_empty_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("trang-moi");
    let o = chiso(&["new", root.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let (_t, out) = build(root.to_str().unwrap());
    let doc = page(&out, "index.html");
    assert_eq!(texts(&doc, ".teaser-title"), ["Bài viết đầu tiên"]);
    assert_eq!(
        texts(&page(&out, "gioi-thieu/index.html"), "h1"),
        ["Giới thiệu"]
    );
    let again = chiso(&["new", root.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(2));
}

#[cfg(unix)] // inode numbers
#[test]
fn static_files_are_copied_unless_site_yaml_asks_for_links() {
    use std::os::unix::fs::MetadataExt;
    let src = Path::new(BASIC).join("content/static/images/anh.svg");
    let (_t, out) = build(BASIC);
    let copied = out.join("images/anh.svg");
    assert_eq!(
        std::fs::read(&copied).unwrap(),
        std::fs::read(&src).unwrap()
    );
    assert_ne!(
        std::fs::metadata(&copied).unwrap().ino(),
        std::fs::metadata(&src).unwrap().ino(),
        "copied by default: editing the output never edits the sources"
    );

    let site = std::fs::read_to_string(Path::new(BASIC).join("content/site.yaml")).unwrap();
    let (t, out, o) = build_variant("content/site.yaml", &format!("{site}static_files: link\n"));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let linked = out.join("images/anh.svg");
    let source = t.path().join("site/content/static/images/anh.svg");
    assert_eq!(
        std::fs::metadata(&linked).unwrap().ino(),
        std::fs::metadata(&source).unwrap().ino(),
        "hard-linked with static_files: link"
    );
}
