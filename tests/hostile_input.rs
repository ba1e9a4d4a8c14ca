//! Hostile and unlucky input (issue 9): whatever is wrong gets a clear
//! diagnostic at file:line, `check` finds what `build` would, and the
//! previous output stays byte-for-byte as it was.

mod common;

use common::broken_with;

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
}

#[test]
fn control_character_typed_in_a_title_is_e0006_at_its_line() {
    let (_, out) = broken_with(
        |s| {
            let a = s.read(ART).replacen("Đường Lê Lợi", "Đường\u{1}Lê Lợi", 1);
            s.write(ART, a);
        },
        &[],
        1,
    );
    out.assert_error("E0006", &format!("{ART}:2"));
}

#[test]
fn control_character_escaped_in_front_matter_is_e0006_at_its_line() {
    let (_, out) = broken_with(
        |s| {
            let a = s
                .read(ART)
                .replacen("summary: \"Tuyến", "summary: \"\\x07Tuyến", 1);
            s.write(ART, a);
        },
        &[],
        1,
    );
    out.assert_error("E0006", &format!("{ART}:7"));
}

#[test]
fn control_character_in_a_body_is_e0006_at_its_line() {
    let (_, out) = broken_with(
        |s| s.write(ART, s.read(ART) + "\nDòng có ký tự \u{0} lạ.\n"),
        &[],
        1,
    );
    let line = std::fs::read_to_string(common::fixtures().join("good").join(ART))
        .unwrap()
        .lines()
        .count()
        + 2;
    out.assert_error("E0006", &format!("{ART}:{line}"));
}

#[test]
fn control_character_in_a_unit_name_is_e0006_in_the_data_file() {
    let (_, out) = broken_with(
        |s| {
            let d = dataset_with_unit_slug("mot").replace("Huyện Một", "Huyện\\u0001Một");
            s.write("content/data/thu.yaml", d);
        },
        &[],
        1,
    );
    out.assert_error("E0006", "content/data/thu.yaml:7");
}

#[test]
fn yaml_tags_are_refused_at_their_line() {
    let (_, out) = broken_with(
        |s| {
            let a = s
                .read(ART)
                .replacen("author: \"T.V\"", "author: !!binary VFY=", 1);
            s.write(ART, a);
        },
        &[],
        1,
    );
    out.assert_error("E0003", &format!("{ART}:4"));
    assert!(out.stderr.contains("YAML tags"), "{}", out.stderr);
}

/// Every XML file chiso writes (feed, sitemap, SVG charts) parses.
#[test]
fn every_xml_file_written_is_well_formed() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for site in [root.to_path_buf(), common::fixtures().join("sites/basic")] {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        common::build_into(&site, &out);
        let mut n = 0;
        for (path, bytes) in common::snapshot(&out) {
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            if ext == "xml" || ext == "svg" {
                let text = String::from_utf8(bytes).unwrap();
                roxmltree::Document::parse(&text)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                n += 1;
            }
        }
        assert!(n >= 2, "no XML files in {}", site.display());
    }
}

#[test]
fn a_category_of_5000_characters_is_refused_by_check_as_by_build() {
    let long = "Rất dài ".repeat(700);
    let (_, out) = broken_with(
        |s| {
            let a =
                s.read(ART)
                    .replacen("category: \"Kinh tế\"", &format!("category: \"{long}\""), 1);
            s.write(ART, a);
        },
        &[],
        1,
    );
    out.assert_error("E0103", &format!("{ART}:5"));
}

#[test]
fn a_tag_of_5000_characters_is_refused_at_its_line() {
    let long = "x".repeat(5000);
    let (_, out) = broken_with(
        |s| {
            let a = s
                .read(ART)
                .replacen("\"Phong Thổ\"]", &format!("\"{long}\"]"), 1);
            s.write(ART, a);
        },
        &[],
        1,
    );
    out.assert_error("E0103", &format!("{ART}:6"));
}

#[test]
fn headline_naming_an_unknown_dataset_is_reported_at_its_line() {
    let (_, out) = broken_with(
        |s| {
            let y = s.read("content/site.yaml")
                + "headline: '{{ chart(data=\"khong-co\", kind=\"ranking\", year=2022) }}'\n";
            s.write("content/site.yaml", y);
        },
        &[],
        1,
    );
    out.assert_error("E0301", "content/site.yaml:10");
}

/// A full disk is one error, not one per file, and no false broken links.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_one_error() {
    let tmp = tempfile::tempdir().unwrap();
    let small = tmp.path().join("small");
    std::fs::create_dir_all(&small).unwrap();
    let mounted = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=200k", "tmpfs"])
        .arg(&small)
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!(
            "a_full_disk_is_one_error: skipped, cannot mount a small tmpfs here (needs root)"
        );
        return;
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = std::process::Command::new(common::BIN)
        .env("CHISO_LANG", "en")
        .arg("build")
        .arg("--root")
        .arg(root)
        .arg("--output")
        .arg(small.join("out"))
        .output()
        .unwrap();
    let _ = std::process::Command::new("umount").arg(&small).status();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error[")).collect();
    assert_eq!(errors.len(), 1, "{stderr}");
    assert!(
        errors[0].starts_with("error[E0001]") && errors[0].contains("more files"),
        "{stderr}"
    );
}

const SITE: &str = "content/site.yaml";

fn with_site_line(s: &common::Site, from: &str, to: &str) {
    let y = s.read(SITE);
    assert!(y.contains(from), "{y}");
    s.write(SITE, y.replacen(from, to, 1));
}

#[test]
fn markdown_files_with_other_endings_are_built() {
    let (site, _) = common::builds(|s| {
        let a = s
            .read(ART)
            .replace("Đường Lê Lợi được nâng cấp", "Bài viết hoa");
        s.write("content/articles/tin/ba.MD", a.clone().replace("slug", "x"));
        s.write(
            "content/articles/tin/bon.markdown",
            a.replace("Bài viết hoa", "Bài đuôi dài"),
        );
    });
    assert!(
        site.path("output/kinh-te/bai-viet-hoa/index.html")
            .is_file()
    );
    assert!(
        site.path("output/kinh-te/bai-duoi-dai/index.html")
            .is_file()
    );
}

#[test]
fn other_files_among_articles_are_a_warning() {
    let (_, out) = common::builds(|s| s.write("content/articles/tin/ghi-chu.docx", "x"));
    out.assert_diag("warning", "W0110", "content/articles/tin/ghi-chu.docx");
}

#[test]
fn a_dataset_file_ending_in_capital_yaml_is_read() {
    let (_, out) = broken_with(|s| s.write("content/data/thu.YAML", "title: [\n"), &[], 1);
    out.assert_error("E0003", "content/data/thu.YAML");
}

#[test]
fn an_image_from_another_site_is_a_warning_at_its_line() {
    let (_, out) = common::builds(|s| {
        let a = s.read(ART).replace(
            "image: /images/duong.svg",
            "image: https://cdn.example.com/a.jpg",
        );
        s.write(ART, a);
    });
    out.assert_diag("warning", "W0111", &format!("{ART}:8"));
}

#[test]
fn base_url_without_a_host_is_e0107() {
    let (_, out) = broken_with(
        |s| {
            with_site_line(
                s,
                "base_url: \"https://thu.example.gov.vn/\"",
                "base_url: \"http://\"",
            )
        },
        &[],
        1,
    );
    out.assert_error("E0107", &format!("{SITE}:3"));
}

#[test]
fn base_url_climbing_out_with_dots_is_e0107() {
    let (_, out) = broken_with(
        |s| {
            with_site_line(
                s,
                "base_url: \"https://thu.example.gov.vn/\"",
                "base_url: \"https://x.vn/../../\"",
            )
        },
        &[],
        1,
    );
    out.assert_error("E0107", &format!("{SITE}:3"));
}

#[test]
fn a_bad_base_url_flag_is_blamed_on_the_flag_not_site_yaml() {
    let (_, out) = broken_with(|_| {}, &["--base-url", "http://"], 1);
    out.assert_error("E0107", "--base-url");
}

#[test]
fn articles_per_page_zero_is_reported_at_its_line() {
    let (_, out) = broken_with(
        |s| with_site_line(s, "articles_per_page: 2", "articles_per_page: 0"),
        &[],
        1,
    );
    out.assert_error("E0003", &format!("{SITE}:4"));
}

#[test]
fn a_theme_that_is_no_folder_name_is_reported_at_its_line() {
    let (_, out) = broken_with(
        |s| s.write(SITE, s.read(SITE) + "theme: \"../x\"\n"),
        &[],
        1,
    );
    out.assert_error("E0003", &format!("{SITE}:10"));
}

#[test]
fn a_broken_menu_link_is_reported_at_its_line() {
    let (_, out) = broken_with(
        |s| with_site_line(s, "url: \"/gioi-thieu/\"", "url: \"/khong-co/\""),
        &[],
        1,
    );
    out.assert_error("E0501", &format!("{SITE}:7"));
}

#[test]
fn a_date_far_in_the_future_says_what_a_date_is() {
    let (_, out) = broken_with(
        |s| {
            let a = s.read(ART).replace(
                "date: 2024-05-20T13:50:00+07:00",
                "date: \"9999-12-31T23:00:00+07:00\"",
            );
            s.write(ART, a);
        },
        &[],
        1,
    );
    out.assert_error("E0102", &format!("{ART}:3"));
    assert!(out.stderr.contains("four-digit year"), "{}", out.stderr);
    assert!(!out.stderr.contains("overflow"), "{}", out.stderr);
}
