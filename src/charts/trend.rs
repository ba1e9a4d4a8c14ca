//! Trend: a unit's total over the years (line with points) and, in a second
//! panel below, its rank with 1 on top. Missing years are gaps, never zeros.

use super::svg::{self, AXIS, Anchor, BLUE, FONT, GRID, MUTED, PAD, TEXT, VERMILLION, W, Weight};
use super::{
    Chart, ChartMeta, Header, Table, TrendPoint, cell_num, clean, desc_intro, figure, finite, num,
    num_unit, scale, scale_text,
};
use crate::util::numfmt::{NO_DATA, format_number, format_rank};

const PANEL_TITLE: i32 = 18;
const HEADROOM: i32 = 20;
const SCORE_PLOT: i32 = 120;
const RANK_PLOT: i32 = 80;
const X_LABELS: i32 = 22;
const GAP: i32 = 12;
const NOTE_LINE: i32 = 17;

/// Nice tick values covering `lo..=hi`, kept inside the scale.
fn ticks(lo: f64, hi: f64, smin: f64, smax: f64) -> (Vec<f64>, u8) {
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
    let unit = clean(unit_name);
    let has_rank = points.iter().any(|p| p.rank.is_some());
    let scale_txt = scale_text(meta);
    let (first, last) = (
        points.first().map_or(0, |p| p.year),
        points.last().map_or(0, |p| p.year),
    );
    let what = if has_rank {
        "điểm và thứ hạng"
    } else {
        "điểm"
    };
    let sub = if points.is_empty() {
        format!("{unit}: {what} qua các năm")
    } else {
        format!("{unit}: {what}, {first}–{last}")
    };
    let header = Header::new(meta, &sub);

    // Value axis.
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
    let (vticks, tick_dec) = ticks(dlo, dhi, smin, smax);
    let tick_labels: Vec<String> = vticks.iter().map(|t| format_number(*t, tick_dec)).collect();
    let max_rank = points
        .iter()
        .flat_map(|p| [p.rank, p.of])
        .flatten()
        .max()
        .unwrap_or(1);
    let ylab_w = tick_labels
        .iter()
        .map(|t| svg::text_width(t, FONT, Weight::Normal))
        .chain([svg::text_width(&max_rank.to_string(), FONT, Weight::Normal)])
        .fold(0.0, f64::max)
        .ceil() as i32;
    let plot_x0 = PAD + ylab_w + 6;
    let plot_x1 = W - PAD;
    let (xa, xb) = (plot_x0 + 26, plot_x1 - 26);
    let x_of = |year: i32| -> i32 {
        if last <= first {
            (xa + xb) / 2
        } else {
            xa + ((f64::from(year - first) / f64::from(last - first)) * f64::from(xb - xa)).round()
                as i32
        }
    };
    // Spacing between neighbouring years decides which labels fit.
    let min_dx = points
        .windows(2)
        .map(|w| x_of(w[1].year) - x_of(w[0].year))
        .min()
        .unwrap_or(W);
    let year_step = {
        let need = svg::text_width("2000", FONT, Weight::Normal) + 8.0;
        ((need / f64::from(min_dx.max(1))).ceil() as usize).max(1)
    };
    let value_labels: Vec<Option<String>> = points
        .iter()
        .map(|p| finite(p.total).map(|v| num(meta, v)))
        .collect();
    let widest_value = value_labels
        .iter()
        .flatten()
        .map(|v| svg::text_width(v, FONT, Weight::Normal))
        .fold(0.0, f64::max);
    let all_value_labels = f64::from(min_dx) >= widest_value + 6.0;
    let widest_rank = points
        .iter()
        .filter_map(rank_text)
        .map(|r| svg::text_width(&r, FONT, Weight::Normal))
        .fold(0.0, f64::max);
    let all_rank_labels = f64::from(min_dx) >= widest_rank + 6.0;

    let missing_total: Vec<String> = points
        .iter()
        .filter(|p| finite(p.total).is_none())
        .map(|p| p.year.to_string())
        .collect();
    let missing_rank: Vec<String> = points
        .iter()
        .filter(|p| p.rank.is_none())
        .map(|p| p.year.to_string())
        .collect();
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
    let notes: Vec<String> = notes
        .iter()
        .flat_map(|n| svg::wrap(n, f64::from(W - 2 * PAD), FONT, Weight::Italic, 3))
        .collect();

    // Vertical layout.
    let score_top = header.height();
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
    let height = notes_top + NOTE_LINE * notes.len() as i32 + PAD;

    let (t0, t1) = (vticks[0], *vticks.last().unwrap_or(&vticks[0]));
    let y_val = |v: f64| -> i32 {
        let t = if t1 > t0 { (v - t0) / (t1 - t0) } else { 0.5 };
        s_py1 - (t.clamp(0.0, 1.0) * f64::from(s_py1 - s_py0)).round() as i32
    };
    let y_rank = |r: u32| -> i32 {
        if max_rank <= 1 {
            r_py0
        } else {
            let t = f64::from(r.clamp(1, max_rank) - 1) / f64::from(max_rank - 1);
            r_py0 + (t * f64::from(r_py1 - r_py0)).round() as i32
        }
    };

    // Desc.
    let mut desc = desc_intro(
        meta,
        &format!(
            "Biểu đồ đường: {what} của {unit} qua các năm {first}–{last}, {scale_txt}{}.",
            if has_rank {
                "; hạng 1 là cao nhất"
            } else {
                ""
            }
        ),
    );
    let items: Vec<String> = points
        .iter()
        .map(|p| {
            let mut s = format!("Năm {}: {}", p.year, num_unit(meta, p.total));
            if has_rank {
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

    let svg = svg::render(&meta.id, &clean(&meta.title), &desc, height, |c| {
        header.draw(c);
        let x_labels = |c: &mut svg::Canvas<'_>, py1: i32| {
            for (i, p) in points.iter().enumerate() {
                if i % year_step == 0 {
                    let x = x_of(p.year);
                    c.line(&[(x, py1), (x, py1 + 4)], AXIS, 1);
                    let y = p.year.to_string();
                    c.text(&y, x, py1 + 14, FONT, Anchor::Middle, Weight::Normal, MUTED);
                }
            }
            c.line(&[(plot_x0, py1), (plot_x1, py1)], AXIS, 1);
        };

        // Score panel.
        let title = format!("Điểm ({scale_txt})");
        c.text(
            &title,
            PAD,
            score_top + PANEL_TITLE / 2,
            FONT,
            Anchor::Start,
            Weight::Bold,
            TEXT,
        );
        for (t, label) in vticks.iter().zip(&tick_labels) {
            let ty = y_val(*t);
            c.line(&[(plot_x0, ty), (plot_x1, ty)], GRID, 1);
            c.text(
                label,
                plot_x0 - 6,
                ty,
                FONT,
                Anchor::End,
                Weight::Normal,
                MUTED,
            );
        }
        x_labels(c, s_py1);
        let pts: Vec<Option<(i32, i32)>> = points
            .iter()
            .map(|p| finite(p.total).map(|v| (x_of(p.year), y_val(v))))
            .collect();
        for seg in segments(&pts) {
            if seg.len() > 1 {
                c.line(&seg, BLUE, 2);
            }
        }
        let n = points.len();
        for (i, p) in pts.iter().enumerate() {
            if let (Some((x, y)), Some(label)) = (p, &value_labels[i]) {
                c.dot(*x, *y, 4, BLUE);
                if all_value_labels || i == 0 || i + 1 == n {
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

        // Rank panel, 1 on top.
        if has_rank {
            c.text(
                "Hạng (1 là cao nhất)",
                PAD,
                r_top + PANEL_TITLE / 2,
                FONT,
                Anchor::Start,
                Weight::Bold,
                TEXT,
            );
            let mut rticks = vec![1, max_rank];
            if max_rank >= 5 {
                rticks.insert(1, (1 + max_rank).div_ceil(2));
            }
            rticks.dedup();
            for r in rticks {
                let ty = y_rank(r);
                c.line(&[(plot_x0, ty), (plot_x1, ty)], GRID, 1);
                c.text(
                    &r.to_string(),
                    plot_x0 - 6,
                    ty,
                    FONT,
                    Anchor::End,
                    Weight::Normal,
                    MUTED,
                );
            }
            x_labels(c, r_py1 + 6);
            let rpts: Vec<Option<(i32, i32)>> = points
                .iter()
                .map(|p| p.rank.map(|r| (x_of(p.year), y_rank(r))))
                .collect();
            for seg in segments(&rpts) {
                if seg.len() > 1 {
                    c.line(&seg, VERMILLION, 2);
                }
            }
            for (i, p) in rpts.iter().enumerate() {
                if let (Some((x, y)), Some(label)) = (p, rank_text(&points[i])) {
                    // Squares, not circles: the panels differ by shape too.
                    c.rect(x - 4, y - 4, x + 4, y + 4, VERMILLION);
                    if all_rank_labels || i == 0 || i + 1 == n {
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

        for (i, note) in notes.iter().enumerate() {
            let ny = notes_top + NOTE_LINE * i as i32 + NOTE_LINE / 2;
            c.note(note, PAD, ny, FONT);
        }
    });

    let table = Table {
        headers: vec!["Năm".into(), super::value_header(meta), "Hạng".into()],
        row_header: 0,
        rows: points
            .iter()
            .map(|p| {
                (
                    vec![
                        p.year.to_string(),
                        cell_num(meta, p.total),
                        rank_text(p).unwrap_or_else(|| NO_DATA.to_string()),
                    ],
                    false,
                )
            })
            .collect(),
    };
    let html = figure(meta, "trend", &svg, &table);
    Chart { svg, html }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::charts::testutil::*;

    fn pts() -> Vec<TrendPoint> {
        vec![
            TrendPoint {
                year: 2018,
                total: Some(65.0),
                rank: Some(8),
                of: Some(8),
            },
            TrendPoint {
                year: 2019,
                total: Some(66.5),
                rank: Some(6),
                of: Some(8),
            },
            TrendPoint {
                year: 2020,
                total: None,
                rank: None,
                of: Some(8),
            },
            TrendPoint {
                year: 2021,
                total: Some(70.25),
                rank: Some(3),
                of: Some(8),
            },
            TrendPoint {
                year: 2022,
                total: Some(72.1),
                rank: Some(1),
                of: Some(8),
            },
        ]
    }

    pub(crate) fn sample() -> Chart {
        let mut m = meta("c4-trend-phong-tho", false);
        m.title = "Chỉ số CCHC của huyện Phong Thổ qua các năm".into();
        trend(&m, "Phong Thổ", &pts())
    }

    #[test]
    fn gap_for_missing_year() {
        let chart = sample();
        let doc = check_svg(&chart.svg, "c4-trend-phong-tho");
        let blue_lines: Vec<_> = doc
            .descendants()
            .filter(|n| n.has_tag_name("polyline") && n.attribute("stroke") == Some("#0072B2"))
            .collect();
        assert_eq!(blue_lines.len(), 2, "two segments around the gap");
        let circles: Vec<f64> = doc
            .descendants()
            .filter(|n| n.has_tag_name("circle"))
            .map(|n| attr_f(&n, "cx"))
            .collect();
        assert_eq!(circles.len(), 4);
        // The 2020 year label's x has no point.
        let x2020 = doc
            .descendants()
            .find(|n| n.has_tag_name("text") && n.text() == Some("2020"))
            .map(|n| attr_f(&n, "x"))
            .unwrap();
        assert!(circles.iter().all(|x| (x - x2020).abs() > 1.0));
        let desc = desc_text(&doc);
        assert!(desc.contains("Năm 2020: không có số liệu"), "{desc}");
        assert!(desc.contains("Năm 2022: 72,10 điểm, hạng 1/8"), "{desc}");
        let texts = svg_texts(&doc);
        assert!(texts.contains(&"72,10".to_string()));
        assert!(texts.contains(&"2018".to_string()), "years as integers");
        assert!(!texts.iter().any(|t| t.contains("2.018")));
        assert!(texts.iter().any(|t| t.contains("2020: không có số liệu")));
    }

    #[test]
    fn rank_axis_inverted() {
        let chart = sample();
        let doc = check_svg(&chart.svg, "c4-trend-phong-tho");
        // Rank markers are vermillion squares; first point is rank 8, last rank 1.
        let squares: Vec<(f64, f64)> = doc
            .descendants()
            .filter(|n| n.has_tag_name("rect") && n.attribute("fill") == Some("#D55E00"))
            .map(|n| (attr_f(&n, "x"), attr_f(&n, "y")))
            .collect();
        assert_eq!(squares.len(), 4);
        let rank8_y = squares[0].1;
        let rank1_y = squares[3].1;
        assert!(rank1_y < rank8_y, "rank 1 must be drawn above rank 8");
        // Rank tick "1" above tick "8".
        let tick = |s: &str| {
            doc.descendants()
                .filter(|n| n.has_tag_name("text") && n.text() == Some(s))
                .map(|n| attr_f(&n, "y"))
                .next()
                .unwrap()
        };
        assert!(tick("1") < tick("8"));
    }

    #[test]
    fn table_and_determinism() {
        let chart = sample();
        let rows = table_rows(&chart.html);
        assert_eq!(rows[0], ["Năm", "Điểm", "Hạng"]);
        assert_eq!(rows[3], ["2020", "không có số liệu", "không có số liệu"]);
        assert_eq!(rows[5], ["2022", "72,10", "1/8"]);
        check_figure(&chart.html, "c4-trend-phong-tho", "trend", false);
        assert_eq!(chart, sample());
    }

    #[test]
    fn ticks_are_nice() {
        let (t, d) = ticks(65.0, 72.1, 0.0, 100.0);
        assert_eq!(d, 0);
        assert!(t[0] <= 65.0 && *t.last().unwrap() >= 72.1);
        let (t, _) = ticks(99.0, 100.0, 0.0, 100.0);
        assert!(*t.last().unwrap() <= 100.0);
    }

    #[test]
    fn many_years_labels_do_not_overlap() {
        let pts: Vec<TrendPoint> = (2000..2025)
            .map(|y| TrendPoint {
                year: y,
                total: Some(50.0 + f64::from(y - 2000)),
                rank: Some((y - 1999) as u32),
                of: Some(30),
            })
            .collect();
        let chart = trend(&meta("m", false), "X", &pts);
        let doc = check_svg(&chart.svg, "m");
        let mut xs: Vec<(f64, f64)> = doc
            .descendants()
            .filter(|n| {
                n.has_tag_name("text")
                    && n.text()
                        .is_some_and(|t| t.len() == 4 && t.starts_with("20"))
            })
            .map(|n| (attr_f(&n, "y"), attr_f(&n, "x")))
            .collect();
        xs.sort_by(|a, b| a.partial_cmp(b).unwrap());
        let w = svg::text_width("2000", FONT, Weight::Normal);
        for pair in xs.windows(2).filter(|p| p[0].0 == p[1].0) {
            assert!(pair[1].1 - pair[0].1 >= w, "year labels overlap: {pair:?}");
        }
        assert!(desc_text(&doc).contains("Năm 2013: 63,00 điểm, hạng 14/30"));
    }

    #[test]
    fn single_and_empty() {
        let one = [TrendPoint {
            year: 2022,
            total: Some(50.0),
            rank: None,
            of: None,
        }];
        check_svg(&trend(&meta("a", false), "X", &one).svg, "a");
        check_svg(&trend(&meta("b", true), "X", &[]).svg, "b");
        let nulls = [TrendPoint {
            year: 2022,
            total: None,
            rank: None,
            of: None,
        }];
        check_svg(&trend(&meta("c", true), "X", &nulls).svg, "c");
    }
}
