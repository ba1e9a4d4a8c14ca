//! What readers see across the 2025 reform (issue 24): the ended district's
//! page stays and points to its successors, a successor's page names its
//! predecessor and its last result, year pages say how many units were
//! ranked and why the number changed, and `rank_change` never invents a
//! change. The fixture uses the real Phong Thổ mapping with made-up scores.

use scraper::{Html, Selector};
use std::path::{Path, PathBuf};
use std::process::Command;

const SITE: &str = "tests/fixtures/sites/reform";

fn build() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let o = Command::new(env!("CARGO_BIN_EXE_chiso"))
        .args(["build", "--root", SITE, "--output", out.to_str().unwrap()])
        .env("RAYON_NUM_THREADS", "2")
        .output()
        .expect("run chiso");
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

fn text_of(doc: &Html, css: &str) -> String {
    let sel = Selector::parse(css).unwrap();
    let t: String = doc.select(&sel).flat_map(|e| e.text()).collect();
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn hrefs(doc: &Html, css: &str) -> Vec<String> {
    let sel = Selector::parse(css).unwrap();
    doc.select(&sel)
        .filter_map(|e| e.value().attr("href").map(str::to_string))
        .collect()
}

/// The one article of the fixture, wherever its address puts it.
fn article(out: &Path) -> Html {
    fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, found);
            } else if p.ends_with("index.html")
                && std::fs::read_to_string(&p).is_ok_and(|t| t.contains("Thay đổi thứ hạng:"))
            {
                found.push(p);
            }
        }
    }
    let mut found = Vec::new();
    walk(out, &mut found);
    found.sort();
    let p = found.first().expect("the article's page");
    Html::parse_document(&std::fs::read_to_string(p).unwrap())
}

#[test]
fn the_ended_district_keeps_its_page_and_links_every_successor() {
    let (_t, out) = build();
    let doc = page(&out, "chi-so/cchc/phong-tho/index.html");
    let notice = text_of(&doc, "p.unit-notice");
    assert!(
        notice.starts_with(
            "Huyện Phong Thổ kết thúc hoạt động từ ngày 1/7/2025; địa bàn nay thuộc Xã Phong Thổ, "
        ),
        "{notice}"
    );
    let links = hrefs(&doc, "p.unit-notice a");
    assert_eq!(links.len(), 6, "{links:?}");
    for l in &links {
        let rel = l.trim_start_matches('/');
        assert!(out.join(rel).join("index.html").is_file(), "{l} is a page");
    }
    assert!(
        links.contains(&"/chi-so/cchc/phuong-doan-ket/".to_string()),
        "{links:?}"
    );
    // Its trend stops at its last assessment: no empty 2025 point for the
    // half year it still existed.
    let rows = text_of(&doc, "figure table tbody");
    assert!(rows.contains("2022") && !rows.contains("2025"), "{rows}");
}

#[test]
fn a_successor_lists_its_predecessor_with_its_last_result() {
    let (_t, out) = build();
    let doc = page(&out, "chi-so/cchc/xa-phong-tho/index.html");
    let s = text_of(&doc, "section.unit-lineage");
    assert!(s.contains("Xã Phong Thổ thành lập từ ngày 1/7/2025"), "{s}");
    assert!(
        s.contains("Huyện Phong Thổ: kết quả cuối cùng năm 2022 là 72,10 điểm, hạng 2/8"),
        "{s}"
    );
    assert_eq!(
        hrefs(&doc, "section.unit-lineage a"),
        ["/chi-so/cchc/phong-tho/"]
    );
    assert!(
        text_of(&doc, "p.unit-notice").is_empty(),
        "a living unit has no end notice"
    );
}

#[test]
fn year_pages_say_how_many_units_were_ranked_and_why_the_number_changed() {
    let (_t, out) = build();
    let y2025 = text_of(&page(&out, "chi-so/cchc/2025/index.html"), "p.unit-count");
    assert!(y2025.starts_with("Năm 2025 xếp hạng 38 đơn vị. Số đơn vị khác năm 2022 (8 đơn vị) vì sắp xếp đơn vị hành chính: Huyện Phong Thổ kết thúc hoạt động; Xã Phong Thổ,"), "{y2025}");
    let y2021 = text_of(&page(&out, "chi-so/cchc/2021/index.html"), "p.unit-count");
    assert_eq!(y2021, "Năm 2021 xếp hạng 8 đơn vị.");
}

#[test]
fn rank_change_across_the_reform_and_the_trend_chart_keep_the_units_apart() {
    let (_t, out) = build();
    let doc = article(&out);
    let body = text_of(&doc, "body");
    assert!(
        body.contains("Thay đổi thứ hạng: đơn vị mới thành lập từ 1/7/2025."),
        "{body}"
    );
    assert!(
        body.contains("Huyện: đơn vị đã kết thúc hoạt động từ 1/7/2025."),
        "{body}"
    );
    assert!(!body.contains("bậc"), "no rank change is invented: {body}");
    // The trend chart's table names each row's unit: 5 district years, 1 commune year.
    let rows = text_of(&doc, "figure table tbody");
    assert_eq!(rows.matches("Phong Thổ").count(), 6, "{rows}");
}

#[test]
fn a_district_site_after_the_reform_shows_its_successors_beside_its_history() {
    let (_t, out) = build();
    let home = page(&out, "index.html");
    let panel = text_of(&home, "section.reform-panel");
    assert!(
        panel.contains("Huyện Phong Thổ kết thúc hoạt động từ ngày 1/7/2025."),
        "{panel}"
    );
    assert!(
        panel.contains("Xã Phong Thổ: 79,15 điểm, hạng 9/38 (năm 2025)"),
        "{panel}"
    );
    assert!(panel.contains("Năm 2022: 72,10 điểm, hạng 2/8"), "{panel}");
    assert_eq!(hrefs(&home, "ul.reform-successors a").len(), 6);
}

#[test]
fn tables_say_a_unit_did_not_exist_rather_than_that_its_data_is_missing() {
    let (_t, out) = build();
    let ds = text_of(&page(&out, "chi-so/cchc/index.html"), "table.data-table");
    assert!(ds.contains("chưa thành lập"), "{ds}");
    // The commune's own table lists only the years it existed.
    let unit = page(&out, "chi-so/cchc/xa-phong-tho/index.html");
    let sel = Selector::parse("table.data-table tbody tr").unwrap();
    let years: Vec<String> = unit
        .select(&sel)
        .map(|r| r.text().collect::<String>())
        .collect();
    assert_eq!(years.len(), 1, "{years:?}");
    assert!(years[0].starts_with("2025"), "{years:?}");
}

#[test]
fn a_site_unit_that_names_no_unit_is_a_warning_at_its_line() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    let copy = |rel: &str| {
        let to = root.join(rel);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(Path::new(SITE).join(rel), &to).unwrap();
    };
    copy("content/data/cchc.yaml");
    copy("content/articles/tin/mot.md");
    let site = std::fs::read_to_string(Path::new(SITE).join("content/site.yaml")).unwrap();
    std::fs::write(
        root.join("content/site.yaml"),
        site.replace("site_unit: phong-tho", "site_unit: phong-th"),
    )
    .unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_chiso"))
        .args(["check", "--root", root.to_str().unwrap(), "--lang", "en"])
        .output()
        .expect("run chiso");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "a warning, not an error: {err}");
    assert!(err.contains("W0402"), "{err}");
    assert!(err.contains("content/site.yaml:4"), "{err}");
}

/// `chiso check` on a copy of the reform site whose site.yaml ends with
/// `extra`: (success, stderr).
fn check_with_site_yaml_line(extra: &str) -> (bool, String) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    let copy = |rel: &str| {
        let to = root.join(rel);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(Path::new(SITE).join(rel), &to).unwrap();
    };
    copy("content/data/cchc.yaml");
    copy("content/articles/tin/mot.md");
    let site = std::fs::read_to_string(Path::new(SITE).join("content/site.yaml")).unwrap();
    std::fs::write(root.join("content/site.yaml"), format!("{site}{extra}\n")).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_chiso"))
        .args(["check", "--root", root.to_str().unwrap(), "--lang", "en"])
        .output()
        .expect("run chiso");
    (
        o.status.success(),
        String::from_utf8_lossy(&o.stderr).into(),
    )
}

#[test]
fn an_index_panel_that_names_no_dataset_or_unit_is_a_warning_at_its_line() {
    let (ok, err) = check_with_site_yaml_line("index_panel: { data: cchc, unit: phong-th }");
    assert!(ok, "a warning, not an error: {err}");
    assert!(err.contains("W0403"), "{err}");
    assert!(err.contains("content/site.yaml:5"), "{err}");
    assert!(err.contains("phong-th"), "{err}");

    let (ok, err) = check_with_site_yaml_line("index_panel: { data: cchc-x, unit: phong-tho }");
    assert!(ok, "a warning, not an error: {err}");
    assert!(err.contains("W0403"), "{err}");
    assert!(err.contains("cchc-x"), "{err}");

    let (ok, err) = check_with_site_yaml_line("index_panel: { data: cchc, unit: phong-tho }");
    assert!(ok, "{err}");
    assert!(!err.contains("W0403"), "a known unit is no warning: {err}");
}
