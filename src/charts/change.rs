//! Change: places gained (bar to the right) or lost (bar to the left) between
//! two years, one row per unit, with the words "tăng 6 bậc" beside it.

use super::ranking::{BAR_H, ROW, label_column};
use super::svg::{self, AXIS, Anchor, FONT, GREEN, MUTED, PAD, TEXT, VERMILLION, W, Weight};
use super::{ChangeRow, Chart, ChartMeta, Header, Table, cell_rank, chart, clean, desc_intro};
use crate::util::numfmt::{NO_DATA, format_rank_change};

/// Smallest width left for the bars.
const MIN_BARS: f64 = 90.0;

fn change_text(r: &ChangeRow) -> String {
    if let Some(a) = &r.absent {
        return clean(a);
    }
    match (r.from_rank, r.to_rank) {
        (Some(f), Some(t)) => format_rank_change(f, t),
        _ => NO_DATA.to_string(),
    }
}

/// A rank cell: "không tồn tại" for a unit that did not exist that year.
fn absent_or_rank(r: &ChangeRow, rank: Option<u32>) -> String {
    match (rank, &r.absent) {
        (None, Some(_)) => "không tồn tại".to_string(),
        _ => cell_rank(rank),
    }
}

/// Rank change of every unit from `from_year` to `to_year`.
pub fn change(meta: &ChartMeta, from_year: i32, to_year: i32, rows: &[ChangeRow]) -> Chart {
    let n = rows.len();
    let header = Header::new(
        meta,
        &format!("Thay đổi thứ hạng từ năm {from_year} đến năm {to_year} (hạng 1 là cao nhất)"),
    );
    let labels: Vec<(String, bool)> = rows
        .iter()
        .map(|r| (clean(&r.label), r.highlight))
        .collect();
    let texts: Vec<String> = rows.iter().map(change_text).collect();
    let text_w = rows
        .iter()
        .zip(&texts)
        .map(|(r, t)| {
            let w = if r.highlight {
                Weight::Bold
            } else {
                Weight::Normal
            };
            svg::text_width(t, FONT, w)
        })
        .fold(0.0, f64::max)
        .ceil() as i32;
    let max_label = f64::from(W - 2 * PAD - text_w - 16) - MIN_BARS;
    let (label_w, fitted) = label_column(&labels, max_label.max(60.0));
    let label_end = PAD + label_w as i32;
    let bx0 = label_end + 8;
    let bx1 = W - PAD - text_w - 8;
    let cx = (bx0 + bx1) / 2;
    let half = (bx1 - bx0) / 2 - 2;
    let deltas: Vec<Option<i64>> = rows
        .iter()
        .map(|r| match (r.from_rank, r.to_rank) {
            (Some(f), Some(t)) => Some(i64::from(f) - i64::from(t)),
            _ => None,
        })
        .collect();
    let max_delta = deltas
        .iter()
        .flatten()
        .map(|d| d.abs())
        .max()
        .unwrap_or(1)
        .max(1);

    let axis_row = 18;
    let top = header.height() + axis_row;
    let height = top + n as i32 * ROW + PAD;

    let mut desc = desc_intro(
        meta,
        &format!(
            "Biểu đồ thanh: thay đổi thứ hạng của {n} đơn vị từ năm {from_year} đến năm {to_year}; thanh sang phải là tăng bậc, sang trái là giảm bậc."
        ),
    );
    let items: Vec<String> = rows
        .iter()
        .zip(&labels)
        .zip(&texts)
        .map(|((r, (label, _)), t)| {
            let mut s = label.clone();
            if r.highlight {
                s.push_str(" (được đánh dấu)");
            }
            let none = if r.absent.is_some() {
                "không tồn tại"
            } else {
                NO_DATA
            };
            let rank = |x: Option<u32>| x.map_or(none.to_string(), |v| format!("hạng {v}"));
            s.push_str(&format!(
                ": năm {from_year} {}, năm {to_year} {}, {t}",
                rank(r.from_rank),
                rank(r.to_rank)
            ));
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
        let ay = top - axis_row / 2;
        c.text(
            "← giảm",
            bx0,
            ay,
            FONT,
            Anchor::Start,
            Weight::Normal,
            MUTED,
        );
        c.text("tăng →", bx1, ay, FONT, Anchor::End, Weight::Normal, MUTED);
        let bottom = top + n as i32 * ROW;
        for (i, r) in rows.iter().enumerate() {
            let cy = top + i as i32 * ROW + ROW / 2;
            let weight = if r.highlight {
                Weight::Bold
            } else {
                Weight::Normal
            };
            c.text(&fitted[i], label_end, cy, FONT, Anchor::End, weight, TEXT);
            let (y0, y1) = (cy - BAR_H / 2, cy + BAR_H / 2);
            match deltas[i] {
                Some(0) => {
                    c.rect(cx - 2, y0 + 2, cx + 2, y1 - 2, MUTED);
                    c.text(&texts[i], bx1 + 8, cy, FONT, Anchor::Start, weight, TEXT);
                }
                Some(d) => {
                    let l = ((d.abs() as f64 / max_delta as f64) * f64::from(half)).round() as i32;
                    let l = l.max(2);
                    let (a, b, color) = if d > 0 {
                        (cx, cx + l, GREEN)
                    } else {
                        (cx - l, cx, VERMILLION)
                    };
                    c.rect(a, y0, b, y1, color);
                    if r.highlight {
                        c.frame(a, y0, b, y1, TEXT);
                    }
                    c.text(&texts[i], bx1 + 8, cy, FONT, Anchor::Start, weight, TEXT);
                }
                None => {
                    c.note(&texts[i], bx1 + 8, cy, FONT);
                }
            }
        }
        c.line(&[(cx, top - 2), (cx, bottom)], AXIS, 1);
    });

    let table = Table {
        headers: vec![
            "Đơn vị".into(),
            format!("Hạng {from_year}"),
            format!("Hạng {to_year}"),
            "Thay đổi".into(),
        ],
        row_header: 0,
        rows: rows
            .iter()
            .zip(&labels)
            .zip(&texts)
            .map(|((r, (label, _)), t)| {
                (
                    vec![
                        label.clone(),
                        absent_or_rank(r, r.from_rank),
                        absent_or_rank(r, r.to_rank),
                        t.clone(),
                    ],
                    r.highlight,
                )
            })
            .collect(),
    };
    chart(meta, "change", svg, &table, height, &header)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::charts::testutil::*;

    fn rows() -> Vec<ChangeRow> {
        let r = |l: &str, f: Option<u32>, t: Option<u32>, h: bool| ChangeRow {
            label: l.into(),
            from_rank: f,
            to_rank: t,
            highlight: h,
            absent: None,
        };
        vec![
            r("Tam Đường", Some(2), Some(1), false),
            r("Phong Thổ", Some(8), Some(2), true),
            r("Sìn Hồ", None, Some(3), false),
            r("Than Uyên", Some(4), Some(4), false),
            r("Bà Rịa - Vũng Tàu", Some(1), Some(5), false),
        ]
    }

    pub(crate) fn sample() -> Chart {
        let mut m = meta("c6-change", false);
        m.title = "Thay đổi thứ hạng Chỉ số CCHC 2018–2022".into();
        change(&m, 2018, 2022, &rows())
    }

    #[test]
    fn words_and_directions() {
        let chart = sample();
        let doc = check_svg(&chart.svg, "c6-change");
        let texts = svg_texts(&doc);
        for t in [
            "tăng 6 bậc",
            "giảm 4 bậc",
            "giữ nguyên",
            "không có số liệu",
            "Bà Rịa - Vũng Tàu",
        ] {
            assert!(texts.contains(&t.to_string()), "{t} missing in {texts:?}");
        }
        let desc = desc_text(&doc);
        assert!(
            desc.contains(
                "Phong Thổ (được đánh dấu): năm 2018 hạng 8, năm 2022 hạng 2, tăng 6 bậc"
            ),
            "{desc}"
        );
        assert!(
            desc.contains("Sìn Hồ: năm 2018 không có số liệu, năm 2022 hạng 3, không có số liệu")
        );
        // Gain to the right of the centre line, loss to the left.
        let bar = |fill: &str| {
            doc.descendants()
                .find(|n| n.has_tag_name("rect") && n.attribute("fill") == Some(fill))
                .map(|n| attr_f(&n, "x"))
                .unwrap()
        };
        assert!(bar("#009E73") > bar("#D55E00"));
    }

    #[test]
    fn table() {
        let chart = sample();
        let rows = table_rows(&chart.html);
        assert_eq!(rows[0], ["Đơn vị", "Hạng 2018", "Hạng 2022", "Thay đổi"]);
        assert_eq!(rows[2], ["Phong Thổ", "8", "2", "tăng 6 bậc"]);
        assert_eq!(
            rows[3],
            ["Sìn Hồ", "không có số liệu", "3", "không có số liệu"]
        );
        check_figure(&chart.html, "c6-change", "change", false);
        assert_eq!(chart, sample());
    }

    #[test]
    fn a_unit_without_a_counterpart_is_listed_as_such_not_as_a_change() {
        let mut rows = rows();
        rows.push(ChangeRow {
            label: "Xã Phong Thổ".into(),
            from_rank: None,
            to_rank: Some(9),
            highlight: false,
            absent: Some("đơn vị mới thành lập từ 1/7/2025".into()),
        });
        let chart = change(&meta("c", false), 2022, 2025, &rows);
        let doc = check_svg(&chart.svg, "c");
        let desc = desc_text(&doc);
        assert!(
            desc.contains("Xã Phong Thổ: năm 2022 không tồn tại, năm 2025 hạng 9, đơn vị mới thành lập từ 1/7/2025"),
            "{desc}"
        );
        assert!(
            chart.html.contains("<td>không tồn tại</td>"),
            "{}",
            chart.html
        );
    }
}
