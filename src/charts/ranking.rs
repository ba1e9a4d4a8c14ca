//! Ranking: horizontal bars, one row per unit, best first.

use super::svg::{self, AXIS, Anchor, BLUE, FONT, GRID, MUTED, PAD, TEXT, VERMILLION, W, Weight};
use super::{
    Bar, Chart, ChartMeta, Header, Table, cell_num, cell_rank, chart, clean, desc_intro,
    direction_text, finite, num, num_unit, scale, scale_text, value_header,
};
use crate::util::numfmt::NO_DATA;

/// Row pitch and bar thickness (viewBox units).
pub(super) const ROW: i32 = 22;
pub(super) const BAR_H: i32 = 14;
/// Smallest width left for bars; labels longer than what remains get "…".
const MIN_BARS: f64 = 110.0;

/// Label column shared with the change chart: the widest label (bold for
/// highlighted ones) up to `max`, each label fitted to it.
pub(super) fn label_column(labels: &[(String, bool)], max: f64) -> (f64, Vec<String>) {
    let weight = |h: bool| if h { Weight::Bold } else { Weight::Normal };
    let widest = labels
        .iter()
        .map(|(l, h)| svg::text_width(l, FONT, weight(*h)))
        .fold(0.0, f64::max);
    let width = widest.min(max).ceil();
    let fitted = labels
        .iter()
        .map(|(l, h)| svg::fit(l, width, FONT, weight(*h)))
        .collect();
    (width, fitted)
}

/// Ranking bar chart of `bars` (best first) in `year`.
pub fn ranking(meta: &ChartMeta, year: i32, bars: &[Bar]) -> Chart {
    let n = bars.len();
    let labels: Vec<(String, bool)> = bars
        .iter()
        .map(|b| (clean(&b.label), b.highlight))
        .collect();
    let of = meta.rank_of.unwrap_or_else(|| {
        bars.iter()
            .filter_map(|b| b.rank)
            .max()
            .unwrap_or(0)
            .max(n as u32)
    });
    let scale_txt = scale_text(meta);
    let header = Header::new(
        meta,
        &format!("Năm {year} · {scale_txt} · {}", direction_text(meta)),
    );

    // Columns: rank | label | bars | value.
    let rank_w = if bars.iter().any(|b| b.rank.is_some()) {
        svg::text_width(&of.to_string(), FONT, Weight::Bold).ceil() as i32 + 8
    } else {
        0
    };
    let values: Vec<Option<String>> = bars
        .iter()
        .map(|b| finite(b.value).map(|v| num(meta, v)))
        .collect();
    let val_w = values
        .iter()
        .flatten()
        .map(|v| svg::text_width(v, FONT, Weight::Bold))
        .fold(0.0, f64::max)
        .ceil() as i32
        + 8;
    let max_label = f64::from(W - 2 * PAD - rank_w - 12 - val_w) - MIN_BARS;
    let (label_w, fitted) = label_column(&labels, max_label.max(60.0));
    let label_end = PAD + rank_w + label_w as i32;
    let bar_x0 = label_end + 8;
    let bar_x1 = W - PAD - val_w;
    let (lo, hi) = scale(meta);
    let px = |v: f64| -> i32 {
        let t = ((v - lo) / (hi - lo)).clamp(0.0, 1.0);
        bar_x0 + (t * f64::from(bar_x1 - bar_x0)).round() as i32
    };

    let axis_row = 18;
    let top = header.height() + axis_row;
    let height = top + n as i32 * ROW + PAD;

    // Desc: every value.
    let mut desc = desc_intro(
        meta,
        &format!(
            "Biểu đồ thanh ngang xếp hạng {n} đơn vị năm {year}, {scale_txt}, {}.",
            direction_text(meta)
        ),
    );
    let items: Vec<String> = bars
        .iter()
        .zip(&labels)
        .map(|(b, (label, _))| {
            let mut s = label.clone();
            if b.highlight {
                s.push_str(" (được đánh dấu)");
            }
            s.push_str(": ");
            s.push_str(&num_unit(meta, b.value));
            if let Some(r) = b.rank {
                s.push_str(&format!(", hạng {r}/{of}"));
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
        let bound = |v: f64| {
            if v.fract() == 0.0 {
                crate::util::numfmt::format_number(v, 0)
            } else {
                num(meta, v)
            }
        };
        let ay = top - axis_row / 2;
        c.text(
            &bound(lo),
            bar_x0,
            ay,
            FONT,
            Anchor::Middle,
            Weight::Normal,
            MUTED,
        );
        c.text(
            &bound(hi),
            bar_x1,
            ay,
            FONT,
            Anchor::Middle,
            Weight::Normal,
            MUTED,
        );
        let bottom = top + n as i32 * ROW;
        c.line(&[(bar_x1, top), (bar_x1, bottom)], GRID, 1);
        for (i, b) in bars.iter().enumerate() {
            let cy = top + i as i32 * ROW + ROW / 2;
            let weight = if b.highlight {
                Weight::Bold
            } else {
                Weight::Normal
            };
            if let Some(r) = b.rank {
                let color = if b.highlight { TEXT } else { MUTED };
                c.text(
                    &r.to_string(),
                    PAD + rank_w - 8,
                    cy,
                    FONT,
                    Anchor::End,
                    weight,
                    color,
                );
            }
            c.text(&fitted[i], label_end, cy, FONT, Anchor::End, weight, TEXT);
            match (finite(b.value), &values[i]) {
                (Some(v), Some(text)) => {
                    let x = px(v).max(bar_x0 + 1);
                    let (y0, y1) = (cy - BAR_H / 2, cy + BAR_H / 2);
                    if b.highlight {
                        c.rect(bar_x0, y0, x, y1, VERMILLION);
                        c.frame(bar_x0, y0, x, y1, TEXT);
                    } else {
                        c.rect(bar_x0, y0, x, y1, BLUE);
                    }
                    c.text(text, x + 4, cy, FONT, Anchor::Start, weight, TEXT);
                }
                _ => {
                    c.note(NO_DATA, bar_x0 + 4, cy, FONT);
                }
            }
        }
        c.line(&[(bar_x0, top - 2), (bar_x0, bottom)], AXIS, 1);
    });

    let table = Table {
        headers: vec!["Hạng".into(), "Đơn vị".into(), value_header(meta)],
        row_header: 1,
        rows: bars
            .iter()
            .zip(&labels)
            .map(|(b, (label, _))| {
                (
                    vec![cell_rank(b.rank), label.clone(), cell_num(meta, b.value)],
                    b.highlight,
                )
            })
            .collect(),
    };
    chart(meta, "ranking", svg, &table, height, &header)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::charts::testutil::*;

    fn bars8() -> Vec<Bar> {
        let data = [
            ("Tam Đường", Some(80.5)),
            ("Phong Thổ", Some(72.1)),
            ("TP Lai Châu", Some(70.0)),
            ("Sìn Hồ", None),
            ("Than Uyên", Some(65.25)),
            ("Tân Uyên", Some(64.0)),
            ("Mường Tè", Some(60.125)),
            ("Nậm Nhùn", Some(55.0)),
        ];
        data.iter()
            .enumerate()
            .map(|(i, (l, v))| Bar {
                label: l.to_string(),
                value: *v,
                rank: v.map(|_| i as u32 + 1),
                highlight: *l == "Phong Thổ",
            })
            .collect()
    }

    pub(crate) fn sample8() -> Chart {
        ranking(&meta("c1-ranking-2022", true), 2022, &bars8())
    }

    #[test]
    fn basic_accessibility_and_values() {
        let chart = sample8();
        let doc = check_svg(&chart.svg, "c1-ranking-2022");
        let desc = desc_text(&doc);
        assert!(
            desc.contains("Phong Thổ (được đánh dấu): 72,10 điểm, hạng 2/8"),
            "{desc}"
        );
        assert!(desc.contains("Sìn Hồ: không có số liệu"), "{desc}");
        assert!(desc.contains("Mường Tè: 60,13 điểm"), "{desc}");
        let texts = svg_texts(&doc);
        assert!(texts.contains(&"72,10".to_string()));
        assert!(texts.contains(&"không có số liệu".to_string()));
        assert!(texts.contains(&ILLUSTRATIVE_TEXT.to_string()));
        assert!(!texts.iter().any(|t| t == "0,00"));
        // Highlighted label is bold.
        let bold: Vec<_> = doc
            .descendants()
            .filter(|n| n.has_tag_name("text") && n.attribute("font-weight") == Some("bold"))
            .filter_map(|n| n.text())
            .collect();
        assert!(bold.contains(&"Phong Thổ"), "{bold:?}");
        assert!(chart.svg.len() < 10_000, "{} bytes", chart.svg.len());
    }

    #[test]
    fn a_chart_on_a_page_that_flags_illustrative_data_leaves_its_badge_to_the_page() {
        let own = sample8();
        let meta = ChartMeta {
            page_flagged: true,
            ..meta("c1-ranking-2022", true)
        };
        let quiet = ranking(&meta, 2022, &bars8());
        let doc = check_svg(&quiet.svg, "c1-ranking-2022");
        assert!(!svg_texts(&doc).contains(&ILLUSTRATIVE_TEXT.to_string()));
        assert!(
            desc_text(&doc).contains(ILLUSTRATIVE_TEXT),
            "still said to screen readers"
        );
        assert!(
            quiet.height < own.height,
            "no blank band where the badge was"
        );
    }

    #[test]
    fn table_contents() {
        let chart = sample8();
        let rows = table_rows(&chart.html);
        assert_eq!(rows[0], ["Hạng", "Đơn vị", "Điểm"]);
        assert_eq!(rows[2], ["2", "Phong Thổ", "72,10"]);
        assert_eq!(rows[4], ["không có số liệu", "Sìn Hồ", "không có số liệu"]);
        assert_eq!(rows.len(), 9);
        check_figure(&chart.html, "c1-ranking-2022", "ranking", true);
    }

    #[test]
    fn deterministic() {
        assert_eq!(sample8(), sample8());
    }

    fn many() -> Vec<Bar> {
        let mut names: Vec<String> = (1..=60).map(|i| format!("Tỉnh số {i} Đắk Lắk")).collect();
        names.insert(3, "Thành phố Hồ Chí Minh".into());
        names.insert(10, "Bà Rịa - Vũng Tàu".into());
        names.insert(40, "<script>alert(1)</script>".into());
        names
            .into_iter()
            .enumerate()
            .map(|(i, label)| Bar {
                label,
                value: if i == 20 {
                    None
                } else {
                    Some(95.0 - i as f64 * 0.7)
                },
                rank: Some(i as u32 + 1),
                highlight: i == 10,
            })
            .collect()
    }

    pub(crate) fn sample63() -> Chart {
        ranking(&meta("c2-ranking-63", false), 2023, &many())
    }

    #[test]
    fn sixty_three_units_all_labels_in_order_and_apart() {
        let bars = many();
        assert_eq!(bars.len(), 63);
        let chart = sample63();
        let doc = check_svg(&chart.svg, "c2-ranking-63");
        // Label texts are end-anchored; collect them in document order.
        let labels: Vec<(String, f64)> = doc
            .descendants()
            .filter(|n| n.has_tag_name("text") && n.attribute("text-anchor") == Some("end"))
            .filter(|n| n.text().is_some_and(|t| t.parse::<u32>().is_err()))
            .map(|n| (n.text().unwrap().to_string(), attr_f(&n, "y")))
            .collect();
        let want: Vec<String> = bars.iter().map(|b| b.label.clone()).collect();
        let got: Vec<String> = labels.iter().map(|(t, _)| t.clone()).collect();
        assert_eq!(got, want, "labels must appear whole and in order");
        for w in labels.windows(2) {
            assert!(w[1].1 - w[0].1 >= FONT, "labels too close: {w:?}");
        }
        // Escaped in SVG: no script element, text kept.
        assert!(!chart.svg.contains("<script"));
        assert!(chart.svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(!chart.html.contains("<script"));
        assert!(chart.html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        let rows = table_rows(&chart.html);
        assert_eq!(rows.len(), 64);
        assert_eq!(rows[41][1], "<script>alert(1)</script>");
        assert_eq!(rows[21][2], "không có số liệu");
        // No label runs off the left edge.
        for n in doc.descendants().filter(|n| n.has_tag_name("text")) {
            let t = n.text().unwrap_or("");
            let x = attr_f(&n, "x");
            let weight = match n.attribute("font-weight") {
                Some("bold") => Weight::Bold,
                _ => Weight::Normal,
            };
            let w = svg::text_width(t, attr_f(&n, "font-size"), weight);
            match n.attribute("text-anchor") {
                Some("end") => assert!(x - w >= 0.0, "{t} cut on the left"),
                Some("start") => assert!(x + w <= f64::from(W) + 1.0, "{t} cut on the right"),
                _ => {}
            }
        }
    }

    #[test]
    fn escaped_once_and_nfc() {
        use unicode_normalization::UnicodeNormalization;
        let decomposed: String = "Phong Thổ".nfd().collect();
        let bars = [
            Bar {
                label: decomposed,
                value: Some(72.1),
                rank: Some(1),
                highlight: false,
            },
            Bar {
                label: "Lào Cai & \"Yên Bái\"".into(),
                value: Some(1.0),
                rank: Some(2),
                highlight: false,
            },
        ];
        let chart = ranking(&meta("n", false), 2022, &bars);
        let doc = check_svg(&chart.svg, "n");
        let texts = svg_texts(&doc);
        assert!(texts.contains(&"Phong Thổ".to_string()), "NFC label");
        assert!(
            texts.contains(&"Lào Cai & \"Yên Bái\"".to_string()),
            "{texts:?}"
        );
        assert!(!chart.svg.contains("&amp;amp;") && !chart.html.contains("&amp;amp;"));
        let rows = table_rows(&chart.html);
        assert_eq!(rows[2][1], "Lào Cai & \"Yên Bái\"");
        assert_eq!(rows[1][1], "Phong Thổ");
    }

    #[test]
    fn empty_ranking_is_valid() {
        let chart = ranking(&meta("e", false), 2022, &[]);
        check_svg(&chart.svg, "e");
    }
}
