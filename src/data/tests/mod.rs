//! Tests of the data module: the schema, rule by rule.

mod lives;
mod queries;
mod ranks;

use super::dataset::*;
use super::{load_str, value_text};
use crate::diag::{Diagnostic, Diagnostics, codes};
use crate::util::numfmt;
use std::path::Path;
use unicode_normalization::UnicodeNormalization;

const FIX: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/data");

pub(super) fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{FIX}/{name}")).unwrap()
}

pub(super) fn load(src: &str) -> Result<Dataset, Vec<Diagnostic>> {
    load_str(src, "t", Path::new("content/data/t.yaml")).map_err(Diagnostics::into_vec)
}

pub(super) fn ok(src: &str) -> Dataset {
    match load(src) {
        Ok(d) => d,
        Err(e) => panic!("expected a valid dataset, got {e:#?}"),
    }
}

pub(super) fn errors(src: &str) -> Vec<Diagnostic> {
    match load(src) {
        Ok(_) => panic!("expected errors for:\n{src}"),
        Err(e) => e,
    }
}

/// 1-based line of the first line containing `marker`.
pub(super) fn line_with(src: &str, marker: &str) -> usize {
    src.lines()
        .position(|l| l.contains(marker))
        .unwrap_or_else(|| panic!("no line with {marker:?}"))
        + 1
}

/// The file has exactly one error, with this code, on the line marked `# <-`.
pub(super) fn single_error(src: &str, code: &str) -> Diagnostic {
    let errs = errors(src);
    assert_eq!(errs.len(), 1, "expected one error, got {errs:#?}");
    let e = errs.into_iter().next().unwrap();
    assert_eq!(e.code, code, "{e:#?}");
    assert_eq!(e.line, line_with(src, "# <-"), "{e:#?}");
    assert!(e.hint.is_some(), "every error says what to do: {e:#?}");
    assert_eq!(e.file, Path::new("content/data/t.yaml"));
    e
}

/// Title, source, scale and four units A–D (keys "1".."4"); `rest` follows.
pub(super) fn with(scale: &str, rest: &str) -> String {
    format!(
        "title: T\nsource:\n  - {{ name: S }}\nscale: {scale}\nunits:\n\
         \x20 - {{ key: \"1\", name: \"Huyện A\", short: A }}\n\
         \x20 - {{ key: \"2\", name: \"Huyện B\", short: B }}\n\
         \x20 - {{ key: \"3\", name: \"Huyện C\", short: C }}\n\
         \x20 - {{ key: \"4\", name: \"Huyện D\", short: D }}\n{rest}"
    )
}

pub(super) fn year(scores: &str) -> String {
    with(
        "{ max: 100 }",
        &format!("results:\n  - year: 2022\n    scores:\n{scores}"),
    )
}

pub(super) fn ranks(ds: &Dataset, y: i32) -> Vec<Option<u32>> {
    ds.year(y).unwrap().scores.iter().map(|s| s.rank).collect()
}

// ---- the schema's own example and the fixtures ----

#[test]
fn schema_example_loads_into_the_model() {
    let ds = load_str(
        &fixture("lai-chau-cchc.yaml"),
        "lai-chau-cchc",
        Path::new("content/data/lai-chau-cchc.yaml"),
    )
    .unwrap();
    assert_eq!(ds.slug, "lai-chau-cchc");
    assert_eq!(ds.display_title(), "Chỉ số CCHC cấp huyện");
    assert_eq!(ds.status, Status::Published);
    assert_eq!(ds.sources[0].name, "UBND tỉnh Lai Châu");
    assert_eq!(
        ds.sources[0].url.as_deref(),
        Some("https://laichau.gov.vn/")
    );
    assert_eq!(
        ds.scale,
        Scale {
            min: 0.0,
            max: 100.0,
            unit: "điểm".into(),
            decimals: 2,
            higher_is_better: true
        }
    );
    assert_eq!(ds.total_mode, TotalMode::Independent);
    assert_eq!(ds.bands.len(), 2);
    let slugs: Vec<&str> = ds.units.iter().map(|u| u.slug.as_str()).collect();
    assert_eq!(slugs, ["phong-tho", "tp-lai-chau"]);
    let y = ds.year(2022).unwrap();
    assert_eq!(y.methodology.as_deref(), Some("QĐ 876/QĐ-BNV"));
    assert_eq!(y.out_of, Some(8));
    assert!(!y.ranks_derived);
    assert_eq!(
        y.scores[0],
        Score {
            unit: 0,
            total: Some(72.10),
            rank: Some(2),
            fields: vec![Some(8.5), Some(7.25)]
        }
    );
    assert_eq!(
        y.scores[1],
        Score {
            unit: 1,
            total: None,
            rank: None,
            fields: vec![None, None]
        }
    );
    assert_eq!(
        value_text(&ds, "phong-tho", 2022, "total", None).unwrap(),
        "72,10"
    );
    assert_eq!(value_text(&ds, "109", 2022, "rank", None).unwrap(), "2/8");
    assert_eq!(
        value_text(&ds, "phong-tho", 2022, "band", None).unwrap(),
        "Khá"
    );
}

#[test]
fn illustrative_fixture_derives_ties_and_keeps_published_ranks() {
    let ds = load_str(
        &fixture("lai-chau-8-illustrative.yaml"),
        "x",
        Path::new("x.yaml"),
    )
    .unwrap();
    assert_eq!(ds.status, Status::Illustrative);
    assert_eq!(ds.total_mode, TotalMode::SumOfFields);
    // units: 105 106 107 108 109 110 111 112
    assert_eq!(
        ranks(&ds, 2018),
        [
            Some(1),
            Some(2),
            Some(5),
            Some(2),
            Some(6),
            Some(4),
            None,
            Some(7)
        ]
    );
    assert!(ds.year(2018).unwrap().ranks_derived);
    assert_eq!(
        ranks(&ds, 2022),
        [
            Some(1),
            Some(2),
            Some(6),
            Some(5),
            Some(4),
            Some(3),
            None,
            Some(7)
        ]
    );
    assert_eq!(ds.rank_of(2022), 7);
    assert_eq!(
        value_text(&ds, "phong-tho", 2022, "rank_change", Some(2018)).unwrap(),
        "tăng 2 bậc"
    );
    assert_eq!(
        value_text(&ds, "tan-uyen", 2018, "total", None).unwrap(),
        "không có số liệu"
    );
}

#[test]
fn invalid_fixture_reports_every_marked_line() {
    let src = fixture("invalid-many-errors.yaml");
    let errs = errors(&src);
    let mut got: Vec<usize> = errs.iter().map(|e| e.line).collect();
    got.sort();
    let want: Vec<usize> = src
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains("# error"))
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(got, want, "{errs:#?}");
    assert!(errs.iter().all(|e| e.code == codes::DATA));
}

// ---- parse-level rules (E0003) ----

#[test]
fn unknown_key_is_rejected_at_its_line() {
    let src = with("{ max: 100 }", "colour: red # <-\nresults: []\n");
    let e = single_error(&src, codes::YAML);
    assert!(e.message.contains("colour"), "{}", e.message);
}

#[test]
fn unknown_key_inside_a_score_is_rejected() {
    let src = year("      \"1\": { total: 50, rnak: 1 } # <-\n");
    single_error(&src, codes::YAML);
}

#[test]
fn duplicate_top_level_key_is_rejected() {
    let src = with("{ max: 100 }", "title: again # <-\nresults: []\n");
    single_error(&src, codes::YAML);
}

#[test]
fn duplicate_unit_key_in_scores_is_rejected_at_its_line() {
    let src = year("      \"1\": { total: 50 }\n      \"1\": { total: 60 } # <-\n");
    let e = single_error(&src, codes::YAML);
    assert!(e.message.contains("duplicate"), "{}", e.message);
}

#[test]
fn quoted_and_unquoted_same_unit_key_in_scores_is_a_duplicate() {
    let src = year("      \"1\": { total: 50 }\n      1: { total: 60 } # <-\n");
    let e = single_error(&src, codes::DATA);
    assert!(e.message.contains("twice"), "{}", e.message);
}

#[test]
fn unquoted_numeric_unit_keys_are_accepted() {
    let src = with(
        "{ max: 100 }",
        "results:\n  - year: 2022\n    scores:\n      1: { total: 50 }\n      2: { total: 60 }\n",
    );
    let ds = ok(&src);
    assert_eq!(ds.score(0, 2022).unwrap().total, Some(50.0));
    assert_eq!(ds.score(1, 2022).unwrap().rank, Some(1));
}

// ---- units ----

#[test]
fn unit_keys_must_be_unique() {
    let src = with(
        "{ max: 100 }",
        "  - { key: \"2\", name: \"Huyện E\", short: E } # <-\nresults: []\n",
    );
    // `results: []` is itself an error; look only at the unit one.
    let errs = errors(&src);
    let e = errs
        .iter()
        .find(|e| e.message.contains("declared twice"))
        .unwrap();
    assert_eq!((e.code, e.line), (codes::DATA, line_with(&src, "# <-")));
}

#[test]
fn unit_slugs_must_be_unique_including_derived_ones() {
    let src = r#"title: T
source: [{ name: S }]
scale: { max: 100 }
units:
  - { key: "1", name: "Huyện Tân Uyên", short: "Tân Uyên" }
  - { key: "2", name: "Huyện Tấn Uyễn", short: "Tấn Uyễn" } # <-
results:
  - year: 2022
    scores: { "1": { total: 1 } }
"#;
    let e = single_error(src, codes::DATA);
    assert!(e.message.contains("tan-uyen"), "{}", e.message);
    assert!(e.hint.unwrap().contains("slug"));
}

#[test]
fn given_slug_must_be_a_valid_slug() {
    let src = r#"title: T
source: [{ name: S }]
scale: { max: 100 }
units:
  - { key: "1", name: "Huyện A",
      slug: "Phong Thổ" } # <-
results:
  - year: 2022
    scores: { "1": { total: 1 } }
"#;
    let e = single_error(src, codes::DATA);
    assert!(e.hint.unwrap().contains("phong-tho"));
}

#[test]
fn slug_derived_from_short_else_name_and_nfc_normalised() {
    let name: String = "Huyện Phong Thổ".nfd().collect();
    let src = format!(
        "title: T\nsource: [{{ name: S }}]\nscale: {{ max: 100 }}\nunits:\n\
         \x20 - {{ key: \"1\", name: \"{name}\" }}\n\
         \x20 - {{ key: \"2\", name: \"Thành phố Lai Châu\", short: \"TP Lai Châu\" }}\n\
         results:\n  - year: 2022\n    scores: {{ \"1\": {{ total: 1 }} }}\n"
    );
    let ds = ok(&src);
    assert_eq!(ds.units[0].name, "Huyện Phong Thổ");
    assert_eq!(ds.units[0].short, "Huyện Phong Thổ");
    assert_eq!(ds.units[0].slug, "huyen-phong-tho");
    assert_eq!(ds.units[1].slug, "tp-lai-chau");
    assert_eq!(ds.unit_by_ref("tp-lai-chau"), Some(1));
    assert_eq!(ds.unit_by_ref("2"), Some(1));
    assert_eq!(ds.unit_by_ref("nowhere"), None);
}

#[test]
fn score_for_an_undeclared_unit_is_rejected() {
    let src = year("      \"1\": { total: 50 }\n      \"9\": { total: 60 } # <-\n");
    let e = single_error(&src, codes::DATA);
    assert!(e.hint.unwrap().contains("1, 2, 3, 4"));
}

// ---- fields ----

#[test]
fn score_field_must_be_a_field_of_that_year() {
    let src = with(
        "{ max: 100 }",
        "fields:\n  - { key: a, name: A, max: 10 }\nresults:\n  - year: 2022\n    scores:\n\
         \x20     \"1\": { total: 5, fields: { a: 5,\n        b: 1 } } # <-\n",
    );
    let e = single_error(&src, codes::DATA);
    assert!(e.message.contains("`b`"), "{}", e.message);
}

#[test]
fn per_year_fields_replace_the_default_set() {
    let base = "fields:\n  - { key: a, name: A, max: 10 }\nresults:\n\
                \x20 - year: 2018\n    scores: { \"1\": { total: 5, fields: { a: 5 } } }\n\
                \x20 - year: 2022\n    fields:\n      - { key: b, name: B, max: 20 }\n      - { key: c, name: C, max: 20 }\n\
                \x20   scores:\n      \"1\": { total: 5, fields: { c: 15 } }\n";
    let ds = ok(&with("{ max: 100 }", base));
    let keys = |y: i32| -> Vec<String> {
        ds.year(y)
            .unwrap()
            .fields
            .iter()
            .map(|f| f.key.clone())
            .collect()
    };
    assert_eq!(keys(2018), ["a"]);
    assert_eq!(keys(2022), ["b", "c"]);
    assert_eq!(ds.score(0, 2022).unwrap().fields, [None, Some(15.0)]);
    assert_eq!(
        value_text(&ds, "a", 2022, "field:c", None).unwrap(),
        "15,00"
    );
    assert_eq!(
        value_text(&ds, "a", 2022, "field:b", None).unwrap(),
        "không có số liệu"
    );
    // The default field is not a field of 2022.
    let bad = base.replace("fields: { c: 15 } }", "fields: { a: 1 } } # <-");
    single_error(&with("{ max: 100 }", &bad), codes::DATA);
}

#[test]
fn field_value_must_lie_between_zero_and_its_max() {
    let src = with(
        "{ max: 100 }",
        "fields:\n  - { key: a, name: A, max: 10 }\nresults:\n  - year: 2022\n    scores:\n\
         \x20     \"1\": { total: 5, fields: { a: 10.5 } } # <-\n",
    );
    single_error(&src, codes::DATA);
    let neg = src.replace("10.5", "-1");
    single_error(&neg, codes::DATA);
}

#[test]
fn null_field_value_is_a_gap_not_zero() {
    let src = with(
        "{ max: 100 }",
        "fields:\n  - { key: a, name: A, max: 10 }\n  - { key: b, name: B, max: 10 }\n\
         results:\n  - year: 2022\n    scores:\n      \"1\": { total: 5, fields: { a: null, b: 5 } }\n",
    );
    let ds = ok(&src);
    assert_eq!(ds.score(0, 2022).unwrap().fields, [None, Some(5.0)]);
}

#[test]
fn duplicate_field_key_in_declaration_is_rejected() {
    let src = with(
        "{ max: 100 }",
        "fields:\n  - { key: a, name: A, max: 10 }\n  - { key: a, name: B, max: 10 } # <-\n\
         results:\n  - year: 2022\n    scores: { \"1\": { total: 5 } }\n",
    );
    single_error(&src, codes::DATA);
}

// ---- years ----

#[test]
fn years_must_be_unique_and_are_sorted_ascending() {
    let src = with(
        "{ max: 100 }",
        "results:\n  - year: 2022\n    scores: { \"1\": { total: 5 } }\n\
         \x20 - year: 2018\n    scores: { \"1\": { total: 5 } }\n\
         \x20 - year: 2022 # <-\n    scores: { \"2\": { total: 5 } }\n",
    );
    let e = single_error(&src, codes::DATA);
    assert!(e.message.contains("2022"));
    let good = src.replace("year: 2022 # <-", "year: 2020");
    let ds = ok(&good);
    let ys: Vec<i32> = ds.years.iter().map(|y| y.year).collect();
    assert_eq!(ys, [2018, 2020, 2022]);
    assert_eq!(ds.latest_year(), Some(2022));
    assert_eq!(ds.year(2020).unwrap().line, line_with(&good, "year: 2020"));
}

// ---- numbers ----

#[test]
fn decimal_comma_in_a_string_says_write_a_decimal_point() {
    let src = year("      \"1\": { total: \"72,10\" } # <-\n");
    let e = single_error(&src, codes::DATA);
    assert!(e.hint.as_deref().unwrap().contains("72.10"), "{e:#?}");
    assert_eq!(e.col, 21); // the opening quote
}

// `number_hint` is tested with it, in validate/common.rs.

#[test]
fn text_or_boolean_rank_is_rejected() {
    single_error(
        &year("      \"1\": { total: 5, rank: \"1\" } # <-\n"),
        codes::DATA,
    );
    single_error(
        &year("      \"1\": { total: 5, rank: 1.5 } # <-\n"),
        codes::DATA,
    );
    single_error(&year("      \"1\": { total: true } # <-\n"), codes::DATA);
}

#[test]
fn total_must_lie_within_the_scale() {
    single_error(&year("      \"1\": { total: 100.01 } # <-\n"), codes::DATA);
    let src = with(
        "{ min: 10, max: 20 }",
        "results:\n  - year: 2022\n    scores:\n      \"1\": { total: 9.99 } # <-\n      \"2\": { total: 10 }\n",
    );
    single_error(&src, codes::DATA);
}

#[test]
fn score_without_total_key_is_rejected_but_null_total_is_a_gap() {
    single_error(&year("      \"1\": { rank: 1 } # <-\n"), codes::DATA);
    let ds = ok(&year(
        "      \"1\": { total: null }\n      \"2\": { total: 40 }\n",
    ));
    let y = ds.year(2022).unwrap();
    assert_eq!(y.scores[0].total, None);
    assert_eq!(y.scores[0].rank, None);
    assert_eq!(y.scores[1].rank, Some(1));
    assert_eq!(
        value_text(&ds, "a", 2022, "total", None).unwrap(),
        numfmt::NO_DATA
    );
    assert_eq!(
        value_text(&ds, "a", 2022, "total_unit", None).unwrap(),
        numfmt::NO_DATA
    );
    assert_eq!(
        value_text(&ds, "a", 2022, "band", None).map_err(|e| e.to_string()),
        Err(
            "dataset `t` declares no bands; use what=\"total\" or add `bands:` to the dataset"
                .to_string()
        )
    );
    assert!(
        value_text(&ds, "a", 2022, "rank", None)
            .unwrap_err()
            .contains("unranked")
    );
}
