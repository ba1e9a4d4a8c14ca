//! Fields: each component area's value against its maximum, as a bar over a
//! light track whose length is the field's maximum (common scale).

use super::svg::{self, Anchor, BLUE, FONT, PAD, TEXT, TRACK, W, Weight};
use super::{
    Chart, ChartMeta, FieldRow, Header, Table, cell_num, chart, clean, desc_intro, finite, num,
};
use crate::util::numfmt::{NO_DATA, format_number};

const LABEL_LINE: i32 = 17;
const BAR_ROW: i32 = 18;
const BAR_H: i32 = 14;
const ROW_GAP: i32 = 10;

/// A field maximum: no decimals when whole.
fn max_text(meta: &ChartMeta, max: f64) -> String {
    if max.fract() == 0.0 {
        format_number(max, 0)
    } else {
        num(meta, max)
    }
}

/// `7,50/10`, or "không có số liệu".
fn value_text(meta: &ChartMeta, row: &FieldRow) -> Option<String> {
    finite(row.value).map(|v| format!("{}/{}", num(meta, v), max_text(meta, row.max)))
}

/// Field breakdown of `unit_name` in `year`.
pub fn fields(meta: &ChartMeta, unit_name: &str, year: i32, rows: &[FieldRow]) -> Chart {
    let unit = clean(unit_name);
    let header = Header::new(
        meta,
        &format!("{unit}, năm {year}: điểm từng lĩnh vực so với điểm tối đa"),
    );
    let names: Vec<String> = rows.iter().map(|r| clean(&r.name)).collect();
    let wrapped: Vec<Vec<String>> = names
        .iter()
        .map(|n| svg::wrap(n, f64::from(W - 2 * PAD), FONT, Weight::Normal, 2))
        .collect();
    let values: Vec<Option<String>> = rows.iter().map(|r| value_text(meta, r)).collect();
    let val_w = values
        .iter()
        .flatten()
        .map(|v| svg::text_width(v, FONT, Weight::Bold))
        .fold(0.0, f64::max)
        .ceil() as i32;
    let x0 = PAD;
    let x1 = W - PAD - val_w - 8;
    let max_all = rows
        .iter()
        .map(|r| r.max)
        .filter(|m| m.is_finite() && *m > 0.0)
        .fold(0.0, f64::max);
    let len = |v: f64| -> i32 {
        if max_all <= 0.0 {
            return 0;
        }
        ((v / max_all).clamp(0.0, 1.0) * f64::from(x1 - x0)).round() as i32
    };

    let top = header.height();
    let row_h = |i: usize| LABEL_LINE * wrapped[i].len().max(1) as i32 + BAR_ROW + ROW_GAP;
    let height = top + (0..rows.len()).map(row_h).sum::<i32>() + PAD;

    let mut desc = desc_intro(
        meta,
        &format!(
            "Biểu đồ thanh: điểm từng lĩnh vực của {unit} năm {year}, mỗi thanh so với điểm tối đa của lĩnh vực."
        ),
    );
    let items: Vec<String> = rows
        .iter()
        .zip(&names)
        .zip(&values)
        .map(|((_, name), v)| format!("{name}: {}", v.as_deref().unwrap_or(NO_DATA)))
        .collect();
    if !items.is_empty() {
        desc.push(' ');
        desc.push_str(&items.join("; "));
        desc.push('.');
    }

    let svg = svg::render(&meta.id, &clean(&meta.title), &desc, height, |c| {
        header.draw(c);
        let mut y = top;
        for (i, row) in rows.iter().enumerate() {
            for line in &wrapped[i] {
                c.text(
                    line,
                    x0,
                    y + LABEL_LINE / 2,
                    FONT,
                    Anchor::Start,
                    Weight::Normal,
                    TEXT,
                );
                y += LABEL_LINE;
            }
            let cy = y + BAR_ROW / 2;
            let (b0, b1) = (cy - BAR_H / 2, cy + BAR_H / 2);
            let track = len(row.max).max(1);
            c.rect(x0, b0, x0 + track, b1, TRACK);
            match (finite(row.value), &values[i]) {
                (Some(v), Some(text)) => {
                    let l = len(v.min(row.max));
                    if l > 0 {
                        c.rect(x0, b0, x0 + l, b1, BLUE);
                    }
                    c.text(text, W - PAD, cy, FONT, Anchor::End, Weight::Bold, TEXT);
                }
                _ => c.note(NO_DATA, x0 + 4, cy, FONT),
            }
            y += BAR_ROW + ROW_GAP;
        }
    });

    let table = Table {
        headers: vec!["Lĩnh vực".into(), "Điểm".into(), "Tối đa".into()],
        row_header: 0,
        rows: rows
            .iter()
            .zip(&names)
            .map(|(r, name)| {
                (
                    vec![name.clone(), cell_num(meta, r.value), max_text(meta, r.max)],
                    false,
                )
            })
            .collect(),
    };
    chart(meta, "fields", svg, &table, height, &header)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::charts::testutil::*;

    fn rows() -> Vec<FieldRow> {
        vec![
            FieldRow {
                name: "Công tác chỉ đạo, điều hành".into(),
                value: Some(8.5),
                max: 10.0,
            },
            FieldRow {
                name: "Cải cách thể chế".into(),
                value: Some(7.5),
                max: 10.0,
            },
            FieldRow {
                name: "Cải cách thủ tục hành chính".into(),
                value: None,
                max: 15.0,
            },
            FieldRow {
                name: "Cải cách tổ chức bộ máy hành chính nhà nước và nâng cao chất lượng đội ngũ"
                    .into(),
                value: Some(5.25),
                max: 8.0,
            },
        ]
    }

    pub(crate) fn sample() -> Chart {
        let mut m = meta("c5-fields", true);
        m.title = "Điểm thành phần của huyện Phong Thổ năm 2022".into();
        fields(&m, "Phong Thổ", 2022, &rows())
    }

    #[test]
    fn values_against_max() {
        let chart = sample();
        let doc = check_svg(&chart.svg, "c5-fields");
        let texts = svg_texts(&doc);
        assert!(texts.contains(&"7,50/10".to_string()), "{texts:?}");
        assert!(texts.contains(&"5,25/8".to_string()));
        assert!(texts.contains(&"không có số liệu".to_string()));
        assert!(texts.contains(&ILLUSTRATIVE_TEXT.to_string()));
        let desc = desc_text(&doc);
        assert!(desc.contains("Cải cách thể chế: 7,50/10"), "{desc}");
        assert!(desc.contains("Cải cách thủ tục hành chính: không có số liệu"));
        // Track (max 15) longer than track of max 10.
        let tracks: Vec<f64> = doc
            .descendants()
            .filter(|n| n.has_tag_name("rect") && n.attribute("fill") == Some("#E6E6E6"))
            .map(|n| attr_f(&n, "width"))
            .collect();
        assert_eq!(tracks.len(), 4);
        assert!(tracks[2] > tracks[1]);
    }

    #[test]
    fn table() {
        let chart = sample();
        let rows = table_rows(&chart.html);
        assert_eq!(rows[0], ["Lĩnh vực", "Điểm", "Tối đa"]);
        assert_eq!(rows[2], ["Cải cách thể chế", "7,50", "10"]);
        assert_eq!(
            rows[3],
            ["Cải cách thủ tục hành chính", "không có số liệu", "15"]
        );
        check_figure(&chart.html, "c5-fields", "fields", true);
        assert_eq!(chart, sample());
    }
}
