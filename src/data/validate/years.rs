//! `results`: one entry per year, years unique and sorted ascending; each
//! year with its field set, `out_of`, scores and ranks.

use super::common::{Ctx, Pos, TOP, optional_text, pos, pos_or};
use super::fields::field_set;
use super::ranks::ranks;
use super::scores::{ScoreRules, scores};
use super::units::Units;
use crate::data::dataset::{Field, Scale, TotalMode, YearResult};
use crate::data::raw::{RawNum, RawYear, SpannedNum};
use crate::diag::catalog as m;
use crate::diag::catalog::msg;
use crate::load::yaml::{Spanned, line_of};
use std::collections::HashMap;

/// What every year is checked against.
pub(super) struct YearCtx<'a> {
    pub(super) units: &'a Units,
    pub(super) default_fields: &'a [Field],
    pub(super) scale: Option<&'a Scale>,
    pub(super) total_mode: TotalMode,
}

/// The required `results` list, ascending by year.
pub(super) fn results(
    cx: &mut Ctx,
    list: Option<Spanned<Vec<Spanned<RawYear>>>>,
    c: &YearCtx,
) -> Vec<YearResult> {
    let mut years: Vec<YearResult> = Vec::new();
    let Some(list) = list else {
        cx.err(TOP, msg!(m::DV_NO_RESULTS), msg!(m::DV_NO_RESULTS_HINT));
        return years;
    };
    if list.value.is_empty() {
        cx.err(
            pos(&list),
            msg!(m::DV_RESULTS_EMPTY),
            msg!(m::DV_RESULTS_EMPTY_HINT),
        );
    }
    let list_pos = pos(&list);
    let mut year_lines: HashMap<i32, usize> = HashMap::new();
    for y in list.value {
        let at = pos_or(&y, list_pos);
        let Some(yr) = year(cx, y.value, at, c) else {
            continue;
        };
        if let Some(first) = year_lines.get(&yr.year) {
            cx.err(
                (yr.line, 0),
                msg!(
                    m::DV_YEAR_TWICE,
                    year = yr.year.to_string(),
                    first = m::text(first)
                ),
                msg!(m::DV_YEAR_TWICE_HINT),
            );
            continue;
        }
        year_lines.insert(yr.year, yr.line);
        years.push(yr);
    }
    years.sort_by_key(|y| y.year);
    years
}

/// One year at `at`; `None` when its `year` is missing or invalid (the
/// rest is still checked and reported).
fn year(cx: &mut Ctx, y: RawYear, at: Pos, c: &YearCtx) -> Option<YearResult> {
    let year = year_number(cx, &y.year, at);
    let label = year.map_or_else(|| "?".to_string(), |(n, _)| n.to_string());
    let fields = match y.fields {
        Some(list) => {
            let p = pos(&list);
            field_set(cx, list.value, p)
        }
        None => c.default_fields.to_vec(),
    };
    let out_of = y.out_of.as_ref().and_then(|o| {
        cx.int(o, "out_of", 1, u32::MAX as i64)
            .map(|n| (n as u32, pos(o)))
    });
    let rules = ScoreRules {
        year: year.map(|(n, _)| n),
        label: &label,
        fields: &fields,
        scale: c.scale,
        total_mode: c.total_mode,
        decimals: c.scale.map_or(2, |s| s.decimals),
    };
    let mut pending = scores(cx, y.scores, at, c.units, &rules);
    let higher = c.scale.is_none_or(|s| s.higher_is_better);
    let derived = ranks(cx, &mut pending, out_of, &label, &c.units.units, higher);
    let (year, line) = year?;
    Some(YearResult {
        year,
        line,
        methodology: optional_text(y.methodology),
        fields,
        out_of: out_of.map(|(n, _)| n),
        scores: pending.into_iter().map(|p| p.score).collect(),
        ranks_derived: derived,
    })
}

/// The required `year` (1–9999) and the line it is on.
fn year_number(cx: &mut Ctx, v: &SpannedNum, at: Pos) -> Option<(i32, usize)> {
    let Some(v) = v else {
        cx.err(at, msg!(m::DV_NO_YEAR), msg!(m::DV_NO_YEAR_HINT));
        return None;
    };
    let shown = match &v.value {
        RawNum::Num(n) if n.fract() == 0.0 && (1000.0..=9999.0).contains(n) => {
            return Some((*n as i32, line_of(v)));
        }
        RawNum::Num(n) => n.to_string(),
        RawNum::Text(t) => format!("\"{t}\""),
        RawNum::Null => "null".to_string(),
        RawNum::Bool(b) => b.to_string(),
    };
    cx.err(
        pos(v),
        msg!(m::DV_YEAR_FORMAT, value = shown),
        msg!(m::DV_YEAR_FORMAT_HINT),
    );
    None
}
