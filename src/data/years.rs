//! The checks of one year of results: scores, fields, sums and ranks.

use super::raw::{OrderedMap, RawScore, RawYear};
use super::validate::{Ctx, check_fields, key_text, list_keys, pos};
use super::{Field, Scale, Score, TotalMode, Unit, YearResult};
use crate::load::yaml::line_of;
use crate::util::text::nfc_string;
use std::collections::HashMap;

pub(super) struct YearCtx<'a> {
    pub(super) units: &'a [Unit],
    pub(super) by_key: &'a HashMap<String, usize>,
    pub(super) default_fields: &'a [Field],
    pub(super) scale: Option<&'a Scale>,
    pub(super) total_mode: TotalMode,
    pub(super) decimals: u8,
}

/// Per-score facts kept for the year-wide rank checks.
struct Pending {
    score: Score,
    rank_pos: (usize, usize),
}

pub(super) fn check_year(
    cx: &mut Ctx,
    y: RawYear,
    at: (usize, usize),
    c: &YearCtx,
) -> Option<YearResult> {
    let year = match &y.year {
        None => {
            cx.err(
                at,
                "missing required key `year`",
                "add `year:`, e.g. `year: 2022`",
            );
            None
        }
        Some(v) => cx.int(v, "year", 1, 9999).map(|n| (n as i32, line_of(v))),
    };
    let label = year.map_or_else(|| "this year".to_string(), |(n, _)| n.to_string());
    let fields = match y.fields {
        Some(list) => {
            let p = pos(&list);
            check_fields(cx, list.value, p)
        }
        None => c.default_fields.to_vec(),
    };
    let out_of = y.out_of.as_ref().and_then(|o| {
        cx.int(o, "out_of", 1, u32::MAX as i64)
            .map(|n| (n as u32, pos(o)))
    });

    let mut pending: Vec<Pending> = Vec::new();
    let mut seen: HashMap<usize, usize> = HashMap::new();
    match y.scores {
        None => cx.err(
            at,
            format!("missing required key `scores` in {label}"),
            "add `scores:` with one entry per unit, e.g. `\"109\": { total: 72.10 }`",
        ),
        Some(map) => {
            let OrderedMap(entries) = map.value;
            for (k, s) in entries {
                let key = key_text(&k);
                let Some(&ui) = c.by_key.get(&key) else {
                    cx.err(
                        pos(&k),
                        format!("`{key}` in the scores of {label} is not a declared unit"),
                        format!(
                            "declare it under `units:` or use a declared key: {}",
                            list_keys(c.units.iter().map(|u| u.key.as_str()))
                        ),
                    );
                    continue;
                };
                if let Some(first) = seen.get(&ui) {
                    cx.err(
                        pos(&k),
                        format!("unit `{key}` is listed twice in the scores of {label} (first at line {first})"),
                        "each unit appears once per year: remove the repeated entry",
                    );
                    continue;
                }
                seen.insert(ui, line_of(&k));
                let score_pos = if line_of(&s) > 0 { pos(&s) } else { pos(&k) };
                if let Some(p) = check_score(cx, s.value, ui, &key, score_pos, &label, &fields, c) {
                    pending.push(p);
                }
            }
        }
    }
    pending.sort_by_key(|p| p.score.unit);

    // ranks
    let published = pending.iter().any(|p| p.score.rank.is_some());
    let higher = c.scale.is_none_or(|s| s.higher_is_better);
    let better = |a: f64, b: f64| if higher { a > b } else { a < b };
    if !published {
        // Competition ranking: 1 + the number of strictly better totals.
        let mut totals: Vec<f64> = pending.iter().filter_map(|p| p.score.total).collect();
        totals.sort_by(|a, b| {
            if higher {
                b.total_cmp(a)
            } else {
                a.total_cmp(b)
            }
        });
        for p in &mut pending {
            if let Some(t) = p.score.total {
                let ahead = totals.partition_point(|&o| better(o, t));
                p.score.rank = Some(ahead as u32 + 1);
            }
        }
    } else {
        let limit = out_of.map_or(pending.len() as u32, |(n, _)| n);
        for p in &pending {
            if let Some(r) = p.score.rank {
                if r > limit {
                    let why = if out_of.is_some() {
                        format!("out_of is {limit}")
                    } else {
                        format!("{limit} units are listed in {label}")
                    };
                    cx.err(
                        p.rank_pos,
                        format!("rank {r} is larger than the number of ranked units ({why})"),
                        "fix the rank, or set `out_of:` for this year when the ranking covers more units than are listed",
                    );
                }
            }
        }
        // A better rank never has a strictly worse total.
        let mut order: Vec<&Pending> = pending
            .iter()
            .filter(|p| p.score.rank.is_some() && p.score.total.is_some())
            .collect();
        order.sort_by_key(|p| p.score.rank);
        // Worst total among strictly better ranks, and whose it is.
        let mut worst: Option<(f64, &Pending)> = None;
        let mut i = 0;
        while i < order.len() {
            let r = order[i].score.rank;
            let mut j = i;
            while j < order.len() && order[j].score.rank == r {
                j += 1;
            }
            for p in &order[i..j] {
                let t = p.score.total.unwrap_or_default();
                if let Some((wt, wp)) = worst {
                    if better(t, wt) {
                        cx.err(
                            p.rank_pos,
                            format!(
                                "`{}` is ranked {} with total {t}, but `{}` is ranked better ({}) with a worse total {wt}",
                                c.units[p.score.unit].key,
                                p.score.rank.unwrap_or_default(),
                                c.units[wp.score.unit].key,
                                wp.score.rank.unwrap_or_default(),
                            ),
                            "a better rank cannot have a worse total: check both ranks and totals against the source table",
                        );
                    }
                }
            }
            for p in &order[i..j] {
                let t = p.score.total.unwrap_or_default();
                if worst.is_none_or(|(wt, _)| better(wt, t)) {
                    worst = Some((t, p));
                }
            }
            i = j;
        }
    }
    if let Some((n, opos)) = out_of {
        let ranked = pending.iter().filter(|p| p.score.rank.is_some()).count();
        if ranked > n as usize {
            cx.err(
                opos,
                format!("out_of is {n} but {ranked} units are ranked in {label}"),
                "out_of is the N in \"x/N\": it cannot be smaller than the number of ranked units",
            );
        }
    }

    let (year, line) = year?;
    Some(YearResult {
        year,
        line,
        methodology: y
            .methodology
            .map(|m| nfc_string(m.trim().to_string()))
            .filter(|m| !m.is_empty()),
        fields,
        out_of: out_of.map(|(n, _)| n),
        scores: pending.into_iter().map(|p| p.score).collect(),
        ranks_derived: !published,
    })
}

#[allow(clippy::too_many_arguments)]
fn check_score(
    cx: &mut Ctx,
    s: RawScore,
    unit: usize,
    key: &str,
    at: (usize, usize),
    label: &str,
    fields: &[Field],
    c: &YearCtx,
) -> Option<Pending> {
    let mut ok = true;
    let (total, total_pos) = match &s.total {
        None => {
            cx.err(
                at,
                format!("the score of `{key}` in {label} has no `total`"),
                "write `total: <number>`, or `total: null` if the total is not available",
            );
            ok = false;
            (None, at)
        }
        Some(t) => {
            match cx.num(t, "total") {
                None => {
                    ok = false;
                    (None, pos(t))
                }
                Some(v) => {
                    if let (Some(v), Some(sc)) = (v, c.scale) {
                        if v < sc.min || v > sc.max {
                            cx.err(
                            pos(t),
                            format!("total {v} of `{key}` in {label} is outside the scale {}–{}", sc.min, sc.max),
                            "check the value against the source table (or scale.min / scale.max)",
                        );
                            ok = false;
                        }
                    }
                    (v, pos(t))
                }
            }
        }
    };
    let (rank, rank_pos) = match &s.rank {
        None => (None, at),
        Some(r) => match cx.num(r, "rank") {
            None => {
                ok = false;
                (None, pos(r))
            }
            Some(None) => (None, pos(r)),
            Some(Some(_)) => match cx.int(r, "rank", 1, u32::MAX as i64) {
                Some(n) => (Some(n as u32), pos(r)),
                None => {
                    ok = false;
                    (None, pos(r))
                }
            },
        },
    };
    let mut values: Vec<Option<f64>> = vec![None; fields.len()];
    let mut given: Vec<bool> = vec![false; fields.len()];
    for (k, v) in s.fields.map(|m| m.0).unwrap_or_default() {
        let fk = key_text(&k);
        let Some(i) = fields.iter().position(|f| f.key == fk) else {
            cx.err(
                pos(&k),
                format!("`{fk}` is not a field of {label}"),
                format!(
                    "use one of this year's fields: {}",
                    list_keys(fields.iter().map(|f| f.key.as_str()))
                ),
            );
            ok = false;
            continue;
        };
        if given[i] {
            cx.err(
                pos(&k),
                format!("field `{fk}` of `{key}` is given twice in {label}"),
                "give each field once",
            );
            ok = false;
            continue;
        }
        given[i] = true;
        match cx.num(&v, &format!("field `{fk}`")) {
            None => ok = false,
            Some(None) => {}
            Some(Some(x)) => {
                if x < 0.0 || x > fields[i].max {
                    cx.err(
                        pos(&v),
                        format!(
                            "field `{fk}` of `{key}` in {label} is {x}, outside 0–{}",
                            fields[i].max
                        ),
                        "check the value against the source table (or the field's max)",
                    );
                    ok = false;
                }
                values[i] = Some(x);
            }
        }
    }
    if ok && c.total_mode == TotalMode::SumOfFields {
        if let Some(t) = total {
            let present: Vec<f64> = values.iter().flatten().copied().collect();
            if !present.is_empty() {
                let sum: f64 = present.iter().sum();
                let tol = present.len() as f64 * 0.5 * 10f64.powi(-(c.decimals as i32)) + 1e-9;
                let complete = present.len() == fields.len();
                let bad = if complete {
                    (sum - t).abs() > tol
                } else {
                    // Missing fields can only add: the sum may not exceed the total.
                    sum > t + tol
                };
                if bad {
                    let sum_txt = plain(sum, c.decimals + 2);
                    cx.err(
                        total_pos,
                        if complete {
                            format!("the fields of `{key}` in {label} add up to {sum_txt}, not to its total {t}")
                        } else {
                            format!("the published fields of `{key}` in {label} already add up to {sum_txt}, more than its total {t}")
                        },
                        format!(
                            "with `total: sum_of_fields` the fields must add up to the total (within {}); check the values against the source table",
                            tol_text(tol, c.decimals)
                        ),
                    );
                }
            }
        }
    }
    Some(Pending {
        score: Score {
            unit,
            total,
            rank,
            fields: values,
        },
        rank_pos,
    })
}

fn tol_text(tol: f64, decimals: u8) -> String {
    plain(tol, decimals + 1)
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
