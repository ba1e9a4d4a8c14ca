//! A year's ranks. If no unit has a `rank`, ranks are derived from totals
//! (competition ranking 1, 2, 2, 4). If any has, published ranks are kept:
//! they lie in `1..=(out_of or number of units)` and a better rank never
//! has a strictly worse total.

use super::common::{Ctx, Pos};
use super::scores::Pending;
use crate::data::dataset::Unit;
use crate::diag::catalog as m;
use crate::diag::catalog::msg;

/// The rank rules of one year, in `label`. Returns whether the ranks were
/// derived (none was published).
pub(super) fn ranks(
    cx: &mut Ctx,
    pending: &mut [Pending],
    out_of: Option<(u32, Pos)>,
    label: &str,
    units: &[Unit],
    higher_is_better: bool,
) -> bool {
    let published = pending.iter().any(|p| p.score.rank.is_some());
    if published {
        check_limit(cx, pending, out_of, label);
        check_order(cx, pending, units, higher_is_better);
    } else {
        derive(pending, higher_is_better);
    }
    check_out_of(cx, pending, out_of, label);
    !published
}

/// Competition ranking: 1 + the number of strictly better totals; null
/// totals stay unranked.
fn derive(pending: &mut [Pending], higher_is_better: bool) {
    let better = |a: f64, b: f64| if higher_is_better { a > b } else { a < b };
    let mut totals: Vec<f64> = pending.iter().filter_map(|p| p.score.total).collect();
    totals.sort_by(|a, b| {
        if higher_is_better {
            b.total_cmp(a)
        } else {
            a.total_cmp(b)
        }
    });
    for p in pending {
        if let Some(t) = p.score.total {
            let ahead = totals.partition_point(|&o| better(o, t));
            p.score.rank = Some(ahead as u32 + 1);
        }
    }
}

/// No published rank beyond `out_of`, else beyond the number of units
/// listed.
fn check_limit(cx: &mut Ctx, pending: &[Pending], out_of: Option<(u32, Pos)>, label: &str) {
    let limit = out_of.map_or(pending.len() as u32, |(n, _)| n);
    for p in pending {
        let Some(r) = p.score.rank else { continue };
        if r <= limit {
            continue;
        }
        let why = if out_of.is_some() {
            msg!(m::DV_RANK_LIMIT_OUT_OF, n = limit)
        } else {
            msg!(m::DV_RANK_LIMIT_LISTED, n = limit, label = label)
        };
        cx.err(
            p.rank_pos,
            msg!(m::DV_RANK_LIMIT, rank = r, why = why),
            msg!(m::DV_RANK_LIMIT_HINT),
        );
    }
}

/// A total as an editor reads it: `8.5` in English, `8,50` in Vietnamese.
fn points(v: f64) -> m::Arg {
    m::both(v.to_string(), m::dec(v, 2, crate::diag::Lang::Vi))
}

/// A better rank never has a strictly worse total (equal ranks may have
/// any totals among themselves).
fn check_order(cx: &mut Ctx, pending: &[Pending], units: &[Unit], higher_is_better: bool) {
    let better = |a: f64, b: f64| if higher_is_better { a > b } else { a < b };
    let mut order: Vec<&Pending> = pending
        .iter()
        .filter(|p| p.score.rank.is_some() && p.score.total.is_some())
        .collect();
    order.sort_by_key(|p| p.score.rank);
    // Worst total among strictly better ranks, and whose it is.
    let mut worst: Option<(f64, &Pending)> = None;
    for group in order.chunk_by(|a, b| a.score.rank == b.score.rank) {
        for p in group {
            let t = p.score.total.unwrap_or_default();
            if let Some((wt, wp)) = worst {
                if better(t, wt) {
                    cx.err(
                        p.rank_pos,
                        msg!(
                            m::DV_RANK_ORDER,
                            unit = &units[p.score.unit].name,
                            rank = p.score.rank.unwrap_or_default(),
                            total = points(t),
                            other = &units[wp.score.unit].name,
                            other_rank = wp.score.rank.unwrap_or_default(),
                            other_total = points(wt),
                        ),
                        msg!(m::DV_RANK_ORDER_HINT),
                    );
                }
            }
        }
        for p in group {
            let t = p.score.total.unwrap_or_default();
            if worst.is_none_or(|(wt, _)| better(wt, t)) {
                worst = Some((t, p));
            }
        }
    }
}

/// `out_of` is never smaller than the number of ranked units.
fn check_out_of(cx: &mut Ctx, pending: &[Pending], out_of: Option<(u32, Pos)>, label: &str) {
    let Some((n, at)) = out_of else { return };
    let ranked = pending.iter().filter(|p| p.score.rank.is_some()).count();
    if ranked > n as usize {
        cx.err(
            at,
            msg!(m::DV_OUT_OF, n = n, ranked = ranked, label = label),
            msg!(m::DV_OUT_OF_HINT),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::common::tests::messages;
    use super::*;
    use crate::data::dataset::Score;
    use std::path::Path;

    /// One pending score per (total, rank), unit i at line i + 1.
    fn pending(rows: &[(Option<f64>, Option<u32>)]) -> Vec<Pending> {
        rows.iter()
            .enumerate()
            .map(|(i, &(total, rank))| Pending {
                score: Score {
                    unit: i,
                    total,
                    rank,
                    fields: Vec::new(),
                },
                rank_pos: (i + 1, 1),
            })
            .collect()
    }

    fn units(n: usize) -> Vec<Unit> {
        (0..n)
            .map(|i| Unit {
                key: format!("u{i}"),
                name: format!("U{i}"),
                short: format!("U{i}"),
                slug: format!("u{i}"),
                since: None,
                until: None,
                formed_from: Vec::new(),
                succeeded_by: Vec::new(),
            })
            .collect()
    }

    fn got(p: &[Pending]) -> Vec<Option<u32>> {
        p.iter().map(|p| p.score.rank).collect()
    }

    #[test]
    fn derived_ranks_share_ties_and_skip_after_them() {
        let mut p = pending(&[
            (Some(5.0), None),
            (Some(9.0), None),
            (None, None),
            (Some(9.0), None),
        ]);
        derive(&mut p, true);
        assert_eq!(got(&p), [Some(3), Some(1), None, Some(1)]);
        derive(&mut p, false);
        assert_eq!(got(&p), [Some(1), Some(2), None, Some(2)]);
    }

    #[test]
    fn published_ranks_are_kept_and_checked_for_order() {
        let rows = [
            (Some(80.0), Some(1)),
            (Some(85.0), Some(2)),
            (Some(70.0), Some(2)),
            (None, None),
        ];
        let mut p = pending(&rows);
        let mut cx = Ctx::new(Path::new("t.yaml"));
        let derived = ranks(&mut cx, &mut p, None, "2022", &units(4), true);
        assert!(!derived);
        assert_eq!(got(&p), [Some(1), Some(2), Some(2), None]);
        assert_eq!(
            messages(&cx),
            ["U0 is ranked 1 but has a worse total (80) than U1 (rank 2, 85)"]
        );
        assert_eq!(cx.diags.iter().next().unwrap().line, 2);
    }

    #[test]
    fn ranks_stay_within_out_of_and_out_of_covers_the_ranked() {
        let mut cx = Ctx::new(Path::new("t.yaml"));
        let mut p = pending(&[(None, Some(3)), (None, Some(1))]);
        ranks(&mut cx, &mut p, None, "2022", &units(2), true);
        let mut p = pending(&[(None, Some(1)), (None, Some(2))]);
        ranks(&mut cx, &mut p, Some((1, (9, 1))), "2022", &units(2), true);
        assert_eq!(
            messages(&cx),
            [
                "rank 3 is larger than the number of ranked units (2 units are listed in 2022)",
                "rank 2 is larger than the number of ranked units (out_of is 1)",
                "out_of is 1 but 2 units are ranked in 2022",
            ]
        );
    }
}
