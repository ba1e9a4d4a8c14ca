//! The trend chart's axes and layout: ticks, where years go, which labels
//! fit, the notes on missing years and the vertical rows (a child of
//! `trend`, which measures with these and draws).

use super::svg::{self, FONT, PAD, W, Weight};
use super::{
    ChartMeta, GAP, HEADROOM, NOTE_LINE, PANEL_TITLE, RANK_PLOT, SCORE_PLOT, TrendPoint, X_LABELS,
    finite, format_number, num, rank_text, scale,
};

/// Nice tick values covering `lo..=hi`, kept inside the scale.
pub(super) fn ticks(lo: f64, hi: f64, smin: f64, smax: f64) -> (Vec<f64>, u8) {
    let span = if hi > lo {
        hi - lo
    } else {
        (hi.abs() * 0.1).max(1.0)
    };
    let raw = span / 3.0;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw * 0.999)
        .unwrap_or(10.0 * mag);
    let mut t0 = (lo / step).floor() * step;
    let mut t1 = (hi / step).ceil() * step;
    if t1 <= t0 {
        t1 = t0 + step;
    }
    if t0 < smin && lo >= smin {
        t0 = smin;
    }
    if t1 > smax && hi <= smax {
        t1 = smax;
    }
    let decimals = if (step - step.round()).abs() < 1e-9 {
        0
    } else if (step * 10.0 - (step * 10.0).round()).abs() < 1e-9 {
        1
    } else {
        2
    };
    let mut out = vec![t0];
    let mut t = (t0 / step).floor() * step + step;
    while t < t1 - step * 1e-6 {
        if t > t0 + step * 1e-6 {
            out.push(t);
        }
        t += step;
    }
    out.push(t1);
    (out, decimals)
}

/// The score axis's ticks and their labels.
pub(super) struct ValueAxis {
    pub(super) ticks: Vec<f64>,
    pub(super) labels: Vec<String>,
}

/// Ticks around the data, or the whole scale when there is none.
pub(super) fn value_axis(meta: &ChartMeta, points: &[TrendPoint]) -> ValueAxis {
    let totals: Vec<f64> = points.iter().filter_map(|p| finite(p.total)).collect();
    let (smin, smax) = scale(meta);
    let (dlo, dhi) = if totals.is_empty() {
        (smin, smax)
    } else {
        (
            totals.iter().copied().fold(f64::INFINITY, f64::min),
            totals.iter().copied().fold(f64::NEG_INFINITY, f64::max),
        )
    };
    let (ticks, decimals) = ticks(dlo, dhi, smin, smax);
    let labels = ticks.iter().map(|t| format_number(*t, decimals)).collect();
    ValueAxis { ticks, labels }
}

pub(super) fn max_rank(points: &[TrendPoint]) -> u32 {
    points
        .iter()
        .flat_map(|p| [p.rank, p.of])
        .flatten()
        .max()
        .unwrap_or(1)
}

/// Width of the widest label left of either panel.
pub(super) fn y_label_width(tick_labels: &[String], max_rank: u32) -> i32 {
    tick_labels
        .iter()
        .map(|t| svg::text_width(t, FONT, Weight::Normal))
        .chain([svg::text_width(&max_rank.to_string(), FONT, Weight::Normal)])
        .fold(0.0, f64::max)
        .ceil() as i32
}

/// Where years go: evenly between `xa` and `xb`, inside the plot from
/// `plot_x0` to `plot_x1`.
pub(super) struct XAxis {
    pub(super) plot_x0: i32,
    pub(super) plot_x1: i32,
    pub(super) xa: i32,
    pub(super) xb: i32,
    pub(super) first: i32,
    pub(super) last: i32,
}

impl XAxis {
    pub(super) fn new(y_label_width: i32, first: i32, last: i32) -> Self {
        let plot_x0 = PAD + y_label_width + 6;
        let plot_x1 = W - PAD;
        XAxis {
            plot_x0,
            plot_x1,
            xa: plot_x0 + 26,
            xb: plot_x1 - 26,
            first,
            last,
        }
    }

    pub(super) fn x(&self, year: i32) -> i32 {
        let (first, last, xa, xb) = (self.first, self.last, self.xa, self.xb);
        if last <= first {
            (xa + xb) / 2
        } else {
            xa + ((f64::from(year - first) / f64::from(last - first)) * f64::from(xb - xa)).round()
                as i32
        }
    }
}

/// Which labels fit, decided by the spacing between neighbouring years.
pub(super) struct Labels {
    /// Every `year_step`th year is labelled.
    pub(super) year_step: usize,
    /// Each point's value label; `None` where the value is missing.
    pub(super) values: Vec<Option<String>>,
    /// All value (rank) labels fit; otherwise only the first and last.
    pub(super) all_values: bool,
    pub(super) all_ranks: bool,
}

impl Labels {
    pub(super) fn fit(meta: &ChartMeta, points: &[TrendPoint], years: &[i32], x: &XAxis) -> Self {
        let min_dx = years
            .windows(2)
            .map(|w| x.x(w[1]) - x.x(w[0]))
            .min()
            .unwrap_or(W);
        let year_step = {
            let need = svg::text_width("2000", FONT, Weight::Normal) + 8.0;
            ((need / f64::from(min_dx.max(1))).ceil() as usize).max(1)
        };
        let values: Vec<Option<String>> = points
            .iter()
            .map(|p| finite(p.total).map(|v| num(meta, v)))
            .collect();
        let widest = |labels: &mut dyn Iterator<Item = String>| {
            labels
                .map(|v| svg::text_width(&v, FONT, Weight::Normal))
                .fold(0.0, f64::max)
        };
        let widest_value = widest(&mut values.iter().flatten().cloned());
        let widest_rank = widest(&mut points.iter().filter_map(rank_text));
        Labels {
            year_step,
            all_values: f64::from(min_dx) >= widest_value + 6.0,
            all_ranks: f64::from(min_dx) >= widest_rank + 6.0,
            values,
        }
    }
}

/// Notes on the years without a score or a rank, wrapped to the width.
pub(super) fn notes(points: &[TrendPoint], has_rank: bool) -> Vec<String> {
    let years = |missing: &dyn Fn(&TrendPoint) -> bool| -> Vec<String> {
        points
            .iter()
            .filter(|p| missing(p))
            .map(|p| p.year.to_string())
            .collect()
    };
    let missing_total = years(&|p| finite(p.total).is_none());
    let missing_rank = years(&|p| p.rank.is_none());
    let mut notes = Vec::new();
    if !missing_total.is_empty() {
        notes.push(format!(
            "Năm {}: không có số liệu điểm.",
            missing_total.join(", ")
        ));
    }
    if has_rank && !missing_rank.is_empty() {
        notes.push(format!(
            "Năm {}: không có số liệu hạng.",
            missing_rank.join(", ")
        ));
    }
    notes
        .iter()
        .flat_map(|n| svg::wrap(n, f64::from(W - 2 * PAD), FONT, Weight::Italic, 3))
        .collect()
}

/// Vertical layout: header, score panel, rank panel (when there are
/// ranks), notes. `*_top` is a panel's title, `*_py0..*_py1` its plot.
pub(super) struct Rows {
    pub(super) score_top: i32,
    pub(super) s_py0: i32,
    pub(super) s_py1: i32,
    pub(super) r_top: i32,
    pub(super) r_py0: i32,
    pub(super) r_py1: i32,
    pub(super) notes_top: i32,
    pub(super) height: i32,
}

impl Rows {
    pub(super) fn new(header_height: i32, has_rank: bool, note_lines: usize) -> Self {
        let score_top = header_height;
        let s_py0 = score_top + PANEL_TITLE + HEADROOM;
        let s_py1 = s_py0 + SCORE_PLOT;
        let mut y = s_py1 + X_LABELS;
        let (r_top, r_py0, r_py1) = if has_rank {
            let top = y + GAP;
            let py0 = top + PANEL_TITLE + HEADROOM;
            y = py0 + RANK_PLOT + 6 + X_LABELS;
            (top, py0, py0 + RANK_PLOT)
        } else {
            (0, 0, 0)
        };
        let notes_top = y + 4;
        Rows {
            score_top,
            s_py0,
            s_py1,
            r_top,
            r_py0,
            r_py1,
            notes_top,
            height: notes_top + NOTE_LINE * note_lines as i32 + PAD,
        }
    }
}

/// Rank ticks: 1, the middle when there is room, the last.
pub(super) fn rank_ticks(max_rank: u32) -> Vec<u32> {
    let mut ticks = vec![1, max_rank];
    if max_rank >= 5 {
        ticks.insert(1, (1 + max_rank).div_ceil(2));
    }
    ticks.dedup();
    ticks
}
