//! The tables of a dataset's pages: every year of every unit (the dataset
//! page), one year's ranking with its fields (a year page), one unit over
//! the years (a unit page). Cells are HTML; numbers are marked so the theme
//! aligns them.

use crate::data::Dataset;
use crate::model::urls;
use crate::render::datacharts::units_sorted;
use crate::render::renderer::Renderer;
use crate::util::numfmt::{NO_DATA, format_number, format_rank, format_rank_change};
use crate::util::text::escape_html;
use std::fmt::Write as _;

pub(super) fn year_url(ds: &Dataset, year: i32) -> String {
    urls::dataset_year_url(&ds.slug, year)
}

pub(super) fn unit_url(ds: &Dataset, u: usize) -> String {
    urls::dataset_unit_url(&ds.slug, &ds.units[u].slug)
}

pub(super) fn fmt_total(ds: &Dataset, v: Option<f64>) -> String {
    v.map(|v| format_number(v, ds.scale.decimals))
        .unwrap_or_else(|| NO_DATA.to_string())
}

/// A table: header cells, then rows of (cells, is-number flags).
pub(super) struct DataTable {
    caption: String,
    head: Vec<String>,
    /// Short headers explained under the table: (short, full) — wide
    /// tables keep a header row of one or two lines on a phone.
    legend: Vec<(String, String)>,
    rows: Vec<Vec<(String, bool)>>,
    /// Each column's short label when the table folds into one card per
    /// row on a phone (`stack`, the theme's CSS; each cell carries its
    /// label as `data-label`); empty for a table that scrolls instead.
    labels: Vec<String>,
}

impl DataTable {
    pub(super) fn html(&self) -> String {
        let mut h = String::new();
        let _ = write!(
            h,
            // The title sits above the scroll box, never clipped by it; the
            // caption stays for screen readers.
            "<p class=\"table-title\" aria-hidden=\"true\">{0}</p><div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"{0}\"><table class=\"data-table{1}\">\n<caption class=\"visually-hidden\">{0}</caption>\n<thead><tr>",
            escape_html(&self.caption),
            if self.labels.is_empty() { "" } else { " stack" },
        );
        for c in &self.head {
            match self.legend.iter().find(|(s, _)| s == c) {
                // The short header shows; screen readers hear the full name.
                Some((s, full)) => {
                    let _ = write!(
                        h,
                        "<th scope=\"col\" class=\"num\"><span aria-hidden=\"true\">{}</span><span class=\"visually-hidden\">{}</span></th>",
                        escape_html(s),
                        escape_html(full)
                    );
                }
                None => {
                    let _ = write!(h, "<th scope=\"col\">{}</th>", escape_html(c));
                }
            }
        }
        h.push_str("</tr></thead>\n<tbody>\n");
        for row in &self.rows {
            h.push_str("<tr>");
            for (i, (cell, num)) in row.iter().enumerate() {
                // Cells are pre-escaped HTML (they may hold links).
                match (i, num) {
                    (0, _) => {
                        let _ = write!(h, "<th scope=\"row\">{cell}</th>");
                    }
                    (_, num) => {
                        h.push_str("<td");
                        if *num {
                            h.push_str(" class=\"num\"");
                        }
                        if let Some(l) = self.labels.get(i) {
                            let _ = write!(h, " data-label=\"{}\"", escape_html(l));
                        }
                        let _ = write!(h, ">{cell}</td>");
                    }
                }
            }
            h.push_str("</tr>\n");
        }
        h.push_str("</tbody></table></div>");
        if !self.legend.is_empty() {
            h.push_str("\n<dl class=\"table-legend\">");
            for (s, full) in &self.legend {
                let _ = write!(
                    h,
                    "<div><dt>{}</dt><dd>{}</dd></div>",
                    escape_html(s),
                    escape_html(full)
                );
            }
            h.push_str("</dl>");
        }
        h
    }
}

fn link(r: &Renderer, url: &str, text: &str) -> String {
    format!(
        "<a href=\"{}\">{}</a>",
        escape_html(&r.url(url)),
        escape_html(text)
    )
}

fn rank_cell(ds: &Dataset, year: i32, rank: Option<u32>) -> String {
    rank.map(|k| format_rank(k, ds.rank_of(year)))
        .unwrap_or_else(|| "–".to_string())
}

/// The cell of a year without a score: "chưa thành lập" or "đã kết thúc"
/// for a year the unit did not exist in (never a gap in its data).
fn absent_text(u: &crate::data::Unit, year: i32) -> &'static str {
    if u.existed_in(year) {
        NO_DATA
    } else if u.since.is_some_and(|s| s.year > year) {
        "chưa thành lập"
    } else {
        "đã kết thúc"
    }
}

/// Every year of every unit: the dataset page's full table.
pub(super) fn full_table(r: &Renderer, ds: &Dataset) -> DataTable {
    let mut head = vec!["Đơn vị".to_string()];
    // The year alone: the title says "điểm và thứ hạng", and five years
    // of "2018 (điểm, hạng)" overflowed even a desktop's column.
    head.extend(ds.years.iter().map(|y| y.year.to_string()));
    let rows = units_sorted(ds)
        .into_iter()
        .map(|u| {
            let mut row = vec![(link(r, &unit_url(ds, u), &ds.units[u].short), false)];
            for y in &ds.years {
                // A published rank is shown even when the score is not.
                let cell = match ds.score(u, y.year) {
                    Some(s) if s.total.is_some() || s.rank.is_some() => format!(
                        "{} ({})",
                        fmt_total(ds, s.total),
                        rank_cell(ds, y.year, s.rank)
                    ),
                    _ => absent_text(&ds.units[u], y.year).to_string(),
                };
                row.push((cell, true));
            }
            row
        })
        .collect();
    DataTable {
        caption: format!("{}: điểm và thứ hạng các năm", ds.display_title()),
        head,
        legend: Vec::new(),
        rows,
        // On a phone each unit is a card: "2018  61,30 (6/8)" per year.
        labels: std::iter::once(String::new())
            .chain(ds.years.iter().map(|y| y.year.to_string()))
            .collect(),
    }
}

pub(super) fn year_table(r: &Renderer, ds: &Dataset, year: i32) -> DataTable {
    let y = ds.year(year).expect("year of this dataset");
    let mut head = vec!["Đơn vị".to_string(), "Hạng".into(), "Tổng điểm".into()];
    if !ds.bands.is_empty() {
        head.push("Xếp loại".into());
    }
    let legend: Vec<(String, String)> = y
        .fields
        .iter()
        .enumerate()
        .map(|(i, f)| {
            (
                format!("LV{}", i + 1),
                format!("{} (tối đa {} điểm)", f.name, format_number(f.max, 0)),
            )
        })
        .collect();
    head.extend(legend.iter().map(|(s, _)| s.clone()));
    let rows = ds
        .ranking(year)
        .into_iter()
        .map(|s| {
            let mut row = vec![
                (
                    link(r, &unit_url(ds, s.unit), &ds.units[s.unit].short),
                    false,
                ),
                (rank_cell(ds, year, s.rank), true),
                (fmt_total(ds, s.total), true),
            ];
            if !ds.bands.is_empty() {
                let band = s
                    .total
                    .and_then(|t| ds.band_of(t))
                    .map(|b| b.name.as_str())
                    .unwrap_or("–");
                row.push((escape_html(band).into_owned(), false));
            }
            for v in &s.fields {
                row.push((fmt_total(ds, *v), true));
            }
            row
        })
        .collect();
    DataTable {
        caption: format!("{} năm {year}", ds.display_title()),
        head,
        legend,
        rows,
        labels: Vec::new(),
    }
}

pub(super) fn unit_table(r: &Renderer, ds: &Dataset, u: usize) -> DataTable {
    let mut head = vec![
        "Năm".to_string(),
        "Tổng điểm".into(),
        "Hạng".into(),
        "Thay đổi".into(),
    ];
    if !ds.bands.is_empty() {
        head.push("Xếp loại".into());
    }
    let mut prev: Option<u32> = None;
    let rows = ds
        .years
        .iter()
        .filter(|y| ds.units[u].existed_in(y.year))
        .map(|y| {
            let s = ds.score(u, y.year);
            let rank = s.and_then(|s| s.rank);
            let change = match (prev, rank) {
                (Some(a), Some(b)) => format_rank_change(a, b),
                _ => "–".into(),
            };
            if rank.is_some() {
                prev = rank;
            }
            let mut row = vec![
                (link(r, &year_url(ds, y.year), &y.year.to_string()), false),
                (fmt_total(ds, s.and_then(|s| s.total)), true),
                (rank_cell(ds, y.year, rank), true),
                (change, false),
            ];
            if !ds.bands.is_empty() {
                let band = s
                    .and_then(|s| s.total)
                    .and_then(|t| ds.band_of(t))
                    .map(|b| b.name.as_str())
                    .unwrap_or("–");
                row.push((escape_html(band).into_owned(), false));
            }
            row
        })
        .collect();
    DataTable {
        caption: format!("{}: {} qua các năm", ds.display_title(), ds.units[u].name),
        head,
        legend: Vec::new(),
        rows,
        labels: Vec::new(),
    }
}
