//! The trend chart across a reform: predecessors' dashed, named series,
//! the break where the unit begins, and the note that says the lines are
//! different units (a child of `trend`, which draws the rest).

use super::Trend;
use super::svg::{self, AXIS, Anchor, FONT, GREEN, MUTED, PAD, W, Weight};
use super::{
    NO_DATA, Table, TrendPoint, TrendSeries, clean, finite, num_unit, rank_text, segments,
};
use plotters::style::RGBColor;

/// The note under a chart across a reform: whose dashed lines they are.
pub(super) fn lineage_note(unit: &str, preds: &[TrendSeries]) -> Vec<String> {
    let names: Vec<String> = preds.iter().map(|p| clean(&p.name)).collect();
    let n = format!(
        "Nét đứt: {} (đơn vị tiền thân, đến khi kết thúc). Nét liền: {unit}, từ khi thành lập. Hai đơn vị khác nhau, không nối thành một đường.",
        names.join(", ")
    );
    svg::wrap(&n, f64::from(W - 2 * PAD), FONT, Weight::Italic, 4)
}

/// Where the break between the predecessors and the unit is drawn: midway
/// between the predecessors' last year and the unit's first.
impl Trend<'_> {
    pub(super) fn break_x(&self) -> Option<i32> {
        let last_pred = self
            .preds
            .iter()
            .flat_map(|p| p.points.iter().map(|q| q.year))
            .max()?;
        let first = self.points.first().map_or(last_pred, |p| p.year);
        Some((self.x.x(last_pred) + self.x.x(first.max(last_pred))) / 2)
    }

    /// The score panel's y of each predecessor's last score.
    pub(super) fn pred_last_ys(&self) -> Vec<i32> {
        self.preds
            .iter()
            .filter_map(|p| p.points.iter().rev().find_map(|q| finite(q.total)))
            .map(|v| self.y_val(v))
            .collect()
    }

    /// A dashed vertical rule at the break, labelled with the start day.
    pub(super) fn draw_break(&self, c: &mut svg::Canvas<'_>, y0: i32, y1: i32, label: bool) {
        let Some(x) = self.break_x() else { return };
        dashed(c, (x, y0), (x, y1), AXIS, 1);
        if let (true, Some(since)) = (label, &self.since) {
            let text = format!("từ {since} →");
            let (lx, ly, anchor) = self.break_label_at(&text, x, y0);
            c.text(&text, lx, ly, FONT, anchor, Weight::Normal, MUTED);
        }
    }

    /// Where the break's label goes: the first place, beside the rule's
    /// top, in the panel title's row first, whose box meets no other label
    /// of the score panel (the predecessors' names, the unit's values, the
    /// panel title) and stays inside the chart.
    pub(super) fn break_label_at(&self, text: &str, x: i32, y0: i32) -> (i32, i32, Anchor) {
        let title_y = self.rows.score_top + super::PANEL_TITLE / 2;
        let others = self.score_label_boxes();
        let candidates = [
            (x - 4, title_y, Anchor::End),
            (x + 4, title_y, Anchor::Start),
            (x - 4, y0, Anchor::End),
            (x + 4, y0, Anchor::Start),
            (W - PAD, title_y, Anchor::End),
            (W - PAD, y0, Anchor::End),
        ];
        candidates
            .iter()
            .copied()
            .find(|&(lx, ly, a)| {
                let b = text_box(text, lx, ly, a, Weight::Normal);
                b.0 >= f64::from(PAD)
                    && b.2 <= f64::from(W - PAD)
                    && !others.iter().any(|o| overlaps(&b, o))
            })
            .unwrap_or(candidates[0])
    }

    /// The boxes of the score panel's labels other than the break's.
    fn score_label_boxes(&self) -> Vec<TextBox> {
        let title = format!("Điểm ({})", self.scale_txt);
        let title_y = self.rows.score_top + super::PANEL_TITLE / 2;
        let mut out = vec![text_box(&title, PAD, title_y, Anchor::Start, Weight::Bold)];
        for p in self.preds {
            let last = p
                .points
                .iter()
                .rev()
                .find_map(|q| finite(q.total).map(|v| (q.year, v)));
            if let Some((year, v)) = last {
                let (x, y) = (self.x.x(year), self.y_val(v));
                let ny = self.pred_name_y(y);
                out.push(text_box(
                    &clean(&p.name),
                    x,
                    ny,
                    Anchor::Middle,
                    Weight::Normal,
                ));
            }
        }
        for (i, p) in self.points.iter().enumerate() {
            if let (Some(v), Some(label)) = (finite(p.total), &self.labels.values[i]) {
                if self.point_label(i, self.labels.all_values) {
                    let (x, y) = (self.x.x(p.year), self.y_val(v));
                    out.push(text_box(label, x, y - 12, Anchor::Middle, Weight::Normal));
                }
            }
        }
        out
    }

    /// The y of a predecessor's name whose last score is at `y`: the
    /// topmost series is named above its last point, the others below.
    fn pred_name_y(&self, y: i32) -> i32 {
        let top = self.pred_last_ys().into_iter().min() == Some(y);
        if top { y - 12 } else { y + 16 }
    }

    /// Predecessor `k`: a dashed line in its own colour, small squares, its
    /// name at its last point (when `name` is given).
    pub(super) fn draw_pred(
        &self,
        c: &mut svg::Canvas<'_>,
        k: usize,
        name: &str,
        pts: &[Option<(i32, i32)>],
    ) {
        let colour = if k % 2 == 0 { GREEN } else { MUTED };
        for seg in segments(pts) {
            for w in seg.windows(2) {
                dashed(c, w[0], w[1], colour, 2);
            }
        }
        for (x, y) in pts.iter().flatten() {
            c.rect(x - 3, y - 3, x + 3, y + 3, colour);
        }
        if let (false, Some((x, y))) = (name.is_empty(), pts.iter().flatten().last()) {
            let ny = self.pred_name_y(*y);
            c.text(
                &clean(name),
                *x,
                ny,
                FONT,
                Anchor::Middle,
                Weight::Normal,
                MUTED,
            );
        }
    }
}

/// A text's box in viewBox units: left, top, right, bottom (one font
/// size tall, centred on `y` as `Canvas::text` centres it).
pub(super) type TextBox = (f64, f64, f64, f64);

/// The box of `s` drawn at (`x`, `y`) with `anchor`, by the charts' own
/// estimate of text width.
pub(super) fn text_box(s: &str, x: i32, y: i32, anchor: Anchor, weight: Weight) -> TextBox {
    let w = svg::text_width(s, FONT, weight);
    let left = match anchor {
        Anchor::Start => f64::from(x),
        Anchor::Middle => f64::from(x) - w / 2.0,
        Anchor::End => f64::from(x) - w,
    };
    let (top, bottom) = (f64::from(y) - FONT / 2.0, f64::from(y) + FONT / 2.0);
    (left, top, left + w, bottom)
}

/// Whether two boxes come closer than `MARGIN` (diacritics stacked above
/// a capital and descenders reach past a box one font size tall).
pub(super) fn overlaps(a: &TextBox, b: &TextBox) -> bool {
    const MARGIN: f64 = 3.0;
    a.0 < b.2 + MARGIN && b.0 < a.2 + MARGIN && a.1 < b.3 + MARGIN && b.1 < a.3 + MARGIN
}

/// A dashed line from `a` to `b`: 5 units drawn, 4 left out.
fn dashed(c: &mut svg::Canvas<'_>, a: (i32, i32), b: (i32, i32), colour: RGBColor, width: u32) {
    let (dx, dy) = (f64::from(b.0 - a.0), f64::from(b.1 - a.1));
    let len = dx.hypot(dy);
    if len < 1.0 {
        return;
    }
    let at = |t: f64| {
        (
            a.0 + (dx * t / len).round() as i32,
            a.1 + (dy * t / len).round() as i32,
        )
    };
    let mut t = 0.0;
    while t < len {
        let end = (t + 5.0).min(len);
        c.line(&[at(t), at(end)], colour, width);
        t += 9.0;
    }
}

impl Trend<'_> {
    /// The `<desc>` sentences of the predecessors.
    pub(super) fn describe_preds(&self) -> String {
        let mut desc = String::new();
        for p in self.preds {
            let items: Vec<String> = p
                .points
                .iter()
                .map(|q| {
                    let r = rank_text(q).map_or(String::new(), |r| format!(", hạng {r}"));
                    format!("năm {}: {}{r}", q.year, num_unit(self.meta, q.total))
                })
                .collect();
            desc.push_str(&format!(
                " Đơn vị tiền thân {} (đường nét đứt, không nối với {}): {}.",
                clean(&p.name),
                self.unit,
                if items.is_empty() {
                    NO_DATA.to_string()
                } else {
                    items.join("; ")
                }
            ));
        }
        desc
    }
}

/// The table of a trend across a reform: a first column naming each
/// row's unit, the predecessors' rows first.
pub(super) fn table_rows(
    unit: &str,
    points: &[TrendPoint],
    preds: &[TrendSeries],
    mut headers: Vec<String>,
    row: impl Fn(&TrendPoint) -> Vec<String>,
) -> Table {
    headers.insert(0, "Đơn vị".into());
    let named = |name: &str, p: &TrendPoint| {
        let mut r = row(p);
        r.insert(0, clean(name));
        (r, false)
    };
    let mut rows: Vec<(Vec<String>, bool)> = Vec::new();
    for s in preds {
        rows.extend(s.points.iter().map(|p| named(&s.name, p)));
    }
    rows.extend(points.iter().map(|p| named(unit, p)));
    Table {
        headers,
        row_header: 0,
        rows,
    }
}
