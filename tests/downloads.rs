//! Open data downloads (issue 11): every dataset of the sample site is
//! written as CSV (UTF-8 with a BOM, decimal point, a header naming fields,
//! their maximum and the unit) and JSON beside its page, linked from it.
//! The CSV is parsed back and compared with the YAML number for number, and
//! imported back with `chiso import data` (the round trip).

mod common;

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

const DATASETS: [&str; 2] = ["chi-so-cchc-lai-chau", "par-index-lai-chau"];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The sample site built into a temporary folder.
fn built() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    common::build_into(root(), &out);
    (tmp, out)
}

/// The model of a dataset YAML, as JSON.
fn model(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    let slug = path.file_stem().unwrap().to_str().unwrap();
    let ds = chiso::parsers::load_dataset(&text, slug, path).unwrap();
    serde_json::to_value(ds).unwrap()
}

fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let bytes = std::fs::read(path).unwrap();
    assert!(bytes.starts_with("\u{feff}".as_bytes()), "no BOM");
    let mut r = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(&bytes[3..]);
    let head: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r
        .records()
        .map(|x| x.unwrap().iter().map(String::from).collect())
        .collect();
    (head, rows)
}

fn cell_num(s: &str) -> Option<f64> {
    if s.is_empty() {
        None
    } else {
        assert!(!s.contains(','), "decimal comma in {s}");
        Some(s.parse().unwrap())
    }
}

/// Every (year, unit) score of the model, with its fields by name.
fn assert_same_numbers(ds: &Value, head: &[String], rows: &[Vec<String>]) {
    let unit = ds["scale"]["unit"].as_str().unwrap();
    assert_eq!(&head[..3], ["Năm", "Mã đơn vị", "Đơn vị"]);
    assert!(head[3].starts_with("Tổng điểm (tối đa 100"), "{}", head[3]);
    assert!(head[3].contains(unit), "{} names the unit {unit}", head[3]);
    assert_eq!(head[4], "Xếp hạng");
    let mut n = 0;
    for y in ds["years"].as_array().unwrap() {
        for s in y["scores"].as_array().unwrap() {
            let u = &ds["units"][s["unit"].as_u64().unwrap() as usize];
            let row = rows
                .iter()
                .find(|r| {
                    r[0].parse::<i64>().ok() == y["year"].as_i64()
                        && r[1] == u["key"].as_str().unwrap()
                })
                .unwrap_or_else(|| panic!("no row for {} {}", y["year"], u["key"]));
            assert_eq!(row[2], u["name"].as_str().unwrap());
            assert_eq!(cell_num(&row[3]), s["total"].as_f64(), "total {row:?}");
            assert_eq!(
                cell_num(&row[4]).map(|r| r as u64),
                s["rank"].as_u64(),
                "rank {row:?}"
            );
            for (i, f) in y["fields"].as_array().unwrap().iter().enumerate() {
                let name = f["name"].as_str().unwrap();
                let col = head
                    .iter()
                    .position(|h| h.starts_with(&format!("{name} (tối đa ")))
                    .unwrap_or_else(|| panic!("no column for {name}"));
                assert_eq!(
                    cell_num(&row[col]),
                    s["fields"][i].as_f64(),
                    "{name} {row:?}"
                );
            }
            n += 1;
        }
    }
    assert_eq!(n, rows.len(), "one row per score");
}

#[test]
fn csv_and_json_downloads_match_the_yaml_and_are_linked() {
    let (_tmp, out) = built();
    for slug in DATASETS {
        let ds = model(&root().join(format!("content/data/{slug}.yaml")));
        let dir = out.join(format!("chi-so/{slug}"));
        let (head, rows) = read_csv(&dir.join(format!("{slug}.csv")));
        assert_same_numbers(&ds, &head, &rows);
        let raw = std::fs::read_to_string(dir.join(format!("{slug}.csv"))).unwrap();
        assert!(raw.contains("\r\n"), "CSV lines end in CRLF");

        let json: Value = serde_json::from_str(
            &std::fs::read_to_string(dir.join(format!("{slug}.json"))).unwrap(),
        )
        .unwrap();
        assert_eq!(json["title"], ds["title"]);
        for (y, jy) in ds["years"]
            .as_array()
            .unwrap()
            .iter()
            .zip(json["results"].as_array().unwrap())
        {
            assert_eq!(y["year"], jy["year"]);
            for (s, js) in y["scores"]
                .as_array()
                .unwrap()
                .iter()
                .zip(jy["scores"].as_array().unwrap())
            {
                assert_eq!(s["total"], js["total"]);
                assert_eq!(s["rank"], js["rank"]);
                let u = &ds["units"][s["unit"].as_u64().unwrap() as usize];
                assert_eq!(u["key"], js["unit"]);
            }
        }

        let page = std::fs::read_to_string(dir.join("index.html")).unwrap();
        assert!(
            page.contains(&format!(
                "href=\"/chi-so/{slug}/{slug}.csv\" download>CSV</a>"
            )),
            "{slug}"
        );
        assert!(
            page.contains(&format!(
                "href=\"/chi-so/{slug}/{slug}.json\" download>JSON</a>"
            )),
            "{slug}"
        );
    }
}

#[test]
fn exported_csv_imports_back_to_the_same_numbers() {
    let (tmp, out) = built();
    let slug = "chi-so-cchc-lai-chau";
    let orig = model(&root().join(format!("content/data/{slug}.yaml")));
    let csv = out.join(format!("chi-so/{slug}/{slug}.csv"));
    let work = tmp.path().join("site");
    std::fs::create_dir_all(work.join("content/data")).unwrap();
    let into = "content/data/nhap-lai.yaml";
    for y in orig["years"].as_array().unwrap() {
        let year = y["year"].to_string();
        let run = Command::new(common::BIN)
            .args(["import", "data"])
            .arg(&csv)
            .args(["--into", into, "--year", &year])
            .current_dir(&work)
            .output()
            .unwrap();
        assert!(
            run.status.success(),
            "{year}: {}",
            String::from_utf8_lossy(&run.stderr)
        );
    }
    let back = model(&work.join(into));
    // The "Mã đơn vị" column gives the units their keys back.
    let keys = |ds: &Value| -> Vec<Value> {
        let mut k: Vec<Value> = ds["units"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u["key"].clone())
            .collect();
        k.sort_by_key(|v| v.to_string());
        k
    };
    assert_eq!(keys(&back), keys(&orig));
    assert_eq!(
        back["units"].as_array().unwrap().len(),
        orig["units"].as_array().unwrap().len()
    );
    for (y, by) in orig["years"]
        .as_array()
        .unwrap()
        .iter()
        .zip(back["years"].as_array().unwrap())
    {
        assert_eq!(y["year"], by["year"]);
        let scores = y["scores"].as_array().unwrap();
        let bscores = by["scores"].as_array().unwrap();
        assert_eq!(scores.len(), bscores.len(), "{}", y["year"]);
        for s in scores {
            let name = &orig["units"][s["unit"].as_u64().unwrap() as usize]["name"];
            let bs = bscores
                .iter()
                .find(|b| &back["units"][b["unit"].as_u64().unwrap() as usize]["name"] == name)
                .unwrap();
            assert_eq!(s["total"], bs["total"], "{name} {}", y["year"]);
            assert_eq!(s["rank"], bs["rank"], "{name} {}", y["year"]);
            for i in 0..y["fields"].as_array().unwrap().len() {
                let fname = y["fields"][i]["name"].as_str().unwrap();
                let bi = by["fields"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .position(|f| f["name"] == fname)
                    .unwrap();
                assert_eq!(
                    s["fields"][i], bs["fields"][bi],
                    "{name} {fname} {}",
                    y["year"]
                );
            }
        }
    }
}

#[test]
fn json_download_carries_each_units_life_and_links_so_no_number_reads_as_a_missing_units() {
    let (_tmp, out) = built();
    let slug = "chi-so-cchc-xa-phong-tho";
    let json: Value = serde_json::from_str(
        &std::fs::read_to_string(out.join(format!("chi-so/{slug}/{slug}.json"))).unwrap(),
    )
    .unwrap();
    let units = json["units"].as_array().unwrap();
    let unit = |key: &str| units.iter().find(|u| u["key"] == key).unwrap();
    let district = unit("phong-tho");
    assert_eq!(district["until"], "2025-06-30");
    assert!(district["since"].is_null());
    assert!(
        district["succeeded_by"]
            .as_array()
            .unwrap()
            .contains(&Value::from("xa-dao-san")),
        "{district}"
    );
    let commune = unit("xa-dao-san");
    assert_eq!(commune["since"], "2025-07-01");
    assert!(commune["until"].is_null());
    assert_eq!(commune["formed_from"], serde_json::json!(["phong-tho"]));
}

#[test]
fn csv_download_carries_each_units_life_and_links_so_no_number_reads_as_a_missing_units() {
    let (_tmp, out) = built();
    let slug = "chi-so-cchc-xa-phong-tho";
    let (head, rows) = read_csv(&out.join(format!("chi-so/{slug}/{slug}.csv")));
    let n = head.len();
    assert_eq!(
        &head[n - 4..],
        ["since", "until", "formed_from", "succeeded_by"]
    );
    let row = |key: &str| {
        rows.iter()
            .find(|r| r[1] == key)
            .unwrap_or_else(|| panic!("no row for {key}"))
    };
    let district = row("phong-tho");
    assert_eq!(district[n - 4], "", "{district:?}");
    assert_eq!(district[n - 3], "2025-06-30", "{district:?}");
    assert_eq!(district[n - 2], "", "{district:?}");
    let succ: Vec<&str> = district[n - 1].split(' ').collect();
    assert!(
        succ.len() > 1 && succ.contains(&"xa-dao-san"),
        "{district:?}"
    );
    let commune = row("xa-dao-san");
    assert_eq!(commune[n - 4], "2025-07-01", "{commune:?}");
    assert_eq!(commune[n - 3], "", "{commune:?}");
    assert_eq!(commune[n - 2], "phong-tho", "{commune:?}");
    assert_eq!(commune[n - 1], "", "{commune:?}");
}
