//! Trend: a unit's total over the years (line with points) and, in a second
//! panel below, its rank with 1 on top. Missing years are gaps, never zeros.

use super::svg::{self, AXIS, Anchor, BLUE, FONT, GRID, MUTED, PAD, TEXT, VERMILLION, Weight};
use super::{
    Chart, ChartMeta, Header, Table, TrendPoint, TrendSeries, cell_num, chart, clean, desc_intro,
    finite, num, num_unit, scale, scale_text,
};
use crate::util::numfmt::{NO_DATA, format_number, format_rank};

const PANEL_TITLE: i32 = 18;
const HEADROOM: i32 = 20;
const SCORE_PLOT: i32 = 120;
const RANK_PLOT: i32 = 80;
const X_LABELS: i32 = 22;
const GAP: i32 = 12;
const NOTE_LINE: i32 = 17;

/// Consecutive runs of present values: each run becomes one line.
fn segments(ys: &[Option<(i32, i32)>]) -> Vec<Vec<(i32, i32)>> {
    let mut out: Vec<Vec<(i32, i32)>> = Vec::new();
    let mut cur = Vec::new();
    for p in ys {
        match p {
            Some(p) => cur.push(*p),
            None if !cur.is_empty() => out.push(std::mem::take(&mut cur)),
            None => {}
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn rank_text(p: &TrendPoint) -> Option<String> {
    p.rank.map(|r| match p.of {
        Some(of) => format_rank(r, of),
        None => r.to_string(),
    })
}

/// Trend chart of one unit; `points` in ascending years.
pub fn trend(meta: &ChartMeta, unit_name: &str, points: &[TrendPoint]) -> Chart {
    trend_across(meta, unit_name, points, &[], None)
}

/// Trend chart of a unit formed from others: each predecessor's own
/// series (dashed, named, up to its end), then the unit's own line from
/// its start, with a marked break labelled `since` (`1/7/2025`). The
/// series are never joined.
pub fn trend_across(
    meta: &ChartMeta,
    unit_name: &str,
    points: &[TrendPoint],
    preds: &[TrendSeries],
    since: Option<&str>,
) -> Chart {
    let mut t = Trend::new(meta, unit_name, points, preds);
    t.since = since.map(str::to_string);
    let desc = t.describe();
    let svg = svg::render(&meta.id, &clean(&meta.title), &desc, t.rows.height, |c| {
        t.draw(c);
    });
    chart(
        meta,
        "trend",
        svg,
        &table(meta, &t.unit, points, preds),
        t.rows.height,
        &t.header,
    )
}

/// A trend chart measured and laid out, ready to describe and draw.
struct Trend<'a> {
    meta: &'a ChartMeta,
    points: &'a [TrendPoint],
    /// Predecessors, each drawn as its own dashed series.
    preds: &'a [TrendSeries],
    /// Every year on the axis (the unit's and its predecessors').
    years: Vec<i32>,
    /// The unit's first day, labelling the break.
    since: Option<String>,
    unit: String,
    has_rank: bool,
    /// "điểm" or "điểm và thứ hạng".
    what: &'static str,
    scale_txt: String,
    header: Header,
    values: ValueAxis,
    /// Bottom of the rank axis (the largest rank or N).
    max_rank: u32,
    x: XAxis,
    labels: Labels,
    /// Wrapped lines of the notes on missing years.
    notes: Vec<String>,
    rows: Rows,
}

impl<'a> Trend<'a> {
    fn new(
        meta: &'a ChartMeta,
        unit_name: &str,
        points: &'a [TrendPoint],
        preds: &'a [TrendSeries],
    ) -> Self {
        let unit = clean(unit_name);
        let all: Vec<TrendPoint> = preds
            .iter()
            .flat_map(|s| s.points.iter().cloned())
            .chain(points.iter().cloned())
            .collect();
        let mut years: Vec<i32> = all.iter().map(|p| p.year).collect();
        years.sort_unstable();
        years.dedup();
        let has_rank = all.iter().any(|p| p.rank.is_some());
        let what = if has_rank {
            "điểm và thứ hạng"
        } else {
            "điểm"
        };
        let header = Header::new(meta, &subtitle(&unit, what, &years));
        let values = value_axis(meta, &all);
        let max_rank = max_rank(&all);
        let x = XAxis::new(
            y_label_width(&values.labels, max_rank),
            years.first().copied().unwrap_or(0),
            years.last().copied().unwrap_or(0),
        );
        let labels = Labels::fit(meta, points, &years, &x);
        let mut notes = notes(points, has_rank);
        if !preds.is_empty() {
            notes.splice(0..0, lineage_note(&unit, preds));
        }
        let rows = Rows::new(header.height(), has_rank, notes.len());
        Trend {
            meta,
            points,
            preds,
            years,
            since: None,
            unit,
            has_rank,
            what,
            scale_txt: scale_text(meta),
            header,
            values,
            max_rank,
            x,
            labels,
            notes,
            rows,
        }
    }

    /// Score axis: the tick range fills the score panel.
    fn y_val(&self, v: f64) -> i32 {
        let ticks = &self.values.ticks;
        let (t0, t1) = (ticks[0], *ticks.last().unwrap_or(&ticks[0]));
        let (py0, py1) = (self.rows.s_py0, self.rows.s_py1);
        let t = if t1 > t0 { (v - t0) / (t1 - t0) } else { 0.5 };
        py1 - (t.clamp(0.0, 1.0) * f64::from(py1 - py0)).round() as i32
    }

    /// Rank axis, 1 on top.
    fn y_rank(&self, r: u32) -> i32 {
        let (py0, py1) = (self.rows.r_py0, self.rows.r_py1);
        if self.max_rank <= 1 {
            py0
        } else {
            let t = f64::from(r.clamp(1, self.max_rank) - 1) / f64::from(self.max_rank - 1);
            py0 + (t * f64::from(py1 - py0)).round() as i32
        }
    }

    /// The `<desc>`: what the chart shows, then every year's values.
    fn describe(&self) -> String {
        let (first, last) = (self.x.first, self.x.last);
        let mut desc = desc_intro(
            self.meta,
            &format!(
                "Biểu đồ đường: {} của {} qua các năm {first}–{last}, {}{}.",
                self.what,
                self.unit,
                self.scale_txt,
                if self.has_rank {
                    "; hạng 1 là cao nhất"
                } else {
                    ""
                }
            ),
        );
        let items: Vec<String> = self
            .points
            .iter()
            .map(|p| {
                let mut s = format!("Năm {}: {}", p.year, num_unit(self.meta, p.total));
                if self.has_rank {
                    match rank_text(p) {
                        Some(r) => s.push_str(&format!(", hạng {r}")),
                        None => s.push_str(&format!(", hạng: {NO_DATA}")),
                    }
                }
                s
            })
            .collect();
        if !items.is_empty() {
            desc.push(' ');
            desc.push_str(&items.join("; "));
            desc.push('.');
        }
        desc.push_str(&self.describe_preds());
        desc
    }
}

fn subtitle(unit: &str, what: &str, years: &[i32]) -> String {
    match (years.first(), years.last()) {
        (Some(first), Some(last)) => format!("{unit}: {what}, {first}–{last}"),
        _ => format!("{unit}: {what} qua các năm"),
    }
}

// ---------------------------------------------------------------------------
// Drawing.

impl Trend<'_> {
    fn draw(&self, c: &mut svg::Canvas<'_>) {
        self.header.draw(c);
        self.draw_scores(c);
        if self.has_rank {
            self.draw_ranks(c);
        }
        for (i, note) in self.notes.iter().enumerate() {
            let ny = self.rows.notes_top + NOTE_LINE * i as i32 + NOTE_LINE / 2;
            c.note(note, PAD, ny, FONT);
        }
    }

    fn panel_title(c: &mut svg::Canvas<'_>, title: &str, top: i32) {
        c.text(
            title,
            PAD,
            top + PANEL_TITLE / 2,
            FONT,
            Anchor::Start,
            Weight::Bold,
            TEXT,
        );
    }

    /// A grid line across the plot with its label on the left.
    fn grid_line(&self, c: &mut svg::Canvas<'_>, y: i32, label: &str) {
        let (x0, x1) = (self.x.plot_x0, self.x.plot_x1);
        c.line(&[(x0, y), (x1, y)], GRID, 1);
        c.text(label, x0 - 6, y, FONT, Anchor::End, Weight::Normal, MUTED);
    }

    /// Year ticks and labels under a panel, and its bottom axis at `py1`.
    fn draw_years(&self, c: &mut svg::Canvas<'_>, py1: i32) {
        for (i, year) in self.years.iter().enumerate() {
            if i % self.labels.year_step == 0 {
                let x = self.x.x(*year);
                c.line(&[(x, py1), (x, py1 + 4)], AXIS, 1);
                let y = year.to_string();
                c.text(&y, x, py1 + 14, FONT, Anchor::Middle, Weight::Normal, MUTED);
            }
        }
        c.line(&[(self.x.plot_x0, py1), (self.x.plot_x1, py1)], AXIS, 1);
    }

    /// A label above a point: all of them when they fit, else the ends.
    fn point_label(&self, i: usize, all_fit: bool) -> bool {
        all_fit || i == 0 || i + 1 == self.points.len()
    }

    /// Score panel: circles joined by lines, gaps at missing years.
    fn draw_scores(&self, c: &mut svg::Canvas<'_>) {
        Self::panel_title(
            c,
            &format!("Điểm ({})", self.scale_txt),
            self.rows.score_top,
        );
        for (t, label) in self.values.ticks.iter().zip(&self.values.labels) {
            self.grid_line(c, self.y_val(*t), label);
        }
        self.draw_years(c, self.rows.s_py1);
        self.draw_break(c, self.rows.s_py0 - HEADROOM / 2, self.rows.s_py1, true);
        for (k, p) in self.preds.iter().enumerate() {
            let pts: Vec<Option<(i32, i32)>> = p
                .points
                .iter()
                .map(|q| finite(q.total).map(|v| (self.x.x(q.year), self.y_val(v))))
                .collect();
            self.draw_pred(c, k, &p.name, &pts);
        }
        let pts: Vec<Option<(i32, i32)>> = self
            .points
            .iter()
            .map(|p| finite(p.total).map(|v| (self.x.x(p.year), self.y_val(v))))
            .collect();
        for seg in segments(&pts) {
            if seg.len() > 1 {
                c.line(&seg, BLUE, 2);
            }
        }
        for (i, p) in pts.iter().enumerate() {
            if let (Some((x, y)), Some(label)) = (p, &self.labels.values[i]) {
                c.dot(*x, *y, 4, BLUE);
                if self.point_label(i, self.labels.all_values) {
                    c.text(
                        label,
                        *x,
                        y - 12,
                        FONT,
                        Anchor::Middle,
                        Weight::Normal,
                        TEXT,
                    );
                }
            }
        }
    }

    /// Rank panel, 1 on top: squares, not circles, so the panels differ by
    /// shape too.
    fn draw_ranks(&self, c: &mut svg::Canvas<'_>) {
        Self::panel_title(c, "Hạng (1 là cao nhất)", self.rows.r_top);
        for r in rank_ticks(self.max_rank) {
            self.grid_line(c, self.y_rank(r), &r.to_string());
        }
        self.draw_years(c, self.rows.r_py1 + 6);
        self.draw_break(c, self.rows.r_py0 - HEADROOM / 2, self.rows.r_py1, false);
        for (k, p) in self.preds.iter().enumerate() {
            let pts: Vec<Option<(i32, i32)>> = p
                .points
                .iter()
                .map(|q| q.rank.map(|r| (self.x.x(q.year), self.y_rank(r))))
                .collect();
            self.draw_pred(c, k, "", &pts);
        }
        let pts: Vec<Option<(i32, i32)>> = self
            .points
            .iter()
            .map(|p| p.rank.map(|r| (self.x.x(p.year), self.y_rank(r))))
            .collect();
        for seg in segments(&pts) {
            if seg.len() > 1 {
                c.line(&seg, VERMILLION, 2);
            }
        }
        for (i, p) in pts.iter().enumerate() {
            if let (Some((x, y)), Some(label)) = (p, rank_text(&self.points[i])) {
                c.rect(x - 4, y - 4, x + 4, y + 4, VERMILLION);
                if self.point_label(i, self.labels.all_ranks) {
                    c.text(
                        &label,
                        *x,
                        y - 13,
                        FONT,
                        Anchor::Middle,
                        Weight::Normal,
                        TEXT,
                    );
                }
            }
        }
    }
}

/// The data table under the chart: year, score, rank; with predecessors,
/// a first column naming each row's unit.
fn table(meta: &ChartMeta, unit: &str, points: &[TrendPoint], preds: &[TrendSeries]) -> Table {
    let row = |p: &TrendPoint| {
        vec![
            p.year.to_string(),
            cell_num(meta, p.total),
            rank_text(p).unwrap_or_else(|| NO_DATA.to_string()),
        ]
    };
    let headers = vec!["Năm".into(), super::value_header(meta), "Hạng".into()];
    if preds.is_empty() {
        return Table {
            headers,
            row_header: 0,
            rows: points.iter().map(|p| (row(p), false)).collect(),
        };
    }
    lineage::table_rows(unit, points, preds, headers, row)
}

#[path = "trend_layout.rs"]
mod layout;
use layout::{
    Labels, Rows, ValueAxis, XAxis, max_rank, notes, rank_ticks, value_axis, y_label_width,
};

#[path = "trend_lineage.rs"]
mod lineage;
use lineage::lineage_note;

#[cfg(test)]
#[path = "trend_tests.rs"]
pub(crate) mod tests;
