use super::*;
use crate::diagnostics::Diagnostic;
use unicode_normalization::UnicodeNormalization;

const FIX: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/data");

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{FIX}/{name}")).unwrap()
}

fn load(src: &str) -> Result<Dataset, Vec<Diagnostic>> {
    load_str(src, "t", Path::new("content/data/t.yaml")).map_err(Diagnostics::into_vec)
}

fn ok(src: &str) -> Dataset {
    match load(src) {
        Ok(d) => d,
        Err(e) => panic!("expected a valid dataset, got {e:#?}"),
    }
}

fn errors(src: &str) -> Vec<Diagnostic> {
    match load(src) {
        Ok(_) => panic!("expected errors for:\n{src}"),
        Err(e) => e,
    }
}

/// 1-based line of the first line containing `marker`.
fn line_with(src: &str, marker: &str) -> usize {
    src.lines()
        .position(|l| l.contains(marker))
        .unwrap_or_else(|| panic!("no line with {marker:?}"))
        + 1
}

/// The file has exactly one error, with this code, on the line marked `# <-`.
fn single_error(src: &str, code: &str) -> Diagnostic {
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
fn with(scale: &str, rest: &str) -> String {
    format!(
        "title: T\nsource:\n  - {{ name: S }}\nscale: {scale}\nunits:\n\
         \x20 - {{ key: \"1\", name: \"Huyện A\", short: A }}\n\
         \x20 - {{ key: \"2\", name: \"Huyện B\", short: B }}\n\
         \x20 - {{ key: \"3\", name: \"Huyện C\", short: C }}\n\
         \x20 - {{ key: \"4\", name: \"Huyện D\", short: D }}\n{rest}"
    )
}

fn year(scores: &str) -> String {
    with(
        "{ max: 100 }",
        &format!("results:\n  - year: 2022\n    scores:\n{scores}"),
    )
}

fn ranks(ds: &Dataset, y: i32) -> Vec<Option<u32>> {
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

#[test]
fn quoted_number_and_thousands_are_explained() {
    assert!(validate::number_hint("72.10").contains("write 72.10 without quotes"));
    assert!(validate::number_hint("1.234,5").contains("write 1234.5"));
    assert!(validate::number_hint("n/a").contains("null"));
}

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
        value_text(&ds, "a", 2022, "band", None),
        Err(
            "dataset `t` declares no bands; use what=\"total\" or add `bands:` to the dataset"
                .into()
        )
    );
    assert!(
        value_text(&ds, "a", 2022, "rank", None)
            .unwrap_err()
            .contains("unranked")
    );
}

// ---- sum_of_fields ----

fn sum_src(a: &str, b: &str, total: &str) -> String {
    with(
        "{ max: 100, decimals: 1 }",
        &format!(
            "total: sum_of_fields\nfields:\n  - {{ key: a, name: A, max: 50 }}\n  - {{ key: b, name: B, max: 50 }}\n\
             results:\n  - year: 2022\n    scores:\n      \"1\": {{ total: {total}, fields: {{ a: {a}, b: {b} }} }} # <-\n\
             \x20     \"2\": {{ total: 30 }}\n"
        ),
    )
}

#[test]
fn sum_of_fields_within_rounding_is_accepted() {
    // Two fields at one decimal: tolerance 2 × 0.05 = 0.1.
    ok(&sum_src("20.04", "30.04", "50.0"));
    ok(&sum_src("20.04", "30.04", "50.18"));
    ok(&sum_src("20", "null", "50"));
}

#[test]
fn sum_of_fields_outside_rounding_is_rejected() {
    let e = single_error(&sum_src("20.04", "30.04", "50.2"), codes::DATA);
    assert!(e.message.contains("50.08"), "{}", e.message);
    // Published fields alone already exceed the total.
    single_error(&sum_src("45", "null", "40"), codes::DATA);
}

#[test]
fn sum_of_fields_ignored_in_independent_mode() {
    ok(&sum_src("1", "1", "50").replace("total: sum_of_fields\n", ""));
}

// ---- ranks ----

#[test]
fn derived_competition_ranks_are_1_2_2_4() {
    let ds = ok(&year(
        "      \"1\": { total: 90 }\n      \"2\": { total: 80 }\n      \"3\": { total: 80 }\n      \"4\": { total: 70 }\n",
    ));
    assert_eq!(ranks(&ds, 2022), [Some(1), Some(2), Some(2), Some(4)]);
    assert!(ds.year(2022).unwrap().ranks_derived);
    assert_eq!(ds.rank_of(2022), 4);
    assert_eq!(value_text(&ds, "c", 2022, "rank", None).unwrap(), "2/4");
}

#[test]
fn lower_is_better_derives_ranks_from_smallest_total() {
    let src = with(
        "{ max: 100, higher_is_better: false }",
        "results:\n  - year: 2022\n    scores:\n      \"1\": { total: 90 }\n      \"2\": { total: 10 }\n      \"3\": { total: null }\n      \"4\": { total: 50 }\n",
    );
    let ds = ok(&src);
    assert_eq!(ranks(&ds, 2022), [Some(3), Some(1), None, Some(2)]);
    let order: Vec<usize> = ds.ranking(2022).iter().map(|s| s.unit).collect();
    assert_eq!(order, [1, 3, 0, 2]);
}

#[test]
fn equal_totals_may_be_ranked_apart() {
    let ds = ok(&year(
        "      \"1\": { total: 90, rank: 1 }\n      \"2\": { total: 80, rank: 2 }\n      \"3\": { total: 80, rank: 3 }\n      \"4\": { total: 70, rank: 4 }\n",
    ));
    assert_eq!(ranks(&ds, 2022), [Some(1), Some(2), Some(3), Some(4)]);
    assert!(!ds.year(2022).unwrap().ranks_derived);
}

#[test]
fn better_rank_with_strictly_worse_total_is_rejected() {
    let src = year(
        "      \"1\": { total: 90, rank: 1 }\n      \"2\": { total: 70, rank: 2 }\n      \"3\": { total: 80, rank: 3 } # <-\n",
    );
    let e = single_error(&src, codes::DATA);
    assert!(
        e.message.contains("`3`") && e.message.contains("`2`"),
        "{}",
        e.message
    );
}

#[test]
fn published_ranks_are_kept_and_units_without_rank_are_unranked() {
    let ds = ok(&year(
        "      \"1\": { total: 90, rank: 2 }\n      \"2\": { total: 95 }\n      \"3\": { total: 80, rank: 3 }\n",
    ));
    assert_eq!(ranks(&ds, 2022), [Some(2), None, Some(3)]);
    // Never shows 3/2: N is at least the largest rank.
    assert_eq!(ds.rank_of(2022), 3);
    let order: Vec<usize> = ds.ranking(2022).iter().map(|s| s.unit).collect();
    assert_eq!(order, [0, 2, 1]);
}

#[test]
fn rank_beyond_listed_units_needs_out_of() {
    let src =
        year("      \"1\": { total: 90, rank: 1 }\n      \"2\": { total: 70, rank: 7 } # <-\n");
    let e = single_error(&src, codes::DATA);
    assert!(e.hint.unwrap().contains("out_of"));
    let fixed = src.replace("    scores:", "    out_of: 8\n    scores:");
    let ds = ok(&fixed);
    assert_eq!(ds.rank_of(2022), 8);
    assert_eq!(value_text(&ds, "b", 2022, "rank", None).unwrap(), "7/8");
    let too_small = src.replace("    scores:", "    out_of: 6\n    scores:");
    single_error(&too_small, codes::DATA);
}

#[test]
fn out_of_smaller_than_ranked_units_is_rejected() {
    let src = with(
        "{ max: 100 }",
        "results:\n  - year: 2022\n    out_of: 1 # <-\n    scores:\n      \"1\": { total: 90 }\n      \"2\": { total: 80 }\n",
    );
    single_error(&src, codes::DATA);
}

#[test]
fn rank_zero_is_rejected() {
    single_error(
        &year("      \"1\": { total: 90, rank: 0 } # <-\n"),
        codes::DATA,
    );
}

// ---- scale, bands, status, required keys ----

#[test]
fn decimals_four_are_shown_and_seven_rejected() {
    let src = with(
        "{ max: 1, decimals: 4 }",
        "results:\n  - year: 2022\n    scores: { \"1\": { total: 0.72125 } }\n",
    );
    let ds = ok(&src);
    assert_eq!(ds.scale.decimals, 4);
    assert_eq!(value_text(&ds, "a", 2022, "total", None).unwrap(), "0,7213");
    let bad = src.replace(
        "scale: { max: 1, decimals: 4 }",
        "scale: { max: 1, decimals: 7 } # <-",
    );
    single_error(&bad, codes::DATA);
}

#[test]
fn scale_max_must_exceed_min() {
    let src = with(
        "\n  min: 10\n  max: 5 # <-",
        "results:\n  - year: 2022\n    scores: { \"1\": { total: null } }\n",
    );
    single_error(&src, codes::DATA);
}

#[test]
fn bands_must_be_listed_highest_first() {
    let src = with(
        "{ max: 100 }",
        "bands:\n  - { name: Khá, min: 70 }\n  - { name: Tốt, min: 80 } # <-\nresults:\n  - year: 2022\n    scores: { \"1\": { total: 5 } }\n",
    );
    let e = single_error(&src, codes::DATA);
    assert!(e.hint.unwrap().contains("highest first"));
}

#[test]
fn band_of_picks_the_first_band_reached() {
    let src = with(
        "{ max: 100 }",
        "bands:\n  - { name: Tốt, min: 80 }\n  - { name: Khá, min: 70 }\nresults:\n  - year: 2022\n    scores: { \"1\": { total: 80 }, \"2\": { total: 79.99 }, \"3\": { total: 12 } }\n",
    );
    let ds = ok(&src);
    assert_eq!(ds.band_of(80.0).unwrap().name, "Tốt");
    assert_eq!(value_text(&ds, "b", 2022, "band", None).unwrap(), "Khá");
    let e = value_text(&ds, "c", 2022, "band", None).unwrap_err();
    assert!(e.contains("below every band"), "{e}");
}

#[test]
fn status_and_total_mode_accept_only_their_words() {
    let base = year("      \"1\": { total: 5 }\n");
    single_error(&format!("status: draft # <-\n{base}"), codes::DATA);
    single_error(&format!("total: sum # <-\n{base}"), codes::DATA);
    assert_eq!(
        ok(&format!("status: illustrative\n{base}")).status,
        Status::Illustrative
    );
}

#[test]
fn sum_of_fields_without_any_field_is_rejected() {
    let base = year("      \"1\": { total: 5 }\n");
    single_error(&format!("total: sum_of_fields # <-\n{base}"), codes::DATA);
}

#[test]
fn missing_required_keys_are_all_reported() {
    let errs = errors("description: only this\n");
    let msgs: Vec<&str> = errs.iter().map(|e| e.message.as_str()).collect();
    for key in ["`title`", "`source`", "`scale`", "`units`", "`results`"] {
        assert!(msgs.iter().any(|m| m.contains(key)), "{key} in {msgs:?}");
    }
    assert!(errs.iter().all(|e| e.code == codes::DATA && e.line == 1));
}

#[test]
fn missing_scale_max_is_reported_at_scale() {
    // Reported where the `scale` mapping begins (its first key).
    let src = with(
        "\n  unit: \"%\" # <-",
        "results:\n  - year: 2022\n    scores: { \"1\": { total: 5 } }\n",
    );
    let e = single_error(&src, codes::DATA);
    assert!(e.message.contains("scale.max"), "{}", e.message);
}

#[test]
fn source_needs_a_named_entry_and_an_http_url() {
    let base = year("      \"1\": { total: 5 }\n");
    let empty = base.replace("source:\n  - { name: S }", "source: [] # <-");
    single_error(&empty, codes::DATA);
    let js = base.replace(
        "{ name: S }",
        "{ name: S, url: \"javascript:alert(1)\" } # <-",
    );
    single_error(&js, codes::DATA);
    let unnamed = base.replace("{ name: S }", "{ note: x } # <-");
    single_error(&unnamed, codes::DATA);
}

#[test]
fn many_errors_in_one_file_are_all_reported() {
    let src = with(
        "{ max: 100 }",
        "results:\n  - year: 2022\n    scores:\n\
         \x20     \"1\": { total: \"72,10\" }\n\
         \x20     \"2\": { total: 101 }\n\
         \x20     \"9\": { total: 5 }\n\
         \x20 - year: 2022\n    scores: {}\n",
    );
    let errs = errors(&src);
    let lines: Vec<usize> = errs.iter().map(|e| e.line).collect();
    assert_eq!(lines, [13, 14, 15, 16], "{errs:#?}");
}

// ---- text handling and robustness ----

#[test]
fn bom_and_crlf_are_accepted() {
    let src = format!(
        "\u{feff}{}",
        year("      \"1\": { total: 5 }\n").replace('\n', "\r\n")
    );
    let ds = ok(&src);
    assert_eq!(ds.year(2022).unwrap().line, 11);
}

#[test]
fn odd_documents_give_errors_not_panics() {
    for src in [
        "",
        "- 1\n- 2\n",
        "just text",
        "title: [",
        "results: 5\n",
        "units: [1, 2]\n",
        "results:\n  - year: \"2022\"\n    scores: { \"1\": {} }\n",
        "scale: { max: .inf }\n",
        "a: &a [*a]\n",
        &"[".repeat(500),
        "results:\n  - year: 99999999999999999999\n",
    ] {
        assert!(load(src).is_err(), "{src}");
    }
}

// ---- queries and value_text ----

fn two_years() -> Dataset {
    ok(&with(
        "{ max: 100, unit: \"%\" }",
        "bands:\n  - { name: Tốt, min: 50 }\n  - { name: Yếu, min: 0 }\n\
         fields:\n  - { key: a, name: A, max: 100 }\n\
         results:\n  - year: 2022\n    scores:\n\
         \x20     \"1\": { total: 40, fields: { a: 40 } }\n      \"2\": { total: 90 }\n      \"3\": { total: 60 }\n\
         \x20 - year: 2018\n    scores:\n\
         \x20     \"1\": { total: 95 }\n      \"2\": { total: 30 }\n      \"3\": { total: 60 }\n      \"4\": { total: 10 }\n",
    ))
}

#[test]
fn value_text_for_every_what() {
    let ds = two_years();
    let v = |u: &str, y: i32, w: &str, f: Option<i32>| value_text(&ds, u, y, w, f);
    assert_eq!(v("a", 2022, "total", None).unwrap(), "40,00");
    assert_eq!(v("1", 2022, "", None).unwrap(), "40,00");
    assert_eq!(v("a", 2022, "total_unit", None).unwrap(), "40,00%");
    assert_eq!(v("a", 2022, "rank", None).unwrap(), "3/3");
    assert_eq!(
        v("a", 2022, "rank_change", Some(2018)).unwrap(),
        "giảm 2 bậc"
    );
    assert_eq!(
        v("b", 2022, "rank_change", Some(2018)).unwrap(),
        "tăng 2 bậc"
    );
    assert_eq!(
        v("c", 2022, "rank_change", Some(2018)).unwrap(),
        "giữ nguyên"
    );
    assert_eq!(v("a", 2022, "band", None).unwrap(), "Yếu");
    assert_eq!(v("b", 2022, "band", None).unwrap(), "Tốt");
    assert_eq!(v("a", 2022, "field:a", None).unwrap(), "40,00");
    // Unit 4 is not listed in 2022: no data, and no rank.
    assert_eq!(v("d", 2022, "total", None).unwrap(), numfmt::NO_DATA);
    assert!(
        v("d", 2022, "rank_change", Some(2018))
            .unwrap_err()
            .contains("not listed")
    );
}

#[test]
fn value_text_errors_name_the_valid_choices() {
    let ds = two_years();
    let v = |u: &str, y: i32, w: &str, f: Option<i32>| value_text(&ds, u, y, w, f).unwrap_err();
    assert!(v("zz", 2022, "total", None).contains("a, b, c, d"));
    assert!(v("a", 2020, "total", None).contains("2018, 2022"));
    assert!(v("a", 2022, "score", None).contains("total, total_unit, rank"));
    assert!(v("a", 2022, "rank_change", None).contains("from="));
    assert!(v("a", 2022, "rank_change", Some(2000)).contains("2018, 2022"));
    assert!(v("a", 2022, "total", Some(2018)).contains("only used with"));
    assert!(v("a", 2022, "field:x", None).contains("fields: a"));
}

#[test]
fn ranking_puts_unranked_last_in_vietnamese_name_order() {
    let src = r#"title: T
source: [{ name: S }]
scale: { max: 100 }
units:
  - { key: "1", name: "Huyện Than Uyên", short: "Than Uyên" }
  - { key: "2", name: "Huyện Tân Uyên", short: "Tân Uyên" }
  - { key: "3", name: "Huyện Tam Đường", short: "Tam Đường" }
  - { key: "4", name: "Huyện Mường Tè", short: "Mường Tè" }
results:
  - year: 2022
    scores:
      "1": { total: null }
      "2": { total: null }
      "3": { total: 10 }
      "4": { total: 10 }
"#;
    let ds = ok(src);
    let names: Vec<&str> = ds
        .ranking(2022)
        .iter()
        .map(|s| ds.units[s.unit].short.as_str())
        .collect();
    // Tied rank 1 by name, then the two without data by name.
    assert_eq!(names, ["Mường Tè", "Tam Đường", "Tân Uyên", "Than Uyên"]);
    assert!(ds.ranking(1999).is_empty());
}

// ---- load_dir ----

#[test]
fn load_dir_reads_sorted_yaml_files_and_names_them_relative() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("content/data");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("b.yaml"), fixture("lai-chau-8-illustrative.yaml")).unwrap();
    std::fs::write(dir.join("a.yaml"), fixture("lai-chau-cchc.yaml")).unwrap();
    std::fs::write(dir.join("c.yaml"), fixture("invalid-many-errors.yaml")).unwrap();
    std::fs::write(dir.join("a.md"), "commentary").unwrap();
    std::fs::create_dir(dir.join("a")).unwrap();
    let mut bad = b"title: \"L\xe0o Cai\"\n".to_vec();
    bad.splice(0..0, b"# x\n".iter().copied());
    std::fs::write(dir.join("d.yaml"), bad).unwrap();
    std::fs::write(dir.join("e.yml"), "title: x").unwrap();
    let (sets, diags) = load_dir(&dir, root.path());
    let slugs: Vec<&str> = sets.iter().map(|d| d.slug.as_str()).collect();
    assert_eq!(slugs, ["a", "b"]);
    assert_eq!(sets[0].file, Path::new("content/data/a.yaml"));
    let diags = diags.into_vec();
    assert!(
        diags
            .iter()
            .any(|d| d.file == Path::new("content/data/c.yaml") && d.code == codes::DATA)
    );
    let utf8 = diags.iter().find(|d| d.code == codes::UTF8).unwrap();
    assert_eq!(
        (utf8.file.as_path(), utf8.line, utf8.col),
        (Path::new("content/data/d.yaml"), 2, 10)
    );
    assert!(
        diags
            .iter()
            .any(|d| d.file == Path::new("content/data/e.yml"))
    );
}

#[test]
fn load_dir_of_a_missing_folder_is_empty_without_error() {
    let root = tempfile::tempdir().unwrap();
    let (sets, diags) = load_dir(&root.path().join("content/data"), root.path());
    assert!(sets.is_empty() && diags.is_empty());
}

#[test]
fn derived_ranks_scale_to_many_units() {
    // 20,000 units with 100 distinct totals: must stay fast (no n² pass).
    let mut src = String::from("title: T\nsource: [{ name: S }]\nscale: { max: 100 }\nunits:\n");
    for i in 0..20_000 {
        src.push_str(&format!(
            "  - {{ key: \"{i}\", name: \"Xã {i}\", slug: x{i} }}\n"
        ));
    }
    src.push_str("results:\n  - year: 2022\n    scores:\n");
    for i in 0..20_000 {
        src.push_str(&format!("      \"{i}\": {{ total: {} }}\n", i % 100));
    }
    let ds = ok(&src);
    let s = ds.score(19_999, 2022).unwrap();
    assert_eq!(s.total, Some(99.0));
    assert_eq!(s.rank, Some(1));
    assert_eq!(ds.score(0, 2022).unwrap().rank, Some(20_000 - 200 + 1));
}

#[test]
fn damaged_fixtures_never_panic() {
    for name in [
        "lai-chau-cchc.yaml",
        "lai-chau-8-illustrative.yaml",
        "invalid-many-errors.yaml",
    ] {
        let src = fixture(name);
        let lines: Vec<&str> = src.lines().collect();
        // Every line removed in turn.
        for skip in 0..lines.len() {
            let s: Vec<&str> = (0..lines.len())
                .filter(|&i| i != skip)
                .map(|i| lines[i])
                .collect();
            let _ = load(&s.join("\n"));
        }
        // Cut at many places (on char boundaries).
        for (i, _) in src.char_indices().step_by(5) {
            let _ = load(&src[..i]);
        }
    }
}
