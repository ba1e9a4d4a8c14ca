//! A year's `scores`: every key a declared unit, listed once; totals on
//! the scale; ranks whole numbers; field values within `0..=max`; with
//! `total: sum_of_fields`, fields that add up to the total.

use super::common::{Ctx, Pos, key_text, list_keys, pos, pos_or};
use super::life::life_text;
use super::units::Units;
use crate::data::dataset::{Field, Scale, Score, TotalMode};
use crate::data::raw::{Key, OrderedMap, RawNum, RawScore};
use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::load::yaml::{Spanned, line_of};
use std::collections::HashMap;

/// What one year's scores are checked against.
pub(super) struct ScoreRules<'a> {
    /// The year, when valid (a score outside a unit's life is an error).
    pub(super) year: Option<i32>,
    /// The year, as named in messages: `2022`, or `this year`.
    pub(super) label: &'a str,
    /// The year's effective field set.
    pub(super) fields: &'a [Field],
    pub(super) scale: Option<&'a Scale>,
    pub(super) total_mode: TotalMode,
    pub(super) decimals: u8,
}

/// A checked score, with where its rank is written (for the year-wide
/// rank checks).
pub(super) struct Pending {
    pub(super) score: Score,
    pub(super) rank_pos: Pos,
}

/// The required `scores` of a year at `at`: sorted by unit index.
pub(super) fn scores(
    cx: &mut Ctx,
    map: Option<Spanned<OrderedMap<Spanned<RawScore>>>>,
    at: Pos,
    units: &Units,
    r: &ScoreRules,
) -> Vec<Pending> {
    let mut pending: Vec<Pending> = Vec::new();
    let Some(map) = map else {
        cx.err(
            at,
            msg!(m::DV_NO_SCORES, label = r.label),
            msg!(m::DV_NO_SCORES_HINT),
        );
        return pending;
    };
    let mut seen: HashMap<usize, usize> = HashMap::new();
    for (k, s) in map.value.0 {
        let Some((ui, key)) = score_unit(cx, &k, units, &mut seen, r.label) else {
            continue;
        };
        let at = pos_or(&s, pos(&k));
        if let Some(y) = r.year.filter(|&y| !units.units[ui].existed_in(y)) {
            cx.err(
                pos(&k),
                msg!(
                    m::DV_SCORE_NOT_ALIVE,
                    key = &key,
                    year = y.to_string(),
                    life = life_text(&units.units[ui])
                ),
                msg!(m::DV_SCORE_NOT_ALIVE_HINT),
            );
            continue;
        }
        pending.push(score(cx, s.value, ui, &key, at, r));
    }
    pending.sort_by_key(|p| p.score.unit);
    pending
}

/// The unit a score key names (its index and key), if declared and not
/// listed before this year.
fn score_unit(
    cx: &mut Ctx,
    k: &Spanned<Key>,
    units: &Units,
    seen: &mut HashMap<usize, usize>,
    label: &str,
) -> Option<(usize, String)> {
    let key = key_text(k);
    let Some(&ui) = units.by_key.get(&key) else {
        cx.err(
            pos(k),
            msg!(m::DV_UNKNOWN_UNIT, key = &key, label = label),
            msg!(
                m::DV_UNKNOWN_UNIT_HINT,
                keys = list_keys(units.units.iter().map(|u| u.key.as_str()))
            ),
        );
        return None;
    };
    if let Some(first) = seen.get(&ui) {
        cx.err(
            pos(k),
            msg!(
                m::DV_UNIT_TWICE,
                key = &key,
                label = label,
                first = m::text(first)
            ),
            msg!(m::DV_UNIT_TWICE_HINT),
        );
        return None;
    }
    seen.insert(ui, line_of(k));
    Some((ui, key))
}

/// One unit's score at `at`. Invalid parts are reported and left out; the
/// sum is checked only when every part is valid.
fn score(cx: &mut Ctx, s: RawScore, unit: usize, key: &str, at: Pos, r: &ScoreRules) -> Pending {
    let (total, total_pos, total_ok) = total(cx, s.total.as_ref(), key, at, r);
    let (rank, rank_pos, rank_ok) = rank(cx, s.rank.as_ref(), at);
    let (values, fields_ok) = field_values(cx, s.fields, key, r);
    if total_ok && rank_ok && fields_ok && r.total_mode == TotalMode::SumOfFields {
        if let Some(t) = total {
            check_sum(cx, t, total_pos, &values, key, r);
        }
    }
    Pending {
        score: Score {
            unit,
            total,
            rank,
            fields: values,
        },
        rank_pos,
    }
}

/// The required `total` (a number on the scale, or null): the value, where
/// it is, and whether it is valid.
fn total(
    cx: &mut Ctx,
    t: Option<&Spanned<RawNum>>,
    key: &str,
    at: Pos,
    r: &ScoreRules,
) -> (Option<f64>, Pos, bool) {
    let Some(t) = t else {
        cx.err(
            at,
            msg!(m::DV_NO_TOTAL, key = key, label = r.label),
            msg!(m::DV_NO_TOTAL_HINT),
        );
        return (None, at, false);
    };
    let Some(v) = cx.num(t, "`total`") else {
        return (None, pos(t), false);
    };
    let mut ok = true;
    if let (Some(v), Some(sc)) = (v, r.scale) {
        if v < sc.min || v > sc.max {
            cx.err(
                pos(t),
                msg!(
                    m::DV_TOTAL_OUTSIDE,
                    value = m::text(v),
                    key = key,
                    label = r.label,
                    min = m::text(sc.min),
                    max = m::text(sc.max)
                ),
                msg!(m::DV_TOTAL_OUTSIDE_HINT),
            );
            ok = false;
        }
    }
    (v, pos(t), ok)
}

/// The optional `rank` (a whole number from 1, or null): the value, where
/// it is (else `at`), and whether it is valid.
fn rank(cx: &mut Ctx, r: Option<&Spanned<RawNum>>, at: Pos) -> (Option<u32>, Pos, bool) {
    let Some(r) = r else {
        return (None, at, true);
    };
    match cx.num(r, "`rank`") {
        None => (None, pos(r), false),
        Some(None) => (None, pos(r), true),
        Some(Some(_)) => match cx.int(r, "`rank`", 1, u32::MAX as i64) {
            Some(n) => (Some(n as u32), pos(r), true),
            None => (None, pos(r), false),
        },
    }
}

/// The score's `fields`, aligned with the year's field set (`None` = not
/// published), and whether all are valid.
fn field_values(
    cx: &mut Ctx,
    given: Option<OrderedMap<Spanned<RawNum>>>,
    key: &str,
    r: &ScoreRules,
) -> (Vec<Option<f64>>, bool) {
    let fields = r.fields;
    let label = r.label;
    let mut ok = true;
    let mut values: Vec<Option<f64>> = vec![None; fields.len()];
    let mut seen: Vec<bool> = vec![false; fields.len()];
    for (k, v) in given.map(|m| m.0).unwrap_or_default() {
        let fk = key_text(&k);
        let Some(i) = fields.iter().position(|f| f.key == fk) else {
            cx.err(
                pos(&k),
                msg!(m::DV_NOT_FIELD, field = &fk, label = label),
                msg!(
                    m::DV_NOT_FIELD_HINT,
                    keys = list_keys(fields.iter().map(|f| f.key.as_str()))
                ),
            );
            ok = false;
            continue;
        };
        if seen[i] {
            cx.err(
                pos(&k),
                msg!(
                    m::DV_FIELD_GIVEN_TWICE,
                    field = &fk,
                    key = key,
                    label = label
                ),
                msg!(m::DV_FIELD_GIVEN_TWICE_HINT),
            );
            ok = false;
            continue;
        }
        seen[i] = true;
        match cx.num(&v, &format!("`{fk}`")) {
            None => ok = false,
            Some(None) => {}
            Some(Some(x)) => {
                if x < 0.0 || x > fields[i].max {
                    cx.err(
                        pos(&v),
                        msg!(
                            m::DV_FIELD_OUTSIDE,
                            field = &fk,
                            key = key,
                            label = label,
                            value = m::text(x),
                            max = m::text(fields[i].max)
                        ),
                        msg!(m::DV_FIELD_OUTSIDE_HINT),
                    );
                    ok = false;
                }
                values[i] = Some(x);
            }
        }
    }
    (values, ok)
}

/// `total: sum_of_fields`: the published fields add up to the total
/// within rounding (half a unit of the last shown digit per field); with
/// fields missing, they may only fall short of it.
fn check_sum(cx: &mut Ctx, t: f64, at: Pos, values: &[Option<f64>], key: &str, r: &ScoreRules) {
    let present: Vec<f64> = values.iter().flatten().copied().collect();
    if present.is_empty() {
        return;
    }
    let sum: f64 = present.iter().sum();
    let tol = present.len() as f64 * 0.5 * 10f64.powi(-(r.decimals as i32)) + 1e-9;
    let complete = present.len() == r.fields.len();
    let bad = if complete {
        (sum - t).abs() > tol
    } else {
        // Missing fields can only add: the sum may not exceed the total.
        sum > t + tol
    };
    if !bad {
        return;
    }
    let label = r.label;
    let sum_txt = plain(sum, r.decimals + 2);
    cx.err(
        at,
        if complete {
            msg!(
                m::DV_SUM,
                key = key,
                label = label,
                sum = &sum_txt,
                total = m::text(t)
            )
        } else {
            msg!(
                m::DV_SUM_OVER,
                key = key,
                label = label,
                sum = &sum_txt,
                total = m::text(t)
            )
        },
        msg!(m::DV_SUM_HINT, tolerance = plain(tol, r.decimals + 1)),
    );
}

/// `v` with at most `decimals` digits, trailing zeros dropped: `15.75`.
fn plain(v: f64, decimals: u8) -> String {
    let s = format!("{:.*}", decimals as usize, v);
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::super::common::tests::{messages, yaml};
    use super::*;
    use std::path::Path;

    fn two_fields() -> Vec<Field> {
        ["a", "b"]
            .map(|k| Field {
                key: k.into(),
                name: k.to_uppercase(),
                max: 10.0,
            })
            .to_vec()
    }

    fn rules(fields: &[Field]) -> ScoreRules<'_> {
        ScoreRules {
            year: Some(2022),
            label: "2022",
            fields,
            scale: None,
            total_mode: TotalMode::SumOfFields,
            decimals: 2,
        }
    }

    #[test]
    fn plain_drops_trailing_zeros() {
        assert_eq!(plain(15.75, 4), "15.75");
        assert_eq!(plain(16.0, 4), "16");
        assert_eq!(plain(0.0100000001, 3), "0.01");
        assert_eq!(plain(3.0, 0), "3");
    }

    #[test]
    fn sum_must_match_within_half_a_digit_per_field() {
        let f = two_fields();
        let r = rules(&f);
        let mut cx = Ctx::new(Path::new("t.yaml"));
        // 2 fields: tolerance 0.01.
        check_sum(&mut cx, 10.0, (1, 1), &[Some(4.995), Some(5.0)], "1", &r);
        check_sum(&mut cx, 10.0, (1, 1), &[Some(4.5), None], "1", &r);
        assert!(cx.diags.is_empty(), "{:?}", messages(&cx));
        check_sum(&mut cx, 10.0, (2, 1), &[Some(4.98), Some(5.0)], "1", &r);
        check_sum(&mut cx, 4.0, (3, 1), &[Some(4.5), None], "1", &r);
        assert_eq!(
            messages(&cx),
            [
                "the fields of `1` in 2022 add up to 9.98, not to its total 10",
                "the published fields of `1` in 2022 already add up to 4.5, more than its total 4",
            ]
        );
        let hint = cx.diags.iter().next().unwrap().hint.clone().unwrap();
        assert!(hint.contains("(within 0.01)"), "{hint}");
    }

    #[test]
    fn field_values_are_aligned_and_checked() {
        let f = two_fields();
        let r = rules(&f);
        let mut cx = Ctx::new(Path::new("t.yaml"));
        let given = yaml("b: 7.5\na: null\n");
        assert_eq!(
            field_values(&mut cx, Some(given), "1", &r),
            (vec![None, Some(7.5)], true)
        );
        let given = yaml("a: 11\nc: 1\n");
        assert_eq!(
            field_values(&mut cx, Some(given), "1", &r),
            (vec![Some(11.0), None], false)
        );
        assert_eq!(
            messages(&cx),
            [
                "field `a` of `1` in 2022 is 11, outside 0–10",
                "`c` is not a field of 2022",
            ]
        );
    }

    #[test]
    fn a_null_rank_is_unranked_and_valid() {
        let v: Vec<Spanned<RawNum>> = yaml("- null\n- 3\n- 0\n");
        let mut cx = Ctx::new(Path::new("t.yaml"));
        assert_eq!(rank(&mut cx, None, (9, 9)), (None, (9, 9), true));
        assert_eq!(rank(&mut cx, Some(&v[0]), (9, 9)), (None, (1, 3), true));
        assert_eq!(rank(&mut cx, Some(&v[1]), (9, 9)), (Some(3), (2, 3), true));
        assert_eq!(rank(&mut cx, Some(&v[2]), (9, 9)), (None, (3, 3), false));
        assert_eq!(messages(&cx).len(), 1);
    }
}
