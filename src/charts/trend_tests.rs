//! Tests of the trend chart: its layout passes and the drawn SVG.

use super::layout::ticks;
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

/// Three years, a missing score, ranks: every part of the chart, small.
pub(crate) fn small() -> Chart {
    let mut m = meta("t", false);
    m.title = "Phong Thổ".into();
    let p = |year, total, rank| TrendPoint {
        year,
        total,
        rank,
        of: Some(8),
    };
    trend(
        &m,
        "Phong Thổ",
        &[
            p(2020, Some(61.5), Some(5)),
            p(2021, None, Some(3)),
            p(2022, Some(70.25), None),
        ],
    )
}

/// Recorded before `trend` was split at its seams; the split kept it byte
/// for byte.
#[test]
fn snapshot_small_trend() {
    let chart = small();
    insta::assert_snapshot!("small_trend_svg", chart.svg);
    insta::assert_snapshot!(
        "small_trend_html_without_svg",
        chart.html.replace(&chart.svg, "<svg>…</svg>")
    );
}

// The passes.

#[test]
fn subtitle_names_the_years() {
    assert_eq!(
        subtitle("A", "điểm", &[2018, 2020, 2022]),
        "A: điểm, 2018–2022"
    );
    assert_eq!(subtitle("A", "điểm", &[]), "A: điểm qua các năm");
}

#[test]
fn value_axis_covers_the_data_or_the_scale() {
    let m = meta("v", false);
    let axis = value_axis(&m, &pts());
    assert!(axis.ticks[0] <= 65.0 && *axis.ticks.last().unwrap() >= 72.1);
    assert_eq!(axis.ticks.len(), axis.labels.len());
    let none = [TrendPoint {
        year: 2022,
        total: Some(f64::NAN),
        rank: None,
        of: None,
    }];
    let axis = value_axis(&m, &none);
    assert_eq!(axis.ticks.first(), Some(&m.scale_min), "{:?}", axis.ticks);
    assert_eq!(axis.ticks.last(), Some(&m.scale_max), "{:?}", axis.ticks);
}

#[test]
fn max_rank_takes_n_into_account() {
    assert_eq!(max_rank(&pts()), 8);
    assert_eq!(max_rank(&[]), 1);
}

#[test]
fn years_spread_evenly_or_centre() {
    let x = XAxis::new(20, 2018, 2022);
    assert_eq!(x.plot_x0, PAD + 26);
    assert_eq!((x.x(2018), x.x(2022)), (x.xa, x.xb));
    assert_eq!(x.x(2020), (x.xa + x.xb) / 2);
    let one = XAxis::new(20, 2022, 2022);
    assert_eq!(one.x(2022), (one.xa + one.xb) / 2);
}

#[test]
fn labels_thin_out_when_years_are_close() {
    let m = meta("l", false);
    let few = pts();
    let x = XAxis::new(20, 2018, 2022);
    let l = Labels::fit(&m, &few, &[2018, 2019, 2020, 2021, 2022], &x);
    assert_eq!(l.year_step, 1);
    assert!(l.all_values && l.all_ranks);
    assert_eq!(l.values[2], None, "no label for the missing year");
    let many: Vec<TrendPoint> = (2000..2025)
        .map(|y| TrendPoint {
            year: y,
            total: Some(50.0),
            rank: Some(10),
            of: Some(30),
        })
        .collect();
    let years: Vec<i32> = (2000..2025).collect();
    let l = Labels::fit(&m, &many, &years, &XAxis::new(20, 2000, 2024));
    assert!(l.year_step > 1);
    assert!(!l.all_values && !l.all_ranks);
}

#[test]
fn notes_name_missing_years() {
    assert_eq!(
        notes(&pts(), true),
        [
            "Năm 2020: không có số liệu điểm.",
            "Năm 2020: không có số liệu hạng."
        ]
    );
    assert_eq!(notes(&pts(), false), ["Năm 2020: không có số liệu điểm."]);
    assert!(notes(&pts()[..2], true).is_empty());
}

#[test]
fn rows_stack_panels_and_notes() {
    let with = Rows::new(50, true, 2);
    assert!(with.score_top < with.s_py0 && with.s_py0 < with.s_py1);
    assert!(with.s_py1 < with.r_top && with.r_top < with.r_py0 && with.r_py0 < with.r_py1);
    assert!(with.r_py1 < with.notes_top);
    assert_eq!(with.height, with.notes_top + 2 * NOTE_LINE + PAD);
    let without = Rows::new(50, false, 0);
    assert_eq!((without.r_top, without.r_py0, without.r_py1), (0, 0, 0));
    assert!(without.height < with.height);
}

#[test]
fn rank_ticks_first_middle_last() {
    assert_eq!(rank_ticks(1), [1]);
    assert_eq!(rank_ticks(4), [1, 4]);
    assert_eq!(rank_ticks(8), [1, 5, 8]);
    assert_eq!(rank_ticks(63), [1, 32, 63]);
}

#[test]
fn axes_map_values_and_ranks() {
    let m = meta("a", false);
    let p = pts();
    let t = Trend::new(&m, "X", &p, &[]);
    assert_eq!(t.y_rank(1), t.rows.r_py0, "rank 1 on top");
    assert_eq!(t.y_rank(8), t.rows.r_py1);
    assert_eq!(t.y_rank(99), t.rows.r_py1, "clamped");
    assert_eq!(t.y_val(t.values.ticks[0]), t.rows.s_py1);
    assert_eq!(t.y_val(1e9), t.rows.s_py0, "clamped");
}

#[test]
fn table_rows_per_year() {
    let t = table(&meta("t", false), "X", &pts(), &[]);
    assert_eq!(t.rows.len(), 5);
    assert_eq!(t.rows[1].0, ["2019", "66,50", "6/8"]);
}

// Across a reform (the real 2025 merger: Tuyên Quang ← Hà Giang + Tuyên
// Quang; the scores are made up).

fn tp(year: i32, total: f64, rank: u32, of: u32) -> TrendPoint {
    TrendPoint {
        year,
        total: Some(total),
        rank: Some(rank),
        of: Some(of),
    }
}

pub(crate) fn across_merger() -> Chart {
    let mut m = meta("t-sap-nhap", false);
    m.title = "PAR INDEX: Tuyên Quang (mới) qua các năm".into();
    let preds = [
        TrendSeries {
            name: "Hà Giang".into(),
            points: vec![
                tp(2022, 80.1, 50, 63),
                tp(2023, 82.4, 41, 63),
                tp(2024, 84.0, 30, 63),
            ],
        },
        TrendSeries {
            name: "Tuyên Quang".into(),
            points: vec![
                tp(2022, 83.5, 35, 63),
                tp(2023, 85.2, 22, 63),
                tp(2024, 86.9, 14, 63),
            ],
        },
    ];
    trend_across(
        &m,
        "Tuyên Quang (mới)",
        &[tp(2025, 85.6, 12, 34)],
        &preds,
        Some("1/7/2025"),
    )
}

/// Polylines of one stroke colour: (how many, the x of every point).
fn strokes(doc: &roxmltree::Document, colour: &str) -> (usize, Vec<f64>) {
    let lines: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("polyline") && n.attribute("stroke") == Some(colour))
        .collect();
    let xs = lines
        .iter()
        .flat_map(|n| {
            n.attribute("points")
                .unwrap_or("")
                .split_whitespace()
                .filter_map(|p| p.split(',').next()?.parse::<f64>().ok())
                .collect::<Vec<_>>()
        })
        .collect();
    (lines.len(), xs)
}

#[test]
fn a_merged_unit_is_never_joined_to_its_predecessors_lines() {
    let chart = across_merger();
    let doc = check_svg(&chart.svg, "t-sap-nhap");
    // Each predecessor is its own dashed series in its own colour.
    let (green, green_x) = strokes(&doc, "#009E73");
    let (grey, grey_x) = strokes(&doc, "#595959");
    assert!(green > 2 && grey > 2, "dashes: {green} green, {grey} grey");
    // The unit's own line and dots never reach back into the predecessors' years.
    let (_, blue_x) = strokes(&doc, "#0072B2");
    let dots: Vec<f64> = doc
        .descendants()
        .filter(|n| n.has_tag_name("circle"))
        .map(|n| attr_f(&n, "cx"))
        .collect();
    let last_pred_x = green_x
        .iter()
        .chain(&grey_x)
        .copied()
        .fold(f64::MIN, f64::max);
    assert_eq!(dots.len(), 1, "one own score, 2025");
    assert!(
        blue_x.iter().chain(&dots).all(|&x| x > last_pred_x),
        "{blue_x:?} {dots:?} vs {last_pred_x}"
    );
    // The break is marked and named, and so is each predecessor.
    let texts: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text().map(str::to_string))
        .collect();
    for want in ["Hà Giang", "Tuyên Quang", "từ 1/7/2025 →"] {
        assert!(texts.iter().any(|t| t == want), "{want} in {texts:?}");
    }
    let desc = desc_text(&doc);
    assert!(
        desc.contains("Đơn vị tiền thân Hà Giang (đường nét đứt"),
        "{desc}"
    );
    // The data table names each row's unit: 3 + 3 predecessor rows, 1 own.
    assert!(
        chart.html.contains("<th scope=\"col\">Đơn vị</th>"),
        "{}",
        chart.html
    );
}

#[test]
fn snapshot_trend_across_a_merger_two_series_and_a_break() {
    insta::assert_snapshot!("trend_across_merger_svg", across_merger().svg);
}

/// The sample's case: a district (2018–2024, its last score the highest
/// of the chart) and one commune that succeeded it in 2025.
fn commune_after_a_district() -> Chart {
    let mut m = meta("t-xa-moi", true);
    m.title = "Chỉ số CCHC: Xã Dào San qua các năm".into();
    let pred = TrendSeries {
        name: "Phong Thổ".into(),
        points: (2018..=2024)
            .map(|y| {
                tp(
                    y,
                    70.0 + f64::from(y - 2018) * 2.5,
                    8 - (y - 2018) as u32 / 2,
                    8,
                )
            })
            .collect(),
    };
    trend_across(
        &m,
        "Xã Dào San",
        &[tp(2025, 81.4, 12, 38)],
        &[pred],
        Some("1/7/2025"),
    )
}

/// Every drawn text's box, by the charts' width estimate: (text, box).
fn text_boxes(doc: &roxmltree::Document) -> Vec<(String, lineage::TextBox)> {
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| {
            let s = n.text().unwrap_or("").to_string();
            let size = attr_f(&n, "font-size");
            let weight = match (n.attribute("font-weight"), n.attribute("font-style")) {
                (Some("bold"), _) => Weight::Bold,
                (_, Some("italic")) => Weight::Italic,
                _ => Weight::Normal,
            };
            let w = svg::text_width(&s, size, weight);
            let (x, y) = (attr_f(&n, "x"), attr_f(&n, "y"));
            let left = match n.attribute("text-anchor") {
                Some("middle") => x - w / 2.0,
                Some("end") => x - w,
                _ => x,
            };
            (s, (left, y - size / 2.0, left + w, y + size / 2.0))
        })
        .collect()
}

#[test]
fn the_break_label_never_overlaps_a_predecessors_name_or_any_other_label() {
    for chart in [commune_after_a_district(), across_merger()] {
        let doc = roxmltree::Document::parse(&chart.svg).unwrap();
        let boxes = text_boxes(&doc);
        let label = boxes
            .iter()
            .find(|(s, _)| s == "từ 1/7/2025 →")
            .expect("the break is labelled");
        for (s, b) in &boxes {
            if s != &label.0 {
                assert!(
                    !lineage::overlaps(&label.1, b),
                    "'{}' {:?} meets '{s}' {b:?}",
                    label.0,
                    label.1
                );
            }
        }
        assert!(label.1.0 >= f64::from(PAD) && label.1.2 <= f64::from(svg::W - PAD));
    }
}
