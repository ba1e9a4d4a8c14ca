//! Sums, ranks, scale and bands.

use super::*;
use crate::data::*;

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
        e.message.contains("Huyện C (rank 3") && e.message.contains("Huyện B is ranked 2"),
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
