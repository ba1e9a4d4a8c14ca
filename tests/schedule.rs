//! Scheduled publishing (`publish_date:`, `expiry_date:`, `--now`,
//! `SOURCE_DATE_EPOCH`, `--future`) and the editors' `chiso new article` /
//! `chiso new dataset`.

mod common;
use common::{Site, assert_same_tree, broken_with, builds};

const SCHEDULED: &str = "content/articles/tin/ba.md";
/// Where the scheduled article is built (category Kinh tế, slug from title).
const SCHEDULED_PAGE: &str = "output/kinh-te/ke-hoach-thang-sau/index.html";

fn article(extra: &str) -> String {
    format!(
        "---\ntitle: \"Kế hoạch tháng sau\"\ndate: 2024-05-21T08:00:00+07:00\n{extra}category: \"Kinh tế\"\ntags: [\"Phong Thổ\"]\nsummary: \"Sapo.\"\n---\nNội dung.\n"
    )
}

/// Every output file that names the scheduled article's address.
fn mentions(site: &Site) -> Vec<String> {
    site.snapshot_output()
        .into_iter()
        .filter(|(_, b)| String::from_utf8_lossy(b).contains("ke-hoach-thang-sau"))
        .map(|(p, _)| p.display().to_string())
        .collect()
}

#[test]
fn article_is_held_back_until_its_publish_date_and_linked_from_nowhere() {
    let site = Site::good_built();
    site.write(SCHEDULED, article("publish_date: 2024-06-01 08:00\n"));
    let early = site.run(&["build", "--now", "2024-06-01T07:59:59+07:00"]);
    early.assert_code(0);
    assert!(!site.path(SCHEDULED_PAGE).exists());
    assert_eq!(
        mentions(&site),
        Vec::<String>::new(),
        "held back, yet linked"
    );
    assert!(
        early.stderr.contains(
            "schedule: now is 2024-06-01T07:59:59+07:00 (from --now); 1 article(s) held back until their publish_date, 0 expired"
        ),
        "{}",
        early.stderr
    );
    // publish_date ≤ now: built, and listed (home, category, tag, feed, sitemap).
    let due = site.run(&["build", "--now", "2024-06-01T01:00:00Z"]);
    due.assert_code(0);
    assert!(site.path(SCHEDULED_PAGE).is_file());
    let m = mentions(&site);
    for f in ["index.html", "sitemap.xml", "kinh-te/index.html"] {
        assert!(m.iter().any(|p| p == f), "{f} not in {m:?}");
    }
    assert!(!due.stderr.contains("schedule:"), "{}", due.stderr);
}

#[test]
fn article_is_removed_at_its_expiry_date() {
    let site = Site::good_built();
    site.write(
        SCHEDULED,
        article("publish_date: 2024-06-01\nexpiry_date: 2024-07-01T00:00:00+07:00\n"),
    );
    site.run(&["build", "--now", "2024-06-30T23:59:59+07:00"])
        .assert_code(0);
    assert!(site.path(SCHEDULED_PAGE).is_file());
    let out = site.run(&["build", "--now", "2024-07-01T00:00:00+07:00"]);
    out.assert_code(0);
    assert!(!site.path(SCHEDULED_PAGE).exists());
    assert_eq!(mentions(&site), Vec::<String>::new());
    assert!(
        out.stderr
            .contains("0 article(s) held back until their publish_date, 1 expired"),
        "{}",
        out.stderr
    );
}

#[test]
fn now_comes_from_the_flag_then_source_date_epoch() {
    let site = Site::good_built();
    site.write(
        SCHEDULED,
        article("publish_date: 2024-06-01T08:00:00+07:00\n"),
    );
    // 2024-06-01T01:00:00Z = 08:00 in Vietnam: due.
    let due = "1717203600";
    let out = site.run_env(&["build"], &[("SOURCE_DATE_EPOCH", due)]);
    out.assert_code(0);
    assert!(site.path(SCHEDULED_PAGE).is_file());
    // One second earlier: held back, and the line names the variable.
    let out = site.run_env(&["build"], &[("SOURCE_DATE_EPOCH", "1717203599")]);
    out.assert_code(0);
    assert!(!site.path(SCHEDULED_PAGE).exists());
    assert!(
        out.stderr
            .contains("now is 2024-06-01T07:59:59+07:00 (from SOURCE_DATE_EPOCH)"),
        "{}",
        out.stderr
    );
    // --now wins over the variable.
    let out = site.run_env(
        &["build", "--now", "2030-01-01T00:00:00Z"],
        &[("SOURCE_DATE_EPOCH", "1717203599")],
    );
    out.assert_code(0);
    assert!(site.path(SCHEDULED_PAGE).is_file());
    // Neither: the clock (today is long after 2024).
    let out = site.run_env(&["build"], &[("SOURCE_DATE_EPOCH", "")]);
    out.assert_code(0);
    assert!(site.path(SCHEDULED_PAGE).is_file());
}

#[test]
fn unreadable_now_or_source_date_epoch_is_a_usage_error() {
    let site = Site::good_built();
    for (args, env) in [
        (vec!["build", "--now", "mai"], vec![]),
        (vec!["check", "--now", "2024-06-01 08:00"], vec![]),
        (vec!["build"], vec![("SOURCE_DATE_EPOCH", "1.5e9")]),
    ] {
        let out = site.run_env(&args, &env);
        out.assert_code(2);
        assert!(out.stderr.contains("error:"), "{}", out.stderr);
    }
}

#[test]
fn future_flag_builds_scheduled_and_expired_articles_but_not_drafts() {
    let (site, _) = builds(|s| {
        s.write(SCHEDULED, article("publish_date: 2099-01-01\n"));
        s.write(
            "content/articles/tin/bon.md",
            "---\ntitle: \"Tin đã hết hạn\"\ndate: 2024-05-01\nexpiry_date: 2024-05-02\nsummary: \"S.\"\n---\nX\n",
        );
        s.write(
            "content/articles/tin/nam.md",
            "---\ntitle: \"Bản nháp hẹn giờ\"\ndate: 2024-05-01\npublish_date: 2024-05-01\ndraft: true\nsummary: \"S.\"\n---\nX\n",
        );
    });
    assert!(!site.path(SCHEDULED_PAGE).exists());
    let out = site.run(&["build", "--future"]);
    out.assert_code(0);
    assert!(site.path(SCHEDULED_PAGE).is_file());
    assert!(
        mentions_slug(&site, "tin-da-het-han"),
        "expired, yet --future"
    );
    assert!(
        !mentions_slug(&site, "ban-nhap-hen-gio"),
        "a draft stays a draft"
    );
    assert!(!out.stderr.contains("schedule:"), "{}", out.stderr);
    let out = site.run(&["build", "--future", "--drafts"]);
    out.assert_code(0);
    assert!(mentions_slug(&site, "ban-nhap-hen-gio"));
}

fn mentions_slug(site: &Site, slug: &str) -> bool {
    site.snapshot_output()
        .keys()
        .any(|p| p.to_string_lossy().contains(slug))
}

#[test]
fn output_is_byte_identical_for_the_same_inputs_and_now() {
    let site = Site::good_built();
    site.write(
        SCHEDULED,
        article("publish_date: 2024-06-01T08:00:00+07:00\n"),
    );
    site.write(
        "content/articles/tin/bon.md",
        "---\ntitle: \"Tin đã hết hạn\"\ndate: 2024-05-01\nexpiry_date: 2024-05-25\nsummary: \"S.\"\n---\nX\n",
    );
    let now = "2024-05-30T12:00:00+07:00";
    site.run(&["build", "--now", now]).assert_code(0);
    let first = site.snapshot_output();
    site.run(&["build", "--now", now]).assert_code(0);
    assert_same_tree(&first, &site.snapshot_output());
    // The same instant from SOURCE_DATE_EPOCH (2024-05-30T05:00:00Z).
    site.run_env(&["build"], &[("SOURCE_DATE_EPOCH", "1717045200")])
        .assert_code(0);
    assert_same_tree(&first, &site.snapshot_output());
    // Another now gives another site.
    site.run(&["build", "--now", "2024-06-02T00:00:00+07:00"])
        .assert_code(0);
    assert_ne!(first, site.snapshot_output());
}

#[test]
fn link_to_a_scheduled_article_is_a_broken_link_saying_when_it_is_due() {
    let (_, out) = broken_with(
        |s| {
            s.write(SCHEDULED, article("publish_date: 2024-06-01 08:00\n"));
            s.write(
                "content/articles/tin/mot.md",
                s.read("content/articles/tin/mot.md")
                    + "\nXem [kế hoạch](/kinh-te/ke-hoach-thang-sau/).\n",
            );
        },
        &["--now", "2024-05-25T00:00:00+07:00"],
        1,
    );
    out.assert_error("E0501", "content/articles/tin/mot.md:17");
    assert!(
        out.stderr
            .contains("the linked article is scheduled for 2024-06-01T08:00:00+07:00"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("content/articles/tin/ba.md is not published at this build's time"),
        "{}",
        out.stderr
    );
}

#[test]
fn link_to_an_expired_article_says_it_expired() {
    let (_, out) = broken_with(
        |s| {
            s.write(SCHEDULED, article("expiry_date: 2024-05-22\n"));
            s.write(
                "content/articles/tin/hai.md",
                s.read("content/articles/tin/hai.md")
                    + "\n[cũ](../../kinh-te/ke-hoach-thang-sau/)\n",
            );
        },
        &["--now", "2024-05-25T00:00:00+07:00"],
        1,
    );
    out.assert_error("E0501", "content/articles/tin/hai.md");
    assert!(
        out.stderr
            .contains("the linked article expired at 2024-05-22T00:00:00+07:00"),
        "{}",
        out.stderr
    );
}

#[test]
fn unreadable_publish_or_expiry_date_is_an_error_at_its_line() {
    let (_, out) = broken_with(
        |s| {
            s.write(
                SCHEDULED,
                article("publish_date: 2024-13-01\nexpiry_date: ngày mai\n"),
            )
        },
        &[],
        1,
    );
    out.assert_error("E0102", "content/articles/tin/ba.md:4");
    out.assert_error("E0102", "content/articles/tin/ba.md:5");
    assert!(
        out.stderr.contains("cannot read publish_date:"),
        "{}",
        out.stderr
    );
}

#[test]
fn expiry_date_not_after_publish_date_is_an_error_at_expiry_date() {
    let (_, out) = broken_with(
        |s| {
            s.write(
                SCHEDULED,
                article("publish_date: 2024-06-01 08:00\nexpiry_date: 2024-06-01T01:00:00Z\n"),
            )
        },
        &["--future"],
        1,
    );
    out.assert_error("E0109", "content/articles/tin/ba.md:5");
}

#[test]
fn new_article_is_dated_now_in_the_site_zone_and_filed_under_its_year() {
    let site = Site::good_built();
    // 20:30 UTC on New Year's Eve is already 2025 in Vietnam.
    let out = site.run_env(
        &[
            "new",
            "article",
            "Tiêu đề bài viết: \"mới\"",
            "--category",
            "Kinh tế",
        ],
        &[
            ("SOURCE_DATE_EPOCH", "1735677000"),
            ("CHISO_AUTHOR", "Lò Thị Mai"),
        ],
    );
    out.assert_code(0);
    let rel = "content/articles/2025/tieu-de-bai-viet-moi.md";
    assert_eq!(
        out.stdout.trim(),
        site.path(rel).display().to_string(),
        "{}",
        out.stderr
    );
    let text = site.read(rel);
    for want in [
        "title: \"Tiêu đề bài viết: \\\"mới\\\"\"\n",
        "date: 2025-01-01T03:30:00+07:00\n",
        "author: \"Lò Thị Mai\"\n",
        "category: \"Kinh tế\"\n",
        "tags: []\n",
        "summary: \"\"\n",
        "# Viết sapo",
    ] {
        assert!(text.contains(want), "{want:?} not in\n{text}");
    }
    // It builds, with its title, and check asks for the sapo.
    let check = site.run(&["check"]);
    check.assert_code(0);
    check.assert_diag("warning", "W0101", rel);
    site.run(&["build"]).assert_code(0);
    assert!(
        site.path("output/kinh-te/tieu-de-bai-viet-moi/index.html")
            .is_file()
    );
}

#[test]
fn new_article_takes_now_from_the_flag_and_never_overwrites() {
    let site = Site::good_built();
    let args = [
        "new",
        "article",
        "Họp báo quý II",
        "--now",
        "2024-06-30T10:00:00+07:00",
    ];
    let out = site.run_env(&args, &[("CHISO_AUTHOR", "")]);
    out.assert_code(0);
    let rel = "content/articles/2024/hop-bao-quy-ii.md";
    let text = site.read(rel);
    assert!(text.contains("date: 2024-06-30T10:00:00+07:00\n"), "{text}");
    // No --category: the site's default category; no author.
    assert!(text.contains("category: \"Tin tức\"\n"), "{text}");
    assert!(text.contains("author: \"\"\n"), "{text}");
    site.write(rel, "đã sửa");
    let again = site.run(&args);
    again.assert_code(2);
    assert!(again.stderr.contains("already exists"), "{}", again.stderr);
    assert_eq!(site.read(rel), "đã sửa");
    site.run(&["new", "article", "!!!"]).assert_code(2);
}

/// What the test types into the dataset skeleton's placeholders.
const FILLED: &[(&str, &str)] = &[
    ("___title___", "Chỉ số cải cách hành chính các xã"),
    ("___publisher___", "UBND huyện Phong Thổ"),
    ("___source_url___", "https://phongtho.laichau.gov.vn/qd-12"),
    ("___source_note___", "Quyết định số 12/QĐ-UBND"),
    ("___scale_max___", "100"),
    ("___field_key___", "the-che"),
    ("___field_name___", "Cải cách thể chế"),
    ("___field_max___", "10"),
    ("___unit_key___", "01"),
    ("___unit_name___", "Xã Mường So"),
    ("___unit_short___", "Mường So"),
    ("___year___", "2023"),
    ("___total___", "81.25"),
    ("___rank___", "1"),
    ("___field_value___", "8.5"),
];

#[test]
fn new_dataset_skeleton_fails_check_until_filled_then_passes() {
    let site = Site::good_built();
    let out = site.run(&["new", "dataset", "chi-so-cchc-xa"]);
    out.assert_code(0);
    let rel = "content/data/chi-so-cchc-xa.yaml";
    assert_eq!(out.stdout.trim(), site.path(rel).display().to_string());
    let skeleton = site.read(rel);
    assert!(skeleton.contains("# Tên đầy đủ") && skeleton.contains("the full title"));
    // As written, check stops at the placeholders.
    let check = site.run(&["check"]);
    check.assert_code(1);
    check.assert_error("E0401", rel);
    // Filled in, it passes and builds its pages.
    let mut filled = skeleton.clone();
    for (k, v) in FILLED {
        assert!(filled.contains(k), "no placeholder {k}");
        filled = filled.replace(k, v);
    }
    let left: Vec<&str> = filled
        .lines()
        .filter(|l| !l.trim_start().starts_with('#') && l.contains("___"))
        .collect();
    assert!(left.is_empty(), "placeholders left: {left:?}");
    site.write(rel, &filled);
    let check = site.run(&["check", "--deny-warnings"]);
    check.assert_code(0);
    site.run(&["build"]).assert_code(0);
    let page = site.snapshot_output();
    assert!(
        page.keys()
            .any(|p| p.to_string_lossy().contains("chi-so-cchc-xa")),
        "no dataset page"
    );
    // Never overwrites; a slug must be a slug.
    site.run(&["new", "dataset", "chi-so-cchc-xa"])
        .assert_code(2);
    assert_eq!(site.read(rel), filled);
    site.run(&["new", "dataset", "Chỉ Số"]).assert_code(2);
}

#[test]
fn the_dataset_skeleton_names_the_keys_of_units_over_time_in_comments_only() {
    let comments: Vec<&str> = chiso::DATASET_SKELETON
        .lines()
        .filter(|l| l.trim_start().starts_with('#'))
        .collect();
    for key in [
        "since",
        "until",
        "formed_from",
        "succeeded_by",
        "lineage: vn-2025-provinces",
    ] {
        assert!(
            comments.iter().any(|l| l.contains(key)),
            "no comment names {key}"
        );
        let live: Vec<&str> = chiso::DATASET_SKELETON
            .lines()
            .filter(|l| !l.trim_start().starts_with('#') && l.contains(key))
            .collect();
        assert!(live.is_empty(), "{key} outside a comment: {live:?}");
    }
    assert!(comments.iter().any(|l| l.contains("sáp nhập")));
}

#[test]
fn new_site_is_made_by_new_path_and_by_new_site_path() {
    let tmp = tempfile::tempdir().unwrap();
    for args in [vec!["new"], vec!["new", "site"]] {
        let dir = tmp.path().join(args.len().to_string());
        let out = std::process::Command::new(common::BIN)
            .args(&args)
            .arg(&dir)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}");
        assert!(dir.join("content/site.yaml").is_file());
    }
}

/// `chiso serve --port 0 --output <out> <args>` on `site`, killed on drop.
struct Serve(std::process::Child);

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn wait_for(what: &str, mut f: impl FnMut() -> bool) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while std::time::Instant::now() < deadline {
        if f() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    panic!("timed out waiting for {what}");
}

#[test]
fn serve_holds_back_by_its_now_and_follows_edits_of_the_dates() {
    let site = Site::fixture("good");
    site.write(SCHEDULED, article("publish_date: 2024-06-01 08:00\n"));
    let out = site.path("serve-out");
    #[allow(clippy::zombie_processes)] // waited for in Serve::drop
    let child = std::process::Command::new(common::BIN)
        .args(["serve", "--port", "0", "--now", "2024-05-25T00:00:00+07:00"])
        .arg("--root")
        .arg(site.root())
        .arg("--output")
        .arg(&out)
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let _serve = Serve(child);
    let home = out.join("index.html");
    let page = out.join("kinh-te/ke-hoach-thang-sau/index.html");
    let mot = out.join("kinh-te/duong-le-loi-duoc-nang-cap/index.html");
    wait_for("the first build", || home.is_file() && mot.is_file());
    assert!(!page.exists());
    // Moving publish_date before serve's now publishes the article…
    site.write(SCHEDULED, article("publish_date: 2024-05-24 08:00\n"));
    wait_for("the article to come due", || page.is_file());
    wait_for("the home page to list it", || {
        std::fs::read_to_string(&home).is_ok_and(|h| h.contains("ke-hoach-thang-sau"))
    });
    // …and an expiry before it removes it again.
    site.write(
        SCHEDULED,
        article("publish_date: 2024-05-24 08:00\nexpiry_date: 2024-05-24 09:00\n"),
    );
    wait_for("the expired article to go", || !page.exists());
}

#[test]
fn the_clock_and_source_date_epoch_are_read_only_in_main() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut readers = Vec::new();
    for e in walkdir::WalkDir::new(&src).sort_by_file_name() {
        let e = e.unwrap();
        if e.path().extension().is_none_or(|x| x != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(e.path()).unwrap();
        let rel = e.path().strip_prefix(&src).unwrap().display().to_string();
        for needle in [
            "Timestamp::now",
            "Zoned::now",
            "civil::DateTime::now",
            "var(\"SOURCE_DATE_EPOCH\")",
        ] {
            if text.contains(needle) {
                readers.push(format!("{rel}: {needle}"));
            }
        }
    }
    assert_eq!(
        readers,
        [
            "main.rs: Timestamp::now",
            "main.rs: var(\"SOURCE_DATE_EPOCH\")"
        ],
        "\"now\" is resolved once, in main.rs, and passed down in BuildOptions"
    );
}
