//! Units over time (schema v2): lives, links, `lineage:`, per-year sets,
//! from the real 2025 mappings (tests/fixtures/reform/).

use super::*;

const REFORM: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/reform");

fn reform(name: &str) -> String {
    std::fs::read_to_string(format!("{REFORM}/{name}")).unwrap()
}

fn key_of(ds: &Dataset, i: usize) -> &str {
    &ds.units[i].key
}

fn keys(ds: &Dataset, v: &[usize]) -> Vec<String> {
    v.iter().map(|&i| key_of(ds, i).to_string()).collect()
}

/// A dataset with `units` and `results` written out.
fn doc(units: &str, results: &str) -> String {
    format!(
        "title: T\nsource:\n  - {{ name: S }}\nscale: {{ max: 100 }}\n{units}results:\n{results}"
    )
}

#[test]
fn phong_tho_ends_and_its_six_successors_are_derived_from_one_side() {
    let ds = ok(&reform("phong-tho-communes.yaml"));
    let pt = ds.unit_by_ref("phong-tho").unwrap();
    assert_eq!(ds.units[pt].until.unwrap().iso(), "2025-06-30");
    assert_eq!(ds.units[pt].succeeded_by.len(), 6);
    for succ in &ds.units[pt].succeeded_by {
        assert_eq!(ds.units[*succ].formed_from, [pt], "{}", key_of(&ds, *succ));
        assert_eq!(ds.units[*succ].since.unwrap().vi(), "1/7/2025");
    }
    // Each year ranks only the units that existed: 8 districts, then 38 communes.
    assert_eq!(ds.rank_of(2022), 8);
    assert_eq!(ds.rank_of(2025), 38);
}

#[test]
fn a_score_in_a_year_the_unit_did_not_exist_is_an_error_naming_its_dates() {
    let src = reform("phong-tho-communes.yaml").replace(
        "      phong-tho: { total: 72.10, rank: 2 }\n",
        "      phong-tho: { total: 72.10, rank: 2 }\n      xa-phong-tho: { total: 70 }   # <-\n",
    );
    let e = single_error(&src, codes::DATA);
    assert_eq!(
        e.message.to_string(),
        "`xa-phong-tho` has a score in 2022, but the unit existed only from 2025-07-01"
    );
    let src = reform("phong-tho-communes.yaml")
        + "  - year: 2026\n    scores:\n      phong-tho: { total: 60 }   # <-\n";
    let e = single_error(&src, codes::DATA);
    assert!(e.message.to_string().ends_with("until 2025-06-30"), "{e:?}");
}

#[test]
fn a_unit_that_existed_for_part_of_a_year_may_be_scored_that_year() {
    let src = doc(
        "units:\n  - { key: a, name: A, until: 2025-06-30 }\n  - { key: b, name: B, since: 2025-07-01, formed_from: [a] }\n",
        "  - year: 2025\n    scores:\n      a: { total: 50 }\n      b: { total: 60 }\n",
    );
    let ds = ok(&src);
    assert_eq!(ds.rank_of(2025), 2);
}

#[test]
fn both_sides_of_a_link_must_agree_when_both_are_written() {
    let src = doc(
        "units:\n  - { key: a, name: A, until: 2025-06-30, succeeded_by: [b] }   # <-\n  - { key: c, name: C, until: 2025-06-30 }\n  - { key: b, name: B, since: 2025-07-01, formed_from: [c] }\n",
        "  - year: 2024\n    scores:\n      a: { total: 50 }\n",
    );
    let e = single_error(&src, codes::DATA);
    assert_eq!(
        e.message.to_string(),
        "unit `a` lists `b` in `succeeded_by`, but the `formed_from` of `b` does not list `a`"
    );
}

#[test]
fn a_successor_begins_after_its_predecessor_ends() {
    let src = doc(
        "units:\n  - { key: a, name: A, until: 2025-07-01 }\n  - { key: b, name: B, since: 2025-07-01, formed_from: [a] }   # <-\n",
        "  - year: 2024\n    scores:\n      a: { total: 50 }\n",
    );
    let e = single_error(&src, codes::DATA);
    assert!(
        e.message
            .to_string()
            .contains("not after its predecessor `a`"),
        "{e:?}"
    );
    let src = doc(
        "units:\n  - { key: a, name: A, until: 2025-06-30 }\n  - { key: b, name: B, formed_from: [a] }   # <-\n",
        "  - year: 2024\n    scores:\n      a: { total: 50 }\n",
    );
    let e = single_error(&src, codes::DATA);
    assert!(e.hint.unwrap().contains("since: 2025-07-01"));
}

#[test]
fn bad_dates_unknown_links_self_links_and_unknown_tables_are_errors_at_their_lines() {
    let src = doc(
        "lineage: vn-2026   # <- 1\nunits:\n  - { key: a, name: A, until: 30/6/2025 }   # <- 2\n  - { key: b, name: B, formed_from: [zz] }   # <- 3\n  - { key: c, name: C, succeeded_by: [c] }   # <- 4\n  - { key: d, name: D, since: 2025-07-01, until: 2025-06-30 }   # <- 5\n",
        "  - year: 2024\n    scores:\n      c: { total: 50 }\n",
    );
    let errs = errors(&src);
    let got: Vec<usize> = errs.iter().map(|e| e.line).collect();
    let want: Vec<usize> = (1..=5)
        .map(|i| line_with(&src, &format!("# <- {i}")))
        .collect();
    let mut got_sorted = got.clone();
    got_sorted.sort_unstable();
    assert_eq!(got_sorted, want, "{errs:#?}");
}

#[test]
fn an_unknown_key_on_a_unit_is_still_rejected() {
    let src = doc(
        "units:\n  - { key: a, name: A, ended: 2025-06-30 }\n",
        "  - year: 2024\n    scores:\n      a: { total: 50 }\n",
    );
    assert!(!errors(&src).is_empty());
}

#[test]
fn lineage_vn_2025_provinces_links_tuyen_quang_and_leaves_lai_chau_alone() {
    let src = doc(
        "lineage: vn-2025-provinces\nunits:\n  - { key: ha-giang, name: Hà Giang }\n  - { key: tuyen-quang, name: Tuyên Quang }\n  - { key: lai-chau, name: Lai Châu }\n  - { key: tuyen-quang-2025, name: Tuyên Quang (từ 2025), slug: tuyen-quang-moi }\n",
        "  - year: 2024\n    scores:\n      ha-giang: { total: 60 }\n      tuyen-quang: { total: 70 }\n      lai-chau: { total: 65 }\n  - year: 2026\n    scores:\n      tuyen-quang-2025: { total: 75 }\n      lai-chau: { total: 80 }\n",
    );
    let ds = ok(&src);
    assert_eq!(ds.lineage.as_deref(), Some("vn-2025-provinces"));
    let new = ds.unit_by_ref("tuyen-quang-2025").unwrap();
    assert_eq!(
        keys(&ds, &ds.units[new].formed_from),
        ["ha-giang", "tuyen-quang"]
    );
    assert_eq!(ds.units[new].since.unwrap().iso(), "2025-07-01");
    let old = ds.unit_by_ref("tuyen-quang").unwrap();
    assert_eq!(ds.units[old].until.unwrap().iso(), "2025-06-30");
    let lc = ds.unit_by_ref("lai-chau").unwrap();
    assert!(!ds.units[lc].has_lineage() && ds.units[lc].until.is_none());
    assert_eq!((ds.rank_of(2024), ds.rank_of(2026)), (3, 2));
    // The old Tuyên Quang can never carry a number after the reform.
    let bad = src.replace(
        "      tuyen-quang-2025: { total: 75 }",
        "      tuyen-quang: { total: 75 }   # <-",
    );
    let e = single_error(&bad, codes::DATA);
    assert!(e.message.to_string().contains("until 2025-06-30"), "{e:?}");
}

#[test]
fn the_real_lai_chau_commune_mapping_gives_doan_ket_two_districts_as_predecessors() {
    // Old communes (until 2025-06-30) → the new units that took them in.
    let csv = reform("lai-chau-phong-tho-communes.csv");
    let rows: Vec<Vec<&str>> = csv
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("old_"))
        .map(|l| l.split(',').collect())
        .collect();
    let mut units = String::from("units:\n");
    let mut new: Vec<&str> = rows.iter().map(|r| r[2]).collect();
    new.sort_unstable();
    new.dedup();
    for r in &rows {
        let succ = r[2];
        units.push_str(&format!(
            "  - {{ key: {0}-{1}, name: {0} {1}, until: 2025-06-30, succeeded_by: [{succ}] }}\n",
            r[0], r[1]
        ));
    }
    for n in &new {
        units.push_str(&format!(
            "  - {{ key: {n}, name: {n} mới, since: 2025-07-01 }}\n"
        ));
    }
    let ds = ok(&doc(
        &units,
        "  - year: 2025\n    scores:\n      phuongdoanket: { total: 80 }\n",
    ));
    let dk = ds.unit_by_ref("phuongdoanket").unwrap();
    let from = keys(&ds, &ds.units[dk].formed_from);
    assert!(
        from.contains(&"huyenphongtho-xalannhithang".to_string()),
        "{from:?}"
    );
    assert!(
        from.iter().any(|k| k.starts_with("thanhpholaichau-")),
        "{from:?}"
    );
    // Phong Thổ's communes went to exactly six new units.
    let mut heirs: Vec<&str> = rows
        .iter()
        .filter(|r| r[0] == "huyenphongtho")
        .map(|r| r[2])
        .collect();
    heirs.dedup();
    heirs.sort_unstable();
    heirs.dedup();
    assert_eq!(
        heirs,
        [
            "phuongdoanket",
            "xadaosan",
            "xakhonglao",
            "xaphongtho",
            "xasilolau",
            "xasinsuoiho"
        ]
    );
}

#[test]
fn rank_change_across_the_reform_says_the_unit_did_not_exist_never_a_fake_change() {
    let ds = ok(&reform("phong-tho-communes.yaml"));
    let v = |unit: &str, year: i32, what: &str, from: Option<i32>| {
        value_text(&ds, unit, year, what, from).unwrap()
    };
    assert_eq!(
        v("xa-phong-tho", 2025, "rank_change", Some(2022)),
        "đơn vị mới thành lập từ 1/7/2025"
    );
    assert_eq!(
        v("phong-tho", 2025, "rank_change", Some(2022)),
        "đơn vị đã kết thúc hoạt động từ 1/7/2025"
    );
    assert_eq!(
        v("phong-tho", 2022, "rank_change", Some(2018)),
        "tăng 6 bậc"
    );
    // "x/N" uses the year's own set: 38 communes, then 8 districts.
    assert_eq!(v("xa-phong-tho", 2025, "rank", None), "9/38");
    assert_eq!(v("phong-tho", 2022, "rank", None), "2/8");
    assert_eq!(
        crate::data::no_counterpart(&ds, ds.unit_by_ref("phong-tho").unwrap(), 2018, 2022),
        None
    );
}

#[test]
fn links_written_on_a_unit_win_over_the_lineage_table() {
    // The dataset says the new Tuyên Quang took in only Hà Giang: no
    // disagreement is invented from the table's second predecessor.
    let src = doc(
        "lineage: vn-2025-provinces\nunits:\n  - { key: ha-giang, name: Hà Giang }\n  - { key: tuyen-quang, name: Tuyên Quang }\n  - { key: tuyen-quang-2025, name: Tuyên Quang mới, formed_from: [ha-giang] }\n",
        "  - year: 2024\n    scores:\n      ha-giang: { total: 60 }\n",
    );
    let ds = ok(&src);
    let new = ds.unit_by_ref("tuyen-quang-2025").unwrap();
    assert_eq!(keys(&ds, &ds.units[new].formed_from), ["ha-giang"]);
    let old = ds.unit_by_ref("tuyen-quang").unwrap();
    assert!(ds.units[old].succeeded_by.is_empty());
    assert_eq!(ds.units[old].until.unwrap().iso(), "2025-06-30");
}
