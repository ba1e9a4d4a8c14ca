//! `chiso import data`: real-looking provincial tables (merged two-row
//! headers, a "Ghi chú" row, decimal commas typed as text, a blank rank, a
//! unit in another case), built here with a spreadsheet writer, imported
//! into new and existing datasets, and compared with the sheet cell for
//! cell. Fixtures that are plain text live in tests/fixtures/import/.

mod common;

use common::{BIN, Out, Site, fixtures};
use rust_xlsxwriter::{Format, Workbook};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A cell of a test sheet.
#[derive(Clone, Debug)]
enum C {
    S(String),
    N(f64),
    /// A formula saved without its result, as a program that does not
    /// compute formulas writes it.
    F(&'static str),
    E,
}

fn s(t: &str) -> C {
    C::S(t.to_string())
}

/// A sheet: rows from A1, and merged ranges (first row, first col, last
/// row, last col, text), 0-based.
struct Sheet {
    name: &'static str,
    rows: Vec<Vec<C>>,
    merges: Vec<(u32, u16, u32, u16, String)>,
}

fn write_xlsx(path: &Path, sheets: &[Sheet]) {
    let mut wb = Workbook::new();
    let fmt = Format::new();
    for sh in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(sh.name).unwrap();
        let in_merge = |r: u32, c: u16| {
            sh.merges
                .iter()
                .any(|&(r0, c0, r1, c1, _)| (r0..=r1).contains(&r) && (c0..=c1).contains(&c))
        };
        for (r, row) in sh.rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                if in_merge(r, c) {
                    continue;
                }
                match cell {
                    C::S(t) => {
                        ws.write_string(r, c, t).unwrap();
                    }
                    C::N(n) => {
                        ws.write_number(r, c, *n).unwrap();
                    }
                    C::F(f) => {
                        ws.set_formula_result_default("");
                        ws.write_formula(r, c, *f).unwrap();
                    }
                    C::E => {}
                }
            }
        }
        for (r0, c0, r1, c1, t) in &sh.merges {
            ws.merge_range(*r0, *c0, *r1, *c1, t, &fmt).unwrap();
        }
    }
    wb.save(path).unwrap();
}

const FIELDS: [(&str, &str, f64); 8] = [
    ("chi-dao", "Công tác chỉ đạo, điều hành CCHC", 12.0),
    ("the-che", "Cải cách thể chế", 10.0),
    ("tthc", "Cải cách thủ tục hành chính", 16.0),
    ("bo-may", "Cải cách tổ chức bộ máy", 12.0),
    ("cong-vu", "Cải cách chế độ công vụ", 14.0),
    ("tai-chinh", "Cải cách tài chính công", 10.0),
    ("cpdt", "Xây dựng, phát triển chính phủ điện tử", 12.0),
    ("tac-dong", "Tác động của CCHC", 14.0),
];

/// One unit's row: name as typed, total, rank, fields.
#[derive(Clone, Debug)]
struct Unit {
    name: &'static str,
    total: f64,
    rank: Option<u32>,
    fields: [f64; 8],
}

/// The 2022 table of the eight districts of Lai Châu. Phong Thổ's 72,10
/// points and rank 2/8 are real (UBND tỉnh Lai Châu, as reported by Công
/// đoàn huyện Phong Thổ on 20/05/2024); every other number is illustrative
/// (the sample dataset's).
fn lai_chau_2022() -> Vec<Unit> {
    let u = |name, total, rank, fields| Unit {
        name,
        total,
        rank: Some(rank),
        fields,
    };
    vec![
        u(
            "Thành phố Lai Châu",
            82.70,
            1,
            [11.41, 8.81, 13.10, 9.88, 11.51, 7.47, 9.72, 10.80],
        ),
        u(
            "Huyện Phong Thổ",
            72.10,
            2,
            [7.49, 7.18, 11.38, 9.25, 10.36, 7.63, 9.25, 9.56],
        ),
        u(
            "Huyện Than Uyên",
            71.35,
            3,
            [10.36, 7.63, 12.00, 7.92, 9.21, 6.99, 7.82, 9.42],
        ),
        u(
            "Huyện Tam Đường",
            69.85,
            4,
            [9.07, 7.29, 10.41, 8.26, 10.08, 6.99, 8.04, 9.71],
        ),
        u(
            "Huyện Tân Uyên",
            68.75,
            5,
            [8.20, 7.02, 11.45, 8.76, 8.93, 7.07, 8.41, 8.91],
        ),
        u(
            "Huyện Sìn Hồ",
            67.90,
            6,
            [7.17, 7.04, 11.56, 7.98, 9.60, 6.73, 8.08, 9.74],
        ),
        u(
            "Huyện Mường Tè",
            66.40,
            7,
            [9.17, 6.91, 9.76, 7.97, 8.78, 6.31, 8.28, 9.22],
        ),
        u(
            "Huyện Nậm Nhùn",
            65.20,
            8,
            [6.69, 7.00, 9.80, 8.38, 8.87, 6.44, 8.44, 9.58],
        ),
    ]
}

/// An illustrative 2023: each field moved a little, totals their sums,
/// Phong Thổ written in another case, Nậm Nhùn unranked (blank rank).
fn lai_chau_2023() -> Vec<Unit> {
    let mut v = lai_chau_2022();
    for (i, u) in v.iter_mut().enumerate() {
        for (j, f) in u.fields.iter_mut().enumerate() {
            let d = ((i * 7 + j * 3) % 5) as f64 * 0.11 - 0.2;
            *f = ((*f + d) * 100.0).round() / 100.0;
        }
        u.total = (u.fields.iter().sum::<f64>() * 100.0).round() / 100.0;
    }
    v.sort_by(|a, b| b.total.total_cmp(&a.total));
    for (i, u) in v.iter_mut().enumerate() {
        u.rank = Some(i as u32 + 1);
    }
    for u in &mut v {
        if u.name == "Huyện Phong Thổ" {
            u.name = "HUYỆN PHONG THỔ";
        }
        if u.name == "Huyện Nậm Nhùn" {
            u.rank = None;
        }
    }
    v
}

/// `72,10` as a clerk types it into a text cell.
fn comma(v: f64) -> C {
    s(&format!("{v:.2}").replace('.', ","))
}

/// The province's layout: two title rows, a two-row merged header (STT,
/// Đơn vị, the fields under "Điểm đạt được theo lĩnh vực", Tổng điểm, Xếp
/// hạng), the units, a "Ghi chú" row. Totals are text with decimal commas;
/// fields alternate numbers and text. `extra` adds columns after L.
fn province_sheet(year: i32, units: &[Unit], extra: &[(&str, Vec<C>)]) -> Sheet {
    let width = 12 + extra.len() as u16;
    let mut rows = vec![
        vec![s(&format!(
            "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year} CỦA UBND CÁC HUYỆN, THÀNH PHỐ"
        ))],
        vec![s(&format!(
            "(Kèm theo Quyết định số …/QĐ-UBND ngày …/…/{} của UBND tỉnh Lai Châu)",
            year + 1
        ))],
        vec![],
    ];
    let mut h1 = vec![s("STT"), s("Đơn vị"), s("Điểm đạt được theo lĩnh vực")];
    h1.resize(10, C::E);
    h1.push(s("Tổng điểm"));
    h1.push(s("Xếp hạng"));
    let mut h2 = vec![C::E, C::E];
    for (_, name, max) in FIELDS {
        h2.push(s(&format!("{name} ({max})")));
    }
    for (h, _) in extra {
        h1.push(s(h));
    }
    rows.push(h1);
    rows.push(h2);
    for (i, u) in units.iter().enumerate() {
        let mut r = vec![C::N(i as f64 + 1.0), s(u.name)];
        for (j, f) in u.fields.iter().enumerate() {
            r.push(if j % 2 == 0 { C::N(*f) } else { comma(*f) });
        }
        r.push(comma(u.total));
        r.push(u.rank.map_or(C::E, |n| C::N(n as f64)));
        for (_, col) in extra {
            r.push(col.get(i).cloned().unwrap_or(C::E));
        }
        rows.push(r);
    }
    let note_row = rows.len() as u32;
    rows.push(vec![s(
        "Ghi chú: Điểm tối đa 100; Huyện Nậm Nhùn chưa xếp hạng (số liệu minh họa).",
    )]);
    let merges = vec![
        (0, 0, 0, width - 1, text(&rows[0][0])),
        (1, 0, 1, width - 1, text(&rows[1][0])),
        (3, 0, 4, 0, "STT".to_string()),
        (3, 1, 4, 1, "Đơn vị".to_string()),
        (3, 2, 3, 9, "Điểm đạt được theo lĩnh vực".to_string()),
        (3, 10, 4, 10, "Tổng điểm".to_string()),
        (3, 11, 4, 11, "Xếp hạng".to_string()),
        (
            note_row,
            0,
            note_row,
            width - 1,
            text(&rows[note_row as usize][0]),
        ),
    ];
    Sheet {
        name: "Sheet1",
        rows,
        merges,
    }
}

fn text(c: &C) -> String {
    match c {
        C::S(t) => t.clone(),
        _ => String::new(),
    }
}

fn tmp() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("chiso-import-")
        .tempdir()
        .unwrap()
}

/// `chiso import data FILE --into INTO ARGS…`, run in `dir`.
fn import(dir: &Path, file: &str, into: &str, args: &[&str]) -> Out {
    let o = Command::new(BIN)
        .args(["import", "data", file, "--into", into])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    Out {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

/// `import` with the messages in Vietnamese.
fn import_vi(dir: &Path, file: &str, into: &str, args: &[&str]) -> Out {
    let o = Command::new(BIN)
        .args(["import", "data", file, "--into", into])
        .args(args)
        .env("CHISO_LANG", "vi")
        .current_dir(dir)
        .output()
        .unwrap();
    Out {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

fn load(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).unwrap();
    let slug = path.file_stem().unwrap().to_str().unwrap();
    let ds = chiso::parsers::load_dataset(&text, slug, path).unwrap_or_else(|d| {
        panic!(
            "{}\n{text}",
            chiso::render_diagnostics(&d, chiso::Format::Human, Path::new("."))
        )
    });
    serde_json::to_value(ds).unwrap()
}

/// Every number of `units` equals the dataset's for `year`, cell for cell.
fn assert_matches_sheet(ds: &serde_json::Value, year: i64, units: &[Unit], field_keys: &[&str]) {
    let y = ds["years"]
        .as_array()
        .unwrap()
        .iter()
        .find(|y| y["year"] == year)
        .unwrap_or_else(|| panic!("no year {year}"));
    let scores = y["scores"].as_array().unwrap();
    assert_eq!(scores.len(), units.len());
    let year_keys: Vec<&str> = y["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["key"].as_str().unwrap())
        .collect();
    for u in units {
        let idx = ds["units"]
            .as_array()
            .unwrap()
            .iter()
            .position(|x| x["name"].as_str().unwrap().to_lowercase() == u.name.to_lowercase())
            .unwrap_or_else(|| panic!("no unit {}", u.name));
        let sc = scores.iter().find(|s| s["unit"] == idx).unwrap();
        assert_eq!(sc["total"].as_f64(), Some(u.total), "total of {}", u.name);
        assert_eq!(
            sc["rank"].as_u64(),
            u.rank.map(u64::from),
            "rank of {}",
            u.name
        );
        for (j, key) in field_keys.iter().enumerate() {
            let at = year_keys.iter().position(|k| k == key).unwrap();
            assert_eq!(
                sc["fields"][at].as_f64(),
                Some(u.fields[j]),
                "{key} of {}",
                u.name
            );
        }
    }
}

#[test]
fn lai_chau_par_table_imports_to_a_dataset_that_builds() {
    let site = Site::fixture("good");
    std::fs::create_dir_all(site.path("content/data")).unwrap();
    let units = lai_chau_2022();
    write_xlsx(
        &site.path("bang-2022.xlsx"),
        &[province_sheet(2022, &units, &[])],
    );
    let out = import(
        site.root(),
        "bang-2022.xlsx",
        "content/data/cchc-huyen.yaml",
        &[],
    );
    out.assert_code(0);
    assert!(
        out.stderr.contains("imported 8 units for 2022"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("year 2022 read from the sheet"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("(a note)"),
        "the Ghi chú row is reported: {}",
        out.stderr
    );
    let text = site.read("content/data/cchc-huyen.yaml");
    assert!(text.contains("status: published\n"), "{text}");
    assert!(text.contains(chiso::SOURCE_PLACEHOLDER), "{text}");
    assert!(
        text.contains(
            "  - { key: huyen-phong-tho, name: \"Huyện Phong Thổ\", short: \"Phong Thổ\" }\n"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "huyen-phong-tho: { total: 72.10, rank: 2, fields: { chi-dao: 7.49, the-che:"
        ),
        "{text}"
    );
    assert!(
        text.contains("  - { key: the-che, name: \"Cải cách thể chế\", max: 10 }\n"),
        "{text}"
    );
    let ds = load(&site.path("content/data/cchc-huyen.yaml"));
    assert_eq!(
        ds["title"],
        "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2022 CỦA UBND CÁC HUYỆN, THÀNH PHỐ"
    );
    assert_eq!(ds["scale"]["max"], 100.0);
    assert_eq!(ds["scale"]["decimals"], 2);
    // Short keys, as the sample dataset's (the header stays the name).
    let keys: Vec<&str> = FIELDS.iter().map(|(k, ..)| *k).collect();
    assert_matches_sheet(&ds, 2022, &units, &keys);
    let built = site.run(&["build"]);
    built.assert_code(0);
    assert!(site.path("output/chi-so/cchc-huyen/index.html").is_file());
    // The placeholder source is flagged until it is filled in.
    let checked = site.run(&["check"]);
    checked.assert_code(0);
    checked.assert_diag("warning", "W0401", "content/data/cchc-huyen.yaml");
}

fn sample_dataset(dir: &Path) -> PathBuf {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/data/chi-so-cchc-lai-chau.yaml");
    std::fs::create_dir_all(dir.join("content/data")).unwrap();
    let to = dir.join("content/data/chi-so-cchc-lai-chau.yaml");
    std::fs::copy(from, &to).unwrap();
    to
}

#[test]
fn a_second_year_leaves_the_other_years_byte_identical() {
    let dir = tmp();
    let path = sample_dataset(dir.path());
    let before = std::fs::read_to_string(&path).unwrap();
    let units = lai_chau_2023();
    write_xlsx(
        &dir.path().join("bang-2023.xlsx"),
        &[province_sheet(2023, &units, &[])],
    );
    let into = "content/data/chi-so-cchc-lai-chau.yaml";
    let out = import(dir.path(), "bang-2023.xlsx", into, &[]);
    out.assert_code(0);
    assert!(out.stderr.contains("added year 2023"), "{}", out.stderr);
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(
        after.starts_with(&before),
        "the file before the new year changed"
    );
    let added = &after[before.len()..];
    assert!(
        added.starts_with("  - year: 2023\n    scores:\n      \"105\": { total: "),
        "{added}"
    );
    // Matched after case folding: HUYỆN PHONG THỔ is unit 109.
    assert!(added.contains("      \"109\": { total: "), "{added}");
    // A unit known by a code gets its name beside its score.
    assert!(added.contains(" }   # Phong Thổ\n"), "{added}");
    let keys: Vec<&str> = FIELDS.iter().map(|(k, ..)| *k).collect();
    assert_matches_sheet(&load(&path), 2023, &units, &keys);

    // Importing the same sheet again changes nothing.
    import(dir.path(), "bang-2023.xlsx", into, &[]).assert_code(0);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), after);

    // Replacing 2022 keeps 2018–2021, 2023 and every comment as they were.
    let mut y2022 = lai_chau_2022();
    y2022[2].fields[0] = 10.46; // Than Uyên, chỉ đạo: a correction
    y2022[2].total = 71.45;
    write_xlsx(
        &dir.path().join("bang-2022.xlsx"),
        &[province_sheet(2022, &y2022, &[])],
    );
    let out = import(dir.path(), "bang-2022.xlsx", into, &["--year", "2022"]);
    out.assert_code(0);
    assert!(out.stderr.contains("replaced year 2022"), "{}", out.stderr);
    let replaced = std::fs::read_to_string(&path).unwrap();
    let start = after.find("  - year: 2022\n").unwrap();
    let end = after.find("  - year: 2023\n").unwrap();
    assert_eq!(&replaced[..start], &after[..start]);
    assert!(replaced.ends_with(&after[end..]));
    let item = &replaced[start..replaced.len() - (after.len() - end)];
    assert!(
        item.starts_with("  - year: 2022\n    methodology: \"QĐ của UBND tỉnh Lai Châu công bố Chỉ số CCHC năm 2022\"\n"),
        "{item}"
    );
    let ds = load(&path);
    assert_matches_sheet(&ds, 2022, &y2022, &keys);
    assert_matches_sheet(&ds, 2023, &units, &keys);
}

#[test]
fn a_crlf_file_keeps_its_line_ends() {
    let dir = tmp();
    let path = sample_dataset(dir.path());
    let crlf = std::fs::read_to_string(&path)
        .unwrap()
        .replace('\n', "\r\n");
    std::fs::write(&path, &crlf).unwrap();
    write_xlsx(
        &dir.path().join("b.xlsx"),
        &[province_sheet(2023, &lai_chau_2023(), &[])],
    );
    let out = import(
        dir.path(),
        "b.xlsx",
        "content/data/chi-so-cchc-lai-chau.yaml",
        &["--year", "2024"],
    );
    out.assert_code(0);
    assert!(
        out.stderr
            .contains("the sheet's title names 2023, but --year 2024 was given"),
        "{}",
        out.stderr
    );
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(after.starts_with(&crlf));
    assert!(
        !after.replace("\r\n", "").contains('\n'),
        "a bare LF was written"
    );
}

#[test]
fn an_unknown_header_stops_and_says_how_to_map_it() {
    let dir = tmp();
    let units = lai_chau_2022();
    let bonus: Vec<C> = units.iter().map(|_| C::N(0.5)).collect();
    write_xlsx(
        &dir.path().join("bang-2022.xlsx"),
        &[province_sheet(2022, &units, &[("Điểm thưởng", bonus)])],
    );
    std::fs::create_dir_all(dir.path().join("content/data")).unwrap();
    let into = "content/data/cchc.yaml";
    let out = import(dir.path(), "bang-2022.xlsx", into, &[]);
    out.assert_code(1);
    out.assert_error("E0701", "bang-2022.xlsx:Sheet1!M4");
    assert!(
        out.stderr
            .contains("cannot place column M (Cột 13) \"Điểm thưởng\""),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("--map \"M=<target>\""),
        "{}",
        out.stderr
    );
    assert!(!dir.path().join(into).exists(), "nothing is written");
    // Mapped, it imports.
    import(
        dir.path(),
        "bang-2022.xlsx",
        into,
        &["--map", "Cột 13=skip"],
    )
    .assert_code(0);

    // Into an existing dataset, a field it does not declare is unknown too,
    // and the hint lists the fields.
    let path = sample_dataset(dir.path());
    let before = std::fs::read_to_string(&path).unwrap();
    let extra = vec![C::N(1.0); 8];
    write_xlsx(
        &dir.path().join("b.xlsx"),
        &[province_sheet(
            2023,
            &lai_chau_2023(),
            &[("Cải cách khác (5)", extra)],
        )],
    );
    let out = import(
        dir.path(),
        "b.xlsx",
        "content/data/chi-so-cchc-lai-chau.yaml",
        &[],
    );
    out.assert_code(1);
    out.assert_error("E0701", "b.xlsx:Sheet1!M4");
    assert!(
        out.stderr.contains("chi-dao, the-che, tthc"),
        "{}",
        out.stderr
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
}

#[test]
fn ambiguous_headers_and_bad_cells_name_their_cells() {
    let dir = tmp();
    std::fs::create_dir_all(dir.path().join("content/data")).unwrap();
    let units = lai_chau_2022();
    let totals: Vec<C> = units.iter().map(|u| C::N(u.total)).collect();
    write_xlsx(
        &dir.path().join("two.xlsx"),
        &[province_sheet(2022, &units, &[("Tổng", totals)])],
    );
    let out = import(dir.path(), "two.xlsx", "content/data/x.yaml", &[]);
    out.assert_code(1);
    out.assert_error("E0701", "two.xlsx:Sheet1!M4");
    assert!(
        out.stderr.contains("both look like the total"),
        "{}",
        out.stderr
    );
    import(
        dir.path(),
        "two.xlsx",
        "content/data/x.yaml",
        &["--map", "M=skip"],
    )
    .assert_code(0);

    // A word where a number belongs: Sheet1!D7 is Phong Thổ's "thể chế".
    let mut sheet = province_sheet(2022, &units, &[]);
    sheet.rows[6][3] = s("bảy");
    write_xlsx(&dir.path().join("bad.xlsx"), &[sheet]);
    let out = import(dir.path(), "bad.xlsx", "content/data/y.yaml", &[]);
    out.assert_code(1);
    out.assert_error("E0701", "bad.xlsx:Sheet1!D7");
    assert!(
        out.stderr.contains("`bảy` is not a number"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_new_unit_is_reported_and_added_only_when_asked() {
    let dir = tmp();
    let path = sample_dataset(dir.path());
    let before = std::fs::read_to_string(&path).unwrap();
    let mut units = lai_chau_2023();
    units[7].name = "Huyện Mới Lập";
    write_xlsx(
        &dir.path().join("b.xlsx"),
        &[province_sheet(2023, &units, &[])],
    );
    let into = "content/data/chi-so-cchc-lai-chau.yaml";
    let out = import(dir.path(), "b.xlsx", into, &[]);
    out.assert_code(1);
    out.assert_error("E0701", "b.xlsx:Sheet1!B13");
    assert!(
        out.stderr.contains("\"Huyện Mới Lập\" is not a unit"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("--add-units"), "{}", out.stderr);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);

    let out = import(dir.path(), "b.xlsx", into, &["--add-units"]);
    out.assert_code(0);
    assert!(
        out.stderr.contains("added units: Huyện Mới Lập"),
        "{}",
        out.stderr
    );
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(after.contains(
        "  - { key: \"112\", name: \"Huyện Nậm Nhùn\", short: \"Nậm Nhùn\", slug: nam-nhun }\n  - { key: huyen-moi-lap, name: \"Huyện Mới Lập\", short: \"Mới Lập\" }\nresults:\n"
    ));
    let keys: Vec<&str> = FIELDS.iter().map(|(k, ..)| *k).collect();
    assert_matches_sheet(&load(&path), 2023, &units, &keys);
}

#[test]
fn a_csv_with_semicolons_and_decimal_commas_imports() {
    let dir = tmp();
    std::fs::create_dir_all(dir.path().join("content/data")).unwrap();
    let csv = fixtures().join("import/par-huyen-2022.csv");
    let out = import(
        dir.path(),
        csv.to_str().unwrap(),
        "content/data/par.yaml",
        &["--year", "2022"],
    );
    out.assert_code(0);
    let ds = load(&dir.path().join("content/data/par.yaml"));
    let y = &ds["years"][0];
    assert_eq!(y["year"], 2022);
    let phong_tho = ds["units"]
        .as_array()
        .unwrap()
        .iter()
        .position(|u| u["name"] == "Phong Thổ")
        .unwrap();
    let sc = y["scores"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["unit"] == phong_tho)
        .unwrap();
    assert_eq!(sc["total"], 72.1);
    assert_eq!(sc["rank"], 2);
    // Nậm Nhùn: a blank rank is unranked, a dash total is "no data".
    let nam_nhun = ds["units"]
        .as_array()
        .unwrap()
        .iter()
        .position(|u| u["name"] == "Nậm Nhùn")
        .unwrap();
    let sc = y["scores"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["unit"] == nam_nhun)
        .unwrap();
    assert_eq!(sc["total"], serde_json::Value::Null);
    assert_eq!(sc["rank"], serde_json::Value::Null);
}

#[test]
fn usage_errors_are_clear() {
    let dir = tmp();
    let out = import(dir.path(), "nope.xlsx", "content/data/x.yaml", &[]);
    out.assert_code(1);
    assert!(
        out.stderr.contains("folder of --into does not exist"),
        "{}",
        out.stderr
    );
    std::fs::create_dir_all(dir.path().join("content/data")).unwrap();
    let out = import(dir.path(), "nope.xlsx", "content/data/x.yaml", &[]);
    out.assert_error("E0701", "nope.xlsx");
    let out = import(
        dir.path(),
        "nope.xlsx",
        "content/data/x.yaml",
        &["--map", "Cột 5"],
    );
    out.assert_error("E0701", "--map");
    std::fs::write(dir.path().join("a.xlsx"), b"not a zip").unwrap();
    let out = import(dir.path(), "a.xlsx", "content/data/x.yaml", &[]);
    out.assert_error("E0701", "a.xlsx");
    assert!(
        out.stderr.contains("cannot open the workbook"),
        "{}",
        out.stderr
    );
}

#[test]
fn xls_and_ods_files_import_the_same() {
    for ext in ["xls", "ods"] {
        let dir = tmp();
        std::fs::create_dir_all(dir.path().join("content/data")).unwrap();
        let file = fixtures().join(format!("import/par-huyen-2022.{ext}"));
        let out = import(
            dir.path(),
            file.to_str().unwrap(),
            "content/data/p.yaml",
            &[],
        );
        out.assert_code(0);
        assert!(out.stderr.contains("(a note)"), "{ext}: {}", out.stderr);
        let ds = load(&dir.path().join("content/data/p.yaml"));
        let y = &ds["years"][0];
        assert_eq!(y["year"], 2022, "{ext}");
        let totals: Vec<Value> = y["scores"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["total"].clone())
            .collect();
        assert_eq!(totals, [82.7, 72.1, 71.35, 65.2].map(Value::from), "{ext}");
        let ranks: Vec<Value> = y["scores"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["rank"].clone())
            .collect();
        assert_eq!(
            ranks,
            [Value::from(1), Value::from(2), Value::from(3), Value::Null],
            "{ext}"
        );
        assert_eq!(y["fields"][0]["name"], "Cải cách thể chế", "{ext}");
        assert_eq!(y["fields"][0]["max"], 10.0, "{ext}");
    }
}

#[test]
fn sheets_are_chosen_by_name() {
    let dir = tmp();
    std::fs::create_dir_all(dir.path().join("content/data")).unwrap();
    let notes = Sheet {
        name: "Hướng dẫn",
        rows: vec![vec![s("Bảng điểm ở trang sau")]],
        merges: vec![],
    };
    let mut table = province_sheet(2022, &lai_chau_2022(), &[]);
    table.name = "Biểu 2";
    write_xlsx(&dir.path().join("b.xlsx"), &[notes, table]);
    let out = import(dir.path(), "b.xlsx", "content/data/a.yaml", &[]);
    out.assert_error("E0701", "b.xlsx:Hướng dẫn");
    assert!(out.stderr.contains("--sheet \"Biểu 2\""), "{}", out.stderr);
    let out = import(
        dir.path(),
        "b.xlsx",
        "content/data/a.yaml",
        &["--sheet", "biểu 2"],
    );
    out.assert_code(0);
    let out = import(
        dir.path(),
        "b.xlsx",
        "content/data/a.yaml",
        &["--sheet", "Biểu 3"],
    );
    out.assert_error("E0701", "b.xlsx");
    assert!(
        out.stderr.contains("sheets: Hướng dẫn, Biểu 2"),
        "{}",
        out.stderr
    );
}

#[test]
fn damaged_workbooks_are_errors_not_crashes() {
    let dir = tmp();
    std::fs::create_dir_all(dir.path().join("content/data")).unwrap();
    let mut good = Vec::new();
    write_xlsx(
        &dir.path().join("good.xlsx"),
        &[province_sheet(2022, &lai_chau_2022(), &[])],
    );
    good.extend(std::fs::read(dir.path().join("good.xlsx")).unwrap());
    // Truncated, and with bytes flipped in the middle: each must fail cleanly.
    let mut cases: Vec<(String, Vec<u8>)> = vec![
        ("cut.xlsx".into(), good[..good.len() / 2].to_vec()),
        ("empty.ods".into(), Vec::new()),
        (
            "noise.xls".into(),
            (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect(),
        ),
    ];
    for k in 1..6 {
        let mut b = good.clone();
        let at = b.len() * k / 6;
        for x in &mut b[at..(at + 64).min(good.len())] {
            *x ^= 0x5a;
        }
        cases.push((format!("flip{k}.xlsx"), b));
    }
    for (name, bytes) in cases {
        std::fs::write(dir.path().join(&name), bytes).unwrap();
        let out = import(dir.path(), &name, "content/data/z.yaml", &[]);
        assert!(
            out.code == 0 || out.code == 1,
            "{name}: exit {}\n{}",
            out.code,
            out.stderr
        );
        if out.code == 1 {
            assert!(
                out.stderr.contains("error[E0701]"),
                "{name}: {}",
                out.stderr
            );
        }
        let _ = std::fs::remove_file(dir.path().join("content/data/z.yaml"));
    }
}

#[test]
fn a_row_of_maximums_gives_the_fields_their_max() {
    let dir = tmp();
    std::fs::create_dir_all(dir.path().join("content/data")).unwrap();
    // Headers without brackets; the maximums in a row of their own, as
    // some provinces print them.
    let mut sheet = province_sheet(2022, &lai_chau_2022(), &[]);
    for (j, (_, name, _)) in FIELDS.iter().enumerate() {
        sheet.rows[4][2 + j] = s(name);
    }
    let mut max_row = vec![C::E, s("Điểm tối đa")];
    max_row.extend(FIELDS.iter().map(|(.., m)| C::N(*m)));
    max_row.push(C::N(100.0));
    sheet.rows.insert(5, max_row);
    let last = sheet.merges.len() - 1;
    sheet.merges[last].0 += 1;
    sheet.merges[last].2 += 1;
    write_xlsx(&dir.path().join("b.xlsx"), &[sheet]);
    let out = import(dir.path(), "b.xlsx", "content/data/a.yaml", &[]);
    out.assert_code(0);
    assert!(out.stderr.contains("row 6: the maximums"), "{}", out.stderr);
    let ds = load(&dir.path().join("content/data/a.yaml"));
    let maxes: Vec<f64> = ds["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["max"].as_f64().unwrap())
        .collect();
    assert_eq!(maxes, FIELDS.map(|(.., m)| m));
    assert_eq!(
        ds["units"].as_array().unwrap().len(),
        8,
        "the maximums are not a unit"
    );
    assert!(
        out.stderr
            .contains("max 100 (the \"Điểm tối đa\" row under the header)"),
        "{}",
        out.stderr
    );
}

/// Any CSV text (cells from a Vietnamese table's vocabulary, at random)
/// imports or fails with E0701 diagnostics: never a panic, and a written
/// dataset is always valid.
#[test]
fn random_tables_never_panic() {
    use proptest::prelude::*;
    let words = prop::sample::select(vec![
        "STT",
        "Đơn vị",
        "Tên đơn vị",
        "Tổng điểm",
        "Xếp hạng",
        "Cải cách thể chế (10)",
        "Ghi chú: x",
        "Huyện A",
        "huyện a",
        "Huyện B",
        "72,10",
        "7.5",
        "-",
        "",
        "1",
        "2",
        "(3)",
        "x",
        "100",
        "1.234,5",
        "Năm",
        "2022",
        "Điểm tối đa",
        "\"q;\"",
        "Trung bình",
    ]);
    let table = prop::collection::vec(prop::collection::vec(words, 0..7), 0..9);
    let dir = tmp();
    std::fs::create_dir_all(dir.path().join("content/data")).unwrap();
    let mut runner = proptest::test_runner::TestRunner::new(proptest::test_runner::Config {
        cases: 200,
        failure_persistence: None,
        ..Default::default()
    });
    runner
        .run(&table, |rows| {
            let text: String = rows.iter().map(|r| r.join(";") + "\n").collect();
            let csv = dir.path().join("t.csv");
            std::fs::write(&csv, &text).unwrap();
            let into = dir.path().join("content/data/t.yaml");
            let _ = std::fs::remove_file(&into);
            let opts = chiso::ImportOptions {
                file: csv,
                into: into.clone(),
                year: Some(2022),
                ..Default::default()
            };
            match chiso::import_data(&opts) {
                Ok(_) => {
                    let _ = load(&into);
                }
                Err(d) => prop_assert!(
                    d.iter().all(|x| x.code == "E0701" || x.code == "E0401"),
                    "{text}"
                ),
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn a_formula_saved_without_its_result_is_an_error_never_a_blank_total() {
    let dir = tmp();
    std::fs::create_dir_all(dir.path().join("content/data")).unwrap();
    // K7 is Phong Thổ's total, a formula nobody computed.
    let mut sheet = province_sheet(2022, &lai_chau_2022(), &[]);
    sheet.rows[6][10] = C::F("=SUM(C7:J7)");
    write_xlsx(&dir.path().join("f.xlsx"), &[sheet]);
    let out = import_vi(dir.path(), "f.xlsx", "content/data/f.yaml", &[]);
    out.assert_code(1);
    assert!(
        out.stderr.contains("lỗi[E0701]: ô này có công thức nhưng tệp chưa lưu kết quả của công thức\n  --> f.xlsx:Sheet1!K7\n"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("ô này có công thức nhưng tệp chưa lưu kết quả của công thức"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("mở tệp bằng Excel rồi lưu lại để Excel tính các công thức"),
        "{}",
        out.stderr
    );
    assert!(!dir.path().join("content/data/f.yaml").exists());
}

#[test]
fn new_units_get_a_short_name_without_huyen_and_the_summary_says_so() {
    let dir = tmp();
    std::fs::create_dir_all(dir.path().join("content/data")).unwrap();
    let mut units = lai_chau_2022();
    // Two units that would share a short name keep none.
    units[6].name = "Thị xã Than Uyên";
    write_xlsx(
        &dir.path().join("s.xlsx"),
        &[province_sheet(2022, &units, &[])],
    );
    let out = import_vi(dir.path(), "s.xlsx", "content/data/s.yaml", &[]);
    out.assert_code(0);
    let text = std::fs::read_to_string(dir.path().join("content/data/s.yaml")).unwrap();
    assert!(
        text.contains("name: \"Thành phố Lai Châu\", short: \"Lai Châu\" }"),
        "{text}"
    );
    assert!(text.contains("name: \"Thị xã Than Uyên\" }"), "{text}");
    assert!(text.contains("name: \"Huyện Than Uyên\" }"), "{text}");
    let notes: Vec<&str> = out
        .stderr
        .lines()
        .filter(|l| l.contains("tên ngắn cho biểu đồ"))
        .collect();
    assert_eq!(notes.len(), 1, "{}", out.stderr);
    assert!(
        notes[0]
            .contains("6 đơn vị được ghi thêm tên ngắn cho biểu đồ (`short:`, bỏ chữ \"Huyện\""),
        "{}",
        out.stderr
    );
    let ds = load(&dir.path().join("content/data/s.yaml"));
    let shorts: Vec<&str> = ds["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["short"].as_str().unwrap())
        .collect();
    assert!(shorts.contains(&"Lai Châu"), "{shorts:?}");
    assert!(shorts.contains(&"Huyện Than Uyên"), "{shorts:?}");
}

#[test]
fn a_semicolon_csv_under_a_one_cell_title_is_still_read_by_semicolons() {
    let dir = tmp();
    std::fs::create_dir_all(dir.path().join("content/data")).unwrap();
    let csv = std::fs::read_to_string(fixtures().join("import/par-huyen-2022.csv")).unwrap();
    // The title alone on its line, with a comma and no trailing `;;;;;`.
    let mut lines: Vec<&str> = csv.lines().collect();
    lines[0] = "KẾT QUẢ CHỈ SỐ CCHC NĂM 2022 CỦA CÁC HUYỆN, THÀNH PHỐ";
    lines[1] = "";
    std::fs::write(dir.path().join("t.csv"), lines.join("\r\n")).unwrap();
    let out = import_vi(
        dir.path(),
        "t.csv",
        "content/data/t.yaml",
        &["--year", "2022"],
    );
    out.assert_code(0);
    assert!(
        out.stderr
            .contains("Đã nhập 8 đơn vị của năm 2022 vào content/data/t.yaml"),
        "{}",
        out.stderr
    );
    let ds = load(&dir.path().join("content/data/t.yaml"));
    let units = ds["units"].as_array().unwrap();
    assert_eq!(units.len(), 8, "{units:?}");
    let phong_tho = units.iter().position(|u| u["name"] == "Phong Thổ").unwrap();
    let sc = ds["years"][0]["scores"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["unit"] == phong_tho)
        .unwrap();
    assert_eq!(sc["total"], 72.1);
}

#[test]
fn new_fields_get_short_keys_and_keep_the_header_as_their_name() {
    let dir = tmp();
    std::fs::create_dir_all(dir.path().join("content/data")).unwrap();
    // PAPI-like headers: two share their first words, two differ only by
    // a number, one is long; `--map` gives one its own key.
    let csv = "Chỉ số PAPI năm 2023\n\
        Tên đơn vị,Quản trị môi trường (10),Quản trị điện tử (10),Tiêu chí 1 (5),Tiêu chí 2 (5),Kiểm soát tham nhũng trong khu vực công (10),Thủ tục hành chính công (10),Tổng điểm\n\
        Huyện Phong Thổ,5,6,3,4,7,8,33\n\
        Huyện Sìn Hồ,4,5,2,3,6,7,27\n";
    std::fs::write(dir.path().join("papi.csv"), csv).unwrap();
    let out = import(
        dir.path(),
        "papi.csv",
        "content/data/papi.yaml",
        &["--map", "G=thu-tuc"],
    );
    out.assert_code(0);
    let ds = load(&dir.path().join("content/data/papi.yaml"));
    let fields: Vec<(String, String)> = ds["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap().to_string();
            (s("key"), s("name"))
        })
        .collect();
    let want = [
        ("moi-truong", "Quản trị môi trường"),
        ("dien-tu", "Quản trị điện tử"),
        ("tieu-chi-1", "Tiêu chí 1"),
        ("tieu-chi-2", "Tiêu chí 2"),
        ("kiem-soat", "Kiểm soát tham nhũng trong khu vực công"),
        ("thu-tuc", "Thủ tục hành chính công"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(k, n)| (k.to_string(), n.to_string()))
        .collect();
    assert_eq!(fields, want);
    assert!(fields.iter().all(|(k, _)| k.len() <= 16));
    let text = std::fs::read_to_string(dir.path().join("content/data/papi.yaml")).unwrap();
    assert!(
        text.contains("fields: { moi-truong: 5, dien-tu: 6, tieu-chi-1: 3, tieu-chi-2: 4, kiem-soat: 7, thu-tuc: 8 }"),
        "{text}"
    );
}

#[test]
fn errors_of_the_imported_result_name_the_sheets_cells_not_lines_of_an_unwritten_file() {
    let dir = tmp();
    std::fs::create_dir_all(dir.path().join("content/data")).unwrap();
    // Than Uyên ranked first with fewer points; Sìn Hồ's field above its max.
    let csv = "Chỉ số CCHC năm 2022\n\
        Tên đơn vị,Cải cách thể chế (10),Tổng điểm,Xếp hạng\n\
        Huyện Phong Thổ,8.75,8.75,2\n\
        Huyện Than Uyên,8.5,8.5,1\n\
        Huyện Sìn Hồ,12,12,3\n";
    std::fs::write(dir.path().join("b.csv"), csv).unwrap();
    let out = import_vi(dir.path(), "b.csv", "content/data/x.yaml", &[]);
    out.assert_code(1);
    let err = &out.stderr;
    assert!(
        err.contains(
            "Huyện Than Uyên xếp hạng 1 nhưng chỉ có 8,50 điểm, kém hơn Huyện Phong Thổ (hạng 2, 8,75 điểm)\n  --> b.csv:D3"
        ),
        "{err}"
    );
    assert!(
        err.contains("có điểm 12, nằm ngoài 0–10\n  --> b.csv:B5"),
        "{err}"
    );
    assert!(err.contains("kèm ô của bảng tính"), "{err}");
    assert!(
        !err.contains("dòng"),
        "no line of a file never written: {err}"
    );
    assert!(
        !err.contains("8.5"),
        "numbers as Vietnamese write them: {err}"
    );
    assert!(!err.contains("--> content/data/x.yaml"), "{err}");
    assert!(!dir.path().join("content/data/x.yaml").exists());
}

#[test]
fn units_added_with_add_units_get_a_short_name_unless_another_unit_has_it() {
    let dir = tmp();
    let path = sample_dataset(dir.path());
    let mut units = lai_chau_2023();
    units[6].name = "Xã Phong Thổ"; // "Phong Thổ" is Huyện Phong Thổ's short name
    units[7].name = "Huyện Mới Lập";
    write_xlsx(
        &dir.path().join("b.xlsx"),
        &[province_sheet(2023, &units, &[])],
    );
    let into = "content/data/chi-so-cchc-lai-chau.yaml";
    let out = import_vi(dir.path(), "b.xlsx", into, &["--add-units"]);
    out.assert_code(0);
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(
        after.contains(
            "  - { key: xa-phong-tho, name: \"Xã Phong Thổ\" }\n  - { key: huyen-moi-lap, name: \"Huyện Mới Lập\", short: \"Mới Lập\" }\nresults:\n"
        ),
        "{after}"
    );
    assert!(
        out.stderr.contains(
            "1 đơn vị được ghi thêm tên ngắn cho biểu đồ (`short:`, bỏ chữ \"Huyện\", \"Thành phố\", \"Thị xã\", \"Xã\", \"Phường\"), ví dụ Huyện Mới Lập → Mới Lập"
        ),
        "{}",
        out.stderr
    );
    // The dataset stays valid: the short name gives the slug `moi-lap`.
    let ds = load(&path);
    let added = ds["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["name"] == "Mới Lập" || u["key"] == "huyen-moi-lap")
        .cloned()
        .unwrap();
    assert_eq!(added["slug"], "moi-lap", "{added}");
}

/// Into a dataset keyed by codes ("105"), whose score lines end with the
/// unit's name in a comment: a rank conflict still names the rank cell.
#[test]
fn a_rank_conflict_in_a_year_added_to_a_dataset_names_the_rank_cell() {
    let dir = tmp();
    let path = sample_dataset(dir.path());
    let before = std::fs::read_to_string(&path).unwrap();
    let mut units = lai_chau_2023();
    units[0].rank = Some(2);
    units[1].rank = Some(1);
    write_xlsx(
        &dir.path().join("b.xlsx"),
        &[province_sheet(2023, &units, &[])],
    );
    let into = "content/data/chi-so-cchc-lai-chau.yaml";
    let out = import_vi(dir.path(), "b.xlsx", into, &[]);
    out.assert_code(1);
    let err = &out.stderr;
    assert!(err.contains("xếp hạng 1 nhưng chỉ có"), "{err}");
    assert!(
        err.contains("--> b.xlsx:Sheet1!L6") || err.contains("--> b.xlsx:Sheet1!L7"),
        "the rank cell of one of the two rows: {err}"
    );
    assert!(!err.contains("dòng"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
}
