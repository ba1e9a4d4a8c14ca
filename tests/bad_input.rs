//! Bad-input suite (issue 4): every broken site gets a clear diagnostic with
//! file:line and a stable code, the right exit code, and a previous output
//! left byte-for-byte untouched. Each case starts from a good site that was
//! already built, then breaks it: fixture overlays live in
//! `tests/fixtures/bad/<case>/`; huge, binary and link cases are generated.

mod common;

use common::{
    Out, Site, assert_no_active_content, assert_same_tree, broken, broken_with, builds, sel,
    snapshot,
};

const ART: &str = "content/articles/tin/mot.md";
const ART2: &str = "content/articles/tin/hai.md";
const SITE: &str = "content/site.yaml";

fn text_of(doc: &scraper::Html, css: &str) -> String {
    doc.select(&sel(css))
        .next()
        .unwrap_or_else(|| panic!("no {css}"))
        .text()
        .collect::<String>()
        .trim()
        .to_string()
}

// ---------------------------------------------------------------- front matter

#[test]
fn unterminated_front_matter_is_e0101() {
    broken("unterminated-front-matter").assert_error("E0101", &format!("{ART}:1"));
}

#[test]
fn missing_front_matter_is_e0101() {
    broken("missing-front-matter").assert_error("E0101", &format!("{ART}:1"));
}

#[test]
fn empty_article_file_is_e0101() {
    broken("empty-article").assert_error("E0101", &format!("{ART}:1"));
}

#[test]
fn yaml_syntax_error_names_its_line() {
    broken("yaml-syntax-error").assert_error("E0003", &format!("{ART}:5"));
}

#[test]
fn wrong_type_tags_number_is_e0003_at_its_line() {
    broken("wrong-type-tags").assert_error("E0003", &format!("{ART}:5"));
}

#[test]
fn wrong_type_title_list_is_e0003_at_its_line() {
    broken("wrong-type-title").assert_error("E0003", &format!("{ART}:4"));
}

#[test]
fn unknown_front_matter_key_is_e0003_and_named() {
    let out = broken("unknown-front-matter-key");
    out.assert_error("E0003", &format!("{ART}:5"));
    assert!(out.stderr.contains("tac_gia"), "{}", out.stderr);
}

#[test]
fn duplicate_front_matter_key_is_e0003_at_the_repeat() {
    let out = broken("duplicate-front-matter-key");
    out.assert_error("E0003", &format!("{ART}:5"));
    assert!(out.stderr.contains("duplicate"), "{}", out.stderr);
}

#[test]
fn bad_date_is_e0102_at_its_line() {
    broken("bad-date").assert_error("E0102", &format!("{ART}:4"));
}

#[test]
fn traversal_slug_is_e0103_and_nothing_escapes() {
    let (site, out) = broken_with(|s| s.apply("traversal-slug"), &[], 1);
    out.assert_error("E0103", &format!("{ART}:5"));
    // Nothing was written next to or above the site.
    assert!(!site.path("etc").exists());
}

#[test]
fn comments_open_in_front_matter_is_e0105() {
    broken("comments-open-front-matter").assert_error("E0105", &format!("{ART}:5"));
}

#[test]
fn invalid_utf8_is_e0002_at_line_and_column() {
    let (_, out) = broken_with(
        |s| {
            let mut b = b"---\ntitle: \"\xc4\x90\xc6\xb0\xe1\xbb\x9dng\"\ndate: 2024-05-20T13:50:00+07:00\nsummary: \"L\xe1\xbb\xa3i ".to_vec();
            b.extend_from_slice(b"\xff\xfe\"\n---\nx\n");
            s.write(ART, b);
        },
        &[],
        1,
    );
    // `summary: "Lợi ` is 14 characters: the bad byte is in column 15.
    out.assert_error("E0002", &format!("{ART}:4:15"));
}

#[test]
fn article_of_100_mb_is_e0004_without_reading_it() {
    let (_, out) = broken_with(
        |s| {
            // Sparse: 100 MB on paper, no disk or memory used.
            let f = std::fs::File::create(s.path(ART)).unwrap();
            f.set_len(100 * 1024 * 1024).unwrap();
        },
        &[],
        1,
    );
    out.assert_error("E0004", ART);
    assert!(out.stderr.contains("100 MB"), "{}", out.stderr);
}

/// Nine anchors of nine aliases each: 9^9 nodes if expanded.
fn alias_bomb(indent: &str) -> String {
    let mut s = format!(
        "{indent}a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
    );
    for i in 1..10 {
        let refs = vec![format!("*a{}", i - 1); 9].join(",");
        s.push_str(&format!("{indent}a{i}: &a{i} [{refs}]\n"));
    }
    s
}

#[test]
fn yaml_alias_bomb_in_front_matter_is_e0003() {
    // `comments` takes any YAML value, so the bomb is really expanded.
    let (_, out) = broken_with(
        |s| {
            s.write(
                ART,
                format!(
                    "---\ntitle: \"Bom\"\ndate: 2024-05-20T13:50:00+07:00\ncomments:\n{}---\nx\n",
                    alias_bomb("  ")
                ),
            )
        },
        &[],
        1,
    );
    out.assert_error("E0003", ART);
    let (_, _, loc) = &out.diags()[0];
    assert!(loc.starts_with(&format!("{ART}:")), "{loc}");
}

#[test]
fn yaml_alias_bomb_in_site_yaml_is_e0003() {
    let (_, out) = broken_with(
        |s| {
            s.write(
                SITE,
                format!(
                    "title: \"Bom\"\nbase_url: \"https://thu.example.gov.vn/\"\nmenu:\n{}",
                    alias_bomb("  - ")
                        .lines()
                        .map(|l| format!("{l}\n"))
                        .collect::<String>()
                ),
            )
        },
        &[],
        1,
    );
    out.assert_error("E0003", &format!("{SITE}:4"));
}

#[test]
fn deep_nesting_in_front_matter_is_e0003() {
    let (_, out) = broken_with(
        |s| {
            let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
            s.write(
                ART,
                format!("---\ntitle: \"Sâu\"\ndate: 2024-05-20T13:50:00+07:00\ncomments: {deep}\n---\nx\n"),
            )
        },
        &[],
        1,
    );
    out.assert_error("E0003", &format!("{ART}:4"));
    assert!(out.stderr.contains("nest"), "{}", out.stderr);
}

#[test]
fn three_broken_articles_are_all_reported_in_one_run() {
    let out = broken("three-broken-articles");
    out.assert_error("E0003", &format!("{ART}:5"));
    out.assert_error("E0102", &format!("{ART2}:4"));
    out.assert_error("E0501", "content/articles/tin/ba.md:8");
    assert!(out.stderr.contains("3 error(s)"), "{}", out.stderr);
}

// ---------------------------------------------------------------- site.yaml

#[test]
fn unknown_site_yaml_key_is_e0003() {
    let out = broken("unknown-site-key");
    out.assert_error("E0003", &format!("{SITE}:4"));
    assert!(out.stderr.contains("so_bai_moi_trang"), "{}", out.stderr);
}

#[test]
fn duplicate_site_yaml_key_is_e0003() {
    broken("duplicate-site-key").assert_error("E0003", &format!("{SITE}:4"));
}

#[test]
fn empty_site_yaml_is_a_clear_error() {
    let out = broken("empty-site-yaml");
    out.assert_error("E0003", SITE);
    assert!(out.stderr.contains("empty"), "{}", out.stderr);
}

#[test]
fn bad_base_url_is_e0107() {
    broken("bad-base-url").assert_error("E0107", &format!("{SITE}:3"));
}

#[test]
fn comments_open_in_site_yaml_is_e0105() {
    broken("comments-open-site-yaml").assert_error("E0105", &format!("{SITE}:4"));
}

#[test]
fn javascript_url_in_menu_is_refused() {
    let (_, out) = broken_with(
        |s| {
            s.write(
                SITE,
                "title: \"T\"\nbase_url: \"https://thu.example.gov.vn/\"\nmenu:\n  - { name: \"Bấm\", url: \"javascript:alert(1)\" }\n",
            )
        },
        &[],
        1,
    );
    out.assert_error("E0108", &format!("{SITE}:4"));
}

// ---------------------------------------------------------------- URLs

#[test]
fn duplicate_url_names_both_files() {
    let out = broken("duplicate-url");
    // mot.md has no `slug:`: its slug comes from the title on line 2.
    out.assert_error("E0104", &format!("{ART}:2"));
    assert!(
        out.stderr.contains("content/articles/tin/ba.md:6"),
        "{}",
        out.stderr
    );
}

#[test]
fn category_slug_clashing_with_page_slug_is_e0104() {
    let out = broken("category-clashes-with-page");
    out.assert_error("E0104", "content/pages/kinh-te.md:4");
    assert!(out.stderr.contains(ART), "{}", out.stderr);
}

// ---------------------------------------------------------------- templates

#[test]
fn unknown_template_in_front_matter_is_e0202_at_its_line() {
    broken("unknown-template").assert_error("E0202", &format!("{ART}:5"));
}

#[test]
fn template_with_undefined_variable_is_e0201_at_template_line() {
    let out = broken("template-undefined-variable");
    out.assert_error("E0201", "themes/default/templates/page.html:4");
    assert!(out.stderr.contains("bien_khong_co"), "{}", out.stderr);
    // The page that failed to render is not also reported as a broken link.
    assert_eq!(out.diags().len(), 1, "{}", out.stderr);
}

#[test]
fn template_syntax_error_is_e0201_at_template_line() {
    broken("template-syntax-error").assert_error("E0201", "themes/default/templates/page.html:3");
}

// ---------------------------------------------------------------- links

#[test]
fn broken_internal_link_is_e0501_at_markdown_line() {
    broken("broken-internal-link").assert_error("E0501", &format!("{ART}:8"));
}

#[test]
fn broken_anchor_is_e0501_at_markdown_line() {
    broken("broken-anchor").assert_error("E0501", &format!("{ART}:10"));
}

#[test]
fn missing_image_is_e0501_at_image_line() {
    broken("missing-image").assert_error("E0501", &format!("{ART}:5"));
}

#[test]
fn javascript_image_in_front_matter_is_refused() {
    let (_, out) = broken_with(
        |s| {
            s.write(
                ART,
                "---\ntitle: \"Ảnh\"\ndate: 2024-05-20T13:50:00+07:00\nimage: \"javascript:alert(1)\"\n---\nx\n",
            )
        },
        &[],
        1,
    );
    out.assert_error("E0108", &format!("{ART}:4"));
}

#[test]
fn javascript_link_is_dropped_with_w0103() {
    let (site, out) = builds(|s| s.apply("javascript-link"));
    out.assert_diag("warning", "W0103", &format!("{ART}:8"));
    assert_no_active_content(&site.path("output"));
    let doc = site.html("output/tin-tuc/duong-le-loi-duoc-nang-cap/index.html");
    let body = text_of(&doc, ".article-body");
    assert!(body.contains("Bấm vào đây để xem."), "{body}");
}

#[test]
fn javascript_link_fails_with_deny_warnings() {
    let (_, out) = broken_with(|s| s.apply("javascript-link"), &["--deny-warnings"], 1);
    out.assert_error("W0103", &format!("{ART}:8"));
}

// ---------------------------------------------------------------- symlinks

#[cfg(unix)]
#[test]
fn symlink_out_of_the_root_is_e0005() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("bi-mat.md"),
        "---\ntitle: \"Bí mật\"\ndate: 2024-05-20T13:50:00+07:00\n---\nx\n",
    )
    .unwrap();
    let target = outside.path().join("bi-mat.md");
    let (_, out) = broken_with(
        |s| std::os::unix::fs::symlink(&target, s.path("content/articles/tin/ngoai.md")).unwrap(),
        &[],
        1,
    );
    out.assert_error("E0005", "content/articles/tin/ngoai.md");
}

#[cfg(unix)]
#[test]
fn symlink_loop_is_e0005() {
    let (_, out) = broken_with(
        |s| {
            std::os::unix::fs::symlink("vong-b.md", s.path("content/articles/tin/vong-a.md"))
                .unwrap();
            std::os::unix::fs::symlink("vong-a.md", s.path("content/articles/tin/vong-b.md"))
                .unwrap();
        },
        &[],
        1,
    );
    out.assert_error("E0005", "content/articles/tin/vong-a.md");
    out.assert_error("E0005", "content/articles/tin/vong-b.md");
}

#[cfg(unix)]
#[test]
fn symlinked_folder_loop_is_not_walked() {
    // A link back to its parent folder must not hang or multiply articles.
    let (site, _) =
        builds(|s| std::os::unix::fs::symlink("..", s.path("content/articles/tin/vong")).unwrap());
    assert!(site.path("output/index.html").is_file());
}

// ---------------------------------------------------------------- output folder

/// Refused output folder: exit 2, E0601, nothing deleted or written.
#[track_caller]
fn refused_output(site: &Site, output: &str) -> Out {
    let watched = [site.root().to_path_buf()];
    let before: Vec<_> = watched.iter().map(|p| snapshot(p)).collect();
    for cmd in ["check", "build"] {
        let out = site.run(&[cmd, "--output", output]);
        out.assert_code(2);
        assert!(
            out.diags().iter().any(|(_, c, _)| c == "E0601"),
            "{}",
            out.stderr
        );
    }
    let after: Vec<_> = watched.iter().map(|p| snapshot(p)).collect();
    for (b, a) in before.iter().zip(&after) {
        assert_same_tree(b, a);
    }
    site.run(&["build", "--output", output])
}

#[test]
fn output_slash_is_refused() {
    let site = Site::good_built();
    refused_output(&site, "/");
    assert!(std::path::Path::new("/etc").is_dir());
}

#[test]
fn output_equal_to_root_is_refused() {
    let site = Site::good_built();
    let root = site.root().to_string_lossy().into_owned();
    refused_output(&site, &root);
    refused_output(&site, ".");
}

#[test]
fn output_inside_content_is_refused() {
    let site = Site::good_built();
    refused_output(&site, "content/x");
    refused_output(&site, "content");
    assert!(!site.path("content/x").exists());
}

#[test]
fn output_folder_with_foreign_files_is_refused() {
    let site = Site::good_built();
    site.write("luu-tru/luan-van.doc", "không được xoá");
    refused_output(&site, "luu-tru");
    assert_eq!(site.read("luu-tru/luan-van.doc"), "không được xoá");
}

#[test]
fn missing_content_folder_is_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    for cmd in ["check", "build"] {
        let out = std::process::Command::new(common::BIN)
            .args([cmd, "--root"])
            .arg(dir.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("content/"));
    }
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn check_writes_nothing() {
    let site = Site::fixture("good");
    let before = snapshot(site.root());
    let parent_before: Vec<_> = std::fs::read_dir(site.root().parent().unwrap())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name())
        .filter(|n| n.to_string_lossy().contains(".chiso-"))
        .collect();
    site.run(&["check"]).assert_code(0);
    assert!(!site.path("output").exists());
    assert_same_tree(&before, &snapshot(site.root()));
    let parent_after: Vec<_> = std::fs::read_dir(site.root().parent().unwrap())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name())
        .filter(|n| n.to_string_lossy().contains(".chiso-"))
        .collect();
    assert_eq!(parent_before, parent_after);
    // And on a broken site: exit 1, still nothing written.
    site.apply("bad-date");
    site.run(&["check"]).assert_code(1);
    assert!(!site.path("output").exists());
}

// ---------------------------------------------------------------- formats

#[test]
fn json_format_is_one_object_per_diagnostic() {
    let site = Site::good_built();
    site.apply("three-broken-articles");
    for cmd in ["check", "build"] {
        let out = site.run(&[cmd, "--format", "json"]);
        out.assert_code(1);
        let objs: Vec<serde_json::Value> = out
            .stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
            .collect();
        assert_eq!(objs.len(), 3, "{}", out.stdout);
        for o in &objs {
            for k in [
                "severity", "file", "line", "column", "code", "message", "hint",
            ] {
                assert!(o.get(k).is_some(), "{k} missing in {o}");
            }
            assert_eq!(o["severity"], "error");
        }
        let hai = objs
            .iter()
            .find(|o| o["file"] == ART2)
            .expect("hai.md reported");
        assert_eq!(hai["line"], 4);
        assert_eq!(hai["column"], 7);
        assert_eq!(hai["code"], "E0102");
        assert!(hai["hint"].as_str().is_some_and(|h| !h.is_empty()));
    }
}

#[test]
fn github_format_gives_error_annotations() {
    let site = Site::good_built();
    site.apply("three-broken-articles");
    for cmd in ["check", "build"] {
        let out = site.run(&[cmd, "--format", "github"]);
        out.assert_code(1);
        let lines: Vec<&str> = out.stdout.lines().collect();
        assert_eq!(lines.len(), 3, "{}", out.stdout);
        assert!(lines.iter().all(|l| l.starts_with("::error file=")));
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with(&format!("::error file={ART2},line=4,"))
                    && l.contains("E0102")),
            "{}",
            out.stdout
        );
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("::error file=content/articles/tin/ba.md,line=8,")),
            "{}",
            out.stdout
        );
    }
}

// ---------------------------------------------------------------- inputs that must work

#[test]
fn utf8_bom_builds_and_renders() {
    let (site, _) = builds(|s| {
        let text = s.read(ART);
        s.write(ART, format!("\u{feff}{text}"));
        let cfg = s.read(SITE);
        s.write(SITE, format!("\u{feff}{cfg}"));
    });
    let doc = site.html("output/kinh-te/duong-le-loi-duoc-nang-cap/index.html");
    assert_eq!(text_of(&doc, "h1"), "Đường Lê Lợi được nâng cấp");
    assert_eq!(
        text_of(&doc, "title"),
        "Đường Lê Lợi được nâng cấp – Cổng thông tin huyện Thử Nghiệm"
    );
    assert!(!site.read("output/index.html").contains('\u{feff}'));
}

#[test]
fn crlf_line_endings_build_and_render() {
    let (site, _) = builds(|s| {
        for f in [ART, ART2, SITE, "content/pages/gioi-thieu.md"] {
            let text = s.read(f);
            s.write(f, text.replace('\n', "\r\n"));
        }
    });
    let doc = site.html("output/kinh-te/duong-le-loi-duoc-nang-cap/index.html");
    assert_eq!(text_of(&doc, "h1"), "Đường Lê Lợi được nâng cấp");
    assert_eq!(
        text_of(&doc, ".sapo"),
        "Tuyến đường chính của thị trấn được trải nhựa lại."
    );
    assert_eq!(text_of(&doc, ".article-body h2"), "Kết quả");
    let tags: Vec<String> = doc
        .select(&sel(".tags a"))
        .map(|a| a.text().collect())
        .collect();
    assert_eq!(tags, ["Giao thông", "Phong Thổ"]);
    assert!(
        !site
            .read("output/kinh-te/duong-le-loi-duoc-nang-cap/index.html")
            .contains('\r')
    );
}

#[test]
fn crlf_errors_keep_their_line_numbers() {
    let (_, out) = broken_with(
        |s| {
            let text =
                std::fs::read_to_string(common::fixtures().join("bad/bad-date").join(ART)).unwrap();
            s.write(ART, text.replace('\n', "\r\n"));
        },
        &[],
        1,
    );
    out.assert_error("E0102", &format!("{ART}:4"));
}

#[test]
fn script_in_title_is_text_not_a_script() {
    let (site, _) = builds(|s| s.apply("xss-title"));
    assert_no_active_content(&site.path("output"));
    let url = "output/tin-tuc/script-alert-1-script-duong-script-alert-2-script/index.html";
    let doc = site.html(url);
    assert_eq!(
        text_of(&doc, "h1"),
        "<script>alert(1)</script> Đường <script>alert(2)</script>"
    );
    let rss = site.read("output/rss.xml");
    assert!(!rss.contains("<script"), "{rss}");
    assert!(rss.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

#[test]
fn html_in_caption_summary_tag_and_category_is_escaped() {
    let (site, _) = builds(|s| s.apply("html-in-strings"));
    assert_no_active_content(&site.path("output"));
    let doc = site.html("output/kinh-b-te-b/duong-le-loi-duoc-nang-cap/index.html");
    assert_eq!(
        text_of(&doc, "figcaption"),
        "Ảnh <script>alert(3)</script> đường"
    );
    assert_eq!(
        text_of(&doc, ".sapo"),
        "Tuyến <img src=x onerror=alert(1)> đường"
    );
    assert_eq!(text_of(&doc, ".author"), "<i>T.V</i>");
    assert_eq!(text_of(&doc, ".breadcrumb a"), "Kinh <b>tế</b>");
    assert_eq!(text_of(&doc, ".tags a"), "<em>Giao thông</em>");
    for tag in ["img.x", "i", "b", "em", "figcaption script"] {
        let n = doc
            .select(&sel(&format!(".article {tag}")))
            .filter(|e| e.value().attr("src") != Some("/images/duong.svg"))
            .count();
        assert_eq!(n, 0, "an injected <{tag}> element");
    }
}

#[test]
fn raw_html_in_markdown_is_escaped_by_default() {
    let (site, out) = builds(|s| s.apply("raw-html"));
    out.assert_diag("warning", "W0104", &format!("{ART}:8"));
    out.assert_diag("warning", "W0104", &format!("{ART}:10"));
    let doc = site.html("output/tin-tuc/duong-le-loi-duoc-nang-cap/index.html");
    assert_eq!(doc.select(&sel(".article-body div.hop")).count(), 0);
    assert_eq!(doc.select(&sel(".article-body span#nho")).count(), 0);
    let body = text_of(&doc, ".article-body");
    assert!(body.contains("<div class=\"hop\">"), "{body}");
}

#[test]
fn raw_html_in_markdown_passes_with_allow() {
    let (site, out) = builds(|s| {
        s.apply("raw-html");
        let cfg = s.read(SITE);
        s.write(SITE, format!("{cfg}markdown: {{ raw_html: allow }}\n"));
    });
    // The overlay moves the article to another category: its old address
    // is reported gone (W0112); nothing is said about its raw HTML.
    let about_html: Vec<_> = out.diags().into_iter().filter(|d| d.1 != "W0112").collect();
    assert!(about_html.is_empty(), "{}", out.stderr);
    let doc = site.html("output/tin-tuc/duong-le-loi-duoc-nang-cap/index.html");
    assert_eq!(text_of(&doc, ".article-body div.hop b"), "đậm");
    assert_eq!(text_of(&doc, ".article-body span#nho"), "nhỏ");
}

/// `raw-html-active` with `markdown: { raw_html: allow }`: built, and the
/// article page parsed.
fn allowed_active_html() -> (Site, Out, scraper::Html) {
    let (site, out) = builds(|s| {
        s.apply("raw-html-active");
        let cfg = s.read(SITE);
        s.write(SITE, format!("{cfg}markdown: {{ raw_html: allow }}\n"));
    });
    let doc = site.html("output/tin-tuc/duong-le-loi-duoc-nang-cap/index.html");
    (site, out, doc)
}

#[test]
fn raw_html_allow_removes_scripts_forms_frames_handlers_and_javascript_links() {
    let (site, out, doc) = allowed_active_html();
    for (line, what) in [
        (8, "<script>"),
        (12, "<form>"),
        (13, "<input>"),
        (13, "<button>"),
        (16, "<iframe>"),
        (18, "href"),
        (18, "onclick"),
    ] {
        out.assert_diag("warning", "W0106", &format!("{ART}:{line}"));
        assert!(
            out.stderr.contains(what),
            "no warning names {what}:\n{}",
            out.stderr
        );
    }
    assert!(
        out.stderr
            .contains("scripts, forms, frames and event handlers are never published"),
        "{}",
        out.stderr
    );
    let w0106 = out.diags().iter().filter(|d| d.1 == "W0106").count();
    assert_eq!(w0106, 7, "one warning per kind: {:?}", out.diags());
    assert_no_active_content(&site.path("output"));
    for css in [
        "script",
        "form",
        "input",
        "button",
        "iframe",
        "[onclick]",
        "[href^=javascript]",
    ] {
        let n = doc.select(&sel(&format!(".article-body {css}"))).count();
        assert_eq!(n, 0, "{css} in the body");
    }
    let body = text_of(&doc, ".article-body");
    assert!(
        !body.contains("document.cookie"),
        "the script's text: {body}"
    );
    assert!(
        body.contains("Bấm vào đây"),
        "a removed link keeps its text: {body}"
    );
}

#[test]
fn raw_html_allow_keeps_tables_figures_and_classes() {
    let (_, _, doc) = allowed_active_html();
    let table = doc
        .select(&sel(".article-body table.bang"))
        .next()
        .expect("the table");
    assert_eq!(table.value().attr("border"), Some("1"));
    assert_eq!(table.value().attr("cellpadding"), Some("4"));
    assert_eq!(
        text_of(&doc, ".article-body table.bang th[scope=col]"),
        "Xã"
    );
    assert_eq!(
        text_of(&doc, ".article-body table.bang td[align=right]"),
        "82,5"
    );
    let img = doc
        .select(&sel(".article-body figure.anh img"))
        .next()
        .expect("the figure's image");
    for (attr, value) in [
        ("src", "/images/duong.svg"),
        ("alt", "Đường mới"),
        ("width", "640"),
        ("loading", "lazy"),
    ] {
        assert_eq!(img.value().attr(attr), Some(value), "{attr}");
    }
    assert_eq!(
        text_of(&doc, ".article-body figure.anh figcaption"),
        "Đường Lê Lợi sau nâng cấp"
    );
    assert_eq!(text_of(&doc, ".article-body span.nho"), "nhỏ");
    assert_eq!(
        text_of(&doc, ".article-body span.nut"),
        "đây",
        "lost only its onclick"
    );
    assert_eq!(text_of(&doc, ".article-body sub"), "2");
    assert_eq!(text_of(&doc, ".article-body abbr[title]"), "UBND");
}

#[test]
fn heading_attribute_onclick_is_removed_without_any_setting() {
    let (site, out) = builds(|s| {
        s.write(
            ART,
            "---\ntitle: \"Tiêu đề\"\ndate: 2024-05-20T13:50:00+07:00\nsummary: \"Tóm tắt.\"\n---\nMở đầu.\n\n## Kết quả {onclick=alert(1) lang=vi}\n",
        )
    });
    out.assert_diag("warning", "W0106", &format!("{ART}:8"));
    assert_no_active_content(&site.path("output"));
    let doc = site.html("output/tin-tuc/tieu-de/index.html");
    assert_eq!(
        text_of(&doc, ".article-body h2#ket-qua[lang=vi]"),
        "Kết quả"
    );
}

// ---------------------------------------------------------------- untrusted text everywhere

const PAYLOADS: [&str; 3] = [
    "\"><script>alert(1)</script>",
    "' onmouseover='x",
    "</title><script>",
];

/// A YAML double-quoted string holding `s`.
fn yq(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

#[test]
fn xss_payloads_in_every_string_stay_text_in_html_rss_and_sitemap() {
    let site = Site::fixture("good");
    let p = |i: usize| PAYLOADS[i % PAYLOADS.len()];
    let all = PAYLOADS.join(" ");
    site.write(
        SITE,
        format!(
            "title: {}\ndescription: {}\nbase_url: \"https://thu.example.gov.vn/\"\ndefault_category: {}\ncopyright: {}\nmenu:\n  - {{ name: {}, url: \"/\" }}\nslug_from: title\n",
            yq(&format!("Huyện {}", p(0))),
            yq(&all),
            yq(&format!("Tin {}", p(1))),
            yq(p(2)),
            yq(p(1)),
        ),
    );
    for (i, f) in [ART, ART2].iter().enumerate() {
        site.write(
            f,
            format!(
                "---\ntitle: {}\ndate: 2024-05-2{i}T08:00:00+07:00\nauthor: {}\ncategory: {}\ntags: [{}, {}]\nsummary: {}\nimage: /images/duong.svg\nimage_caption: {}\n---\nThân bài {i}.\n",
                yq(&format!("Bài {i} {}", p(i))),
                yq(p(i + 1)),
                yq(&format!("Mục {i} {}", p(i + 2))),
                yq(p(i)),
                yq(p(i + 1)),
                yq(&all),
                yq(&all),
            ),
        );
    }
    site.write(
        "content/pages/gioi-thieu.md",
        format!(
            "---\ntitle: {}\nslug: gioi-thieu\nsummary: {}\n---\nGiới thiệu.\n",
            yq(&format!("Giới thiệu {}", p(2))),
            yq(&all)
        ),
    );
    let out = site.run(&["build"]);
    out.assert_code(0);
    let output = site.path("output");
    assert_no_active_content(&output);

    // Titles are visible as text.
    let (_, doc) = common::html_files(&output)
        .into_iter()
        .find(|(p, _)| {
            p.to_string_lossy()
                .ends_with("bai-0-script-alert-1-script/index.html")
        })
        .expect("article 0 page");
    assert_eq!(
        doc.select(&sel("h1"))
            .next()
            .unwrap()
            .text()
            .collect::<String>(),
        format!("Bài 0 {}", p(0))
    );
    assert_eq!(
        doc.select(&sel("title"))
            .next()
            .unwrap()
            .text()
            .collect::<String>(),
        format!("Bài 0 {} – Huyện {}", p(0), p(0))
    );
    assert_eq!(
        doc.select(&sel("figcaption"))
            .next()
            .unwrap()
            .text()
            .collect::<String>(),
        all
    );

    // Feeds and sitemap: no markup leaks from the strings.
    for xml in ["rss.xml", "sitemap.xml"] {
        let x = site.read(&format!("output/{xml}"));
        for bad in ["<script", "</title><", "javascript:", "\"><", "' on"] {
            assert!(!x.contains(bad), "{bad} in {xml}:\n{x}");
        }
    }
    let rss = site.read("output/rss.xml");
    assert!(rss.contains("&lt;/title&gt;&lt;script&gt;"), "{rss}");
}

// ---------------------------------------------------------------- determinism

/// The good site plus 40 generated articles across categories and tags, so
/// that rendering really runs in parallel.
fn bigger_site() -> Site {
    let site = Site::fixture("good");
    for i in 0..40 {
        site.write(
            &format!("content/articles/sinh/bai-{i:02}.md"),
            format!(
                "---\ntitle: \"Bài số {i} về xã Sì Lở Lầu\"\ndate: 2024-0{}-{:02}T{:02}:15:00+07:00\ncategory: \"{}\"\ntags: [\"Thẻ {}\", \"Phong Thổ\"]\nsummary: \"Tóm tắt {i}.\"\n---\n## Mục {i}\n\nĐoạn văn[^1] với [liên kết](/gioi-thieu/).\n\n[^1]: Chú thích {i}.\n",
                1 + i % 9,
                1 + i % 28,
                i % 24,
                ["Kinh tế", "Văn hóa", "Xã hội", "Quốc phòng"][i % 4],
                i % 7
            ),
        );
    }
    site
}

#[test]
fn build_is_byte_identical_with_1_and_4_threads() {
    let site = bigger_site();
    let mut trees = Vec::new();
    for (threads, out) in [
        ("1", "out-1"),
        ("4", "out-4"),
        ("4", "out-4b"),
        ("1", "out-1b"),
    ] {
        let r = site.run_env(
            &["build", "--output", out],
            &[("RAYON_NUM_THREADS", threads)],
        );
        r.assert_code(0);
        trees.push(snapshot(&site.path(out)));
    }
    assert!(trees[0].len() > 50, "{} files", trees[0].len());
    for t in &trees[1..] {
        assert_same_tree(&trees[0], t);
    }
}

// ---------------------------------------------------------------- warnings

#[test]
fn missing_summary_and_caption_are_warnings() {
    let (site, out) = builds(|s| s.apply("no-summary-no-caption"));
    out.assert_diag("warning", "W0101", &format!("{ART}:2"));
    out.assert_diag("warning", "W0102", &format!("{ART}:5"));
    let doc = site.html("output/kinh-te/duong-le-loi-duoc-nang-cap/index.html");
    assert_eq!(doc.select(&sel(".sapo")).count(), 0);
}

#[test]
fn missing_summary_and_caption_fail_with_deny_warnings() {
    let (_, out) = broken_with(
        |s| s.apply("no-summary-no-caption"),
        &["--deny-warnings"],
        1,
    );
    out.assert_error("W0101", &format!("{ART}:2"));
    out.assert_error("W0102", &format!("{ART}:5"));
}

// ---------------------------------------------------------------- index data

const DATA: &str = "content/data/thu.yaml";

const GOOD_DATA: &str = "title: \"Chỉ số thử\"
source:
  - { name: \"Nguồn thử\" }
scale: { max: 100, unit: \"điểm\", decimals: 2 }
units:
  - { key: \"1\", name: \"Huyện Phong Thổ\", short: \"Phong Thổ\" }
  - { key: \"2\", name: \"Huyện Tam Đường\", short: \"Tam Đường\" }
results:
  - year: 2022
    scores:
      \"1\": { total: 72.10, rank: 2 }
      \"2\": { total: 74.00, rank: 1 }
";

#[test]
fn decimal_comma_in_data_is_e0401_at_its_line_with_the_fix() {
    let bad = GOOD_DATA.replace("total: 72.10", "total: \"72,10\"");
    let (_, out) = broken_with(|s| s.write(DATA, &bad), &[], 1);
    out.assert_error("E0401", &format!("{DATA}:11"));
    assert!(
        out.stderr.contains("72.10"),
        "the hint shows the fix: {}",
        out.stderr
    );
}

#[test]
fn every_data_error_in_a_file_is_reported_in_one_run() {
    // A unit key declared twice and a total above the scale: two lines,
    // both reported by one run.
    let bad = GOOD_DATA
        .replace("total: 74.00, rank: 1", "total: 174.00, rank: 1")
        .replace(
            "  - { key: \"2\", name: \"Huyện Tam Đường\", short: \"Tam Đường\" }\n",
            "  - { key: \"2\", name: \"Huyện Tam Đường\", short: \"Tam Đường\" }\n  - { key: \"2\", name: \"Huyện Sìn Hồ\", short: \"Sìn Hồ\" }\n",
        );
    let (_, out) = broken_with(|s| s.write(DATA, &bad), &[], 1);
    let lines: Vec<String> = out
        .diags()
        .into_iter()
        .filter(|(_, code, _)| code == "E0401")
        .map(|(_, _, loc)| loc)
        .collect();
    assert!(
        lines.iter().any(|l| l.starts_with(&format!("{DATA}:8:"))),
        "duplicate unit key: {lines:?}"
    );
    assert!(
        lines.iter().any(|l| l.starts_with(&format!("{DATA}:13:"))),
        "total out of range: {lines:?}"
    );
    assert!(lines.len() >= 2, "{}", out.stderr);
}

#[test]
fn shortcode_naming_an_unknown_unit_is_e0301_at_its_line() {
    let (_, out) = broken_with(
        |s| {
            s.write(DATA, GOOD_DATA);
            s.write(
                ART,
                "---\ntitle: \"Một\"\ndate: 2024-05-20T13:50:00+07:00\nsummary: \"x\"\n---\nDòng một.\n\n{{ value(data=\"thu\", unit=\"khong-co\", year=2022) }}\n",
            );
        },
        &[],
        1,
    );
    out.assert_error("E0301", &format!("{ART}:8"));
    assert!(
        out.stderr.contains("phong-tho"),
        "the hint lists the units: {}",
        out.stderr
    );
}
